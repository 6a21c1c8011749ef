import { daysBetween } from "../util/dates.js";

/** Review cadence: a whole number of months (`mo`), quarters (`q`) or years (`y`). */
export const CADENCE_PATTERN = /^([1-9]\d*)(mo|q|y)$/;

/** Months in each cadence unit. */
const MONTHS: Readonly<Record<string, number>> = { mo: 1, q: 3, y: 12 };

/** How a service's review stands on a given day. */
export type ReviewStatus = "overdue" | "due-soon" | "ok";

/** Reviews due within this many days are flagged as due soon. */
export const DUE_SOON_DAYS = 30;

/** Months in a cadence such as `2q`; undefined when it is not one. */
export function cadenceMonths(every: string): number | undefined {
  const match = CADENCE_PATTERN.exec(every);
  return match ? Number(match[1]) * (MONTHS[match[2] ?? ""] ?? Number.NaN) : undefined;
}

/** Overdue after the due date, due soon within {@link DUE_SOON_DAYS} days of it, else ok. */
export function reviewStatus(due: string, today: string): ReviewStatus {
  const days = daysBetween(today, due);
  if (days < 0) return "overdue";
  return days <= DUE_SOON_DAYS ? "due-soon" : "ok";
}
