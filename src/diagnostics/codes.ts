/** Severity of a diagnostic: errors stop compilation, warnings do not (unless `--strict`). */
export type Severity = "error" | "warning";

/**
 * The closed list of diagnostic codes. Each code has one fixed severity and a summary used in the
 * docs; tests assert on codes, never on message wording.
 */
export const DIAGNOSTIC_CODES = {
  NO_SPECS: { severity: "error", summary: "the spec directory is missing or holds no .yaml/.yml file" },
  UNREADABLE_FILE: {
    severity: "error",
    summary: "a spec file cannot be read (a directory, a broken link, no permission)",
  },
  FILE_TOO_LARGE: { severity: "error", summary: "a spec file is larger than the 1 MiB limit" },
  INVALID_ENCODING: { severity: "error", summary: "a spec file is not UTF-8 text" },
  YAML_SYNTAX: { severity: "error", summary: "the file is not valid YAML" },
  DUPLICATE_KEY: { severity: "error", summary: "a mapping repeats a key" },
  ALIAS_LIMIT: { severity: "error", summary: "YAML aliases expand beyond the allowed size" },
  MULTIPLE_DOCUMENTS: { severity: "error", summary: "a file holds more than one YAML document" },
  EMPTY_FILE: { severity: "error", summary: "a spec file holds no document" },
  UNSUPPORTED_VERSION: { severity: "error", summary: "apiVersion is missing or not one this compiler reads" },
  MISSING_KEY: { severity: "error", summary: "a required key is absent" },
  UNKNOWN_KEY: { severity: "error", summary: "a key is not part of the spec" },
  WRONG_TYPE: { severity: "error", summary: "a value has the wrong type" },
  INVALID_VALUE: { severity: "error", summary: "a value is not one of the allowed ones" },
  INVALID_NAME: { severity: "error", summary: "a service, SLO or owner name breaks the naming rule" },
  DUPLICATE_SERVICE: { severity: "error", summary: "two files declare the same service" },
  DUPLICATE_SLO: { severity: "error", summary: "two SLOs of one service share a name" },
  SLI_KIND: { severity: "error", summary: "an SLI does not name exactly one kind" },
  RATIO_EVENTS: { severity: "error", summary: "a ratio SLI does not give exactly one of good and bad" },
  RATIO_AGGREGATOR: {
    severity: "error",
    summary: "a metric query of a ratio SLI uses another aggregator than sum, or none",
  },
  QUERY_SYNTAX: { severity: "error", summary: "a query has unbalanced braces, brackets, parentheses or quotes" },
  INVALID_DURATION: { severity: "error", summary: "a duration is not a number with a unit (ms, s, m, h, d)" },
  MONITOR_GROUPS: { severity: "error", summary: "monitor groups are given with more or less than one monitor" },
  DUPLICATE_WINDOW: { severity: "error", summary: "two objectives of one SLO use the same window" },
  TARGET_RANGE: { severity: "error", summary: "a target or warning is not strictly between 0 and 100" },
  TARGET_PRECISION: { severity: "error", summary: "a target or warning has more decimals than Datadog keeps" },
  WARNING_NOT_ABOVE_TARGET: { severity: "error", summary: "a warning is not above its target" },
  TOO_MANY_TAGS: { severity: "error", summary: "a resource would carry more than 32 tags" },
  TAG_NORMALISED: { severity: "warning", summary: "a tag is rewritten to the form Datadog stores" },
  INVALID_TAG: { severity: "error", summary: "a tag is empty once normalised" },
  RESERVED_TAG: {
    severity: "error",
    summary: "a tag uses a key slocc sets itself (service, team, slo, managed-by, journey, journey-kind, severity)",
  },
  TIER_LONG_WINDOW: { severity: "error", summary: "a burn-rate long window is not whole hours from 1h to 48h" },
  TIER_SHORT_WINDOW: {
    severity: "error",
    summary: "a burn-rate short window is not whole minutes shorter than the long window",
  },
  TIER_THRESHOLD: {
    severity: "error",
    summary: "a tier gives both or neither of factor and budgetConsumed, or a value out of range",
  },
  TIER_WINDOW: { severity: "error", summary: "a tier alerts over a window the SLO has no objective for" },
  DUPLICATE_TIER: {
    severity: "error",
    summary: "two tiers alert over the same window with the same long and short windows",
  },
  TIER_DROPPED: {
    severity: "warning",
    summary: "a tier's factor exceeds 1/(1-target), so it could never fire: it is left out",
  },
  ERROR_BUDGET_THRESHOLDS: {
    severity: "error",
    summary: "error-budget alert thresholds are out of range or in the wrong order",
  },
  INVALID_HANDLE: {
    severity: "error",
    summary: "a notification handle does not start with @ or holds spaces or braces",
  },
  NO_NOTIFY: { severity: "warning", summary: "an SLO has alerts of a severity that notify nobody" },
  RENAME_CONFLICT: {
    severity: "error",
    summary: "renamedFrom names a current SLO, the SLO itself, or an SLO another rename already took",
  },
  UNKNOWN_JOURNEY: { severity: "error", summary: "an SLO names a journey its service does not declare" },
  UNKNOWN_DEPENDENCY: {
    severity: "error",
    summary: "a journey depends on a dependency declared neither in its service nor in a catalog",
  },
  DUPLICATE_DEPENDENCY: { severity: "error", summary: "two catalogs give one dependency different availabilities" },
  CEILING_EXCEEDED: {
    severity: "warning",
    summary: "an availability target is above the ceiling its journey's dependencies allow",
  },
  REVIEW_OVERDUE: { severity: "warning", summary: "a service's SLO review is past its due date" },
  UNKNOWN_PLACEHOLDER: {
    severity: "error",
    summary: "a `{{name}}` placeholder has no value: no such environment variable or template parameter",
  },
  UNKNOWN_SLO: {
    severity: "error",
    summary: "an environment replaces the objectives or alerts of an SLO its service does not declare",
  },
  UNKNOWN_TEMPLATE: {
    severity: "error",
    summary: "an SLI names a template that is neither built in nor declared in a templates file",
  },
  TEMPLATE_PARAMS: {
    severity: "error",
    summary:
      "a template use misses a parameter, gives one the template does not take, or gives params without a template",
  },
  UNSAFE_PARAM_VALUE: {
    severity: "error",
    summary: "a template parameter value holds braces, quotes, backslashes or line breaks that would break its query",
  },
  DUPLICATE_TEMPLATE: { severity: "error", summary: "two templates files declare a template of the same name" },
  TEMPLATE_SHADOWS_BUILTIN: {
    severity: "warning",
    summary: "a declared template replaces slocc's built-in template of the same name",
  },
  ALERTS_MONITOR_SLO: {
    severity: "warning",
    summary: "SLO alerts on a monitor-based SLO work only for metric-family monitors",
  },
  CORRECTION_CATEGORY: { severity: "error", summary: "a correction's category is not one Datadog takes" },
  CORRECTION_TIME: {
    severity: "error",
    summary: "a correction's start or end is not an ISO 8601 date-time, or is a local time without a timezone",
  },
  CORRECTION_TIMEZONE: { severity: "error", summary: "a correction's timezone is not an IANA time zone" },
  CORRECTION_END: { severity: "error", summary: "a correction's end is not after its start" },
  CORRECTION_SCHEDULE: {
    severity: "error",
    summary: "a correction gives both or neither of end and rrule, or a duration and an rrule without each other",
  },
  CORRECTION_RRULE: {
    severity: "error",
    summary: "a correction's rrule is malformed or uses parts or a frequency Datadog does not take",
  },
  CORRECTION_DURATION: {
    severity: "error",
    summary: "a correction's duration is not a positive whole number of seconds",
  },
  DUPLICATE_CORRECTION: {
    severity: "error",
    summary: "two corrections of one SLO share a name, or apply at the same times",
  },
  MISSING_OWNER: {
    severity: "error",
    summary: "an imported service has no owner: none was given with --owner nor annotated on its Service",
  },
  OPENSLO_DUPLICATE: { severity: "error", summary: "two OpenSLO objects of one kind share a name" },
  OPENSLO_REFERENCE: {
    severity: "error",
    summary: "an OpenSLO reference names no object of its kind in the files read",
  },
  OPENSLO_WINDOW: {
    severity: "error",
    summary: "an OpenSLO time window is a calendar window or a rolling length other than 7, 30 or 90 days",
  },
  OPENSLO_NO_WINDOW: { severity: "warning", summary: "an OpenSLO SLO gives no time window: a rolling 30d is used" },
  OPENSLO_NO_BUDGETING: {
    severity: "warning",
    summary:
      "an OpenSLO SLO gives no budgeting method: Occurrences is used for a ratio, Timeslices for a threshold metric",
  },
  OPENSLO_TEAM: {
    severity: "warning",
    summary: "OpenSLO `team` labels name several teams: the first is the owner, the others are kept as tags",
  },
  OPENSLO_BUDGETING: {
    severity: "error",
    summary:
      "an OpenSLO budgeting method Datadog cannot compute for its SLI (RatioTimeslices, Occurrences on a threshold)",
  },
  OPENSLO_RAW_RATIO: { severity: "error", summary: "an OpenSLO ratio SLI is a precomputed raw ratio" },
  OPENSLO_SOURCE: {
    severity: "error",
    summary: "an OpenSLO metric source is not Datadog, or gives no Datadog query as `spec.query`",
  },
  OPENSLO_COMPOSITE: {
    severity: "error",
    summary: "an OpenSLO SLO is composite (objectives with their own indicators)",
  },
  OPENSLO_OBJECTIVE: {
    severity: "error",
    summary:
      "an OpenSLO objective Datadog cannot express (several per SLO, slices other than 1m or 5m, timeSliceTarget below 1, misplaced op and value)",
  },
  OPENSLO_ALERT: {
    severity: "error",
    summary: "an OpenSLO alert condition is not a burn rate rising above a threshold over a fixed lookback window",
  },
  OPENSLO_SEVERITY: {
    severity: "warning",
    summary: "an OpenSLO alert severity is not one slocc knows: it is read as ticket",
  },
  OPENSLO_TARGET: {
    severity: "warning",
    summary: "an OpenSLO notification target is not a Datadog handle (@...): it is left out of routing",
  },
  OPENSLO_ANNOTATION: {
    severity: "error",
    summary: "a slocc annotation on an OpenSLO object cannot be read, or disagrees with the object",
  },
  TIME_SLICE_FORM: {
    severity: "error",
    summary: "a timeSlice SLI gives both or neither of `query` and `formula` with `queries`",
  },
  UNKNOWN_QUERY: { severity: "error", summary: "a time-slice formula names a query its `queries` do not define" },
  DUPLICATE_QUERY: { severity: "error", summary: "two queries of a time-slice formula share a name" },
  ERROR_BUDGET_WINDOW: {
    severity: "error",
    summary: "an error-budget alert watches a window the SLO has no objective for",
  },
  DUPLICATE_DATADOG_ID: {
    severity: "error",
    summary: "two SLOs, alerts or corrections adopt the same Datadog object, or a shared one adopts it",
  },
  // Problems outside the specs: what stops a command before it reads them, or as it reads Datadog or runs terraform.
  INVALID_SETTING: {
    severity: "error",
    summary: "a backend or provider setting (an option, or SLOCC_ in the environment) is not one Terraform takes",
  },
  OUTPUT_PATH: {
    severity: "error",
    summary:
      "an output option names a file where a directory goes, a directory where a file goes, or a path under a file",
  },
  GIT_REF: { severity: "error", summary: "the specs at a git ref cannot be read: an unknown ref, or no git" },
  DATADOG_KEYS: {
    severity: "error",
    summary: "DD_API_KEY or DD_APP_KEY is not set, or DD_HOST is not a URL, for a command that reads Datadog",
  },
  DATADOG_REQUEST: {
    severity: "error",
    summary:
      "a request to the Datadog API failed: refused, unreachable, rate-limited or answered in an unexpected shape",
  },
  NOT_ADOPTABLE: {
    severity: "error",
    summary:
      "a Datadog SLO, alert or correction says what slocc cannot say as it is: left unmanaged by `import datadog`",
  },
  DATADOG_FORBIDDEN: {
    severity: "error",
    summary: "Datadog refused the keys (401 or 403): a wrong key, another site than DD_HOST, or a missing permission",
  },
  PREVIEW_FILE: {
    severity: "error",
    summary:
      "the file given to `site --preview` or `reviews --preview` is not a report `slocc preview --format json` wrote",
  },
  APPLY_UNCONFIRMED: {
    severity: "error",
    summary:
      "apply would ask for confirmation, but nobody can answer (stdin is not a terminal) and --auto-approve is not given",
  },
  TERRAFORM_MISSING: { severity: "error", summary: "terraform is not on PATH for plan or apply" },
  TERRAFORM_FAILED: { severity: "error", summary: "a terraform command failed or printed what slocc cannot read" },
  // Problems of measured data, reported by `slocc preview` for each SLO (no position: the data is not in a spec).
  NO_DATA: {
    severity: "warning",
    summary: "a query of an SLI returns no series, or no points, over the time read: a misspelled metric or tag",
  },
  GOOD_EXCEEDS_TOTAL: {
    severity: "warning",
    summary:
      "good events exceed all events (or bad events exceed them) in some interval: the queries count different things",
  },
  TARGET_NOT_MET: { severity: "warning", summary: "the measured SLI over a window is below the window's target" },
  NOISY_TIER: {
    severity: "warning",
    summary: "a burn-rate tier would have fired more than once a day on average over the primary window",
  },
  COARSE_DATA: {
    severity: "warning",
    summary: "Datadog answered at a coarser interval than the alert windows need: the alert history is approximate",
  },
  MONITOR_SLI_SKIPPED: {
    severity: "warning",
    summary: "a monitor-based SLI is not previewed: its status lives in its monitors, not in metrics",
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

/** A diagnostic code from the closed list. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The severity the closed list gives a code. */
export function severityOf(code: DiagnosticCode): Severity {
  return DIAGNOSTIC_CODES[code].severity;
}
