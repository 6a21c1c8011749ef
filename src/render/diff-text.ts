import pc from "picocolors";
import type { ChangeDiff, SloChange } from "../diff/types.js";
import { changeLabel, resourceSummary, sloSummary, stackSummary } from "./diff-words.js";

const SIGNS: Readonly<Record<SloChange["change"], string>> = { added: "+", removed: "-", renamed: ">", changed: "~" };

/** The change diff for a terminal; colours only when `color`. */
export function diffText(diff: ChangeDiff, color: boolean): string {
  const c = pc.createColors(color);
  const paint: Readonly<Record<SloChange["change"], (text: string) => string>> = {
    added: c.green,
    removed: c.red,
    renamed: c.cyan,
    changed: c.yellow,
  };
  const lines = [
    c.bold(`SLO changes: ${diff.base} -> ${diff.head}`),
    `${sloSummary(diff)}; ${resourceSummary(diff)}; ${diff.risks.length} risk${diff.risks.length === 1 ? "" : "s"}`,
  ];
  if (diff.slos.length === 0 && diff.resources.length === 0)
    return [...lines, "", "No change to any SLO or resource.", ...diagnosticLines(diff, c)].join("\n");
  for (const reviewers of diff.reviewers) {
    const changes = diff.slos.filter((change) => change.service === reviewers.service);
    if (changes.length === 0) continue;
    lines.push("", c.bold(`${reviewers.service} (owner ${reviewers.owner})`));
    for (const change of changes) {
      const replaced = diff.resources.some(
        (r) => r.stack === change.service && r.slo === change.slo && r.referencedBy !== undefined,
      );
      const label = `${changeLabel(change)}${replaced ? " (replaced: a new id, see Resources)" : ""}`;
      lines.push(`  ${paint[change.change](`${SIGNS[change.change]} ${change.slo}`)}  ${label}`);
      for (const field of change.fields) {
        // An SLO added or removed lists its fields on one side only.
        const values =
          change.change === "added" || change.change === "removed"
            ? (field.after ?? field.before ?? "")
            : `${field.before ?? "(none)"} -> ${field.after ?? "(none)"}`;
        lines.push(`      ${field.field}: ${values}${field.note ? c.dim(`  (${field.note})`) : ""}`);
      }
    }
  }
  if (diff.risks.length > 0) {
    lines.push("", c.bold("Risks"));
    for (const risk of diff.risks)
      lines.push(`  ${c.red("!")} ${c.red(`[${risk.kind}]`)} ${risk.service}/${risk.slo}: ${risk.message}`);
  }
  lines.push(...diagnosticLines(diff, c));
  lines.push("", c.bold("Resources"));
  for (const r of diff.resources) {
    const moved = r.movedFrom ? ` (from ${r.movedFrom})` : "";
    const fields = r.fields.length > 0 ? c.dim(` [${r.fields.join(", ")}]`) : "";
    lines.push(`  ${r.action.padEnd(8)} ${r.stack}  ${r.resourceType}.${r.logicalId}${moved}${fields}`);
    for (const reference of r.referencedBy ?? [])
      lines.push(`             refers to it: ${reference.action} ${reference.resourceType}.${reference.logicalId}`);
  }
  lines.push(
    "",
    stackSummary(diff).replace(/^./, (first) => first.toUpperCase()),
  );
  lines.push("", `Reviewers: ${reviewerList(diff)}`);
  return lines.join("\n");
}

/** The head's diagnostics about the change, under a heading; nothing when there is none. */
function diagnosticLines(diff: ChangeDiff, c: ReturnType<typeof pc.createColors>): string[] {
  if (diff.diagnostics.length === 0) return [];
  return [
    "",
    c.bold("Warnings"),
    ...diff.diagnostics.map(
      (d) => `  ${c.yellow("!")} ${d.file}:${d.line}:${d.column}: ${c.yellow(d.severity)} ${d.code}: ${d.message}`,
    ),
  ];
}

/** `card-sre (card-platform); mobility-sre, @hardware-lead (e-scooter)` */
export function reviewerList(diff: ChangeDiff): string {
  return diff.reviewers.map((r) => `${[r.owner, ...r.approvers].join(", ")} (${r.service})`).join("; ") || "none";
}
