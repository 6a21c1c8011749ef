import { normaliseTag } from "../../datadog/tags.js";
import type { Window } from "../../datadog/windows.js";
import { diagnostic, type Diagnostic, type Result } from "../../diagnostics/diagnostic.js";
import type { DataPath, SourceFile } from "../../load/source-file.js";
import { resolveAlerting, type AlertingRequest, type TierRequest } from "../../model/alerting.js";
import { cadenceMonths, nextReviewDate } from "../../model/cadence.js";
import type {
  At,
  Catalog,
  Dependency,
  Draft,
  ErrorBudgetAlert,
  Handle,
  Journey,
  Located,
  NamedQuery,
  Notify,
  Objective,
  Position,
  ReviewCadence,
  Service,
  Sli,
  Slo,
  Tag,
  TimeSliceSli,
} from "../../model/model.js";
import { SEVERITIES, SINGLE_QUERY_NAME } from "../../model/model.js";
import { baseTags, journeyTags, mergeTags } from "../../model/tags.js";
import { WINDOWS } from "../../datadog/windows.js";
import { formatNumber } from "../../format/numbers.js";
import { compareText } from "../../util/text.js";
import { isRecord, nodeAt, type Salvaged } from "../shape.js";
import { DURATION_PATTERN, PERCENT_PATTERN, type CatalogV1, type ServiceV1, type SliV1, type SloV1 } from "./schema.js";

type ServiceData = Salvaged<ServiceV1>;
type SloData = Salvaged<SloV1>;

/**
 * Where a `slocc/v1` file's parts were written, and what was written before any shape check:
 * the v1 encodings (one SLI kind, `good` or `bad`, `factor` or `budgetConsumed`) are judged on the
 * keys written, so a malformed value is not also reported as missing.
 */
class Origin {
  constructor(private readonly file: SourceFile) {}

  at(path: DataPath, part?: "key" | "value") {
    return this.file.locate(path, part);
  }

  /** Where the mapping at `path` was written (`self`) and each of its `keys`, a part named after its key. */
  parts<Key extends string>(path: DataPath, keys: readonly Key[]): At<Key> {
    const at = Object.fromEntries(keys.map((key) => [key, this.at([...path, key])])) as Record<Key, Position>;
    return { ...at, self: this.at(path) };
  }

  /** The keys written in the mapping at `path`, whatever their values. */
  keysAt(path: DataPath): string[] {
    const node = nodeAt(this.file.data, path);
    return isRecord(node) ? Object.keys(node) : [];
  }
}

/** Maps a service file's readable parts to a model draft, checking the v1 encodings on the way. */
export function serviceFromV1(file: SourceFile, data: ServiceData): Result<Draft<Service>> {
  const origin = new Origin(file);
  const diagnostics: Diagnostic[] = [];
  const name = data.service;
  const owner = data.owner;
  const journeys = Object.entries(data.journeys ?? {})
    .sort(([a], [b]) => compareText(a, b))
    .map(([journeyName, journey]): Draft<Journey> => ({
      name: journeyName,
      ...(journey?.kind === undefined ? {} : { serves: journey.kind }),
      ...(journey?.description === undefined ? {} : { description: journey.description }),
      dependsOn: (journey?.dependsOn ?? []).flatMap((ref, index) => {
        const path = ["journeys", journeyName, "dependsOn", index];
        if (ref === undefined) return [];
        if (typeof ref === "string") return [[{ value: ref, at: origin.at(path) }]];
        return [located(ref.anyOf, [...path, "anyOf"], origin)];
      }),
      at: { self: origin.at(["journeys", journeyName], "key"), serves: origin.at(["journeys", journeyName, "kind"]) },
    }));
  const service = {
    ...(name === undefined ? {} : { name }),
    ...(owner === undefined ? {} : { owner }),
    ...(data.description === undefined ? {} : { description: data.description }),
    tags: tagsOf(data.tags, ["tags"], origin),
    notify: notifyOf(data.notify, ["notify"], origin),
    ...(data.runbook === undefined ? {} : { runbook: { value: data.runbook, at: origin.at(["runbook"]) } }),
    dependencies: dependenciesOf(data.dependencies, ["dependencies"], origin),
    journeys,
    ...reviewOf(data.review, origin),
    approvers: located(data.approvers, ["approvers"], origin),
    dashboard: data.dashboard ?? true,
    at: { self: origin.at([]), name: origin.at(["service"]), owner: origin.at(["owner"]) },
  } satisfies Omit<Draft<Service>, "slos">;
  const slos = (data.slos ?? []).flatMap((slo, index) => {
    if (slo === undefined) return [];
    const mapped = sloFromV1(slo, ["slos", index], service, origin);
    diagnostics.push(...mapped.diagnostics);
    return [mapped.value];
  });
  slos.sort((a, b) => compareText(a.name ?? "", b.name ?? ""));
  return { value: { ...service, slos }, diagnostics };
}

