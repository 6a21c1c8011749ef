import { Command } from "commander";
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
    .addHelpText(
      "after",
      "\nExamples:\n  $ slocc explain\n  $ slocc explain card-platform/repayment-availability --format markdown",
    )
    .action(async (selector: string | undefined, options: SpecSourceOptions & { format: ExplainFormat }) => {
      const { explainSpecs } = await import("../../app/explain.js");
      setExit(await explainSpecs(selector, options, context));
    });
