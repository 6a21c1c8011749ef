import { readdir } from "node:fs/promises";
import { resolve } from "node:path";
import {
  DEFAULT_STACK_SETTINGS,
  stackSettingsFrom,
  type StackSettings,
  type StackSettingsOptions,
} from "../settings/stack-settings.js";
import type { SynthesisReport } from "../emit/synth.js";
import { WorkerPool } from "../emit/worker-pool.js";
import type { ParseCache } from "../load/parse-cache.js";
import { isSpecFileName } from "../load/read-directory.js";
import type { CompiledPlan, StackPlan } from "../plan/resources.js";
import { plural } from "../util/text.js";
import { compileDirectory, type CompileOptions } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { readParseCache, writeParseCache } from "./parse-cache-file.js";
import { printDiagnostics, printProblems } from "./print.js";

/** Where the specs are and how to read them. */
export interface SpecSource extends CompileOptions {
  /** A directory of specs, or one spec file (compiled with the shared files beside it). */
  readonly dir: string;
}

/** From this many spec files on, a first synthesis starts threads before the specs are compiled. */
const FILES_FOR_THREADS = 20;

/** A compilation ready to be written: the plan, its parses to keep, and threads already started for it. */
export interface ReadyToWrite {
  readonly plan: CompiledPlan;
  readonly parseCache: ParseCache;
  /**
   * Threads started while the specs compiled, for a first synthesis of many specs; otherwise the
   * synthesis decides from the stacks it has to write. Closed by {@link writeStacks}, or by whoever
   * decides not to write.
   */
  readonly pool?: WorkerPool;
}

/**
 * Compiles the specs for writing them to `out`, reusing the parses kept there by the previous
 * synthesis, and prints their diagnostics as text. A first synthesis of many specs (no parse kept)
 * writes every stack, so synthesis threads are started first to load cdktf meanwhile. Undefined
 * when an error (or, with `strict`, a warning) means nothing may be written.
 */
export async function prepareWriting(
  source: SpecSource,
  out: string,
  strict: boolean,
  context: AppContext,
): Promise<ReadyToWrite | undefined> {
  const parseCache = await readParseCache(resolve(context.cwd, out));
  // Counted from a listing, not from the specs once read: reading them takes a hundred times longer,
  // and the threads would start that much later.
  const pool = parseCache.isEmpty && (await manySpecs(source.dir, context)) ? WorkerPool.start() : undefined;
  const result = await compileDirectory(source.dir, context.cwd, { ...source, parseCache });
  const plan = printDiagnostics(result, context, "text", strict) === EXIT.ok ? result.value?.plan : undefined;
  if (plan) return { plan, parseCache, ...(pool ? { pool } : {}) };
  await pool?.close();
  return undefined;
}

/** Whether `dir` holds enough spec files for threads to pay off; a single file never does. */
async function manySpecs(dir: string, context: AppContext): Promise<boolean> {
  const names = await readdir(resolve(context.cwd, dir)).catch(() => []);
  return names.filter(isSpecFileName).length >= FILES_FOR_THREADS;
}

/** What to write besides the plan's stacks. */
export interface WriteOptions {
  readonly settings?: StackSettings;
  /** Stacks removed since a base ref, written under `removed/` for their destroy plan. */
  readonly removed?: readonly StackPlan[];
}

/**
 * Writes the plan's Terraform stacks to `out`, as `cdktf synth` does, and lists them on stdout.
 * Stacks whose inputs did not change since the last synthesis into `out` are kept as they are;
 * the parses of this compilation are kept there for the next one. Resolves to what was done.
 */
export async function writeStacks(
  ready: ReadyToWrite,
  out: string,
  context: AppContext,
  options: WriteOptions = {},
): Promise<SynthesisReport> {
  const { plan } = ready;
  // Loaded on demand: cdktf and the provider take most of the start-up time of commands that never emit.
  const { synthesizeTo } = await import("../emit/synth.js");
  const target = resolve(context.cwd, out);
  const report = await synthesizeTo(plan, target, options.settings ?? DEFAULT_STACK_SETTINGS, {
    ...(ready.pool ? { pool: ready.pool } : {}),
    ...(options.removed ? { removed: options.removed } : {}),
  });
  await writeParseCache(target, ready.parseCache);
  const reused = new Set(report.reused);
  const line = (dir: string, stack: StackPlan) =>
    `  ${dir === `stacks/${stack.name}` ? stack.name : dir}: ${plural(stack.resources.length, "resource")}${reused.has(dir) ? ", unchanged" : ""}`;
  const lines = [
    ...plan.stacks.map((stack) => line(`stacks/${stack.name}`, stack)),
    ...(options.removed ?? []).map((stack) => line(`removed/${stack.name}`, stack)),
  ];
  const kept = plan.stacks.filter((stack) => reused.has(`stacks/${stack.name}`)).length;
  const unchanged = kept > 0 ? ` (${kept} unchanged)` : "";
  context.stdout(`wrote ${out}: ${plural(plan.stacks.length, "stack")}${unchanged}\n${lines.join("\n")}\n`);
  return report;
}

/** What `slocc synth` is asked: where the specs are, where the stacks go, and how they are written. */
export interface SynthOptions extends SpecSource, StackSettingsOptions {
  readonly out: string;
  readonly strict: boolean;
}

/** `slocc synth`: checks the settings, compiles the specs, and writes the stacks when nothing fails. */
export async function runSynth(options: SynthOptions, context: AppContext): Promise<ExitCode> {
  const settings = stackSettingsFrom(options, context.env);
  if (!settings.ok) return printProblems(settings.problems, context);
  const ready = await prepareWriting(options, options.out, options.strict, context);
  if (!ready) return EXIT.failure;
  await writeStacks(ready, options.out, context, { settings: settings.value });
  return EXIT.ok;
}
