import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { sortDiagnostics, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { readSpecDirectory } from "../load/read-directory.js";
import { readSpecsAtRef } from "../load/read-git.js";
import { changeDiff } from "../diff/change-diff.js";
import type { ChangeDiff, RiskKind } from "../diff/types.js";
import { subjectFinder } from "../formats/slocc-v1/subjects.js";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { compileRead, type Compilation, type Compiled, type CompileOptions } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics, printProblems } from "./print.js";
import { optional } from "../util/optional.js";

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
export async function diffSpecs(options: ChangeDiffOptions): Promise<Outcome<ChangeDiffResult>> {
  const compileOptions = options.today === undefined ? {} : { today: options.today };
  const baseRead = await compileAtRef(options.cwd, options.base, options.dir, compileOptions);
  const headRead =
    options.head === undefined
      ? succeeded(compileRead(await readSpecDirectory(options.dir, options.cwd), compileOptions))
      : await compileAtRef(options.cwd, options.head, options.dir, compileOptions);
  if (!baseRead.ok || !headRead.ok)
    return failed([...(baseRead.ok ? [] : baseRead.problems), ...(headRead.ok ? [] : headRead.problems)]);
  return succeeded(compared(baseRead.value, headRead.value, options));
}

/** The change diff of two compilations, or the errors that prevent it. */
function compared(base: Compilation, head: Compilation, options: ChangeDiffOptions): ChangeDiffResult {
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

/** Compiles the specs of `dir` as they are at a git ref, read from git's objects; a problem when git cannot read them. */
async function compileAtRef(
  cwd: string,
  ref: string,
  dir: string,
  options: CompileOptions = {},
): Promise<Outcome<Compilation>> {
  const read = await readSpecsAtRef(cwd, ref, dir);
  return read.ok ? succeeded(compileRead(read.value, options)) : read;
}

/**
 * The specs at `ref` compiled, to tell what changed since then: their model and plan; else, once
 * said why (git cannot read the ref, or its specs do not compile, and what to do `instead`), the
 * exit code to stop with.
 */
export async function compileSince(
  ref: string,
  dir: string,
  today: string | undefined,
  context: AppContext,
  instead: string,
): Promise<Compiled | ExitCode> {
  const base = await compileAtRef(context.cwd, ref, dir, optional("today", today));
  if (!base.ok) return printProblems(base.problems, context);
  if (base.value.value) return base.value.value;
  const errors = base.value.diagnostics.filter((d) => d.severity === "error");
  printDiagnostics({ ...base.value, diagnostics: errors }, context, "text", false);
  context.stderr(`slocc: the specs at ${ref} do not compile, so what changed since cannot be told: ${instead}\n`);
  return EXIT.failure;
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

/** The forms `slocc diff` prints. */
export type DiffFormat = "text" | "markdown" | "json";

/** What `slocc diff` is asked. */
export interface DiffCommandOptions extends Omit<ChangeDiffOptions, "cwd"> {
  readonly format: DiffFormat;
  /** A file to write the JSON form to as well, from the same comparison. */
  readonly jsonOut?: string;
  /** Risk kinds that make the command exit 1. */
  readonly failOn: readonly RiskKind[];
}

/**
 * `slocc diff`: compares the specs, prints the diff in the form asked (and writes the JSON form to
 * `jsonOut` from the same comparison: CI posts the Markdown and reads the stacks to plan from the
 * JSON), and exits 1 when a risk of a kind named by `failOn` is present.
 */
export async function runDiff(options: DiffCommandOptions, context: AppContext): Promise<ExitCode> {
  const result = await diffSpecs({ ...options, cwd: context.cwd });
  if (!result.ok) return printProblems(result.problems, context);
  const code = printDiagnostics(result.value, context, "text", false);
  const diff = result.value.value;
  if (code !== EXIT.ok || !diff) return EXIT.failure;
  if (options.jsonOut !== undefined)
    await writeFile(resolve(context.cwd, options.jsonOut), `${await renderDiff(diff, "json", false)}\n`);
  context.stdout(`${await renderDiff(diff, options.format, context.color.stdout)}\n`);
  const failing = diff.risks.filter((risk) => options.failOn.includes(risk.kind));
  if (failing.length === 0) return EXIT.ok;
  const kinds = [...new Set(failing.map((risk) => risk.kind))].join(", ");
  context.stderr(`slocc diff: ${failing.length} risk(s) of kinds named by --fail-on: ${kinds}\n`);
  return EXIT.failure;
}

/** The diff in one of its forms; the renderers load only when asked. */
async function renderDiff(diff: ChangeDiff, format: DiffFormat, color: boolean): Promise<string> {
  if (format === "markdown") return (await import("../render/diff-markdown.js")).diffMarkdown(diff);
  if (format === "json") return JSON.stringify({ version: 1, ...diff }, null, 2);
  return (await import("../render/diff-text.js")).diffText(diff, color);
}
