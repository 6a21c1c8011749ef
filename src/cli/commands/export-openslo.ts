import { Command } from "commander";
import {
  dirOption,
  forceOption,
  outputDirectoryOption,
  strictOption,
  todayOption,
  withOptions,
  type CommandFactory,
  type SpecSourceOptions,
} from "./options.js";

/** `slocc export openslo`: every service as OpenSLO v1 documents, with what OpenSLO cannot hold. */
export const exportOpenSloCommand: CommandFactory = (context, setExit) =>
  withOptions(new Command("openslo"), [
    dirOption(),
    outputDirectoryOption(
      "--out <dir>",
      "directory the OpenSLO files are written to, one <service>.yaml per service",
    ).makeOptionMandatory(),
    forceOption(),
    strictOption(),
    todayOption(),
  ])
    .description(
      "write each service as openslo/v1 documents (Service, SLOs with their SLI and burn-rate alert policies) and report what OpenSLO cannot hold",
    )
    .addHelpText(
      "after",
      "\nExamples:\n  $ slocc export openslo --out openslo\n  $ slocc export openslo --dir slos --out openslo --force",
    )
    .action(async (options: SpecSourceOptions & { out: string; force: boolean; strict: boolean }) => {
      const { exportOpenSlo } = await import("../../app/openslo.js");
      setExit(await exportOpenSlo(options, options, context));
    });
