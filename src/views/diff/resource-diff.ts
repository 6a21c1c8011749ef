import { sloAlertQueryText } from "../../plan/alert-query.js";
import type { CompiledPlan, PlannedResource } from "../../plan/resources.js";
import { compareText } from "../../util/text.js";
import type { ResourceChange } from "./types.js";

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
      ...(movedFrom === undefined ? {} : { movedFrom }),
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
  return changes.sort(
    (a, b) =>
      compareText(a.stack, b.stack) ||
      compareText(a.resourceType, b.resourceType) ||
      compareText(a.logicalId, b.logicalId),
  );
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
    .map(terraformName)
    .sort(compareText);
}

/** `targetThreshold` -> `target_threshold`: fields as Terraform and the provider's docs name them. */
function terraformName(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function configOf(resource: PlannedResource): Record<string, unknown> {
  if (resource.resourceType === "datadog_monitor")
    return { ...resource.config, query: sloAlertQueryText(resource.query, "<slo id>") };
  return { ...resource.config };
}
