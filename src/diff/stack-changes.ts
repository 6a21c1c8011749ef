import type { CompiledPlan, StackPlan } from "../plan/resources.js";
import { compareText } from "../util/text.js";
import type { StackChange } from "./types.js";

/**
 * The stacks whose synthesized Terraform differs between two plans, by name. A stack's output is a
 * function of its planned resources (for one backend and one slocc), so comparing those compares
 * the output: a change Terraform plans as nothing (a `moved` block dropped) still counts.
 */
export function stackChanges(base: CompiledPlan, head: CompiledPlan): StackChange[] {
  const before = new Map(base.stacks.map((stack) => [stack.name, stack]));
  const after = new Map(head.stacks.map((stack) => [stack.name, stack]));
  const changes: StackChange[] = [];
  for (const [name, stack] of after) {
    const previous = before.get(name);
    if (!previous) changes.push({ name, change: "added" });
    else if (!sameStack(previous, stack)) changes.push({ name, change: "changed" });
  }
  for (const name of before.keys()) if (!after.has(name)) changes.push({ name, change: "removed" });
  return changes.sort((a, b) => compareText(a.name, b.name));
}

function sameStack(a: StackPlan, b: StackPlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
