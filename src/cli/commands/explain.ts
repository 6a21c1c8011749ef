import { Command, Option } from "commander";
import type { ExplainFormat } from "../../app/explain.js";
import { dirOption, formatOption, todayOption, type CommandFactory, type SpecSourceOptions } from "./options.js";

/** `slocc explain`: error budgets and alert tiers in plain numbers. */
export const explainCommand: CommandFactory = (context, setExit) =>
  new Command("explain")
    .description(
      "show each SLO's error budget as time and what each alert tier means: when it fires and how fast it would exhaust the budget",
    )
    .argument("[selector]", "a service, or service/slo")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(formatOption(["text", "markdown", "json"]))
    .addOption(
      new Option("--preview <file>", "a report of `slocc preview --format json`: show each SLO as it measured it too"),
    )
    .addHelpText(
      "after",
      "\nExamples:\n  $ slocc explain\n  $ slocc explain card-platform/repayment-availability --format markdown\n  $ slocc explain checkout --preview preview.json",
    )
    .action(
      async (
        selector: string | undefined,
        options: SpecSourceOptions & { format: ExplainFormat; preview?: string },
      ) => {
        const { explainSpecs } = await import("../../app/explain.js");
        setExit(await explainSpecs(selector, options, context));
      },
    );
