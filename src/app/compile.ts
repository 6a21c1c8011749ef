import {
  failsRun,
  sortDiagnostics,
  uniqueDiagnostics,
  type Diagnostic,
  type Result,
} from "../diagnostics/diagnostic.js";
import { loadSpecs } from "../load/load-specs.js";
import type { ParseCache } from "../load/parse-cache.js";
import type { SpecInput } from "../load/read-directory.js";
import type { SourceFile } from "../load/source-file.js";
import { readSpecPath } from "../load/read-path.js";
import { completeModel } from "../model/complete.js";
import type { Draft, Model } from "../model/model.js";
import { planModel } from "../plan/plan.js";
import type { CompiledPlan } from "../plan/resources.js";
import { checkModel } from "../rules/index.js";
import { specsToModel } from "../formats/to-model.js";
import { todayUtc } from "../util/dates.js";
import { compareText } from "../util/text.js";

/** A compilation that found no error: the resolved model and the resources planned from it. */
export interface Compiled {
  readonly model: Model;
  readonly plan: CompiledPlan;
}

/**
 * The outcome of compiling a set of specs: every diagnostic, and the compiled result only when no
 * diagnostic is an error, so nothing downstream ever sees a partial result.
 */
export interface Compilation extends Result<Compiled | undefined> {
  /** Spec texts by displayed path, for showing source lines under diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
  /** The spec files that parsed: what says which part of the specs a diagnostic is about. */
  readonly files: readonly SourceFile[];
}

/** Options of compilation. */
export interface CompileOptions {
  /** The day review deadlines are judged against (YYYY-MM-DD); today in UTC by default. */
  readonly today?: string;
  /** Parses kept from a previous run, reused for the files whose text did not change. */
  readonly parseCache?: ParseCache;
}

/**
 * Compiles spec contents: load, read into the model, check every rule, plan. Pure: no file
 * system, no cdktf. The same inputs give the same result whatever their order.
 */
export function compileInputs(inputs: readonly SpecInput[], options: CompileOptions = {}): Compilation {
  const ordered = [...inputs].sort((a, b) => compareText(a.path, b.path));
  const loaded = loadSpecs(ordered, options.parseCache);
  const draft = specsToModel(loaded.value.files);
  const { value: model, diagnostics } = checkAndComplete(
    draft.value,
    [...loaded.diagnostics, ...draft.diagnostics],
    options,
  );
  const { sources, files } = loaded.value;
  if (!model) return { value: undefined, diagnostics, sources, files };
  return { value: { model, plan: planModel(model) }, diagnostics, sources, files };
}

/**
 * Runs every rule on a model draft and completes it when no diagnostic, of reading it (`read`) or
 * of the rules, fails the run. The diagnostics come back deduplicated and in order.
 */
export function checkAndComplete(
  draft: Draft<Model>,
  read: readonly Diagnostic[],
  options: CompileOptions,
): Result<Model | undefined> {
  const checked = checkModel(draft, { today: options.today ?? todayUtc() });
  // The same problem can be found more than once: a template's through each service file that
  // uses it, an OpenSLO object's through each service whose SLOs refer to it.
  const diagnostics = sortDiagnostics(uniqueDiagnostics([...read, ...checked]));
  if (failsRun(diagnostics)) return { value: undefined, diagnostics };
  return { value: completeModel(draft), diagnostics };
}

/** Compiles what a reader returned; a read failure is an error, so it leaves no result. */
export function compileRead(read: Result<readonly SpecInput[]>, options: CompileOptions = {}): Compilation {
  const compiled = compileInputs(read.value, options);
  if (read.diagnostics.length === 0) return compiled;
  return {
    value: undefined,
    diagnostics: sortDiagnostics([...read.diagnostics, ...compiled.diagnostics]),
    sources: compiled.sources,
    files: compiled.files,
  };
}

/**
 * Reads every spec in `dir` (relative to `cwd`) and compiles it. `dir` may also be one spec file:
 * it is compiled with the files beside it that declare no service (shared catalogs).
 */
export async function compileDirectory(dir: string, cwd: string, options: CompileOptions = {}): Promise<Compilation> {
  return compileRead(await readSpecPath(dir, cwd), options);
}
