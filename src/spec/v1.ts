import { z } from "zod";
import type { DiagnosticCode } from "../diagnostics/codes.js";

/**
 * Spec format `slocc/v1`: what a service file may say. These types describe the YAML as written;
 * the compiler maps them to its own model (src/model), so the format can evolve by version.
 */
export const SPEC_V1 = "slocc/v1";

/** Names of services and SLOs: lowercase words joined by single dashes, at most 63 characters. */
export const NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_NAME_LENGTH = 63;
/** Durations: a whole number and a unit. */
export const DURATION_PATTERN = /^(\d+)(ms|s|m|h|d)$/;

const coded = (code: DiagnosticCode, error: string) => ({ error, params: { code } });

const name = z
  .string()
  .refine((value) => NAME_PATTERN.test(value), coded("INVALID_NAME", "use lowercase letters, digits and single dashes, such as `repayment-availability`"))
  .refine((value) => value.length <= MAX_NAME_LENGTH, coded("INVALID_NAME", `shorten the name to at most ${MAX_NAME_LENGTH} characters`));

const owner = z
  .string()
  .refine((value) => /^[a-z0-9][a-z0-9._-]*$/.test(value) && value.length <= 100, coded("INVALID_NAME", "write the owner as a team handle such as `card-sre`: lowercase letters, digits, `.`, `_` or `-`"));

const text = z.string();
const query = z.string().refine((value) => value.trim().length > 0, coded("INVALID_VALUE", "write a Datadog metric query here; it is empty"));
const tags = z.array(z.string());
const duration = z.string().refine((value) => DURATION_PATTERN.test(value), coded("INVALID_DURATION", "write a duration as a whole number and a unit: `300ms`, `3s`, `1m`"));


export const windowV1 = z.enum(["7d", "30d", "90d"]);

export const objectiveV1 = z.strictObject({
  window: windowV1,
  target: z.number(),
  warning: z.number().optional(),
});

export const ratioSliV1 = z.strictObject({
  good: query.optional(),
  bad: query.optional(),
  total: query,
});


export const latencySliV1 = z.strictObject({
  metric: z
    .string()
    .refine((value) => /^[A-Za-z][A-Za-z0-9_.]*$/.test(value), coded("INVALID_VALUE", "write a metric name such as `trace.http.request`: letters, digits, `_` and `.`")),
  filter: z.string().optional(),
  threshold: z.union([z.number().positive(), duration], { error: "write the threshold as a positive number in the metric's unit or a duration such as `300ms` or `3s`" }),
});

export const timeSliceSliV1 = z.strictObject({
  query,
  comparator: z.enum(["<", "<=", ">", ">="]),
  threshold: z.number(),
  interval: z.enum(["1m", "5m"]).optional(),
});

export const monitorsSliV1 = z.strictObject({
  ids: z
    .array(z.int().positive())
    .min(1, { error: "list at least one monitor id" })
    .max(20, { error: "Datadog allows at most 20 monitors in one SLO: split it" }),
  groups: z.array(z.string()).optional(),
});

export const sliV1 = z.strictObject({
  ratio: ratioSliV1.optional(),
  latency: latencySliV1.optional(),
  timeSlice: timeSliceSliV1.optional(),
  monitors: monitorsSliV1.optional(),
});

/** Percentages written with a sign, such as `10%`, so a fraction is never mistaken for a percent. */
export const PERCENT_PATTERN = /^(\d+(\.\d+)?)%$/;
const percent = z.string().refine((value) => PERCENT_PATTERN.test(value), coded("INVALID_VALUE", "write a percentage such as `10%`"));

const handles = z.array(z.string());
export const notifyV1 = z.strictObject({ page: handles.optional(), ticket: handles.optional() });
export const severityV1 = z.enum(["page", "ticket"]);

export const burnRateTierV1 = z.strictObject({
  severity: severityV1,
  window: windowV1.optional(),
  longWindow: duration,
  shortWindow: duration.optional(),
  factor: z.number().optional(),
  budgetConsumed: percent.optional(),
});

