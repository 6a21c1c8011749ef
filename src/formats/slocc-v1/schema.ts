import { z } from "zod";
import type { DiagnosticCode } from "../../diagnostics/codes.js";
import { CORRECTION_CATEGORY_NAMES, unknownCategoryMessage } from "../../datadog/corrections.js";
import { MAX_SLO_MONITORS } from "../../datadog/targets.js";
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

/** Datadog SLO ids: 32 lowercase hexadecimal characters, as in the SLO's URL. */
export const SLO_ID_PATTERN = /^[0-9a-f]{32}$/;

/** Names of the queries of a time-slice formula, such as `query1`. */
export const QUERY_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

const RUNBOOK_PATTERN = /^https?:\/\/\S+$/;

/**
 * A string checked against a pattern: the refinement gives the diagnostic, the `pattern` the JSON
 * Schema (`slocc schema`), both from the same regular expression.
 */
function patterned(pattern: RegExp, code: DiagnosticCode, error: string) {
  return z
    .string()
    .refine((value) => pattern.test(value), coded(code, error))
    .meta({ pattern: pattern.source });
}

const text = z.string();
const tags = z.array(z.string());
const handles = z.array(z.string());
const duration = patterned(
  DURATION_PATTERN,
  "INVALID_DURATION",
  "write a duration as a whole number and a unit: `300ms`, `3s`, `1m`",
);
const percent = patterned(PERCENT_PATTERN, "INVALID_VALUE", "write a percentage such as `10%`");
const runbook = patterned(RUNBOOK_PATTERN, "INVALID_VALUE", "write the runbook as an http(s) URL");
const monitorId = z.int().positive();

export const windowV1 = z.enum(["7d", "30d", "90d"]);

export const objectiveV1 = z
  .strictObject({
    window: windowV1.describe("`7d`, `30d` or `90d` (rolling)"),
    target: z.number().describe("percent of good events (or good time), strictly between 0 and 100"),
    warning: z.number().optional().describe("a safety margin above the target, strictly between `target` and 100"),
  })
  .describe("a target over one window");

export const ratioSliV1 = z
  .strictObject({
    good: text.optional().describe("the good events query, such as `sum:requests{status:ok}.as_count()`"),
    bad: text.optional().describe("the bad events query, instead of `good`: good events are total minus bad"),
    total: text.describe("the total events query, such as `sum:requests{*}.as_count()`"),
  })
  .describe("good events over total events, from count or rate metrics with the `sum` aggregator");

export const latencySliV1 = z
  .strictObject({
    metric: patterned(
      /^[A-Za-z][A-Za-z0-9_.]*$/,
      "INVALID_VALUE",
      "write a metric name such as `trace.http.request`: letters, digits, `_` and `.`",
    ).describe("a percentile-enabled distribution metric, such as `trace.http.request`"),
    filter: z
      .string()
      .optional()
      .describe("the tag scope without braces, such as `service:web,env:prod` (default `*`)"),
    threshold: z
      .union([z.number().positive(), duration], {
        error: "write the threshold as a positive number in the metric's unit or a duration such as `300ms` or `3s`",
      })
      .describe("a number in the metric's unit, or a duration (`300ms`, `3s`, `1m`) converted to seconds"),
  })
  .describe("the share of requests at or under a threshold, from a percentile-enabled distribution metric");

export const namedQueryV1 = z
  .strictObject({
    name: patterned(
      QUERY_NAME_PATTERN,
      "INVALID_VALUE",
      "write a query name such as `query1`: a letter, then letters, digits or `_`",
    ).describe("the name the formula uses for this query, such as `query1`"),
    query: text.describe("a Datadog metric query, such as `sum:trace.grpc.server.hits{service:web}`"),
  })
  .describe("one named query of a time-slice formula");

