/**
 * Datadog's SLO status corrections (`datadog_slo_correction`, provider 3.82.0): the categories it
 * takes, and the part of RFC 5545 recurrence rules it supports.
 */
import { didYouMean } from "../util/suggest.js";

/** Datadog's correction categories, by the name a spec writes them with. */
export const CORRECTION_CATEGORIES = {
  "scheduled-maintenance": "Scheduled Maintenance",
  "outside-business-hours": "Outside Business Hours",
  deployment: "Deployment",
  other: "Other",
} as const;

/** A correction category as Datadog spells it. */
export type CorrectionCategory = (typeof CORRECTION_CATEGORIES)[keyof typeof CORRECTION_CATEGORIES];

/** The category Datadog spells for a spec's `scheduled-maintenance`, or undefined for an unknown one. */
export function correctionCategory(written: string): CorrectionCategory | undefined {
  return Object.hasOwn(CORRECTION_CATEGORIES, written)
    ? CORRECTION_CATEGORIES[written as keyof typeof CORRECTION_CATEGORIES]
    : undefined;
}

/** The category names a spec may write, in Datadog's order. */
export const CORRECTION_CATEGORY_NAMES: readonly string[] = Object.keys(CORRECTION_CATEGORIES);

/** Why a written category is not one Datadog takes, with the closest name if there is one. */
export function unknownCategoryMessage(written: string): string {
  return (
    `${JSON.stringify(written)} is not a correction category: write one of ${CORRECTION_CATEGORY_NAMES.join(", ")}.` +
    didYouMean(written, CORRECTION_CATEGORY_NAMES)
  );
}

/** The RRULE parts Datadog supports (its documentation and the provider's). */
export const RRULE_PARTS: readonly string[] = ["FREQ", "INTERVAL", "COUNT", "UNTIL"];

/** Frequencies of RFC 5545 that Datadog refuses: corrections recur at most daily. */
const SUB_DAILY = ["SECONDLY", "MINUTELY", "HOURLY"];

/** Frequencies Datadog takes (it documents limits for daily, weekly and monthly ones; yearly is lenient). */
export const RRULE_FREQUENCIES: readonly string[] = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"];

const UNTIL_PATTERN = /^\d{8}(T\d{6}Z?)?$/;

/**
 * The NAME=VALUE parts of a recurrence rule such as `RRULE:FREQ=WEEKLY;COUNT=52` (the `RRULE:`
 * prefix is optional), in the order written; undefined when a part is not one, in capitals.
 */
export function rruleParts(rrule: string): [name: string, value: string][] | undefined {
  const body = rrule.startsWith("RRULE:") ? rrule.slice("RRULE:".length) : rrule;
  const parts: [string, string][] = [];
  for (const part of body.split(";")) {
    const match = /^([A-Z]+)=([^=]+)$/.exec(part);
    if (match === null) return undefined;
    const [, name = "", value = ""] = match;
    parts.push([name, value]);
  }
  return parts;
}

/**
 * Every reason Datadog would refuse a recurrence rule such as `FREQ=WEEKLY;COUNT=52` (an
 * `RRULE:` prefix is allowed), each as a sentence that says how to fix it. Empty when it is fine.
 */
export function rruleProblems(rrule: string): string[] {
  const parts = rruleParts(rrule);
  if (parts === undefined) {
    return ["write the rule as NAME=VALUE parts separated by `;`, in capitals, such as `FREQ=WEEKLY;COUNT=52`"];
  }
  const values = new Map<string, string>();
  const problems: string[] = [];
  for (const [name, value] of parts) {
    if (!RRULE_PARTS.includes(name)) {
      problems.push(`Datadog supports only the parts ${RRULE_PARTS.join(", ")}: remove ${name}`);
    } else if (values.has(name)) {
      problems.push(`${name} is given twice: keep one`);
    }
    values.set(name, value);
  }
  const frequency = values.get("FREQ");
  if (frequency === undefined) problems.push("give the frequency, such as `FREQ=WEEKLY`");
  else if (SUB_DAILY.includes(frequency))
    problems.push(`Datadog does not take FREQ=${frequency}: corrections recur at most daily (FREQ=DAILY)`);
  else if (!RRULE_FREQUENCIES.includes(frequency))
    problems.push(`FREQ must be one of ${RRULE_FREQUENCIES.join(", ")}, not ${frequency}`);
  for (const name of ["INTERVAL", "COUNT"]) {
    const value = values.get(name);
    if (value !== undefined && !/^[1-9]\d*$/.test(value)) problems.push(`${name} must be a whole number above 0`);
  }
  const until = values.get("UNTIL");
  if (until !== undefined && !UNTIL_PATTERN.test(until))
    problems.push("write UNTIL as a UTC date or date-time, such as `20271231` or `20271231T235959Z`");
  if (until !== undefined && values.has("COUNT")) problems.push("give COUNT or UNTIL, not both");
  return problems;
}
