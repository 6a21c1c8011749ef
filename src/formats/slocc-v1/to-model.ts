import {
  diagnostic,
  mergeAcrossEnvironments,
  type Diagnostic,
  type InstanceDiagnostics,
  type Result,
} from "../../diagnostics/diagnostic.js";
import type { DataPath, SourceFile } from "../../load/source-file.js";
import { resolveAlerting, type AlertingRequest, type TierRequest } from "../../model/alerting.js";
import { cadenceMonths } from "../../model/cadence.js";
import { CORRECTION_PARTS, resolveCorrection } from "../../model/corrections.js";
import { latencySli, ratioSli } from "../../model/ratio.js";
import type {
  Alerting,
  Catalog,
  Correction,
  Dependency,
  Draft,
  ErrorBudgetAlert,
  Handle,
  Journey,
  Located,
  Notify,
  Objective,
  ReviewCadence,
  Routing,
  Service,
  Sli,
  Slo,
  Tag,
  TimeSliceSli,
} from "../../model/model.js";
import { SEVERITIES } from "../../model/model.js";
import { singleQueryForm } from "../../model/time-slice.js";
import { resourceTagsOf, tagOf } from "../../model/tags.js";
import { compareWindows } from "../../datadog/windows.js";
import { addMonths } from "../../util/dates.js";
import { compareText } from "../../util/text.js";
import { didYouMean } from "../../util/suggest.js";
import type { Salvaged } from "../shape.js";
import { Origin, type Sourced } from "../origin.js";
import { fillData, fillText, type Filling, type KnownVariables } from "./placeholders.js";
import {
  DURATION_PATTERN,
  PERCENT_PATTERN,
  type AlertsV1,
  type CatalogV1,
  type CorrectionV1,
  type EnvironmentV1,
  type ServiceV1,
  type AlertNotifyV1,
  type SliV1,
  type SloV1,
} from "./schema.js";
import { expandTemplate, type TemplateRegistry } from "./templates.js";
import { optional } from "../../util/optional.js";

type ServiceData = Salvaged<ServiceV1>;
type SloData = Salvaged<SloV1>;

/**
 * Maps a service file's readable parts to model drafts, checking the v1 encodings on the way: one
 * service instance per environment the file declares (or one, without environments), each with
 * the environment's routing, tags, objectives and alerts, its placeholders filled and its
 * templates expanded.
 */
export function serviceFromV1(
  file: SourceFile,
  data: ServiceData,
  templates: TemplateRegistry,
): Result<Draft<Service>[]> {
  const origin = new Origin(file);
  const diagnostics: Diagnostic[] = [];
  const shared = sharedParts(data, origin);
  const environments = environmentsOf(data, origin, diagnostics);
  const known = variablesOf(environments);
  const perInstance: InstanceDiagnostics[] = [];
  const instances = (environments.length > 0 ? environments : [undefined]).map((environment) => {
    const instance = instanceParts(data, shared, origin, environment);
    const found: Diagnostic[] = [];
    const slos = (data.slos ?? []).flatMap((slo, index) => {
      if (slo === undefined) return [];
      const mapped = sloFromV1({ data: slo, path: ["slos", index], origin }, instance, environment, known, templates);
      found.push(...mapped.diagnostics);
      return [mapped.value];
    });
    perInstance.push({ environment: environment?.name, diagnostics: found });
    slos.sort((a, b) => compareText(a.name ?? "", b.name ?? ""));
    return { ...instance, slos };
  });
  return { value: instances, diagnostics: [...diagnostics, ...mergeAcrossEnvironments(perInstance)] };
}

/** What every instance of a service shares, whatever its environment. */
function sharedParts(data: ServiceData, origin: Origin) {
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
  return {
    ...optional("name", data.service),
    ...optional("owner", data.owner),
    ...optional("description", data.description),
    ...(data.runbook === undefined ? {} : { runbook: { value: data.runbook, at: origin.at(["runbook"]) } }),
    dependencies: dependenciesOf(data.dependencies, ["dependencies"], origin),
    journeys,
    ...reviewOf(data.review, origin),
    approvers: located(data.approvers, ["approvers"], origin),
    dashboard: data.dashboard ?? true,
    corrections: correctionsOf(data.corrections, ["corrections"], "service", origin),
  } satisfies Omit<Draft<Service>, "slos" | "at" | "tags" | "notify" | "stack" | "environment">;
}

