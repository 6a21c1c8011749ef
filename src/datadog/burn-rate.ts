import { withoutFloatNoise } from "../util/float.js";

/** Datadog's bounds on an SLO alert's long window, in hours. */
export const LONG_WINDOW_HOURS = { min: 1, max: 48 } as const;

/**
 * The highest burn rate an SLO can reach: every event bad. Datadog refuses a burn-rate threshold
 * above it (provider issue #1093); a 90% target allows at most 10x.
 */
export function maxBurnRate(targetPercent: number): number {
  return 1 / (1 - targetPercent / 100);
}

/** The burn rate at which `budgetPercent` of the window's budget is spent in `longWindowHours`. */
export function factorForBudget(windowHours: number, budgetPercent: number, longWindowHours: number): number {
  return withoutFloatNoise((windowHours * budgetPercent) / 100 / longWindowHours);
}

/** The share of the window's budget, in percent, that burning at `factor` spends in `longWindowHours`. */
export function budgetForFactor(windowHours: number, factor: number, longWindowHours: number): number {
  return withoutFloatNoise((factor * longWindowHours * 100) / windowHours);
}

/** Whether a burn-rate threshold can ever be reached at this target. */
export function factorFits(factor: number, targetPercent: number): boolean {
  return factor <= maxBurnRate(targetPercent) + 1e-9;
}
