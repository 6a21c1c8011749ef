import { plural } from "../util/text.js";
import { RESOURCE_ACTIONS, type ChangeDiff, type SloChange } from "../diff/types.js";

/** `1 SLO added, 2 changed` (only the kinds present), or `no SLO change`. */
export function sloSummary(diff: ChangeDiff): string {
  const parts = (["added", "removed", "renamed", "changed"] as const)
    .filter((kind) => diff.summary.slos[kind] > 0)
    .map((kind) => `${diff.summary.slos[kind]} ${kind}`);
  return parts.length > 0 ? `SLOs: ${parts.join(", ")}` : "no SLO change";
}

/** `resources: 3 to create, 1 to destroy` (only the actions present). */
export function resourceSummary(diff: ChangeDiff): string {
  const parts = RESOURCE_ACTIONS.filter((a) => diff.summary.resources[a] > 0).map(
    (a) => `${diff.summary.resources[a]} to ${a}`,
  );
  return parts.length > 0 ? `resources: ${parts.join(", ")}` : "no resource change";
}

/** How many stacks are named in a summary; the rest are counted. */
const NAMED_STACKS = 10;

/** `2 stacks to plan: api (changed), web (added)`, or `no stack to plan`. */
export function stackSummary(diff: ChangeDiff): string {
  if (diff.stacks.length === 0) return "no stack to plan";
  const named = diff.stacks.slice(0, NAMED_STACKS).map((stack) => `${stack.name} (${stack.change})`);
  const more = diff.stacks.length > NAMED_STACKS ? ` and ${diff.stacks.length - NAMED_STACKS} more` : "";
  return `${plural(diff.stacks.length, "stack")} to plan: ${named.join(", ")}${more}`;
}

/** How a change reads in a review: `renamed from x (history kept)`. */
export function changeLabel(change: SloChange): string {
  return change.change === "renamed" ? `renamed from ${change.renamedFrom} (history kept)` : change.change;
}
