import { resolve } from "node:path";
import { LOCAL_BACKEND, type BackendChoice } from "../config/backend.js";
import type { ParseCache } from "../load/parse-cache.js";
import type { CompiledPlan, StackPlan } from "../plan/resources.js";
import { plural } from "../util/text.js";
import { compileDirectory, type CompileOptions } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT } from "./exit.js";
import { readParseCache, writeParseCache } from "./parse-cache-file.js";
import { printDiagnostics } from "./print.js";

/** Where the specs are and how to read them. */
export interface SpecSource extends CompileOptions {
  /** A directory of specs, or one spec file (compiled with the shared files beside it). */
  readonly dir: string;
}

/**
 * Compiles the specs and prints their diagnostics as text. Resolves to the plan, or to undefined
 * when an error (or, with `strict`, a warning) means nothing may be written.
 */
export async function compileForWriting(
  source: SpecSource,
  strict: boolean,
  context: AppContext,
): Promise<CompiledPlan | undefined> {
  const result = await compileDirectory(source.dir, context.cwd, source);
  const code = printDiagnostics(result, context, "text", strict);
  return code === EXIT.ok ? result.value?.plan : undefined;
}

/** The parses kept in the output directory `out` by its previous synthesis, to compile faster. */
export function keptParses(out: string, context: AppContext): Promise<ParseCache> {
  return readParseCache(resolve(context.cwd, out));
}

/** What to write besides the plan's stacks. */
export interface WriteOptions {
  readonly backend?: BackendChoice;
  /** Stacks removed since a base ref, written under `removed/` for their destroy plan. */
  readonly removed?: readonly StackPlan[];
  /** The parses of this compilation, kept in the output for the next one. */
  readonly parseCache?: ParseCache;
}

/**
 * Writes the plan's Terraform stacks to `out`, as `cdktf synth` does, and lists them on stdout.
 * Stacks whose inputs did not change since the last synthesis into `out` are kept as they are.
 */
export async function writeStacks(
  plan: CompiledPlan,
  out: string,
  context: AppContext,
  options: WriteOptions = {},
): Promise<void> {
  // Loaded on demand: cdktf and the provider take most of the start-up time of commands that never emit.
  const { synthesizeTo } = await import("../emit/synth.js");
  const target = resolve(context.cwd, out);
  const report = await synthesizeTo(plan, target, options.backend ?? LOCAL_BACKEND, {
    ...(options.removed ? { removed: options.removed } : {}),
  });
  if (options.parseCache) await writeParseCache(target, options.parseCache);
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
}
