import { Command, Option } from "commander";
import { compileDirectory } from "../../compile.js";
import { explainModel } from "../../plan/explain.js";
import { explainMarkdown, explainText } from "../../report/explain.js";
import { EXIT, type CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { compileOptions, dirOption, todayOption } from "./options.js";

/** `slocc explain`: error budgets and alert tiers in plain numbers. */
export function explainCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command("explain")
    .description("show each SLO's error budget as time and what each alert tier means: when it fires and how fast it would exhaust the budget")
    .argument("[selector]", "a service, or service/slo")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .addHelpText("after", "\nExamples:\n  $ slocc explain\n  $ slocc explain card-platform/repayment-availability --format markdown")
    .action(async (selector: string | undefined, options: { dir: string; today?: string; format: "text" | "markdown" | "json" }) => {
      const result = await compileDirectory(options.dir, compileOptions(options));
      if (reportDiagnostics(result, io, "text", false) !== EXIT.ok || !result.model) return setExit(EXIT.failure);
      const explanations = explainModel(result.model, selector);
      if (explanations.length === 0) {
        io.stderr(`slocc explain: nothing matches "${selector ?? ""}"; give a service or service/slo from ${options.dir}\n`);
        return setExit(EXIT.usage);
      }
      const render = { text: explainText, markdown: explainMarkdown, json: (e: unknown) => JSON.stringify({ slos: e }, null, 2) }[options.format];
      io.stdout(`${render(explanations)}\n`);
      setExit(EXIT.ok);
    });
}
