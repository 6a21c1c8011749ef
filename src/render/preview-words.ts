import { WINDOW_HOURS } from "../datadog/windows.js";
import { formatBudgetShare, spentAsTime } from "../human/budget.js";
import type { PreviewAlert, PreviewEpisode, PreviewReport, PreviewSlo, PreviewWindow } from "../preview/report.js";

/** Episodes listed in full; more are counted. */
const LISTED_EPISODES = 5;

/** A measured SLI to four decimals, the precision that tells 99.99 from 99.9942: `99.9942%`; `no data`. */
export function sliText(sli: number | null): string {
  return sli === null ? "no data" : `${Number(sli.toFixed(4))}%`;
}

/** The budget spent, as a share to a tenth and as time: `61.4% (26 min 31 s of 43 min 12 s)`; `-` without data. */
export function budgetText(window: PreviewWindow): string {
  if (window.budgetSpent === null) return "-";
  const budget = WINDOW_HOURS[window.window] * 3600 * (1 - window.target / 100);
  return `${formatBudgetShare(window.budgetSpent)} (${spentAsTime(window.budgetSpent, budget)})`;
}

/** An alert as written in specs: `page 14.4x over 1h/5m`, `ticket: 75% of the 30d budget spent`. */
export function alertLabel(alert: PreviewAlert): string {
  return alert.kind === "burn-rate"
    ? `${alert.severity} ${alert.factor}x over ${alert.longWindow ?? "?"}/${alert.shortWindow ?? "?"}`
    : `${alert.severity} at ${alert.factor}% of the ${alert.window} budget spent`;
}

/** How often an alert would have fired: `never`, `once`, `3 times`. */
export function firedText(alert: PreviewAlert): string {
  const count = alert.episodes.length;
  return count === 0 ? "never" : count === 1 ? "once" : `${count} times`;
}

/** The episodes of an alert, the first few in full: `2026-11-03 04:05 to 05:10, ... and 4 more`. */
export function episodesText(episodes: readonly PreviewEpisode[]): string {
  const listed = episodes.slice(0, LISTED_EPISODES).map(episodeText).join(", ");
  const more = episodes.length - LISTED_EPISODES;
  return more > 0 ? `${listed} and ${`${more} more`}` : listed;
}

/** `2026-11-03 04:05 to 05:10` (UTC), the end's date written when it differs. */
function episodeText(episode: PreviewEpisode): string {
  const [startDay, startTime] = wall(episode.start);
  const [endDay, endTime] = wall(episode.end);
  return `${startDay} ${startTime} to ${endDay === startDay ? "" : `${endDay} `}${endTime}`;
}

/** The time a report measures: `2026-11-05 00:00 to 2026-12-06 00:00 UTC`. */
export function spanText(report: PreviewReport): string {
  const [fromDay, fromTime] = wall(report.from);
  const [toDay, toTime] = wall(report.to);
  return `${fromDay} ${fromTime} to ${toDay} ${toTime} UTC`;
}

/** `2026-11-03T04:05:00Z` as its day and its time to the minute. */
function wall(iso: string): [string, string] {
  return [iso.slice(0, 10), iso.slice(11, 16)];
}

/** What the status of an SLO says, for people. */
export function statusText(slo: PreviewSlo): string {
  switch (slo.status) {
    case "ok":
      return "measured";
    case "no-data":
      return "no data";
    case "skipped":
      return "skipped";
    case "error":
      return "not read";
  }
}
