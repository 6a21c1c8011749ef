import type { ChangeDiff, SloChange } from "../views/diff/types.js";

/** `1 SLO added, 2 changed` (only the kinds present), or `no SLO change`. */
export function sloSummary(diff: ChangeDiff): string {
  const parts = (["added", "removed", "renamed", "changed"] as const)
    .filter((kind) => diff.summary.slos[kind] > 0)
    .map((kind) => `${diff.summary.slos[kind]} ${kind}`);
  return parts.length > 0 ? `SLOs: ${parts.join(", ")}` : "no SLO change";
}

/** `resources: 3 to create, 1 to destroy` (only the actions present). */
export function resourceSummary(diff: ChangeDiff): string {
  const parts = (["create", "import", "update", "replace", "destroy", "move"] as const)
    .filter((a) => diff.summary.resources[a] > 0)
    .map((a) => `${diff.summary.resources[a]} to ${a}`);
  return parts.length > 0 ? `resources: ${parts.join(", ")}` : "no resource change";
}

/** How a change reads in a review: `renamed from x (history kept)`. */
export function changeLabel(change: SloChange): string {
  return change.change === "renamed" ? `renamed from ${change.renamedFrom} (history kept)` : change.change;
}
