import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Problem } from "../diagnostics/outcome.js";
import { stackSettingsFrom, type StackSettings, type StackSettingsOptions } from "../settings/stack-settings.js";
import type { StackPlan } from "../plan/resources.js";
import { renderPlanSummary, renderPlanSummaryText, type PlanSummaryEntry } from "../render/plan-summary.js";
import { renderStackOutputs, renderStackSummary } from "../render/stack-runs.js";
import { mapBounded } from "../util/bounded.js";
import { readPlan } from "../terraform/plan-summary.js";
import { preflight, type TerraformContext } from "../terraform/preflight.js";
import { runStacks, type StackRun, type StackTarget } from "../terraform/run.js";
import { DATADOG_HOST, datadogSetting } from "../datadog/environment.js";
import { compareText } from "../util/text.js";
import { stackChanges } from "../diff/stack-changes.js";
import { compileSince } from "./change-diff.js";
import { canAsk, confirmYes } from "./confirm.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printProblems } from "./print.js";
import { prepareWriting, writeStacks, type ReadyToWrite, type SpecSource } from "./synth.js";

/** What a stack command works on. */
export interface StackRunOptions extends SpecSource, StackSettingsOptions {
  /** The stacks to run, by service name; every stack when empty. */
  readonly stacks: readonly string[];
  readonly out: string;
  readonly strict: boolean;
  /** How many stacks run terraform at once. */
  readonly parallel: number;
  /**
   * A git ref: only the stacks whose synthesized Terraform differs from what the specs at that ref
   * give run, including stacks removed since (run from `<out>/removed/<name>` to destroy their resources).
   */
  readonly changedSince?: string;
  /** With `plan`: a file to write each stack's plan summary to (change counts), as a Markdown list. */
  readonly summary?: string;
}

/** What runs in each stack after `terraform init`. */
export type TerraformAction = { readonly kind: "plan" } | { readonly kind: "apply"; readonly autoApprove: boolean };

/**
 * The plan file saved in each stack's directory: by `plan --summary`, to read its changes from,
 * and by `apply`, to show its changes before asking and then apply exactly what was shown.
 */
const PLAN_FILE = "tfplan";

/** The stacks a run may work on: every stack, or with `--changed-since` those that changed, and those removed. */
interface Scope {
  readonly candidates: readonly string[];
  readonly removed: readonly StackPlan[];
}

/**
 * Plan or apply: compiles the specs, selects the stacks (named ones, and with `changedSince` only
 * those that changed), checks that terraform and the Datadog keys are there, writes the stacks as
 * `slocc synth` does, asks before an apply, then runs `terraform init` and the action in each
 * selected stack and reports. A removed stack is planned or applied with `-destroy`. Resolves to
 * the exit code.
 */
export async function runStackAction(
  action: TerraformAction,
  options: StackRunOptions,
  context: AppContext,
): Promise<ExitCode> {
  const settings = stackSettingsFrom(options, context.env);
  if (!settings.ok) return printProblems(settings.problems, context);
  const ready = await prepareWriting(options, options.out, options.strict, context);
  if (!ready) return EXIT.failure;
  try {
    return await runPrepared(action, ready, { ...options, settings: settings.value }, context);
  } finally {
    await ready.pool?.close();
  }
}

