import { DURATION_PATTERN } from "../spec/v1.js";

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a validated duration such as `300ms`, `5m` or `24h`. */
export function durationSeconds(duration: string): number {
  const match = DURATION_PATTERN.exec(duration);
  if (!match) throw new Error(`not a validated duration: ${duration}`);
  return Number(match[1]) * (SECONDS_PER_UNIT[match[2] ?? ""] ?? Number.NaN);
}
