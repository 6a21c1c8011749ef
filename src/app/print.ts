import { failsRun } from "../diagnostics/diagnostic.js";
import { renderDiagnosticsJson, renderDiagnosticsText } from "../render/diagnostics.js";
import type { AppContext } from "./context.js";
import type { Compilation } from "./compile.js";
import { EXIT, type ExitCode } from "./exit.js";

/** Output format of diagnostics. */
export type DiagnosticFormat = "text" | "json";

/**
 * Prints a compilation's diagnostics (text on stderr, JSON on stdout) and returns the exit code
 * they imply: 1 on any error, or on any warning with `strict`.
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
  return failsRun(result.diagnostics, strict) ? EXIT.failure : EXIT.ok;
}
