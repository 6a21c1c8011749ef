import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { runStackCommand, stackCommand, type StackCommandOptions } from "./stack-command.js";

/** `slocc plan`: write the stacks, then show what `terraform plan` would change in Datadog. */
export function planCommand(io: CliIo, setExit: (code: number) => void): Command {
  return stackCommand("plan", "write the stacks as `slocc synth` does, then run `terraform init` and `terraform plan` in each", [
    "slocc plan",
    "slocc plan card-platform --parallel 4",
  ]).action(async (stacks: string[], options: StackCommandOptions) => {
    setExit(await runStackCommand(stacks, options, { args: ["plan", "-input=false"] }, io));
  });
}
