import type { Service, Sli, Slo } from "../model/model.js";
import { sloLogicalId } from "./logical-ids.js";
import { sloTitle } from "./titles.js";
import { SLO_RESOURCE, type SloConfig, type SloResource } from "./resources.js";
import { optional } from "../util/optional.js";

/** Plans the `datadog_service_level_objective` for one SLO. */
export function planSlo(service: Service, slo: Slo): SloResource {
  const { primary } = slo;
  const config: SloConfig = {
    name: sloTitle(service, slo),
    ...sliConfig(slo.sli),
    ...(slo.description === undefined ? {} : { description: slo.description.trim() }),
    thresholds: slo.objectives.map(({ window, target, warning }) => ({
      timeframe: window,
      target,
      ...optional("warning", warning),
    })),
    timeframe: primary.window,
    targetThreshold: primary.target,
    ...optional("warningThreshold", primary.warning),
    tags: slo.resourceTags,
    // A dashboard uses the SLO: without force_delete, deleting it later fails with 409.
    ...(service.dashboard ? { forceDelete: true } : {}),
  };
  return {
    resourceType: SLO_RESOURCE,
    logicalId: sloLogicalId(service.name, slo.name),
    ...optional("importId", slo.datadogId),
    service: service.stack,
    slo: slo.name,
    config,
  };
}

type SliConfig = Pick<SloConfig, "type" | "query" | "monitorIds" | "groups" | "sliSpecification">;

function sliConfig(sli: Sli): SliConfig {
  switch (sli.kind) {
    case "ratio":
    case "latency":
      return { type: "metric", query: { numerator: sli.numerator, denominator: sli.denominator } };
    case "timeSlice":
      return {
        type: "time_slice",
        sliSpecification: {
          timeSlice: {
            comparator: sli.comparator,
            threshold: sli.threshold,
            queryIntervalSeconds: sli.intervalSeconds,
            // Datadog requires the formula even for a single query (`query1`); the provider keeps the queries' order.
            query: {
              formula: { formulaExpression: sli.formula },
              query: sli.queries.map(({ name, query }) => ({ metricQuery: { name, query, dataSource: "metrics" } })),
            },
          },
        },
      };
    case "monitors":
      return { type: "monitor", monitorIds: sli.monitorIds, ...(sli.groups.length > 0 ? { groups: sli.groups } : {}) };
  }
}
