import { z } from "zod";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";

/**
 * What slocc reads of the Datadog API's answers (v1 SLOs, monitors and SLO corrections), checked for shape. Every
 * object keeps the keys it is not read for, so they can be reported; numbers may come as integers
 * or floats (`99` and `99.0`), and keys the API sometimes leaves out are optional.
 */

const thresholdShape = z.looseObject({
  timeframe: z.string(),
  target: z.number(),
  warning: z.number().nullish(),
});

const namedQueryShape = z.looseObject({
  name: z.string(),
  query: z.string(),
  data_source: z.string().nullish(),
});

const timeSliceShape = z.looseObject({
  comparator: z.string(),
  threshold: z.number(),
  query_interval_seconds: z.number().nullish(),
  query: z.looseObject({
    formulas: z.array(z.looseObject({ formula: z.string() })),
    queries: z.array(namedQueryShape),
  }),
});

/** An SLO as `GET /api/v1/slo` and `GET /api/v1/slo/{id}` return it. */
export const sloShape = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  description: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  thresholds: z.array(thresholdShape),
  timeframe: z.string().nullish(),
  target_threshold: z.number().nullish(),
  warning_threshold: z.number().nullish(),
  query: z.looseObject({ numerator: z.string(), denominator: z.string() }).nullish(),
  monitor_ids: z.array(z.number()).nullish(),
  groups: z.array(z.string()).nullish(),
  /** `time_slice` for time-slice SLOs; `count` is what today's API adds to every metric SLO. */
  sli_specification: z.looseObject({ time_slice: timeSliceShape.nullish(), count: z.unknown() }).nullish(),
  /** Only with `with_configured_alert_ids=true`: the SLO alerts that watch this SLO. */
  configured_alert_ids: z.array(z.number()).nullish(),
});

/** A monitor as `GET /api/v1/monitor` and `GET /api/v1/monitor/{id}` return it. */
export const monitorShape = z.looseObject({
  id: z.number(),
  type: z.string(),
  name: z.string(),
  message: z.string().nullish(),
  query: z.string(),
  tags: z.array(z.string()).nullish(),
  priority: z.number().nullish(),
  options: z
    .looseObject({
      thresholds: z.looseObject({ critical: z.number().nullish(), warning: z.number().nullish() }).nullish(),
    })
    .nullish(),
});

/** An SLO correction as `GET /api/v1/slo/correction` lists it. */
export const correctionShape = z.looseObject({
  id: z.string(),
  attributes: z.looseObject({
    /** Absent for a correction that applies to an SLO query rather than to one SLO. */
    slo_id: z.string().nullish(),
    category: z.string(),
    description: z.string().nullish(),
    start: z.number(),
    end: z.number().nullish(),
    rrule: z.string().nullish(),
    duration: z.number().nullish(),
    timezone: z.string().nullish(),
  }),
});

export type DatadogSlo = z.infer<typeof sloShape>;
export type DatadogCorrection = z.infer<typeof correctionShape>;
export type DatadogMonitor = z.infer<typeof monitorShape>;
export type DatadogTimeSlice = z.infer<typeof timeSliceShape>;

/**
 * Reads one object of an answer: the typed object, or a `DATADOG_REQUEST` problem saying what
 * makes it unreadable (`Datadog's answer for it has an unexpected shape (thresholds.0.target: ...)`).
 */
export function readObject<T>(shape: z.ZodType<T>, raw: unknown): Outcome<T> {
  const parsed = shape.safeParse(raw);
  if (parsed.success) return succeeded(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return failed(
    "DATADOG_REQUEST",
    `Datadog's answer for it has an unexpected shape (${where}${issue?.message ?? "unexpected shape"})`,
  );
}

/** The `id` of an object of an answer, as text, when it has one (even when the rest is unreadable). */
export function objectId(raw: unknown): string | undefined {
  const id = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}
