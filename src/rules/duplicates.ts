import type { DiagnosticCode } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position } from "../util/position.js";
import { byPosition, type Rule } from "./rule.js";

/** A stack is made from one service file, across every spec. */
export const checkDuplicateServices: Rule = (model) =>
  repeats(
    "DUPLICATE_SERVICE",
    byPosition(model.services ?? []).flatMap((service) =>
      service.stack === undefined ? [] : [{ name: service.stack, at: service.at.name }],
    ),
    (stack, first) =>
      `the service's stack "${stack}" is also made from ${first.file}: keep one file per service, and name no service like another's <service>-<environment> stack`,
  );

/** A name is one SLO within its service. */
export const checkDuplicateSlos: Rule = (model) =>
  (model.services ?? []).flatMap((service) =>
    repeats(
      "DUPLICATE_SLO",
      byPosition(service.slos ?? []).flatMap((slo) =>
        slo.name === undefined ? [] : [{ name: slo.name, at: slo.at.name }],
      ),
      (name, first) =>
        `the SLO name "${name}" is already used on line ${first.line}: SLO names are their identity in Datadog, make this one unique`,
    ),
  );

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
