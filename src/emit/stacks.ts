import { DatadogProvider } from "@cdktf/provider-datadog/lib/provider";
import { ServiceLevelObjective } from "@cdktf/provider-datadog/lib/service-level-objective";
import { App, LocalBackend, TerraformStack } from "cdktf";
import type { CompiledPlan, PlannedResource, StackPlan } from "../plan/resources.js";
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
  for (const resource of plan.resources) addResource(stack, resource);
}

function addResource(stack: TerraformStack, resource: PlannedResource): void {
  new ServiceLevelObjective(stack, resource.logicalId, escapeStrings(resource.config));
}
