import pc from "picocolors";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { plural } from "../util/text.js";

/** Source texts by file path, used to show the offending line under each diagnostic. */
export type SourceTexts = ReadonlyMap<string, string>;

/** Options for the terminal rendering of diagnostics. */
export interface TextRenderOptions {
  readonly color: boolean;
  readonly sources?: SourceTexts;
}

/**
 * Renders diagnostics for a terminal: `file:line:column: severity CODE: message`, then the source
 * line and a caret under the column, and a count of errors and warnings.
 */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], options: TextRenderOptions): string {
  const c = pc.createColors(options.color);
  const blocks = diagnostics.map((d) => {
    const severity = d.severity === "error" ? c.red(c.bold("error")) : c.yellow(c.bold("warning"));
    const head = `${c.bold(`${d.file}:${d.line}:${d.column}`)}: ${severity} ${c.dim(d.code)}: ${d.message}`;
    const excerpt = sourceExcerpt(d, options.sources);
    return excerpt ? `${head}\n${excerpt.line}\n${c.cyan(excerpt.caret)}` : head;
  });
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (diagnostics.length > 0) blocks.push(`${plural(errors, "error")}, ${plural(warnings, "warning")}`);
  return blocks.join("\n");
}

/** Renders diagnostics as the documented JSON document `{"diagnostics": [...]}`. */
export function renderDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  const rows = diagnostics.map(({ code, severity, message, file, line, column }) => ({
    code,
    severity,
    message,
    file,
    line,
    column,
  }));
  return JSON.stringify({ diagnostics: rows }, null, 2);
}

function sourceExcerpt(d: Diagnostic, sources: SourceTexts | undefined): { line: string; caret: string } | undefined {
  const text = sources?.get(d.file);
  if (text === undefined) return undefined;
  const line = text.split(/\r?\n/)[d.line - 1];
  if (line === undefined || line.length > 400) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what is replaced, so the terminal shows the line as written
  const printable = line.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "?").replace(/\t/g, " ");
  return { line: `  ${printable}`, caret: `  ${" ".repeat(Math.max(0, d.column - 1))}^` };
}