export const timeSliceSliV1 = z
  .strictObject({
    query: text
      .optional()
      .describe("the metric query whose value is compared, such as `p99:trace.http.request{service:web}`"),
    formula: text
      .optional()
      .describe("instead of `query`: a formula over the named `queries`, such as `(query1-query2)/query1`"),
    queries: z
      .array(namedQueryV1)
      .min(1, { error: "list at least one named query, such as `- { name: query1, query: ... }`" })
      .optional()
      .describe("with `formula`: the named queries it combines, in order"),
    comparator: z.enum(["<", "<=", ">", ">="]).describe("how the value is compared with the threshold"),
    threshold: z.number().describe("the value a good time slice is compared with"),
    interval: z.enum(["1m", "5m"]).optional().describe("the length of a time slice (default `5m`)"),
  })
  .describe("the share of time slices in which a query (or a formula over named queries) meets a condition");

export const monitorsSliV1 = z
  .strictObject({
    ids: z
      .array(monitorId)
      .min(1, { error: "list at least one monitor id" })
      .max(MAX_SLO_MONITORS, { error: `Datadog allows at most ${MAX_SLO_MONITORS} monitors in one SLO: split it` })
      .describe(`1 to ${MAX_SLO_MONITORS} ids of existing Datadog monitors`),
    groups: z.array(z.string()).optional().describe("monitor groups, only with exactly one monitor"),
  })
  .describe("an SLO over existing Datadog monitors");

/** The measurement itself, written out: what an SLO or an SLI template says. */
export const sliBodyV1 = z
  .strictObject({
    ratio: ratioSliV1.optional(),
    latency: latencySliV1.optional(),
    timeSlice: timeSliceSliV1.optional(),
    monitors: monitorsSliV1.optional(),
  })
  .describe("exactly one of `ratio`, `latency`, `timeSlice`, `monitors`");

/** A value given to a template parameter or an environment variable. */
const substitution = z.union([z.string(), z.number()], { error: "write the value as text or a number" });

/** An SLO's SLI: written out, or made from a template with its parameters. */
export const sliV1 = sliBodyV1
  .extend({
    template: text.optional().describe("the name of an SLI template (built in, or declared in a templates file)"),
    params: z.record(z.string(), substitution).optional().describe("the template's parameters, by name"),
  })
  .describe("exactly one of `ratio`, `latency`, `timeSlice`, `monitors`, or `template` with its `params`");

/** Datadog SLO correction ids: a UUID, as the API lists them. */
export const CORRECTION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Who one alert notifies, by the state it is in: a list (every state), or each state's handles.
 * Recoveries go to whoever heard of the state recovered from, unless `recovery` lists them.
 */
export const alertNotifyV1 = z
  .union(
    [
      handles,
      z.strictObject({
        alert: handles.optional().describe("handles notified when the alert fires"),
        warning: handles.optional().describe("handles notified when it warns (with a warning threshold)"),
        recovery: handles
          .optional()
          .describe("handles notified of every recovery; by default each recovery goes to whoever heard of its state"),
      }),
    ],
    { error: "write a list of handles, or `{ alert: [...], warning: [...], recovery: [...] }`" },
  )
  .describe(
    "who this alert notifies, instead of the SLO's handles for its severity: a list, or handles by state (`alert`, `warning`, `recovery`)",
  );

export const notifyV1 = z
  .strictObject({
    page: handles.optional().describe("handles paged, such as `@pagerduty-card-platform`"),
    ticket: handles.optional().describe("handles of ticket alerts, such as `@slack-card-sre`"),
  })
  .describe("notification handles by alert severity");
export const severityV1 = z.enum(["page", "ticket"]);

const datadogMonitorId = monitorId.describe(
  "the id of the Datadog monitor this alert adopts: Terraform imports it instead of creating a new one",
);

export const burnRateTierV1 = z
  .strictObject({
    severity: severityV1.describe("`page` or `ticket`"),
    window: windowV1
      .optional()
      .describe("the SLO window the burn rate is measured against, one of the SLO's objectives (default: the primary)"),
    longWindow: duration.describe("whole hours from `1h` to `48h`"),
    shortWindow: duration
      .optional()
      .describe("whole minutes, shorter than the long window; default 1/12 of it (`1h` -> `5m`)"),
    factor: z.number().optional().describe("the burn rate, above 0 (or give `budgetConsumed`)"),
    budgetConsumed: percent
      .optional()
      .describe("the share of the window's budget spent in the long window when it fires, such as `2%`"),
    warning: z.number().optional().describe("a burn rate that warns first, above 0 and below the tier's factor"),
    notify: alertNotifyV1.optional(),
    datadogId: datadogMonitorId.optional(),
  })
  .describe("one multiwindow burn-rate alert");

