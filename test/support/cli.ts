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
