import { maxBurnRate } from "../datadog/burn-rate.js";
import { WINDOW_HOURS, type BurnRateTier, type Window } from "../model/model.js";

/** The error budget of a window as time: the bad time the target allows, in seconds. */
export function budgetSeconds(window: Window, targetPercent: number): number {
  return WINDOW_HOURS[window] * 3600 * (1 - targetPercent / 100);
}

/** What a burn-rate tier means in time, for the alert message, `explain` and the review diff. */
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
export function tierTimes(tier: BurnRateTier, targetPercent: number): TierTimes {
  return {
    budgetConsumedPercent: tier.budgetConsumedPercent,
    secondsToFireAtFullOutage: (tier.longWindowHours * 3600 * tier.factor) / maxBurnRate(targetPercent),
    secondsToExhaustion: (WINDOW_HOURS[tier.window] * 3600) / tier.factor,
  };
}

const UNITS: readonly [name: string, seconds: number][] = [
  ["d", 86400],
  ["h", 3600],
  ["min", 60],
  ["s", 1],
];

/** A duration in its two largest units: `43 min 12 s`, `2 d 2 h`, `5.2 s`. */
export function formatDuration(seconds: number): string {
  if (seconds < 10) return `${Number(seconds.toFixed(1))} s`;
  const rounded = Math.round(seconds);
  const index = UNITS.findIndex(([, size]) => rounded >= size);
  const [name, size] = UNITS[index] ?? ["s", 1];
  const count = Math.floor(rounded / size);
  const next = UNITS[index + 1];
  const rest = next ? Math.floor((rounded - count * size) / next[1]) : 0;
  return next && rest > 0 ? `${count} ${name} ${rest} ${next[0]}` : `${count} ${name}`;
}

/** A percentage to at most three decimals, the precision Datadog keeps for targets: `0.1%`, `2.778%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}

/** An availability to six significant digits, so redundancy shows: `99.9999%`, `99.9201%`. */
export function formatAvailability(value: number): string {
  return `${Number(value.toPrecision(6))}%`;
}
