import fc from "fast-check";
import { stringify } from "yaml";
import { storedFormByTheRules } from "./tag-rules.js";

/**
 * Generators of valid `slocc/v1` service specs, as the plain data a YAML file holds. Every spec they
 * produce must compile without an error; free texts carry hostile fragments (template sigils,
 * quotes, backslashes, unicode) that must reach Datadog exactly as written.
 */

/** An SLO window. */
export type WindowSpec = "7d" | "30d" | "90d";

/** One objective of an SLO. */
export interface ObjectiveSpec {
  readonly window: WindowSpec;
  readonly target: number;
  readonly warning?: number;
}

/** The four SLI kinds, one key each. */
export type SliSpec =
  | {
      readonly ratio:
        { readonly good: string; readonly total: string } | { readonly bad: string; readonly total: string };
    }
  | { readonly latency: { readonly metric: string; readonly filter?: string; readonly threshold: number | string } }
  | {
      readonly timeSlice: {
        readonly query: string;
        readonly comparator: "<" | "<=" | ">" | ">=";
        readonly threshold: number;
        readonly interval?: "1m" | "5m";
      };
    }
  | { readonly monitors: { readonly ids: readonly number[]; readonly groups?: readonly string[] } };

/** Notification handles by severity. */
export interface NotifySpec {
  readonly page?: readonly string[];
  readonly ticket?: readonly string[];
}

/** A custom burn-rate tier. */
export interface TierSpec {
  readonly severity: "page" | "ticket";
  readonly window?: WindowSpec;
  readonly longWindow: string;
  readonly shortWindow?: string;
  readonly factor?: number;
  readonly budgetConsumed?: string;
}

/** The alerting options of an SLO. */
export interface AlertsSpec {
  readonly burnRate?: "default" | "none" | readonly TierSpec[];
  readonly notify?: NotifySpec;
  readonly errorBudget?: { readonly warning?: string; readonly critical: string };
}

/** A correction: one-off (`end`) or recurring (`rrule` and `duration`). */
export interface CorrectionSpec {
  readonly name?: string;
  readonly category: string;
  readonly description?: string;
  readonly start: string;
  readonly end?: string;
  readonly rrule?: string;
  readonly duration?: string;
  readonly timezone?: string;
}

/** One SLO entry. */
export interface SloSpec {
  readonly name: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly runbook?: string;
  readonly alerts?: AlertsSpec;
  readonly corrections?: readonly CorrectionSpec[];
  readonly sli: SliSpec;
  readonly objectives: readonly ObjectiveSpec[];
}

/** A whole service file. */
export interface ServiceSpec {
  readonly apiVersion: "slocc/v1";
  readonly service: string;
  readonly owner: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly notify?: NotifySpec;
  readonly runbook?: string;
  readonly corrections?: readonly CorrectionSpec[];
  readonly slos: readonly SloSpec[];
}

const WINDOWS: readonly WindowSpec[] = ["7d", "30d", "90d"];

/** Texts that Terraform or Datadog would read specially if they were not escaped or quoted right. */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '${file("/etc/passwd")}',
  "%{ if true }leak%{ endif }",
  "$${already escaped}",
  "%%{already escaped}",
  "${",
  "%{",
  "$",
  "%",
  '"',
  "'",
  "\\",
  "\\n",
  "{{#is_alert}}@pagerduty{{/is_alert}}",
  "é",
  "✓",
  "😀",
  "\n",
  "\t",
  "  ",
  ": ",
  "# not a comment",
];

/** Free text mixing hostile fragments with random printable and unicode text. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.constantFrom(...HOSTILE_FRAGMENTS),
      fc.string({ maxLength: 10 }),
      fc.string({ unit: "binary", maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(""));

const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);

/** Service and SLO names: dash-joined lowercase words, sometimes exactly 63 characters long. */
export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join("-")) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{63}$/) },
);

const owner = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,20}$/);

