import type { BurnRateTier, ErrorBudgetAlert } from "../model/model.js";
import type { Measured } from "./measured.js";
import { EVALUATION_SECONDS, windowSeconds } from "./reading.js";

/** A stretch during which an alert fires: epoch seconds, `end` when it stopped (or the end of the data). */
export interface Episode {
  readonly start: number;
  readonly end: number;
}

/**
 * When a burn-rate tier would have fired over (from, to]: evaluated every 5 minutes, as Datadog
 * evaluates SLO alerts, firing while the burn rate over both the long and the short window exceeds
 * the tier's factor (burn rate = bad share over the window / (1 - target)).
 */
export function burnRateEpisodes(measured: Measured, tier: BurnRateTier, from: number, to: number): Episode[] {
  const long = tier.longWindowHours * 3600;
  const short = tier.shortWindowMinutes * 60;
  return episodes(
    from,
    to,
    (time) =>
      measured.burnRate(time - long, time, tier.target) > tier.factor &&
      measured.burnRate(time - short, time, tier.target) > tier.factor,
  );
}

/** When an error-budget alert would have fired over (from, to]: while the share of its window's budget spent exceeds its critical threshold. */
export function errorBudgetEpisodes(measured: Measured, alert: ErrorBudgetAlert, from: number, to: number): Episode[] {
  const window = windowSeconds(alert.window);
  return episodes(
    from,
    to,
    (time) => measured.burnRate(time - window, time, alert.target) * 100 > alert.criticalPercent,
  );
}

/** The stretches during which `firing` holds at the evaluation instants of (from, to], on multiples of 5 minutes. */
function episodes(from: number, to: number, firing: (time: number) => boolean): Episode[] {
  const found: Episode[] = [];
  let start: number | undefined;
  const first = Math.floor(from / EVALUATION_SECONDS) * EVALUATION_SECONDS + EVALUATION_SECONDS;
  for (let time = first; time <= to; time += EVALUATION_SECONDS) {
    const fires = firing(time);
    if (fires && start === undefined) start = time;
    if (!fires && start !== undefined) {
      found.push({ start, end: time });
      start = undefined;
    }
  }
  if (start !== undefined) found.push({ start, end: to });
  return found;
}
