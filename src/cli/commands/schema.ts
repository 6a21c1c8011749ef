import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { Command } from "commander";
import { EXIT } from "../../app/exit.js";
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
      const { schemaText } = await import("../../app/schema.js");
      if (options.out === undefined) context.stdout(schemaText());
      else {
        const target = resolve(context.cwd, options.out);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, schemaText());
      }
      setExit(EXIT.ok);
    });
