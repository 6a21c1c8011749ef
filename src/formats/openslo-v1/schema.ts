import { z } from "zod";
import type { DiagnosticCode } from "../../diagnostics/codes.js";

/**
 * OpenSLO `openslo/v1`: the shape of each of its seven kinds, as strict as the specification
 * (unknown keys are refused everywhere but in a metric source's `spec` and a data source's
 * `connectionDetails`, which hold whatever the source needs). What the shapes accept is mapped to
 * the model in ./to-model.ts, which refuses what Datadog cannot hold.
 */
export const OPENSLO_V1 = "openslo/v1";

/** The kinds of `openslo/v1`. */
export const KINDS = [
  "Service",
  "SLI",
  "SLO",
  "DataSource",
  "AlertPolicy",
  "AlertCondition",
  "AlertNotificationTarget",
] as const;

/** One of the kinds of `openslo/v1`. */
export type Kind = (typeof KINDS)[number];

/** OpenSLO's duration shorthand: a whole number and a unit (minutes, hours, days, weeks, months, quarters, years). */
export const DURATION_SHORTHAND = /^([1-9][0-9]*|0)([mhdwMQY])$/;

const coded = (code: DiagnosticCode, error: string) => ({ error, params: { code } });

const duration = z
  .string()
  .refine(
    (value) => DURATION_SHORTHAND.test(value),
    coded("INVALID_VALUE", "write an OpenSLO duration: a whole number and one of m, h, d, w, M, Q, Y, such as `30d`"),
  );

// OpenSLO's validators cap descriptions at 1050 characters; a longer one still means what it says, and is kept.
const description = z.string().optional();

const metadataV1 = z.strictObject({
  name: z.string(),
  displayName: z.string().optional(),
  labels: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

const operatorV1 = z.enum(["lt", "lte", "gt", "gte"]);

const metricSource = z.strictObject({
  metricSourceRef: z.string().optional(),
  type: z.string().optional(),
  spec: z.record(z.string(), z.unknown()),
});

const metric = z.strictObject({ metricSource });

const ratioMetric = z.strictObject({
  counter: z.boolean().optional(),
  good: metric.optional(),
  bad: metric.optional(),
  total: metric.optional(),
  rawType: z.enum(["success", "failure"]).optional(),
  raw: metric.optional(),
});

const sliSpecV1 = z.strictObject({
  description,
  thresholdMetric: metric.optional(),
  ratioMetric: ratioMetric.optional(),
});

const inlineIndicator = z.strictObject({ metadata: metadataV1, spec: sliSpecV1 });

const objectiveV1 = z.strictObject({
  displayName: z.string().optional(),
  op: operatorV1.optional(),
  value: z.number().optional(),
  target: z.number().optional(),
  targetPercent: z.number().optional(),
  timeSliceTarget: z.number().optional(),
  timeSliceWindow: duration.optional(),
  indicator: inlineIndicator.optional(),
  indicatorRef: z.string().optional(),
  compositeWeight: z.number().optional(),
});

const timeWindowV1 = z.strictObject({
  duration,
  isRolling: z.boolean().optional(),
  calendar: z.strictObject({ startTime: z.string(), timeZone: z.string() }).optional(),
});

const alertConditionSpecV1 = z.strictObject({
  description,
  severity: z.string(),
  condition: z.strictObject({
    kind: z.literal("burnrate").optional(),
    op: operatorV1,
    threshold: z.number(),
    lookbackWindow: duration,
    alertAfter: duration.optional(),
  }),
});

const notificationTargetSpecV1 = z.strictObject({ target: z.string(), description });

/** A list item that is either a reference (`<ref>: name`) or the object inline (`kind`, `metadata`, `spec`). */
function refOrInline<Ref extends string, K extends Kind, Spec extends z.ZodType>(ref: Ref, kind: K, spec: Spec) {
  return z.strictObject({
    ...({ [ref]: z.string().optional() } as Record<Ref, z.ZodOptional<z.ZodString>>),
    kind: z.literal(kind).optional(),
    metadata: metadataV1.optional(),
    spec: spec.optional(),
  });
}

const alertPolicySpecV1 = z.strictObject({
  description,
  alertWhenNoData: z.boolean().optional(),
  alertWhenResolved: z.boolean().optional(),
  alertWhenBreaching: z.boolean().optional(),
  conditions: z
    .array(refOrInline("conditionRef", "AlertCondition", alertConditionSpecV1))
    .length(1, { error: "an OpenSLO AlertPolicy holds exactly one condition: write one policy per condition" }),
  notificationTargets: z
    .array(refOrInline("targetRef", "AlertNotificationTarget", notificationTargetSpecV1))
    .min(1, { error: "an OpenSLO AlertPolicy names at least one notification target" }),
});

const sloSpecV1 = z.strictObject({
  description,
  service: z.string(),
  indicator: inlineIndicator.optional(),
  indicatorRef: z.string().optional(),
  timeWindow: z.array(timeWindowV1).length(1, { error: "an OpenSLO SLO has exactly one time window" }).optional(),
  // Required by OpenSLO, yet left out by its own README's example: slocc infers it from the SLI, with a warning.
  budgetingMethod: z.enum(["Occurrences", "Timeslices", "RatioTimeslices"]).optional(),
  objectives: z.array(objectiveV1).min(1, { error: "give the SLO one objective, such as `- targetPercent: 99.9`" }),
  alertPolicies: z
    .array(refOrInline("alertPolicyRef", "AlertPolicy", alertPolicySpecV1))
    .nullable()
    .optional(),
});

const dataSourceSpecV1 = z.strictObject({
  description,
  type: z.string(),
  connectionDetails: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())], {
    error: "write the connection details as a mapping or a list",
  }),
});

function objectOf<K extends Kind, Spec extends z.ZodType>(kind: K, spec: Spec) {
  return z.strictObject({ apiVersion: z.literal(OPENSLO_V1), kind: z.literal(kind), metadata: metadataV1, spec });
}

/** The schema of a whole object, by kind. */
export const OBJECT_SCHEMAS = {
  Service: objectOf("Service", z.strictObject({ description })),
  SLI: objectOf("SLI", sliSpecV1),
  SLO: objectOf("SLO", sloSpecV1),
  DataSource: objectOf("DataSource", dataSourceSpecV1),
  AlertPolicy: objectOf("AlertPolicy", alertPolicySpecV1),
  AlertCondition: objectOf("AlertCondition", alertConditionSpecV1),
  AlertNotificationTarget: objectOf("AlertNotificationTarget", notificationTargetSpecV1),
} as const satisfies Record<Kind, z.ZodType>;

/** The data of an object of each kind, as its schema reads it. */
export type ObjectData = { readonly [K in Kind]: z.infer<(typeof OBJECT_SCHEMAS)[K]> };

/** The spec of an SLI, inline in an SLO or an SLI object of its own. */
export type SliSpecV1 = z.infer<typeof sliSpecV1>;
