import { compareText } from "../diagnostics/diagnostic.js";
import type { AlertSeverity, BurnRateTier, Model, Sli, Window } from "../model/model.js";
import { withoutFloatNoise } from "../model/numbers.js";
import { targetFor } from "../model/objectives.js";
import { budgetSeconds, tierTimes, type TierTimes } from "./budget.js";

/** One objective's error budget, as time and as a share of events. */
export interface ObjectiveExplanation {
  readonly window: Window;
  readonly target: number;
  readonly warning?: number;
  readonly budgetSeconds: number;
  /** Share of events (or time slices) allowed to be bad, in percent. */
  readonly budgetPercent: number;
  /** One bad event in this many is the whole budget. */
  readonly oneBadIn: number;
}

/** One burn-rate tier and what it means in time. */
export type TierExplanation = BurnRateTier & TierTimes;

/** A tier left out, and why. */
export type DroppedTierExplanation = Omit<BurnRateTier, "budgetConsumedPercent" | "origin"> & {
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

/** Everything `slocc explain` says about one SLO. */
export interface SloExplanation {
  readonly service: string;
  readonly slo: string;
  readonly journey?: JourneyExplanation;
  readonly sliKind: Sli["kind"];
  readonly primaryWindow: Window;
  readonly objectives: readonly ObjectiveExplanation[];
  readonly tiers: readonly TierExplanation[];
  readonly droppedTiers: readonly DroppedTierExplanation[];
  readonly errorBudgetAlert?: { readonly window: Window; readonly criticalPercent: number; readonly warningPercent?: number };
  readonly notify: Readonly<Record<AlertSeverity, readonly string[]>>;
  readonly runbook?: string;
}

/**
 * The explanation of every SLO of a model, optionally narrowed to `service` or `service/slo`;
 * within a service, SLOs come grouped by journey (in journey name order), then those without one.
 */
export function explainModel(model: Model, selector?: string): SloExplanation[] {
  const [serviceName, sloName] = selector?.split("/") ?? [];
  return model.services
    .filter((service) => serviceName === undefined || service.name === serviceName)
    .flatMap((service) =>
      [...service.slos]
        .sort((a, b) => compareText(a.journey?.name ?? "\uffff", b.journey?.name ?? "\uffff") || compareText(a.name, b.name))
        .filter((slo) => sloName === undefined || slo.name === sloName)
        .map((slo): SloExplanation => {
          const journey = service.journeys.find((candidate) => candidate.name === slo.journey?.name);
          const isAvailability = slo.sli.kind === "ratio" || slo.sli.kind === "monitors";
          return {
            service: service.name,
            slo: slo.name,
            ...(journey
              ? {
                  journey: {
                    name: journey.name,
                    kind: journey.kind,
                    ...(journey.ceiling
                      ? {
                          ceilingPercent: journey.ceiling.percent,
                          links: journey.ceiling.links,
                          ...(isAvailability ? { marginPoints: withoutFloatNoise(journey.ceiling.percent - targetFor(slo, slo.primaryWindow)) } : {}),
                        }
                      : {}),
                  },
                }
              : {}),
            sliKind: slo.sli.kind,
            primaryWindow: slo.primaryWindow,
            objectives: slo.objectives.map((objective) => ({
              ...objective,
              budgetSeconds: budgetSeconds(objective.window, objective.target),
              budgetPercent: withoutFloatNoise(100 - objective.target),
              oneBadIn: Math.round(100 / (100 - objective.target)),
            })),
            tiers: slo.alerts.burnRate.map((tier) => ({ ...tier, ...tierTimes(tier, targetFor(slo, tier.window)) })),
            droppedTiers: slo.alerts.dropped.map(({ tier: { severity, window, longWindowHours, shortWindowMinutes, factor }, maxFactor }) => ({
              severity,
              window,
              longWindowHours,
              shortWindowMinutes,
              factor,
              maxFactor,
              reason: `can never fire: at a ${targetFor(slo, window)}% target the burn rate is at most ${maxFactor}x`,
            })),
            ...(slo.alerts.errorBudget ? { errorBudgetAlert: slo.alerts.errorBudget } : {}),
            notify: slo.alerts.notify,
            ...(slo.alerts.runbook ? { runbook: slo.alerts.runbook } : {}),
          };
        }),
    );
}
