import { Document } from "yaml";
import { formatAvailability, formatPercent, formatNumber } from "../../human/numbers.js";
import type {
  BurnRateTier,
  Comparator,
  Correction,
  Handle,
  Service,
  Slo,
  Tag,
  TimeSliceSli,
} from "../../model/model.js";
import { routingOf } from "../../model/alerting.js";
import { singleQuery } from "../../model/time-slice.js";
import { SEVERITIES } from "../../model/model.js";
import { tagKey } from "../../model/tags.js";
import { ANNOTATIONS, formatObjectives } from "./annotations.js";
import { formatCorrections } from "./corrections.js";
import { SLICED_RATIO_FORMULAS } from "./indicator.js";
import { OPENSLO_V1 } from "./schema.js";

/** Something a service or one of its SLOs says that OpenSLO cannot hold as slocc means it. */
export interface ExportNote {
  /** The SLO the note is about; a note about the service has none. */
  readonly slo?: string;
  readonly text: string;
}

/** A service as OpenSLO documents, and what they could not hold. */
export interface OpenSloExport {
  readonly documents: readonly Record<string, unknown>[];
  readonly notes: readonly ExportNote[];
}

/** OpenSLO's rule for label keys (and the name part of annotation keys). */
const LABEL_KEY = /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;

/** What OpenSLO validators accept in a description. */
const MAX_DESCRIPTION = 1050;

/**
 * A service of the model as `openslo/v1` documents: the Service, then each SLO with its SLI inline
 * and an AlertPolicy holding one burn-rate AlertCondition per tier. What OpenSLO has no field for
 * is kept as `slocc/...` annotations where it belongs to an object, and every loss is a note.
 */
export function serviceToOpenSlo(service: Service): OpenSloExport {
  const notes: ExportNote[] = [];
  const documents: Record<string, unknown>[] = [serviceDocument(service, notes)];
  for (const slo of service.slos) {
    const note = (text: string) => notes.push({ slo: slo.name, text });
    if (slo.sli.kind === "monitors") {
      note(
        `not exported: OpenSLO has no SLI over existing monitors (${slo.sli.monitorIds.join(", ")}); ` +
          "an SLI must be a ratio or a threshold metric",
      );
      continue;
    }
    if (slo.sli.kind === "timeSlice" && singleQuery(slo.sli) === undefined && slicedRatio(slo.sli) === undefined) {
      note(
        `not exported: OpenSLO's thresholdMetric holds one query, and its ratio judged per slice good over total ` +
          `events, not the formula ${slo.sli.formula}`,
      );
      continue;
    }
    documents.push(sloDocument(slo, service, note));
  }
  return { documents, notes };
}

/** The documents as one YAML stream (documents separated by `---`), below a header comment. */
export function openSloYaml(documents: readonly Record<string, unknown>[], header: readonly string[]): string {
  return documents
    .map((data, index) => {
      const document = new Document(data);
      if (index === 0 && header.length > 0) document.commentBefore = header.map((line) => ` ${line}`).join("\n");
      return document.toString({ lineWidth: 0 });
    })
    .join("---\n");
}

