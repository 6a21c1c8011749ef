import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatAvailability, formatPercent } from "../human/numbers.js";
import { weakestLinks } from "../model/ceiling.js";
import type { Dependency, Draft } from "../model/model.js";
import { dependencyLookup } from "../model/resolve.js";
import { didYouMean } from "../util/suggest.js";
import { eachSlo, type Rule } from "./rule.js";

/** Availabilities of a service's own dependencies are percentages in (0, 100]. */
export const checkAvailabilities: Rule = (model) =>
  (model.services ?? []).flatMap((service) => availabilityProblems(service.dependencies));

/** Journeys name dependencies declared in their service or a shared catalog; SLOs name declared journeys. */
export const checkJourneyReferences: Rule = (model) => {
  const catalogs = model.catalogs ?? [];
  const found: Diagnostic[] = [];
  for (const service of model.services ?? []) {
    const lookup = dependencyLookup(service, catalogs);
    for (const step of (service.journeys ?? []).flatMap((journey) => journey.dependsOn ?? [])) {
      for (const { value, at } of step) {
        if (value === undefined || lookup(value) !== undefined) continue;
        const known = [
          ...(service.dependencies ?? []),
          ...catalogs.flatMap((catalog) => catalog.dependencies ?? []),
        ].flatMap((d) => (d.name === undefined ? [] : [d.name]));
        found.push(
          diagnostic(
            "UNKNOWN_DEPENDENCY",
            `no dependency "${value}" in this service's dependencies or a shared catalog: declare its availability.${didYouMean(value, known)}`,
            at,
          ),
        );
      }
    }
  }
  for (const { service, slo } of eachSlo(model)) {
    const journey = slo.journey;
    if (journey?.value === undefined) continue;
    const names = (service.journeys ?? []).flatMap((candidate) =>
      candidate.name === undefined ? [] : [candidate.name],
    );
    if (!names.includes(journey.value)) {
      found.push(
        diagnostic(
          "UNKNOWN_JOURNEY",
          `the service declares no journey "${journey.value}": add it under \`journeys\`.${didYouMean(journey.value, names)}`,
          journey.at,
        ),
      );
    }
  }
  return found;
};

/** Availability targets no higher than what the journey's dependencies allow. */
export const checkCeilings: Rule = (model) =>
  eachSlo(model).flatMap(({ service, slo }) => {
    const journey = service.journeys?.find(
      (candidate) => candidate.name !== undefined && candidate.name === slo.journey?.value,
    );
    const ceiling = journey?.ceiling;
    const isAvailability = slo.sli?.kind === "ratio" || slo.sli?.kind === "monitors";
    if (!journey?.name || !ceiling || !isAvailability) return [];
    return (slo.objectives ?? []).flatMap((objective): Diagnostic[] => {
      if (objective.target === undefined || objective.window === undefined || objective.target <= ceiling.percent)
        return [];
      const weakest = weakestLinks(ceiling)
        .map((link) => `${link.label} ${formatAvailability(link.availability)}`)
        .join(", ");
      return [
        diagnostic(
          "CEILING_EXCEEDED",
          `the ${objective.window} target ${formatPercent(objective.target)} is above what journey "${journey.name}" can reach ` +
            `through its dependencies (${formatAvailability(ceiling.percent)}; weakest: ${weakest}): add redundancy or lower the target`,
          objective.at.target,
        ),
      ];
    });
  });

/** INVALID_VALUE at each availability that is not a percentage in (0, 100]. */
export function availabilityProblems(dependencies: readonly Draft<Dependency>[] | undefined): Diagnostic[] {
  return (dependencies ?? []).flatMap(({ name, availability, at }): Diagnostic[] =>
    availability === undefined || (availability > 0 && availability <= 100)
      ? []
      : [
          diagnostic(
            "INVALID_VALUE",
            `the availability of "${name ?? ""}" is a percentage above 0 and at most 100, such as 99.95, not ${availability}`,
            at.availability,
          ),
        ],
  );
}
