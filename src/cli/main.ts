import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { processContext, type AppContext } from "../app/context.js";
import { EXIT } from "../app/exit.js";
import { PACKAGE_ROOT } from "../app/package-root.js";
import { applyCommand } from "./commands/apply.js";
import { diffCommand } from "./commands/diff.js";
import { explainCommand } from "./commands/explain.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { initCommand } from "./commands/init.js";
import { preparePathOptions } from "./commands/options.js";
import { planCommand } from "./commands/plan.js";
import { previewCommand } from "./commands/preview.js";
import { reviewsCommand } from "./commands/reviews.js";
import { schemaCommand } from "./commands/schema.js";
import { siteCommand } from "./commands/site.js";
import { synthCommand } from "./commands/synth.js";
import { templatesCommand } from "./commands/templates.js";
import { validateCommand } from "./commands/validate.js";

/** Runs the `slocc` command line and resolves to its exit code; never throws for bad input. */
export async function main(argv: readonly string[], context: AppContext = processContext()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram(context, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    context.stderr(`slocc: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.failure;
  }
  return exitCode;
}

/** The `slocc` program with every command, printing through `context` and reporting exit codes to `setExit`. */
export function buildProgram(context: AppContext, setExit: (code: number) => void): Command {
  const program = new Command("slocc")
    .description("SLO-as-code: validate service level objectives and compile them to Datadog through CDK for Terraform")
    .version(readVersion())
    .configureOutput({ writeOut: context.stdout, writeErr: context.stderr })
    .exitOverride()
    .showHelpAfterError()
    .addHelpText("after", "\nExample:\n  $ slocc validate && slocc synth")
    .hook("preAction", (_program, command) => preparePathOptions(command, context));
  for (const command of [
    validateCommand,
    synthCommand,
    explainCommand,
    diffCommand,
    previewCommand,
    reviewsCommand,
    siteCommand,
    templatesCommand,
    planCommand,
    applyCommand,
    importCommand,
    exportCommand,
    initCommand,
    schemaCommand,
  ]) {
    program.addCommand(
      command(context, setExit).exitOverride().configureOutput({ writeOut: context.stdout, writeErr: context.stderr }),
    );
  }
  return program;
}

function readVersion(): string {
  // Read at run time from the package itself, so the CLI and package.json never disagree.
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
}
