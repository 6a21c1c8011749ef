import { resolve } from "node:path";
import { LOCAL_BACKEND, type BackendChoice } from "../config/backend.js";
import type { CompiledPlan } from "../plan/resources.js";
import { plural } from "../util/text.js";
import { compileDirectory, type CompileOptions } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT } from "./exit.js";
import { printDiagnostics } from "./print.js";

/** Where the specs are and how to read them. */
export interface SpecSource extends CompileOptions {
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

/** Writes the plan's Terraform stacks to `out`, as `cdktf synth` does, and lists them on stdout. */
export async function writeStacks(
  plan: CompiledPlan,
  out: string,
  context: AppContext,
  backend: BackendChoice = LOCAL_BACKEND,
): Promise<void> {
  // Loaded on demand: cdktf and the provider take most of the start-up time of commands that never emit.
  const { synthesizeTo } = await import("../emit/synth.js");
  await synthesizeTo(plan, resolve(context.cwd, out), backend);
  const lines = plan.stacks.map((stack) => `  ${stack.name}: ${plural(stack.resources.length, "resource")}`);
  context.stdout(`wrote ${out}: ${plural(plan.stacks.length, "stack")}\n${lines.join("\n")}\n`);
}
