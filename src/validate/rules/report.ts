import type { DiagnosticCode } from "../../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataPath, SourceFile } from "../../load/source-file.js";

/** Records a diagnostic at a data path of the file being checked. */
export type Report = (code: DiagnosticCode, message: string, path: DataPath, part?: "key" | "value") => void;

/** A reporter that appends to `sink`, positioned in `file`. */
export function reporterFor(file: SourceFile, sink: Diagnostic[]): Report {
  return (code, message, path, part) => sink.push(diagnostic(code, message, file.locate(path, part)));
}
