import { Command } from "commander";
import type { DiagnosticFormat } from "../../app/print.js";
import {
  dirOption,
  formatOption,
  specPathArgument,
  strictOption,
  todayOption,
  type CommandFactory,
  type SpecSourceOptions,
} from "./options.js";

/** `slocc validate`: check every spec and print every problem. */
export const validateCommand: CommandFactory = (context, setExit) =>
  new Command("validate")
    .description("check every spec in the directory (or one spec file) and print every problem at once")
    .argument("[path]", specPathArgument)
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(formatOption(["text", "json"]))
    .addOption(strictOption())
    .addHelpText(
      "after",
      "\nExamples:\n  $ slocc validate\n  $ slocc validate slos/card-platform.yaml\n  $ slocc validate --dir slos --format json",
    )
    .action(
      async (path: string | undefined, options: SpecSourceOptions & { format: DiagnosticFormat; strict: boolean }) => {
        const { runValidate } = await import("../../app/compile.js");
        setExit(await runValidate({ ...options, dir: path ?? options.dir }, context));
      },
    );
