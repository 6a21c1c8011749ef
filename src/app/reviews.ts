import type { DiagnosticSubject } from "../diagnostics/subject.js";
import type { PreviewReport } from "../preview/report.js";
import { calendarText, measuredText, type ReviewWithMeasures } from "../render/calendar.js";
import { todayUtc } from "../util/dates.js";
import { reviewCalendar, type ReviewEntry } from "../views/calendar.js";
import { compileDirectory, type CompileOptions } from "./compile.js";
import type { AppContext } from "./context.js";
import { diagnosticsAbout } from "./diagnostics-about.js";
import { EXIT, type ExitCode } from "./exit.js";
import { readPreviewFile } from "./preview-file.js";
import { printDiagnostics, printProblems } from "./print.js";

/** What `slocc reviews` reads and how it prints. */
export interface ReviewsOptions extends CompileOptions {
  readonly dir: string;
  readonly format: "text" | "json";
  /** A report `slocc preview --format json` wrote: the measured SLI of each SLO due for review is shown. */
  readonly preview?: string;
}

/** The service keys the review calendar shows: its review cadence and who reviews. */
const REVIEW_KEYS: ReadonlySet<string> = new Set(["review", "owner", "approvers"]);

/**
 * `slocc reviews`: every service's last review, next due date and status, soonest first; with a
 * preview report, the SLOs of each service overdue or due soon as that report measured them. A
 * spec with an error is reported whole; otherwise only the warnings about what the calendar shows
 * are printed: those on a service's `review`, `owner` and `approvers`.
 */
export async function runReviews(options: ReviewsOptions, context: AppContext): Promise<ExitCode> {
  const compiled = await compileDirectory(options.dir, context.cwd, options);
  if (!compiled.value) return printDiagnostics(compiled, context, "text", false);
  printDiagnostics(diagnosticsAbout(compiled, showsReview), context, "text", false);
  let report: PreviewReport | undefined;
  if (options.preview !== undefined) {
    const read = await readPreviewFile(options.preview, context.cwd);
    if (!read.ok) return printProblems(read.problems, context);
    report = read.value;
  }
  const entries = withMeasures(reviewCalendar(compiled.value.model, options.today ?? todayUtc()), report);
  if (options.format === "json") context.stdout(`${JSON.stringify({ reviews: entries }, null, 2)}\n`);
  else context.stdout(`${calendarText(entries)}\n${report ? `\n${measuredText(entries, report)}\n` : ""}`);
  return EXIT.ok;
}

function showsReview(subject: DiagnosticSubject): boolean {
  return (
    subject.stacks.length > 0 && subject.slo === undefined && subject.key !== undefined && REVIEW_KEYS.has(subject.key)
  );
}

/** Each entry due for review (overdue or due soon) with its services' SLOs from the report, in the report's order. */
function withMeasures(entries: readonly ReviewEntry[], report: PreviewReport | undefined): ReviewWithMeasures[] {
  if (!report) return [...entries];
  return entries.map((entry) =>
    entry.status === "overdue" || entry.status === "due-soon"
      ? { ...entry, measured: report.slos.filter((slo) => slo.stack === entry.service) }
      : entry,
  );
}
