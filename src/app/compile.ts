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
import { compareText, plural } from "../util/text.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics, type DiagnosticFormat } from "./print.js";

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

/** What `slocc validate` is asked: the specs, the form of their diagnostics, and whether warnings fail. */
export interface ValidateOptions extends CompileOptions {
  readonly dir: string;
  readonly format: DiagnosticFormat;
  readonly strict: boolean;
}

/**
 * `slocc validate`: compiles the specs and prints every diagnostic; in text, a line saying what
 * was found valid. Exits 1 on any error, or with `strict` on any warning.
 */
export async function runValidate(options: ValidateOptions, context: AppContext): Promise<ExitCode> {
  const result = await compileDirectory(options.dir, context.cwd, options);
  const code = printDiagnostics(result, context, options.format, options.strict);
  if (options.format === "text" && code === EXIT.ok) {
    const instances = result.value?.model.services ?? [];
    const services = new Set(instances.map((instance) => instance.name)).size;
    const slos = instances.reduce((sum, instance) => sum + instance.slos.length, 0);
    const stacks = instances.length === services ? "" : ` in ${plural(instances.length, "stack")}`;
    context.stderr(`${options.dir}: ${plural(services, "service")}${stacks}, ${plural(slos, "SLO")}, valid\n`);
  }
  return code;
}
