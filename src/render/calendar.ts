import { formatInstant } from "../human/instant.js";
import { formatPercent } from "../human/numbers.js";
import { sloKey } from "../human/slo-key.js";
import { formatTable } from "../human/table.js";
import type { PreviewReport, PreviewSlo } from "../preview/report.js";
import type { ReviewEntry } from "../views/calendar.js";
import { budgetText, sliText, statusText as previewStatus } from "./preview-words.js";

/** A service's place in the calendar and, when it is due for review and a preview was given, its SLOs as measured. */
export interface ReviewWithMeasures extends ReviewEntry {
  readonly measured?: readonly PreviewSlo[];
}

/** The review calendar as an aligned table, one service a row. */
export function calendarText(entries: readonly ReviewEntry[]): string {
  const rows = entries.map((e) => [
    e.service,
    e.last ?? "-",
    e.every ?? "-",
    e.due ?? "-",
    statusText(e),
    [e.owner, ...e.approvers].join(" "),
  ]);
  return formatTable([["service", "last review", "every", "next due", "status", "reviewers"], ...rows]);
}

function statusText(entry: ReviewEntry): string {
  switch (entry.status) {
    case "unscheduled":
      return "no review scheduled";
    case "overdue":
      return `OVERDUE by ${-(entry.daysLeft ?? 0)} d`;
    case "due-soon":
      return `due in ${entry.daysLeft ?? 0} d`;
    case "ok":
      return `ok (${entry.daysLeft ?? 0} d)`;
  }
}

/**
 * The SLOs of the services due for review as a preview measured them: one row per SLO and window
 * (target, measured SLI, budget spent), so a review starts from what each service did.
 */
export function measuredText(entries: readonly ReviewWithMeasures[], report: PreviewReport): string {
  const due = entries.filter((entry) => entry.measured !== undefined);
  const head = `Measured SLIs of the services due for review (preview up to ${formatInstant(report.to)}):`;
  if (due.length === 0) return `${head} no service is due.`;
  const rows = due.flatMap((entry) => {
    const measured = entry.measured ?? [];
    if (measured.length === 0) return [[entry.service, "-", "-", "not in the preview", "-"]];
    return measured.flatMap((slo) =>
      slo.windows.map((window) => [
        sloKey(slo.stack, slo.slo),
        window.window,
        formatPercent(window.target),
        slo.status === "ok" || slo.status === "no-data" ? sliText(window.sli) : previewStatus(slo),
        budgetText(window),
      ]),
    );
  });
  return `${head}\n${formatTable([["SLO", "window", "target", "SLI", "budget spent"], ...rows])}`;
}
