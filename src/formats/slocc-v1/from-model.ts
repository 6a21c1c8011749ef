import { WINDOWS } from "../../datadog/windows.js";
import { formatNumber } from "../../human/numbers.js";
import { defaultShortWindowMinutes, shortWindowText } from "../../model/alerting.js";
import type {
  Alerting,
  BurnRateTier,
  Correction,
  Handle,
  Journey,
  Objective,
  Routing,
  Service,
  Sli,
  Slo,
  TimeSliceSli,
} from "../../model/model.js";
import { singleQuery } from "../../model/time-slice.js";
import { SEVERITIES } from "../../model/model.js";
import { compareText, sameTexts } from "../../util/text.js";
import { SPEC_V1, type AlertNotifyV1, type ServiceV1 } from "./schema.js";
import { optional } from "../../util/optional.js";

/**
 * A service of the model as `slocc/v1` spec data that compiles to the same resources: SLOs by
 * name, objectives with the primary first, what defaults already say left out; `writeServiceV1`
 * (./writer.ts) writes it out.
 */
export function serviceToV1(service: Service): ServiceV1 {
  return serviceData(service) as ServiceV1;
}

function serviceData(service: Service): Record<string, unknown> {
  return {
    apiVersion: SPEC_V1,
    service: service.name,
    owner: service.owner,
    ...optional("description", service.description),
    ...(service.tags.length === 0 ? {} : { tags: service.tags.map((tag) => tag.written) }),
    ...notifyData(service.notify, { page: [], ticket: [] }),
    ...optional("runbook", service.runbook?.value),
    ...(service.dependencies.length === 0
      ? {}
      : {
          dependencies: Object.fromEntries(
            service.dependencies.map((dependency) => [dependency.name, dependency.availability]),
          ),
        }),
    ...(service.journeys.length === 0
      ? {}
      : { journeys: Object.fromEntries(service.journeys.map((journey) => [journey.name, journeyData(journey)])) }),
    ...(service.review === undefined ? {} : { review: { every: service.review.every, last: service.review.last } }),
    ...(service.approvers.length === 0 ? {} : { approvers: values(service.approvers) }),
    ...(service.dashboard ? {} : { dashboard: false }),
    ...correctionsData(service.corrections),
    slos: [...service.slos].sort((a, b) => compareText(a.name, b.name)).map((slo) => sloData(slo, service)),
  };
}

function journeyData(journey: Journey): Record<string, unknown> {
  return {
    kind: journey.serves,
    ...optional("description", journey.description),
    ...(journey.dependsOn.length === 0
      ? {}
      : {
          dependsOn: journey.dependsOn.map((step) =>
            step.length === 1 ? step[0]?.value : { anyOf: step.map((name) => name.value) },
          ),
        }),
  };
}

function sloData(slo: Slo, service: Service): Record<string, unknown> {
  const runbook = slo.alerts.runbook?.value;
  const alerts = alertsData(slo, service);
  return {
    name: slo.name,
    ...optional("displayName", slo.displayName),
    ...optional("datadogId", slo.datadogId),
    ...optional("renamedFrom", slo.renamedFrom),
    ...optional("description", slo.description),
    ...optional("journey", slo.journey?.value),
    ...(slo.tags.length === 0 ? {} : { tags: slo.tags.map((tag) => tag.written) }),
    ...(runbook === undefined || runbook === service.runbook?.value ? {} : { runbook }),
    sli: sliData(slo.sli),
    objectives: [slo.primary, ...slo.objectives.filter((objective) => objective.window !== slo.primary.window)].map(
      objectiveData,
    ),
    ...(Object.keys(alerts).length === 0 ? {} : { alerts }),
    ...correctionsData(slo.corrections.filter((correction) => correction.scope === "slo")),
  };
}

/** Corrections as written: their times and category in the spec's own words. */
function correctionsData(corrections: readonly Correction[]): Record<string, unknown> {
  if (corrections.length === 0) return {};
  return { corrections: corrections.map(correctionData) };
}

/** One correction as a spec writes it (`name`, `category`, `start`...), in the spec's own words. */
export function correctionData({ name, description, rrule, written, datadogId }: Correction): Record<string, string> {
  return {
    ...optional("name", name),
    category: written.category,
    ...optional("description", description),
    start: written.start,
    ...optional("end", written.end),
    ...optional("duration", written.duration),
    ...optional("rrule", rrule),
    ...optional("timezone", written.timezone),
    ...optional("datadogId", datadogId),
  };
}

function sliData(sli: Sli): Record<string, unknown> {
  switch (sli.kind) {
    case "ratio":
      return { ratio: { [sli.events]: sli.eventsQuery, total: sli.total } };
    case "latency":
      return {
        latency: {
          metric: sli.metric,
          ...(sli.filter === "*" ? {} : { filter: sli.filter }),
          threshold: sli.threshold,
        },
      };
    case "timeSlice":
      return {
        timeSlice: {
          ...timeSliceQueries(sli),
          comparator: sli.comparator,
          threshold: sli.threshold,
          interval: sli.intervalSeconds === 60 ? "1m" : "5m",
        },
      };
    case "monitors":
      return { monitors: { ids: sli.monitorIds, ...(sli.groups.length === 0 ? {} : { groups: sli.groups }) } };
  }
}

