/** Where the CLI writes, so commands can be run in-process by tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is a terminal that takes colours (diagnostics go there). */
  readonly color: boolean;
  /** Whether stdout is a terminal that takes colours (reports go there). */
  readonly stdoutColor?: boolean;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stderr.isTTY) && !process.env["NO_COLOR"],
    stdoutColor: Boolean(process.stdout.isTTY) && !process.env["NO_COLOR"],
  };
}

/** Exit codes: 0 success, 1 problems in the specs (or a requested failure), 2 wrong usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