/** Maps a catalog file's readable parts to a model draft. */
export function catalogFromV1(file: SourceFile, data: Salvaged<CatalogV1>): Draft<Catalog> {
  const origin = new Origin(file);
  return {
    ...(data.catalog === undefined ? {} : { name: data.catalog }),
    dependencies: dependenciesOf(data.dependencies, ["dependencies"], origin),
    at: { self: origin.at([]), name: origin.at(["catalog"]) },
  };
}

type ServiceContext = Omit<Draft<Service>, "slos">;

function sloFromV1(data: SloData, path: DataPath, service: ServiceContext, origin: Origin): Result<Draft<Slo>> {
  const diagnostics: Diagnostic[] = [];
  const sli = sliOf(data.sli, [...path, "sli"], origin, diagnostics);
  const written = (data.objectives ?? []).flatMap((objective, index) =>
    objective === undefined ? [] : [{ objective, index }],
  );
  const objectives = written.map(({ objective, index }) =>
    objectiveOf(objective, [...path, "objectives", index], origin),
  );
  const primary = data.objectives?.[0] === undefined ? undefined : objectives[0];
  const tags = tagsOf(data.tags, [...path, "tags"], origin);
  const journeyName = data.journey;
  const journey =
    journeyName === undefined ? undefined : service.journeys?.find((candidate) => candidate.name === journeyName);
  const alerts = resolveAlerting(
    alertingRequest(data, path, origin, diagnostics),
    objectives,
    primary,
    service.notify ?? {},
    service.runbook,
  );
  const resourceTags =
    service.name === undefined || service.owner === undefined || data.name === undefined
      ? undefined
      : mergeTags(
          baseTags(service.name, service.owner, data.name),
          (service.tags ?? []).flatMap((tag) => (tag.written === undefined ? [] : [tag.written])),
          tags.map((tag) => tag.written),
          journey?.name !== undefined && journey.serves !== undefined ? journeyTags(journey.name, journey.serves) : [],
        );
  const slo: Draft<Slo> = {
    ...(service.name === undefined ? {} : { service: service.name }),
    ...(data.name === undefined ? {} : { name: data.name }),
    ...(data.displayName === undefined ? {} : { displayName: data.displayName }),
    ...(data.datadogId === undefined ? {} : { datadogId: data.datadogId }),
    ...(data.renamedFrom === undefined ? {} : { renamedFrom: data.renamedFrom }),
    ...(data.description === undefined ? {} : { description: data.description }),
    ...(sli === undefined ? {} : { sli }),
    ...(journeyName === undefined ? {} : { journey: { value: journeyName, at: origin.at([...path, "journey"]) } }),
    objectives: [...objectives].sort((a, b) => windowOrder(a.window) - windowOrder(b.window)),
    ...(primary === undefined ? {} : { primary }),
    tags,
    ...(resourceTags === undefined ? {} : { resourceTags }),
    alerts,
    at: origin.parts(path, ["name", "displayName", "datadogId", "renamedFrom", "sli", "objectives", "alerts"]),
  };
  return { value: slo, diagnostics };
}

const SLI_KINDS = ["ratio", "latency", "timeSlice", "monitors"] as const;