async function runPrepared(
  action: TerraformAction,
  ready: ReadyToWrite,
  options: StackRunOptions & { readonly settings: StackSettings },
  context: AppContext,
): Promise<ExitCode> {
  const { plan } = ready;
  const scope = await scopeOf(plan.stacks, options, context);
  if (typeof scope === "number") return scope;
  const known = [...plan.stacks, ...scope.removed].map((stack) => stack.name).sort(compareText);
  const unknown = options.stacks.filter((stack) => !known.includes(stack));
  if (unknown.length > 0) {
    context.stderr(
      `slocc: unknown ${unknown.length === 1 ? "stack" : "stacks"} ${unknown.join(", ")}; the stacks are: ${known.join(", ")}\n`,
    );
    return EXIT.usage;
  }
  const selected = scope.candidates.filter((stack) => options.stacks.length === 0 || options.stacks.includes(stack));
  const write = () => writeStacks(ready, options.out, context, { settings: options.settings, removed: scope.removed });
  if (selected.length === 0) {
    await write();
    const why =
      options.changedSince === undefined ? "no stack to run" : `no stack changed since ${options.changedSince}`;
    context.stderr(`slocc: ${why}: nothing to ${action.kind}\n`);
    if (options.summary)
      await writeFile(resolve(context.cwd, options.summary), renderPlanSummary([], options.changedSince));
    return EXIT.ok;
  }

  const checked = preflight(context.env);
  const problems = [...(checked.ok ? [] : checked.problems), ...actionProblems(action, context)];
  if (!checked.ok || problems.length > 0) return printProblems(problems, context);

  await write();
  const removed = new Set(scope.removed.map((stack) => stack.name));
  const out = resolve(context.cwd, options.out);
  if (action.kind === "apply" && !action.autoApprove) {
    return planThenApply(selected, removed, out, checked.value, options, context);
  }
  const step: StackStep =
    action.kind === "plan" ? { kind: "plan", savePlan: Boolean(options.summary) } : { kind: "apply" };
  const targets = selected.map((stack) => targetOf(stack, removed.has(stack), out, step, context));
  const runs = await runStacks({ context: checked.value, env: context.env, targets, parallel: options.parallel });
  context.stdout(renderStackOutputs(runs));
  context.stderr(renderStackSummary(runs, action.kind));
  if (action.kind === "plan" && options.summary) {
    const entries = await summaryEntries(runs, targets, removed, checked.value, options.parallel, context);
    const text = renderPlanSummary(entries, options.changedSince);
    await writeFile(resolve(context.cwd, options.summary), text);
    context.stderr(text);
  }
  return runs.some((run) => run.failed) ? EXIT.failure : EXIT.ok;
}

/**
 * The stacks to consider. With `--changed-since`, the specs at that ref are compiled too: the
 * stacks whose planned resources differ (added, changed, removed) are the candidates. The exit
 * code to stop with, once said why, when the specs at the ref cannot be read or compiled.
 */
async function scopeOf(
  stacks: readonly StackPlan[],
  options: StackRunOptions,
  context: AppContext,
): Promise<Scope | ExitCode> {
  const names = stacks.map((stack) => stack.name).sort(compareText);
  if (options.changedSince === undefined) return { candidates: names, removed: [] };
  const base = await compileSince(
    options.changedSince,
    options.dir,
    options.today,
    context,
    "plan without --changed-since, or compare with another ref",
  );
  if (typeof base === "number") return base;
  const changes = stackChanges(base.plan, { stacks });
  const removed = base.plan.stacks.filter((stack) =>
    changes.some((change) => change.name === stack.name && change.change === "removed"),
  );
  return { candidates: changes.map((change) => change.name), removed };
}

/** What terraform runs in a stack after `init`: a plan, saved to {@link PLAN_FILE} or not, or an apply that asks nothing. */
type StackStep = { readonly kind: "plan"; readonly savePlan: boolean } | { readonly kind: "apply" };

function targetOf(stack: string, removed: boolean, out: string, step: StackStep, context: AppContext): StackTarget {
  const colour = colourFlags(context);
  // Terraform's own prompt cannot be answered through collected output, so slocc asks once for all stacks.
  const args =
    step.kind === "plan"
      ? ["plan", "-input=false", ...(step.savePlan ? [`-out=${PLAN_FILE}`] : [])]
      : ["apply", "-input=false", "-auto-approve"];
  return {
    stack,
    dir: join(out, removed ? "removed" : "stacks", stack),
    steps: [
      ["init", "-input=false", ...colour],
      [...args, ...(removed ? ["-destroy"] : []), ...colour],
    ],
  };
}

/** Terraform's output is collected and printed later, so colour codes only when it ends up on a terminal. */
function colourFlags(context: AppContext): string[] {
  return context.color.stderr ? [] : ["-no-color"];
}

