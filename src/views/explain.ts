import { WINDOW_HOURS } from "../datadog/windows.js";
import { budgetSeconds, tierTimes, type TierTimes } from "../model/budget.js";
import type {
  AlertSeverity,
  BurnRateTier,
  Correction,
  DroppedTier,
  ErrorBudgetAlert,
  Handle,
  Journey,
  Model,
  Objective,
  Routing,
  Service,
  Sli,
  Slo,
  Window,
} from "../model/model.js";
import { withoutFloatNoise } from "../util/float.js";
import { closestMatch } from "../util/suggest.js";
import { compareText } from "../util/text.js";
import { optional } from "../util/optional.js";

/** One objective's error budget, as time and as a share of events. */
export interface ObjectiveExplanation {
  readonly window: Window;
  readonly target: number;
  readonly warning?: number;
  /** The window's length in days. */
  readonly windowDays: number;
  readonly budgetSeconds: number;
  /** Share of events (or time slices) allowed to be bad, in percent. */
  readonly budgetPercent: number;
  /** One bad event in this many is the whole budget. */
  readonly oneBadIn: number;
  /** For a time-slice SLI: the budget in whole slices that may be bad, and the length of a slice. */
  readonly badSlices?: { readonly count: number; readonly sliceSeconds: number };
}

/** What names a tier in an explanation. */
type TierPart = "severity" | "window" | "longWindowHours" | "shortWindowMinutes" | "factor";

/** Who an alert with its own routing notifies, by state (handles as written). */
export interface RoutingExplanation {
  readonly alert: readonly string[];
  readonly warning: readonly string[];
  readonly recovery?: readonly string[];
}

/** One burn-rate tier and what it means in time, with its own routing when it has one. */
export type TierExplanation = Pick<BurnRateTier, TierPart | "budgetConsumedPercent" | "origin"> &
  TierTimes & { readonly routing?: RoutingExplanation };

/** A tier left out, and why. */
export type DroppedTierExplanation = Pick<BurnRateTier, TierPart> & {
  readonly maxFactor: number;
  readonly reason: string;
};

/** The journey an SLO protects, its dependency ceiling, and the SLO's margin under it. */
export interface JourneyExplanation {
  readonly name: string;
  readonly kind: "user" | "machine";
  readonly ceilingPercent?: number;
  readonly links?: readonly { readonly label: string; readonly availability: number }[];
  /** Ceiling minus the primary target, in percentage points; negative when the target is above the ceiling. */
  readonly marginPoints?: number;
}

/** The time a one-off correction takes out of one window, against that window's error budget. */
export interface ExcludedTime {
  readonly window: Window;
  /** The correction's length, or the whole window when it is longer. */
  readonly seconds: number;
  readonly budgetSeconds: number;
  /** `seconds` as a share of the budget, in percent: what an outage during the correction would have cost. */
  readonly budgetPercent: number;
}

/** One correction of an SLO. */
export type CorrectionExplanation = Pick<
  Correction,
  "name" | "scope" | "category" | "description" | "start" | "end" | "rrule" | "durationSeconds" | "timezone"
> & {
  /** One-off corrections: what they take out of each of the SLO's windows that holds them. */
  readonly excluded?: readonly ExcludedTime[];
};

/** Everything `slocc explain` says about one SLO. */
export interface SloExplanation {
  readonly service: string;
  readonly slo: string;
  readonly journey?: JourneyExplanation;
  readonly sliKind: Sli["kind"];
  /** For a time-slice SLI, the length of a slice in seconds: its budget is bad time, counted in slices. */
  readonly sliceSeconds?: number;
  readonly primaryWindow: Window;
  /** The objective over the primary window: the one the spec lists first. */
  readonly primary: ObjectiveExplanation;
  readonly objectives: readonly ObjectiveExplanation[];
  readonly tiers: readonly TierExplanation[];
  readonly droppedTiers: readonly DroppedTierExplanation[];
  readonly errorBudgetAlert?: {
    readonly window: Window;
    readonly criticalPercent: number;
    readonly warningPercent?: number;
    readonly routing?: RoutingExplanation;
  };
  readonly notify: Readonly<Record<AlertSeverity, readonly string[]>>;
  readonly runbook?: string;
  readonly corrections: readonly CorrectionExplanation[];
}

/**
 * The explanation of every SLO of a model, optionally narrowed to `service` or `service/slo`;
 * within a service, SLOs come grouped by journey (in journey name order), then those without one.
 */
export function explainModel(model: Model, selector?: string): SloExplanation[] {
  const [serviceName, sloName] = selector?.split("/") ?? [];
  return model.services
    .filter((service) => serviceName === undefined || service.stack === serviceName || service.name === serviceName)
    .flatMap((service) =>
      explainService(service)
        .filter(({ slo }) => sloName === undefined || slo.name === sloName)
        .map(({ explanation }) => explanation),
    );
}

/** Each SLO of a service with its explanation, grouped by journey (in journey name order), then those without one. */
export function explainService(service: Service): { readonly slo: Slo; readonly explanation: SloExplanation }[] {
  return [...service.slos]
    .sort((a, b) => compareText(journeyOrder(a), journeyOrder(b)) || compareText(a.name, b.name))
    .map((slo) => ({ slo, explanation: explainSlo(service, slo) }));
}

/**
 * A hint for a selector that matches nothing: the closest service, or the closest SLO of the
 * service named (` Did you mean "card-platform/repayment-availability"?`), or the empty string.
 */
export function selectorHint(model: Model, selector: string): string {
  const [serviceName = "", sloName] = selector.split("/");
  const service = model.services.find((candidate) => candidate.name === nearest(serviceName, model.services));
  if (!service) return "";
  const slo = sloName === undefined ? undefined : nearest(sloName, service.slos);
  if (sloName !== undefined && slo === undefined) return "";
  const suggestion = slo === undefined ? service.name : `${service.name}/${slo}`;
  return suggestion === selector ? "" : ` Did you mean "${suggestion}"?`;
}

