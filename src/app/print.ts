import { failsRun, type Diagnostic } from "../diagnostics/diagnostic.js";
import { renderDiagnosticsJson, renderDiagnosticsText } from "../render/diagnostics.js";
import { plural } from "../util/text.js";
import type { Problem } from "../diagnostics/outcome.js";
import type { AppContext } from "./context.js";
import type { Compilation } from "./compile.js";
import { EXIT, exitCodeOf, type ExitCode } from "./exit.js";

/** Output format of diagnostics. */
export type DiagnosticFormat = "text" | "json";

/**
 * Prints a compilation's diagnostics (text on stderr, JSON on stdout) and returns the exit code
 * they imply: 1 on any error, or on any warning with `strict` (then saying which warnings failed it).
 */
export function printDiagnostics(
  result: Pick<Compilation, "diagnostics" | "sources">,
  context: AppContext,
  format: DiagnosticFormat,
  strict: boolean,
): ExitCode {
  if (format === "json") context.stdout(`${renderDiagnosticsJson(result.diagnostics)}\n`);
  else if (result.diagnostics.length > 0) {
    context.stderr(
      `${renderDiagnosticsText(result.diagnostics, { color: context.color.stderr, sources: result.sources })}\n`,
    );
  }
  const failed = failsRun(result.diagnostics, strict);
  if (failed && !failsRun(result.diagnostics)) context.stderr(strictFailure(result.diagnostics));
  return failed ? EXIT.failure : EXIT.ok;
}

/** `--strict: 2 warnings fail the run: TAG_NORMALISED at slos/web.yaml:5:8, ...`: which warnings, and where. */
function strictFailure(warnings: readonly Diagnostic[]): string {
  const listed = warnings.map((d) => `${d.code} at ${d.file}:${d.line}:${d.column}`).join(", ");
  return `slocc: --strict: ${plural(warnings.length, "warning")} ${warnings.length === 1 ? "fails" : "fail"} the run: ${listed}\n`;
}

/** Prints the problems that stopped a command, one line each, and returns the exit code they imply. */
export function printProblems(problems: readonly Problem[], context: AppContext): ExitCode {
  for (const problem of problems) context.stderr(`slocc: ${problem.message}\n`);
  return exitCodeOf(problems);
}