/** A service instance's own parts: its name, stack, tags and routing, from the file and its environment. */
function instanceParts(
  data: ServiceData,
  shared: ReturnType<typeof sharedParts>,
  origin: Origin,
  environment: Environment | undefined,
): ServiceContext {
  const stack =
    shared.name === undefined ? undefined : environment ? `${shared.name}-${environment.name}` : shared.name;
  const environmentTags = environment ? tagsOf(environment.data.tags, [...environment.path, "tags"], origin) : [];
  const notify = environment?.data.notify;
  return {
    ...shared,
    ...(environment ? { environment: environment.name } : {}),
    ...optional("stack", stack),
    tags: [...tagsOf(data.tags, ["tags"], origin), ...environmentTags],
    notify: notify
      ? notifyOf(notify, [...environment.path, "notify"], origin)
      : notifyOf(data.notify, ["notify"], origin),
    at: {
      self: origin.at([]),
      name: origin.at(["service"]),
      owner: origin.at(["owner"]),
      environment: environment ? origin.at(environment.path, "key") : origin.at([]),
    },
  };
}

/** A service's instance without its SLOs: what the SLOs' mapping needs of it. */
type ServiceContext = Omit<Draft<Service>, "slos">;

/** One environment a service declares, where it is written. */
interface Environment extends Sourced<NonNullable<Salvaged<EnvironmentV1>>> {
  readonly name: string;
  /** `env` and the environment's `vars`: the values of its placeholders. */
  readonly variables: ReadonlyMap<string, string | number>;
}

/**
 * The environments a service declares, by name. Their objectives and alerts must name SLOs of the
 * service: a name that is not one is an error at the name, with the SLO it was likely meant to be.
 */
function environmentsOf(data: ServiceData, origin: Origin, diagnostics: Diagnostic[]): Environment[] {
  const sloNames = (data.slos ?? []).flatMap((slo) => (slo?.name === undefined ? [] : [slo.name]));
  return Object.entries(data.environments ?? {})
    .sort(([a], [b]) => compareText(a, b))
    .flatMap(([name, environment]) => {
      if (environment === undefined) return [];
      const path = ["environments", name];
      for (const part of ["objectives", "alerts"] as const) {
        for (const sloName of Object.keys(environment[part] ?? {}).filter((key) => !sloNames.includes(key))) {
          diagnostics.push(
            diagnostic(
              "UNKNOWN_SLO",
              `the service declares no SLO "${sloName}": name one of its SLOs to replace its ${part} in "${name}".${didYouMean(sloName, sloNames)}`,
              origin.at([...path, part, sloName], "key"),
            ),
          );
        }
      }
      const vars = Object.entries(environment.vars ?? {}).flatMap(([key, value]) =>
        value === undefined ? [] : [[key, value] as const],
      );
      return [
        {
          name,
          data: environment,
          path,
          origin,
          variables: new Map<string, string | number>([["env", name], ...vars]),
        },
      ];
    });
}

/** Maps a catalog file's readable parts to a model draft. */
export function catalogFromV1(file: SourceFile, data: Salvaged<CatalogV1>): Draft<Catalog> {
  const origin = new Origin(file);
  return {
    ...optional("name", data.catalog),
    dependencies: dependenciesOf(data.dependencies, ["dependencies"], origin),
    at: { self: origin.at([]), name: origin.at(["catalog"]) },
  };
}

function variablesOf(environments: readonly Environment[]): KnownVariables {
  if (environments.length === 0) {
    return { names: [], described: "this service declares no environments, whose `env` and `vars` fill placeholders" };
  }
  const names = [...new Set(environments.flatMap((environment) => [...environment.variables.keys()]))].sort(
    compareText,
  );
  return { names, described: "each environment gives `env` and its own `vars`" };
}

