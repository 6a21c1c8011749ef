import { formatTable } from "../human/table.js";
import type { ReviewEntry } from "../views/calendar.js";

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
