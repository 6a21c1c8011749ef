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

/**
 * The running process as a context. When a reader closes the pipe an output goes to (`slocc --help
 * | head -1`), nothing more is written there and the command ends as it would have, without the
 * write error's stack trace.
 */
export function processContext(): AppContext {
  const colorless = Boolean(process.env["NO_COLOR"]);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: writerTo(process.stdout),
    stderr: writerTo(process.stderr),
    color: { stdout: Boolean(process.stdout.isTTY) && !colorless, stderr: Boolean(process.stderr.isTTY) && !colorless },
  };
}

/** Writes to a stream until its reader goes away (EPIPE); then drops what follows. */
function writerTo(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
