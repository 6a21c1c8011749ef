import { spawn } from "node:child_process";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { AppContext } from "../../src/app/context.js";
import { main } from "../../src/cli/main.js";
import type { Environment } from "../../src/util/environment.js";

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built command, as a user runs it. */
export const BINARY = join(__dirname, "..", "..", "bin", "slocc.js");

/** What a run of the built binary printed and returned (null: stopped by a signal). */
export interface BinaryRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built `bin/slocc.js` in `cwd` with exactly `env` as its environment (nothing else
 * inherited) and stdin not a terminal, as CI or a user's shell would.
 */
export function runBinary(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<BinaryRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 30_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => void (stdout += text));
    child.stderr.setEncoding("utf8").on("data", (text: string) => void (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Runs the CLI in-process with captured output, in `cwd` (the current directory by default), with
 * `env` as its environment and an stdin that is not a terminal. Nothing of the process changes.
 */
export async function runCli(
  args: readonly string[],
  cwd = process.cwd(),
  env: Environment = process.env,
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const context: AppContext = {
    cwd,
    env,
    stdin: Readable.from([]),
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    color: { stdout: false, stderr: false },
  };
  const code = await main(args, context);
  return { code, stdout, stderr };
}
