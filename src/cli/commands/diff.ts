import { Command, InvalidArgumentError, Option } from "commander";
import { GitReadError } from "../../load/read-git.js";
import { RISK_KINDS, type ReviewDiff, type RiskKind } from "../../plan/diff/types.js";
import { diffMarkdown } from "../../report/diff-markdown.js";
import { diffText } from "../../report/diff-text.js";
import { reviewSpecs } from "../../review.js";
import { EXIT, type CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { dirOption, todayOption } from "./options.js";

/** `slocc diff`: what a change to the specs means, for the pull request. */
export function diffCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command("diff")
    .description("compare the specs at a base git ref with the head (default: the working tree): SLOs, alerts, budgets, Terraform actions, risks and reviewers")
    .requiredOption("--base <ref>", "git ref to compare against, such as origin/main")
    .option("--head <ref>", "git ref to compare (default: the working tree)")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "markdown", "json"]).default("text"))
    .addOption(new Option("--fail-on <kinds>", `exit 1 when a risk of these kinds is present: ${RISK_KINDS.join(", ")}`).argParser(parseRiskKinds).default([]))
    .addHelpText("after", "\nExamples:\n  $ slocc diff --base origin/main\n  $ slocc diff --base origin/main --format markdown > comment.md\n  $ slocc diff --base v1.2.0 --head HEAD --fail-on destroy,replace")
    .action(async (options: { base: string; head?: string; dir: string; today?: string; format: "text" | "markdown" | "json"; failOn: RiskKind[] }) => {
      let result;
      try {
        result = await reviewSpecs({
          cwd: process.cwd(),
          dir: options.dir,
          base: options.base,
          ...(options.head === undefined ? {} : { head: options.head }),
          ...(options.today === undefined ? {} : { today: options.today }),
        });
      } catch (error) {
        if (!(error instanceof GitReadError)) throw error;
        io.stderr(`slocc diff: ${error.message}\n`);
        return setExit(EXIT.usage);
      }
      const code = reportDiagnostics({ diagnostics: result.diagnostics, sources: result.sources }, io, "text", false);
      if (code !== EXIT.ok || !result.diff) return setExit(EXIT.failure);
      io.stdout(`${render(result.diff, options.format, io.stdoutColor ?? false)}\n`);
      const failing = result.diff.risks.filter((risk) => options.failOn.includes(risk.kind));
      if (failing.length > 0) io.stderr(`slocc diff: ${failing.length} risk(s) of kinds named by --fail-on: ${[...new Set(failing.map((r) => r.kind))].join(", ")}\n`);
      setExit(failing.length > 0 ? EXIT.failure : EXIT.ok);
    });
}

function render(diff: ReviewDiff, format: "text" | "markdown" | "json", color: boolean): string {
  if (format === "markdown") return diffMarkdown(diff);
  if (format === "json") return JSON.stringify({ version: 1, ...diff }, null, 2);
  return diffText(diff, color);
}

function parseRiskKinds(value: string): RiskKind[] {
  const kinds = value.split(",").map((kind) => kind.trim()).filter((kind) => kind.length > 0);
  const unknown = kinds.filter((kind) => !(RISK_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) throw new InvalidArgumentError(`unknown kind ${unknown.join(", ")}; choose from ${RISK_KINDS.join(", ")}`);
  return kinds as RiskKind[];
}
