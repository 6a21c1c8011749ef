import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position } from "../util/position.js";
import { repeats } from "./duplicates.js";
import { comparePositions, eachSlo, type Rule } from "./rule.js";

/**
 * What adopting existing Datadog objects asks: a display name with some text, and each Datadog SLO
 * or monitor adopted once across every spec (Terraform cannot import one object to two resources).
 */
export const checkAdoption: Rule = (model) => {
  const found: Diagnostic[] = [];
  const sloIds: { name: string; at: Position }[] = [];
  const monitorIds: { name: string; at: Position }[] = [];
  for (const { slo } of eachSlo(model)) {
    if (slo.displayName !== undefined && slo.displayName.trim().length === 0) {
      found.push(
        diagnostic(
          "INVALID_VALUE",
          "the display name is empty: write the SLO's name in Datadog, or remove `displayName`",
          slo.at.displayName,
        ),
      );
    }
    if (slo.datadogId !== undefined) sloIds.push({ name: slo.datadogId, at: slo.at.datadogId });
    for (const tier of slo.alerts?.burnRate ?? []) {
      if (tier.datadogId !== undefined) monitorIds.push({ name: String(tier.datadogId), at: tier.at.datadogId });
    }
    const errorBudget = slo.alerts?.errorBudget;
    if (errorBudget?.datadogId !== undefined)
      monitorIds.push({ name: String(errorBudget.datadogId), at: errorBudget.at.datadogId });
  }
  const adoptedTwice = (what: string) => (id: string, first: Position) =>
    `the Datadog ${what} ${id} is already adopted at ${first.file}:${first.line}: an object can be adopted once, remove one \`datadogId\``;
  found.push(
    ...repeats("DUPLICATE_DATADOG_ID", byPlace(sloIds), adoptedTwice("SLO")),
    ...repeats("DUPLICATE_DATADOG_ID", byPlace(monitorIds), adoptedTwice("monitor")),
  );
  return found;
};

function byPlace<T extends { readonly at: Position }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => comparePositions(a.at, b.at));
}
