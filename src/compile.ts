import { compareText, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { loadSpecs } from "./load/load-specs.js";
import { readSpecDirectory, type SpecInput } from "./load/read-directory.js";
import { modelFromSpecs } from "./model/from-spec-v1.js";
import type { Model } from "./model/model.js";
import { planModel } from "./plan/plan.js";
import type { CompiledPlan } from "./plan/resources.js";
import { validateSpecs } from "./validate/validate.js";

/**
 * The outcome of compiling a set of specs. `model` and `plan` are present only when no diagnostic
 * is an error, so nothing downstream ever sees a partial result.
 */
export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Spec texts by displayed path, for showing source lines under diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
  readonly model?: Model;
  readonly plan?: CompiledPlan;
}

/** Options of compilation. */
export interface CompileOptions {
  /** The day review deadlines are judged against (YYYY-MM-DD); today in UTC by default. */
  readonly today?: string;
}

/** Compiles spec contents: load, validate, model, plan. Pure: no file system, no cdktf. */
export function compileInputs(inputs: readonly SpecInput[], options: CompileOptions = {}): CompileResult {
  const ordered = [...inputs].sort((a, b) => compareText(a.path, b.path));
  const loaded = loadSpecs(ordered);
  const validated = validateSpecs(loaded.files, options);
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...validated.diagnostics]);
  const sources = new Map(loaded.files.map((file) => [file.path, file.text]));
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics, sources };
  const model = modelFromSpecs(validated.specs, validated.catalogs.map((c) => c.catalog));
  return { diagnostics, sources, model, plan: planModel(model) };
}

/** Compiles what a reader returned; a read failure is an error, so it leaves no result. */
export function compileRead(read: { readonly inputs: readonly SpecInput[]; readonly diagnostics: readonly Diagnostic[] }, options: CompileOptions = {}): CompileResult {
  const compiled = compileInputs(read.inputs, options);
  if (read.diagnostics.length === 0) return compiled;
  return { diagnostics: sortDiagnostics([...read.diagnostics, ...compiled.diagnostics]), sources: compiled.sources };
}

/** Reads every spec in `dir` and compiles it. */
export async function compileDirectory(dir: string, options: CompileOptions = {}): Promise<CompileResult> {
  return compileRead(await readSpecDirectory(dir), options);
}
