import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Catalog, Draft } from "../model/model.js";
import { availabilityProblems } from "./journeys.js";
import { nameProblems } from "./names.js";
import type { Rule } from "./rule.js";

/**
 * The shared catalogs, checked once however many services look dependencies up in them: names
 * that follow the naming rule, availabilities that are percentages, and one availability for a
 * dependency across catalogs.
 */
export const checkCatalogs: Rule = (model) => {
  const catalogs = model.catalogs ?? [];
  return [
    ...catalogs.flatMap((catalog) => [
      ...nameProblems("catalog", catalog.name, catalog.at.name),
      ...(catalog.dependencies ?? []).flatMap((dependency) =>
        nameProblems("dependency", dependency.name, dependency.at.self),
      ),
      ...availabilityProblems(catalog.dependencies),
    ]),
    ...conflictingAvailabilities(catalogs),
  ];
};

/** DUPLICATE_DEPENDENCY at each catalog entry whose availability differs from the first one written. */
function conflictingAvailabilities(catalogs: readonly Draft<Catalog>[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const availabilities = new Map<string, { availability: number; file: string }>();
  for (const catalog of catalogs) {
    for (const { name, availability, at } of catalog.dependencies ?? []) {
      if (name === undefined || availability === undefined) continue;
      const first = availabilities.get(name);
      if (!first) availabilities.set(name, { availability, file: at.self.file });
      else if (first.availability !== availability) {
        found.push(
          diagnostic(
            "DUPLICATE_DEPENDENCY",
            `"${name}" is ${first.availability} in ${first.file} and ${availability} here: keep one value`,
            at.self,
          ),
        );
      }
    }
  }
  return found;
}
