import { Command } from "commander";
import { compileDirectory } from "../../app/compile.js";
import { EXIT } from "../../app/exit.js";
import { printDiagnostics } from "../../app/print.js";
import { explainMarkdown, explainText } from "../../render/explain.js";
import { explainModel, selectorHint, type SloExplanation } from "../../views/explain.js";
import { dirOption, formatOption, todayOption, type CommandFactory, type SpecSourceOptions } from "./options.js";

type ExplainFormat = "text" | "markdown" | "json";

const RENDERERS: Readonly<Record<ExplainFormat, (explanations: readonly SloExplanation[]) => string>> = {
  text: explainText,
  markdown: explainMarkdown,
  json: (explanations) => JSON.stringify({ slos: explanations }, null, 2),
};

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
      context.stdout(`${RENDERERS[options.format](explanations)}\n`);
      setExit(EXIT.ok);
    });
