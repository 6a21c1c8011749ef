import { Command, Option } from "commander";
import { forceOption, outputDirectoryOption, strictOption, withOptions, type CommandFactory } from "./options.js";

const EXAMPLES = [
  "slocc import openslo openslo/ --out slos --owner checkout-sre",
  "slocc import openslo services.yaml slos.yaml --out slos --owner checkout-sre --force",
];

/** `slocc import openslo`: OpenSLO v1 documents to slocc specs, one per service. */
export const importOpenSloCommand: CommandFactory = (context, setExit) =>
  withOptions(new Command("openslo"), [
    outputDirectoryOption(
      "--out <dir>",
      "directory the specs are written to, one <service>.yaml per service",
    ).makeOptionMandatory(),
    new Option(
      "--owner <team>",
      "owning team of every imported service (default: its Service's slocc/owner annotation)",
    ),
    forceOption(),
    strictOption(),
  ])
    .description(
      "write slocc specs from OpenSLO openslo/v1 files (several documents or lists per file; directories read their .yaml/.yml files)",
    )
    .argument("<paths...>", "OpenSLO files or directories; references resolve across all of them")
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}`).join("\n")}`)
    .action(async (paths: string[], options: { out: string; owner?: string; force: boolean; strict: boolean }) => {
      const { importOpenSlo } = await import("../../app/openslo.js");
      setExit(await importOpenSlo(paths, options, context));
    });