function sloFromV1(
  slo: Sourced<SloData>,
  service: ServiceContext,
  environment: Environment | undefined,
  known: KnownVariables,
  templates: TemplateRegistry,
): Result<Draft<Slo>> {
  const { data, path, origin } = slo;
  const diagnostics: Diagnostic[] = [];
  const filling = placeholderFilling(environment, known, origin, diagnostics);
  const { objectives, primary } = sloObjectives(slo, environment);
  const { sli, template } = sloSli(slo, templates, filling, known, diagnostics);
  const tags = tagsOf(data.tags, [...path, "tags"], origin);
  const journeyName = data.journey;
  const journey =
    journeyName === undefined ? undefined : service.journeys?.find((candidate) => candidate.name === journeyName);
  const alerts = sloAlerts(slo, environment, service, { objectives, primary }, diagnostics);
  const description =
    data.description === undefined ? undefined : fillText(data.description, [...path, "description"], filling);
  const draft: Draft<Slo> = {
    ...optional("stack", service.stack),
    ...optional("name", data.name),
    ...optional("displayName", data.displayName),
    ...optional("datadogId", data.datadogId),
    ...optional("renamedFrom", data.renamedFrom),
    ...(description === undefined ? {} : { description: String(description) }),
    ...optional("sli", sli),
    ...(template ? { template: { value: template.name, at: template.usedAt } } : {}),
    ...(journeyName === undefined ? {} : { journey: { value: journeyName, at: origin.at([...path, "journey"]) } }),
    objectives: [...objectives].sort((a, b) => compareWindows(a.window, b.window)),
    ...optional("primary", primary),
    tags,
    ...optional("resourceTags", resourceTagsOf(service, data.name, journey, tags)),
    alerts,
    corrections: [
      ...(service.corrections ?? []),
      ...correctionsOf(data.corrections, [...path, "corrections"], "slo", origin),
    ],
    at: origin.parts(path, ["name", "displayName", "datadogId", "renamedFrom", "sli", "objectives", "alerts"]),
  };
  return { value: draft, diagnostics };
}

/** How an SLO's placeholders are filled: with the environment's variables, a diagnostic for each unknown one. */
function placeholderFilling(
  environment: Environment | undefined,
  known: KnownVariables,
  origin: Origin,
  diagnostics: Diagnostic[],
): Filling {
  return {
    values: environment?.variables ?? new Map<string, string | number>(),
    unknown: (name, written, at) =>
      diagnostics.push(
        diagnostic(
          "UNKNOWN_PLACEHOLDER",
          known.names.includes(name)
            ? `this environment gives no "${name}": add it to the \`vars\` of every environment`
            : `no variable "${name}" for this placeholder: ${known.described}.${didYouMean(name, known.names)}`,
          origin.within(at, written),
        ),
      ),
  };
}

/** An SLO's objectives, the environment's where it replaces them, and its primary (the first written). */
function sloObjectives(
  { data, path, origin }: Sourced<SloData>,
  environment: Environment | undefined,
): { objectives: Draft<Objective>[]; primary: Draft<Objective> | undefined } {
  const written = environment?.data.objectives?.[data.name ?? ""];
  const source = written
    ? { list: written, path: [...(environment?.path ?? []), "objectives", data.name ?? ""] }
    : { list: data.objectives, path: [...path, "objectives"] };
  const objectives = (source.list ?? []).flatMap((objective, index) =>
    objective === undefined ? [] : [objectiveOf(objective, [...source.path, index], origin)],
  );
  return { objectives, primary: source.list?.[0] === undefined ? undefined : objectives[0] };
}

/** An SLO's SLI, written out or expanded from the template it names, its placeholders filled. */
function sloSli(
  { data, path, origin }: Sourced<SloData>,
  templates: TemplateRegistry,
  filling: Filling,
  known: KnownVariables,
  diagnostics: Diagnostic[],
): { sli: Draft<Sli> | undefined; template: ReturnType<typeof expandTemplate> } {
  const sliData = data.sli;
  const sliKeys = origin.keysAt([...path, "sli"]);
  if (sliKeys.includes("params") && !sliKeys.includes("template")) {
    diagnostics.push(
      diagnostic(
        "TEMPLATE_PARAMS",
        "`params` go with `template`: name the SLI template they fill, or remove them",
        origin.at([...path, "sli", "params"], "key"),
      ),
    );
  }
  // A template named beside another SLI kind is refused by the kind check below, not expanded.
  const usesTemplate =
    sliData?.template !== undefined && SLI_KINDS.filter((kind) => sliKeys.includes(kind)).length === 1;
  const template = usesTemplate
    ? expandTemplate({ data: sliData, path: [...path, "sli"], origin }, templates, filling.values, known, diagnostics)
    : undefined;
  const sli = template
    ? sliOf(template.data, template.path, template.origin, diagnostics)
    : sliOf(
        sliData && (fillData(sliData, [...path, "sli"], filling) as Salvaged<SliV1>),
        [...path, "sli"],
        origin,
        diagnostics,
      );
  return { sli, template };
}

