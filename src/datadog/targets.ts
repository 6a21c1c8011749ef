import type { Window } from "./windows.js";

/**
 * Decimals Datadog keeps in a target: metric and time-slice SLOs keep 3; monitor-based SLOs keep
 * 2 for 7d and 30d and 3 for 90d, and truncate silently beyond (provider issue #780). Time-slice
 * precision is undocumented, so the lenient 3 applies.
 */
export function targetDecimals(isMonitorBased: boolean, window: Window): number {
  return isMonitorBased && window !== "90d" ? 2 : 3;
}

/** The most decimals any SLO keeps: a value with more is too precise whatever the SLI. */
export const MAX_TARGET_DECIMALS = 3;

/** Number of decimals written in a finite number (`99.995` -> 3, `1e-7` -> 7). */
export function decimalsOf(value: number): number {
  const [mantissa = "", exponent] = String(value).split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** `value` cut to `decimals` decimals, as Datadog stores it (`99.995` at 2 -> `99.99`; rounding would give 100). */
export function truncateTarget(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  return (Math.trunc(Number((value * scale).toPrecision(12))) / scale).toFixed(decimals);
}

/** Datadog takes at most this many monitors in one monitor-based SLO. */
export const MAX_SLO_MONITORS = 20;