/** Keys slocc sets itself: a spec's tags never use them. */
const SLOCC_KEYS = ["service", "team", "slo", "managed-by", "journey", "journey-kind", "severity"];

/**
 * Tags: mostly in Datadog's stored form, some that Datadog rewrites (capitals, spaces, runs of `_`,
 * letters beyond ASCII: a warning, never an error); none with a key slocc sets.
 */
const tag = fc
  .oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.stringMatching(/^[a-z][a-z0-9_./-]{0,10}$/), fc.stringMatching(/^[a-z0-9_./-]{1,10}$/))
        .map(([key, value]) => `${key}:${value}`),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom("a", "Env", "Région", "Ōsaka", "İl"),
          fc.string({
            unit: fc.constantFrom("A", "b", " ", "é", "Σ", "✓", ":", "/", "_", "__", "!", "0", "٣", "-"),
            maxLength: 12,
          }),
        )
        .map(([head, rest]) => head + rest),
    },
  )
  .filter((written) => !SLOCC_KEYS.includes(storedFormByTheRules(written).split(":")[0] ?? ""));
const tags = fc.array(tag, { maxLength: 8 });

const metric = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}(\.[a-z][a-z0-9_]{0,10}){0,2}$/);
const tagScope = fc
  .array(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}:[a-z0-9_.-]{1,8}$/), { minLength: 1, maxLength: 3 })
  .map((list) => list.join(","));
/** Query scopes, some with balanced template sigils, quotes and backslashes. */
const scope = fc.oneof(
  fc.constant("*"),
  tagScope,
  fc.constantFrom(
    'service:${file("/etc/passwd")}',
    "env:%{ if true }x%{ endif }",
    "name:$${x}",
    "path:a\\b",
    'q:"quoted, with comma"',
    "u:é✓",
  ),
);
const countQuery = fc.tuple(metric, scope).map(([m, s]) => `sum:${m}{${s}}.as_count()`);

const ratio = fc.oneof(
  fc.record({ good: countQuery, total: countQuery }),
  fc.record({ bad: countQuery, total: countQuery }),
);

const duration = fc
  .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom("ms", "s", "m", "h", "d"))
  .map(([n, unit]) => `${n}${unit}`);
const positiveNumber = fc.oneof(
  fc.integer({ min: 1, max: 100_000 }),
  fc.double({ min: 0.001, max: 100_000, noNaN: true, noDefaultInfinity: true }),
);

const latency = fc.record(
  {
    metric: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.]{0,20}$/),
    filter: fc.oneof(fc.constant("*"), tagScope),
    threshold: fc.oneof(positiveNumber, duration),
  },
  { requiredKeys: ["metric", "threshold"] },
);

