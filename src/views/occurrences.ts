import { rruleParts } from "../datadog/corrections.js";
import { epochSeconds, wallClock } from "../util/zoned-time.js";
import { optional } from "../util/optional.js";
import type { Schedule } from "./schedule.js";

/** One time a correction applies: from `start` to `end`, in epoch seconds. */
export interface Occurrence {
  readonly start: number;
  readonly end: number;
}

/** Occurrences looked at before giving up: a daily rule over 250 years. */
const MAX_STEPS = 100_000;

const DAY_SECONDS = 86_400;

/**
 * The next `count` times a correction applies that have not ended at `from` (epoch seconds): the
 * one going on first, if any. A one-off correction applies once, from `start` to `end`. A
 * recurring one follows its RRULE (FREQ DAILY, WEEKLY, MONTHLY or YEARLY, with INTERVAL, COUNT and
 * UNTIL, the parts Datadog takes) on the wall clock of its time zone, so a nightly 02:00 stays at
 * 02:00 across clock changes; a day a month or year lacks (the 31st, the 29th of February) is
 * skipped, as RFC 5545 says. UNTIL is a UTC instant (`20271231T235959Z`), a local time without
 * `Z`, or a date, meaning the end of that day in the correction's time zone.
 */
export function nextOccurrences(correction: Schedule, from: number, count: number): Occurrence[] {
  if (correction.rrule === undefined) {
    const end = correction.end ?? correction.start;
    return end > from && count > 0 ? [{ start: correction.start, end }] : [];
  }
  const rule = parseRule(correction.rrule);
  const duration = correction.durationSeconds ?? 0;
  const first = wallClock(correction.start, correction.timezone);
  const until = rule.until === undefined ? undefined : untilInstant(rule.until, correction.timezone);
  const found: Occurrence[] = [];
  // Every day and week exists, so daily and weekly rules can start near `from`; months and years
  // may skip, so COUNT is counted from the first one.
  const stepDays = rule.frequency === "DAILY" ? rule.interval : rule.frequency === "WEEKLY" ? 7 * rule.interval : 0;
  let step =
    stepDays > 0 ? Math.max(0, Math.floor((from - duration - correction.start) / (stepDays * DAY_SECONDS)) - 2) : 0;
  let counted = stepDays > 0 ? step : 0;
  for (let steps = 0; found.length < count && steps < MAX_STEPS; steps++, step++) {
    if (rule.count !== undefined && counted >= rule.count) break;
    const day = shifted(first, rule.frequency, step * rule.interval);
    if (day === undefined) continue;
    counted++;
    const start = epochSeconds({ ...first, ...day }, correction.timezone);
    if (start === undefined) break;
    if (until !== undefined && start > until) break;
    if (start + duration > from) found.push({ start, end: start + duration });
  }
  return found;
}

interface Rule {
  readonly frequency: string;
  readonly interval: number;
  readonly count?: number;
  readonly until?: string;
}

/** The parts of a rule the rules have already checked (`FREQ=WEEKLY;INTERVAL=2;COUNT=10`). */
function parseRule(rrule: string): Rule {
  const parts = new Map(rruleParts(rrule));
  const count = parts.get("COUNT");
  const until = parts.get("UNTIL");
  return {
    frequency: parts.get("FREQ") ?? "DAILY",
    interval: Number(parts.get("INTERVAL") ?? 1),
    ...(count === undefined ? {} : { count: Number(count) }),
    ...optional("until", until),
  };
}

/** The calendar day `amount` frequency units after `day`; undefined when that month lacks the day. */
function shifted(
  day: { readonly year: number; readonly month: number; readonly day: number },
  frequency: string,
  amount: number,
): { year: number; month: number; day: number } | undefined {
  if (frequency === "DAILY" || frequency === "WEEKLY") {
    const date = new Date(Date.UTC(day.year, day.month - 1, day.day + amount * (frequency === "WEEKLY" ? 7 : 1)));
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  const months = day.year * 12 + (day.month - 1) + amount * (frequency === "YEARLY" ? 12 : 1);
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day.day > lastDay ? undefined : { year, month, day: day.day };
}

/** UNTIL as an instant: `20271231T235959Z` in UTC, without `Z` on the zone's clock, a date to its last second. */
function untilInstant(until: string, timeZone: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until);
  if (!match) return undefined;
  const [, year, month, day, hour = "23", minute = "59", second = "59", utc] = match;
  const time = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
  };
  return epochSeconds(utc === "Z" ? { ...time, offsetMinutes: 0 } : time, timeZone);
}
