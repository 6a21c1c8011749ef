import type { Readable } from "node:stream";
import type { Environment } from "../util/environment.js";

/**
 * Everything the application takes from the outside world, passed explicitly so that commands can
 * run in-process (tests, other tools) without touching `process.env`, the working directory or the
 * process's streams.
 */
export interface AppContext {
  /** The directory relative paths (`--dir`, `--out`, git) are resolved against. */
  readonly cwd: string;
  readonly env: Environment;
  /** Where confirmations are read from; `isTTY` says whether a person can answer. */
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout and stderr are terminals that take colours. */
  readonly color: { readonly stdout: boolean; readonly stderr: boolean };
}

/** The running process as a context. */
export function processContext(): AppContext {
  const colorless = Boolean(process.env["NO_COLOR"]);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: { stdout: Boolean(process.stdout.isTTY) && !colorless, stderr: Boolean(process.stderr.isTTY) && !colorless },
  };
}
