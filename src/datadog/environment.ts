import type { Environment } from "../util/environment.js";

/** A Datadog setting and the environment variables it is read from, as the Datadog provider reads them. */
export interface DatadogVariable {
  /** The names, the preferred first: the first one set wins. */
  readonly names: readonly [string, string];
  /** What the setting is, for messages. */
  readonly kind: string;
}

export const DATADOG_API_KEY: DatadogVariable = { names: ["DD_API_KEY", "DATADOG_API_KEY"], kind: "API key" };
export const DATADOG_APP_KEY: DatadogVariable = { names: ["DD_APP_KEY", "DATADOG_APP_KEY"], kind: "application key" };
/** The site's API address, such as `https://api.datadoghq.eu`. */
export const DATADOG_HOST: DatadogVariable = { names: ["DD_HOST", "DATADOG_HOST"], kind: "site" };

/** The setting's value and the variable it was read from, or undefined when none of its names is set. */
export function datadogSetting(
  env: Environment,
  variable: DatadogVariable,
): { readonly name: string; readonly value: string } | undefined {
  for (const name of variable.names) {
    const value = env[name];
    if (value) return { name, value };
  }
  return undefined;
}
