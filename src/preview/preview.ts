import type { DiagnosticCode } from "../diagnostics/codes.js";
import type { Outcome } from "../diagnostics/outcome.js";
import type { TimeseriesAnswer, TimeseriesQuery } from "../datadog/timeseries.js";
import { formatDuration } from "../human/duration.js";
import { formatIsoUtc } from "../human/instant.js";
import { formatPercent } from "../human/numbers.js";
import { shortWindowText } from "../model/alerting.js";
import type { BurnRateTier, Comparator, Slo } from "../model/model.js";
import { plural } from "../util/text.js";
import { burnRateEpisodes, errorBudgetEpisodes, type Episode } from "./backtest.js";
import { layOut, type LaidOut } from "./grid.js";
import { Measured } from "./measured.js";
import { windowSeconds, type SloReading } from "./reading.js";
import type {
  PreviewAlert,
  PreviewDay,
  PreviewEpisode,
  PreviewProblem,
  PreviewReport,
  PreviewSlo,
  PreviewWindow,
} from "./report.js";

/** What was read for an SLO: every request with its answer, or why the reading stopped. */
export type SloData = Outcome<readonly { readonly request: TimeseriesQuery; readonly answer: TimeseriesAnswer }[]>;

const DAY_SECONDS = 86_400;

/** A problem with a code of the closed list. */
function problem(code: DiagnosticCode, message: string): PreviewProblem {
  return { code, message };
}

/** The report of every SLO previewed, measured from `from` to `to` (epoch seconds). */
export function previewReport(from: number, to: number, slos: readonly PreviewSlo[]): PreviewReport {
  return { from: formatIsoUtc(from), to: formatIsoUtc(to), slos };
}

/**
 * What Datadog would show for `slo` given the data read for it (`reading` undefined for a
 * monitor-based SLI, which is skipped): the SLI and budget spent over each window, the SLI of each
 * day of the primary window, when each alert would have fired over the primary window, and the
 * problems the data shows.
 */
export function previewSlo(slo: Slo, reading: SloReading | undefined, data: SloData | undefined): PreviewSlo {
  const base = { stack: slo.stack, slo: slo.name, kind: slo.sli.kind };
  const primaryWindow = slo.primary.window;
  const unmeasured = slo.objectives.map((objective): PreviewWindow => ({
    window: objective.window,
    target: objective.target,
    sli: null,
    budgetSpent: null,
  }));
  if (!reading || slo.sli.kind === "monitors") {
    const ids = slo.sli.kind === "monitors" ? slo.sli.monitorIds.join(", ") : "";
    const message = `the SLI is the uptime of monitor(s) ${ids}, whose status lives in the monitors, not in metrics: see the SLO's page in Datadog`;
    return {
      ...base,
      status: "skipped",
      primaryWindow,
      problems: [problem("MONITOR_SLI_SKIPPED", message)],
      windows: unmeasured,
      alerts: [],
      days: [],
    };
  }
  if (!data?.ok) {
    const message = data ? data.problems.map((found) => found.message).join("; ") : "it was not read";
    return {
      ...base,
      status: "error",
      primaryWindow,
      problems: [problem("DATADOG_REQUEST", message)],
      windows: unmeasured,
      alerts: [],
      days: [],
    };
  }
  const sli = slo.sli;
  const laid = layOut(
    reading,
    data.value,
    sli.kind === "timeSlice" ? failsAgainst(sli.comparator, sli.threshold) : () => false,
  );
  const measured =
    sli.kind === "timeSlice"
      ? Measured.ofSlices(
          reading.start,
          reading.step,
          laid.cells[0] ?? { values: new Float64Array(), present: new Uint8Array() },
        )
      : Measured.ofCounts(reading.start, reading.step, reading.measures, laid.cells);
  const end = reading.end;
  const primaryStart = end - windowSeconds(slo.primary.window);
  const missing = missingMeasures(slo, reading, laid);
  const windows = slo.objectives.map((objective): PreviewWindow => {
    const share = missing.blocking ? undefined : measured.badShare(end - windowSeconds(objective.window), end);
    return {
      window: objective.window,
      target: objective.target,
      sli: share === undefined ? null : round(100 * (1 - share), 6),
      budgetSpent: share === undefined ? null : round(share / (1 - objective.target / 100), 6),
    };
  });
  const days = daysOf(measured, primaryStart, end, missing.blocking);
  const primary = windows.find((window) => window.window === slo.primary.window);
  const measurable = primary?.sli !== null && primary?.sli !== undefined;
  const alerts = measurable ? alertsOf(slo, measured, primaryStart, end) : [];
  const problems = [
    ...missing.problems,
    ...windowsWithoutData(windows, missing.problems.length > 0),
    ...exceedingTotal(reading, laid),
    ...targetsNotMet(slo, windows, days),
    ...noisyTiers(alerts, slo),
    ...coarseAnswers(laid, slo),
  ];
  return { ...base, status: measurable ? "ok" : "no-data", primaryWindow, problems, windows, alerts, days };
}

