import type { Environment } from "../util/environment.js";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";

/**
 * Where the stacks keep their Terraform state. `local` (the default) keeps it in files beside the
 * output directory; any other Terraform backend type (s3, gcs, azurerm, remote, http, pg...) takes
 * its settings as key/value pairs, in which `{stack}` stands for the stack's name.
 */
export interface BackendChoice {
  readonly type: string;
  readonly config: Readonly<Record<string, string>>;
}

/** The default: local state files. */
export const LOCAL_BACKEND: BackendChoice = { type: "local", config: {} };

/**
 * Reads a backend type and `key=value` settings (from repeated options, or one comma-separated
 * environment value), checking the names Terraform accepts.
 */
export function backendChoice(type: string | undefined, settings: readonly string[]): Outcome<BackendChoice> {
  const backendType = type?.trim() || "local";
  if (!/^[a-z][a-z0-9_]*$/.test(backendType))
    return failed(
      "INVALID_SETTING",
      `"${backendType}" is not a Terraform backend type such as s3, gcs, azurerm or remote`,
    );
  const config: Record<string, string> = {};
  for (const setting of settings
    .flatMap((entry) => entry.split(","))
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)) {
    const equals = setting.indexOf("=");
    const key = setting.slice(0, equals).trim();
    if (equals <= 0 || !/^[a-z_][a-z0-9_]*$/.test(key))
      return failed(
        "INVALID_SETTING",
        `write each backend setting as key=value, such as bucket=my-state: "${setting}"`,
      );
    config[key] = setting.slice(equals + 1).trim();
  }
  return succeeded({ type: backendType, config });
}

/** The backend as options name it: a type, and `key=value` settings, each given on its own. */
export interface BackendOptions {
  readonly backend?: string;
  readonly backendConfig?: readonly string[];
}

/**
 * The backend chosen by the options, else by the environment: SLOCC_BACKEND, and
 * SLOCC_BACKEND_CONFIG (comma-separated). Settings without a type are refused rather than applied
 * to the local default, which they rarely fit.
 */
export function backendFrom(options: BackendOptions, env: Environment): Outcome<BackendChoice> {
  const type = options.backend ?? env["SLOCC_BACKEND"];
  const settings = options.backendConfig ?? (env["SLOCC_BACKEND_CONFIG"] ? [env["SLOCC_BACKEND_CONFIG"]] : []);
  const choice = backendChoice(type, settings);
  if (choice.ok && !type?.trim() && Object.keys(choice.value.config).length > 0) {
    return failed(
      "INVALID_SETTING",
      "backend settings were given without a backend type: add --backend <type> (or set SLOCC_BACKEND), such as s3, gcs or azurerm, or local for a local state path",
    );
  }
  return choice;
}
