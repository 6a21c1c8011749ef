import { createHash } from "node:crypto";
import { correctionCategory } from "../datadog/corrections.js";
import { epochSeconds, isTimeZone, parseDateTime } from "../util/zoned-time.js";
import type { Correction, Draft, WrittenCorrection } from "./model.js";
import { optional } from "../util/optional.js";

/** The parts of a correction a spec writes, each with its position. */
export const CORRECTION_PARTS = [
  "name",
  "category",
  "description",
  "start",
  "end",
  "rrule",
  "duration",
  "timezone",
  "datadogId",
] as const;

/** The time zone of a correction that names none, as Datadog stores it. */
export const DEFAULT_TIME_ZONE = "UTC";

/** What a spec says about one correction, as far as its shape could be read. */
export interface CorrectionRequest {
  readonly name?: string;
  readonly scope: "service" | "slo";
  readonly written: Draft<WrittenCorrection>;
  readonly description?: string;
  readonly rrule?: string;
  readonly durationSeconds?: number;
  readonly datadogId?: string;
  readonly at: Correction["at"];
}

/**
 * A correction resolved from what was written: its category as Datadog spells it, its start and
 * end as instants, its time zone. A part that cannot be resolved (an unknown category, a local
 * time without a time zone, an unknown zone) is left out of the draft; the rules say why.
 */
export function resolveCorrection(request: CorrectionRequest): Draft<Correction> {
  const { written } = request;
  const category = written.category === undefined ? undefined : correctionCategory(written.category);
  // A local time is read in the zone the correction names, never in the default: without one it is an error.
  const writtenZone = written.timezone !== undefined && isTimeZone(written.timezone) ? written.timezone : undefined;
  const timezone = written.timezone === undefined ? DEFAULT_TIME_ZONE : writtenZone;
  const instant = (text: string | undefined) => {
    const time = text === undefined ? undefined : parseDateTime(text);
    return time === undefined ? undefined : epochSeconds(time, writtenZone);
  };
  const start = instant(written.start);
  const end = instant(written.end);
  return {
    ...optional("name", request.name),
    scope: request.scope,
    written,
    ...optional("category", category),
    ...optional("description", request.description),
    ...optional("start", start),
    ...optional("end", end),
    ...optional("rrule", request.rrule),
    ...optional("durationSeconds", request.durationSeconds),
    ...optional("timezone", timezone),
    ...optional("datadogId", request.datadogId),
    at: request.at,
  };
}

/** What identifies a correction among those of its SLO. */
export type CorrectionIdentity = { readonly name: string } | { readonly digest: string };

/**
 * A correction's identity: its name, or else a digest of when it applies (start, end or
 * recurrence and duration, time zone), never of where it is written. So reordering corrections
 * changes nothing, a named one can change in place, and an unnamed one whose time changes is a
 * new correction. Undefined while its time cannot be read.
 */
export function correctionIdentity(correction: Correction): CorrectionIdentity;
export function correctionIdentity(correction: Draft<Correction>): CorrectionIdentity | undefined;
export function correctionIdentity(correction: Draft<Correction>): CorrectionIdentity | undefined {
  if (correction.name !== undefined) return { name: correction.name };
  const { start, end, rrule, durationSeconds, timezone } = correction;
  if (start === undefined || timezone === undefined) return undefined;
  const when = JSON.stringify([start, end ?? null, rrule ?? null, durationSeconds ?? null, timezone]);
  return { digest: createHash("sha256").update(when).digest("hex").slice(0, 8) };
}

/** The identity as one text, for comparing identities. */
export function identityKey(identity: CorrectionIdentity): string {
  return "name" in identity ? `name ${identity.name}` : `digest ${identity.digest}`;
}
