import { sloKey } from "../human/slo-key.js";
import type { AlertSeverity, Sli, Window } from "../model/model.js";

/**
 * What `slocc preview --format json` writes and `slocc site --preview` reads: each SLO measured
 * against Datadog's metrics over its windows. Shares are fractions (`budgetSpent` 1 = the whole
 * budget), SLIs are percent, times are ISO 8601 in UTC, windows and durations are written as in
 * specs (`30d`, `1h`, `5m`). Documented in docs/preview.md.
 */
export interface PreviewReport {
  /** The start and end of the longest window read. */
  readonly from: string;
  readonly to: string;
  readonly slos: readonly PreviewSlo[];
}

/** How far an SLO could be measured. */
export type PreviewStatus = "ok" | "no-data" | "skipped" | "error";

/** One SLO as measured. */
export interface PreviewSlo {
  readonly stack: string;
  readonly slo: string;
  readonly kind: Sli["kind"];
  readonly status: PreviewStatus;
  /** The objective the spec lists first: the window the alerts are replayed over and the days cover. */
  readonly primaryWindow: Window;
  /** What is wrong with the SLO's data, or why it was skipped, each with a code from the closed list. */
  readonly problems: readonly PreviewProblem[];
  /** One per objective, in window order. */
  readonly windows: readonly PreviewWindow[];
  /** One per burn-rate tier, then the error-budget alert, when the SLO has them. */
  readonly alerts: readonly PreviewAlert[];
  /** The SLI of each UTC day of the primary window, oldest first: `null` for a day without data. */
  readonly days: readonly PreviewDay[];
}

/** A problem of the measured data. */
export interface PreviewProblem {
  readonly code: string;
  readonly message: string;
}

/** One window's measurement. */
export interface PreviewWindow {
  readonly window: Window;
  /** The objective's target, in percent. */
  readonly target: number;
  /** The SLI over the window, in percent; `null` without data. */
  readonly sli: number | null;
  /** The share of the window's error budget spent (1 = all of it, above 1 = overspent); `null` without data. */
  readonly budgetSpent: number | null;
}

/** When one alert would have fired over the primary window. */
export interface PreviewAlert {
  readonly severity: AlertSeverity;
  /** `burn-rate` or `error-budget`. */
  readonly kind: "burn-rate" | "error-budget";
  /** The SLO window the alert watches. */
  readonly window: Window;
  /** The burn rate that fires a burn-rate alert; the share of budget spent that fires an error-budget one (percent). */
  readonly factor: number;
  /** Burn-rate alerts only, such as `1h` and `5m`. */
  readonly longWindow?: string;
  readonly shortWindow?: string;
  readonly episodes: readonly PreviewEpisode[];
}

/** A stretch of time during which an alert would have been firing. */
export interface PreviewEpisode {
  readonly start: string;
  /** The end, or the end of the data when it was still firing then. */
  readonly end: string;
}

/** The SLI of one day. */
export interface PreviewDay {
  /** `2026-11-05`. */
  readonly date: string;
  readonly sli: number | null;
}

/** The measured SLOs of a report by {@link sloKey}; none without a report. */
export function previewBySlo(report: PreviewReport | undefined): ReadonlyMap<string, PreviewSlo> {
  return new Map((report?.slos ?? []).map((slo) => [sloKey(slo.stack, slo.slo), slo]));
}
