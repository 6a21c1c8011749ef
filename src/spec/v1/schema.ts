import { z } from "zod";
import type { DiagnosticCode } from "../../diagnostics/codes.js";
import { CADENCE_PATTERN } from "../../model/cadence.js";
import { isRealDate } from "../../util/dates.js";

/**
 * Spec format `slocc/v1`: the shape of what a service file may say. Values that have the right
 * shape are mapped to the model (./to-model.ts), where the rules judge them; only what cannot be
 * read at all (a wrong type, an unknown window, a duration that is not one) is refused here.
 */
export const SPEC_V1 = "slocc/v1";

/** Durations: a whole number and a unit. */
export const DURATION_PATTERN = /^(\d+)(ms|s|m|h|d)$/;

/** Percentages written with a sign, such as `10%`, so a fraction is never mistaken for a percent. */
export const PERCENT_PATTERN = /^(\d+(\.\d+)?)%$/;

const coded = (code: DiagnosticCode, error: string) => ({ error, params: { code } });

const text = z.string();
const tags = z.array(z.string());
const handles = z.array(z.string());
const duration = z
  .string()
  .refine(
    (value) => DURATION_PATTERN.test(value),
    coded("INVALID_DURATION", "write a duration as a whole number and a unit: `300ms`, `3s`, `1m`"),
  );
const percent = z
  .string()
  .refine((value) => PERCENT_PATTERN.test(value), coded("INVALID_VALUE", "write a percentage such as `10%`"));
const runbook = z
  .string()
  .refine((value) => /^https?:\/\/\S+$/.test(value), coded("INVALID_VALUE", "write the runbook as an http(s) URL"));

export const windowV1 = z.enum(["7d", "30d", "90d"]);

export const objectiveV1 = z.strictObject({
  window: windowV1,
  target: z.number(),
  warning: z.number().optional(),
});

export const ratioSliV1 = z.strictObject({
  good: text.optional(),
  bad: text.optional(),
  total: text,
});

export const latencySliV1 = z.strictObject({
  metric: z
    .string()
    .refine(
      (value) => /^[A-Za-z][A-Za-z0-9_.]*$/.test(value),
      coded("INVALID_VALUE", "write a metric name such as `trace.http.request`: letters, digits, `_` and `.`"),
    ),
  filter: z.string().optional(),
  threshold: z.union([z.number().positive(), duration], {
    error: "write the threshold as a positive number in the metric's unit or a duration such as `300ms` or `3s`",
  }),
});

export const timeSliceSliV1 = z.strictObject({
  query: text,
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

/** The measurement itself, written out: what an SLO or an SLI template says. */
export const sliBodyV1 = z.strictObject({
  ratio: ratioSliV1.optional(),
  latency: latencySliV1.optional(),
  timeSlice: timeSliceSliV1.optional(),
  monitors: monitorsSliV1.optional(),
});

/** A value given to a template parameter or an environment variable. */
const substitution = z.union([z.string(), z.number()], { error: "write the value as text or a number" });

/** An SLO's SLI: written out, or made from a template with its parameters. */
export const sliV1 = sliBodyV1.extend({
  template: text.optional(),
  params: z.record(z.string(), substitution).optional(),
});

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
  burnRate: z
    .union([z.literal("default"), z.literal("none"), z.array(burnRateTierV1)], {
      error: "write `default`, `none`, or a list of tiers such as `- { severity: page, longWindow: 1h, factor: 14.4 }`",
    })
    .optional(),
  notify: notifyV1.optional(),
  errorBudget: z.strictObject({ warning: percent.optional(), critical: percent }).optional(),
});

/**
 * A correction: time excluded from the error budget, once (`start` and `end`) or recurring (`start`,
 * `rrule` and `duration`). Times, zones, categories and rules are read by the rules, which say
 * what is wrong with each.
 */
export const correctionV1 = z.strictObject({
  name: text.optional(),
  category: text,
  description: text.optional(),
  start: text,
  end: text.optional(),
  rrule: text.optional(),
  duration: duration.optional(),
  timezone: text.optional(),
});

