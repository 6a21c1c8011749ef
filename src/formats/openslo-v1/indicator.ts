import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataPath } from "../../load/source-file.js";
import type { At, Located } from "../../model/model.js";
import type { Salvaged } from "../shape.js";
import type { ObjectIndex, OpenSloObject, Placed } from "./objects.js";
import type { SliSpecV1 } from "./schema.js";
import { optional } from "../../util/optional.js";

/** What an OpenSLO SLI measures, in the terms a Datadog SLO takes. */
export type Measurement =
  | {
      readonly kind: "ratio";
      readonly events: "good" | "bad";
      readonly eventsQuery?: string;
      readonly total?: string;
      readonly at: At<"events" | "total">;
    }
  | { readonly kind: "threshold"; readonly query?: string; readonly at: At<"query"> };

/**
 * The formula of a ratio judged per time slice, as a Datadog time-slice SLI writes it, by the
 * events its first query counts: good (or bad) events `query1` over total events `query2`.
 */
export const SLICED_RATIO_FORMULAS = {
  good: "query1 / query2",
  bad: "(query2 - query1) / query2",
} as const satisfies Record<Extract<Measurement, { kind: "ratio" }>["events"], string>;

/** The SLI an SLO measures with: its inline `indicator`, or the SLI its `indicatorRef` names. */
export function indicatorOf(
  slo: OpenSloObject<"SLO">,
  index: ObjectIndex,
  diagnostics: Diagnostic[],
): Placed<"SLI"> | undefined {
  const { origin } = slo;
  const written = origin.keysAt(["spec"]);
  const inline = written.includes("indicator");
  const byRef = written.includes("indicatorRef");
  if (inline === byRef) {
    diagnostics.push(
      diagnostic(
        inline ? "INVALID_VALUE" : "MISSING_KEY",
        "give the SLO either `indicator` (an SLI inline) or `indicatorRef` (the name of an SLI), not both or neither",
        inline ? origin.at(["spec", "indicatorRef"], "key") : origin.at(["spec"]),
      ),
    );
    return undefined;
  }
  const spec = slo.data.spec;
  if (inline) return { origin, path: ["spec", "indicator", "spec"], spec: spec?.indicator?.spec };
  const name = spec?.indicatorRef;
  // An unknown name is reported once, by checkReferences.
  const found = name === undefined ? undefined : index.find("SLI", name);
  return found && { origin: found.origin, path: ["spec"], spec: found.data.spec };
}

/**
 * What an SLI measures: a ratio of good (or bad) events over total events, or a threshold metric,
 * each from Datadog queries. A precomputed raw ratio, or an SLI naming both kinds or neither, is
 * refused here.
 */
export function measurementOf(
  indicator: Placed<"SLI">,
  index: ObjectIndex,
  diagnostics: Diagnostic[],
): Measurement | undefined {
  const { origin, path, spec } = indicator;
  const kinds = ["thresholdMetric", "ratioMetric"].filter((kind) => origin.keysAt(path).includes(kind));
  if (kinds.length !== 1) {
    diagnostics.push(
      diagnostic(
        "SLI_KIND",
        `an OpenSLO SLI has exactly one of thresholdMetric and ratioMetric; found ${kinds.length === 0 ? "none" : "both"}: keep one`,
        kinds[0] === undefined ? origin.at(path) : origin.at([...path, kinds[0]], "key"),
      ),
    );
    return undefined;
  }
  if (spec?.thresholdMetric) {
    const metricPath = [...path, "thresholdMetric"];
    const query = queryOf(indicator, metricPath, spec.thresholdMetric, index, diagnostics);
    return {
      kind: "threshold",
      ...optional("query", query?.value),
      at: { self: origin.at(path), query: query?.at ?? origin.at(metricPath) },
    };
  }
  const ratio = spec?.ratioMetric;
  if (!ratio) return undefined;
  const ratioPath = [...path, "ratioMetric"];
  const written = origin.keysAt(ratioPath);
  if (written.includes("raw")) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_RAW_RATIO",
        "a raw ratio is computed elsewhere, and a Datadog SLO counts events itself: give `good` (or `bad`) and `total` queries instead",
        origin.at([...ratioPath, "raw"], "key"),
      ),
    );
    return undefined;
  }
  if (written.includes("good") === written.includes("bad")) {
    diagnostics.push(
      diagnostic(
        "RATIO_EVENTS",
        "give either `good` (good events) or `bad` (bad events) with `total`, not both or neither",
        origin.at(ratioPath),
      ),
    );
  }
  if (!written.includes("total")) {
    diagnostics.push(
      diagnostic("MISSING_KEY", "add `total`: the query of all events the ratio divides by", origin.at(ratioPath)),
    );
  }
  const events = written.includes("good") ? "good" : "bad";
  const eventsQuery = queryOf(indicator, [...ratioPath, events], ratio[events], index, diagnostics);
  const total = queryOf(indicator, [...ratioPath, "total"], ratio.total, index, diagnostics);
  return {
    kind: "ratio",
    events,
    ...optional("eventsQuery", eventsQuery?.value),
    ...optional("total", total?.value),
    at: {
      self: origin.at(ratioPath),
      events: eventsQuery?.at ?? origin.at([...ratioPath, events]),
      total: total?.at ?? origin.at([...ratioPath, "total"]),
    },
  };
}

type MetricData = Salvaged<NonNullable<SliSpecV1["thresholdMetric"]>>;

/**
 * The Datadog query of a metric: `metricSource.spec.query`, from a source whose type (its own, or
 * its DataSource's) is Datadog. Any other source is refused, at the place that names it.
 */
function queryOf(
  { origin }: Placed<"SLI">,
  metricPath: DataPath,
  metric: MetricData | undefined,
  index: ObjectIndex,
  diagnostics: Diagnostic[],
): Located<string> | undefined {
  const source = metric?.metricSource;
  if (source === undefined) return undefined;
  const sourcePath = [...metricPath, "metricSource"];
  const ref = source.metricSourceRef;
  const dataSource = ref === undefined ? undefined : index.find("DataSource", ref);
  const type = source.type ?? dataSource?.data.spec?.type;
  const typeAt = origin.at([...sourcePath, source.type === undefined ? "metricSourceRef" : "type"]);
  if (type === undefined) {
    if (ref === undefined) {
      diagnostics.push(
        diagnostic(
          "OPENSLO_SOURCE",
          "say where the metric comes from: `type: Datadog`, or `metricSourceRef` naming a Datadog DataSource",
          origin.at(sourcePath),
        ),
      );
    }
    return undefined;
  }
  if (type.toLowerCase() !== "datadog") {
    const from = source.type === undefined ? ` (through the DataSource "${ref ?? ""}")` : "";
    diagnostics.push(
      diagnostic(
        "OPENSLO_SOURCE",
        `the metric source is ${JSON.stringify(type)}${from}: slocc compiles to Datadog SLOs, whose queries must come from Datadog; ` +
          "write the query for Datadog with `type: Datadog`",
        typeAt,
      ),
    );
    return undefined;
  }
  const query = source.spec?.["query"];
  if (typeof query !== "string") {
    diagnostics.push(
      diagnostic(
        "OPENSLO_SOURCE",
        "a Datadog metric source gives its metric query as `spec.query`, such as `sum:requests{service:web}.as_count()`",
        origin.at([...sourcePath, "spec"]),
      ),
    );
    return undefined;
  }
  return { value: query.trim(), at: origin.at([...sourcePath, "spec", "query"]) };
}
