import { formatSloAlertQuery } from "../datadog/slo-alert-query.js";
import { sloReferences, type SloReference } from "../plan/references.js";
import { SLO_RESOURCE, type CompiledPlan, type PlannedResource } from "../plan/resources.js";
import { compareText, snakeCase } from "../util/text.js";
import type { ResourceChange, ResourceReference } from "./types.js";
import { optional } from "../util/optional.js";

/** Fields whose change makes the provider destroy and recreate the resource (ForceNew). */
const FORCE_NEW_FIELDS: readonly string[] = ["type"];

/**
 * Compares two compiled plans resource by resource, by stack and logical id, as Terraform would
 * see them: unchanged resources are left out; a resource whose head says it moved from a base id
 * is a move rather than a destroy and a create.
 */
export function diffResources(base: CompiledPlan, head: CompiledPlan): ResourceChange[] {
  const before = indexResources(base);
  const after = indexResources(head);
  const changes: ResourceChange[] = [];
  for (const [key, { stack, resource }] of after) {
    const movedKey =
      resource.movedFrom !== undefined && !before.has(key)
        ? resourceKey(stack, resource.resourceType, resource.movedFrom)
        : undefined;
    const previousKey = movedKey !== undefined && before.has(movedKey) ? movedKey : key;
    const movedFrom = previousKey === key ? undefined : resource.movedFrom;
    const previous = before.get(previousKey);
    if (!previous) {
      changes.push({
        stack,
        ...sloOf(resource),
        resourceType: resource.resourceType,
        logicalId: resource.logicalId,
        action: resource.importId === undefined ? "create" : "import",
        fields: [],
      });
      continue;
    }
    before.delete(previousKey);
    const fields = changedFields(previous.resource, resource);
    const replaced = fields.some((field) => FORCE_NEW_FIELDS.includes(field));
    if (movedFrom === undefined && fields.length === 0) continue;
    const action = replaced ? "replace" : movedFrom !== undefined ? "move" : "update";
    changes.push({
      stack,
      ...sloOf(resource),
      resourceType: resource.resourceType,
      logicalId: resource.logicalId,
      action,
      ...optional("movedFrom", movedFrom),
      fields,
    });
  }
  for (const { stack, resource } of before.values()) {
    changes.push({
      stack,
      ...sloOf(resource),
      resourceType: resource.resourceType,
      logicalId: resource.logicalId,
      action: "destroy",
      fields: [],
    });
  }
  return withReferences(changes, base, head).sort(
    (a, b) =>
      compareText(a.stack, b.stack) ||
      compareText(a.resourceType, b.resourceType) ||
      compareText(a.logicalId, b.logicalId),
  );
}

/**
 * A replaced SLO gets a new id, and every resource that refers to it changes with it: each is
 * listed under the SLO with its action. A reference Terraform updates in place makes an update of
 * the field holding it (Terraform reads the new id at apply); one it cannot update replaces the
 * resource, whatever else changed in it.
 */
function withReferences(changes: readonly ResourceChange[], base: CompiledPlan, head: CompiledPlan): ResourceChange[] {
  const byKey = new Map(
    changes.map((change) => [resourceKey(change.stack, change.resourceType, change.logicalId), change]),
  );
  const replaced = changes.filter((change) => change.action === "replace" && change.resourceType === SLO_RESOURCE);
  for (const slo of replaced) {
    const references = new Map<string, ResourceReference>();
    // Those of the base that the head no longer has are destroyed; the head's own are listed below.
    for (const { resource } of referrersOf(base, slo.stack, slo.movedFrom ?? slo.logicalId)) {
      const destroyed = byKey.get(resourceKey(slo.stack, resource.resourceType, resource.logicalId));
      if (destroyed?.action === "destroy")
        references.set(resourceKey(slo.stack, resource.resourceType, resource.logicalId), destroyed);
    }
    for (const { resource, field, whenReplaced } of referrersOf(head, slo.stack, slo.logicalId)) {
      const key = resourceKey(slo.stack, resource.resourceType, resource.logicalId);
      const change = byKey.get(key) ?? {
        stack: slo.stack,
        ...sloOf(resource),
        resourceType: resource.resourceType,
        logicalId: resource.logicalId,
        action: "update" as const,
        fields: [],
      };
      const updated: ResourceChange =
        change.action === "update" || change.action === "move"
          ? {
              ...change,
              ...(whenReplaced === "replace" ? { action: "replace" } : {}),
              fields: [...new Set([...change.fields, field])].sort(compareText),
            }
          : change;
      byKey.set(key, updated);
      references.set(key, updated);
    }
    const sloKey = resourceKey(slo.stack, slo.resourceType, slo.logicalId);
    const referencedBy = [...references.values()].map(({ resourceType, logicalId, action }) => ({
      resourceType,
      logicalId,
      action,
    }));
    byKey.set(sloKey, { ...slo, referencedBy: referencedBy.sort(compareReferences) });
  }
  return [...byKey.values()];
}

/** The resources of a stack that refer to an SLO, with the field holding each reference. */
function referrersOf(
  plan: CompiledPlan,
  stack: string,
  sloLogicalId: string,
): (SloReference & { resource: PlannedResource })[] {
  const resources = plan.stacks.find((candidate) => candidate.name === stack)?.resources ?? [];
  return resources.flatMap((resource) =>
    sloReferences(resource)
      .filter((reference) => reference.sloLogicalId === sloLogicalId)
      .map((reference) => ({ ...reference, resource })),
  );
}

function compareReferences(a: ResourceReference, b: ResourceReference): number {
  return compareText(a.resourceType, b.resourceType) || compareText(a.logicalId, b.logicalId);
}

function sloOf(resource: PlannedResource): { slo?: string } {
  return resource.resourceType === "datadog_dashboard" ? {} : { slo: resource.slo };
}

function indexResources(plan: CompiledPlan): Map<string, { stack: string; resource: PlannedResource }> {
  const index = new Map<string, { stack: string; resource: PlannedResource }>();
  for (const stack of plan.stacks) {
    for (const resource of stack.resources)
      index.set(resourceKey(stack.name, resource.resourceType, resource.logicalId), { stack: stack.name, resource });
  }
  return index;
}

function resourceKey(stack: string, resourceType: string, logicalId: string): string {
  return `${stack}\u0000${resourceType}.${logicalId}`;
}

/** Top-level configuration fields that differ, comparing a monitor's query as Terraform text. */
function changedFields(before: PlannedResource, after: PlannedResource): string[] {
  const a = configOf(before);
  const b = configOf(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]))
    .map(snakeCase)
    .sort(compareText);
}

function configOf(resource: PlannedResource): Record<string, unknown> {
  if (resource.resourceType === "datadog_monitor")
    return { ...resource.config, query: formatSloAlertQuery({ ...resource.query, sloId: "<slo id>" }) };
  return { ...resource.config };
}
