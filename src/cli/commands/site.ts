import { Command, InvalidArgumentError, Option } from "commander";
import {
  dirOption,
  outputDirectoryOption,
  specPathArgument,
  todayOption,
  type CommandFactory,
  type SpecSourceOptions,
} from "./options.js";
import { optional } from "../../util/optional.js";

const EXAMPLES = [
  "slocc site --out site",
  "slocc site slos --out site --preview preview.json",
  "slocc site --out site --source-url https://github.com/acme/slos/blob/main --datadog-url https://app.datadoghq.eu",
];

/** An http(s) URL option's value, or a usage error. */
function webUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || !["http:", "https:"].includes(url.protocol))
    throw new InvalidArgumentError("give an http(s) URL, such as https://app.datadoghq.eu");
  return value;
}

/** `slocc site`: the SLO catalog as a static site. */
export const siteCommand: CommandFactory = (context, setExit) =>
  new Command("site")
    .description(
      "write the SLO catalog as a static site: an index of services and a page per service with targets, budgets as time, alerts, journeys and reviews (and measured SLIs with --preview, or measured live when Datadog's keys are set)",
    )
    .argument("[path]", specPathArgument)
    .addOption(dirOption())
    .addOption(
      outputDirectoryOption(
        "--out <dir>",
        "directory the site is written to (created, or replaced when it holds a previous site)",
      ).makeOptionMandatory(),
    )
    .addOption(new Option("--preview <file.json>", "measured data: a file `slocc preview --format json` wrote"))
    .addOption(
      new Option(
        "--no-measure",
        "without --preview, do not measure the SLOs even when DD_API_KEY and DD_APP_KEY are set (by default they are measured)",
      ),
    )
    .addOption(todayOption())
    .addOption(
      new Option(
        "--datadog-url <url>",
        "the Datadog web app SLOs are linked to (default: from DD_HOST, else https://app.datadoghq.com)",
      ).argParser(webUrl),
    )
    .addOption(
      new Option("--source-url <url>", "where spec files are read online: spec paths are linked below it").argParser(
        webUrl,
      ),
    )
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}`).join("\n")}`)
    .action(
      async (
        path: string | undefined,
        options: SpecSourceOptions & {
          out: string;
          preview?: string;
          measure: boolean;
          datadogUrl?: string;
          sourceUrl?: string;
        },
      ) => {
        const { runSite } = await import("../../app/site.js");
        setExit(
          await runSite(
            {
              specs: path ?? options.dir,
              out: options.out,
              ...optional("preview", options.preview),
              ...optional("today", options.today),
              ...optional("datadogUrl", options.datadogUrl),
              ...optional("sourceUrl", options.sourceUrl),
              measure: options.measure,
            },
            context,
          ),
        );
      },
    );
