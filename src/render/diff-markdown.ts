import { escapeHtml, tableHeader, tableRow } from "./markdown.js";
import type { ChangeDiff, ResourceChange, SloChange } from "../diff/types.js";
import { reviewerList } from "./diff-text.js";
import { changeLabel, resourceSummary, sloSummary, stackSummary } from "./diff-words.js";

/** The hidden first line that lets a CI bot find and update its own comment. */
export const DIFF_COMMENT_MARKER = "<!-- slocc-diff -->";

/**
 * The longest comment rendered, in characters: GitHub refuses comments over 65,536, and CI appends
 * each planned stack's summary below the change diff.
 */
export const COMMENT_LIMIT = 60_000;

/** Lists longer than this (changed SLOs, risks) are folded too. */
const OPEN_LIST_ITEMS = 25;

/**
 * The change diff as a pull-request comment: the summary, reviewers and risk counts first, then the
 * table of changed SLOs, the risks and the warnings about the change (each folded when long), then
 * each SLO's details and the Terraform resources folded in `<details>`. Past `limit` characters the rest is left out, with a note that
 * the JSON has everything.
 */
export function diffMarkdown(diff: ChangeDiff, limit = COMMENT_LIMIT): string {
  const head = [
    DIFF_COMMENT_MARKER,
    `## SLO changes: \`${diff.base}\` → ${diff.head === "working tree" ? "working tree" : `\`${diff.head}\``}`,
    "",
    `${sloSummary(diff)}; ${resourceSummary(diff)}; ${stackSummary(diff)}.`,
  ].join("\n");
  if (diff.slos.length === 0 && diff.resources.length === 0) {
    const warnings =
      diff.diagnostics.length === 0 ? "" : `\n\n**Warnings about the change:**\n${diagnosticRows(diff).join("\n")}`;
    return `${head}\n\nNo change to any SLO or resource.${warnings}`;
  }
  const comment = new CappedComment(head, limit);
  comment.add(`**Reviewers:** ${reviewerList(diff)}`);
  if (diff.risks.length > 0) comment.add(`**Risks:** ${riskCounts(diff)}`);
  if (diff.slos.length > 0) {
    comment.addRows(
      diff.slos.length > OPEN_LIST_ITEMS ? `${diff.slos.length} SLOs changed` : undefined,
      tableHeader(["service", "SLO", "change", "risks"]),
      diff.slos.map((change) => sloRow(diff, change)),
    );
  }
  if (diff.risks.length > 0) {
    comment.addRows(
      diff.risks.length > OPEN_LIST_ITEMS ? `Every risk (${diff.risks.length})` : undefined,
      undefined,
      diff.risks.map((risk) => `- ⚠️ **${risk.kind}** \`${risk.service}/${risk.slo}\`: ${escapeHtml(risk.message)}`),
    );
  }
  if (diff.diagnostics.length > 0) {
    comment.addRows(
      diff.diagnostics.length > OPEN_LIST_ITEMS ? `Every warning (${diff.diagnostics.length})` : undefined,
      "**Warnings about the change:**",
      diagnosticRows(diff),
    );
  }
  for (const change of diff.slos) comment.add(sloDetails(change, diff.resources));
  if (diff.resources.length > 0) {
    comment.addRows(
      `Terraform resources (${diff.resources.length})`,
      tableHeader(["action", "stack", "resource"]),
      diff.resources.map(resourceRow),
    );
  }
  return comment.text();
}

/**
 * A comment built part by part up to a size. Once something does not fit, it and everything after
 * it are left out and counted, and a note at the end says so.
 */
class CappedComment {
  private body: string;
  private left = 0;

  constructor(
    head: string,
    private readonly limit: number,
  ) {
    this.body = head;
  }

  /** Adds a paragraph, whole or not at all. */
  add(part: string): void {
    if (this.fits(`\n\n${part}`)) this.body += `\n\n${part}`;
    else this.left += 1;
  }

