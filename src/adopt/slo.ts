import { normaliseTag } from "../datadog/tags.js";
import { MAX_SLO_MONITORS } from "../datadog/targets.js";
import { SLOCC_TAG_KEYS, tagKey } from "../model/tags.js";
import { compareWindows, isWindow, type Window } from "../datadog/windows.js";
import type { DatadogCorrection, DatadogMonitor, DatadogSlo, DatadogTimeSlice } from "../datadog-api/responses.js";
import { failed, problemsText, succeeded, type Outcome } from "../diagnostics/outcome.js";
import {
  QUERY_NAME_PATTERN,
  SLO_ID_PATTERN,
  type ObjectiveV1,
  type SliV1,
  type SloV1,
} from "../formats/slocc-v1/schema.js";
import { compareText } from "../util/text.js";
import { adoptAlerts, type AdoptedAlert } from "./alerts.js";
import { adoptCorrection } from "./corrections.js";
import type { Refusal } from "./report.js";
import { nameFrom, ownerFrom } from "./names.js";
import { optional } from "../util/optional.js";

/** What the user gives for what the SLOs' tags do not say. */
export interface AdoptionOptions {
  /** The service of SLOs without a `service:` tag. */
  readonly service?: string;
  /** The owner of services whose SLOs have no `team:` tag. */
  readonly owner?: string;
}

/** An SLO mapped to a spec entry, with what the first apply changes in place. */
export interface AdoptedSlo {
  readonly id: string;
  readonly datadogName: string;
  readonly service: string;
  /** The team the SLO's `team:` tag names. */
  readonly team?: string;
  /** The spec entry; its `name` is a proposal that its service makes unique. */
  readonly spec: SloV1;
  /** The SLO's own tags, normalised and sorted. */
  readonly tags: readonly string[];
  readonly alerts: readonly AdoptedAlert[];
  readonly changes: readonly string[];
}

/** The interval of a time-slice query, in the spec's words. */
const INTERVALS: Readonly<Record<number, "1m" | "5m">> = { 60: "1m", 300: "5m" };
const COMPARATORS = ["<", "<=", ">", ">="] as const;

/**
 * Maps one Datadog SLO, its `slo alert` monitors and its corrections to a slocc spec entry that
 * keeps what Datadog has: the exact name (as `displayName`), the type, description, every
 * threshold and the primary timeframe, the SLO's own tags, the queries as written, the alerts'
 * queries, thresholds and routing, and the corrections. What slocc cannot represent is refused
 * with the reason, never changed: the whole SLO, or one alert or correction (left unmanaged in Datadog).
 */
export function adoptSlo(
  slo: DatadogSlo,
  monitors: readonly DatadogMonitor[],
  corrections: readonly DatadogCorrection[],
  options: AdoptionOptions,
): { readonly adopted?: AdoptedSlo; readonly refusals: readonly Refusal[] } {
  const refuse = (reason: string) => ({ refusals: [{ sloId: slo.id, sloName: slo.name, reason }] });
  if (!SLO_ID_PATTERN.test(slo.id)) return refuse(`its id is not 32 lowercase hexadecimal characters`);
  const sli = sliOf(slo);
  if (!sli.ok) return refuse(problemsText(sli.problems));
  const objectives = objectivesOf(slo);
  if (!objectives.ok) return refuse(problemsText(objectives.problems));
  const tags = tagsOf(slo.tags ?? []);
  const serviceTag = tagValues(tags.tags, "service")
    .map(nameFrom)
    .find((name) => name.length > 0);
  const service = serviceTag ?? options.service;
  if (service === undefined) return refuse("it has no `service:` tag: give the service with --service <name>");
  const team = tagValues(tags.tags, "team")
    .map(ownerFrom)
    .find((owner) => owner.length > 0);
  const targets = new Map(objectives.value.objectives.map((objective) => [objective.window, objective.target]));
  const alerts = adoptAlerts(slo.id, monitors, targets);
  const adoptedCorrections = [...corrections]
    .sort((a, b) => a.attributes.start - b.attributes.start || compareText(a.id, b.id))
    .map((correction) => ({ correction, spec: adoptCorrection(correction) }));
  const description = slo.description?.trim();
  const spec: SloV1 = {
    name: nameFrom(slo.name) || `slo-${slo.id.slice(0, 8)}`,
    displayName: slo.name,
    datadogId: slo.id,
    ...(description ? { description } : {}),
    ...(ownTags(tags.tags).length > 0 ? { tags: ownTags(tags.tags) } : {}),
    sli: sli.value.sli,
    objectives: objectives.value.objectives,
    alerts: {
      ...(Object.keys(alerts.notify).length > 0 ? { notify: alerts.notify } : {}),
      burnRate: alerts.burnRate.length > 0 ? [...alerts.burnRate] : "none",
      ...(alerts.errorBudget ? { errorBudget: alerts.errorBudget } : {}),
    },
    ...(adoptedCorrections.some(({ spec }) => spec.ok)
      ? { corrections: adoptedCorrections.flatMap(({ spec }) => (spec.ok ? [spec.value] : [])) }
      : {}),
  };
  return {
    adopted: {
      id: slo.id,
      datadogName: slo.name,
      service,
      ...optional("team", team),
      spec,
      tags: tags.tags,
      alerts: alerts.adopted,
      changes: [...sli.value.changes, ...objectives.value.changes, ...tags.changes],
    },
    refusals: [
      ...alerts.refused.map((alert) => ({ sloId: slo.id, sloName: slo.name, ...alert })),
      ...adoptedCorrections.flatMap(({ correction, spec }) =>
        spec.ok
          ? []
          : [{ sloId: slo.id, sloName: slo.name, correctionId: correction.id, reason: problemsText(spec.problems) }],
      ),
    ],
  };
}

