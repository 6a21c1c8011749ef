import { CORRECTION_CATEGORIES, rruleProblems } from "../datadog/corrections.js";
import type { DatadogCorrection } from "../datadog-api/responses.js";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { CORRECTION_ID_PATTERN, type CorrectionV1 } from "../formats/slocc-v1/schema.js";
import { formatIsoUtc } from "../human/instant.js";
import { optional } from "../util/optional.js";

/**
 * Maps one Datadog SLO correction to a spec correction that plans exactly it: its category in the
 * spec's words, its start and end as UTC instants, its rule, duration and time zone as they are,
 * and its id (`datadogId`: the stack imports it). What slocc cannot write as it is is refused with
 * the reason.
 */
export function adoptCorrection(correction: DatadogCorrection): Outcome<CorrectionV1> {
  const { id, attributes } = correction;
  if (!CORRECTION_ID_PATTERN.test(id)) return failed("NOT_ADOPTABLE", "its id is not a UUID");
  const category = Object.entries(CORRECTION_CATEGORIES).find(([, spelled]) => spelled === attributes.category)?.[0];
  if (category === undefined)
    return failed("NOT_ADOPTABLE", `its category ${JSON.stringify(attributes.category)} is not one slocc knows`);
  const end = attributes.end ?? undefined;
  const rrule = attributes.rrule ?? undefined;
  const duration = attributes.duration ?? undefined;
  if (!Number.isInteger(attributes.start) || (end !== undefined && !Number.isInteger(end)))
    return failed("NOT_ADOPTABLE", "its start or end is not a whole number of seconds");
  if (end !== undefined && rrule !== undefined)
    return failed("NOT_ADOPTABLE", "it has both an end and a recurrence rule");
  if (end === undefined && (rrule === undefined || duration === undefined))
    return failed("NOT_ADOPTABLE", "it has neither an end nor a recurrence rule with a duration");
  const ruleProblems = rrule === undefined ? [] : rruleProblems(rrule);
  if (ruleProblems.length > 0)
    return failed("NOT_ADOPTABLE", `its recurrence rule ${rrule} is one slocc does not write: ${ruleProblems[0]}`);
  if (duration !== undefined && !(Number.isInteger(duration) && duration > 0))
    return failed("NOT_ADOPTABLE", `its duration of ${duration} s is not a whole number of seconds above 0`);
  const description = attributes.description?.trim();
  const timezone = attributes.timezone ?? "UTC";
  return succeeded({
    category,
    ...(description ? { description } : {}),
    start: formatIsoUtc(attributes.start),
    ...(end === undefined ? {} : { end: formatIsoUtc(end) }),
    ...optional("rrule", rrule),
    ...(duration === undefined ? {} : { duration: durationText(duration) }),
    ...(timezone === "UTC" ? {} : { timezone }),
    datadogId: id,
  });
}

/** Seconds in the largest unit that divides them: `2h`, `90m`, `45s`. */
function durationText(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