/** One query as `query`; a formula over several as `formula` and the named `queries`. */
function timeSliceQueries(sli: TimeSliceSli): Record<string, unknown> {
  const query = singleQuery(sli);
  if (query !== undefined) return { query };
  return { formula: sli.formula, queries: sli.queries.map(({ name, query: text }) => ({ name, query: text })) };
}

function objectiveData(objective: Objective): Record<string, unknown> {
  return {
    window: objective.window,
    target: objective.target,
    ...optional("warning", objective.warning),
  };
}

function alertsData(slo: Slo, service: Service): Record<string, unknown> {
  const { alerts } = slo;
  const burnRate = alerts.choice === "custom" ? writtenTiers(alerts).map((tier) => tierData(tier, slo)) : alerts.choice;
  const { errorBudget } = alerts;
  return {
    ...(burnRate === "default" ? {} : { burnRate }),
    ...notifyData(alerts.notify, service.notify),
    ...(errorBudget === undefined
      ? {}
      : {
          errorBudget: {
            ...(errorBudget.warningPercent === undefined
              ? {}
              : { warning: `${formatNumber(errorBudget.warningPercent)}%` }),
            critical: `${formatNumber(errorBudget.criticalPercent)}%`,
            ...(errorBudget.window === slo.primary.window ? {} : { window: errorBudget.window }),
            ...routingData(errorBudget.notify),
            ...optional("datadogId", errorBudget.datadogId),
          },
        }),
  };
}

/** The tiers an SLO asks for, those that can fire and those dropped: pages first, then by window and long window. */
function writtenTiers(alerts: Alerting): BurnRateTier[] {
  const tiers = [...alerts.burnRate, ...alerts.dropped.map((dropped) => dropped.tier)];
  return tiers.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      WINDOWS.indexOf(a.window) - WINDOWS.indexOf(b.window) ||
      a.longWindowHours - b.longWindowHours ||
      a.shortWindowMinutes - b.shortWindowMinutes,
  );
}

function tierData(tier: BurnRateTier, slo: Slo): Record<string, unknown> {
  return {
    severity: tier.severity,
    ...(tier.window === slo.primary.window ? {} : { window: tier.window }),
    longWindow: `${formatNumber(tier.longWindowHours)}h`,
    ...(tier.shortWindowMinutes === defaultShortWindowMinutes(tier.longWindowHours) && tier.shortWindowUnit === "m"
      ? {}
      : { shortWindow: shortWindowText(tier) }),
    ...(tier.statedAs === "factor"
      ? { factor: tier.factor }
      : { budgetConsumed: `${formatNumber(tier.budgetConsumedPercent)}%` }),
    ...optional("warning", tier.warningFactor),
    ...routingData(tier.notify),
    ...optional("datadogId", tier.datadogId),
  };
}

/** An alert's own routing, where it has one. */
function routingData(routing: Routing | undefined): Record<string, unknown> {
  if (routing === undefined) return {};
  return {
    notify: alertNotifyData({
      alert: values(routing.alert),
      warning: values(routing.warning),
      ...optional("recovery", routing.recovery && values(routing.recovery)),
    }),
  };
}

/** Whom an alert notifies in each state. */
export interface StateHandles {
  readonly alert: readonly string[];
  /** Left out for an alert that never warns. */
  readonly warning?: readonly string[];
  /** Every recovery's handles, when they are not those of the state recovered from. */
  readonly recovery?: readonly string[];
}

/**
 * An alert's own `notify`: a list when every state hears the same handles, else each state's,
 * a state that notifies nobody left out.
 */
export function alertNotifyData(handles: StateHandles): AlertNotifyV1 {
  const { alert, warning, recovery } = handles;
  if (recovery === undefined && (warning === undefined || sameTexts(alert, warning))) return [...alert];
  return {
    ...(alert.length === 0 ? {} : { alert: [...alert] }),
    ...(warning === undefined || warning.length === 0 ? {} : { warning: [...warning] }),
    ...(recovery === undefined ? {} : { recovery: [...recovery] }),
  };
}

/** `notify` with the handles of each severity that differ from `inherited` (the service's, for an SLO). */
function notifyData(notify: Service["notify"], inherited: Service["notify"]): Record<string, unknown> {
  const own = SEVERITIES.flatMap((severity) => {
    const handles = values(notify[severity]);
    return sameTexts(handles, values(inherited[severity])) ? [] : [[severity, handles] as const];
  });
  return own.length === 0 ? {} : { notify: Object.fromEntries(own) };
}

function values(handles: readonly Handle[]): string[] {
  return handles.map((handle) => handle.value);
}
