import type { MinuteSeries } from "./metrics-stand-in.js";

/**
 * Per-minute metric data with known incidents, and what it measures computed straight from the
 * minutes: the expected SLIs, budgets and alert episodes a preview must find, worked out without
 * any of slocc's code.
 */

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

/** A deterministic stream of numbers in [0, 1) (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stretch of time (epoch seconds) during which a share of events is bad, or a gauge takes a value. */
export interface Incident {
  readonly start: number;
  readonly end: number;
  readonly level: number;
}

/** Requests per minute: `perMinute` on average, a daily cycle and noise, whole numbers. */
export function traffic(origin: number, minutes: number, perMinute: number, seed: number): MinuteSeries {
  const random = seeded(seed);
  const values = new Float64Array(minutes);
  for (let minute = 0; minute < minutes; minute++) {
    const hour = ((origin / MINUTE + minute) % 1440) / 60;
    const cycle = 1 + 0.4 * Math.sin(((hour - 6) / 24) * 2 * Math.PI);
    values[minute] = Math.round(perMinute * cycle * (0.9 + 0.2 * random()));
  }
  return { origin, values };
}

/** The share of `total` that is bad each minute: `baseShare`, or an incident's level while one lasts. */
export function badEvents(total: MinuteSeries, baseShare: number, incidents: readonly Incident[]): MinuteSeries {
  const values = total.values.map((all, minute) =>
    Math.round(all * shareAt(total.origin + minute * MINUTE, baseShare, incidents)),
  );
  return { origin: total.origin, values };
}

/** `total` less `bad`, minute by minute. */
export function minus(total: MinuteSeries, bad: MinuteSeries): MinuteSeries {
  return { origin: total.origin, values: total.values.map((all, minute) => all - (bad.values[minute] ?? 0)) };
}

/** `a` plus `b`, minute by minute. */
export function plus(a: MinuteSeries, b: MinuteSeries): MinuteSeries {
  return { origin: a.origin, values: a.values.map((value, minute) => value + (b.values[minute] ?? 0)) };
}

/** A gauge (a latency percentile, say): `base` with noise, an incident's level while one lasts, no point in `gaps`. */
export function gauge(
  origin: number,
  minutes: number,
  base: number,
  incidents: readonly Incident[],
  gaps: readonly Incident[],
  seed: number,
): MinuteSeries {
  const random = seeded(seed);
  const values = new Float64Array(minutes);
  for (let minute = 0; minute < minutes; minute++) {
    const time = origin + minute * MINUTE;
    const noise = base * (0.8 + 0.4 * random());
    values[minute] = gaps.some((gap) => time >= gap.start && time < gap.end) ? NaN : shareAt(time, noise, incidents);
  }
  return { origin, values };
}

function shareAt(time: number, base: number, incidents: readonly Incident[]): number {
  return incidents.find((incident) => time >= incident.start && time < incident.end)?.level ?? base;
}

/** Bad and total amounts over [from, to) (epoch seconds). */
export type Counter = (from: number, to: number) => { bad: number; total: number };

/** Bad and all events over a stretch, summed from the minutes (running sums, so that stretches are cheap). */
export function eventCounter(bad: MinuteSeries, total: MinuteSeries): Counter {
  const badSums = runningSums(bad.values);
  const totalSums = runningSums(total.values);
  const index = (time: number) => (time - total.origin) / MINUTE;
  return (from, to) => ({
    bad: (badSums[index(to)] ?? NaN) - (badSums[index(from)] ?? NaN),
    total: (totalSums[index(to)] ?? NaN) - (totalSums[index(from)] ?? NaN),
  });
}

/**
 * Bad and all slices over a stretch: each slice of `slice` seconds is the average of its minutes,
 * bad when it fails `good`; a slice without a point is good (Datadog counts missing data as uptime).
 */
export function sliceCounter(series: MinuteSeries, slice: number, good: (value: number) => boolean): Counter {
  const perSlice = slice / MINUTE;
  const failing = new Float64Array(series.values.length / perSlice);
  for (let index = 0; index < failing.length; index++) {
    const minutes = [...series.values.subarray(index * perSlice, (index + 1) * perSlice)].filter(
      (v) => !Number.isNaN(v),
    );
    if (minutes.length > 0 && !good(minutes.reduce((a, b) => a + b, 0) / minutes.length)) failing[index] = 1;
  }
  const sums = runningSums(failing);
  const index = (time: number) => (time - series.origin) / slice;
  return (from, to) => ({ bad: (sums[index(to)] ?? NaN) - (sums[index(from)] ?? NaN), total: (to - from) / slice });
}

/** `sums[i]`: the values before minute i, a minute without a point counting as none. */
function runningSums(values: Float64Array): Float64Array {
  const sums = new Float64Array(values.length + 1);
  values.forEach((value, index) => {
    sums[index + 1] = (sums[index] ?? 0) + (Number.isNaN(value) ? 0 : value);
  });
  return sums;
}

/** The SLI over [from, to), in percent. */
export function sliOver(counter: Counter, from: number, to: number): number {
  const { bad, total } = counter(from, to);
  return 100 * (1 - bad / total);
}

/**
 * When a multiwindow burn-rate alert fires over (from, to], worked out minute by minute: at each
 * instant on a multiple of 5 minutes, the burn rate over both windows above the factor.
 */
export function expectedEpisodes(
  counter: Counter,
  alert: { target: number; factor: number; longSeconds: number; shortSeconds: number },
  from: number,
  to: number,
): { start: number; end: number }[] {
  const burn = (a: number, b: number) => {
    const { bad, total } = counter(a, b);
    return total > 0 ? bad / total / (1 - alert.target / 100) : 0;
  };
  const found: { start: number; end: number }[] = [];
  let open: number | undefined;
  for (let time = from + 300; time <= to; time += 300) {
    const fires =
      burn(time - alert.longSeconds, time) > alert.factor && burn(time - alert.shortSeconds, time) > alert.factor;
    if (fires && open === undefined) open = time;
    if (!fires && open !== undefined) {
      found.push({ start: open, end: time });
      open = undefined;
    }
  }
  if (open !== undefined) found.push({ start: open, end: to });
  return found;
}