/** The SLI of the one kind written; an SLI naming no kind or several is refused here. */
function sliOf(
  data: Salvaged<SliV1> | undefined,
  path: DataPath,
  origin: Origin,
  diagnostics: Diagnostic[],
): Draft<Sli> | undefined {
  if (data === undefined) return undefined;
  const kinds = SLI_KINDS.filter((kind) => origin.keysAt(path).includes(kind));
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? "none" : kinds.join(" and ");
    const at = kinds[0] === undefined ? origin.at(path) : origin.at([...path, kinds[0]], "key");
    diagnostics.push(
      diagnostic("SLI_KIND", `an SLI has exactly one of ${SLI_KINDS.join(", ")}; found ${found}: keep one`, at),
    );
    return undefined;
  }
  const kindPath = [...path, kinds[0] ?? ""];
  if (data.ratio) {
    const { good, bad, total } = data.ratio;
    const written = origin.keysAt(kindPath);
    const events = written.includes("good") ? "good" : "bad";
    if (written.includes("good") === written.includes("bad")) {
      diagnostics.push(
        diagnostic(
          "RATIO_EVENTS",
          "give either `good` (good events) or `bad` (bad events) with `total`, not both or neither",
          origin.at(kindPath),
        ),
      );
    }
    const query = (events === "good" ? good : bad)?.trim();
    const denominator = total?.trim();
    return {
      kind: "ratio",
      events,
      ...(query === undefined ? {} : { eventsQuery: query }),
      ...(denominator === undefined ? {} : { total: denominator, denominator }),
      ...(query === undefined || denominator === undefined
        ? {}
        : { numerator: events === "good" ? query : `(${denominator}) - (${query})` }),
      at: { ...origin.parts(kindPath, ["total"]), events: origin.at([...kindPath, events]) },
    };
  }
  if (data.latency) {
    const { metric, threshold } = data.latency;
    const filter = data.latency.filter?.trim() || "*";
    const value = typeof threshold === "string" ? durationSeconds(threshold) : threshold;
    return {
      kind: "latency",
      ...(metric === undefined ? {} : { metric }),
      filter,
      ...(value === undefined ? {} : { threshold: value }),
      ...(metric === undefined || value === undefined
        ? {}
        : {
            // Threshold query on a percentile-enabled distribution: good events are the values at or under the threshold.
            numerator: `count(v: v<=${formatNumber(value)}):${metric}{${filter}}`,
            denominator: `count:${metric}{${filter}}`,
          }),
      at: origin.parts(kindPath, ["metric", "filter", "threshold"]),
    };
  }
  if (data.timeSlice) return timeSliceOf(data.timeSlice, kindPath, origin, diagnostics);
  if (data.monitors) {
    const ids = (data.monitors.ids ?? []).flatMap((id) => (id === undefined ? [] : [id])).sort((a, b) => a - b);
    const groups = (data.monitors.groups ?? [])
      .flatMap((group) => (group === undefined ? [] : [group]))
      .sort(compareText);
    return {
      kind: "monitors",
      monitorIds: ids,
      groups,
      at: origin.parts(kindPath, ["ids", "groups"]),
    };
  }
  return undefined;
}

/**
 * A time-slice SLI in either form: one `query` (the formula `query1` over it), or a `formula` over
 * named `queries`. Writing both forms, or neither, is refused here.
 */
function timeSliceOf(
  data: NonNullable<Salvaged<SliV1["timeSlice"]>>,
  path: DataPath,
  origin: Origin,
  diagnostics: Diagnostic[],
): Draft<TimeSliceSli> {
  const written = origin.keysAt(path);
  const single = written.includes("query");
  if (single === (written.includes("formula") || written.includes("queries"))) {
    diagnostics.push(
      diagnostic(
        "TIME_SLICE_FORM",
        "give either `query` (one metric query) or `formula` with named `queries`, not both or neither",
        origin.at(path),
      ),
    );
  }
  const { comparator, threshold, interval } = data;
  const queryAt = origin.at([...path, "query"]);
  const queries: Draft<NamedQuery>[] = single
    ? [
        {
          name: SINGLE_QUERY_NAME,
          ...(data.query === undefined ? {} : { query: data.query.trim() }),
          at: { self: queryAt, name: queryAt, query: queryAt },
        },
      ]
    : (data.queries ?? []).flatMap((query, index) =>
        query === undefined
          ? []
          : [
              {
                ...(query.name === undefined ? {} : { name: query.name }),
                ...(query.query === undefined ? {} : { query: query.query.trim() }),
                at: origin.parts([...path, "queries", index], ["name", "query"]),
              },
            ],
      );
  const formula = single ? SINGLE_QUERY_NAME : data.formula?.trim();
  return {
    kind: "timeSlice",
    ...(formula === undefined ? {} : { formula }),
    queries,
    ...(comparator === undefined ? {} : { comparator }),
    ...(threshold === undefined ? {} : { threshold }),
    intervalSeconds: interval === "1m" ? 60 : 300,
    at: {
      ...origin.parts(path, ["queries", "comparator", "threshold"]),
      formula: single ? queryAt : origin.at([...path, "formula"]),
    },
  };
}

