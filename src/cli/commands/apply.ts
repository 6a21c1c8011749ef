import { Option, type Command } from "commander";
import { canAsk, confirmYes } from "../confirm.js";
import type { CliIo } from "../io.js";
import { runStackCommand, stackCommand, type StackCommandOptions, type TerraformAction } from "./stack-command.js";

/** `slocc apply`: write the stacks, then apply them to Datadog once confirmed. */
export function applyCommand(io: CliIo, setExit: (code: number) => void): Command {
  return stackCommand("apply", "write the stacks as `slocc synth` does, then run `terraform init` and `terraform apply` in each, once confirmed", [
    "slocc plan && slocc apply",
    "slocc apply e-scooter --auto-approve",
  ])
    .addOption(new Option("--auto-approve", "apply without asking for confirmation").default(false))
    .action(async (stacks: string[], options: StackCommandOptions & { autoApprove: boolean }) => {
      const action: TerraformAction = options.autoApprove
        ? { args: APPLY_ARGS }
        : { args: APPLY_ARGS, precondition: needsTerminal, confirm: (selected) => askToApply(selected, io) };
      setExit(await runStackCommand(stacks, options, action, io));
    });
}

// Terraform's own prompt cannot be answered through collected output, so slocc asks once for all stacks.
const APPLY_ARGS = ["apply", "-input=false", "-auto-approve"];

function needsTerminal(): string | undefined {
  return canAsk() ? undefined : "apply asks for confirmation, but stdin is not a terminal: review with `slocc plan`, then run `slocc apply --auto-approve`";
}

function askToApply(stacks: readonly string[], io: CliIo): Promise<boolean> {
  const site = process.env["DD_HOST"] || "the default Datadog site (DD_HOST is not set)";
  return confirmYes(`Apply ${stacks.join(", ")} to ${site}? Review the changes with \`slocc plan\` first.\nType yes to apply: `, io);
}