/**
 * A correction's category: one of the names Datadog's categories are written with. Refused here,
 * so that the JSON Schema lists them (`enum`) and judges them as slocc does.
 */
const correctionCategory = z
  .string()
  .refine((value) => CORRECTION_CATEGORY_NAMES.includes(value), {
    error: (issue) => unknownCategoryMessage(String(issue.input)),
    params: { code: "CORRECTION_CATEGORY" },
  })
  .meta({ enum: [...CORRECTION_CATEGORY_NAMES] });

/**
 * A correction: time excluded from the error budget, once (`start` and `end`) or recurring (`start`,
 * `rrule` and `duration`). Times, zones and rules are read by the rules, which say what is wrong
 * with each.
 */
export const correctionV1 = z
  .strictObject({
    name: text.optional().describe("the correction's identity, written like an SLO's name; name corrections you edit"),
    category: correctionCategory.describe(
      "`scheduled-maintenance`, `outside-business-hours`, `deployment` or `other`: Datadog's correction categories",
    ),
    description: text.optional().describe("shown in Datadog"),
    start: text.describe(
      "when it starts, ISO 8601 to the minute or second: with an offset (`2027-03-14T01:00:00-05:00`), or a local time in `timezone`",
    ),
    end: text
      .optional()
      .describe("when a one-off correction ends, written like `start` and after it (or give `rrule`)"),
    rrule: text
      .optional()
      .describe(
        "instead of `end`: an RFC 5545 recurrence rule of the parts Datadog supports, `FREQ` (at most daily), `INTERVAL`, `COUNT`, `UNTIL`, such as `FREQ=WEEKLY`",
      ),
    duration: duration.optional().describe("with `rrule`: how long each occurrence lasts, such as `30m` or `2h`"),
    timezone: text
      .optional()
      .describe("an IANA time zone, such as `America/New_York`, for local times and the recurrence (default `UTC`)"),
    datadogId: patterned(
      CORRECTION_ID_PATTERN,
      "INVALID_VALUE",
      "write the id of the Datadog SLO correction, a UUID such as `fb76e0fa-bf7b-11ed-ba7e-da7ad0902002`",
    )
      .optional()
      .describe(
        "the id of the Datadog correction this one adopts, a UUID: Terraform imports it instead of creating a new one",
      ),
  })
  .describe(
    "planned work whose time is excluded from the error budget: once (`start`, `end`) or recurring (`start`, `rrule`, `duration`)",
  );

export const errorBudgetV1 = z
  .strictObject({
    warning: percent.optional().describe("the share of the budget spent that warns, below `critical`, such as `50%`"),
    critical: percent.describe("the share of the budget spent that alerts, such as `75%`"),
    window: windowV1
      .optional()
      .describe("the SLO window whose budget is watched, one of the SLO's objectives (default: the primary)"),
    notify: alertNotifyV1.optional(),
    datadogId: datadogMonitorId.optional(),
  })
  .describe("an alert on the share of the error budget already spent");

export const alertsV1 = z
  .strictObject({
    burnRate: z
      .union([z.literal("default"), z.literal("none"), z.array(burnRateTierV1)], {
        error:
          "write `default`, `none`, or a list of tiers such as `- { severity: page, longWindow: 1h, factor: 14.4 }`",
      })
      .optional()
      .describe("`default` (Datadog's recommended tiers for the primary window), `none`, or a list of tiers"),
    notify: notifyV1.optional().describe("handles for this SLO's alerts, replacing the service's per severity"),
    errorBudget: errorBudgetV1.optional(),
  })
  .describe("burn-rate tiers, routing and an error-budget alert; omitted means the default tiers");

