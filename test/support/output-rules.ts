import { messageViolations } from "./message-rules.js";
import type { StackJson } from "./synth.js";
import { isStoredTag } from "./tag-rules.js";

/**
 * Datadog's rules for synthesized resources (docs/datadog-rules.md), written from
 * the rules themselves rather than from the compiler's code. Each check returns the list of
 * violations, empty when the resource is fine, so a failing property says what broke.
 */

type Json = Readonly<Record<string, unknown>>;

const WINDOW_ORDER = ["7d", "30d", "90d"];
const COMPARATORS = ["<", "<=", ">", ">="];

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/** Whether `value` is written with at most `decimals` decimals. */
function hasAtMostDecimals(value: number, decimals: number): boolean {
  return Number(value.toFixed(decimals)) === value;
}

function tagViolations(tags: unknown): string[] {
  if (!Array.isArray(tags)) return ["tags is not a list"];
  const problems = tags
    .filter((tag) => !isStoredTag(tag))
    .map((tag) => `tag ${JSON.stringify(tag)} is not in Datadog's stored form`);
  if (tags.length > 32) problems.push(`${tags.length} tags, over 32`);
  if (new Set(tags).size !== tags.length) problems.push("duplicate tags");
  return problems;
}

/** Paths of keys named `key` anywhere inside `value`. */
function keyPaths(value: unknown, key: string, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => keyPaths(item, key, `${path}[${index}]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([k, item]) => [
    ...(k === key ? [`${path}.${k}`] : []),
    ...keyPaths(item, key, `${path}.${k}`),
  ]);
}

/** Violations of the `datadog_service_level_objective` rules by one synthesized SLO. */
export function sloViolations(slo: Json): string[] {
  const problems: string[] = [];
  const type = slo["type"];
  if (type !== "metric" && type !== "monitor" && type !== "time_slice") problems.push(`type ${JSON.stringify(type)}`);
  const monitorBased = type === "monitor";

  const thresholds = slo["thresholds"];
  if (!Array.isArray(thresholds) || thresholds.length === 0) return [...problems, "no thresholds"];
  const windows: string[] = [];
  for (const threshold of thresholds) {
    if (!isRecord(threshold)) {
      problems.push("a threshold is not a mapping");
      continue;
    }
    const { timeframe, target, warning } = threshold;
    if (typeof timeframe !== "string" || !WINDOW_ORDER.includes(timeframe))
      problems.push(`timeframe ${JSON.stringify(timeframe)}`);
    else windows.push(timeframe);
    const decimals = monitorBased && timeframe !== "90d" ? 2 : 3;
    if (typeof target !== "number" || !(target > 0 && target < 100))
      problems.push(`target ${JSON.stringify(target)} outside (0, 100)`);
    else if (!hasAtMostDecimals(target, decimals)) problems.push(`target ${target} has more than ${decimals} decimals`);
    if (warning !== undefined) {
      if (typeof warning !== "number" || !(warning > 0 && warning < 100))
        problems.push(`warning ${JSON.stringify(warning)} outside (0, 100)`);
      else if (!hasAtMostDecimals(warning, decimals))
        problems.push(`warning ${warning} has more than ${decimals} decimals`);
      else if (typeof target === "number" && !(warning > target))
        problems.push(`warning ${warning} not above target ${target}`);
    }
  }
  const order = windows.map((window) => WINDOW_ORDER.indexOf(window));
  if (order.some((position, index) => index > 0 && position <= (order[index - 1] ?? -1)))
    problems.push(`thresholds not sorted 7d, 30d, 90d: ${windows.join(", ")}`);

  const primary = thresholds.find((threshold) => isRecord(threshold) && threshold["timeframe"] === slo["timeframe"]);
  if (!isRecord(primary)) problems.push(`timeframe ${JSON.stringify(slo["timeframe"])} matches no threshold`);
  else {
    if (slo["target_threshold"] !== primary["target"])
      problems.push("target_threshold differs from the primary threshold's target");
    if (slo["warning_threshold"] !== primary["warning"])
      problems.push("warning_threshold differs from the primary threshold's warning");
  }

  problems.push(...tagViolations(slo["tags"]));

  const monitorIds = slo["monitor_ids"];
  if (monitorBased) {
    if (!Array.isArray(monitorIds) || monitorIds.length === 0 || monitorIds.length > 20)
      problems.push("monitor_ids must hold 1 to 20 ids");
    else if (!monitorIds.every((id) => Number.isSafeInteger(id) && (id as number) > 0))
      problems.push("a monitor id is not a positive integer");
    if (slo["groups"] !== undefined && (!Array.isArray(monitorIds) || monitorIds.length !== 1))
      problems.push("groups without exactly one monitor");
  } else if (monitorIds !== undefined || slo["groups"] !== undefined) {
    problems.push("monitor_ids or groups on a SLO that is not monitor-based");
  }

  const query = slo["query"];
  if (
    type === "metric" &&
    !(isRecord(query) && isNonEmptyString(query["numerator"]) && isNonEmptyString(query["denominator"]))
  ) {
    problems.push("a metric SLO without numerator and denominator");
  }

  if (type === "time_slice") problems.push(...timeSliceViolations(slo["sli_specification"]));

  for (const forbidden of ["ignore_tag_keys", "target_display", "warning_display"]) {
    problems.push(...keyPaths(slo, forbidden).map((path) => `field ${path} must not be set`));
  }
  problems.push(
    ...keyPaths(slo["sli_specification"], "count").map((path) => `provider 4.x field sli_specification${path}`),
  );
  return problems;
}

function timeSliceViolations(specification: unknown): string[] {
  const timeSlice = isRecord(specification) ? specification["time_slice"] : undefined;
  if (!isRecord(timeSlice)) return ["a time_slice SLO without sli_specification.time_slice"];
  const problems: string[] = [];
  if (typeof timeSlice["comparator"] !== "string" || !COMPARATORS.includes(timeSlice["comparator"]))
    problems.push("comparator");
  if (typeof timeSlice["threshold"] !== "number") problems.push("threshold is not a number");
  if (timeSlice["query_interval_seconds"] !== 60 && timeSlice["query_interval_seconds"] !== 300)
    problems.push("query_interval_seconds not 60 or 300");
  const query = timeSlice["query"];
  const formula = isRecord(query) ? query["formula"] : undefined;
  if (!isRecord(formula) || !isNonEmptyString(formula["formula_expression"])) problems.push("no formula_expression");
  const queries = isRecord(query) ? query["query"] : undefined;
  if (!Array.isArray(queries) || queries.length === 0) problems.push("no metric query");
  else {
    for (const entry of queries) {
      const metricQuery = isRecord(entry) ? entry["metric_query"] : undefined;
      if (
        !isRecord(metricQuery) ||
        metricQuery["data_source"] !== "metrics" ||
        !isNonEmptyString(metricQuery["name"]) ||
        !isNonEmptyString(metricQuery["query"])
      ) {
        problems.push("a metric_query without data_source metrics, name and query");
      }
    }
  }
  return problems;
}

const SLO_ALERT_QUERY = new RegExp(
  String.raw`^(burn_rate|error_budget)\("\$\{datadog_service_level_objective\.([A-Za-z0-9_]+)\.id\}"\)` +
    String.raw`\.over\("(7d|30d|90d)"\)(?:\.long_window\("(\d+)h"\)\.short_window\("(\d+)m"\))? > (\S+)$`,
);

/**
 * Violations of the `slo alert` monitor rules by one synthesized monitor; `slos` are the stack's
 * SLOs by logical id, to check what the query refers to.
 */
export function monitorViolations(monitor: Json, slos: ReadonlyMap<string, Json>): string[] {
  const problems: string[] = [];
  if (monitor["type"] !== "slo alert") problems.push(`type ${JSON.stringify(monitor["type"])}`);
  const priority = monitor["priority"];
  if (typeof priority !== "string" || !/^[1-5]$/.test(priority))
    problems.push(`priority ${JSON.stringify(priority)} is not a string from "1" to "5"`);
  if (!isNonEmptyString(monitor["name"]) || !isNonEmptyString(monitor["message"])) problems.push("no name or message");
  problems.push(...tagViolations(monitor["tags"]));

  const query = monitor["query"];
  const match = typeof query === "string" ? SLO_ALERT_QUERY.exec(query) : null;
  if (!match) return [...problems, `query ${JSON.stringify(query)} is not an SLO alert query`];
  const [, kind, sloId = "", window, longHours, shortMinutes, number = ""] = match;

  const thresholds = isRecord(monitor["monitor_thresholds"]) ? monitor["monitor_thresholds"] : {};
  const critical = thresholds["critical"];
  if (typeof critical !== "string" || critical !== number || !Number.isFinite(Number(critical))) {
    problems.push(`critical ${JSON.stringify(critical)} is not the string ${JSON.stringify(number)} ending the query`);
  }
  const warning = thresholds["warning"];
  if (warning !== undefined && (typeof warning !== "string" || !(Number(warning) < Number(number))))
    problems.push(`warning ${JSON.stringify(warning)} is not a string below critical`);
  if (typeof monitor["message"] === "string")
    problems.push(
      ...messageViolations(monitor["message"], warning !== undefined).map((problem) => `message: ${problem}`),
    );

  const slo = slos.get(sloId);
  const sloThresholds = slo?.["thresholds"];
  const over = Array.isArray(sloThresholds)
    ? sloThresholds.find((threshold) => isRecord(threshold) && threshold["timeframe"] === window)
    : undefined;
  if (!isRecord(over))
    return [...problems, `the query watches ${String(window)}, a window SLO ${sloId} has no threshold for`];

  const value = Number(number);
  if (kind === "burn_rate") {
    const long = Number(longHours);
    const short = Number(shortMinutes);
    if (longHours === undefined || !(long >= 1 && long <= 48))
      problems.push(`long window ${String(longHours)}h outside 1h..48h`);
    if (shortMinutes === undefined || !(short >= 1 && short < long * 60))
      problems.push(`short window ${String(shortMinutes)}m not shorter than the long window`);
    const target = over["target"];
    if (typeof target === "number" && !(value > 0 && value <= 1 / (1 - target / 100) + 1e-9))
      problems.push(`burn rate ${value} outside (0, 1/(1-${target}%)]`);
  } else {
    if (longHours !== undefined) problems.push("an error-budget query with burn-rate windows");
    if (!(value > 0 && value <= 100)) problems.push(`error budget threshold ${value} outside (0, 100]`);
  }
  return problems;
}

const CORRECTION_CATEGORIES = ["Scheduled Maintenance", "Outside Business Hours", "Deployment", "Other"];
const SLO_REFERENCE = /^\$\{datadog_service_level_objective\.([A-Za-z0-9_]+)\.id\}$/;

/**
 * Violations of the `datadog_slo_correction` rules by one synthesized correction; `slos` are the
 * stack's SLOs by logical id, to check what it refers to.
 */
export function correctionViolations(correction: Json, slos: ReadonlyMap<string, Json>): string[] {
  const problems: string[] = [];
  const { category, start, end, rrule, duration, timezone } = correction;
  if (typeof category !== "string" || !CORRECTION_CATEGORIES.includes(category))
    problems.push(`category ${JSON.stringify(category)}`);
  const sloId = typeof correction["slo_id"] === "string" ? SLO_REFERENCE.exec(correction["slo_id"])?.[1] : undefined;
  if (sloId === undefined || !slos.has(sloId))
    problems.push(`slo_id ${JSON.stringify(correction["slo_id"])} refers to no SLO of the stack`);
  if (!Number.isSafeInteger(start)) problems.push(`start ${JSON.stringify(start)} is not epoch seconds`);
  if (typeof timezone !== "string" || timezone.length === 0) problems.push("no timezone (Datadog would store UTC)");
  if (end !== undefined) {
    if (!Number.isSafeInteger(end) || !((end as number) > (start as number))) problems.push("end not after start");
    if (rrule !== undefined || duration !== undefined) problems.push("end with rrule or duration");
  } else {
    if (typeof rrule !== "string") problems.push("neither end nor rrule");
    else if (!/^(RRULE:)?(FREQ|INTERVAL|COUNT|UNTIL)=[^;]+(;(FREQ|INTERVAL|COUNT|UNTIL)=[^;]+)*$/.test(rrule))
      problems.push(`rrule ${rrule} uses parts Datadog does not support`);
    else if (!/FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)/.test(rrule))
      problems.push(`rrule ${rrule} without a daily or longer FREQ`);
    if (!Number.isSafeInteger(duration) || !((duration as number) > 0)) problems.push("no positive whole duration");
  }
  return problems;
}

const SECRET_KEY = /key|secret|token|password|auth/i;

/** Provider configuration fields that would hold credentials, which must come from the environment only. */
export function providerViolations(stack: StackJson): string[] {
  return Object.entries(stack.provider ?? {}).flatMap(([providerName, configs]) =>
    (Array.isArray(configs) ? configs : [configs]).flatMap((config) =>
      isRecord(config)
        ? Object.keys(config)
            .filter((key) => SECRET_KEY.test(key))
            .map((key) => `provider ${providerName} sets ${key}`)
        : [`provider ${providerName} config is not a mapping`],
    ),
  );
}
