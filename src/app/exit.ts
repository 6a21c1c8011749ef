/** Exit codes: 0 success, 1 problems in the specs (or a requested failure), 2 wrong usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** One of the exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
