import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Problem } from "../diagnostics/outcome.js";

/** Exit codes: 0 success, 1 problems in the specs (or a requested failure), 2 wrong usage. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** One of the exit codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Problems with what the command line asks for, rather than with the specs or what they meet: a
 * `--preview` file that is no report is one the user named.
 */
const USAGE_CODES: ReadonlySet<DiagnosticCode> = new Set(["INVALID_SETTING", "OUTPUT_PATH", "GIT_REF", "PREVIEW_FILE"]);

/** The exit code problems stop a command with: 2 when one is about how it was asked, else 1. */
export function exitCodeOf(problems: readonly Problem[]): ExitCode {
  return problems.some((problem) => USAGE_CODES.has(problem.code)) ? EXIT.usage : EXIT.failure;
}
