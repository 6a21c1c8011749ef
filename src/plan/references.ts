import {
  CORRECTION_RESOURCE,
  DASHBOARD_RESOURCE,
  MONITOR_RESOURCE,
  SLO_RESOURCE,
  type PlannedResource,
} from "./resources.js";

/** A planned resource's reference to an SLO by id, and the configuration field that holds it. */
export interface SloReference {
  readonly sloLogicalId: string;
  readonly field: string;
}

/**
 * The SLOs a planned resource refers to by id. When an SLO is replaced its id changes, so each of
 * these resources changes with it. Every resource type says here how it refers to SLOs.
 */
export function sloReferences(resource: PlannedResource): SloReference[] {
  switch (resource.resourceType) {
    case SLO_RESOURCE:
      return [];
    case MONITOR_RESOURCE:
      return [{ sloLogicalId: resource.query.sloLogicalId, field: "query" }];
    case CORRECTION_RESOURCE:
      return [{ sloLogicalId: resource.sloLogicalId, field: "slo_id" }];
    case DASHBOARD_RESOURCE: {
      const ids = resource.config.groups.flatMap((group) => group.widgets.map((widget) => widget.sloLogicalId));
      return [...new Set(ids)].map((sloLogicalId) => ({ sloLogicalId, field: "groups" }));
    }
    default: {
      const unknown: never = resource;
      throw new Error(`no SLO references known for ${JSON.stringify(unknown)}`);
    }
  }
}
