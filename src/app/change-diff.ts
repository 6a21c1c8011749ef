import type { Result } from "../diagnostics/diagnostic.js";
import { readSpecDirectory } from "../load/read-directory.js";
import { readSpecsAtRef } from "../load/read-git.js";
import { changeDiff } from "../views/diff/change-diff.js";
import type { ChangeDiff } from "../views/diff/types.js";
import { compileRead, mergedDiagnostics } from "./compile.js";

/** What to compare: the specs in `dir` at `base` against `head` (a ref, or the working tree). */
export interface ChangeDiffOptions {
  readonly cwd: string;
  readonly dir: string;
  readonly base: string;
  readonly head?: string;
  /** The day review deadlines are judged against (YYYY-MM-DD). */
  readonly today?: string;
}

/** The change diff, present only when both sides compile; diagnostics name their side's files. */
export interface ChangeDiffResult extends Result<ChangeDiff | undefined> {
  readonly sources: ReadonlyMap<string, string>;
}

/** Label of the working tree in change diffs. */
export const WORKING_TREE = "working tree";

/**
 * Compiles the specs at the base ref (read from git objects, never checked out) and at the head,
 * then compares them. No credentials and no network are needed.
 */
export async function diffSpecs(options: ChangeDiffOptions): Promise<ChangeDiffResult> {
  const baseInputs = await readSpecsAtRef(options.cwd, options.base, options.dir);
  const headInputs =
    options.head === undefined
      ? await readSpecDirectory(options.dir, options.cwd)
      : await readSpecsAtRef(options.cwd, options.head, options.dir);
  const compileOptions = options.today === undefined ? {} : { today: options.today };
  const base = compileRead(baseInputs, compileOptions);
  const head = compileRead(headInputs, compileOptions);
  const diagnostics = mergedDiagnostics(base.diagnostics, head.diagnostics);
  const sources = new Map([...base.sources, ...head.sources]);
  if (!base.value || !head.value) return { value: undefined, diagnostics, sources };
  const diff = changeDiff(
    { label: options.base, ...base.value },
    { label: options.head ?? WORKING_TREE, ...head.value },
  );
  return { value: diff, diagnostics, sources };
}
