import { Command, Option } from "commander";
import { compileDirectory } from "../../compile.js";
import { todayUtc } from "../../model/review-cadence.js";
import { reviewCalendar, type ReviewEntry } from "../../plan/reviews.js";
import { EXIT, type CliIo } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { compileOptions, dirOption, todayOption } from "./options.js";

/** `slocc reviews`: when each service's SLOs are next due for review. */
export function reviewsCommand(io: CliIo, setExit: (code: number) => void): Command {
  return new Command("reviews")
    .description("list every service with its last SLO review, the next due date and its status, soonest first")
    .addOption(dirOption())
    .addOption(todayOption())
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText("after", "\nExamples:\n  $ slocc reviews\n  $ slocc reviews --today 2027-01-15 --format json")
    .action(async (options: { dir: string; today?: string; format: "text" | "json" }) => {
      const result = await compileDirectory(options.dir, compileOptions(options));
      if (reportDiagnostics(result, io, "text", false) !== EXIT.ok || !result.model) return setExit(EXIT.failure);
      const entries = reviewCalendar(result.model, options.today ?? todayUtc());
      io.stdout(`${options.format === "json" ? JSON.stringify({ reviews: entries }, null, 2) : reviewsText(entries)}\n`);
      setExit(EXIT.ok);
    });
}

function reviewsText(entries: readonly ReviewEntry[]): string {
  const rows = entries.map((e) => [
    e.service,
    e.last ?? "-",
    e.every ?? "-",
    e.due ?? "-",
    e.status === "unscheduled" ? "no review scheduled" : e.status === "overdue" ? `OVERDUE by ${-(e.daysLeft ?? 0)} d` : e.status === "due-soon" ? `due in ${e.daysLeft} d` : `ok (${e.daysLeft} d)`,
    [e.owner, ...e.approvers].join(" "),
  ]);
  const header = ["service", "last review", "every", "next due", "status", "reviewers"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  return [header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()).join("\n");
}