function serviceDocument(service: Service, notes: ExportNote[]): Record<string, unknown> {
  const note = (text: string) => notes.push({ text });
  const annotations: Record<string, string> = { [ANNOTATIONS.owner]: service.owner };
  if (service.environment !== undefined) {
    note(
      `the environment "${service.environment}" is exported as a service of its own, "${service.stack}": OpenSLO has no environments`,
    );
  }
  const routing = SEVERITIES.flatMap((severity) =>
    service.notify[severity].length === 0 ? [] : [`${severity} ${handles(service.notify[severity]).join(" ")}`],
  );
  if (routing.length > 0) {
    annotations[ANNOTATIONS.notify] = routing.join("; ");
    note(
      `routing by severity (${routing.join("; ")}) kept as annotation ${ANNOTATIONS.notify}; each alert policy names its own targets`,
    );
  }
  if (service.runbook) {
    annotations[ANNOTATIONS.runbook] = service.runbook.value;
    note(`runbook kept as annotation ${ANNOTATIONS.runbook}`);
  }
  if (service.review) {
    annotations[ANNOTATIONS.review] =
      `every ${service.review.every}, last ${service.review.last}, due ${service.review.due}`;
    note(`review cadence (every ${service.review.every}) kept as annotation ${ANNOTATIONS.review}`);
  }
  if (service.approvers.length > 0) {
    annotations[ANNOTATIONS.approvers] = handles(service.approvers).join(" ");
    note(`approvers kept as annotation ${ANNOTATIONS.approvers}`);
  }
  if (service.dependencies.length > 0) {
    annotations[ANNOTATIONS.dependencies] = service.dependencies
      .map((dependency) => `${dependency.name} ${formatNumber(dependency.availability)}`)
      .join(", ");
  }
  if (service.journeys.length > 0) {
    annotations[ANNOTATIONS.journeys] = service.journeys
      .map((journey) => {
        const steps = journey.dependsOn.map((step) => step.map((name) => name.value).join(" or ")).join(", ");
        const ceiling = journey.ceiling ? `, ceiling ${formatAvailability(journey.ceiling.percent)}` : "";
        return `${journey.name} (${journey.serves}${ceiling})${steps ? `: ${steps}` : ""}`;
      })
      .join("; ");
  }
  if (service.dependencies.length > 0 || service.journeys.length > 0) {
    note(
      `journeys, dependencies and ceilings kept as annotations ${ANNOTATIONS.journeys} and ${ANNOTATIONS.dependencies}; OpenSLO has no dependency model`,
    );
  }
  const corrections = service.corrections.filter((correction) => correction.scope === "service");
  if (corrections.length > 0) {
    annotations[ANNOTATIONS.corrections] = formatCorrections(corrections);
    note(
      `corrections (${correctionNames(corrections)}) kept as annotation ${ANNOTATIONS.corrections}, read back on import: ` +
        "OpenSLO has no corrections",
    );
  }
  if (!service.dashboard) {
    annotations[ANNOTATIONS.dashboard] = "false";
    note(`no dashboard (dashboard: false) kept as annotation ${ANNOTATIONS.dashboard}`);
  }
  return {
    apiVersion: OPENSLO_V1,
    kind: "Service",
    metadata: { name: service.stack, ...labelsAndTags(service.tags, annotations, note) },
    spec: descriptionOf(service.description, note),
  };
}

function sloDocument(slo: Slo, service: Service, note: (text: string) => void): Record<string, unknown> {
  const annotations: Record<string, string> = {};
  const { primary } = slo;
  if (slo.objectives.length > 1 || primary.warning !== undefined) {
    annotations[ANNOTATIONS.objectives] = formatObjectives([
      primary,
      ...slo.objectives.filter((objective) => objective.window !== primary.window),
    ]);
    note(
      "OpenSLO holds one window and one target: the warnings and the other windows' objectives are kept as " +
        `annotation ${ANNOTATIONS.objectives}, read back on import`,
    );
  }
  if (slo.journey) {
    const journey = service.journeys.find((each) => each.name === slo.journey?.value);
    const ceiling = journey?.ceiling ? ` (ceiling ${formatAvailability(journey.ceiling.percent)})` : "";
    annotations[ANNOTATIONS.journey] = slo.journey.value;
    note(`journey "${slo.journey.value}"${ceiling} kept as annotation ${ANNOTATIONS.journey}`);
  }
  if (slo.renamedFrom !== undefined) {
    annotations[ANNOTATIONS.renamedFrom] = slo.renamedFrom;
    note(`renamedFrom kept as annotation ${ANNOTATIONS.renamedFrom}`);
  }
  const runbook = slo.alerts.runbook?.value;
  if (runbook !== undefined && runbook !== service.runbook?.value) {
    annotations[ANNOTATIONS.runbook] = runbook;
    note(`runbook kept as annotation ${ANNOTATIONS.runbook}`);
  }
  const { errorBudget } = slo.alerts;
  if (errorBudget) {
    const warning =
      errorBudget.warningPercent === undefined ? "" : `warning ${formatPercent(errorBudget.warningPercent)}, `;
    annotations[ANNOTATIONS.errorBudgetAlert] = `${warning}critical ${formatPercent(errorBudget.criticalPercent)}`;
    note(`the error-budget alert has no OpenSLO form: kept as annotation ${ANNOTATIONS.errorBudgetAlert}`);
  }
  const corrections = slo.corrections.filter((correction) => correction.scope === "slo");
  if (corrections.length > 0) {
    annotations[ANNOTATIONS.corrections] = formatCorrections(corrections);
    note(
      `corrections (${correctionNames(corrections)}) kept as annotation ${ANNOTATIONS.corrections}, read back on import: ` +
        "OpenSLO has no corrections",
    );
  }
  if (slo.sli.kind === "latency") {
    annotations[ANNOTATIONS.sli] = `latency ${slo.sli.metric}{${slo.sli.filter}} <= ${formatNumber(slo.sli.threshold)}`;
    note(
      `the latency SLI is written as the ratio of its Datadog queries (a threshold query over the count), which import reads back as a latency SLI; kept as annotation ${ANNOTATIONS.sli}`,
    );
  }
  return {
    apiVersion: OPENSLO_V1,
    kind: "SLO",
    metadata: { name: slo.name, ...labelsAndTags(slo.tags, annotations, note) },
    spec: {
      ...descriptionOf(slo.description, note),
      service: service.stack,
      indicator: { metadata: { name: slo.name }, spec: indicatorSpec(slo) },
      timeWindow: [{ duration: primary.window, isRolling: true }],
      budgetingMethod: slo.sli.kind === "timeSlice" ? "Timeslices" : "Occurrences",
      objectives: [objectiveOf(slo)],
      ...alertPolicies(slo, note),
    },
  };
}

