import type { Environment } from "../util/environment.js";
import { mapBounded } from "../util/bounded.js";
import type { TerraformContext } from "./preflight.js";
import { runTerraform, type TerraformOutput } from "./run-terraform.js";

/** One terraform invocation in a stack's directory, with its output already redacted. */
export interface StepResult extends Omit<TerraformOutput, "stdout"> {
  /** The arguments after `terraform`, such as `["init", "-input=false"]`. */
  readonly args: readonly string[];
}

/** The steps run in one stack, up to and including the first that failed. */
export interface StackRun {
  readonly stack: string;
  readonly steps: readonly StepResult[];
  /** The step that failed and ended the stack's run, if any. */
  readonly failed?: StepResult;
}

/** One stack to run terraform in: its name, its directory, and the invocations to run there. */
export interface StackTarget {
  readonly stack: string;
  readonly dir: string;
  /** The terraform invocations run in order, each only if the previous one succeeded. */
  readonly steps: readonly (readonly string[])[];
}

/** What to run, where, and how many stacks at once. */
export interface RunStacksOptions {
  readonly context: TerraformContext;
  /** The environment terraform runs with: it reads the Datadog keys and site from here. */
  readonly env: Environment;
  /** The stacks to run, in the order their results are wanted. */
  readonly targets: readonly StackTarget[];
  /** How many stacks may run at once. */
  readonly parallel: number;
}

/** Runs the steps in every stack, `parallel` stacks at a time, and resolves to one run per stack in `targets` order. */
export function runStacks(options: RunStacksOptions): Promise<StackRun[]> {
  return mapBounded(options.targets, options.parallel, (target) => runStack(target, options));
}

async function runStack(target: StackTarget, options: RunStacksOptions): Promise<StackRun> {
  const steps: StepResult[] = [];
  for (const args of target.steps) {
    const step = await runStep(args, target.dir, options);
    steps.push(step);
    if (step.exitCode !== 0) return { stack: target.stack, steps, failed: step };
  }
  return { stack: target.stack, steps };
}

async function runStep(args: readonly string[], cwd: string, options: RunStacksOptions): Promise<StepResult> {
  const { exitCode, output, errorOutput } = await runTerraform(options.context, args, cwd, options.env);
  return { args, exitCode, output, errorOutput };
}