/** Whether a slice value fails the SLI's condition (the condition says what a good slice is). */
function failsAgainst(comparator: Comparator, threshold: number): (value: number) => boolean {
  switch (comparator) {
    case "<":
      return (value) => !(value < threshold);
    case "<=":
      return (value) => !(value <= threshold);
    case ">":
      return (value) => !(value > threshold);
    case ">=":
      return (value) => !(value >= threshold);
  }
}

/**
 * The measures without a single point: NO_DATA each. They block the measurement, except bad events,
 * which many services report only when there are some: those count as none.
 */
function missingMeasures(
  slo: Slo,
  reading: SloReading,
  laid: LaidOut,
): { blocking: boolean; problems: PreviewProblem[] } {
  const span = `from ${formatIsoUtc(reading.start)} to ${formatIsoUtc(reading.end)}`;
  let blocking = false;
  const problems = reading.measures.flatMap((measure, index) => {
    if (laid.cells[index]?.present.includes(1)) return [];
    if (measure.role !== "bad") blocking = true;
    const what = measure.role === "slice" ? "the time-slice query" : `the ${measure.role} events query`;
    const counted = measure.role === "bad" ? ": it is counted as no bad events" : "";
    return [
      problem(
        "NO_DATA",
        `${what} \`${measure.written}\` returned no data ${span}${counted}; check its metric name and tags (such as env) in ${slo.stack}`,
      ),
    ];
  });
  return { blocking, problems };
}

/** A window without data while the queries returned some elsewhere (older data only, say). */
function windowsWithoutData(windows: readonly PreviewWindow[], alreadySaid: boolean): PreviewProblem[] {
  if (alreadySaid) return [];
  return windows
    .filter((window) => window.sli === null)
    .map((window) =>
      problem("NO_DATA", `no events were counted over the last ${window.window}: the SLI cannot be measured there`),
    );
}

/** Intervals in which good (or bad) events exceed all events, both counted (a total without data is NO_DATA). */
function exceedingTotal(reading: SloReading, laid: LaidOut): PreviewProblem[] {
  const totalIndex = reading.measures.findIndex((measure) => measure.role === "total");
  const total = laid.cells[totalIndex];
  if (!total) return [];
  return reading.measures.flatMap((measure, index) => {
    const part = laid.cells[index];
    if (!part || (measure.role !== "good" && measure.role !== "bad")) return [];
    let count = 0;
    let first = -1;
    for (let cell = 0; cell < part.values.length; cell++) {
      const value = part.values[cell] ?? 0;
      const all = total.values[cell] ?? 0;
      if (part.present[cell] === 1 && total.present[cell] === 1 && value > all + 1e-9 * Math.max(1, Math.abs(all))) {
        count++;
        if (first < 0) first = cell;
      }
    }
    if (count === 0) return [];
    const when = formatIsoUtc(reading.start + first * reading.step);
    return [
      problem(
        "GOOD_EXCEEDS_TOTAL",
        `${measure.role} events exceed all events in ${plural(count, "interval")} of ${formatDuration(reading.step)}, ` +
          `the first at ${when}: the ${measure.role} query counts something the total does not (retries, another scope); ` +
          "make both count the same requests",
      ),
    ];
  });
}

