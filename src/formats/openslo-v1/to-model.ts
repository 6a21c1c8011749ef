import { diagnostic, type Diagnostic, type Result } from "../../diagnostics/diagnostic.js";
import type { DataPath, SourceFile } from "../../load/source-file.js";
import { resolveAlerting } from "../../model/alerting.js";
import type {
  Comparator,
  Correction,
  Draft,
  Located,
  Model,
  Objective,
  Position,
  Service,
  Sli,
  Slo,
  Tag,
  TimeSliceSli,
} from "../../model/model.js";
import { latencyOf, latencySli, ratioSli } from "../../model/ratio.js";
import { singleQueryForm } from "../../model/time-slice.js";
import { resourceTagsOf, SLOCC_TAG_KEYS, tagOf } from "../../model/tags.js";
import { normaliseTag } from "../../datadog/tags.js";
import { compareWindows, type Window } from "../../datadog/windows.js";
import { withoutFloatNoise } from "../../util/float.js";
import { compareText } from "../../util/text.js";
import type { SpecComments } from "../slocc-v1/writer.js";
import { alertingOf } from "./alert-policies.js";
import { ANNOTATIONS, parseObjectives } from "./annotations.js";
import { parseCorrections } from "./corrections.js";
import { fixedMinutes, isCalendarUnit, windowOfMinutes } from "./durations.js";
import { indicatorOf, measurementOf, SLICED_RATIO_FORMULAS, type Measurement } from "./indicator.js";
import { checkReferences, ObjectIndex, readObjects, type OpenSloObject } from "./objects.js";
import { KINDS, type Kind } from "./schema.js";
import { optional } from "../../util/optional.js";
import type { Origin } from "../origin.js";

/** Options of an OpenSLO import. */
export interface OpenSloImportOptions {
  /** The owning team of every service imported, instead of its Service's `slocc/owner` annotation. */
  readonly owner?: string;
}

/** The model an OpenSLO import maps to, with what the specs written from it should say in comments. */
export interface OpenSloImport {
  readonly model: Draft<Model>;
  /** How many objects of each kind were read, in the order of the kinds. */
  readonly objectsRead: readonly { readonly kind: Kind; readonly count: number }[];
  /** By service: where it came from, and the display names slocc has no field for. */
  readonly comments: ReadonlyMap<string, SpecComments>;
}

/**
 * Maps the objects of parsed OpenSLO documents to a model draft: one service per `spec.service`
 * its SLOs name, one SLO per OpenSLO SLO, references resolved across every document. Whatever
 * Datadog cannot hold is refused with a diagnostic at the place that says it; every position in
 * the draft is in the OpenSLO documents, so the rules that run on the draft point there too.
 */
export function openSloToModel(
  documents: readonly SourceFile[],
  options: OpenSloImportOptions = {},
): Result<OpenSloImport> {
  const read = readObjects(documents);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const index = new ObjectIndex(read.value, diagnostics);
  checkReferences(read.value, index, diagnostics);
  const byService = new Map<string, OpenSloObject<"SLO">[]>();
  for (const slo of index.allSlos()) {
    const service = slo.data.spec?.service;
    if (service !== undefined) byService.set(service, [...(byService.get(service) ?? []), slo]);
  }
  const comments = new Map<string, SpecComments>();
  const services = [...byService]
    .sort(([a], [b]) => compareText(a, b))
    .map(([name, slos]) => {
      const mapped = serviceDraft(name, slos, index, options, diagnostics);
      comments.set(name, mapped.comments);
      return mapped.service;
    });
  const objectsRead = KINDS.map((kind) => ({
    kind,
    count: read.value.filter((object) => object.kind === kind).length,
  })).filter(({ count }) => count > 0);
  return { value: { model: { services, catalogs: [] }, objectsRead, comments }, diagnostics };
}

type ServiceContext = Omit<Draft<Service>, "slos">;