/** An SLO's alerts, the environment's where it replaces them, resolved against its objectives and the service's routing. */
function sloAlerts(
  { data, path, origin }: Sourced<SloData>,
  environment: Environment | undefined,
  service: ServiceContext,
  { objectives, primary }: { objectives: Draft<Objective>[]; primary: Draft<Objective> | undefined },
  diagnostics: Diagnostic[],
): Draft<Alerting> {
  const override = environment?.data.alerts?.[data.name ?? ""];
  const source = override
    ? { data: override, path: [...(environment?.path ?? []), "alerts", data.name ?? ""], origin }
    : { data: data.alerts, path: [...path, "alerts"], origin };
  const runbook = data.runbook === undefined ? undefined : { value: data.runbook, at: origin.at([...path, "runbook"]) };
  return resolveAlerting(
    alertingRequest(source, runbook, diagnostics),
    objectives,
    primary,
    service.notify ?? {},
    service.runbook,
  );
}

const SLI_KINDS = ["ratio", "latency", "timeSlice", "monitors", "template"] as const;

/** The SLI of the one kind written; an SLI naming no kind or several is refused here. */
function sliOf(
  data: Salvaged<SliV1> | undefined,
  path: DataPath,
  origin: Origin,
  diagnostics: Diagnostic[],
): Draft<Sli> | undefined {
  if (data === undefined) return undefined;
  const keys = origin.keysAt(path);
  const kinds = SLI_KINDS.filter((kind) => keys.includes(kind));
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
    return ratioSli(events, (events === "good" ? good : bad)?.trim(), total?.trim(), {
      ...origin.parts(kindPath, ["total"]),
      events: origin.at([...kindPath, events]),
    });
  }
  if (data.latency) {
    const { metric, threshold } = data.latency;
    const filter = data.latency.filter?.trim() || "*";
    const value = typeof threshold === "string" ? durationSeconds(threshold) : threshold;
    return latencySli(metric, filter, value, origin.parts(kindPath, ["metric", "filter", "threshold"]));
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
  const form = single
    ? singleQueryForm(data.query?.trim(), origin.at([...path, "query"]))
    : {
        ...(data.formula === undefined ? {} : { formula: data.formula.trim() }),
        queries: (data.queries ?? []).flatMap((query, index) =>
          query === undefined
            ? []
            : [
                {
                  ...optional("name", query.name),
                  ...(query.query === undefined ? {} : { query: query.query.trim() }),
                  at: origin.parts([...path, "queries", index], ["name", "query"]),
                },
              ],
        ),
        at: origin.parts(path, ["formula", "queries"]),
      };
  return {
    kind: "timeSlice",
    ...optional("formula", form.formula),
    queries: form.queries,
    ...optional("comparator", comparator),
    ...optional("threshold", threshold),
    intervalSeconds: interval === "1m" ? 60 : 300,
    at: { ...origin.parts(path, ["comparator", "threshold"]), ...form.at },
  };
}

function objectiveOf(
  data: NonNullable<Salvaged<SloV1["objectives"][number]>>,
  path: DataPath,
  origin: Origin,
): Draft<Objective> {
  return {
    ...optional("window", data.window),
    ...optional("target", data.target),
    ...optional("warning", data.warning),
    at: origin.parts(path, ["window", "target", "warning"]),
  };
}

function alertingRequest(
  source: Sourced<Salvaged<AlertsV1> | undefined>,
  runbook: Draft<Located<string>> | undefined,
  diagnostics: Diagnostic[],
): AlertingRequest {
  const { data: alerts, path: alertsPath, origin } = source;
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
    ...optional("choice", choice),
    ...optional("tiers", tiers),
    ...(errorBudget === undefined
      ? {}
      : {
          errorBudget: {
            ...(errorBudget.critical === undefined ? {} : { criticalPercent: percentValue(errorBudget.critical) }),
            ...(errorBudget.warning === undefined ? {} : { warningPercent: percentValue(errorBudget.warning) }),
            ...optional("window", errorBudget.window),
            ...routingOfAlert(errorBudget.notify, [...errorBudgetPath, "notify"], origin),
            ...optional("datadogId", errorBudget.datadogId),
            at: origin.parts(errorBudgetPath, ["critical", "warning", "window", "datadogId"]),
          } satisfies Draft<ErrorBudgetAlert>,
        }),
    ...(alerts?.notify === undefined
      ? {}
      : { notify: notifyOverride(alerts.notify, [...alertsPath, "notify"], origin) }),
    ...optional("runbook", runbook),
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
    ...optional("severity", data.severity),
    ...optional("window", data.window),
    ...optional("longWindowSeconds", longWindowSeconds),
    ...optional("shortWindowSeconds", shortWindowSeconds),
    ...(data.shortWindow?.endsWith("h") ? { shortWindowUnit: "h" } : {}),
    ...threshold,
    ...optional("warningFactor", data.warning),
    ...routingOfAlert(data.notify, [...path, "notify"], origin),
    ...optional("datadogId", data.datadogId),
    at: {
      ...origin.parts(path, ["severity", "window", "longWindow", "shortWindow", "warning", "datadogId"]),
      threshold: origin.at([...path, byFactor ? "factor" : "budgetConsumed"]),
    },
  };
}