export const sloV1 = z
  .strictObject({
    name: text.describe("the SLO's identity: lowercase letters, digits and single dashes, unique within the service"),
    displayName: text
      .optional()
      .describe("the SLO's name in Datadog, as written (default: `<service> <name>`); `name` stays its identity"),
    datadogId: patterned(
      SLO_ID_PATTERN,
      "INVALID_VALUE",
      "write the id of the Datadog SLO: 32 lowercase hexadecimal characters, as in the SLO's URL",
    )
      .optional()
      .describe("the id of the Datadog SLO this one adopts: Terraform imports it instead of creating a new SLO"),
    renamedFrom: text.optional().describe("the SLO's previous name: its Terraform state moves to the new name"),
    description: text.optional().describe("shown in Datadog"),
    tags: tags.optional().describe("tags for this SLO only"),
    runbook: runbook.optional().describe("an http(s) URL for this SLO's alerts, instead of the service's"),
    journey: z.string().optional().describe("the name of one of the service's `journeys` this SLO protects"),
    alerts: alertsV1.optional(),
    corrections: z.array(correctionV1).optional().describe("planned work excluded from this SLO's error budget"),
    sli: sliV1,
    objectives: z
      .array(objectiveV1)
      .min(1, { error: "give at least one objective, such as `{ window: 30d, target: 99.9 }`" })
      .max(3, { error: "give at most three objectives, one per window (7d, 30d, 90d)" })
      .describe("one to three objectives, one per window; the first is the primary window"),
  })
  .describe("one service level objective");

/** Availability of a dependency in percent, as published in its SLA, such as `99.95`. */
export const dependenciesV1 = z
  .record(z.string(), z.number())
  .describe("availability of each dependency in percent (its published SLA), such as `alb: 99.99`");

/** A dependency a journey crosses: a name, or a group of redundant ones of which any one suffices. */
export const dependencyRefV1 = z.union(
  [
    z.string(),
    z.strictObject({
      anyOf: z
        .array(z.string())
        .min(2, { error: "an anyOf group lists at least two redundant dependencies" })
        .describe("two or more redundant dependencies, any one of which suffices"),
    }),
  ],
  { error: "write a dependency name, or `{ anyOf: [a, b] }` for redundant ones" },
);

export const journeyV1 = z
  .strictObject({
    kind: z
      .enum(["user", "machine"])
      .describe("`user` (critical user journey) or `machine` (critical machine communication)"),
    description: text.optional().describe("what the journey is, in the business's words"),
    dependsOn: z
      .array(dependencyRefV1)
      .optional()
      .describe("the dependencies the journey crosses in series; `{ anyOf: [a, b] }` for redundant ones"),
  })
  .describe("a critical user journey or machine communication the SLOs protect");

