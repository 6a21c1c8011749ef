import { wallClock } from "../util/zoned-time.js";

/** An instant (epoch seconds) on the wall clock of a time zone, to the minute: `2027-03-14 01:00`. */
export function formatWallClock(epoch: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = wallClock(epoch, timeZone);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}${second === 0 ? "" : `:${two(second)}`}`;
}

/** An instant (epoch seconds) in ISO 8601, UTC, to the second: `2026-11-05T14:05:00Z`. */
export function formatIsoUtc(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** An ISO 8601 instant as people read it, in UTC to the minute: `2026-10-20 03:10 UTC`. */
export function formatInstant(iso: string): string {
  return `${formatWallClock(Math.floor(Date.parse(iso) / 1000), "UTC")} UTC`;
}
