import { Command } from "commander";
import { EXIT } from "../../app/exit.js";
import type { SloExplanation } from "../../views/explain.js";
import { dirOption, formatOption, todayOption, type CommandFactory, type SpecSourceOptions } from "./options.js";

type ExplainFormat = "text" | "markdown" | "json";

async function render(explanations: readonly SloExplanation[], format: ExplainFormat): Promise<string> {
  if (format === "json") return JSON.stringify({ slos: explanations }, null, 2);
  const { explainMarkdown, explainText } = await import("../../render/explain.js");
  return format === "markdown" ? explainMarkdown(explanations) : explainText(explanations);
}

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
      const [{ compileDirectory }, { printDiagnostics }, { explainModel, selectorHint }] = await Promise.all([
        import("../../app/compile.js"),
        import("../../app/print.js"),
        import("../../views/explain.js"),
      ]);
      const result = await compileDirectory(options.dir, context.cwd, options);
      if (printDiagnostics(result, context, "text", false) !== EXIT.ok || !result.value) return setExit(EXIT.failure);
      const explanations = explainModel(result.value.model, selector);
      if (explanations.length === 0) {
        const hint = selectorHint(result.value.model, selector ?? "");
        context.stderr(
          `slocc explain: nothing matches "${selector ?? ""}"; give a service or service/slo from ${options.dir}.${hint}\n`,
        );
        return setExit(EXIT.usage);
      }
      context.stdout(`${await render(explanations, options.format)}\n`);
      setExit(EXIT.ok);
    });
