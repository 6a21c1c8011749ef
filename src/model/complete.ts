import type { BurnRateTier, Draft, Model, Objective, Service, Slo } from "./model.js";

/** The keys of `T` that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** A list of every required part of `T`: the compiler refuses a list that misses one. */
function requiredParts<T>() {
  return <const Parts extends readonly RequiredKeys<T>[]>(
    parts: Parts & ([Exclude<RequiredKeys<T>, Parts[number]>] extends [never] ? unknown : never),
  ): Parts => parts;
}

const SERVICE_PARTS = requiredParts<Service>()([
  "name",
  "stack",
  "owner",
  "tags",
  "notify",
  "dependencies",
  "journeys",
  "approvers",
  "dashboard",
  "corrections",
  "slos",
  "at",
]);
const SLO_PARTS = requiredParts<Slo>()([
  "stack",
  "name",
  "sli",
  "objectives",
  "primary",
  "tags",
  "resourceTags",
  "alerts",
  "corrections",
  "at",
]);
const OBJECTIVE_PARTS = requiredParts<Objective>()(["window", "target", "at"]);
const TIER_PARTS = requiredParts<BurnRateTier>()([
  "severity",
  "window",
  "target",
  "longWindowHours",
  "shortWindowMinutes",
  "shortWindowUnit",
  "factor",
  "budgetConsumedPercent",
  "statedAs",
  "origin",
  "at",
]);

/**
 * The model of a draft that passed every check. Each part a mapping leaves out of a draft comes
 * with an error diagnostic (a shape error, or a rule naming what cannot be resolved), so a draft
 * without errors is complete; that a mapping kept to this is checked here, part by part, and a
 * draft that did not is a defect of the compiler, not of the specs.
 */
export function completeModel(draft: Draft<Model>): Model {
  const missing = [
    ...(draft.services ?? []).flatMap((service) => [
      ...absent(service, SERVICE_PARTS, `service ${service.stack ?? "?"}`),
      ...(service.slos ?? []).flatMap((slo) => [
        ...absent(slo, SLO_PARTS, `SLO ${service.stack ?? "?"}/${slo.name ?? "?"}`),
        ...(slo.objectives ?? []).flatMap((objective) =>
          absent(objective, OBJECTIVE_PARTS, `an objective of ${slo.name ?? "?"}`),
        ),
        ...(slo.alerts?.burnRate ?? []).flatMap((tier) => absent(tier, TIER_PARTS, `a tier of ${slo.name ?? "?"}`)),
      ]),
    ]),
  ];
  if (missing.length > 0) throw new Error(`the model is incomplete without any error reported: ${missing.join("; ")}`);
  return draft as Model;
}

function absent(element: object, parts: readonly string[], what: string): string[] {
  return parts.filter((part) => !(part in element)).map((part) => `${what} has no ${part}`);
}
