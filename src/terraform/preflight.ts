import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { DATADOG_API_KEY, DATADOG_APP_KEY, datadogSetting } from "../datadog/environment.js";
import { failed, succeeded, type Outcome, type Problem } from "../diagnostics/outcome.js";
import type { Environment } from "../util/environment.js";

/** What running terraform against Datadog needs, once every precondition holds. */
export interface TerraformContext {
  /** Absolute path of the terraform binary found on PATH. */
  readonly terraform: string;
  /** The Datadog key values, to be redacted from anything printed. */
  readonly secrets: readonly string[];
}

const TERRAFORM_INSTALL_URL = "https://developer.hashicorp.com/terraform/install";

/** The Datadog keys the provider needs. */
const DATADOG_KEYS = [DATADOG_API_KEY, DATADOG_APP_KEY];

/**
 * Checks, without running anything, that terraform is on PATH and that both Datadog keys are set:
 * what running terraform needs, or one actionable problem per failed check. Problems never
 * contain a key value.
 */
export function preflight(env: Environment): Outcome<TerraformContext> {
  const problems: Problem[] = [];
  const terraform = findOnPath("terraform", env);
  if (!terraform) {
    problems.push({
      code: "TERRAFORM_MISSING",
      message: `terraform was not found on PATH: install Terraform (${TERRAFORM_INSTALL_URL}) and make sure \`terraform version\` runs`,
    });
  }
  for (const key of DATADOG_KEYS) {
    if (datadogSetting(env, key)) continue;
    const [preferred, alternative] = key.names;
    problems.push({
      code: "DATADOG_KEYS",
      message: `${preferred} is not set: export your Datadog ${key.kind} as ${preferred} (or ${alternative})`,
    });
  }
  if (!terraform || problems.length > 0) return failed(problems);
  return succeeded({ terraform, secrets: secretValues(env) });
}

/** Every Datadog key value present in the environment, under any of its names. */
function secretValues(env: Environment): string[] {
  const values = DATADOG_KEYS.flatMap((key) => key.names.map((name) => env[name]));
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}

/** The absolute path of an executable named `command` in the environment's PATH, if any. */
export function findOnPath(command: string, env: Environment): string | undefined {
  const names = process.platform === "win32" ? [`${command}.exe`, command] : [command];
  for (const dir of (env["PATH"] ?? "").split(delimiter)) {
    // An empty PATH entry means the current directory, which is no place to pick terraform from.
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
