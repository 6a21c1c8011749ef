import { Command, CommanderError } from "commander";
import { applyCommand } from "./commands/apply.js";
import { diffCommand } from "./commands/diff.js";
import { explainCommand } from "./commands/explain.js";
import { planCommand } from "./commands/plan.js";
import { reviewsCommand } from "./commands/reviews.js";
import { synthCommand } from "./commands/synth.js";
import { validateCommand } from "./commands/validate.js";
import { EXIT, processIo, type CliIo } from "./io.js";

/** Runs the `slocc` command line and resolves to its exit code; never throws for bad input. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`slocc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
  return exitCode;
}

/** The `slocc` program with every command, printing through `io` and reporting exit codes to `setExit`. */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command("slocc")
    .description("SLO-as-code: validate service level objectives and compile them to Datadog through CDK for Terraform")
    .version(readVersion())
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError()
    .addHelpText("after", "\nExample:\n  $ slocc validate && slocc synth")
    .addCommand(validateCommand(io, setExit))
    .addCommand(synthCommand(io, setExit))
    .addCommand(explainCommand(io, setExit))
    .addCommand(diffCommand(io, setExit))
    .addCommand(reviewsCommand(io, setExit))
    .addCommand(planCommand(io, setExit))
    .addCommand(applyCommand(io, setExit));
  for (const command of program.commands) command.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

function readVersion(): string {
  // Resolved at run time from the package itself, so the CLI and package.json never disagree.
  return (require("../../package.json") as { version: string }).version;
}
