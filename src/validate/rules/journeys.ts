import { chainCeiling, weakestLinks } from "../../model/ceiling.js";
import { dependencyLookup } from "../../model/from-spec-v1.js";
import type { DataPath } from "../../load/source-file.js";
import { formatAvailability, formatPercent } from "../../plan/budget.js";
import { NAME_PATTERN, type CatalogV1, type ServiceV1, type SloV1 } from "../../spec/v1.js";
import { didYouMean } from "../suggest.js";
import type { Report } from "./report.js";

/** Dependency names follow the naming rule; availabilities are percentages in (0, 100]. */
export function checkDependencies(dependencies: Readonly<Record<string, number>> | undefined, path: DataPath, report: Report): void {
  for (const [name, availability] of Object.entries(dependencies ?? {})) {
    if (!NAME_PATTERN.test(name)) report("INVALID_NAME", `the dependency "${name}" breaks the naming rule: use lowercase letters, digits and single dashes`, [...path, name], "key");
    if (!(availability > 0 && availability <= 100)) {
      report("INVALID_VALUE", `the availability of "${name}" is a percentage above 0 and at most 100, such as 99.95, not ${availability}`, [...path, name]);
    }
  }
}

/**
 * Journeys of one service: names, dependencies that resolve (in the service or a shared catalog),
 * SLOs naming a declared journey, and availability targets no higher than the journey's ceiling.
 */
export function checkJourneys(service: Pick<ServiceV1, "journeys" | "dependencies">, slos: readonly (SloV1 | undefined)[], catalogs: readonly CatalogV1[], report: Report): void {
  const journeys = service.journeys ?? {};
  const lookup = dependencyLookup(service, catalogs);
  const known = [...Object.keys(service.dependencies ?? {}), ...catalogs.flatMap((catalog) => Object.keys(catalog.dependencies))];
  for (const [name, journey] of Object.entries(journeys)) {
    if (!NAME_PATTERN.test(name)) report("INVALID_NAME", `the journey "${name}" breaks the naming rule: use lowercase letters, digits and single dashes`, ["journeys", name], "key");
    journey.dependsOn?.forEach((ref, index) => {
      const names = typeof ref === "string" ? [ref] : ref.anyOf;
      names.forEach((dependency, inner) => {
        if (lookup(dependency) !== undefined) return;
        const path = typeof ref === "string" ? ["journeys", name, "dependsOn", index] : ["journeys", name, "dependsOn", index, "anyOf", inner];
        report("UNKNOWN_DEPENDENCY", `no dependency "${dependency}" in this service's dependencies or a shared catalog: declare its availability.${didYouMean(dependency, known)}`, path);
      });
    });
  }
  slos.forEach((slo, index) => {
    if (slo?.journey === undefined) return;
    const journey = journeys[slo.journey];
    if (!journey) {
      report("UNKNOWN_JOURNEY", `the service declares no journey "${slo.journey}": add it under \`journeys\`.${didYouMean(slo.journey, Object.keys(journeys))}`, ["slos", index, "journey"]);
      return;
    }
    const isAvailability = slo.sli.ratio !== undefined || slo.sli.monitors !== undefined;
    const ceiling = journey.dependsOn && journey.dependsOn.length > 0 ? chainCeiling(journey.dependsOn, lookup) : undefined;
    if (!isAvailability || !ceiling) return;
    slo.objectives.forEach((objective, objectiveIndex) => {
      if (objective.target <= ceiling.percent) return;
      const weakest = weakestLinks(ceiling)
        .map((link) => `${link.label} ${formatAvailability(link.availability)}`)
        .join(", ");
      report(
        "CEILING_EXCEEDED",
        `the ${objective.window} target ${formatPercent(objective.target)} is above what journey "${slo.journey}" can reach through its dependencies (${formatAvailability(ceiling.percent)}; weakest: ${weakest}): add redundancy or lower the target`,
        ["slos", index, "objectives", objectiveIndex, "target"],
      );
    });
  });
}