function indicatorSpec(slo: Slo): Record<string, unknown> {
  const source = (query: string) => ({ metricSource: { type: "Datadog", spec: { query } } });
  const { sli } = slo;
  switch (sli.kind) {
    case "ratio":
      return { ratioMetric: { counter: true, [sli.events]: source(sli.eventsQuery), total: source(sli.total) } };
    case "latency":
      return { ratioMetric: { counter: true, good: source(sli.numerator), total: source(sli.denominator) } };
    case "timeSlice": {
      const query = singleQuery(sli);
      if (query !== undefined) return { thresholdMetric: source(query) };
      const ratio = slicedRatio(sli);
      return ratio === undefined
        ? {}
        : { ratioMetric: { counter: true, [ratio.events]: source(ratio.eventsQuery), total: source(ratio.total) } };
    }
    case "monitors":
      return {};
  }
}

const OPERATORS = { "<": "lt", "<=": "lte", ">": "gt", ">=": "gte" } as const satisfies Record<Comparator, string>;

function objectiveOf(slo: Slo): Record<string, unknown> {
  const { sli, primary } = slo;
  if (sli.kind !== "timeSlice") return { targetPercent: primary.target };
  const timeSliceWindow = sli.intervalSeconds === 60 ? "1m" : "5m";
  if (slicedRatio(sli)) {
    // `>=` is how OpenSLO reads a slice's ratio against its target when no `op` says otherwise.
    const op = sli.comparator === ">=" ? {} : { op: OPERATORS[sli.comparator] };
    return { ...op, targetPercent: primary.target, timeSliceTarget: sli.threshold, timeSliceWindow };
  }
  return {
    op: OPERATORS[sli.comparator],
    value: sli.threshold,
    targetPercent: primary.target,
    timeSliceTarget: 1,
    timeSliceWindow,
  };
}

/**
 * The ratio a time-slice SLI judges slice by slice, when it is one OpenSLO can hold (a ratio with
 * `budgetingMethod: Timeslices`): good (or bad) events `query1` over total events `query2`, a slice
 * good when the ratio reaches (or exceeds) a fraction.
 */
function slicedRatio(
  sli: TimeSliceSli,
): { readonly events: "good" | "bad"; readonly eventsQuery: string; readonly total: string } | undefined {
  const events = (["good", "bad"] as const).find((counted) => SLICED_RATIO_FORMULAS[counted] === sli.formula);
  const [first, second, ...others] = sli.queries;
  if (events === undefined || first?.name !== "query1" || second?.name !== "query2" || others.length > 0)
    return undefined;
  if ((sli.comparator !== ">=" && sli.comparator !== ">") || !(sli.threshold > 0 && sli.threshold <= 1))
    return undefined;
  return { events, eventsQuery: first.query, total: second.query };
}