export const alertsV1 = z.strictObject({
  burnRate: z.union([z.literal("default"), z.literal("none"), z.array(burnRateTierV1)], {
    error: "write `default`, `none`, or a list of tiers such as `- { severity: page, longWindow: 1h, factor: 14.4 }`",
  }).optional(),
  notify: notifyV1.optional(),
  errorBudget: z.strictObject({ warning: percent.optional(), critical: percent }).optional(),
});

const runbook = z.string().refine((value) => /^https?:\/\/\S+$/.test(value), coded("INVALID_VALUE", "write the runbook as an http(s) URL"));

export const sloV1 = z.strictObject({
  name,
  renamedFrom: name.optional(),
  description: text.optional(),
  tags: tags.optional(),
  runbook: runbook.optional(),
  journey: z.string().optional(),
  alerts: alertsV1.optional(),
  sli: sliV1,
  objectives: z
    .array(objectiveV1)
    .min(1, { error: "give at least one objective, such as `{ window: 30d, target: 99.9 }`" })
    .max(3, { error: "give at most three objectives, one per window (7d, 30d, 90d)" }),
});

/** Availability of a dependency in percent, as published in its SLA, such as `99.95`. */
const availability = z.number();
export const dependenciesV1 = z.record(z.string(), availability);

/** A dependency a journey crosses: a name, or a group of redundant ones of which any one suffices. */
export const dependencyRefV1 = z.union([z.string(), z.strictObject({ anyOf: z.array(z.string()).min(2, { error: "an anyOf group lists at least two redundant dependencies" }) })], {
  error: "write a dependency name, or `{ anyOf: [a, b] }` for redundant ones",
});

export const journeyV1 = z.strictObject({
  kind: z.enum(["user", "machine"]),
  description: text.optional(),
  dependsOn: z.array(dependencyRefV1).optional(),
});

/** Review cadence: a whole number of months (`mo`), quarters (`q`) or years (`y`). */
export const CADENCE_PATTERN = /^([1-9]\d*)(mo|q|y)$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const reviewV1 = z.strictObject({
  every: z.string().refine((value) => CADENCE_PATTERN.test(value), coded("INVALID_VALUE", "write the cadence as a number and a unit: `6mo`, `2q`, `1y`")),
  last: z.string().refine((value) => DATE_PATTERN.test(value) && isRealDate(value), coded("INVALID_VALUE", "write the date of the last review as YYYY-MM-DD")),
});

/** Whether `YYYY-MM-DD` names a day that exists. */
export function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * A file of shared dependencies (such as a cloud provider's published SLAs) that every service's
 * journeys can name.
 */
export const catalogV1 = z.strictObject({
  apiVersion: z.literal(SPEC_V1),
  catalog: name,
  description: text.optional(),
  dependencies: dependenciesV1,
});

/**
 * A service file. `slos` entries are checked one by one against {@link sloV1}, so that a mistake in
 * one SLO does not hide the problems of the others.
 */
export const serviceV1 = z.strictObject({
  apiVersion: z.literal(SPEC_V1),
  service: name,
  owner,
  description: text.optional(),
  tags: tags.optional(),
  notify: notifyV1.optional(),
  runbook: runbook.optional(),
  dependencies: dependenciesV1.optional(),
  journeys: z.record(z.string(), journeyV1).optional(),
  review: reviewV1.optional(),
  approvers: handles.optional(),
  dashboard: z.boolean().optional(),
  slos: z.array(z.unknown()).min(1, { error: "declare at least one SLO under `slos`" }),
});

export type ObjectiveV1 = z.infer<typeof objectiveV1>;
export type SliV1 = z.infer<typeof sliV1>;
export type AlertsV1 = z.infer<typeof alertsV1>;
export type BurnRateTierV1 = z.infer<typeof burnRateTierV1>;
export type NotifyV1 = z.infer<typeof notifyV1>;
export type CatalogV1 = z.infer<typeof catalogV1>;
export type JourneyV1 = z.infer<typeof journeyV1>;
export type DependencyRefV1 = z.infer<typeof dependencyRefV1>;
export type SloV1 = z.infer<typeof sloV1>;
export type ServiceV1 = Omit<z.infer<typeof serviceV1>, "slos"> & { slos: SloV1[] };
