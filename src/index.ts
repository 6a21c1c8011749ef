/**
 * slocc's library API: the CLI is a thin layer over these functions. Loading it never loads cdktf;
 * writing Terraform stacks is in `slocc/emit`.
 */
export {
  compileDirectory,
  compileInputs,
  type Compilation,
  type Compiled,
  type CompileOptions,
} from "./app/compile.js";
export { diffSpecs, type ChangeDiffOptions, type ChangeDiffResult } from "./app/change-diff.js";
export {
  exportOpenSloModel,
  importOpenSloInputs,
  type Conversion,
  type Converted,
  type ImportOptions,
  type OpenSloExportResult,
} from "./app/openslo.js";
export type { OutputFile } from "./app/output-files.js";
export type { ExportNote } from "./formats/openslo-v1/from-model.js";
export { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from "./diagnostics/codes.js";
export { failsRun, type Diagnostic, type Result } from "./diagnostics/diagnostic.js";
export type { Position } from "./util/position.js";
export { renderDiagnosticsJson, renderDiagnosticsText } from "./render/diagnostics.js";
export type { SpecInput } from "./load/read-directory.js";
export type * from "./model/model.js";
export type * from "./plan/resources.js";
export { explainModel, type SloExplanation } from "./views/explain.js";
export { specJsonSchema } from "./formats/slocc-v1/json-schema.js";
export { reviewCalendar, type ReviewEntry } from "./views/calendar.js";
export type * from "./diff/types.js";