/** The name itself when one of the elements has it, else the closest likely typo of it. */
function nearest(name: string, named: readonly { readonly name: string }[]): string | undefined {
  const names = named.map((element) => element.name);
  return names.includes(name) ? name : closestMatch(name, names);
}

/** SLOs of a journey first, by journey name; those without one last. */
function journeyOrder(slo: Slo): string {
  return slo.journey?.value ?? "\uffff";
}

function explainSlo(service: Service, slo: Slo): SloExplanation {
  const journey = service.journeys.find((candidate) => candidate.name === slo.journey?.value);
  const { errorBudget, runbook } = slo.alerts;
  const sliceSeconds = slo.sli.kind === "timeSlice" ? slo.sli.intervalSeconds : undefined;
  return {
    service: service.stack,
    slo: slo.name,
    ...(journey ? { journey: explainJourney(journey, slo) } : {}),
    sliKind: slo.sli.kind,
    ...optional("sliceSeconds", sliceSeconds),
    primaryWindow: slo.primary.window,
    primary: explainObjective(slo.primary, sliceSeconds),
    objectives: slo.objectives.map((objective) => explainObjective(objective, sliceSeconds)),
    tiers: slo.alerts.burnRate.map(tierExplanation),
    droppedTiers: slo.alerts.dropped.map(droppedTierExplanation),
    ...(errorBudget ? { errorBudgetAlert: errorBudgetOf(errorBudget) } : {}),
    notify: {
      page: slo.alerts.notify.page.map((handle) => handle.value),
      ticket: slo.alerts.notify.ticket.map((handle) => handle.value),
    },
    ...(runbook ? { runbook: runbook.value } : {}),
    corrections: slo.corrections.map((correction) => explainCorrection(correction, slo)),
  };
}

function explainCorrection(correction: Correction, slo: Slo): CorrectionExplanation {
  const { name, scope, category, description, start, end, rrule, durationSeconds, timezone } = correction;
  const excluded =
    end === undefined
      ? undefined
      : slo.objectives.map(({ window, target }): ExcludedTime => {
          const seconds = Math.min(end - start, WINDOW_HOURS[window] * 3600);
          const budget = withoutFloatNoise(budgetSeconds(window, target));
          return { window, seconds, budgetSeconds: budget, budgetPercent: withoutFloatNoise((seconds / budget) * 100) };
        });
  return {
    ...optional("name", name),
    scope,
    category,
    ...optional("description", description),
    start,
    ...optional("end", end),
    ...optional("rrule", rrule),
    ...optional("durationSeconds", durationSeconds),
    timezone,
    ...optional("excluded", excluded),
  };
}

function explainJourney(journey: Journey, slo: Slo): JourneyExplanation {
  const base = { name: journey.name, kind: journey.serves };
  if (!journey.ceiling) return base;
  const { percent, links } = journey.ceiling;
  const isAvailability = slo.sli.kind === "ratio" || slo.sli.kind === "monitors";
  const margin = isAvailability ? { marginPoints: withoutFloatNoise(percent - slo.primary.target) } : {};
  return { ...base, ceilingPercent: percent, links, ...margin };
}

function explainObjective(
  { window, target, warning }: Objective,
  sliceSeconds: number | undefined,
): ObjectiveExplanation {
  const budget = budgetSeconds(window, target);
  return {
    window,
    target,
    ...optional("warning", warning),
    windowDays: WINDOW_HOURS[window] / 24,
    budgetSeconds: budget,
    budgetPercent: withoutFloatNoise(100 - target),
    oneBadIn: Math.round(100 / (100 - target)),
    // A budget of exactly n slices comes out a hair under n in floating point.
    ...(sliceSeconds === undefined
      ? {}
      : { badSlices: { count: Math.floor(budget / sliceSeconds + 1e-9), sliceSeconds } }),
  };
}

function droppedTierExplanation({ tier, maxFactor }: DroppedTier): DroppedTierExplanation {
  const { severity, window, target, longWindowHours, shortWindowMinutes, factor } = tier;
  const reason = `can never fire: at a ${target}% target the burn rate is at most ${maxFactor}x`;
  return { severity, window, longWindowHours, shortWindowMinutes, factor, maxFactor, reason };
}

function errorBudgetOf({
  window,
  criticalPercent,
  warningPercent,
  notify,
}: ErrorBudgetAlert): NonNullable<SloExplanation["errorBudgetAlert"]> {
  return {
    window,
    criticalPercent,
    ...optional("warningPercent", warningPercent),
    ...routingOf(notify),
  };
}

function routingOf(routing: Routing | undefined): { routing?: RoutingExplanation } {
  if (routing === undefined) return {};
  const values = (handles: readonly Handle[]) => handles.map((handle) => handle.value);
  return {
    routing: {
      alert: values(routing.alert),
      warning: values(routing.warning),
      ...(routing.recovery === undefined ? {} : { recovery: values(routing.recovery) }),
    },
  };
}

function tierExplanation(tier: BurnRateTier): TierExplanation {
  const { severity, window, longWindowHours, shortWindowMinutes, factor, budgetConsumedPercent, origin } = tier;
  const { secondsToFireAtFullOutage, secondsToExhaustion } = tierTimes(tier);
  return {
    severity,
    window,
    longWindowHours,
    shortWindowMinutes,
    factor,
    budgetConsumedPercent,
    origin,
    secondsToFireAtFullOutage,
    secondsToExhaustion,
    ...routingOf(tier.notify),
  };
}
