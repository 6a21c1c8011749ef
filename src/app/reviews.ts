import type { DiagnosticSubject } from "../diagnostics/subject.js";
import { calendarText } from "../render/calendar.js";
import { todayUtc } from "../util/dates.js";
import { reviewCalendar } from "../views/calendar.js";
import { compileDirectory, type CompileOptions } from "./compile.js";
import type { AppContext } from "./context.js";
import { diagnosticsAbout } from "./diagnostics-about.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics } from "./print.js";

/** What `slocc reviews` reads and how it prints. */
export interface ReviewsOptions extends CompileOptions {
  readonly dir: string;
  readonly format: "text" | "json";
}

/** The service keys the review calendar shows: its review cadence and who reviews. */
const REVIEW_KEYS: ReadonlySet<string> = new Set(["review", "owner", "approvers"]);

/**
 * `slocc reviews`: every service with its last SLO review, next due date and status. A spec with
 * an error is reported whole; otherwise only the warnings about what the calendar shows are
 * printed: those on a service's `review`, `owner` and `approvers`.
 */
export async function reviewSpecs(options: ReviewsOptions, context: AppContext): Promise<ExitCode> {
  const result = await compileDirectory(options.dir, context.cwd, options);
  if (!result.value) return printDiagnostics(result, context, "text", false);
  printDiagnostics(diagnosticsAbout(result, showsReview), context, "text", false);
  const entries = reviewCalendar(result.value.model, options.today ?? todayUtc());
  context.stdout(
    `${options.format === "json" ? JSON.stringify({ reviews: entries }, null, 2) : calendarText(entries)}\n`,
  );
  return EXIT.ok;
}

function showsReview(subject: DiagnosticSubject): boolean {
  return (
    subject.stacks.length > 0 && subject.slo === undefined && subject.key !== undefined && REVIEW_KEYS.has(subject.key)
  );
}
