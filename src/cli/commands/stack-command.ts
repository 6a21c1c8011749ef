import { Command, InvalidArgumentError, Option } from "commander";
import type { AppContext } from "../../app/context.js";
import type { TerraformAction } from "../../app/stacks.js";
import type { StackSettingsOptions } from "../../settings/stack-settings.js";
import {
  dirOption,
  outOption,
  stackSettingOptions,
  strictOption,
  todayOption,
  withOptions,
  type SpecSourceOptions,
} from "./options.js";

/** The options every command that runs terraform in the stacks takes. */
export interface StackCommandOptions extends SpecSourceOptions, StackSettingsOptions {
  readonly out: string;
  readonly strict: boolean;
  readonly parallel: number;
  readonly changedSince?: string;
}

/** A command taking `[stack...]` and the options of {@link StackCommandOptions}, with its help ending in the given examples. */
export function stackCommand(name: string, description: string, examples: readonly string[]): Command {
  const parallel = new Option("--parallel <n>", "how many stacks run terraform at once")
    .default(2)
    .argParser(positiveInteger);
  return withOptions(new Command(name), [
    dirOption(),
    todayOption(),
    outOption(),
    strictOption(),
    parallel,
    new Option(
      "--changed-since <ref>",
      "run only the stacks whose Terraform differs from the specs at this git ref, including stacks removed since (destroyed)",
    ),
    ...stackSettingOptions(),
  ])
    .description(description)
    .argument("[stack...]", "the stacks to run, named after their service (default: every stack)")
    .addHelpText("after", `\nExamples:\n${examples.map((example) => `  $ ${example}`).join("\n")}`);
}

/** Runs the action in the named stacks with the command line's options. */
export async function runFromCommandLine(
  action: TerraformAction,
  stacks: readonly string[],
  options: StackCommandOptions & { readonly summary?: string },
  context: AppContext,
): Promise<number> {
  const { runStackAction } = await import("../../app/stacks.js");
  return runStackAction(action, { ...options, stacks }, context);
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < 1) throw new InvalidArgumentError("expected a whole number of at least 1");
  return parsed;
}
