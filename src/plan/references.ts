import {
  CORRECTION_RESOURCE,
  DASHBOARD_RESOURCE,
  MONITOR_RESOURCE,
  SLO_RESOURCE,
  type PlannedResource,
} from "./resources.js";

/**
 * A planned resource's reference to an SLO by id, the configuration field that holds it, and what
 * becomes of the resource when the SLO is replaced (a new id): updated in place, or replaced too.
 */
export interface SloReference {
  readonly sloLogicalId: string;
  readonly field: string;
  readonly whenReplaced: "update" | "replace";
}

/**
 * The SLOs a planned resource refers to by id. When an SLO is replaced its id changes, so each of
 * these resources changes with it. Every resource type says here how it refers to SLOs: a monitor's
 * query and a dashboard widget's `slo_id` are updated in place (provider 4.19.0: neither is
 * ForceNew); a correction's `slo_id` cannot be updated (the API's update request has none), so the
 * SLO's replacement replaces it. The emit stage writes `lifecycle.replace_triggered_by` from here.
 */
export function sloReferences(resource: PlannedResource): SloReference[] {
  switch (resource.resourceType) {
    case SLO_RESOURCE:
      return [];
    case MONITOR_RESOURCE:
      return [{ sloLogicalId: resource.query.sloLogicalId, field: "query", whenReplaced: "update" }];
    case CORRECTION_RESOURCE:
      return [{ sloLogicalId: resource.sloLogicalId, field: "slo_id", whenReplaced: "replace" }];
    case DASHBOARD_RESOURCE: {
      const ids = resource.config.groups.flatMap((group) => group.widgets.map((widget) => widget.sloLogicalId));
      return [...new Set(ids)].map((sloLogicalId) => ({ sloLogicalId, field: "groups", whenReplaced: "update" }));
    }
    default: {
      const unknown: never = resource;
      throw new Error(`no SLO references known for ${JSON.stringify(unknown)}`);
    }
  }
}