function objectiveOf(
  data: NonNullable<Salvaged<SloV1["objectives"][number]>>,
  path: DataPath,
  origin: Origin,
): Draft<Objective> {
  return {
    ...(data.window === undefined ? {} : { window: data.window }),
    ...(data.target === undefined ? {} : { target: data.target }),
    ...(data.warning === undefined ? {} : { warning: data.warning }),
    at: origin.parts(path, ["window", "target", "warning"]),
  };
}

function alertingRequest(data: SloData, path: DataPath, origin: Origin, diagnostics: Diagnostic[]): AlertingRequest {
  const alerts = data.alerts;
  const alertsPath = [...path, "alerts"];
  const burnRate = alerts?.burnRate;
  const burnRateWritten = origin.keysAt(alertsPath).includes("burnRate");
  // A `burnRate` refused by its shape check asks for nothing readable: no tiers, rather than the defaults.
  const choice =
    burnRate === undefined
      ? burnRateWritten
        ? undefined
        : "default"
      : typeof burnRate === "string"
        ? burnRate
        : "custom";
  const tiers =
    typeof burnRate === "string"
      ? undefined
      : burnRate?.map(
          (tier, index) => tier && tierRequest(tier, [...alertsPath, "burnRate", index], origin, diagnostics),
        );
  const errorBudget = alerts?.errorBudget;
  const errorBudgetPath = [...alertsPath, "errorBudget"];
  return {
    ...(choice === undefined ? {} : { choice }),
    ...(tiers === undefined ? {} : { tiers }),
    ...(errorBudget === undefined
      ? {}
      : {
          errorBudget: {
            ...(errorBudget.critical === undefined ? {} : { criticalPercent: percentValue(errorBudget.critical) }),
            ...(errorBudget.warning === undefined ? {} : { warningPercent: percentValue(errorBudget.warning) }),
            ...(errorBudget.window === undefined ? {} : { window: errorBudget.window }),
            ...(errorBudget.datadogId === undefined ? {} : { datadogId: errorBudget.datadogId }),
            at: origin.parts(errorBudgetPath, ["critical", "warning", "window", "datadogId"]),
          } satisfies Draft<ErrorBudgetAlert>,
        }),
    ...(alerts?.notify === undefined
      ? {}
      : { notify: notifyOverride(alerts.notify, [...alertsPath, "notify"], origin) }),
    ...(data.runbook === undefined ? {} : { runbook: { value: data.runbook, at: origin.at([...path, "runbook"]) } }),
  };
}

type TierData = NonNullable<Salvaged<Exclude<NonNullable<SloV1["alerts"]>["burnRate"], string | undefined>[number]>>;