function serviceDraft(
  name: string,
  slos: readonly OpenSloObject<"SLO">[],
  index: ObjectIndex,
  options: OpenSloImportOptions,
  diagnostics: Diagnostic[],
): { service: Draft<Service>; comments: SpecComments } {
  const object = index.find("Service", name);
  const [first] = slos;
  const nameAt = object?.origin.at(["metadata", "name"]) ?? first?.origin.at(["spec", "service"]);
  if (nameAt === undefined) throw new Error("a service is mapped from at least one SLO");
  const annotated = object?.data.metadata?.annotations?.[ANNOTATIONS.owner];
  const team =
    options.owner === undefined && annotated === undefined
      ? teamOwner([...(object ? [object] : []), ...slos], diagnostics)
      : undefined;
  const owner = options.owner ?? annotated ?? team?.value;
  const ownerAt =
    options.owner !== undefined
      ? undefined
      : annotated !== undefined
        ? object?.origin.at(["metadata", "annotations", ANNOTATIONS.owner])
        : team?.at;
  if (owner === undefined) {
    diagnostics.push(
      diagnostic(
        "MISSING_OWNER",
        `the service "${name}" has no owner: pass \`--owner <team>\`, annotate its Service with \`${ANNOTATIONS.owner}: <team>\`, ` +
          "or label it (or its SLOs) with `team: [<team>]`",
        nameAt,
      ),
    );
  }
  const description = object?.data.spec?.description;
  const service: ServiceContext = {
    name,
    ...optional("owner", owner),
    ...optional("description", description),
    tags: object ? labelTags(object, owner) : [],
    notify: { page: [], ticket: [] },
    dependencies: [],
    journeys: [],
    approvers: [],
    dashboard: true,
    corrections: annotatedCorrections(object, "service", diagnostics),
    stack: name,
    at: { self: object?.origin.at([]) ?? nameAt, name: nameAt, owner: ownerAt ?? nameAt, environment: nameAt },
  };
  const sloComments = new Map<string, string[]>();
  const drafts = slos.map((slo) => {
    const displayName = slo.data.metadata?.displayName;
    if (displayName !== undefined && slo.name !== undefined) sloComments.set(slo.name, [`displayName: ${displayName}`]);
    return sloDraft(slo, service, index, diagnostics);
  });
  drafts.sort((a, b) => compareText(a.name ?? "", b.name ?? ""));
  const serviceDisplayName = object?.data.metadata?.displayName;
  const draft = { ...service, slos: drafts };
  const files = [...filesOf(draft, new Set())].sort(compareText);
  return {
    service: draft,
    comments: {
      service: [
        `Imported from OpenSLO by \`slocc import openslo\`: ${files.join(", ")}`,
        ...(serviceDisplayName === undefined ? [] : [`displayName: ${serviceDisplayName}`]),
      ],
      slos: sloComments,
    },
  };
}

function sloDraft(
  slo: OpenSloObject<"SLO">,
  service: ServiceContext,
  index: ObjectIndex,
  diagnostics: Diagnostic[],
): Draft<Slo> {
  const { origin, data } = slo;
  const spec = data.spec;
  const window = windowOf(slo, diagnostics);
  const composite = compositeObjective(slo, diagnostics);
  const budgeted = composite ? undefined : measurementFor(slo, index, diagnostics);
  const measured = budgeted?.measured;
  const objective = composite ? undefined : objectiveOf(slo, budgeted, window, diagnostics);
  const objectives = objective === undefined ? [] : annotatedObjectives(slo, objective, diagnostics);
  const primary = objectives[0];
  const sli = measured && objective ? sliOf(measured, objective.slice) : undefined;
  const tags = labelTags(slo, service.owner);
  const policies = alertingOf(slo, index, window?.at ?? origin.at(["spec"]), diagnostics);
  const alerts = resolveAlerting(
    { choice: policies.tiers.length > 0 ? "custom" : "none", tiers: policies.tiers, notify: policies.notify },
    objectives,
    primary,
    service.notify ?? {},
    undefined,
  );
  const name = data.metadata?.name;
  const resourceTags = resourceTagsOf(service, name, undefined, tags);
  const nameAt = origin.at(["metadata", "name"]);
  return {
    ...optional("stack", service.stack),
    ...optional("name", name),
    ...(spec?.description === undefined ? {} : { description: spec.description }),
    ...optional("sli", sli),
    objectives: [...objectives].sort((a, b) => compareWindows(a.window, b.window)),
    ...optional("primary", primary),
    tags,
    ...optional("resourceTags", resourceTags),
    alerts,
    corrections: [...(service.corrections ?? []), ...annotatedCorrections(slo, "slo", diagnostics)],
    at: {
      self: origin.at([]),
      name: nameAt,
      displayName: origin.at(["metadata", "displayName"]),
      datadogId: nameAt,
      renamedFrom: nameAt,
      sli: measured?.at.self ?? origin.at(["spec"]),
      objectives: origin.at(["spec", "objectives"]),
      alerts: origin.at(["spec", "alertPolicies"]),
    },
  };
}

