import { Option } from "commander";
import type { CommandFactory } from "./options.js";
import { runFromCommandLine, stackCommand, type StackCommandOptions } from "./stack-command.js";

/** `slocc apply`: write the stacks, then apply them to Datadog once confirmed. */
export const applyCommand: CommandFactory = (context, setExit) =>
  stackCommand(
    "apply",
    "write the stacks as `slocc synth` does, then run `terraform init` and `terraform apply` in each, once confirmed",
    [
      "slocc plan && slocc apply",
      "slocc apply e-scooter --auto-approve",
      "slocc apply --changed-since HEAD~1 --auto-approve",
    ],
  )
    .addOption(new Option("--auto-approve", "apply without asking for confirmation").default(false))
    .action(async (stacks: string[], options: StackCommandOptions & { autoApprove: boolean }) => {
      setExit(await runFromCommandLine({ kind: "apply", autoApprove: options.autoApprove }, stacks, options, context));
    });
