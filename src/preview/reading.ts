import { metricQueries } from "../datadog/queries.js";
import type { NamedMetricQuery, TimeseriesQuery } from "../datadog/timeseries.js";
import { WINDOW_HOURS, type Window } from "../datadog/windows.js";
import type { Slo } from "../model/model.js";

/**
 * What one SLO needs read from Datadog's metrics, derived from its resolved model: the queries its
 * SLI compiles to (environments and templates already resolved), the time to read, and at which
 * resolution. Every series is read once and serves every window, tier and day.
 */

/** Datadog evaluates SLO alerts every 5 minutes: alert histories are evaluated at these instants. */
export const EVALUATION_SECONDS = 300;

/** The resolution of the time read beyond what the alert windows need: hours, so windows ending on an hour are exact. */
const COARSE_SECONDS = 3600;

/**
 * The most points Datadog returns per series: "a series can have up to 1,500 points", also the
 * limit of a `.rollup()` interval (docs.datadoghq.com/dashboards/functions/rollup). Longer ranges
 * are split so that no request asks for more; Datadog may still answer coarser, which is read.
 */
export const MAX_POINTS = 1500;

/** What a measure is to the SLI: events good, bad or all, or the value of a time slice. */
export type MeasureRole = "good" | "bad" | "total" | "slice";

/** One series the SLI is computed from: a formula over named metric queries. */
export interface Measure {
  readonly role: MeasureRole;
  /** The query as the spec resolves it, for messages. */
  readonly written: string;
  readonly formula: string;
  readonly queries: readonly NamedMetricQuery[];
  /** How points are rolled up over an interval: counts are summed, slice values averaged. */
  readonly rollup: "sum" | "avg";
}

/** What to read for an SLO whose SLI is measured by metrics. */
export interface SloReading {
  readonly measures: readonly Measure[];
  /** Every cell of the grid the data is laid on: epoch seconds, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** The grid's cell: the finest interval read. */
  readonly step: number;
  readonly requests: readonly TimeseriesQuery[];
}

/**
 * What to read for `slo`, measured up to `end` (epoch seconds, on an hour), or undefined for a
 * monitor-based SLI, which has no metrics to read.
 *
 * Counts (ratio and latency SLIs) are read at the evaluation step (5 minutes, finer when a tier's
 * window needs it) where the alert windows are evaluated: the primary window and, before it, the
 * longest long window of its tiers; the rest of the longest window (or of what the error-budget
 * alert looks back over) is read in hours, as sums lose nothing by being coarser. Time slices are
 * read at the slice interval over everything, as a slice's verdict cannot be told from an hour.
 */
export function readingOf(slo: Slo, end: number): SloReading | undefined {
  const measures = measuresOf(slo);
  if (measures === undefined) return undefined;
  const sli = slo.sli;
  const primarySeconds = windowSeconds(slo.primary.window);
  const tiers = slo.alerts.burnRate;
  const longest = Math.max(...tiers.map((tier) => tier.longWindowHours * 3600), 0);
  const errorBudget = slo.alerts.errorBudget;
  const needed = Math.max(
    ...slo.objectives.map((objective) => windowSeconds(objective.window)),
    primarySeconds + longest,
    errorBudget ? primarySeconds + windowSeconds(errorBudget.window) : 0,
  );
  const start = end - needed;
  if (sli.kind === "timeSlice") {
    const step = sli.intervalSeconds;
    return { measures, start, end, step, requests: requestsOver(measures, start, end, step) };
  }
  const step = [EVALUATION_SECONDS, ...tiers.flatMap((t) => [t.shortWindowMinutes * 60, t.longWindowHours * 3600])]
    .map((seconds) => Math.max(60, Math.round(seconds / 60) * 60))
    .reduce(gcd);
  const fineStart = end - primarySeconds - longest;
  return {
    measures,
    start,
    end,
    step,
    requests: [
      ...requestsOver(measures, start, fineStart, COARSE_SECONDS),
      ...requestsOver(measures, fineStart, end, step),
    ],
  };
}

