import { DatadogProvider } from "@cdktf/provider-datadog/lib/provider";
import { ServiceLevelObjective } from "@cdktf/provider-datadog/lib/service-level-objective";
import { App, LocalBackend, TerraformStack } from "cdktf";
import { Monitor } from "@cdktf/provider-datadog/lib/monitor";
import { sloAlertQueryText } from "../plan/alert-query.js";
import { MONITOR_RESOURCE, SLO_RESOURCE, type CompiledPlan, type MonitorResource, type StackPlan } from "../plan/resources.js";
import { escapeStrings } from "./escape.js";

/**
 * Where each stack keeps its local state, relative to the stack's working directory
 * (`<out>/stacks/<name>`): beside the output directory, so re-synthesizing never touches state and
 * the path is the same on every machine.
 */
export function localStatePath(stack: string): string {
  return `../../../terraform.${stack}.tfstate`;
}

/** Builds the cdktf app for a compiled plan; `app.synth()` then writes it to `outdir`. */
export function buildApp(plan: CompiledPlan, outdir: string): App {
  const app = new App({ outdir });
  for (const stackPlan of plan.stacks) addStack(app, stackPlan);
  return app;
}

function addStack(app: App, plan: StackPlan): void {
  const stack = new TerraformStack(app, plan.name);
  new LocalBackend(stack, { path: localStatePath(plan.name) });
  // Keys and site come from DD_API_KEY, DD_APP_KEY and DD_HOST at plan time; never written here.
  new DatadogProvider(stack, "datadog", {});
  const slos = new Map<string, ServiceLevelObjective>();
  for (const resource of plan.resources) {
    if (resource.resourceType !== SLO_RESOURCE) continue;
    const slo = new ServiceLevelObjective(stack, resource.logicalId, escapeStrings(resource.config));
    if (resource.movedFrom) slo.moveFromId(`${SLO_RESOURCE}.${resource.movedFrom}`);
    slos.set(resource.logicalId, slo);
  }
  for (const resource of plan.resources) {
    if (resource.resourceType === MONITOR_RESOURCE) addMonitor(stack, resource, slos);
  }
}

function addMonitor(stack: TerraformStack, monitor: MonitorResource, slos: ReadonlyMap<string, ServiceLevelObjective>): void {
  const slo = slos.get(monitor.query.sloLogicalId);
  if (!slo) throw new Error(`monitor ${monitor.logicalId} refers to an SLO not in its stack: ${monitor.query.sloLogicalId}`);
  // The query is compiler-made; only the SLO id reference goes in, unescaped, for Terraform to resolve.
  const resource = new Monitor(stack, monitor.logicalId, { ...escapeStrings(monitor.config), query: sloAlertQueryText(monitor.query, slo.id) });
  if (monitor.movedFrom) resource.moveFromId(`${MONITOR_RESOURCE}.${monitor.movedFrom}`);
}