function tagsOf(data: readonly (string | undefined)[] | undefined, path: DataPath, origin: Origin): Tag[] {
  return (data ?? []).flatMap((written, index) =>
    written === undefined ? [] : [tagOf(written, origin.at([...path, index]))],
  );
}

/** The corrections written at `path`, each resolved as far as it can be read. */
function correctionsOf(
  data: readonly (Salvaged<CorrectionV1> | undefined)[] | undefined,
  path: DataPath,
  scope: Correction["scope"],
  origin: Origin,
): Draft<Correction>[] {
  return (data ?? []).flatMap((correction, index) =>
    correction === undefined
      ? []
      : [
          correctionFromV1(
            correction,
            scope,
            origin.keysAt([...path, index]),
            origin.parts([...path, index], CORRECTION_PARTS),
          ),
        ],
  );
}

/**
 * One correction as a slocc spec writes it, resolved as far as it can be read: `keys` are the
 * keys written, `at` where each part was.
 */
export function correctionFromV1(
  correction: Salvaged<CorrectionV1>,
  scope: Correction["scope"],
  keys: readonly string[],
  at: Correction["at"],
): Draft<Correction> {
  const { name, category, description, start, end, rrule, duration, timezone, datadogId } = correction;
  return resolveCorrection({
    ...optional("name", name),
    scope,
    written: {
      ...optional("category", category),
      ...optional("start", start),
      ...optional("end", end),
      ...optional("duration", duration),
      ...optional("timezone", timezone),
      keys,
    },
    ...optional("description", description),
    ...optional("rrule", rrule),
    ...optional("durationSeconds", duration === undefined ? undefined : durationSeconds(duration)),
    ...optional("datadogId", datadogId),
    at,
  });
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

/**
 * An alert's own routing: a list notifies every state; an object names each state's handles, a
 * state it leaves out notifying nobody, and recoveries going by default to whoever heard of the state.
 */
function routingOfAlert(
  data: Salvaged<AlertNotifyV1> | undefined,
  path: DataPath,
  origin: Origin,
): { notify?: Draft<Routing> } {
  if (data === undefined) return {};
  if (Array.isArray(data)) {
    const handles = located(data, path, origin);
    return { notify: { alert: handles, warning: handles, at: origin.at(path) } };
  }
  const byState = data as Salvaged<Exclude<AlertNotifyV1, readonly string[]>>;
  return {
    notify: {
      alert: located(byState.alert, [...path, "alert"], origin),
      warning: located(byState.warning, [...path, "warning"], origin),
      ...(byState.recovery === undefined ? {} : { recovery: located(byState.recovery, [...path, "recovery"], origin) }),
      at: origin.at(path),
    },
  };
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
    ...optional("availability", availability),
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
      ...optional("every", data.every),
      ...optional("last", data.last),
      ...(data.last === undefined || months === undefined ? {} : { due: addMonths(data.last, months) }),
      at: origin.parts(["review"], ["every", "last"]),
    },
  };
}

const SECONDS_PER_UNIT: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in a duration as a spec writes it, such as `300ms`, `5m` or `24h`; undefined for anything else. */
function durationSeconds(duration: string): number | undefined {
  const match = DURATION_PATTERN.exec(duration);
  return match ? Number(match[1]) * (SECONDS_PER_UNIT[match[2] ?? ""] ?? Number.NaN) : undefined;
}

/** The number in a percentage the schema accepted, such as `10%`. */
function percentValue(text: string): number {
  return Number(PERCENT_PATTERN.exec(text)?.[1] ?? Number.NaN);
}
