import { withoutFloatNoise } from "../util/float.js";

/** A number as written in queries, thresholds and messages, without float noise. */
export function formatNumber(value: number): string {
  return String(withoutFloatNoise(value));
}

/** A percentage to at most three decimals, the precision Datadog keeps for targets: `0.1%`, `2.778%`. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}

/** An availability to six significant digits, so redundancy shows: `99.9999%`, `99.9201%`. */
export function formatAvailability(value: number): string {
  return `${Number(value.toPrecision(6))}%`;
}

/** A percentage to at most one decimal: `2083.3%`. */
export function formatPercentTenths(value: number): string {
  return `${Number(value.toFixed(1))}%`;
}

/** Percentage points to at most three decimals, the precision of a target: `0.012`. */
export function formatPoints(value: number): string {
  return String(Number(value.toFixed(3)));
}
