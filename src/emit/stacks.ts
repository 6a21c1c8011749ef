import type { DashboardConfig } from "@cdktf/provider-datadog/lib/dashboard";
import type { MonitorConfig } from "@cdktf/provider-datadog/lib/monitor";
import type { ServiceLevelObjectiveConfig } from "@cdktf/provider-datadog/lib/service-level-objective";
import type { SloCorrectionConfig } from "@cdktf/provider-datadog/lib/slo-correction";
import { App, TerraformStack, type TerraformMetaArguments } from "cdktf";
import { DEFAULT_STACK_SETTINGS, type StackSettings } from "../settings/stack-settings.js";
import { formatSloAlertQuery } from "../datadog/slo-alert-query.js";
import { addBackend } from "./backend.js";
import {
  CORRECTION_RESOURCE,
  DASHBOARD_RESOURCE,
  MONITOR_RESOURCE,
  SLO_RESOURCE,
  type CompiledPlan,
  type CorrectionResource,
  type DashboardResource,
  type MonitorResource,
  type PlannedResource,
  type SloResource,
  type StackPlan,
} from "../plan/resources.js";
import { sloReferences } from "../plan/references.js";
import { escapeStrings, escapeTemplate } from "./escape.js";
import { PlainResource } from "./plain-resource.js";
import { DatadogProvider } from "./provider.js";

/**
 * What slocc sets on an SLO, a monitor and a correction, typed by the provider's own configurations.
 * Those types are provider 3.82.0's; the stacks run on 4.5.0 or later, where every attribute
 * written here exists with the same type (checked against the 4.19.0 schema): no 4.x attribute
 * is written that 3.82.0 does not type.
 */
type SloAttributes = Omit<ServiceLevelObjectiveConfig, keyof TerraformMetaArguments>;
type MonitorAttributes = Omit<MonitorConfig, keyof TerraformMetaArguments>;
type CorrectionAttributes = Omit<SloCorrectionConfig, keyof TerraformMetaArguments>;
/**
 * What slocc sets on a dashboard. Only the types of the provider's `Dashboard` are imported: its
 * module brings every widget type of the provider, 61 MB of JavaScript and over 100 MB of memory
 * once loaded, for the three widget types slocc uses.
 */
type DashboardAttributes = Pick<DashboardConfig, "title" | "description" | "layoutType" | "widget">;

/**
 * Builds the cdktf app for a compiled plan; `app.synth()` then writes it to `outdir`. cdktf's
 * validations are skipped: for these stacks they check that each has a provider (always added here)
 * and run `terraform version` once per import block, which would make synthesizing need terraform
 * and take a process per adopted resource. Import blocks need Terraform 1.5 at plan time.
 */
export function buildApp(plan: CompiledPlan, outdir: string, settings: StackSettings = DEFAULT_STACK_SETTINGS): App {
  const app = new App({ outdir, skipValidation: true });
  for (const stackPlan of plan.stacks) addStack(app, stackPlan, settings);
  return app;
}

function addStack(app: App, plan: StackPlan, settings: StackSettings): void {
  const stack = new TerraformStack(app, plan.name);
  addBackend(stack, plan.name, settings.backend);
  const provider = new DatadogProvider(stack, settings.datadogProvider);
  const slos = new Map<string, PlainResource>();
  for (const resource of plan.resources) {
    if (resource.resourceType !== SLO_RESOURCE) continue;
    const attributes: SloAttributes = escapeStrings(resource.config);
    const slo = new PlainResource(stack, resource.logicalId, provider, SLO_RESOURCE, attributes);
    if (resource.movedFrom) slo.moveFromId(`${SLO_RESOURCE}.${resource.movedFrom}`);
    if (resource.importId) slo.importFrom(escapeTemplate(resource.importId));
    slos.set(resource.logicalId, slo);
  }
  for (const resource of plan.resources) {
    if (resource.resourceType === SLO_RESOURCE) continue;
    const added = addReferrer(stack, provider, resource, slos);
    const triggers = sloReferences(resource)
      .filter((reference) => reference.whenReplaced === "replace")
      .map((reference) => sloReference(slos, reference.sloLogicalId, resource.logicalId))
      .map((slo) => `${SLO_RESOURCE}.${slo.friendlyUniqueId}.id`);
    // An SLO's replacement gives it a new id; an in-place update keeps it, and leaves the resource be.
    if (triggers.length > 0) added.lifecycle = { replaceTriggeredBy: triggers };
  }
}

