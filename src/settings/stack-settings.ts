import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import type { Environment } from "../util/environment.js";
import { backendFrom, LOCAL_BACKEND, type BackendChoice, type BackendOptions } from "./backend.js";
import { DEFAULT_DATADOG_PROVIDER, datadogProviderConstraint } from "./datadog-provider.js";

/** What every stack is written with besides its resources: where its state is, and which provider it needs. */
export interface StackSettings {
  readonly backend: BackendChoice;
  /** The Terraform version constraint on the Datadog provider, such as `>= 4.5.0, < 5.0.0`. */
  readonly datadogProvider: string;
}

/** Local state, and the newest 4.x provider from 4.5.0 on. */
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
 * SLOCC_DATADOG_PROVIDER), else the defaults; or every setting that is not one.
 */
export function stackSettingsFrom(options: StackSettingsOptions, env: Environment): Outcome<StackSettings> {
  const written = options.datadogProvider ?? env["SLOCC_DATADOG_PROVIDER"];
  const backend = backendFrom(options, env);
  const datadogProvider = written?.trim() ? datadogProviderConstraint(written) : succeeded(DEFAULT_DATADOG_PROVIDER);
  if (!backend.ok || !datadogProvider.ok)
    return failed([...(backend.ok ? [] : backend.problems), ...(datadogProvider.ok ? [] : datadogProvider.problems)]);
  return succeeded({ backend: backend.value, datadogProvider: datadogProvider.value });
}
