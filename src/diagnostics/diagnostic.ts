import { severityOf, type DiagnosticCode, type Severity } from "./codes.js";

/** A 1-based position in a file. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One problem found in the specs, with where it is and how to fix it. */
export interface Diagnostic extends Position {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
}

/** Builds a diagnostic whose severity comes from the closed code list. */
export function diagnostic(code: DiagnosticCode, message: string, at: Position): Diagnostic {
  return { code, severity: severityOf(code), message, file: at.file, line: at.line, column: at.column };
}

/** True when any diagnostic is an error (or, with `strict`, a warning). */
export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === "error" || strict);
}

/** Orders diagnostics by file, line, column, then code, so output never depends on discovery order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
