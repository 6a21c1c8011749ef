import { formatPercent } from "../human/numbers.js";
import { sloKey } from "../human/slo-key.js";
import type { PreviewReport, PreviewSlo } from "../preview/report.js";
import { escapeHtml, tableHeader, tableRow } from "./markdown.js";
import { alertLabel, budgetText, episodesText, firedText, sliText, spanText, statusText } from "./preview-words.js";

/**
 * The preview for a pull-request comment: one table row per SLO and window (target, measured SLI,
 * budget spent, how often each alert would have fired), then every problem, then when the alerts
 * would have fired, folded. SLOs without data or skipped are rows too, never left out.
 */
export function previewMarkdown(report: PreviewReport, changedSince?: string): string {
  const scope = changedSince === undefined ? "" : ` (SLOs added or changed since \`${escapeHtml(changedSince)}\`)`;
  const head = `### SLIs measured against Datadog${scope}`;
  if (report.slos.length === 0) {
    const none = changedSince === undefined ? "No SLO to preview." : "No SLO added or changed: nothing to preview.";
    return `${head}\n\n${none}`;
  }
  const sections = [
    head,
    `From ${spanText(report)}. Alerts are replayed over each SLO's primary window, evaluated every 5 minutes.`,
    [
      tableHeader(["SLO", "status", "window", "target", "SLI", "budget spent", "alerts that would have fired"]),
      ...report.slos.flatMap(rowsOf),
    ].join("\n"),
  ];
  const problems = report.slos.flatMap((slo) =>
    slo.problems.map(
      (problem) => `- \`${sloKey(slo.stack, slo.slo)}\` **${problem.code}**: ${escapeHtml(problem.message)}`,
    ),
  );
  if (problems.length > 0) sections.push(`**Problems:**\n\n${problems.join("\n")}`);
  const episodes = report.slos.flatMap((slo) =>
    slo.alerts
      .filter((alert) => alert.episodes.length > 0)
      .map(
        (alert) => `- \`${sloKey(slo.stack, slo.slo)}\` ${alertLabel(alert)}: ${episodesText(alert.episodes)} (UTC)`,
      ),
  );
  if (episodes.length > 0)
    sections.push(
      `<details><summary>When the alerts would have fired</summary>\n\n${episodes.join("\n")}\n\n</details>`,
    );
  return sections.join("\n\n");
}

/** One row per window; the SLO's name, status and alerts on its first. */
function rowsOf(slo: PreviewSlo): string[] {
  const status = slo.status === "ok" ? statusText(slo) : `**${statusText(slo)}**`;
  const alerts = slo.alerts.map((alert) => `${alertLabel(alert)}: ${firedText(alert)}`).join("; ") || "-";
  const windows = slo.windows.length > 0 ? slo.windows : [undefined];
  return windows.map((window, index) =>
    tableRow([
      index === 0 ? `\`${sloKey(slo.stack, slo.slo)}\`` : "",
      index === 0 ? status : "",
      window?.window ?? "-",
      window ? formatPercent(window.target) : "-",
      window && slo.status !== "skipped" && slo.status !== "error" ? sliText(window.sli) : "-",
      window ? budgetText(window) : "-",
      index === 0 ? alerts : "",
    ]),
  );
}
