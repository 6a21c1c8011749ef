import { CADENCE_PATTERN } from "../spec/v1.js";

/** Months in each cadence unit. */
const MONTHS: Readonly<Record<string, number>> = { mo: 1, q: 3, y: 12 };

/** How a service's review stands on a given day. */
export type ReviewStatus = "overdue" | "due-soon" | "ok";

/** Reviews due within this many days are flagged as due soon. */
export const DUE_SOON_DAYS = 30;

/** The date (YYYY-MM-DD) a review is next due: `last` plus the cadence, clamped to the month's end. */
export function nextReviewDate(last: string, every: string): string {
  const [, count = "0", unit = "mo"] = CADENCE_PATTERN.exec(every) ?? [];
  const [year = 0, month = 1, day = 1] = last.split("-").map(Number);
  const months = year * 12 + (month - 1) + Number(count) * (MONTHS[unit] ?? 1);
  const targetYear = Math.floor(months / 12);
  const targetMonth = months % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Overdue after the due date, due soon within {@link DUE_SOON_DAYS} days of it, else ok. */
export function reviewStatus(due: string, today: string): ReviewStatus {
  const days = daysBetween(today, due);
  if (days < 0) return "overdue";
  return days <= DUE_SOON_DAYS ? "due-soon" : "ok";
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
