import { planCountsText, type PlanCounts } from "../terraform/plan-summary.js";
import type { StepResult } from "../terraform/run.js";

/** What one stack's plan came to: its change counts, the step that failed, or why its saved plan could not be read. */
export type PlanSummaryEntry = { readonly stack: string; readonly removed: boolean } & (
  { readonly counts: PlanCounts } | { readonly failed: StepResult } | { readonly unreadable: string }
);

/**
 * The plan summary as a Markdown list, a line per stack, for the pull-request comment:
 * `` - `web`: 3 to create, 1 to update, 0 to replace, 0 to destroy ``.
 */
export function renderPlanSummary(entries: readonly PlanSummaryEntry[], changedSince: string | undefined): string {
  if (entries.length === 0)
    return `- no stack changed${changedSince === undefined ? "" : ` since \`${changedSince}\``}: nothing to plan\n`;
  return entries
    .map((entry) => `- \`${entry.stack}\`${entry.removed ? " (removed)" : ""}: ${outcome(entry)}\n`)
    .join("");
}

/**
 * The plan summary for a terminal, a line per stack, as `apply` shows it before asking:
 * `  web: 3 to create, 1 to update, 0 to replace, 0 to destroy`.
 */
export function renderPlanSummaryText(entries: readonly PlanSummaryEntry[]): string {
  return entries
    .map((entry) => `  ${entry.stack}${entry.removed ? " (removed)" : ""}: ${outcome(entry, (text) => text)}\n`)
    .join("");
}

function outcome(entry: PlanSummaryEntry, strong: (text: string) => string = (text) => `**${text}**`): string {
  if ("counts" in entry) return planCountsText(entry.counts);
  if ("unreadable" in entry) return `planned, but the summary could not be read (${entry.unreadable})`;
  const status = entry.failed.exitCode === null ? "" : `, exit code ${entry.failed.exitCode}`;
  return `${strong(`terraform ${entry.failed.args[0] ?? ""} failed`)}${status}: see the plan's log`;
}
