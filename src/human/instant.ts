import { wallClock } from "../util/zoned-time.js";

/** An instant (epoch seconds) on the wall clock of a time zone, to the minute: `2027-03-14 01:00`. */
export function formatWallClock(epoch: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = wallClock(epoch, timeZone);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}${second === 0 ? "" : `:${two(second)}`}`;
}
