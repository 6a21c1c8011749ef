import { Command, InvalidArgumentError, Option } from "commander";
import type { DiffCommandOptions } from "../../app/change-diff.js";
import { RISK_KINDS, type RiskKind } from "../../diff/types.js";
import { dirOption, formatOption, outputFileOption, todayOption, type CommandFactory } from "./options.js";

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
    .action(async (options: DiffCommandOptions) => {
      const { runDiff } = await import("../../app/change-diff.js");
      setExit(await runDiff(options, context));
    });

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