/** The SLI as spec data, with the one-time changes the provider plans for it after its import. */
type AdoptedSli = { readonly sli: SliV1; readonly changes: readonly string[] };

function sliOf(slo: DatadogSlo): Outcome<AdoptedSli> {
  const refuse = (reason: string) => failed("NOT_ADOPTABLE", reason);
  switch (slo.type) {
    case "metric": {
      if (!slo.query) return refuse("it is a metric SLO without a numerator and a denominator");
      // Provider 4.x stores an imported metric SLO as the API returns it (`sli_specification.count`
      // beside `query`, since 2026); slocc writes `query`, which the first apply sets once, in place.
      const countForm =
        slo.sli_specification?.count === undefined || slo.sli_specification.count === null
          ? []
          : [
              "its SLI is written as `query` (numerator and denominator): the first plan shows `sli_specification` " +
                "replaced by `query` in place, once, as the provider imports it in the form the API returns",
            ];
      return succeeded({
        sli: { ratio: { good: slo.query.numerator.trim(), total: slo.query.denominator.trim() } },
        changes: countForm,
      });
    }
    case "monitor": {
      const ids = slo.monitor_ids ?? [];
      if (ids.length < 1 || ids.length > MAX_SLO_MONITORS || !ids.every((id) => Number.isInteger(id) && id > 0))
        return refuse(`it is built from ${ids.length} monitors; slocc keeps 1 to ${MAX_SLO_MONITORS} monitor ids`);
      const groups = [...(slo.groups ?? [])].sort(compareText);
      if (groups.length > 0 && ids.length !== 1)
        return refuse("it has monitor groups over several monitors, which Datadog accepts for one monitor only");
      return succeeded({
        sli: { monitors: { ids: [...ids].sort((a, b) => a - b), ...(groups.length > 0 ? { groups } : {}) } },
        changes: [],
      });
    }
    case "time_slice": {
      const timeSlice = slo.sli_specification?.time_slice;
      if (!timeSlice) return refuse("it is a time-slice SLO without a time-slice specification");
      return timeSliceOf(timeSlice);
    }
    default:
      return refuse(`its type ${JSON.stringify(slo.type)} is not one slocc knows (metric, monitor, time_slice)`);
  }
}

function timeSliceOf(timeSlice: DatadogTimeSlice): Outcome<AdoptedSli> {
  const refuse = (reason: string) => failed("NOT_ADOPTABLE", reason);
  const comparator = COMPARATORS.find((candidate) => candidate === timeSlice.comparator);
  if (!comparator) return refuse(`its comparator ${JSON.stringify(timeSlice.comparator)} is not <, <=, > or >=`);
  const seconds = timeSlice.query_interval_seconds ?? undefined;
  const interval = seconds === undefined ? undefined : INTERVALS[seconds];
  if (seconds !== undefined && !interval) return refuse(`its query interval of ${seconds} s is not 60 or 300`);
  const [formula, ...moreFormulas] = timeSlice.query.formulas;
  if (!formula || moreFormulas.length > 0)
    return refuse(`it has ${timeSlice.query.formulas.length} formulas; a time-slice SLO has one`);
  const queries = timeSlice.query.queries;
  if (queries.length === 0) return refuse("its formula has no query");
  for (const query of queries) {
    if ((query.data_source ?? "metrics") !== "metrics")
      return refuse(`its query ${query.name} reads ${query.data_source}; the Terraform provider reads metrics only`);
    const unsupported = Object.keys(query).filter(
      (key) => !["name", "query", "data_source"].includes(key) && query[key] !== null,
    );
    if (unsupported.length > 0)
      return refuse(
        `its query ${query.name} sets ${unsupported.join(", ")}, which the Terraform provider does not support`,
      );
    if (!QUERY_NAME_PATTERN.test(query.name))
      return refuse(`its query name ${JSON.stringify(query.name)} is not a letter followed by letters, digits or _`);
  }
  // Without an interval Datadog's default (5m) applies: written as it is, nothing is added to the spec.
  const condition = { comparator, threshold: timeSlice.threshold, ...optional("interval", interval) };
  const changes =
    seconds === undefined
      ? ["its query_interval_seconds is set to 300, Datadog's default, where the API returns none (once)"]
      : [];
  const [first, ...others] = queries;
  if (first && others.length === 0 && first.name === "query1" && formula.formula.trim() === "query1")
    return succeeded({ sli: { timeSlice: { query: first.query.trim(), ...condition } }, changes });
  return succeeded({
    sli: {
      timeSlice: {
        formula: formula.formula.trim(),
        queries: queries.map((query) => ({ name: query.name, query: query.query.trim() })),
        ...condition,
      },
    },
    changes,
  });
}

