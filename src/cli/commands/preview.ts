import { Command, InvalidArgumentError, Option } from "commander";
import type { PreviewFormat } from "../../app/preview.js";
import {
  dirOption,
  formatOption,
  outputFileOption,
  specPathArgument,
  todayOption,
  type CommandFactory,
  type SpecSourceOptions,
} from "./options.js";

interface PreviewCommandOptions extends SpecSourceOptions {
  readonly changedSince?: string;
  readonly to?: number;
  readonly format: PreviewFormat;
  readonly jsonOut?: string;
}

const EXAMPLES = [
  "slocc preview",
  "slocc preview slos/checkout.yaml --format json",
  "slocc preview --changed-since origin/main --format markdown > preview.md",
  "slocc preview --to 2026-12-01T00:00:00Z --json-out preview.json",
];

/** `slocc preview`: each SLO measured against Datadog's metrics, before it is applied. */
export const previewCommand: CommandFactory = (context, setExit) =>
  new Command("preview")
    .description(
      "read each SLO's queries from Datadog's metrics (DD_API_KEY, DD_APP_KEY, DD_HOST) and show what Datadog would show: " +
        "the SLI and budget spent over each window, when each alert would have fired, and problems such as no data",
    )
    .argument("[path]", specPathArgument)
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(
      new Option("--changed-since <ref>", "preview only the SLOs added or changed since the specs at this git ref"),
    )
    .addOption(
      new Option(
        "--to <time>",
        "measure up to the start of the hour of this ISO 8601 time, such as 2026-12-01T00:00:00Z (default: now)",
      ).argParser(instant),
    )
    .addOption(formatOption(["text", "markdown", "json"]))
    .addOption(outputFileOption("--json-out <file>", "also write the report to this file, as --format json prints it"))
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}`).join("\n")}`)
    .action(async (path: string | undefined, { dir, ...options }: PreviewCommandOptions) => {
      const { runPreview } = await import("../../app/preview.js");
      setExit(await runPreview({ ...options, path: path ?? dir }, context));
    });

/** An ISO 8601 time with a zone (`Z` or an offset), as epoch seconds. */
function instant(value: string): number {
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
    ? Date.parse(value)
    : NaN;
  if (Number.isNaN(time))
    throw new InvalidArgumentError("write an ISO 8601 time with its zone, such as 2026-12-01T00:00:00Z");
  return time / 1000;
}
