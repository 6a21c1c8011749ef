import { compileRead } from "./compile.js";
import { sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { readSpecDirectory } from "./load/read-directory.js";
import { readSpecsAtRef } from "./load/read-git.js";
import { reviewDiff } from "./plan/diff/review-diff.js";
import type { ReviewDiff } from "./plan/diff/types.js";

/** What to compare: the specs in `dir` at `base` against `head` (a ref, or the working tree). */
export interface ReviewOptions {
  readonly cwd: string;
  readonly dir: string;
  readonly base: string;
  readonly head?: string;
  /** The day review deadlines are judged against (YYYY-MM-DD). */
  readonly today?: string;
}

/** The review diff, present only when both sides compile; diagnostics name their side's files. */
export interface ReviewResult {
  readonly diff?: ReviewDiff;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Label of the working tree in reports. */
export const WORKING_TREE = "working tree";

/**
 * Compiles the specs at the base ref (read from git objects, never checked out) and at the head,
 * then compares them. No credentials and no network are needed.
 */
export async function reviewSpecs(options: ReviewOptions): Promise<ReviewResult> {
  const baseInputs = await readSpecsAtRef(options.cwd, options.base, options.dir);
  const headInputs = options.head === undefined ? await readSpecDirectory(options.dir) : await readSpecsAtRef(options.cwd, options.head, options.dir);
  const compileOptions = options.today === undefined ? {} : { today: options.today };
  const base = compileRead(baseInputs, compileOptions);
  const head = compileRead(headInputs, compileOptions);
  const diagnostics = sortDiagnostics([...base.diagnostics, ...head.diagnostics]);
  const sources = new Map([...base.sources, ...head.sources]);
  if (!base.model || !base.plan || !head.model || !head.plan) return { diagnostics, sources };
  const diff = reviewDiff({ label: options.base, model: base.model, plan: base.plan }, { label: options.head ?? WORKING_TREE, model: head.model, plan: head.plan });
  return { diff, diagnostics, sources };
}
