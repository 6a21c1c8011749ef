import type { ChangeDiff } from "../views/diff/types.js";
import { reviewerList } from "./diff-text.js";
import { changeLabel, resourceSummary, sloSummary } from "./diff-words.js";

/** The hidden first line that lets a CI bot find and update its own comment. */
export const DIFF_COMMENT_MARKER = "<!-- slocc-diff -->";

/** The change diff as a pull-request comment: a summary table first, details folded. */
export function diffMarkdown(diff: ChangeDiff): string {
  const lines = [
    DIFF_COMMENT_MARKER,
    `## SLO changes: \`${diff.base}\` → ${diff.head === "working tree" ? "working tree" : `\`${diff.head}\``}`,
    "",
    `${sloSummary(diff)}; ${resourceSummary(diff)}.`,
  ];
  if (diff.slos.length === 0 && diff.resources.length === 0)
    return [...lines, "", "No change to any SLO or resource."].join("\n");
  if (diff.slos.length > 0) {
    lines.push("", "| service | SLO | change | risks |", "|---|---|---|---|");
    for (const change of diff.slos) {
      const risks = diff.risks
        .filter((r) => r.service === change.service && r.slo === change.slo)
        .map((r) => `⚠️ ${r.kind}`);
      lines.push(
        `| ${cell(change.service)} | ${cell(change.slo)} | ${cell(changeLabel(change))} | ${risks.join(", ")} |`,
      );
    }
  }
  if (diff.risks.length > 0) {
    lines.push("", "**Risks**", "");
    for (const risk of diff.risks) lines.push(`- ⚠️ **${risk.kind}** \`${risk.service}/${risk.slo}\`: ${risk.message}`);
  }
  for (const change of diff.slos.filter((c) => c.fields.length > 0)) {
    lines.push(
      "",
      `<details><summary>${change.service}/${change.slo}: ${escapeHtml(changeLabel(change))}</summary>`,
      "",
      "| field | before | after | note |",
      "|---|---|---|---|",
    );
    for (const field of change.fields)
      lines.push(
        `| ${cell(field.field)} | ${cell(field.before ?? "")} | ${cell(field.after ?? "")} | ${cell(field.note ?? "")} |`,
      );
    lines.push("", "</details>");
  }
  if (diff.resources.length > 0) {
    lines.push(
      "",
      `<details><summary>Terraform resources (${diff.resources.length})</summary>`,
      "",
      "| action | stack | resource |",
      "|---|---|---|",
    );
    for (const r of diff.resources)
      lines.push(
        `| ${r.action} | ${cell(r.stack)} | \`${r.resourceType}.${r.logicalId}\`${r.movedFrom ? ` (from \`${r.movedFrom}\`)` : ""} |`,
      );
    lines.push("", "</details>");
  }
  lines.push("", `**Reviewers:** ${reviewerList(diff)}`);
  return lines.join("\n");
}

/** A table cell: pipes escaped, one line, HTML inert. */
export function cell(text: string): string {
  return escapeHtml(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