const timeSlice = fc.record(
  {
    query: fc
      .tuple(fc.constantFrom("avg", "max", "p99", "sum"), metric, scope)
      .map(([aggregator, m, s]) => `${aggregator}:${m}{${s}}`),
    comparator: fc.constantFrom("<" as const, "<=" as const, ">" as const, ">=" as const),
    threshold: fc.oneof(
      fc.integer({ min: -1000, max: 100_000 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    ),
    interval: fc.constantFrom("1m" as const, "5m" as const),
  },
  { requiredKeys: ["query", "comparator", "threshold"] },
);

const monitorId = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
/** One monitor as often as several, since groups need exactly one. */
const monitorIds = fc.oneof(
  monitorId.map((id) => [id]),
  fc.uniqueArray(monitorId, { minLength: 1, maxLength: 20 }),
);
const monitors = monitorIds.chain((ids) =>
  ids.length === 1
    ? fc.record(
        { ids: fc.constant(ids), groups: fc.array(fc.oneof(word, hostileText), { maxLength: 4 }) },
        { requiredKeys: ["ids"] },
      )
    : fc.constant({ ids }),
);

const sli: fc.Arbitrary<SliSpec> = fc.oneof(
  ratio.map((value) => ({ ratio: value })),
  latency.map((value) => ({ latency: value })),
  timeSlice.map((value) => ({ timeSlice: value })),
  monitors.map((value) => ({ monitors: value })),
);

/** A target (and maybe a warning above it) with the decimals Datadog keeps for this window and SLI. */
function objective(window: WindowSpec, monitorBased: boolean): fc.Arbitrary<ObjectiveSpec> {
  const scale = monitorBased && window !== "90d" ? 100 : 1000;
  const highest = 100 * scale - 1;
  const steps = fc.oneof(fc.integer({ min: 1, max: highest }), fc.integer({ min: 90 * scale, max: highest }));
  return steps.chain((target) =>
    target === highest
      ? fc.constant({ window, target: target / scale })
      : fc
          .option(fc.integer({ min: target + 1, max: highest }), { nil: undefined })
          .map((warning) =>
            warning === undefined
              ? { window, target: target / scale }
              : { window, target: target / scale, warning: warning / scale },
          ),
  );
}

function objectives(monitorBased: boolean): fc.Arbitrary<ObjectiveSpec[]> {
  return fc
    .shuffledSubarray([...WINDOWS], { minLength: 1, maxLength: 3 })
    .chain((windows) => fc.tuple(...windows.map((window) => objective(window, monitorBased))));
}

const handles = fc.array(fc.stringMatching(/^@[a-z0-9._-]{1,20}$/), { minLength: 1, maxLength: 3 });
const notify: fc.Arbitrary<NotifySpec> = fc.record({ page: handles, ticket: handles }, { requiredKeys: [] });
const percent = (min: number, max: number) => fc.integer({ min, max }).map((value) => `${value}%`);
const errorBudget = fc
  .integer({ min: 2, max: 100 })
  .chain((critical) =>
    fc.record(
      { critical: fc.constant(`${critical}%`), warning: percent(1, critical - 1) },
      { requiredKeys: ["critical"] },
    ),
  );

/** Custom tiers with distinct long windows, so no two tiers watch the same windows. */
function customTiers(windows: readonly WindowSpec[]): fc.Arbitrary<TierSpec[]> {
  return fc.uniqueArray(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 3 }).chain((hours) =>
    fc.tuple(
      ...hours.map((hour) =>
        fc
          .record(
            {
              severity: fc.constantFrom("page" as const, "ticket" as const),
              window: fc.constantFrom(...windows),
              shortWindow: fc.integer({ min: 1, max: hour * 60 - 1 }).map((minutes) => `${minutes}m`),
              threshold: fc.oneof(
                fc.integer({ min: 1, max: 300 }).map((tenths) => ({ factor: tenths / 10 })),
                percent(1, 100).map((budget) => ({ budgetConsumed: budget })),
              ),
            },
            { requiredKeys: ["severity", "threshold"] },
          )
          .map(({ threshold, ...rest }): TierSpec => ({ ...rest, longWindow: `${hour}h`, ...threshold })),
      ),
    ),
  );
}

function alerts(windows: readonly WindowSpec[]): fc.Arbitrary<AlertsSpec | undefined> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant({ burnRate: "none" as const }) },
    {
      weight: 1,
      arbitrary: fc.record(
        { burnRate: fc.constant("default" as const), errorBudget, notify },
        { requiredKeys: ["errorBudget"] },
      ),
    },
    { weight: 2, arbitrary: fc.record({ burnRate: customTiers(windows), notify }, { requiredKeys: ["burnRate"] }) },
  );
}

const correctionCategory = fc.constantFrom("scheduled-maintenance", "outside-business-hours", "deployment", "other");
const timeZone = fc.constantFrom("America/New_York", "Europe/Paris", "Asia/Tokyo", "Australia/Lord_Howe", "UTC");
const two = (value: number) => String(value).padStart(2, "0");

/**
 * A valid correction starting `day` days into 2027 (distinct days keep unnamed ones distinct):
 * one-off or recurring, with an offset, a local time and a time zone, or both.
 */