/** One AlertPolicy per burn-rate tier that OpenSLO can hold, each with its one condition and its targets. */
function alertPolicies(slo: Slo, note: (text: string) => void): Record<string, unknown> {
  const { alerts } = slo;
  for (const { tier, maxFactor } of alerts.dropped) {
    note(`${describeTier(tier)} not exported: it can never fire at this target (at most ${formatNumber(maxFactor)}x)`);
  }
  if (alerts.choice === "default" && alerts.burnRate.length > 0) {
    note(
      "Datadog's default tiers are written out as alert conditions; they import back as custom tiers with the same factors",
    );
  }
  const policies = alerts.burnRate.flatMap((tier) => {
    if (tier.window !== slo.primary.window) {
      note(`${describeTier(tier)} not exported: an OpenSLO SLO has one window, ${slo.primary.window}`);
      return [];
    }
    const routing = routingOf(tier, alerts.notify);
    const targets = routing.alert;
    if (tier.notify !== undefined)
      note(
        `${describeTier(tier)} routes by state: exported with the handles of its alert, as OpenSLO's targets hear of every state`,
      );
    if (targets.length === 0) {
      note(
        `${describeTier(tier)} not exported: it notifies nobody, and an OpenSLO alert policy names at least one target`,
      );
      return [];
    }
    if (tier.origin === "custom" && tier.statedAs === "budget") {
      note(
        `${describeTier(tier)} is stated as ${formatPercent(tier.budgetConsumedPercent)} of the budget: written as its factor`,
      );
    }
    const name = `${tier.severity}-${formatNumber(tier.longWindowHours)}h-${formatNumber(tier.shortWindowMinutes)}m`;
    return [
      {
        kind: "AlertPolicy",
        metadata: { name, displayName: describeTier(tier) },
        spec: {
          alertWhenBreaching: true,
          alertWhenResolved: true,
          conditions: [
            {
              kind: "AlertCondition",
              metadata: { name },
              spec: {
                severity: tier.severity,
                condition: {
                  kind: "burnrate",
                  op: "gt",
                  threshold: tier.factor,
                  lookbackWindow: `${formatNumber(tier.longWindowHours)}h`,
                  alertAfter: `${formatNumber(tier.shortWindowMinutes)}m`,
                },
              },
            },
          ],
          notificationTargets: notificationTargets(targets),
        },
      },
    ];
  });
  return policies.length === 0 ? {} : { alertPolicies: policies };
}

function describeTier(tier: BurnRateTier): string {
  return `${tier.severity} at ${formatNumber(tier.factor)}x over ${formatNumber(tier.longWindowHours)}h/${formatNumber(tier.shortWindowMinutes)}m`;
}

/** Each handle as an inline AlertNotificationTarget, named after it. */
function notificationTargets(targets: readonly Handle[]): Record<string, unknown>[] {
  const names = new Set<string>();
  return targets.map((handle) => {
    const base =
      handle.value
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+/, "")
        .slice(0, 60)
        .replace(/-+$/, "") || "target";
    let name = base;
    for (let count = 2; names.has(name); count++) name = `${base}-${count}`;
    names.add(name);
    return { kind: "AlertNotificationTarget", metadata: { name }, spec: { target: handle.value } };
  });
}

/**
 * Labels from tags (`env:prod` is the label `env: [prod]`, `critical` the label `critical: []`);
 * tags whose key no label can hold are kept as an annotation. Empty parts are left out.
 */
function labelsAndTags(
  tags: readonly Tag[],
  annotations: Record<string, string>,
  note: (text: string) => void,
): Record<string, unknown> {
  const labels: Record<string, string[]> = {};
  const unfit: string[] = [];
  for (const { written } of tags) {
    const key = tagKey(written);
    if (!LABEL_KEY.test(key)) {
      unfit.push(written);
      continue;
    }
    const values = (labels[key] ??= []);
    const value = key === written ? undefined : written.slice(key.length + 1);
    if (value !== undefined && !values.includes(value)) values.push(value);
  }
  if (unfit.length > 0) {
    annotations[ANNOTATIONS.tags] = unfit.join(", ");
    note(`tags that no OpenSLO label key can hold kept as annotation ${ANNOTATIONS.tags}`);
  }
  return {
    ...(Object.keys(labels).length === 0 ? {} : { labels }),
    ...(Object.keys(annotations).length === 0 ? {} : { annotations }),
  };
}

function descriptionOf(description: string | undefined, note: (text: string) => void): Record<string, unknown> {
  if (description === undefined) return {};
  if (description.length > MAX_DESCRIPTION) {
    note(`the description has ${description.length} characters; OpenSLO validators accept at most ${MAX_DESCRIPTION}`);
  }
  return { description };
}

/** `nightly-batch, a deployment on 2026-01-10T10:00:00Z`: each correction by its name, or its category and start. */
function correctionNames(corrections: readonly Correction[]): string {
  return corrections
    .map((correction) => correction.name ?? `a ${correction.written.category} from ${correction.written.start}`)
    .join(", ");
}

function handles(list: readonly Handle[]): string[] {
  return list.map((handle) => handle.value);
}
