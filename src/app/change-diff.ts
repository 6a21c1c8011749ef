import { sortDiagnostics, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { readSpecDirectory } from "../load/read-directory.js";
import { readSpecsAtRef } from "../load/read-git.js";
import { changeDiff } from "../diff/change-diff.js";
import type { ChangeDiff } from "../diff/types.js";
import { compileRead, type Compilation, type CompileOptions } from "./compile.js";

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
const WORKING_TREE = "working tree";

/**
 * Compiles the specs at the base ref (read from git objects, never checked out) and at the head,
 * then compares them. No credentials and no network are needed.
 */
export async function diffSpecs(options: ChangeDiffOptions): Promise<ChangeDiffResult> {
  const compileOptions = options.today === undefined ? {} : { today: options.today };
  const base = await compileAtRef(options.cwd, options.base, options.dir, compileOptions);
  const head =
    options.head === undefined
      ? compileRead(await readSpecDirectory(options.dir, options.cwd), compileOptions)
      : await compileAtRef(options.cwd, options.head, options.dir, compileOptions);
  const diagnostics = diagnosticsOnce({ ...base, ref: options.base }, { ...head, ref: options.head });
  const sources = new Map([...base.sources, ...head.sources]);
  if (!base.value || !head.value) return { value: undefined, diagnostics, sources };
  const diff = changeDiff(
    { label: options.base, ...base.value },
    { label: options.head ?? WORKING_TREE, ...head.value },
  );
  return { value: diff, diagnostics, sources };
}

/** Compiles the specs of `dir` as they are at a git ref, read from git's objects. */
export async function compileAtRef(
  cwd: string,
  ref: string,
  dir: string,
  options: CompileOptions = {},
): Promise<Compilation> {
  return compileRead(await readSpecsAtRef(cwd, ref, dir), options);
}

/** One side's diagnostics, and the ref its files are named after (`<ref>:<path>`), if any. */
interface SideDiagnostics {
  readonly diagnostics: readonly Diagnostic[];
  readonly ref?: string | undefined;
}

/**
 * Every diagnostic of the head, and those of the base that the head does not have too: a problem
 * already there before the change is printed once. Diagnostics are the same when their file (less
 * the ref), code and message are, wherever lines moved in between.
 */
function diagnosticsOnce(base: SideDiagnostics, head: SideDiagnostics): Diagnostic[] {
  const key = (d: Diagnostic, ref: string | undefined) =>
    `${ref !== undefined && d.file.startsWith(`${ref}:`) ? d.file.slice(ref.length + 1) : d.file}\u0000${d.code}\u0000${d.message}`;
  const onHead = new Map<string, number>();
  for (const d of head.diagnostics) onHead.set(key(d, head.ref), (onHead.get(key(d, head.ref)) ?? 0) + 1);
  const baseOnly = base.diagnostics.filter((d) => {
    const count = onHead.get(key(d, base.ref)) ?? 0;
    if (count > 0) onHead.set(key(d, base.ref), count - 1);
    return count === 0;
  });
  return sortDiagnostics([...baseOnly, ...head.diagnostics]);
}
