import { sortDiagnostics, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { readSpecDirectory } from "../load/read-directory.js";
import { readSpecsAtRef } from "../load/read-git.js";
import { changeDiff } from "../diff/change-diff.js";
import type { ChangeDiff } from "../diff/types.js";
import { subjectFinder } from "../formats/slocc-v1/subjects.js";
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

/** The change diff, present only when both sides compile; else the errors that prevent it, naming their side's files. */
export interface ChangeDiffResult extends Result<ChangeDiff | undefined> {
  readonly sources: ReadonlyMap<string, string>;
}

/** Label of the working tree in change diffs. */
const WORKING_TREE = "working tree";

/**
 * Compiles the specs at the base ref (read from git objects, never checked out) and at the head,
 * then compares them. No credentials and no network are needed. When both sides compile, the
 * diff itself holds the head's diagnostics about the change, and nothing is left to print apart:
 * the base's diagnostics are never reported. When a side does not compile, its errors are the
 * diagnostics (the head's warnings too, as `validate` prints them), and there is no diff.
 */
export async function diffSpecs(options: ChangeDiffOptions): Promise<ChangeDiffResult> {
  const compileOptions = options.today === undefined ? {} : { today: options.today };
  const base = await compileAtRef(options.cwd, options.base, options.dir, compileOptions);
  const head =
    options.head === undefined
      ? compileRead(await readSpecDirectory(options.dir, options.cwd), compileOptions)
      : await compileAtRef(options.cwd, options.head, options.dir, compileOptions);
  const sources = new Map([...base.sources, ...head.sources]);
  if (!base.value || !head.value) {
    const failed = [
      ...(base.value ? [] : base.diagnostics.filter((d) => d.severity === "error")),
      ...(head.value ? [] : head.diagnostics),
    ];
    return { value: undefined, diagnostics: sortDiagnostics(failed), sources };
  }
  const subjectOf = subjectFinder(head.files);
  const diff = changeDiff(
    { label: options.base, ...base.value },
    { label: options.head ?? WORKING_TREE, ...head.value },
    {
      diagnostics: head.diagnostics,
      subjectOf,
      changedFiles: changedFiles({ ...base, ref: options.base }, { ...head, ref: options.head }),
      isNew: newSince({ ...base, ref: options.base }, options.head),
    },
  );
  return { value: diff, diagnostics: [], sources };
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

/** One side's spec texts, and the ref its files are named after (`<ref>:<path>`), if any. */
interface SideSources {
  readonly sources: ReadonlyMap<string, string>;
  readonly ref?: string | undefined;
}

/** A path as the working tree names it: without the `<ref>:` a side read from git gives it. */
function unprefixed(path: string, ref: string | undefined): string {
  return ref !== undefined && path.startsWith(`${ref}:`) ? path.slice(ref.length + 1) : path;
}

/**
 * Whether a head diagnostic is one the base does not have: none with the same code and message in
 * the same file, wherever its line moved.
 */
function newSince(base: Pick<Compilation, "diagnostics"> & { ref: string }, headRef: string | undefined) {
  const key = (d: Diagnostic, ref: string | undefined) => `${unprefixed(d.file, ref)}\u0000${d.code}\u0000${d.message}`;
  const known = new Set(base.diagnostics.map((d) => key(d, base.ref)));
  return (diagnostic: Diagnostic): boolean => !known.has(key(diagnostic, headRef));
}

/** The head's files (by the name its diagnostics give them) whose text the base does not have at the same path. */
function changedFiles(base: SideSources, head: SideSources): Set<string> {
  const before = new Map([...base.sources].map(([path, text]) => [unprefixed(path, base.ref), text]));
  return new Set(
    [...head.sources].filter(([path, text]) => before.get(unprefixed(path, head.ref)) !== text).map(([path]) => path),
  );
}
