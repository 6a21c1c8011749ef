import { outputFileOption, type CommandFactory } from "./options.js";
import { runFromCommandLine, stackCommand, type StackCommandOptions } from "./stack-command.js";

/** `slocc plan`: write the stacks, then show what `terraform plan` would change in Datadog. */
export const planCommand: CommandFactory = (context, setExit) =>
  stackCommand(
    "plan",
    "write the stacks as `slocc synth` does, then run `terraform init` and `terraform plan` in each",
    [
      "slocc plan",
      "slocc plan card-platform --parallel 4",
      "slocc plan --changed-since origin/main --summary plan-summary.md",
    ],
  )
    .addOption(
      outputFileOption(
        "--summary <file>",
        "write each stack's plan summary to this file, as a Markdown list: create/update/replace/destroy counts from `terraform show -json`",
      ),
    )
    .action(async (stacks: string[], options: StackCommandOptions & { summary?: string }) => {
      setExit(await runFromCommandLine({ kind: "plan" }, stacks, options, context));
    });
