import { budgetForFactor, factorForBudget } from "../datadog/burn-rate.js";
import policy from "../policy/burn-rate-tiers.json";
import { PERCENT_PATTERN, type AlertsV1, type BurnRateTierV1, type SloV1 } from "../spec/v1.js";
import { durationSeconds } from "./duration.js";
import { WINDOW_HOURS, type BurnRateTier, type Window } from "./model.js";

/** What an SLO asks for: the default tiers, none, or its own list. */
export type TierChoice = { readonly kind: "default" } | { readonly kind: "none" } | { readonly kind: "custom"; readonly tiers: readonly BurnRateTierV1[] };

/** Reads `alerts.burnRate`: omitted means the default tiers. */
export function tierChoice(alerts: AlertsV1 | undefined): TierChoice {
  const burnRate = alerts?.burnRate ?? "default";
  if (burnRate === "default" || burnRate === "none") return { kind: burnRate };
  return { kind: "custom", tiers: burnRate };
}

/** The tiers an SLO asks for (before any is dropped), resolved against its primary window. */
export function requestedTiers(slo: SloV1): BurnRateTier[] {
  const primary = slo.objectives[0]?.window ?? "30d";
  const choice = tierChoice(slo.alerts);
  if (choice.kind === "default") return defaultTiers(primary);
  return choice.kind === "custom" ? choice.tiers.map((tier) => resolveTier(tier, primary)) : [];
}

/** Datadog's recommended tiers for a window, from the policy table in src/policy. */
export function defaultTiers(window: Window): BurnRateTier[] {
  return policy.windows[window].map((row) => {
    const longWindowHours = durationSeconds(row.longWindow) / 3600;
    return {
      severity: row.severity === "page" ? "page" : "ticket",
      window,
      longWindowHours,
      shortWindowMinutes: durationSeconds(row.shortWindow) / 60,
      factor: factorForBudget(WINDOW_HOURS[window], row.budgetConsumedPercent, longWindowHours),
      budgetConsumedPercent: row.budgetConsumedPercent,
      origin: "default",
    };
  });
}

/**
 * Completes a validated custom tier: the window defaults to the SLO's primary one, the short
 * window to 1/12 of the long one (Datadog's default), and whichever of factor and budget consumed
 * is missing is derived from the other.
 */
export function resolveTier(spec: BurnRateTierV1, primaryWindow: Window): BurnRateTier {
  const window = spec.window ?? primaryWindow;
  const longWindowHours = durationSeconds(spec.longWindow) / 3600;
  const shortWindowMinutes = spec.shortWindow === undefined ? (longWindowHours * 60) / 12 : durationSeconds(spec.shortWindow) / 60;
  const windowHours = WINDOW_HOURS[window];
  const budget = spec.budgetConsumed === undefined ? undefined : percentValue(spec.budgetConsumed);
  const factor = spec.factor ?? factorForBudget(windowHours, budget ?? 0, longWindowHours);
  return {
    severity: spec.severity,
    window,
    longWindowHours,
    shortWindowMinutes,
    factor,
    budgetConsumedPercent: budget ?? budgetForFactor(windowHours, factor, longWindowHours),
    origin: "custom",
  };
}

/** The number in a validated percentage such as `10%`. */
export function percentValue(text: string): number {
  return Number(PERCENT_PATTERN.exec(text)?.[1] ?? Number.NaN);
}
