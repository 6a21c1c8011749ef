import { compileDirectory } from "../compile.js";
import { LOCAL_BACKEND, type BackendChoice } from "../config/backend.js";
import { plural } from "../diagnostics/format.js";
import type { CompiledPlan } from "../plan/resources.js";
import { EXIT, type CliIo } from "./io.js";
import { compileOptions, type SpecSourceOptions } from "./commands/options.js";
import { reportDiagnostics } from "./report.js";

/**
 * Compiles the specs in `source.dir` and prints their diagnostics as text. Resolves to the plan, or to
 * undefined when an error (or, with `strict`, a warning) means nothing may be written.
 */
export async function compileReported(source: SpecSourceOptions, strict: boolean, io: CliIo): Promise<CompiledPlan | undefined> {
  const result = await compileDirectory(source.dir, compileOptions(source));
  const code = reportDiagnostics(result, io, "text", strict);
  return code === EXIT.ok ? result.plan : undefined;
}

/** Writes the plan's Terraform stacks to `out`, as `cdktf synth` does, and lists them on stdout. */
export async function writeStacks(plan: CompiledPlan, out: string, io: CliIo, backend: BackendChoice = LOCAL_BACKEND): Promise<void> {
  // Loaded on demand: cdktf and the provider take most of the start-up time of commands that never emit.
  const { synthesizeTo } = await import("../emit/synth.js");
  await synthesizeTo(plan, out, backend);
  const lines = plan.stacks.map((stack) => `  ${stack.name}: ${plural(stack.resources.length, "resource")}`);
  io.stdout(`wrote ${out}: ${plural(plan.stacks.length, "stack")}\n${lines.join("\n")}\n`);
}