export const reviewV1 = z
  .strictObject({
    every: patterned(
      CADENCE_PATTERN,
      "INVALID_VALUE",
      "write the cadence as a number and a unit: `6mo`, `2q`, `1y`",
    ).describe("how often the SLOs are reviewed: a number and a unit, `mo`, `q` or `y`, such as `2q`"),
    last: z
      .string()
      .refine((value) => isRealDate(value), coded("INVALID_VALUE", "write the date of the last review as YYYY-MM-DD"))
      .meta({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" })
      .describe("the day of the last review, YYYY-MM-DD"),
  })
  .describe("how often the service's SLOs are reviewed, and when they last were");

/**
 * A file of shared dependencies (such as a cloud provider's published SLAs) that every service's
 * journeys can name.
 */
export const catalogV1 = z
  .strictObject({
    apiVersion: z.literal(SPEC_V1).describe("always `slocc/v1`"),
    catalog: text.describe("the catalog's name"),
    description: text.optional().describe("free text for people reading the catalog"),
    dependencies: dependenciesV1,
  })
  .describe("a catalog of dependencies every service's journeys can name");

/**
 * One environment of a service: its own variables, routing, extra tags, and the objectives and
 * alerts it replaces for the SLOs it names.
 */
export const environmentV1 = z
  .strictObject({
    vars: z
      .record(z.string(), substitution)
      .optional()
      .describe("values for `{{name}}` placeholders, besides `env` (the environment's name)"),
    notify: notifyV1.optional().describe("the environment's routing, replacing the service's `notify`"),
    tags: tags.optional().describe("tags added to the service's in this environment, such as `region:eu-west-1`"),
    objectives: z
      .record(z.string(), sloV1.shape.objectives)
      .optional()
      .describe("by SLO name: the objectives that replace that SLO's in this environment"),
    alerts: z
      .record(z.string(), alertsV1)
      .optional()
      .describe("by SLO name: the alerts that replace that SLO's in this environment"),
  })
  .describe(
    "one environment of the service: its variables, routing, extra tags, and the objectives and alerts it replaces",
  );

/** A named SLI with `{{param}}` placeholders, used by SLOs with `sli: { template, params }`. */
export const templateV1 = z
  .strictObject({
    description: text.optional().describe("what the template measures, shown by `slocc templates`"),
    params: z
      .array(z.string())
      .optional()
      .describe("the names of its parameters, which SLOs give under `params` and `{{name}}` placeholders use"),
    // Checked where the template is used, once its placeholders are filled.
    sli: z
      .record(z.string(), z.unknown())
      .describe(
        "an SLI as an SLO writes it (`ratio`, `latency`, `timeSlice` or `monitors`), with `{{param}}` placeholders",
      ),
  })
  .describe("a named SLI with `{{param}}` placeholders");

/** A file of SLI templates that every service can use. */
export const templatesV1 = z
  .strictObject({
    apiVersion: z.literal(SPEC_V1).describe("always `slocc/v1`"),
    description: text.optional().describe("free text for people reading the templates"),
    templates: z
      .record(z.string(), templateV1)
      .describe("SLI templates by name, which SLOs use with `sli: { template, params }`"),
  })
  .describe("a file of SLI templates every service can use");

/** A service file. */
export const serviceV1 = z
  .strictObject({
    apiVersion: z.literal(SPEC_V1).describe("always `slocc/v1`"),
    service: text.describe(
      "the service's name: lowercase letters, digits and single dashes, unique across the directory; it names the Terraform stack",
    ),
    owner: text.describe("the owning team's handle, such as `card-sre`; tagged `team:<owner>`"),
    description: text.optional().describe("free text for people reading the spec"),
    tags: tags.optional().describe("tags added to every resource of the service, such as `env:prod`"),
    notify: notifyV1.optional(),
    runbook: runbook.optional().describe("an http(s) URL put in every alert message of the service"),
    dependencies: dependenciesV1.optional(),
    journeys: z.record(z.string(), journeyV1).optional().describe("the journeys the SLOs protect, by name"),
    review: reviewV1.optional(),
    approvers: handles.optional().describe('handles who approve changes besides the owner, such as `["@card-pdm"]`'),
    dashboard: z.boolean().optional().describe("`true` (the default) or `false`: a Datadog dashboard of the SLOs"),
    environments: z
      .record(z.string(), environmentV1)
      .optional()
      .describe(
        "the environments the service runs in, by name: each is one instance of its SLOs, in a stack of its own",
      ),
    corrections: z.array(correctionV1).optional().describe("planned work excluded from the error budget of every SLO"),
    slos: z.array(sloV1).min(1, { error: "declare at least one SLO under `slos`" }).describe("one or more SLOs"),
  })
  .describe("a service and its service level objectives");

export type ServiceV1 = z.infer<typeof serviceV1>;
export type CatalogV1 = z.infer<typeof catalogV1>;
export type SloV1 = z.infer<typeof sloV1>;
export type SliV1 = z.infer<typeof sliV1>;
export type SliBodyV1 = z.infer<typeof sliBodyV1>;
export type EnvironmentV1 = z.infer<typeof environmentV1>;
export type TemplatesV1 = z.infer<typeof templatesV1>;
export type AlertsV1 = z.infer<typeof alertsV1>;
export type BurnRateTierV1 = z.infer<typeof burnRateTierV1>;
export type ErrorBudgetV1 = z.infer<typeof errorBudgetV1>;
export type ObjectiveV1 = z.infer<typeof objectiveV1>;
export type NotifyV1 = z.infer<typeof notifyV1>;
export type AlertNotifyV1 = z.infer<typeof alertNotifyV1>;
export type JourneyV1 = z.infer<typeof journeyV1>;
export type CorrectionV1 = z.infer<typeof correctionV1>;
