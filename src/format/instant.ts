import { wallClock } from "../util/zoned-time.js";
import { formatDuration } from "./duration.js";

/** An instant (epoch seconds) on the wall clock of a time zone, to the minute: `2027-03-14 01:00`. */
export function formatWallClock(epoch: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = wallClock(epoch, timeZone);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}${second === 0 ? "" : `:${two(second)}`}`;
}

/** When a correction applies, in epoch seconds: once, or by a recurrence rule for a duration each time. */
export interface Schedule {
  readonly start: number;
  readonly end?: number;
  readonly rrule?: string;
  readonly durationSeconds?: number;
  readonly timezone: string;
}

/**
 * `2027-03-14 01:00 to 2027-03-14 04:30 America/New_York`, or
 * `FREQ=DAILY from 2026-10-01 02:00 Asia/Tokyo, 30 min each time`.
 */
export function formatSchedule(schedule: Schedule): string {
  const start = formatWallClock(schedule.start, schedule.timezone);
  if (schedule.end !== undefined)
    return `${start} to ${formatWallClock(schedule.end, schedule.timezone)} ${schedule.timezone}`;
  const each = formatDuration(schedule.durationSeconds ?? 0);
  return `${schedule.rrule ?? ""} from ${start} ${schedule.timezone}, ${each} each time`;
}
