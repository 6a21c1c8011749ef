import { join, resolve } from "node:path";
import type { BackendChoice } from "../config/backend.js";
import { renderStackOutputs, renderStackSummary } from "../render/stack-runs.js";
import { preflight } from "../terraform/preflight.js";
import { runStacks } from "../terraform/run.js";
import { compareText } from "../util/text.js";
import { canAsk, confirmYes } from "./confirm.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { compileForWriting, writeStacks, type SpecSource } from "./synth.js";

/** What a stack command works on. */
export interface StackRunOptions extends SpecSource {
  /** The stacks to run, by service name; every stack when empty. */
  readonly stacks: readonly string[];
  readonly out: string;
  readonly strict: boolean;
  /** How many stacks run terraform at once. */
  readonly parallel: number;
  readonly backend: BackendChoice;
}

/** What runs in each stack after `terraform init`. */
export type TerraformAction = { readonly kind: "plan" } | { readonly kind: "apply"; readonly autoApprove: boolean };

/**
 * Plan or apply: compiles the specs, selects the stacks, checks that terraform and the Datadog
 * keys are there, writes the stacks as `slocc synth` does, asks before an apply, then runs
 * `terraform init` and the action in each selected stack and reports. Resolves to the exit code.
 */
export async function runStackAction(
  action: TerraformAction,
  options: StackRunOptions,
  context: AppContext,
): Promise<ExitCode> {
  const plan = await compileForWriting(options, options.strict, context);
  if (!plan) return EXIT.failure;
  const known = plan.stacks.map((stack) => stack.name).sort(compareText);
  const unknown = options.stacks.filter((stack) => !known.includes(stack));
  if (unknown.length > 0) {
    context.stderr(
      `slocc: unknown ${unknown.length === 1 ? "stack" : "stacks"} ${unknown.join(", ")}; the stacks are: ${known.join(", ")}\n`,
    );
    return EXIT.usage;
  }
  const selected = options.stacks.length === 0 ? known : known.filter((stack) => options.stacks.includes(stack));

  const checked = preflight(context.env);
  const problems = [...(checked.ok ? [] : checked.problems), ...actionProblems(action, context)];
  for (const problem of problems) context.stderr(`slocc: ${problem}\n`);
  if (!checked.ok || problems.length > 0) return EXIT.failure;

  await writeStacks(plan, options.out, context, { backend: options.backend });
  if (action.kind === "apply" && !action.autoApprove && !(await askToApply(selected, context))) {
    context.stderr("slocc: not confirmed; nothing was run\n");
    return EXIT.failure;
  }
  // Output is collected and printed later, so colour codes only when it ends up on a terminal.
  const colour = context.color.stderr ? [] : ["-no-color"];
  // Terraform's own prompt cannot be answered through collected output, so slocc asks once for all stacks.
  const args = action.kind === "plan" ? ["plan", "-input=false"] : ["apply", "-input=false", "-auto-approve"];
  const runs = await runStacks({
    context: checked.context,
    env: context.env,
    stacksDir: join(resolve(context.cwd, options.out), "stacks"),
    stacks: selected,
    steps: [
      ["init", "-input=false", ...colour],
      [...args, ...colour],
    ],
    parallel: options.parallel,
  });
  context.stdout(renderStackOutputs(runs));
  context.stderr(renderStackSummary(runs, action.kind));
  return runs.some((run) => run.failed) ? EXIT.failure : EXIT.ok;
}

function actionProblems(action: TerraformAction, context: AppContext): string[] {
  if (action.kind !== "apply" || action.autoApprove || canAsk(context)) return [];
  return [
    "apply asks for confirmation, but stdin is not a terminal: review with `slocc plan`, then run `slocc apply --auto-approve`",
  ];
}

function askToApply(stacks: readonly string[], context: AppContext): Promise<boolean> {
  const site = context.env["DD_HOST"] || "the default Datadog site (DD_HOST is not set)";
  return confirmYes(
    `Apply ${stacks.join(", ")} to ${site}? Review the changes with \`slocc plan\` first.\nType yes to apply: `,
    context,
  );
}
