/** slocc's library API: the CLI is a thin layer over these functions. */
export { compileDirectory, compileInputs, type CompileResult } from "./compile.js";
export { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from "./diagnostics/codes.js";
export type { Diagnostic, Position } from "./diagnostics/diagnostic.js";
export { formatDiagnosticsJson, formatDiagnosticsText } from "./diagnostics/format.js";
export type { SpecInput } from "./load/read-directory.js";
export type * from "./model/model.js";
export type * from "./plan/resources.js";
export { buildApp } from "./emit/stacks.js";
export { synthesizeTo } from "./emit/synth.js";