/** Seconds in an SLO window. */
export function windowSeconds(window: Window): number {
  return WINDOW_HOURS[window] * 3600;
}

/** The measures of an SLI: good (or bad) and all events for counts, the formula's value for time slices. */
function measuresOf(slo: Slo): Measure[] | undefined {
  const sli = slo.sli;
  switch (sli.kind) {
    case "monitors":
      return undefined;
    case "ratio":
      // Read apart, not as good/total, so that bad events above all events can be told.
      return [countMeasure(sli.events, sli.eventsQuery), countMeasure("total", sli.total)];
    case "latency":
      return [countMeasure("good", sli.numerator), countMeasure("total", sli.denominator)];
    case "timeSlice":
      return [
        {
          role: "slice",
          written: sli.queries.length === 1 ? (sli.queries[0]?.query ?? sli.formula) : sli.formula,
          formula: sli.formula,
          queries: sli.queries.map(({ name, query }) => ({ name, query })),
          rollup: "avg",
        },
      ];
  }
}

function countMeasure(role: "good" | "bad" | "total", expression: string): Measure {
  return { role, written: expression, ...formulaOf(expression, role), rollup: "sum" };
}

/** A method applied to a metric query (`.as_count()`, `.rollup(sum, 60)`, `.fill(zero)`), or a `by {tags}` grouping. */
const QUERY_SUFFIX = /^(?:\s*by\s*\{[^{}]*\}|\.[A-Za-z_]+\([^()]*\))*/;

/**
 * An expression such as `sum:a{x}.as_count() - sum:b{y}.as_count()` as the v2 API takes it: each
 * metric query (with the methods applied to it) under a name `<prefix><n>`, and the formula over
 * those names (`total0 - total1`). One metric query alone is the formula of its name.
 */
export function formulaOf(expression: string, prefix: string): { formula: string; queries: NamedMetricQuery[] } {
  const queries: NamedMetricQuery[] = [];
  let formula = "";
  let cursor = 0;
  for (const { text } of metricQueries(expression)) {
    const at = expression.indexOf(text, cursor);
    if (at < 0) continue;
    const suffix = QUERY_SUFFIX.exec(expression.slice(at + text.length))?.[0] ?? "";
    const name = `${prefix}${queries.length}`;
    queries.push({ name, query: `${text}${suffix}`.trim() });
    formula += `${expression.slice(cursor, at)}${name}`;
    cursor = at + text.length + suffix.length;
  }
  formula += expression.slice(cursor);
  return { formula: formula.trim(), queries };
}

/** The requests that read `measures` over [from, to) at `step`, each asking for at most {@link MAX_POINTS} points. */
function requestsOver(measures: readonly Measure[], from: number, to: number, step: number): TimeseriesQuery[] {
  const requests: TimeseriesQuery[] = [];
  const span = MAX_POINTS * step;
  for (let chunk = from; chunk < to; chunk += span) {
    requests.push({
      from: chunk,
      to: Math.min(chunk + span, to),
      intervalSeconds: step,
      queries: measures.flatMap((measure) =>
        measure.queries.map(({ name, query }) => ({ name, query: rolledUp(query, measure.rollup, step) })),
      ),
      formulas: measures.map((measure) => measure.formula),
    });
  }
  return requests;
}

/**
 * A metric query rolled up at `seconds`: sums for counts, averages for time slices (the value of a
 * slice is the query's value over the slice; Datadog's own time-slice evaluation is not documented
 * further, so an average over the slice is an approximation for percentile metrics). A rollup the
 * spec already writes is kept, and the interval it gives is read from the answer.
 */
function rolledUp(query: string, rollup: "sum" | "avg", seconds: number): string {
  return /\.rollup\(/.test(query) ? query : `${query}.rollup(${rollup}, ${seconds})`;
}

/** The greatest common divisor of two whole numbers, such as two intervals in seconds. */
export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