/** The Datadog window of the SLO's one rolling time window (30d, with a warning, when it gives none). */
function windowOf(slo: OpenSloObject<"SLO">, diagnostics: Diagnostic[]): { window: Window; at: Position } | undefined {
  const { origin } = slo;
  if (!origin.keysAt(["spec"]).includes("timeWindow")) {
    const at = origin.at(["spec"], "key");
    diagnostics.push(
      diagnostic(
        "OPENSLO_NO_WINDOW",
        "the SLO gives no timeWindow: a rolling 30d is used; write `timeWindow: [{ duration: 30d, isRolling: true }]` to say so",
        at,
      ),
    );
    return { window: "30d", at };
  }
  const written = slo.data.spec?.timeWindow?.[0];
  if (written === undefined) return undefined;
  const path = ["spec", "timeWindow", 0];
  const keys = origin.keysAt(path);
  if (keys.includes("calendar") || written.isRolling !== true) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_WINDOW",
        "a calendar window resets on dates, and Datadog SLOs roll over the last 7, 30 or 90 days: write `isRolling: true` without `calendar`",
        origin.at(
          [...path, keys.includes("calendar") ? "calendar" : "isRolling"],
          keys.includes("calendar") ? "key" : "value",
        ),
      ),
    );
    return undefined;
  }
  const duration = written.duration;
  if (duration === undefined) return undefined;
  const minutes = fixedMinutes(duration);
  const window = minutes === undefined ? undefined : windowOfMinutes(minutes);
  if (window === undefined) {
    const reason = isCalendarUnit(duration)
      ? "months, quarters and years have no fixed length"
      : `Datadog has no rolling ${duration} window`;
    diagnostics.push(
      diagnostic(
        "OPENSLO_WINDOW",
        `${reason}: Datadog SLOs roll over 7, 30 or 90 days; write \`7d\`, \`30d\` or \`90d\``,
        origin.at([...path, "duration"]),
      ),
    );
    return undefined;
  }
  return { window, at: origin.at([...path, "duration"]) };
}

/** Whether an objective has an indicator of its own (a composite SLO), which is refused. */
function compositeObjective(slo: OpenSloObject<"SLO">, diagnostics: Diagnostic[]): boolean {
  const { origin } = slo;
  const index = (slo.data.spec?.objectives ?? []).findIndex((_, position) =>
    origin.keysAt(["spec", "objectives", position]).some((key) => key === "indicator" || key === "indicatorRef"),
  );
  if (index < 0) return false;
  const key = origin.keysAt(["spec", "objectives", index]).includes("indicator") ? "indicator" : "indicatorRef";
  diagnostics.push(
    diagnostic(
      "OPENSLO_COMPOSITE",
      "a composite SLO weighs several indicators, which one Datadog SLO cannot: write one SLO per indicator",
      origin.at(["spec", "objectives", index, key], "key"),
    ),
  );
  return true;
}

/** What an SLO measures, and whether its budget counts time slices rather than events. */
interface Budgeted {
  readonly measured: Measurement;
  /** A threshold metric, or a ratio judged slice by slice (`budgetingMethod: Timeslices`). */
  readonly perSlice: boolean;
}

/**
 * The SLO's measurement, when its budgeting method is one Datadog computes for it: Occurrences
 * (good events over all events) or Timeslices (the share of good time slices) for a ratio,
 * Timeslices for a threshold metric.
 */
