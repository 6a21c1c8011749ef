import type { DiagnosticCode } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position } from "../util/position.js";
import { byPosition, type Rule } from "./rule.js";

/** A name is one service, one SLO within its service, one availability across catalogs. */
export const checkDuplicates: Rule = (model) => {
  const services = byPosition(model.services ?? []);
  const found = repeats(
    "DUPLICATE_SERVICE",
    services.flatMap((service) => (service.stack === undefined ? [] : [{ name: service.stack, at: service.at.name }])),
    (stack, first) =>
      `the service's stack "${stack}" is also made from ${first.file}: keep one file per service, and name no service like another's <service>-<environment> stack`,
  );
  for (const service of services) {
    const slos = byPosition(service.slos ?? []).flatMap((slo) =>
      slo.name === undefined ? [] : [{ name: slo.name, at: slo.at.name }],
    );
    found.push(
      ...repeats(
        "DUPLICATE_SLO",
        slos,
        (name, first) =>
          `the SLO name "${name}" is already used on line ${first.line}: SLO names are their identity in Datadog, make this one unique`,
      ),
    );
  }
  const availabilities = new Map<string, { availability: number; file: string }>();
  for (const catalog of model.catalogs ?? []) {
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
};

/** A diagnostic at each name an earlier one already took (names in the order written). */
export function repeats(
  code: DiagnosticCode,
  names: readonly { name: string; at: Position }[],
  message: (name: string, first: Position) => string,
): Diagnostic[] {
  const seen = new Map<string, Position>();
  const found: Diagnostic[] = [];
  for (const { name, at } of names) {
    const first = seen.get(name);
    if (first === undefined) seen.set(name, at);
    else found.push(diagnostic(code, message(name, first), at));
  }
  return found;
}
