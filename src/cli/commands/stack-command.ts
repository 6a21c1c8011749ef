import { join } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { compareText } from "../../diagnostics/diagnostic.js";
import { preflight } from "../../terraform/preflight.js";
import { runStacks } from "../../terraform/run.js";
import { EXIT, type CliIo } from "../io.js";
import { reportStackRuns } from "../stack-report.js";
import { compileReported, writeStacks } from "../synthesize.js";
import { backendFrom, backendOptions, dirOption, outOption, strictOption, todayOption, type BackendOptions } from "./options.js";

/** The options every command that runs terraform in the stacks takes. */
export interface StackCommandOptions extends BackendOptions {
  readonly dir: string;
  readonly today?: string;
  readonly out: string;
  readonly strict: boolean;
  readonly parallel: number;
}

/** What a stack command runs after `terraform init`, and what must hold or be agreed to first. */
export interface TerraformAction {
  /** The terraform arguments run in each stack once `terraform init` succeeded. */
  readonly args: readonly string[];
  /** A reason the command cannot run at all, checked with the preflight checks. */
  readonly precondition?: () => string | undefined;
  /** Asks before terraform runs in the selected stacks; resolves to whether to go on. */
  readonly confirm?: (stacks: readonly string[]) => Promise<boolean>;
}

/**
 * A command taking `[stack...]` and the options of {@link StackCommandOptions}, with its help
 * ending in the given examples.
 */
export function stackCommand(name: string, description: string, examples: readonly string[]): Command {
  const command = new Command(name)
    .description(description)
    .argument("[stack...]", "the stacks to run, named after their service (default: every stack)")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(outOption())
    .addOption(strictOption())
    .addOption(new Option("--parallel <n>", "how many stacks run terraform at once").default(2).argParser(positiveInteger));
  for (const option of backendOptions()) command.addOption(option);
  return command.addHelpText("after", `\nExamples:\n${examples.map((example) => `  $ ${example}`).join("\n")}`);
}

/**
 * Checks the preconditions, compiles and writes the stacks as `slocc synth` does, then runs
 * `terraform init` and the action in each selected stack, and reports. Resolves to the exit code.
 */
export async function runStackCommand(stacks: readonly string[], options: StackCommandOptions, action: TerraformAction, io: CliIo): Promise<number> {
  const env = process.env;
  const checked = preflight(env);
  const actionProblem = action.precondition?.();
  const problems = [...(checked.ok ? [] : checked.problems), ...(actionProblem ? [actionProblem] : [])];
  for (const problem of problems) io.stderr(`slocc: ${problem}\n`);
  if (!checked.ok || problems.length > 0) return EXIT.failure;

  const plan = await compileReported(options, options.strict, io);
  if (!plan) return EXIT.failure;
  const known = plan.stacks.map((stack) => stack.name).sort(compareText);
  const unknown = stacks.filter((stack) => !known.includes(stack));
  if (unknown.length > 0) {
    io.stderr(`slocc: unknown ${unknown.length === 1 ? "stack" : "stacks"} ${unknown.join(", ")}; the stacks are: ${known.join(", ")}\n`);
    return EXIT.usage;
  }
  const selected = stacks.length === 0 ? known : known.filter((stack) => stacks.includes(stack));

  await writeStacks(plan, options.out, io, backendFrom(options));
  if (action.confirm && !(await action.confirm(selected))) {
    io.stderr("slocc: not confirmed; nothing was run\n");
    return EXIT.failure;
  }
  // Output is collected and printed later, so colour codes only when it ends up on a terminal.
  const colour = io.color ? [] : ["-no-color"];
  const runs = await runStacks({
    context: checked.context,
    env,
    stacksDir: join(options.out, "stacks"),
    stacks: selected,
    steps: [["init", "-input=false", ...colour], [...action.args, ...colour]],
    parallel: options.parallel,
  });
  return reportStackRuns(runs, action.args[0] ?? "terraform", io);
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return parsed;
}