export const sloV1 = z.strictObject({
  name: text,
  renamedFrom: text.optional(),
  description: text.optional(),
  tags: tags.optional(),
  runbook: runbook.optional(),
  journey: z.string().optional(),
  alerts: alertsV1.optional(),
  corrections: z.array(correctionV1).optional(),
  sli: sliV1,
  objectives: z
    .array(objectiveV1)
    .min(1, { error: "give at least one objective, such as `{ window: 30d, target: 99.9 }`" })
    .max(3, { error: "give at most three objectives, one per window (7d, 30d, 90d)" }),
});

/** Availability of a dependency in percent, as published in its SLA, such as `99.95`. */
export const dependenciesV1 = z.record(z.string(), z.number());

/** A dependency a journey crosses: a name, or a group of redundant ones of which any one suffices. */
export const dependencyRefV1 = z.union(
  [
    z.string(),
    z.strictObject({
      anyOf: z.array(z.string()).min(2, { error: "an anyOf group lists at least two redundant dependencies" }),
    }),
  ],
  { error: "write a dependency name, or `{ anyOf: [a, b] }` for redundant ones" },
);

export const journeyV1 = z.strictObject({
  kind: z.enum(["user", "machine"]),
  description: text.optional(),
  dependsOn: z.array(dependencyRefV1).optional(),
});

export const reviewV1 = z.strictObject({
  every: z
    .string()
    .refine(
      (value) => CADENCE_PATTERN.test(value),
      coded("INVALID_VALUE", "write the cadence as a number and a unit: `6mo`, `2q`, `1y`"),
    ),
  last: z
    .string()
    .refine((value) => isRealDate(value), coded("INVALID_VALUE", "write the date of the last review as YYYY-MM-DD")),
});

/**
 * A file of shared dependencies (such as a cloud provider's published SLAs) that every service's
 * journeys can name.
 */
export const catalogV1 = z.strictObject({
  apiVersion: z.literal(SPEC_V1),
  catalog: text,
  description: text.optional(),
  dependencies: dependenciesV1,
});

/**
 * One environment of a service: its own variables, routing, extra tags, and the objectives and
 * alerts it replaces for the SLOs it names.
 */
export const environmentV1 = z.strictObject({
  vars: z.record(z.string(), substitution).optional(),
  notify: notifyV1.optional(),
  tags: tags.optional(),
  objectives: z.record(z.string(), sloV1.shape.objectives).optional(),
  alerts: z.record(z.string(), alertsV1).optional(),
});

/** A named SLI with `{{param}}` placeholders, used by SLOs with `sli: { template, params }`. */
export const templateV1 = z.strictObject({
  description: text.optional(),
  params: z.array(z.string()).optional(),
  // Checked where the template is used, once its placeholders are filled.
  sli: z.record(z.string(), z.unknown()),
});

/** A file of SLI templates that every service can use. */
export const templatesV1 = z.strictObject({
  apiVersion: z.literal(SPEC_V1),
  description: text.optional(),
  templates: z.record(z.string(), templateV1),
});

/** A service file. */
export const serviceV1 = z.strictObject({
  apiVersion: z.literal(SPEC_V1),
  service: text,
  owner: text,
  description: text.optional(),
  tags: tags.optional(),
  notify: notifyV1.optional(),
  runbook: runbook.optional(),
  dependencies: dependenciesV1.optional(),
  journeys: z.record(z.string(), journeyV1).optional(),
  review: reviewV1.optional(),
  approvers: handles.optional(),
  dashboard: z.boolean().optional(),
  environments: z.record(z.string(), environmentV1).optional(),
  corrections: z.array(correctionV1).optional(),
  slos: z.array(sloV1).min(1, { error: "declare at least one SLO under `slos`" }),
});

export type ServiceV1 = z.infer<typeof serviceV1>;
export type CatalogV1 = z.infer<typeof catalogV1>;
export type SloV1 = z.infer<typeof sloV1>;
export type SliV1 = z.infer<typeof sliV1>;
export type SliBodyV1 = z.infer<typeof sliBodyV1>;
export type EnvironmentV1 = z.infer<typeof environmentV1>;
export type TemplatesV1 = z.infer<typeof templatesV1>;
export type AlertsV1 = z.infer<typeof alertsV1>;
export type NotifyV1 = z.infer<typeof notifyV1>;
export type JourneyV1 = z.infer<typeof journeyV1>;
export type CorrectionV1 = z.infer<typeof correctionV1>;
