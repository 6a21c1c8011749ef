import { compareText } from "../diagnostics/diagnostic.js";
import type { DataPath } from "../load/source-file.js";
import type { ValidatedSpec } from "../validate/validate.js";
import type { CatalogV1, ServiceV1, SliV1, SloV1 } from "../spec/v1.js";
import { chainCeiling } from "./ceiling.js";
import { nextReviewDate } from "./review-cadence.js";
import { factorFits, maxBurnRate } from "../datadog/burn-rate.js";
import { percentValue, requestedTiers } from "./burn-rate-tiers.js";
import { durationSeconds } from "./duration.js";
import { formatNumber, withoutFloatNoise } from "./numbers.js";
import { targetFor } from "./objectives.js";
import { WINDOWS, type Alerting, type Journey, type Model, type Objective, type Service, type Sli, type Slo } from "./model.js";
import { baseTags, mergeTags } from "./slo-tags.js";

/** Maps validated `slocc/v1` specs to the internal model: defaults applied, order normalised. */
export function modelFromSpecs(specs: readonly ValidatedSpec[], catalogs: readonly CatalogV1[] = []): Model {
  const services = specs.map((spec) => serviceFromSpec(spec, catalogs)).sort((a, b) => compareText(a.name, b.name));
  return { services };
}

/** Looks a dependency up in the service's own list first, then in the shared catalogs. */
export function dependencyLookup(service: Pick<ServiceV1, "dependencies">, catalogs: readonly CatalogV1[]): (name: string) => number | undefined {
  return (name) => service.dependencies?.[name] ?? catalogs.find((catalog) => catalog.dependencies[name] !== undefined)?.dependencies[name];
}

/** `journey:<name>` and `journey-kind:cuj|cmc`, the tags an SLO of a journey carries. */
export function journeyTags(name: string, kind: "user" | "machine"): string[] {
  return [`journey:${name}`, `journey-kind:${kind === "user" ? "cuj" : "cmc"}`];
}

function serviceFromSpec({ file, spec }: ValidatedSpec, catalogs: readonly CatalogV1[]): Service {
  const at = (path: DataPath) => file.locate(path);
  const serviceTags = spec.tags ?? [];
  const lookup = dependencyLookup(spec, catalogs);
  const journeys = Object.entries(spec.journeys ?? {})
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, journey]): Journey => {
      const ceiling = journey.dependsOn && journey.dependsOn.length > 0 ? chainCeiling(journey.dependsOn, lookup) : undefined;
      return {
        name,
        kind: journey.kind,
        ...(journey.description === undefined ? {} : { description: journey.description }),
        ...(ceiling === undefined ? {} : { ceiling }),
      };
    });
  const journeyOf = (name: string | undefined) => journeys.find((journey) => journey.name === name);
  const slos = spec.slos.map((slo, index): Slo => {
    const journey = journeyOf(slo.journey);
    return {
      service: spec.service,
      name: slo.name,
      ...(slo.renamedFrom === undefined ? {} : { renamedFrom: slo.renamedFrom }),
      ...(slo.description === undefined ? {} : { description: slo.description }),
      sli: sliFromSpec(slo.sli),
      ...(journey ? { journey: { name: journey.name, kind: journey.kind } } : {}),
      objectives: sortedObjectives(slo),
      primaryWindow: slo.objectives[0]?.window ?? "30d",
      tags: mergeTags(baseTags(spec.service, spec.owner, slo.name), serviceTags, slo.tags ?? [], journey ? journeyTags(journey.name, journey.kind) : []),
      alerts: alertingFromSpec(spec, slo),
      source: at(["slos", index, "name"]),
    };
  });
  return {
    name: spec.service,
    owner: spec.owner,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    tags: mergeTags(serviceTags),
    journeys,
    ...(spec.review === undefined ? {} : { review: { ...spec.review, due: nextReviewDate(spec.review.last, spec.review.every) } }),
    approvers: [...(spec.approvers ?? [])],
    dashboard: spec.dashboard ?? true,
    slos: slos.sort((a, b) => compareText(a.name, b.name)),
    source: at(["service"]),
  };
}

function alertingFromSpec(service: ServiceV1, slo: SloV1): Alerting {
  const primary = slo.objectives[0]?.window ?? "30d";
  const requested = requestedTiers(slo);
  const fitting = requested.filter((tier) => factorFits(tier.factor, targetFor(slo, tier.window)));
  const dropped = requested
    .filter((tier) => !fitting.includes(tier))
    .map((tier) => ({ tier, maxFactor: withoutFloatNoise(maxBurnRate(targetFor(slo, tier.window))) }));
  const errorBudget = slo.alerts?.errorBudget;
  const runbook = slo.runbook ?? service.runbook;
  return {
    burnRate: fitting,
    dropped,
    ...(errorBudget === undefined
      ? {}
      : {
          errorBudget: {
            window: primary,
            criticalPercent: percentValue(errorBudget.critical),
            ...(errorBudget.warning === undefined ? {} : { warningPercent: percentValue(errorBudget.warning) }),
          },
        }),
    notify: {
      page: [...(slo.alerts?.notify?.page ?? service.notify?.page ?? [])],
      ticket: [...(slo.alerts?.notify?.ticket ?? service.notify?.ticket ?? [])],
    },
    ...(runbook === undefined ? {} : { runbook }),
  };
}

function sortedObjectives(slo: SloV1): Objective[] {
  return [...slo.objectives]
    .sort((a, b) => WINDOWS.indexOf(a.window) - WINDOWS.indexOf(b.window))
    .map(({ window, target, warning }) => (warning === undefined ? { window, target } : { window, target, warning }));
}

function sliFromSpec(sli: SliV1): Sli {
  if (sli.ratio) {
    const { good, bad, total } = sli.ratio;
    return good !== undefined
      ? { kind: "ratio", events: "good", numerator: good.trim(), denominator: total.trim() }
      : { kind: "ratio", events: "bad", numerator: `(${total.trim()}) - (${(bad ?? "").trim()})`, denominator: total.trim() };
  }
  if (sli.latency) {
    const { metric, filter, threshold } = sli.latency;
    const scope = filter?.trim() || "*";
    const value = typeof threshold === "number" ? threshold : durationSeconds(threshold);
    return {
      kind: "latency",
      metric,
      filter: scope,
      threshold: value,
      // Threshold query on a percentile-enabled distribution: good events are the values at or under the threshold.
      numerator: `count(v: v<=${formatNumber(value)}):${metric}{${scope}}`,
      denominator: `count:${metric}{${scope}}`,
    };
  }
  if (sli.timeSlice) {
    const { query, comparator, threshold, interval } = sli.timeSlice;
    return { kind: "timeSlice", query: query.trim(), comparator, threshold, intervalSeconds: interval === "1m" ? 60 : 300 };
  }
  const monitors = sli.monitors ?? { ids: [] };
  return { kind: "monitors", monitorIds: [...monitors.ids].sort((a, b) => a - b), groups: [...(monitors.groups ?? [])].sort(compareText) };
}

