import { main } from "../../src/cli/main.js";

/** What a CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output, from `cwd` when given. */
export async function runCli(args: readonly string[], cwd?: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false });
    return { code, stdout, stderr };
  } finally {
    process.chdir(previous);
  }
}
