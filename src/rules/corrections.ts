import { rruleProblems, unknownCategoryMessage } from "../datadog/corrections.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { CORRECTION_PARTS, correctionIdentity, identityKey } from "../model/corrections.js";
import type { Correction, Draft } from "../model/model.js";
import type { Position } from "../util/position.js";
import { closestMatch, didYouMean } from "../util/suggest.js";
import { isTimeZone, parseDateTime, timeZoneNames } from "../util/zoned-time.js";
import { nameProblems } from "./names.js";
import { byPosition, type Rule } from "./rule.js";

const EXAMPLE_TIME = "`2027-03-14T01:00:00-05:00`";

/**
 * Corrections Datadog would take: a known category and time zone, readable times (local ones with
 * a time zone), an end after the start, one-off (`end`) or recurring (`rrule` and `duration`), a
 * recurrence rule of the parts Datadog supports, a positive duration; and no two corrections of an
 * SLO with one identity (which names their Terraform resource).
 */
export const checkCorrections: Rule = (model) =>
  (model.services ?? []).flatMap((service) => [
    ...(service.corrections ?? []).flatMap(correctionProblems),
    ...(service.slos ?? []).flatMap((slo) => [
      ...(slo.corrections ?? []).filter((correction) => correction.scope === "slo").flatMap(correctionProblems),
      ...duplicateProblems(slo.corrections ?? []),
    ]),
  ]);

function correctionProblems(correction: Draft<Correction>): Diagnostic[] {
  const { written, at } = correction;
  if (written === undefined) return [];
  return [
    ...nameProblems("correction", correction.name, at.name),
    ...categoryProblems(written.category, correction.category !== undefined, at.category),
    ...timeZoneProblems(written.timezone, at.timezone),
    ...timeProblems("start", written.start, written.timezone, at.start),
    ...timeProblems("end", written.end, written.timezone, at.end),
    ...(correction.start !== undefined && correction.end !== undefined && correction.end <= correction.start
      ? [
          diagnostic(
            "CORRECTION_END",
            `the correction ends at ${written.end ?? ""}, not after its start ${written.start ?? ""}: write an end after the start`,
            at.end,
          ),
        ]
      : []),
    ...scheduleProblems(correction),
    ...(correction.rrule === undefined
      ? []
      : rruleProblems(correction.rrule).map((problem) => diagnostic("CORRECTION_RRULE", problem, at.rrule))),
    ...durationProblems(written.duration, correction.durationSeconds, at.duration),
  ];
}

function categoryProblems(written: string | undefined, known: boolean, at: Position): Diagnostic[] {
  if (written === undefined || known) return [];
  return [diagnostic("CORRECTION_CATEGORY", unknownCategoryMessage(written), at)];
}

function timeZoneProblems(written: string | undefined, at: Position): Diagnostic[] {
  if (written === undefined || isTimeZone(written)) return [];
  return [
    diagnostic(
      "CORRECTION_TIMEZONE",
      `${JSON.stringify(written)} is not an IANA time zone: write one such as \`America/New_York\` or \`UTC\`.` +
        didYouMean(written, timeZoneNames()),
      at,
    ),
  ];
}

function timeProblems(
  key: "start" | "end",
  written: string | undefined,
  timezone: string | undefined,
  at: Position,
): Diagnostic[] {
  if (written === undefined) return [];
  const time = parseDateTime(written);
  if (time === undefined) {
    return [
      diagnostic(
        "CORRECTION_TIME",
        `${JSON.stringify(written)} is not a date and time: write the ${key} in ISO 8601, such as ${EXAMPLE_TIME}, ` +
          "or as a local time such as `2027-03-14T01:00:00` with `timezone`",
        at,
      ),
    ];
  }
  if (time.offsetMinutes !== undefined || timezone !== undefined) return [];
  return [
    diagnostic(
      "CORRECTION_TIME",
      `${written} is a local time, and the correction names no \`timezone\`: add one (an IANA name such as ` +
        `\`America/New_York\`), or write the ${key} with its offset, such as ${EXAMPLE_TIME}`,
      at,
    ),
  ];
}

/** Whether `key` was written, or misspelled (already reported as an unknown key, so not also as missing). */
function wrote(keys: readonly string[], key: string): boolean {
  return keys.some(
    (written) =>
      written === key ||
      (!(CORRECTION_PARTS as readonly string[]).includes(written) && closestMatch(written, [key]) !== undefined),
  );
}

/** One-off (`end`) or recurring (`rrule` and `duration`), judged on the keys written. */
function scheduleProblems({ written, at }: Draft<Correction>): Diagnostic[] {
  const keys = written?.keys ?? [];
  const [end, rrule, duration] = ["end", "rrule", "duration"].map((key) => wrote(keys, key));
  if (end && rrule) {
    return [
      diagnostic(
        "CORRECTION_SCHEDULE",
        "a correction is one-off (`end`) or recurring (`rrule` and `duration`), not both: remove `end` or `rrule`",
        at.rrule,
      ),
    ];
  }
  if (!end && !rrule) {
    return [
      diagnostic(
        "CORRECTION_SCHEDULE",
        "give `end` for a one-off correction, or `rrule` and `duration` (such as `FREQ=WEEKLY` and `2h`) for a recurring one",
        at.self,
      ),
    ];
  }
  if (rrule && !duration) {
    return [
      diagnostic(
        "CORRECTION_SCHEDULE",
        "a recurring correction needs `duration`, how long each occurrence lasts, such as `2h`",
        at.rrule,
      ),
    ];
  }
  if (end && duration) {
    return [
      diagnostic(
        "CORRECTION_SCHEDULE",
        "`duration` belongs to a recurring correction (with `rrule`): a one-off correction ends at `end`; remove `duration`",
        at.duration,
      ),
    ];
  }
  return [];
}

function durationProblems(written: string | undefined, seconds: number | undefined, at: Position): Diagnostic[] {
  if (written === undefined || seconds === undefined || (Number.isInteger(seconds) && seconds > 0)) return [];
  return [
    diagnostic(
      "CORRECTION_DURATION",
      `each occurrence must last a positive whole number of seconds, not ${written}: write a duration such as \`30m\` or \`2h\``,
      at,
    ),
  ];
}

/** The later of two corrections of one SLO with the same identity: same name, or unnamed at the same times. */
function duplicateProblems(corrections: readonly Draft<Correction>[]): Diagnostic[] {
  const seen = new Map<string, Draft<Correction>>();
  const found: Diagnostic[] = [];
  for (const correction of byPosition(corrections)) {
    const identity = correctionIdentity(correction);
    if (identity === undefined) continue;
    const key = identityKey(identity);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, correction);
      continue;
    }
    const where = `${first.at.self.file}:${first.at.self.line}`;
    found.push(
      diagnostic(
        "DUPLICATE_CORRECTION",
        "name" in identity
          ? `another correction of this SLO is named "${identity.name}" (${where}): give each a name of its own`
          : `the correction at ${where} already applies at these times to this SLO: remove one, or name both`,
        "name" in identity ? correction.at.name : correction.at.self,
      ),
    );
  }
  return found;
}
