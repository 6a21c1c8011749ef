import { WINDOW_HOURS, WINDOWS, type Window } from "../../datadog/windows.js";
import { DURATION_SHORTHAND } from "./schema.js";

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 };

/**
 * Minutes in an OpenSLO duration of fixed length (`90m`, `1h`, `7d`, `1w`). Months, quarters and
 * years (`1M`, `1Q`, `1Y`) have no fixed length: undefined, as for text that is not a duration.
 */
export function fixedMinutes(duration: string): number | undefined {
  const match = DURATION_SHORTHAND.exec(duration);
  const perUnit = MINUTES_PER_UNIT[match?.[2] ?? ""];
  return match && perUnit !== undefined ? Number(match[1]) * perUnit : undefined;
}

/** Whether a duration is written in months, quarters or years, which calendars make uneven. */
export function isCalendarUnit(duration: string): boolean {
  return /[MQY]$/.test(duration);
}

/** The Datadog window a rolling length is, whatever its spelling (`7d`, `1w`, `168h`); undefined for any other length. */
export function windowOfMinutes(minutes: number): Window | undefined {
  return WINDOWS.find((window) => WINDOW_HOURS[window] * 60 === minutes);
}