/** A resource that refers to the stack's SLOs, added to the stack. */
function addReferrer(
  stack: TerraformStack,
  provider: DatadogProvider,
  resource: Exclude<PlannedResource, SloResource>,
  slos: ReadonlyMap<string, PlainResource>,
): PlainResource {
  switch (resource.resourceType) {
    case MONITOR_RESOURCE:
      return addMonitor(stack, provider, resource, slos);
    case DASHBOARD_RESOURCE:
      return addDashboard(stack, provider, resource, slos);
    case CORRECTION_RESOURCE:
      return addCorrection(stack, provider, resource, slos);
  }
}

function addDashboard(
  stack: TerraformStack,
  provider: DatadogProvider,
  dashboard: DashboardResource,
  slos: ReadonlyMap<string, PlainResource>,
): PlainResource {
  const { title, description, groups, note } = escapeStrings(dashboard.config);
  const attributes: DashboardAttributes = {
    title,
    description,
    layoutType: "ordered",
    widget: [
      ...groups.map((group) => ({
        groupDefinition: {
          title: group.title,
          layoutType: "ordered",
          widget: group.widgets.map((widget) => ({
            serviceLevelObjectiveDefinition: {
              title: widget.title,
              viewType: "detail",
              viewMode: "overall",
              sloId: idReference(sloReference(slos, widget.sloLogicalId, dashboard.logicalId)),
              timeWindows: widget.timeWindows,
              showErrorBudget: true,
            },
          })),
        },
      })),
      { noteDefinition: { content: note } },
    ],
  };
  return new PlainResource(stack, dashboard.logicalId, provider, DASHBOARD_RESOURCE, attributes);
}

function sloReference(slos: ReadonlyMap<string, PlainResource>, sloLogicalId: string, user: string): PlainResource {
  const slo = slos.get(sloLogicalId);
  if (!slo) throw new Error(`${user} refers to an SLO not in its stack: ${sloLogicalId}`);
  return slo;
}

/**
 * `${datadog_service_level_objective.<id>.id}`: the text `slo.id` resolves to, written out. cdktf
 * keeps every token it hands out, with its stack, in a process-wide map that is never cleared, so
 * taking `slo.id` would keep every synthesized stack in memory (see synthesizeTo).
 */
function idReference(slo: PlainResource): string {
  return `\${${slo.terraformResourceType}.${slo.friendlyUniqueId}.id}`;
}

function addMonitor(
  stack: TerraformStack,
  provider: DatadogProvider,
  monitor: MonitorResource,
  slos: ReadonlyMap<string, PlainResource>,
): PlainResource {
  const slo = sloReference(slos, monitor.query.sloLogicalId, monitor.logicalId);
  // The query is compiler-made; only the SLO id reference goes in, unescaped, for Terraform to resolve.
  const attributes: MonitorAttributes = {
    ...escapeStrings(monitor.config),
    query: formatSloAlertQuery({ ...monitor.query, sloId: idReference(slo) }),
  };
  const resource = new PlainResource(stack, monitor.logicalId, provider, MONITOR_RESOURCE, attributes);
  if (monitor.movedFrom) resource.moveFromId(`${MONITOR_RESOURCE}.${monitor.movedFrom}`);
  if (monitor.importId) resource.importFrom(escapeTemplate(monitor.importId));
  return resource;
}

function addCorrection(
  stack: TerraformStack,
  provider: DatadogProvider,
  correction: CorrectionResource,
  slos: ReadonlyMap<string, PlainResource>,
): PlainResource {
  const slo = sloReference(slos, correction.sloLogicalId, correction.logicalId);
  // Every user text is escaped; only the SLO id reference goes in unescaped, for Terraform to resolve.
  const attributes: CorrectionAttributes = { ...escapeStrings(correction.config), sloId: idReference(slo) };
  const resource = new PlainResource(stack, correction.logicalId, provider, CORRECTION_RESOURCE, attributes);
  if (correction.movedFrom) resource.moveFromId(`${CORRECTION_RESOURCE}.${correction.movedFrom}`);
  if (correction.importId) resource.importFrom(escapeTemplate(correction.importId));
  return resource;
}
