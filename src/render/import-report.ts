import type { ImportReport, Refusal } from "../adopt/report.js";
import { ALERT_PRIORITY } from "../datadog/priority.js";
import { plural } from "../util/text.js";

/**
 * The report of `slocc import datadog`: what was written, what the first apply changes in place
 * (nothing is created or destroyed), what was left in Datadog and why, and what to do next.
 */
export function renderImportReport(report: ImportReport): string {
  const slos = report.files.flatMap((file) => file.slos);
  const alerts = slos.reduce((sum, slo) => sum + slo.slo.alerts.length, 0);
  const lines = [
    `Read ${plural(report.listed, "SLO")} from ${report.site}; adopted ${plural(slos.length, "SLO")} and ` +
      `${plural(alerts, "alert")} into ${plural(report.files.length, "file")}.`,
  ];
  for (const { path, service, owner, slos: named } of report.files) {
    lines.push("", `${path}: service ${service}, owner ${owner}`);
    for (const { slo, name, changes } of named) {
      const monitorIds = slo.alerts.map((alert) => alert.monitorId);
      const adoptedAlerts =
        monitorIds.length > 0 ? `, ${plural(monitorIds.length, "alert")} ${monitorIds.join(", ")}` : "";
      lines.push(`  ${name}  <- SLO ${slo.id} ${JSON.stringify(slo.datadogName)}${adoptedAlerts}`);
      for (const change of changes) lines.push(`      ~ ${change}`);
    }
  }
  if (report.refusals.length > 0) {
    lines.push("", "Not adopted (left as they are in Datadog):");
    for (const refusal of report.refusals) lines.push(`  ${refused(refusal)}: ${refusal.reason}`);
  }
  if (report.alreadyAdopted.length > 0) {
    lines.push("", "Already adopted:");
    for (const { sloId, file } of report.alreadyAdopted) lines.push(`  SLO ${sloId} in ${file}`);
  }
  if (slos.length === 0) return `${lines.join("\n")}\n`;
  lines.push(
    "",
    "At the first apply Terraform imports these objects instead of creating them; nothing is created or destroyed.",
    "It updates them in place where slocc writes them otherwise:",
    "  - every SLO gets slocc's tags (the `tags added` above);",
    `  - every adopted alert gets slocc's name and message, and the priority of its severity (page ${ALERT_PRIORITY.page}, ticket ${ALERT_PRIORITY.ticket});`,
    "    whom its message notified, in each state, is kept (in `alerts.notify`, or the alert's own `notify`);",
    "    its tags become the SLO's tags and severity:<page|ticket>;",
    "  - the other changes marked ~ above.",
    "",
    "Next:",
    "  npx slocc validate && npx slocc plan   # Terraform 1.5 or later: the plan shows the imports and in-place updates",
    "  For slocc's burn-rate alerts, write `burnRate: default` (or tiers) instead of `burnRate: none`;",
    "  for a dashboard per service, remove `dashboard: false`.",
    "  After the first apply the `datadogId` keys may stay: Terraform skips an import once its resource is in the state.",
  );
  return `${lines.join("\n")}\n`;
}

function refused(refusal: Refusal): string {
  const slo = `SLO ${refusal.sloId}${refusal.sloName === undefined ? "" : ` ${JSON.stringify(refusal.sloName)}`}`;
  if (refusal.monitorId !== undefined) return `alert ${refusal.monitorId} of ${slo}`;
  return refusal.correctionId === undefined ? slo : `correction ${refusal.correctionId} of ${slo}`;
}