/** Windows whose SLI is below the target, with the days of the primary window that met it. */
function targetsNotMet(slo: Slo, windows: readonly PreviewWindow[], days: readonly PreviewDay[]): PreviewProblem[] {
  return windows.flatMap((window) => {
    if (window.sli === null || window.sli >= window.target) return [];
    const measuredDays = days.filter((day) => day.sli !== null);
    const met = measuredDays.filter((day) => (day.sli ?? 0) >= window.target).length;
    const daily =
      window.window === slo.primary.window && measuredDays.length > 0
        ? `; met on ${met} of ${plural(measuredDays.length, "day")}`
        : "";
    return [
      problem(
        "TARGET_NOT_MET",
        `the SLI over the last ${window.window} was ${formatPercent(window.sli)}, below the target ${formatPercent(window.target)}` +
          `${daily}: lower the target to what the service does, or fix the service first`,
      ),
    ];
  });
}

/** Tiers that would have fired more than once a day on average over the primary window. */
function noisyTiers(alerts: readonly PreviewAlert[], slo: Slo): PreviewProblem[] {
  const days = windowSeconds(slo.primary.window) / DAY_SECONDS;
  return alerts
    .filter((alert) => alert.kind === "burn-rate" && alert.episodes.length > days)
    .map((alert) =>
      problem(
        "NOISY_TIER",
        `the ${alert.severity} tier ${alert.factor}x over ${alert.longWindow ?? ""}/${alert.shortWindow ?? ""} would have fired ` +
          `${plural(alert.episodes.length, "time")} in ${slo.primary.window}: raise its factor, lengthen its windows, or revisit the target`,
      ),
    );
}

/** Answers Datadog gave at a coarser interval than asked. */
function coarseAnswers(laid: LaidOut, slo: Slo): PreviewProblem[] {
  const coarsest = laid.coarsened.reduce<{ asked: number; answered: number } | undefined>(
    (worst, found) =>
      worst === undefined || found.answered / found.asked > worst.answered / worst.asked ? found : worst,
    undefined,
  );
  if (!coarsest) return [];
  const shortest = Math.min(...slo.alerts.burnRate.map((tier) => tier.shortWindowMinutes * 60));
  const affects = coarsest.answered > shortest ? "the alert history is approximate" : "the measurement is unaffected";
  return [
    problem(
      "COARSE_DATA",
      `Datadog answered at ${formatDuration(coarsest.answered)} intervals where ${formatDuration(coarsest.asked)} was asked: ${affects}`,
    ),
  ];
}

/** The SLI of each UTC day that overlaps the primary window, oldest first; `null` for a day without data. */
function daysOf(measured: Measured, from: number, to: number, blocked: boolean): PreviewDay[] {
  const days: PreviewDay[] = [];
  for (let day = Math.floor(from / DAY_SECONDS) * DAY_SECONDS; day < to; day += DAY_SECONDS) {
    const share = blocked ? undefined : measured.badShare(Math.max(day, from), Math.min(day + DAY_SECONDS, to));
    days.push({ date: formatIsoUtc(day).slice(0, 10), sli: share === undefined ? null : round(100 * (1 - share), 6) });
  }
  return days;
}

/** A burn-rate tier in the report, with the episodes it would have fired over. */
export function tierAlert(tier: BurnRateTier, episodes: readonly PreviewEpisode[]): PreviewAlert {
  return {
    severity: tier.severity,
    kind: "burn-rate",
    window: tier.window,
    factor: tier.factor,
    longWindow: `${tier.longWindowHours}h`,
    shortWindow: shortWindowText(tier),
    episodes,
  };
}

/** Each burn-rate tier, then the error-budget alert, with the episodes it would have fired over (from, to]. */
function alertsOf(slo: Slo, measured: Measured, from: number, to: number): PreviewAlert[] {
  const tiers = slo.alerts.burnRate.map((tier) => tierAlert(tier, written(burnRateEpisodes(measured, tier, from, to))));
  const budget = slo.alerts.errorBudget;
  if (!budget) return tiers;
  return [
    ...tiers,
    {
      severity: "ticket",
      kind: "error-budget",
      window: budget.window,
      factor: budget.criticalPercent,
      episodes: written(errorBudgetEpisodes(measured, budget, from, to)),
    },
  ];
}

function written(episodes: readonly Episode[]): PreviewAlert["episodes"] {
  return episodes.map((episode) => ({ start: formatIsoUtc(episode.start), end: formatIsoUtc(episode.end) }));
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}