/**
 * Every threshold as an objective, the primary first (slocc's primary is its first objective).
 * slocc writes thresholds sorted by window and sets the primary's target and warning: where Datadog
 * has them otherwise, that is an in-place change, said so.
 */
function objectivesOf(slo: DatadogSlo): Outcome<{ readonly objectives: ObjectiveV1[]; readonly changes: string[] }> {
  const seen = new Set<string>();
  for (const { timeframe } of slo.thresholds) {
    if (!isWindow(timeframe))
      return failed(
        "NOT_ADOPTABLE",
        `its ${timeframe} threshold cannot be represented: slocc's windows are 7d, 30d and 90d (rolling)`,
      );
    if (seen.has(timeframe)) return failed("NOT_ADOPTABLE", `it has two ${timeframe} thresholds`);
    seen.add(timeframe);
  }
  const written = slo.thresholds.map((threshold) => ({
    window: threshold.timeframe as Window,
    target: threshold.target,
    ...(threshold.warning === undefined || threshold.warning === null ? {} : { warning: threshold.warning }),
  }));
  const [first] = written;
  if (!first) return failed("NOT_ADOPTABLE", "it has no threshold");
  const changes: string[] = [];
  const timeframe = slo.timeframe ?? undefined;
  const primary = timeframe === undefined ? first : written.find((objective) => objective.window === timeframe);
  if (!primary) return failed("NOT_ADOPTABLE", `its primary timeframe ${timeframe} has no threshold`);
  if (timeframe === undefined) changes.push(`its primary timeframe is set to ${primary.window} (Datadog has none)`);
  const sorted = [...written].sort((a, b) => compareWindows(a.window, b.window));
  if (sorted.some((objective, index) => objective !== written[index]))
    changes.push(
      `its thresholds are listed ${sorted.map((o) => o.window).join(", ")} (Datadog lists ${written.map((o) => o.window).join(", ")})`,
    );
  const targetThreshold = slo.target_threshold ?? undefined;
  if (targetThreshold !== undefined && targetThreshold !== primary.target)
    changes.push(`its target_threshold ${targetThreshold} becomes ${primary.target}, the ${primary.window} target`);
  const warningThreshold = slo.warning_threshold ?? undefined;
  if (warningThreshold !== primary.warning && !(warningThreshold === undefined && timeframe === undefined))
    changes.push(
      `its warning_threshold ${warningThreshold ?? "(none)"} becomes ${primary.warning ?? "(none)"}, the ${primary.window} warning`,
    );
  return succeeded({ objectives: [primary, ...sorted.filter((objective) => objective !== primary)], changes });
}

/** The SLO's tags as Datadog stores them, sorted, with a change for each it holds in another form. */
function tagsOf(written: readonly string[]): { readonly tags: string[]; readonly changes: string[] } {
  const changes: string[] = [];
  const tags = new Set<string>();
  for (const tag of [...written].sort(compareText)) {
    const normalised = normaliseTag(tag);
    if (normalised !== tag)
      changes.push(
        normalised.length === 0
          ? `its tag ${JSON.stringify(tag)} is dropped: it is empty once normalised`
          : `its tag ${JSON.stringify(tag)} is written ${JSON.stringify(normalised)}, the form Datadog stores`,
      );
    if (normalised.length > 0) tags.add(normalised);
  }
  return { tags: [...tags].sort(compareText), changes };
}

/** The tags a spec keeps: slocc sets those of its own keys (`service:`, `team:`...) itself. */
export function ownTags(tags: readonly string[]): string[] {
  return tags.filter((tag) => !Object.hasOwn(SLOCC_TAG_KEYS, tagKey(tag)));
}

/** The values of `key:value` tags, in tag order. */
function tagValues(tags: readonly string[], key: string): string[] {
  return tags.filter((tag) => tag.startsWith(`${key}:`)).map((tag) => tag.slice(key.length + 1));
}