function measurementFor(
  slo: OpenSloObject<"SLO">,
  index: ObjectIndex,
  diagnostics: Diagnostic[],
): Budgeted | undefined {
  const indicator = indicatorOf(slo, index, diagnostics);
  const measured = indicator && measurementOf(indicator, index, diagnostics);
  if (measured === undefined) return undefined;
  const method = slo.data.spec?.budgetingMethod;
  if (method === undefined) {
    const budgeted = { measured, perSlice: measured.kind === "threshold" };
    if (slo.origin.keysAt(["spec"]).includes("budgetingMethod")) return budgeted;
    const inferred = measured.kind === "ratio" ? "Occurrences" : "Timeslices";
    diagnostics.push(
      diagnostic(
        "OPENSLO_NO_BUDGETING",
        `the SLO gives no budgetingMethod: ${inferred} is used, the method Datadog computes ${measured.kind === "ratio" ? "a ratio" : "a threshold metric"} with; ` +
          `write \`budgetingMethod: ${inferred}\` to say so`,
        slo.origin.at(["spec"], "key"),
      ),
    );
    return budgeted;
  }
  if (method === "Timeslices") return { measured, perSlice: true };
  if (method === "Occurrences" && measured.kind === "ratio") return { measured, perSlice: false };
  const reason =
    method === "RatioTimeslices"
      ? "RatioTimeslices averages the ratios of time slices, which Datadog does not compute: " +
        "write `budgetingMethod: Occurrences` to count good events over all events, or `Timeslices` to count good slices"
      : "a threshold metric is judged per time slice: Datadog computes it with `budgetingMethod: Timeslices`";
  diagnostics.push(diagnostic("OPENSLO_BUDGETING", reason, slo.origin.at(["spec", "budgetingMethod"])));
  return undefined;
}

/** The SLO's objective in slocc's terms, and for a threshold metric how a time slice is judged. */
interface ObjectiveReading {
  readonly objective: Draft<Objective>;
  readonly slice?: TimeSliceCondition;
}

interface TimeSliceCondition {
  readonly comparator: Comparator;
  readonly threshold: number;
  readonly intervalSeconds: 60 | 300;
  readonly at: { readonly comparator: Position; readonly threshold: Position };
}

const COMPARATORS = { lt: "<", lte: "<=", gt: ">", gte: ">=" } as const satisfies Record<string, Comparator>;

function objectiveOf(
  slo: OpenSloObject<"SLO">,
  budgeted: Budgeted | undefined,
  window: { window: Window; at: Position } | undefined,
  diagnostics: Diagnostic[],
): ObjectiveReading | undefined {
  const { origin } = slo;
  const list = slo.data.spec?.objectives ?? [];
  if (list.length > 1) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_OBJECTIVE",
        "a Datadog SLO has one target per window, and an OpenSLO SLO one window: write one SLO per objective",
        origin.at(["spec", "objectives", 1]),
      ),
    );
  }
  const data = list[0];
  if (data === undefined) return undefined;
  const written: WrittenObjective = {
    data,
    path: ["spec", "objectives", 0],
    keys: origin.keysAt(["spec", "objectives", 0]),
    origin,
    refuse: (message, at) => diagnostics.push(diagnostic("OPENSLO_OBJECTIVE", message, at)),
  };
  const target = objectiveTarget(written);
  const objective: Draft<Objective> = {
    ...optional("window", window?.window),
    ...optional("target", target?.value),
    at: {
      self: origin.at(written.path),
      window: window?.at ?? origin.at(["spec"]),
      target: target?.at ?? origin.at(written.path),
      warning: origin.at(written.path),
    },
  };
  const measured = budgeted?.measured;
  if (measured?.kind === "ratio") return ratioObjective(objective, written, budgeted?.perSlice === true);
  if (measured === undefined) return { objective };
  const slice = thresholdSlice(written);
  return slice ? { objective, slice } : { objective };
}

/** An SLO's one objective as written, where it is, and how to refuse what it says. */
interface WrittenObjective {
  readonly data: NonNullable<NonNullable<NonNullable<OpenSloObject<"SLO">["data"]["spec"]>["objectives"]>[number]>;
  readonly path: DataPath;
  readonly keys: readonly string[];
  readonly origin: Origin;
  readonly refuse: (message: string, at: Position) => void;
}

