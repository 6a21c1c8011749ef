import type { ReviewEntry } from "../views/calendar.js";
import { plural } from "../util/text.js";
import { html, type Html } from "./html.js";

/** The review status in a word or two, marked by tone (and never by colour alone: the words say it). */
export function reviewStatusBadge(entry: ReviewEntry): Html {
  switch (entry.status) {
    case "overdue":
      return html`<span class="status bad">overdue</span>`;
    case "due-soon":
      return html`<span class="status warn">due soon</span>`;
    case "ok":
      return html`<span class="status good">on schedule</span>`;
    case "unscheduled":
      return html`<span class="status none">no review scheduled</span>`;
  }
}

/** `last reviewed 2026-10-01, every 2q; next due 2027-04-01, overdue by 12 days`. */
export function reviewSentence(entry: ReviewEntry): string {
  if (entry.status === "unscheduled") return "The service declares no review cadence.";
  const days = entry.daysLeft ?? 0;
  const when = days < 0 ? `overdue by ${plural(-days, "day")}` : days === 0 ? "due today" : `in ${plural(days, "day")}`;
  return `Last reviewed ${entry.last ?? "?"}, every ${entry.every ?? "?"}; next review due ${entry.due ?? "?"} (${when}).`;
}
