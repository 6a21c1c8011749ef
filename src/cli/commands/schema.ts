import { Command } from "commander";
import { outputFileOption, type CommandFactory } from "./options.js";

/** `slocc schema`: the JSON Schema of spec files, for editors and other tools. */
export const schemaCommand: CommandFactory = (context, setExit) =>
  new Command("schema")
    .description("print the JSON Schema (draft 2020-12) of spec files, generated from the checks slocc runs")
    .addOption(outputFileOption("--out <file>", "write it to this file instead"))
    .addHelpText(
      "after",
      "\nExamples:\n  $ slocc schema > slocc-v1.schema.json\n  $ slocc schema --out schema/slocc-v1.schema.json",
    )
    .action(async (options: { out?: string }) => {
      const { runSchema } = await import("../../app/schema.js");
      setExit(await runSchema(options, context));
    });