/** The target in percent, from `target` (a fraction) or `targetPercent`: exactly one of the two. */
function objectiveTarget({ data, path, keys, origin, refuse }: WrittenObjective): Located<number> | undefined {
  if (keys.includes("target") === keys.includes("targetPercent")) {
    refuse(
      "give the objective either `target` (such as 0.999) or `targetPercent` (such as 99.9), not both or neither",
      origin.at(path),
    );
  }
  if (data.targetPercent !== undefined && !keys.includes("target"))
    return { value: data.targetPercent, at: origin.at([...path, "targetPercent"]) };
  if (data.target !== undefined && !keys.includes("targetPercent"))
    return { value: withoutFloatNoise(data.target * 100), at: origin.at([...path, "target"]) };
  return undefined;
}

/** A ratio's objective: its target, and when it is judged per time slice, how a slice's ratio is judged. */
function ratioObjective(objective: Draft<Objective>, written: WrittenObjective, perSlice: boolean): ObjectiveReading {
  const { path, keys, origin, refuse } = written;
  // A ratio judged per time slice may say with `op` how a slice's ratio compares with its target.
  const misplaced = (perSlice ? ["value"] : ["op", "value"]).find((key) => keys.includes(key));
  if (misplaced) {
    refuse(
      perSlice
        ? "`value` compares a threshold metric; a ratio judged per time slice compares its ratio with `timeSliceTarget`: remove it"
        : "`op` and `value` compare a threshold metric; a ratio's objective gives only its target: remove them",
      origin.at([...path, misplaced], "key"),
    );
  }
  if (!perSlice) return { objective };
  const slice = ratioSlice(written);
  return slice ? { objective, slice } : { objective };
}

/** How a threshold metric's time slice is judged: `op` and `value` over a `timeSliceWindow` of 1 or 5 minutes. */
function thresholdSlice(written: WrittenObjective): TimeSliceCondition | undefined {
  const { data, path, keys, origin, refuse } = written;
  const missing = ["op", "value", "timeSliceWindow"].filter((key) => !keys.includes(key));
  if (missing.length > 0) {
    refuse(
      `a threshold objective gives \`op\`, \`value\` and \`timeSliceWindow\` (1m or 5m): add ${missing.map((key) => `\`${key}\``).join(", ")}`,
      origin.at(path),
    );
  }
  if (data.timeSliceTarget !== undefined && data.timeSliceTarget !== 1) {
    refuse(
      "Datadog counts a slice good when the query meets the threshold over it: only `timeSliceTarget: 1` has a Datadog form",
      origin.at([...path, "timeSliceTarget"]),
    );
  }
  const intervalSeconds = sliceSeconds(written);
  if (data.op === undefined || data.value === undefined || intervalSeconds === undefined) return undefined;
  return {
    comparator: COMPARATORS[data.op],
    threshold: data.value,
    intervalSeconds,
    at: { comparator: origin.at([...path, "op"]), threshold: origin.at([...path, "value"]) },
  };
}

/**
 * How a time slice of a ratio judged slice by slice is good: its ratio reaches `timeSliceTarget`
 * (a fraction, such as 0.95; or exceeds it, with `op: gt`) over a `timeSliceWindow` of 1 or 5 minutes.
 */
function ratioSlice(written: WrittenObjective): TimeSliceCondition | undefined {
  const { data, path, keys, origin, refuse } = written;
  const at = (key: string) => origin.at([...path, key]);
  const missing = ["timeSliceTarget", "timeSliceWindow"].filter((key) => !keys.includes(key));
  if (missing.length > 0) {
    refuse(
      "a ratio judged per time slice gives `timeSliceTarget` (the ratio a good slice reaches, such as 0.95) and " +
        `\`timeSliceWindow\` (1m or 5m): add ${missing.map((key) => `\`${key}\``).join(", ")}`,
      origin.at(path),
    );
  }
  const target = data.timeSliceTarget;
  const targetValid = target !== undefined && target > 0 && target <= 1;
  if (target !== undefined && !targetValid) {
    refuse(
      `\`timeSliceTarget\` is the ratio a good slice reaches, above 0 and at most 1, not ${target}`,
      at("timeSliceTarget"),
    );
  }
  const intervalSeconds = sliceSeconds(written);
  const rising = data.op === undefined || data.op === "gt" || data.op === "gte";
  if (!rising) {
    refuse(
      "a slice of a ratio is good when its ratio reaches `timeSliceTarget`: write `op: gte` or `op: gt`, or leave `op` out",
      at("op"),
    );
  }
  if (!targetValid || !rising || intervalSeconds === undefined) return undefined;
  const targetAt = at("timeSliceTarget");
  return {
    comparator: data.op === "gt" ? ">" : ">=",
    threshold: target,
    intervalSeconds,
    at: { comparator: data.op === undefined ? targetAt : at("op"), threshold: targetAt },
  };
}

