import type { CommandFactory } from "./options.js";
import { runFromCommandLine, stackCommand, type StackCommandOptions } from "./stack-command.js";

/** `slocc plan`: write the stacks, then show what `terraform plan` would change in Datadog. */
export const planCommand: CommandFactory = (context, setExit) =>
  stackCommand(
    "plan",
    "write the stacks as `slocc synth` does, then run `terraform init` and `terraform plan` in each",
    ["slocc plan", "slocc plan card-platform --parallel 4"],
  ).action(async (stacks: string[], options: StackCommandOptions) => {
    setExit(await runFromCommandLine({ kind: "plan" }, stacks, options, context));
  });
