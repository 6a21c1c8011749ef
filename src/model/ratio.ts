import { formatNumber } from "../human/numbers.js";
import type { Draft, LatencySli, RatioSli } from "./model.js";
import { optional } from "../util/optional.js";

/** The numerator of a ratio SLI: its good events query, or all events less the bad ones. */
export function ratioNumerator(events: RatioSli["events"], eventsQuery: string, total: string): string {
  return events === "good" ? eventsQuery : `(${total}) - (${eventsQuery})`;
}

/** A ratio SLI as far as its queries were written: its numerator and denominator once both are. */
export function ratioSli(
  events: RatioSli["events"],
  eventsQuery: string | undefined,
  total: string | undefined,
  at: Draft<RatioSli>["at"],
): Draft<RatioSli> {
  return {
    kind: "ratio",
    events,
    ...optional("eventsQuery", eventsQuery),
    ...(total === undefined ? {} : { total, denominator: total }),
    ...(eventsQuery === undefined || total === undefined
      ? {}
      : { numerator: ratioNumerator(events, eventsQuery, total) }),
    at,
  };
}

/** A latency SLI as far as it was written: its queries once the metric and threshold are known. */
export function latencySli(
  metric: string | undefined,
  filter: string,
  threshold: number | undefined,
  at: Draft<LatencySli>["at"],
): Draft<LatencySli> {
  return {
    kind: "latency",
    ...optional("metric", metric),
    filter,
    ...optional("threshold", threshold),
    ...(metric === undefined || threshold === undefined ? {} : latencyQueries(metric, filter, threshold)),
    at,
  };
}

/**
 * A latency SLI's queries, on a percentile-enabled distribution: good events are the values at or
 * under the threshold (a threshold query), over the count of all values.
 */
export function latencyQueries(
  metric: string,
  filter: string,
  threshold: number,
): { numerator: string; denominator: string } {
  return {
    numerator: `count(v: v<=${formatNumber(threshold)}):${metric}{${filter}}`,
    denominator: `count:${metric}{${filter}}`,
  };
}

const THRESHOLD_QUERY = /^count\(v: v<=([0-9.e+-]+)\):([A-Za-z][A-Za-z0-9_.]*)\{([^{}]*)\}$/;

/** The latency SLI a pair of good and total queries is, when they are exactly {@link latencyQueries}' form. */
export function latencyOf(
  good: string,
  total: string,
): { metric: string; filter: string; threshold: number } | undefined {
  const match = THRESHOLD_QUERY.exec(good);
  if (!match) return undefined;
  const [, value = "", metric = "", filter = ""] = match;
  const threshold = Number(value);
  if (!(threshold > 0)) return undefined;
  const expected = latencyQueries(metric, filter, threshold);
  return expected.numerator === good && expected.denominator === total ? { metric, filter, threshold } : undefined;
}