/** The length of a time slice in seconds: a `timeSliceWindow` of 1 or 5 minutes, any other refused. */
function sliceSeconds({ data, path, origin, refuse }: WrittenObjective): 60 | 300 | undefined {
  if (data.timeSliceWindow === undefined) return undefined;
  const minutes = fixedMinutes(data.timeSliceWindow);
  if (minutes === 1) return 60;
  if (minutes === 5) return 300;
  refuse(
    `Datadog time slices last 1 or 5 minutes, not ${data.timeSliceWindow}: write \`1m\` or \`5m\``,
    origin.at([...path, "timeSliceWindow"]),
  );
  return undefined;
}

/**
 * The SLO's objectives: the one OpenSLO holds, or those of its `slocc/objectives` annotation
 * (written by `slocc export openslo`), which must list that one first.
 */
function annotatedObjectives(
  slo: OpenSloObject<"SLO">,
  reading: ObjectiveReading,
  diagnostics: Diagnostic[],
): Draft<Objective>[] {
  const { objective } = reading;
  const text = slo.data.metadata?.annotations?.[ANNOTATIONS.objectives];
  if (text === undefined) return [objective];
  const at = slo.origin.at(["metadata", "annotations", ANNOTATIONS.objectives]);
  const listed = parseObjectives(text);
  const [first] = listed ?? [];
  if (listed === undefined || first === undefined) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_ANNOTATION",
        "write the objectives as `<window> <target>[ warning <warning>]`, separated by `;`, such as `30d 99.9 warning 99.95; 7d 99.9`",
        at,
      ),
    );
    return [objective];
  }
  if (first.window !== objective.window || first.target !== objective.target) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_ANNOTATION",
        `the annotation's first objective (${first.window} ${first.target}) is not the SLO's own ` +
          `(${objective.window ?? "?"} ${objective.target ?? "?"}): update the annotation or remove it`,
        at,
      ),
    );
    return [objective];
  }
  return listed.map((each, position) => ({
    window: each.window,
    target: each.target,
    ...optional("warning", each.warning),
    at: position === 0 ? { ...objective.at, warning: at } : { self: at, window: at, target: at, warning: at },
  }));
}

function sliOf(measured: Measurement, slice: TimeSliceCondition | undefined): Draft<Sli> | undefined {
  if (measured.kind === "ratio" && slice) return slicedRatio(measured, slice);
  if (measured.kind === "ratio") {
    const { events, eventsQuery, total } = measured;
    // slocc's own latency SLI, as `export openslo` writes it: a threshold query over the distribution's count.
    const latency =
      events === "good" && eventsQuery !== undefined && total !== undefined ? latencyOf(eventsQuery, total) : undefined;
    if (latency) {
      const at = measured.at.events;
      return latencySli(latency.metric, latency.filter, latency.threshold, {
        self: measured.at.self,
        metric: at,
        filter: at,
        threshold: at,
      });
    }
    return ratioSli(events, eventsQuery, total, measured.at);
  }
  if (slice === undefined) return undefined;
  const { formula, queries, at } = singleQueryForm(measured.query, measured.at.query);
  return { kind: "timeSlice", formula, queries, ...slice, at: { self: measured.at.self, ...at, ...slice.at } };
}

/**
 * A ratio judged slice by slice, as a Datadog time-slice SLI: the formula of the slice's ratio over
 * its two queries, events over total, good when it reaches the slice's target.
 */
function slicedRatio(
  measured: Extract<Measurement, { kind: "ratio" }>,
  slice: TimeSliceCondition,
): Draft<TimeSliceSli> {
  const { events, eventsQuery, total, at } = measured;
  const named = (name: string, query: string | undefined, position: Position) => ({
    name,
    ...optional("query", query),
    at: { self: position, name: position, query: position },
  });
  return {
    kind: "timeSlice",
    formula: SLICED_RATIO_FORMULAS[events],
    queries: [named("query1", eventsQuery, at.events), named("query2", total, at.total)],
    ...slice,
    at: { self: at.self, formula: at.self, queries: at.self, ...slice.at },
  };
}

