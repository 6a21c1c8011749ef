import { maxBurnRate } from "../datadog/burn-rate.js";
import { WINDOW_HOURS, type Window } from "../datadog/windows.js";
import type { BurnRateTier } from "./model.js";

/** The error budget of a window as time: the bad time the target allows, in seconds. */
export function budgetSeconds(window: Window, targetPercent: number): number {
  return WINDOW_HOURS[window] * 3600 * (1 - targetPercent / 100);
}

/** What a burn-rate tier means in time, for the alert message, `explain` and the change diff. */
export interface TierTimes {
  /** Budget spent by the time the tier fires, in percent of the window's budget. */
  readonly budgetConsumedPercent: number;
  /** How long a full outage (every event bad) takes to fire the tier, in seconds. */
  readonly secondsToFireAtFullOutage: number;
  /** How long burning at exactly the tier's factor takes to spend the whole budget, in seconds. */
  readonly secondsToExhaustion: number;
}

/**
 * A full outage burns at 1/(1-target); the long window's average reaches the tier's factor after
 * long window x factor / that maximum (the short window, being shorter, is reached first).
 */
export function tierTimes(tier: BurnRateTier): TierTimes {
  return {
    budgetConsumedPercent: tier.budgetConsumedPercent,
    secondsToFireAtFullOutage: (tier.longWindowHours * 3600 * tier.factor) / maxBurnRate(tier.target),
    secondsToExhaustion: (WINDOW_HOURS[tier.window] * 3600) / tier.factor,
  };
}
