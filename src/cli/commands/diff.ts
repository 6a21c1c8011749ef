import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { EXIT } from "../../app/exit.js";
import { RISK_KINDS, type ChangeDiff, type RiskKind } from "../../diff/types.js";
import {
  dirOption,
  formatOption,
  outputFileOption,
  todayOption,
  type CommandFactory,
  type SpecSourceOptions,
} from "./options.js";

type DiffFormat = "text" | "markdown" | "json";

interface DiffOptions extends SpecSourceOptions {
  readonly base: string;
  readonly head?: string;
  readonly format: DiffFormat;
  readonly jsonOut?: string;
  readonly failOn: RiskKind[];
}

const EXAMPLES = [
  "slocc diff --base origin/main",
  "slocc diff --base origin/main --format markdown > comment.md",
  "slocc diff --base origin/main --format markdown --json-out diff.json > comment.md",
  "slocc diff --base v1.2.0 --head HEAD --fail-on destroy,replace",
];

/** `slocc diff`: what a change to the specs means, for the pull request. */
export const diffCommand: CommandFactory = (context, setExit) =>
  new Command("diff")
    .description(
      "compare the specs at a base git ref with the head (default: the working tree): SLOs, alerts, budgets, Terraform actions, risks and reviewers",
    )
    .requiredOption("--base <ref>", "git ref to compare against, such as origin/main")
    .option("--head <ref>", "git ref to compare (default: the working tree)")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(formatOption(["text", "markdown", "json"]))
    .addOption(
      outputFileOption("--json-out <file>", "also write the change diff to this file, as --format json prints it"),
    )
    .addOption(
      new Option("--fail-on <kinds>", `exit 1 when a risk of these kinds is present: ${RISK_KINDS.join(", ")}`)
        .argParser(parseRiskKinds)
        .default([]),
    )
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((example) => `  $ ${example}`).join("\n")}`)
    .action(async (options: DiffOptions) => {
      const [{ diffSpecs }, { printDiagnostics }] = await Promise.all([
        import("../../app/change-diff.js"),
        import("../../app/print.js"),
      ]);
      const result = await diffSpecs({ cwd: context.cwd, ...options });
      const code = printDiagnostics(result, context, "text", false);
      if (code !== EXIT.ok || !result.value) return setExit(EXIT.failure);
      // One comparison, two forms: CI posts the Markdown and reads the stacks to plan from the JSON.
      if (options.jsonOut !== undefined)
        await writeFile(resolve(context.cwd, options.jsonOut), `${await render(result.value, "json", false)}\n`);
      context.stdout(`${await render(result.value, options.format, context.color.stdout)}\n`);
      const failing = result.value.risks.filter((risk) => options.failOn.includes(risk.kind));
      if (failing.length > 0) {
        context.stderr(
          `slocc diff: ${failing.length} risk(s) of kinds named by --fail-on: ${[...new Set(failing.map((r) => r.kind))].join(", ")}\n`,
        );
      }
      setExit(failing.length > 0 ? EXIT.failure : EXIT.ok);
    });

async function render(diff: ChangeDiff, format: DiffFormat, color: boolean): Promise<string> {
  if (format === "markdown") return (await import("../../render/diff-markdown.js")).diffMarkdown(diff);
  if (format === "json") return JSON.stringify({ version: 1, ...diff }, null, 2);
  return (await import("../../render/diff-text.js")).diffText(diff, color);
}

function parseRiskKinds(value: string): RiskKind[] {
  const kinds = value
    .split(",")
    .map((kind) => kind.trim())
    .filter((kind) => kind.length > 0);
  const unknown = kinds.filter((kind) => !(RISK_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0)
    throw new InvalidArgumentError(`unknown kind ${unknown.join(", ")}; choose from ${RISK_KINDS.join(", ")}`);
  return kinds as RiskKind[];
}
