import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import type { CompiledPlan } from "../src/plan/resources.js";
import { renderDiagnosticsText } from "../src/render/diagnostics.js";

/** A compilation's outcome, as far as the benchmark checks it. */
interface Compiled {
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, string>;
}

/** Throws with every diagnostic shown when the generated corpus has an error: a benchmark of a refused corpus would measure nothing. */
export function requireNoErrors(result: Compiled, what: string): void {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return;
  const shown = renderDiagnosticsText(errors.slice(0, 20), { color: false, sources: result.sources });
  throw new Error(`the generated corpus does not validate (${what}: ${errors.length} errors):\n${shown}`);
}

/** Counts of a compilation to report: diagnostics by severity and planned resources. */
export function compiledDetail(
  result: Compiled & { readonly value: { readonly plan: CompiledPlan } | undefined },
): Record<string, number> {
  const errors = result.diagnostics.filter((d) => d.severity === "error").length;
  return {
    errors,
    warnings: result.diagnostics.length - errors,
    stacks: result.value?.plan.stacks.length ?? 0,
    resources: result.value?.plan.stacks.reduce((sum, stack) => sum + stack.resources.length, 0) ?? 0,
  };
}