/** Each stack's plan summary: the changes of its saved plan, or why there are none to show; `parallel` plans read at once. */
function summaryEntries(
  runs: readonly StackRun[],
  targets: readonly StackTarget[],
  removed: ReadonlySet<string>,
  terraform: TerraformContext,
  parallel: number,
  context: AppContext,
): Promise<PlanSummaryEntry[]> {
  const planned = runs.map((run, index) => ({ run, dir: targets[index]?.dir ?? "" }));
  return mapBounded(planned, parallel, async ({ run, dir }): Promise<PlanSummaryEntry> => {
    const base = { stack: run.stack, removed: removed.has(run.stack) };
    if (run.failed) return { ...base, failed: run.failed };
    const read = await readPlan(terraform, context.env, dir, PLAN_FILE);
    return read.ok
      ? { ...base, counts: read.value }
      : { ...base, unreadable: read.problems.map((problem) => problem.message).join("; ") };
  });
}

/**
 * `apply` with a person to answer: plans every stack into a saved plan (`terraform plan -out`),
 * shows each stack's changes, asks, then applies the saved plans, so what is applied is exactly
 * what was shown (terraform refuses a plan the state has moved on from). Nothing is asked when a
 * plan failed, nor when no stack has a change.
 */
async function planThenApply(
  stacks: readonly string[],
  removed: ReadonlySet<string>,
  out: string,
  terraform: TerraformContext,
  options: StackRunOptions,
  context: AppContext,
): Promise<ExitCode> {
  const planned = stacks.map((stack) =>
    targetOf(stack, removed.has(stack), out, { kind: "plan", savePlan: true }, context),
  );
  const plans = await runStacks({ context: terraform, env: context.env, targets: planned, parallel: options.parallel });
  context.stdout(renderStackOutputs(plans));
  if (plans.some((run) => run.failed)) {
    context.stderr(renderStackSummary(plans, "plan"));
    context.stderr("slocc: a plan failed; nothing was applied\n");
    return EXIT.failure;
  }
  const entries = await summaryEntries(plans, planned, removed, terraform, options.parallel, context);
  if (entries.every((entry) => "counts" in entry && Object.values(entry.counts).every((count) => count === 0))) {
    context.stderr(`${renderPlanSummaryText(entries)}slocc: no changes: nothing to apply\n`);
    return EXIT.ok;
  }
  if (!(await askToApply(entries, context))) {
    context.stderr("slocc: not confirmed; nothing was applied\n");
    return EXIT.failure;
  }
  const applied = planned.map((target) => ({
    ...target,
    steps: [["apply", "-input=false", ...colourFlags(context), PLAN_FILE]],
  }));
  const runs = await runStacks({ context: terraform, env: context.env, targets: applied, parallel: options.parallel });
  context.stdout(renderStackOutputs(runs));
  context.stderr(renderStackSummary(runs, "apply"));
  return runs.some((run) => run.failed) ? EXIT.failure : EXIT.ok;
}

function actionProblems(action: TerraformAction, context: AppContext): Problem[] {
  if (action.kind !== "apply" || action.autoApprove || canAsk(context)) return [];
  return [
    {
      code: "APPLY_UNCONFIRMED",
      message:
        "apply asks for confirmation, but stdin is not a terminal: review with `slocc plan`, then run `slocc apply --auto-approve`",
    },
  ];
}

/** Shows each stack's planned changes, then asks to apply them to the Datadog site the keys are for. */
function askToApply(entries: readonly PlanSummaryEntry[], context: AppContext): Promise<boolean> {
  const site =
    datadogSetting(context.env, DATADOG_HOST)?.value ??
    "the default Datadog site (neither DD_HOST nor DATADOG_HOST is set)";
  const named = entries.map((entry) =>
    entry.removed ? `${entry.stack} (removed: all its resources are destroyed)` : entry.stack,
  );
  return confirmYes(
    `Planned changes:\n${renderPlanSummaryText(entries)}Apply ${named.join(", ")} to ${site}?\nType yes to apply: `,
    context,
  );
}
