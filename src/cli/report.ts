import { hasErrors } from "../diagnostics/diagnostic.js";
import { formatDiagnosticsJson, formatDiagnosticsText } from "../diagnostics/format.js";
import type { CompileResult } from "../compile.js";
import { EXIT, type CliIo } from "./io.js";

/** Output format of diagnostics. */
export type DiagnosticFormat = "text" | "json";

/**
 * Prints a compilation's diagnostics (text on stderr, JSON on stdout) and returns the exit code
 * they imply: 1 on any error, or on any warning with `strict`.
 */
export function reportDiagnostics(result: CompileResult, io: CliIo, format: DiagnosticFormat, strict: boolean): number {
  if (format === "json") io.stdout(`${formatDiagnosticsJson(result.diagnostics)}\n`);
  else if (result.diagnostics.length > 0) {
    io.stderr(`${formatDiagnosticsText(result.diagnostics, { color: io.color, sources: result.sources })}\n`);
  }
  return hasErrors(result.diagnostics, strict) ? EXIT.failure : EXIT.ok;
}
