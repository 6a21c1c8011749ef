import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import type { Environment } from "../util/environment.js";
import type { TerraformContext } from "./preflight.js";
import { runTerraform } from "./run-terraform.js";

/** How many resources a Terraform plan changes, by what it does to them. */
export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly replace: number;
  readonly destroy: number;
  /** Resources whose state moves to a new address (a renamed SLO), whatever else changes. */
  readonly move: number;
  /** Existing objects adopted into the state by `import` blocks. */
  readonly import: number;
}

/** The actions a plan counts, in the order they are reported. */
const PLAN_ACTIONS = ["create", "update", "replace", "destroy", "move", "import"] as const;

/** One entry of `resource_changes` in `terraform show -json`, as far as counting goes. */
interface ResourceChangeJson {
  readonly mode?: unknown;
  readonly previous_address?: unknown;
  readonly change?: { readonly actions?: unknown; readonly importing?: unknown };
}

/**
 * Counts the resource changes of a plan in Terraform's JSON format (`terraform show -json <plan>`):
 * `["create"]`, `["update"]`, `["delete"]`, and a replacement as both `delete` and `create` (in
 * either order). Data sources (`mode: data`) and `no-op`, `read` and `forget` are not changes to
 * count. Undefined when the text is not a plan.
 */
export function countPlanChanges(json: unknown): PlanCounts | undefined {
  if (typeof json !== "object" || json === null) return undefined;
  const changes = (json as { resource_changes?: unknown }).resource_changes ?? [];
  if (!Array.isArray(changes) || !("format_version" in json)) return undefined;
  const counts = { create: 0, update: 0, replace: 0, destroy: 0, move: 0, import: 0 };
  for (const entry of changes as ResourceChangeJson[]) {
    if (entry.mode === "data") continue;
    const actions = Array.isArray(entry.change?.actions) ? (entry.change.actions as unknown[]) : [];
    if (actions.includes("delete") && actions.includes("create")) counts.replace += 1;
    else if (actions.includes("create")) counts.create += 1;
    else if (actions.includes("update")) counts.update += 1;
    else if (actions.includes("delete")) counts.destroy += 1;
    if (typeof entry.previous_address === "string") counts.move += 1;
    if (entry.change?.importing !== undefined && entry.change.importing !== null) counts.import += 1;
  }
  return counts;
}

/** `2 to create, 1 to replace`, or `no changes`: create, update, replace and destroy always, moves and imports when any. */
export function planCountsText(counts: PlanCounts): string {
  const parts = PLAN_ACTIONS.filter((action) => counts[action] > 0 || (action !== "move" && action !== "import")).map(
    (action) => `${counts[action]} to ${action}`,
  );
  return PLAN_ACTIONS.every((action) => counts[action] === 0) ? "no changes" : parts.join(", ");
}

/** Runs `terraform show -json <planFile>` in `dir` and counts the plan's changes, or says why they cannot be read. */
export async function readPlan(
  context: TerraformContext,
  env: Environment,
  dir: string,
  planFile: string,
): Promise<Outcome<PlanCounts>> {
  const shown = await runTerraform(context, ["show", "-json", planFile], dir, env);
  if (shown.exitCode !== 0) {
    const reason = shown.errorOutput.trim().split("\n").pop() ?? "";
    return failed(
      "TERRAFORM_FAILED",
      `terraform show -json failed (exit code ${shown.exitCode})${reason ? `: ${reason}` : ""}`,
    );
  }
  let counts: PlanCounts | undefined;
  try {
    counts = countPlanChanges(JSON.parse(shown.stdout));
  } catch {
    counts = undefined;
  }
  return counts ? succeeded(counts) : failed("TERRAFORM_FAILED", "terraform show -json did not print a plan");
}
