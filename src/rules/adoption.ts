import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position } from "../util/position.js";
import { repeats } from "./duplicates.js";
import { comparePositions, eachSlo, type Rule } from "./rule.js";

/**
 * What adopting existing Datadog objects asks: a display name with some text, and each Datadog SLO,
 * monitor or correction adopted once across every spec (Terraform cannot import one object to two
 * resources).
 */
export const checkAdoption: Rule = (model) => {
  const found: Diagnostic[] = [];
  const sloIds: { name: string; at: Position }[] = [];
  const monitorIds: { name: string; at: Position }[] = [];
  const correctionIds: { name: string; at: Position }[] = [];
  const firstEnvironments = firstEnvironmentByFile(model);
  for (const { service, slo } of eachSlo(model)) {
    // Every environment of a service is an instance of its SLOs: the first one found stands for them all.
    if (service.environment !== undefined && service.environment !== firstEnvironments.get(service.at.self.file))
      continue;
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
    if (slo.datadogId !== undefined && service.environment !== undefined) {
      found.push(
        diagnostic(
          "DUPLICATE_DATADOG_ID",
          "this service declares environments, and each makes its own Datadog SLO: one Datadog SLO can be adopted by one of them only. " +
            "Adopt it in a spec without environments",
          slo.at.datadogId,
        ),
      );
    }
    for (const tier of slo.alerts?.burnRate ?? []) {
      if (tier.datadogId !== undefined) monitorIds.push({ name: String(tier.datadogId), at: tier.at.datadogId });
    }
    const errorBudget = slo.alerts?.errorBudget;
    if (errorBudget?.datadogId !== undefined)
      monitorIds.push({ name: String(errorBudget.datadogId), at: errorBudget.at.datadogId });
    for (const correction of slo.corrections ?? []) {
      if (correction.datadogId === undefined) continue;
      // A service's correction is written once and planned for each SLO: checked with the first SLO only.
      if (correction.scope === "service" && slo !== service.slos?.[0]) continue;
      correctionIds.push({ name: correction.datadogId, at: correction.at.datadogId });
      if (correction.scope === "service" || service.environment !== undefined)
        found.push(
          diagnostic(
            "DUPLICATE_DATADOG_ID",
            `${correction.scope === "service" ? "a service's correction applies to each of its SLOs" : "this service declares environments, and each makes its own correction"}: ` +
              "one Datadog correction can be adopted by one SLO only. Move it under the SLO it corrects, in a spec without environments",
            correction.at.datadogId,
          ),
        );
    }
  }
  const adoptedTwice = (what: string) => (id: string, first: Position) =>
    `the Datadog ${what} ${id} is already adopted at ${first.file}:${first.line}: an object can be adopted once, remove one \`datadogId\``;
  found.push(
    ...repeats("DUPLICATE_DATADOG_ID", byPlace(sloIds), adoptedTwice("SLO")),
    ...repeats("DUPLICATE_DATADOG_ID", byPlace(monitorIds), adoptedTwice("monitor")),
    ...repeats("DUPLICATE_DATADOG_ID", byPlace(correctionIds), adoptedTwice("correction")),
  );
  return found;
};

/** By file, the first environment (by name) of the service instances it declares. */
function firstEnvironmentByFile(model: Parameters<Rule>[0]): Map<string, string | undefined> {
  const first = new Map<string, string | undefined>();
  for (const service of model.services ?? []) {
    if (!first.has(service.at.self.file)) first.set(service.at.self.file, service.environment);
  }
  return first;
}

function byPlace<T extends { readonly at: Position }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => comparePositions(a.at, b.at));
}
