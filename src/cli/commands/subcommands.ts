import { Command } from "commander";
import type { CommandFactory } from "./options.js";

/**
 * A command that only groups subcommands, one per format (`slocc import openslo`, ...): each
 * subcommand prints through the context and reports its exit code like a top-level command.
 */
export function commandGroup(name: string, description: string, formats: readonly CommandFactory[]): CommandFactory {
  return (context, setExit) => {
    const group = new Command(name).description(description);
    for (const format of formats) {
      group.addCommand(
        format(context, setExit).exitOverride().configureOutput({ writeOut: context.stdout, writeErr: context.stderr }),
      );
    }
    return group;
  };
}
