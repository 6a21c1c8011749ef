import type { PreviewReport, PreviewSlo } from "../preview/report.js";
import { calendarText, measuredText } from "../render/calendar.js";
import { todayUtc } from "../util/dates.js";
import { reviewCalendar, type ReviewEntry } from "../views/calendar.js";
import { compileDirectory } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { readPreviewFile } from "./preview-file.js";
import { printDiagnostics } from "./print.js";

/** What `slocc reviews` reads and prints. */
export interface ReviewsOptions {
  readonly dir: string;
  readonly today?: string;
  readonly format: "text" | "json";
  /** A report `slocc preview --format json` wrote: the measured SLI of each SLO due for review is shown. */
  readonly preview?: string;
}

/** A service's place in the calendar and, when it is due for review and a preview was given, its SLOs as measured. */
export interface ReviewWithMeasures extends ReviewEntry {
  readonly measured?: readonly PreviewSlo[];
}

/**
 * `slocc reviews`: every service's last review, next due date and status, soonest first; with a
 * preview report, the SLOs of each service overdue or due soon as that report measured them.
 */
export async function runReviews(options: ReviewsOptions, context: AppContext): Promise<ExitCode> {
  const compiled = await compileDirectory(options.dir, context.cwd, options);
  if (printDiagnostics(compiled, context, "text", false) !== EXIT.ok || !compiled.value) return EXIT.failure;
  let report: PreviewReport | undefined;
  if (options.preview !== undefined) {
    const read = await readPreviewFile(options.preview, context.cwd);
    if (!read.ok) {
      for (const problem of read.problems) context.stderr(`slocc: ${problem.message}\n`);
      return EXIT.failure;
    }
    report = read.value;
  }
  const entries = withMeasures(reviewCalendar(compiled.value.model, options.today ?? todayUtc()), report);
  if (options.format === "json") context.stdout(`${JSON.stringify({ reviews: entries }, null, 2)}\n`);
  else context.stdout(`${calendarText(entries)}\n${report ? `\n${measuredText(entries, report)}\n` : ""}`);
  return EXIT.ok;
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
