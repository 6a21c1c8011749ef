import type { Journey, Model, Position, Service, Sli, Slo } from "../model/model.js";
import { dashboardTitle, serviceTitle, sloTitle } from "../plan/titles.js";
import { compareText } from "../util/text.js";
import { reviewEntry, type ReviewEntry } from "./calendar.js";
import { explainService, type CorrectionExplanation, type SloExplanation } from "./explain.js";
import { nextOccurrences, type Occurrence } from "./occurrences.js";
import { optional } from "../util/optional.js";

/** How many coming times of a recurring correction the catalog lists. */
export const OCCURRENCES_LISTED = 3;

/** One service instance as the SLO catalog shows it to people who do not read specs. */
export interface CatalogService {
  /** The stack: the service's name, or `<service>-<environment>`; unique. */
  readonly stack: string;
  readonly name: string;
  readonly environment?: string;
  /** As Datadog shows it: `e-scooter`, `web (staging)`. */
  readonly title: string;
  readonly owner: string;
  readonly description?: string;
  readonly approvers: readonly string[];
  readonly runbook?: string;
  /** Where the service is declared. */
  readonly spec: Position;
  /** The title of the service's Datadog dashboard, when it has one. */
  readonly dashboardTitle?: string;
  readonly review: ReviewEntry;
  /** Sorted by name. */
  readonly journeys: readonly CatalogJourney[];
  /** Grouped by journey, in journey name order, then those without one: as `slocc explain` lists them. */
  readonly slos: readonly CatalogSlo[];
}

/** A journey of a service, with the SLOs that protect it. */
export interface CatalogJourney {
  readonly name: string;
  readonly kind: Journey["serves"];
  readonly description?: string;
  /** The best availability its dependencies allow, in percent; absent without dependencies. */
  readonly ceilingPercent?: number;
  readonly links: readonly { readonly label: string; readonly availability: number }[];
  readonly slos: readonly string[];
}

/** One SLO of the catalog: what the model says of it, and its explanation. */
export interface CatalogSlo {
  readonly name: string;
  /** The SLO's name in Datadog. */
  readonly title: string;
  readonly description?: string;
  /** The Datadog SLO this one adopts. */
  readonly datadogId?: string;
  readonly spec: Position;
  readonly sli: Sli;
  readonly template?: string;
  readonly explanation: SloExplanation;
  /** The Datadog monitor each burn-rate tier adopts, in the explanation's tier order. */
  readonly tierMonitorIds: readonly (number | undefined)[];
  readonly errorBudgetMonitorId?: number;
  /** In the explanation's order, each with when it applies next. */
  readonly corrections: readonly CatalogCorrection[];
}

/** A correction, and the times it applies from the catalog's day on. */
export type CorrectionState = "past" | "ongoing" | "upcoming" | "recurring" | "finished";

/** A correction as the catalog lists it. */
export interface CatalogCorrection {
  readonly correction: CorrectionExplanation;
  /** One-off: past, ongoing or upcoming; recurring: still recurring, or finished (COUNT or UNTIL reached). */
  readonly state: CorrectionState;
  /** The next times it applies (one-off: at most the one), the one going on first. */
  readonly next: readonly Occurrence[];
}

/**
 * Every service instance (sorted by stack) as the catalog shows it on `today` (YYYY-MM-DD):
 * review status, journeys with their ceilings, and each SLO with its explanation and the next
 * times its corrections apply.
 */
export function serviceCatalog(model: Model, today: string): CatalogService[] {
  const from = Date.parse(`${today}T00:00:00Z`) / 1000;
  return [...model.services]
    .sort((a, b) => compareText(a.stack, b.stack))
    .map((service): CatalogService => ({
      stack: service.stack,
      name: service.name,
      ...optional("environment", service.environment),
      title: serviceTitle(service),
      owner: service.owner,
      ...optional("description", service.description),
      approvers: service.approvers.map((handle) => handle.value),
      ...optional("runbook", service.runbook?.value),
      spec: service.at.self,
      ...(service.dashboard ? { dashboardTitle: dashboardTitle(service) } : {}),
      review: reviewEntry(service, today),
      journeys: service.journeys.map((journey) => catalogJourney(journey, service)),
      slos: explainService(service).map(({ slo, explanation }) => catalogSlo(service, slo, explanation, from)),
    }));
}

function catalogJourney(journey: Journey, service: Service): CatalogJourney {
  return {
    name: journey.name,
    kind: journey.serves,
    ...optional("description", journey.description),
    ...optional("ceilingPercent", journey.ceiling?.percent),
    links: journey.ceiling?.links ?? [],
    slos: service.slos.filter((slo) => slo.journey?.value === journey.name).map((slo) => slo.name),
  };
}

function catalogSlo(service: Service, slo: Slo, explanation: SloExplanation, from: number): CatalogSlo {
  const errorBudgetMonitorId = slo.alerts.errorBudget?.datadogId;
  return {
    name: slo.name,
    title: sloTitle(service, slo),
    ...optional("description", slo.description),
    ...optional("datadogId", slo.datadogId),
    spec: slo.at.self,
    sli: slo.sli,
    ...optional("template", slo.template?.value),
    explanation,
    tierMonitorIds: slo.alerts.burnRate.map((tier) => tier.datadogId),
    ...optional("errorBudgetMonitorId", errorBudgetMonitorId),
    corrections: explanation.corrections.map((correction) => catalogCorrection(correction, from)),
  };
}

function catalogCorrection(correction: CorrectionExplanation, from: number): CatalogCorrection {
  const next = nextOccurrences(correction, from, OCCURRENCES_LISTED);
  const going = next[0] !== undefined && next[0].start <= from;
  const state: CorrectionState =
    correction.rrule === undefined
      ? next.length === 0
        ? "past"
        : going
          ? "ongoing"
          : "upcoming"
      : next.length === 0
        ? "finished"
        : "recurring";
  return { correction, state, next };
}