/**
 * Tags from an object's labels: `key:value` for each value, the bare key for a label without one.
 * A label whose key is a tag slocc sets itself (`team`, `service`, `slo`...) is kept under
 * `openslo-<key>`, as OpenSLO allows it and slocc would otherwise give the resources two values;
 * a `team` value that is the service's owner is left out, as slocc tags the owner as `team` itself.
 */
function labelTags(object: OpenSloObject<"Service" | "SLO">, owner: string | undefined): Tag[] {
  return Object.keys(object.data.metadata?.labels ?? {}).flatMap((key) => {
    const reserved = isSloccTagKey(key);
    const tagKey = reserved ? `${OPENSLO_LABEL_PREFIX}${key}` : key;
    const written = labelValues(object, key);
    const kept = written.filter(({ value }) => !(isTeamKey(key) && value === owner));
    if (written.length > 0) return kept.map(({ value, at }) => tagOf(`${tagKey}:${value}`, at));
    return [tagOf(tagKey, object.origin.at(["metadata", "labels", key], "key"))];
  });
}

/** The values a label gives, one or a list, each where it is written; empty ones left out. */
function labelValues(object: OpenSloObject<"Service" | "SLO">, key: string): Located<string>[] {
  const value = object.data.metadata?.labels?.[key];
  const path = ["metadata", "labels", key];
  return (Array.isArray(value) ? value : [value]).flatMap((each, position) =>
    typeof each === "string" && each !== ""
      ? [{ value: each, at: object.origin.at(Array.isArray(value) ? [...path, position] : path) }]
      : [],
  );
}

/** The prefix of a label whose key slocc reserves for its own tags: `team` is kept as `openslo-team`. */
const OPENSLO_LABEL_PREFIX = "openslo-";

function isSloccTagKey(key: string): boolean {
  return Object.hasOwn(SLOCC_TAG_KEYS, normaliseTag(key));
}

function isTeamKey(key: string): boolean {
  return normaliseTag(key) === "team";
}

/**
 * The owner a `team` label gives: the first value of the first such label, the Service's before
 * its SLOs'. Labels that name other teams too are a warning: the owner is one team, and the
 * others are kept as `openslo-team` tags.
 */
function teamOwner(
  objects: readonly OpenSloObject<"Service" | "SLO">[],
  diagnostics: Diagnostic[],
): Located<string> | undefined {
  const teams = objects.flatMap((object) =>
    Object.keys(object.data.metadata?.labels ?? {})
      .filter(isTeamKey)
      .flatMap((key) => labelValues(object, key)),
  );
  const [first] = teams;
  if (first === undefined) return undefined;
  const others = [...new Set(teams.map((team) => team.value))].filter((team) => team !== first.value);
  if (others.length > 0) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_TEAM",
        `the \`team\` labels name several teams: the owner is "${first.value}", the first; ` +
          `${others.map((team) => `"${team}"`).join(", ")} ${others.length === 1 ? "is" : "are"} kept as \`${OPENSLO_LABEL_PREFIX}team\` tags. ` +
          "Pass `--owner <team>` to choose another",
        first.at,
      ),
    );
  }
  return first;
}

/** The corrections an object's `slocc/corrections` annotation lists (written by `slocc export openslo`). */
function annotatedCorrections(
  object: OpenSloObject<"Service" | "SLO"> | undefined,
  scope: Correction["scope"],
  diagnostics: Diagnostic[],
): Draft<Correction>[] {
  const text = object?.data.metadata?.annotations?.[ANNOTATIONS.corrections];
  if (object === undefined || text === undefined) return [];
  const at = object.origin.at(["metadata", "annotations", ANNOTATIONS.corrections]);
  return parseCorrections(text, scope, at, diagnostics);
}

/** Every file the positions in a draft point into. */
function filesOf(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) filesOf(item, found);
  else if (typeof value === "object" && value !== null) {
    const { file, line } = value as Partial<Position>;
    if (typeof file === "string" && typeof line === "number") found.add(file);
    else for (const item of Object.values(value)) filesOf(item, found);
  }
  return found;
}
