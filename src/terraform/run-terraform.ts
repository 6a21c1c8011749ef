import { spawn } from "node:child_process";
import type { Environment } from "../util/environment.js";
import type { TerraformContext } from "./preflight.js";
import { redact } from "../util/redact.js";

/** What one terraform invocation printed and how it ended, with the Datadog keys redacted. */
export interface TerraformOutput {
  /** The exit code, or null when terraform could not start or was stopped by a signal (said in `errorOutput`). */
  readonly exitCode: number | null;
  /** Standard output and error together, in the order they arrived. */
  readonly output: string;
  /** Standard output alone, for commands whose output is read, such as `terraform show -json`. */
  readonly stdout: string;
  /** Standard error alone, where terraform explains a failure. */
  readonly errorOutput: string;
}

/** Runs `terraform <args>` in `cwd` with `env` and resolves once it ended, whether it succeeded or not. */
export function runTerraform(
  context: TerraformContext,
  args: readonly string[],
  cwd: string,
  env: Environment,
): Promise<TerraformOutput> {
  return new Promise((resolve) => {
    let output = "";
    let stdout = "";
    let errorOutput = "";
    let settled = false;
    const settle = (exitCode: number | null, explanation?: string) => {
      if (settled) return;
      settled = true;
      if (explanation) {
        output += `${explanation}\n`;
        errorOutput += `${explanation}\n`;
      }
      resolve({
        exitCode,
        output: redact(output, context.secrets),
        stdout: redact(stdout, context.secrets),
        errorOutput: redact(errorOutput, context.secrets),
      });
    };
    // TF_IN_AUTOMATION drops the "run this next" hints meant for someone typing terraform commands.
    const child = spawn(context.terraform, args, {
      cwd,
      env: { ...env, TF_IN_AUTOMATION: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      output += text;
      stdout += text;
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      output += text;
      errorOutput += text;
    });
    child.on("error", (error) => settle(null, `could not run terraform: ${error.message}`));
    child.on("close", (code, signal) => settle(code, signal ? `terraform was stopped by ${signal}` : undefined));
  });
}
