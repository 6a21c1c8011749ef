import pc from "picocolors";
import { formatPercent } from "../human/numbers.js";
import { sloKey } from "../human/slo-key.js";
import { formatTable } from "../human/table.js";
import type { PreviewReport, PreviewSlo } from "../preview/report.js";
import { alertLabel, budgetText, episodesText, firedText, sliText, spanText, statusText } from "./preview-words.js";

/**
 * The preview for a terminal: per SLO, its status, a table of windows (target, measured SLI, budget
 * spent as a share and as time), when each alert would have fired, and its problems.
 */
export function previewText(report: PreviewReport, color: boolean): string {
  const c = pc.createColors(color);
  const head = `Measured against Datadog from ${spanText(report)}`;
  if (report.slos.length === 0) return `${head}: no SLO to preview.`;
  return [head, ...report.slos.map((slo) => sloText(slo, c))].join("\n\n");
}

function sloText(slo: PreviewSlo, c: ReturnType<typeof pc.createColors>): string {
  const status = slo.status === "ok" ? c.green(statusText(slo)) : c.yellow(statusText(slo));
  const lines = [`${c.bold(sloKey(slo.stack, slo.slo))} (${slo.kind}): ${status}`];
  if (slo.status !== "skipped" && slo.status !== "error") {
    const rows = slo.windows.map((window) => [
      window.window,
      formatPercent(window.target),
      sliText(window.sli),
      budgetText(window),
    ]);
    lines.push(indent(formatTable([["window", "target", "SLI", "budget spent"], ...rows])));
  }
  if (slo.alerts.length > 0) {
    lines.push(`  alerts over the last ${slo.primaryWindow}:`);
    for (const alert of slo.alerts) {
      const when = alert.episodes.length > 0 ? `: ${episodesText(alert.episodes)}` : "";
      lines.push(`    ${alertLabel(alert)}: ${firedText(alert)}${when}`);
    }
  }
  for (const problem of slo.problems) lines.push(`  ${c.yellow(problem.code)}: ${problem.message}`);
  return lines.join("\n");
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `  ${line}`)
    .join("\n");
}
