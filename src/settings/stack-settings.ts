import type { Environment } from "../util/environment.js";
import { backendFrom, LOCAL_BACKEND, type BackendChoice, type BackendOptions } from "./backend.js";
import { DEFAULT_DATADOG_PROVIDER, datadogProviderConstraint } from "./datadog-provider.js";

/** What every stack is written with besides its resources: where its state is, and which provider it needs. */
export interface StackSettings {
  readonly backend: BackendChoice;
  /** The Terraform version constraint on the Datadog provider, such as `>= 4.4.0, < 5.0.0`. */
  readonly datadogProvider: string;
}

/** Local state, and the newest 4.x provider from 4.4.0 on. */
export const DEFAULT_STACK_SETTINGS: StackSettings = {
  backend: LOCAL_BACKEND,
  datadogProvider: DEFAULT_DATADOG_PROVIDER,
};

/** The stack settings as options name them. */
export interface StackSettingsOptions extends BackendOptions {
  readonly datadogProvider?: string;
}

/**
 * The settings the options choose, else the environment's (SLOCC_BACKEND, SLOCC_BACKEND_CONFIG,
 * SLOCC_DATADOG_PROVIDER), else the defaults. A setting that is not one throws a UsageError.
 */
export function stackSettingsFrom(options: StackSettingsOptions, env: Environment): StackSettings {
  const constraint = options.datadogProvider ?? env["SLOCC_DATADOG_PROVIDER"];
  return {
    backend: backendFrom(options, env),
    datadogProvider: constraint?.trim() ? datadogProviderConstraint(constraint) : DEFAULT_DATADOG_PROVIDER,
  };
}