  /**
   * Adds a list or table row by row, as many rows as fit, folded under `summary` when one is given
   * (and then only when its first row fits too).
   */
  addRows(summary: string | undefined, header: string | undefined, rows: readonly string[]): void {
    const open = `\n\n${summary === undefined ? "" : `<details><summary>${escapeHtml(summary)}</summary>\n\n`}${header === undefined ? "" : `${header}\n`}`;
    const close = summary === undefined ? "" : "\n\n</details>";
    if (!this.fits(`${open}${rows[0] ?? ""}${close}`)) {
      this.left += rows.length;
      return;
    }
    let block = open;
    rows.forEach((row, index) => {
      const line = `${index === 0 ? "" : "\n"}${row}`;
      if (this.fits(`${block}${line}${close}`)) block += line;
      else this.left += 1;
    });
    this.body += `${block}${close}`;
  }

  text(): string {
    if (this.left === 0) return this.body;
    return (
      `${this.body}\n\n_${this.left} more ${this.left === 1 ? "entry is" : "entries are"} left out to keep this comment ` +
      `under GitHub's size limit: \`slocc diff --format json\` lists every change._`
    );
  }

  /** Whether `text` can still be added, leaving room for the note on what was left out. */
  private fits(text: string): boolean {
    return this.left === 0 && this.body.length + text.length + 200 <= this.limit;
  }
}

/** The head's diagnostics about the change, one list item each. */
function diagnosticRows(diff: ChangeDiff): string[] {
  return diff.diagnostics.map(
    (d) => `- ⚠️ **${d.code}** \`${d.file}:${d.line}:${d.column}\`: ${escapeHtml(d.message)}`,
  );
}

/** `400 (380 target-decrease, 20 no-page-alert)` */
function riskCounts(diff: ChangeDiff): string {
  const counts = new Map<string, number>();
  for (const risk of diff.risks) counts.set(risk.kind, (counts.get(risk.kind) ?? 0) + 1);
  return `${diff.risks.length} (${[...counts].map(([kind, count]) => `${count} ${kind}`).join(", ")})`;
}

function sloRow(diff: ChangeDiff, change: SloChange): string {
  const risks = diff.risks
    .filter((r) => r.service === change.service && r.slo === change.slo)
    .map((r) => `⚠️ ${r.kind}`);
  return tableRow([change.service, change.slo, changeLabel(change), risks.join(", ")]);
}

/** What an SLO change holds: its fields, and for a replaced SLO what refers to it. */
function sloDetails(change: SloChange, resources: readonly ResourceChange[]): string {
  const single = change.change === "added" || change.change === "removed";
  const header = tableHeader(
    single
      ? ["field", change.change === "added" ? "value" : "value lost", "note"]
      : ["field", "before", "after", "note"],
  );
  const rows = change.fields.map((field) =>
    tableRow(
      single
        ? [field.field, field.after ?? field.before ?? "", field.note ?? ""]
        : [field.field, field.before ?? "", field.after ?? "", field.note ?? ""],
    ),
  );
  const replaced = resources.find(
    (r) => r.slo === change.slo && r.stack === change.service && r.referencedBy !== undefined,
  );
  const references = (replaced?.referencedBy ?? []).map((reference) =>
    tableRow([reference.action, `\`${reference.resourceType}.${reference.logicalId}\``]),
  );
  const parts = [...(rows.length > 0 ? [[header, ...rows].join("\n")] : [])];
  if (replaced)
    parts.push(
      `The SLO is replaced: it gets a new id. What refers to it:\n\n${[tableHeader(["action", "resource"]), ...references].join("\n")}`,
    );
  const label = `${change.service}/${change.slo}: ${changeLabel(change)}${replaced ? " (replaced)" : ""}`;
  return folded(label, parts.join("\n\n") || "No field to show.");
}

function resourceRow(r: ResourceChange): string {
  const moved = r.movedFrom ? ` (from \`${r.movedFrom}\`)` : "";
  return tableRow([r.action, r.stack, `\`${r.resourceType}.${r.logicalId}\`${moved}`]);
}

/** A block folded under a summary line. */
function folded(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}
