import { isRealDate } from "./dates.js";
import { optional } from "./optional.js";

/** A date and time of day as written in ISO 8601, with its offset from UTC when one was written. */
export interface WrittenDateTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes east of UTC (`-05:00` is -300, `Z` is 0); absent for a local time. */
  readonly offsetMinutes?: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.0+)?)?(Z|([+-])(\d{2}):?(\d{2}))?$/;

/** Offsets in use on Earth run from -12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Reads `2027-03-14T01:00:00-05:00`, `2027-03-14T06:00Z` or the local time `2027-03-14T01:00`:
 * a real day, a time of day to the whole second (`:00.000` is allowed), and an optional offset
 * (`-05:00` or `-0500`). Undefined for anything else.
 */
export function parseDateTime(text: string): WrittenDateTime | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = "0", zone, sign, offsetHours, offsetRest] = match;
  if (!isRealDate(`${year}-${month}-${day}`)) return undefined;
  const time = { hour: Number(hour), minute: Number(minute), second: Number(second) };
  if (time.hour > 23 || time.minute > 59 || time.second > 59) return undefined;
  const offsetMinutes =
    zone === undefined
      ? undefined
      : zone === "Z"
        ? 0
        : (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetRest));
  if (offsetMinutes !== undefined && (Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES || Number(offsetRest) > 59))
    return undefined;
  return {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    ...time,
    ...optional("offsetMinutes", offsetMinutes),
  };
}

/** `UTC` and every canonical IANA time zone name this runtime knows. */
export function timeZoneNames(): readonly string[] {
  return knownTimeZones().names;
}

/**
 * Whether `name` is an IANA time zone (`America/New_York`, `UTC`, or an alias such as
 * `US/Eastern`). The runtime reads names without regard to case; Datadog is given the name as
 * written, so a canonical name in the wrong case (`america/new_york`) is refused.
 */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z]/.test(name) || formatterFor(name) === undefined) return false;
  const canonical = knownTimeZones().byLowercase.get(name.toLowerCase());
  return canonical === undefined || canonical === name;
}

/**
 * The instant a written date-time names, in epoch seconds: its offset fixes it when written,
 * otherwise it is a local time in `timeZone`. A local time that a clock change skips is read as
 * the same length of time after the change (02:30 on a spring-forward night is 03:30), and one
 * that happens twice is the first: Temporal's "compatible" rule. Undefined for a local time
 * without a time zone the runtime knows; whether a zone is written as Datadog takes it
 * ({@link isTimeZone}) is the caller's to check.
 */
export function epochSeconds(time: WrittenDateTime, timeZone?: string): number | undefined {
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  if (time.offsetMinutes !== undefined) return (wall - time.offsetMinutes * 60_000) / 1000;
  if (timeZone === undefined || formatterFor(timeZone) === undefined) return undefined;
  const offsetAt = (instant: number) => utcOffsetMs(timeZone, instant);
  // At most one clock change happens within a day of any instant: the offsets a day before and
  // after are the only candidates.
  const before = offsetAt(wall - DAY_MS);
  const after = offsetAt(wall + DAY_MS);
  const valid = [wall - before, wall - after].filter((instant) => wall - instant === offsetAt(instant));
  const instant = valid.length > 0 ? Math.min(...valid) : wall - before;
  return instant / 1000;
}

/** The wall clock in `timeZone` at an instant given in epoch seconds. */
export function wallClock(epoch: number, timeZone: string): Omit<WrittenDateTime, "offsetMinutes"> {
  const parts = Object.fromEntries(
    (formatterFor(timeZone) ?? formatterFor("UTC")!).formatToParts(epoch * 1000).map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts["year"]),
    month: Number(parts["month"]),
    day: Number(parts["day"]),
    hour: Number(parts["hour"]),
    minute: Number(parts["minute"]),
    second: Number(parts["second"]),
  };
}

const DAY_MS = 86_400_000;

/** Local time minus UTC at an instant (epoch milliseconds), in milliseconds. */
function utcOffsetMs(timeZone: string, instant: number): number {
  const wholeSeconds = Math.floor(instant / 1000);
  const local = wallClock(wholeSeconds, timeZone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) - wholeSeconds * 1000;
}

let timeZones: { readonly names: readonly string[]; readonly byLowercase: ReadonlyMap<string, string> } | undefined;

/** The zone names the runtime knows, listed once: each canonical name by its lowercase spelling. */
function knownTimeZones(): NonNullable<typeof timeZones> {
  if (timeZones === undefined) {
    const names = ["UTC", ...Intl.supportedValuesOf("timeZone")];
    timeZones = { names, byLowercase: new Map(names.map((name) => [name.toLowerCase(), name])) };
  }
  return timeZones;
}

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

/** A formatter giving the numeric wall clock in `timeZone`, or undefined when the runtime knows no such zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat | undefined {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | undefined;
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      formatter = undefined;
    }
    formatters.set(timeZone, formatter);
  }
  return formatters.get(timeZone);
}
