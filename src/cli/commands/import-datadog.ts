import { Command, InvalidArgumentError, Option } from "commander";
import type { ImportOptions } from "../../app/import-datadog.js";
import { pathOption, type CommandFactory } from "./options.js";

const EXAMPLES = [
  "slocc import datadog",
  "slocc import datadog --tags-query team:checkout --owner checkout-sre",
  "slocc import datadog --ids 0f1e2d3c4b5a69788796a5b4c3d2e1f0,a1b2c3d4e5f60718293a4b5c6d7e8f90 --service checkout",
];

interface ImportCommandOptions extends Omit<ImportOptions, "ids"> {
  readonly ids?: readonly string[];
  readonly pageSize: number;
}

/** `slocc import datadog`: adopt the SLOs already in Datadog, and their SLO alerts, as spec files. */
export const importDatadogCommand: CommandFactory = (context, setExit) =>
  new Command("datadog")
    .description(
      "read SLOs and their `slo alert` monitors from the Datadog API (DD_API_KEY, DD_APP_KEY, DD_HOST) and write " +
        "one spec per service whose first apply imports them: nothing is created or destroyed",
    )
    .addOption(
      pathOption("--out <dir>", "directory the specs are written to (never overwriting a file)", {
        fromProjectRoot: true,
        writes: "directory",
      }).default("slos", "slos at the project root"),
    )
    .addOption(new Option("--ids <id,...>", "only these SLO ids").argParser(idList))
    .addOption(new Option("--tags-query <tag>", "only SLOs with this tag, such as team:checkout"))
    .addOption(new Option("--name <text>", "only SLOs whose name contains this text"))
    .addOption(new Option("--service <name>", "the service of SLOs without a service: tag"))
    .addOption(new Option("--owner <team>", "the owner of services whose SLOs have no team: tag"))
    .addOption(
      new Option("--page-size <n>", "SLOs or monitors asked for per request").default(1000).argParser(pageSize),
    )
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}`).join("\n")}`)
    .action(async ({ pageSize, ...options }: ImportCommandOptions) => {
      const { importFromDatadog } = await import("../../app/import-datadog.js");
      setExit(await importFromDatadog(options, context, { pageSize }));
    });

function idList(value: string): string[] {
  const ids = value
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0) throw new InvalidArgumentError("give one or more SLO ids separated by commas");
  return ids;
}

function pageSize(value: string): number {
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1 || size > 1000)
    throw new InvalidArgumentError("give a whole number from 1 to 1000");
  return size;
}
