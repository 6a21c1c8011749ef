import { formatDuration } from "../human/duration.js";
import { formatWallClock } from "../human/instant.js";
import type { Correction } from "../model/model.js";

/** When a correction applies: its instants, recurrence and time zone. */
export type Schedule = Pick<Correction, "start" | "end" | "rrule" | "durationSeconds" | "timezone">;

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