function correction(day: number, named: string | undefined): fc.Arbitrary<CorrectionSpec> {
  const date = new Date(Date.UTC(2027, 0, 1 + day));
  const at = (hour: number) =>
    `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(hour)}:30:00`;
  const when = fc.oneof(
    fc.record({ start: fc.constant(`${at(1)}-05:00`), end: fc.constant(`${at(4)}-05:00`) }),
    fc.record({ start: fc.constant(`${at(0)}Z`), end: fc.constant(`${at(23)}Z`), timezone: timeZone }),
    fc.record({ start: fc.constant(at(2)), end: fc.constant(at(5)), timezone: timeZone }),
    fc.record({
      start: fc.oneof(fc.constant(at(2)), fc.constant(`${at(2)}+09:00`)),
      rrule: fc.constantFrom(
        "FREQ=DAILY",
        "FREQ=WEEKLY;COUNT=52",
        "FREQ=MONTHLY;INTERVAL=2",
        "RRULE:FREQ=YEARLY;UNTIL=20301231",
      ),
      duration: fc.constantFrom("15m", "2h", "1d"),
      timezone: timeZone,
    }),
  );
  return fc
    .record({ category: correctionCategory, description: hostileText, when }, { requiredKeys: ["category", "when"] })
    .map(({ when: schedule, ...rest }) => ({ ...(named === undefined ? {} : { name: named }), ...rest, ...schedule }));
}

/** Corrections with names starting with `prefix`, or (when `unnamed`) sometimes none, each on its own day. */
function corrections(prefix: string, unnamed: boolean): fc.Arbitrary<CorrectionSpec[]> {
  return fc
    .uniqueArray(fc.integer({ min: 0, max: 700 }), { maxLength: 3 })
    .chain((days) =>
      fc.tuple(
        ...days.map((day, index) =>
          fc.boolean().chain((anonymous) => correction(day, unnamed && anonymous ? undefined : `${prefix}${index}`)),
        ),
      ),
    );
}

const runbook = fc.constantFrom(
  "https://runbooks.example.com/web",
  'https://runbooks.example.com/${file("/etc/passwd")}',
  "http://wiki.example/%{if}x",
);

/** One valid SLO, named `sloName`. */
function slo(sloName: string): fc.Arbitrary<SloSpec> {
  return sli.chain((chosen) =>
    objectives("monitors" in chosen).chain((list) =>
      fc
        .record(
          {
            description: hostileText,
            tags,
            runbook,
            alerts: alerts(list.map((o) => o.window)),
            corrections: corrections("slo-fix-", true),
          },
          { requiredKeys: [] },
        )
        .map(({ alerts: alerting, ...rest }) => ({
          name: sloName,
          ...rest,
          ...(alerting === undefined ? {} : { alerts: alerting }),
          sli: chosen,
          objectives: list,
        })),
    ),
  );
}

/** A valid service spec with one to `maxSlos` SLOs of every kind. */
export function serviceSpec(maxSlos = 4): fc.Arbitrary<ServiceSpec> {
  return fc
    .tuple(
      name,
      owner,
      fc.uniqueArray(name, { minLength: 1, maxLength: maxSlos }).chain((names) => fc.tuple(...names.map(slo))),
      fc.record(
        { description: hostileText, tags, notify, runbook, corrections: corrections("service-fix-", false) },
        { requiredKeys: [] },
      ),
    )
    .map(([service, team, slos, optional]) => ({ apiVersion: "slocc/v1", service, owner: team, ...optional, slos }));
}

/** One to `max` valid service specs with distinct service names, as the files of one directory. */
export function serviceSpecs(max = 3, maxSlos = 3): fc.Arbitrary<ServiceSpec[]> {
  return fc.uniqueArray(serviceSpec(maxSlos), { minLength: 1, maxLength: max, selector: (spec) => spec.service });
}

/** The YAML text of a spec, quoted by the `yaml` package itself. */
export function specYaml(spec: ServiceSpec): string {
  return stringify(spec);
}