function tierRequest(data: TierData, path: DataPath, origin: Origin, diagnostics: Diagnostic[]): TierRequest {
  const written = origin.keysAt(path);
  const byFactor = written.includes("factor");
  const byBudget = written.includes("budgetConsumed");
  if (byFactor === byBudget) {
    diagnostics.push(
      diagnostic(
        "TIER_THRESHOLD",
        "give either `factor` (a burn rate such as 14.4) or `budgetConsumed` (such as `2%`), not both or neither",
        origin.at(path),
      ),
    );
  }
  const threshold =
    byFactor === byBudget
      ? {}
      : byFactor
        ? data.factor === undefined
          ? {}
          : { factor: data.factor }
        : data.budgetConsumed === undefined
          ? {}
          : { budgetConsumedPercent: percentValue(data.budgetConsumed) };
  const longWindowSeconds = data.longWindow === undefined ? undefined : durationSeconds(data.longWindow);
  const shortWindowSeconds = data.shortWindow === undefined ? undefined : durationSeconds(data.shortWindow);
  return {
    ...(data.severity === undefined ? {} : { severity: data.severity }),
    ...(data.window === undefined ? {} : { window: data.window }),
    ...(longWindowSeconds === undefined ? {} : { longWindowSeconds }),
    ...(shortWindowSeconds === undefined ? {} : { shortWindowSeconds }),
    ...threshold,
    ...(data.warning === undefined ? {} : { warningFactor: data.warning }),
    ...(data.datadogId === undefined ? {} : { datadogId: data.datadogId }),
    at: {
      ...origin.parts(path, ["severity", "window", "longWindow", "shortWindow", "warning", "datadogId"]),
      threshold: origin.at([...path, byFactor ? "factor" : "budgetConsumed"]),
    },
  };
}

function tagsOf(data: readonly (string | undefined)[] | undefined, path: DataPath, origin: Origin): Tag[] {
  return (data ?? []).flatMap((written, index) =>
    written === undefined ? [] : [{ written, normalised: normaliseTag(written), at: origin.at([...path, index]) }],
  );
}

/** A service's handles for both severities: nobody where it names none. */
function notifyOf(
  data: Salvaged<NonNullable<ServiceV1["notify"]>> | undefined,
  path: DataPath,
  origin: Origin,
): Notify {
  return {
    page: located(data?.page, [...path, "page"], origin),
    ticket: located(data?.ticket, [...path, "ticket"], origin),
  };
}

/** An SLO's handles for the severities it names, which replace the service's. */
function notifyOverride(
  data: Salvaged<NonNullable<ServiceV1["notify"]>>,
  path: DataPath,
  origin: Origin,
): Partial<Notify> {
  return Object.fromEntries(
    SEVERITIES.flatMap((severity) =>
      data[severity] === undefined ? [] : [[severity, located(data[severity], [...path, severity], origin)]],
    ),
  );
}

function located(values: readonly (string | undefined)[] | undefined, path: DataPath, origin: Origin): Handle[] {
  return (values ?? []).flatMap((value, index): Located<string>[] =>
    value === undefined ? [] : [{ value, at: origin.at([...path, index]) }],
  );
}

function dependenciesOf(
  data: Readonly<Record<string, number | undefined>> | undefined,
  path: DataPath,
  origin: Origin,
): Draft<Dependency>[] {
  return Object.entries(data ?? {}).map(([name, availability]) => ({
    name,
    ...(availability === undefined ? {} : { availability }),
    at: { self: origin.at([...path, name], "key"), availability: origin.at([...path, name]) },
  }));
}

function reviewOf(
  data: Salvaged<NonNullable<ServiceV1["review"]>> | undefined,
  origin: Origin,
): { review?: Draft<ReviewCadence> } {
  if (data === undefined) return {};
  const months = data.every === undefined ? undefined : cadenceMonths(data.every);
  return {
    review: {
      ...(data.every === undefined ? {} : { every: data.every }),
      ...(data.last === undefined ? {} : { last: data.last }),
      ...(data.last === undefined || months === undefined ? {} : { due: nextReviewDate(data.last, months) }),
      at: origin.parts(["review"], ["every", "last"]),
    },
  };
}

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a duration the schema accepted, such as `300ms`, `5m` or `24h`. */
function durationSeconds(duration: string): number | undefined {
  const match = DURATION_PATTERN.exec(duration);
  return match ? Number(match[1]) * (SECONDS_PER_UNIT[match[2] ?? ""] ?? Number.NaN) : undefined;
}

/** The number in a percentage the schema accepted, such as `10%`. */
function percentValue(text: string): number {
  return Number(PERCENT_PATTERN.exec(text)?.[1] ?? Number.NaN);
}

function windowOrder(window: Window | undefined): number {
  return window === undefined ? WINDOWS.length : WINDOWS.indexOf(window);
}
