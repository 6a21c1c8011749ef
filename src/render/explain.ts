import { formatDuration } from "../human/duration.js";
import { formatSchedule } from "../views/schedule.js";
import {
  formatAvailability,
  formatNumber,
  formatPercent,
  formatPercentTenths,
  formatPoints,
} from "../human/numbers.js";
import { tableHeader, tableRow } from "./markdown.js";
import type {
  CorrectionExplanation,
  ExcludedTime,
  ObjectiveExplanation,
  RoutingExplanation,
  SloExplanation,
  TierExplanation,
} from "../views/explain.js";
import { plural } from "../util/text.js";

/** `slocc explain` for a terminal, with a heading before each journey's SLOs. */
export function explainText(explanations: readonly SloExplanation[]): string {
  return explanations
    .map((e, index) => {
      const previous = explanations[index - 1];
      const newGroup = !previous || previous.service !== e.service || previous.journey?.name !== e.journey?.name;
      // SLOs without a journey come last: after a journey's SLOs they need a heading of their own.
      const heading = e.journey
        ? journeyHeading(e)
        : previous?.service === e.service
          ? `${e.service}: SLOs without a journey`
          : undefined;
      const lines = newGroup && heading ? [`== ${heading}`, ""] : [];
      lines.push(`${e.service}/${e.slo}  (${e.sliKind} SLI, primary window ${e.primaryWindow})`);
      if (e.journey?.marginPoints !== undefined) lines.push(`  ${marginSentence(e.journey.marginPoints)}`);
      for (const objective of e.objectives)
        lines.push(`  ${objective.window.padEnd(4)} ${objectiveSentence(objective)}`);
      if (e.tiers.length === 0 && e.droppedTiers.length === 0) lines.push("  no burn-rate alerts");
      for (const tier of e.tiers) lines.push(`  ${tier.severity.padEnd(6)} ${tierSentence(tier)}`);
      for (const dropped of e.droppedTiers) {
        lines.push(
          `  dropped ${dropped.severity} ${formatNumber(dropped.factor)}x over ${dropped.longWindowHours}h/${dropped.shortWindowMinutes}m: ${dropped.reason}`,
        );
      }
      if (e.errorBudgetAlert) lines.push(`  error budget alert: ${errorBudgetSentence(e.errorBudgetAlert)}`);
      lines.push(`  notify: page ${handles(e.notify.page)}; ticket ${handles(e.notify.ticket)}`);
      if (e.runbook) lines.push(`  runbook: ${e.runbook}`);
      for (const correction of e.corrections) {
        lines.push(`  ${correctionHeading(correction)}: ${formatSchedule(correction)}${descriptionOf(correction)}`);
        for (const excluded of correction.excluded ?? []) lines.push(`    ${excludedSentence(excluded)}`);
      }
      return lines.join("\n");
    })
    .join("\n\n");
}

/** `slocc explain` as Markdown: a table of objectives and a table of alert tiers per SLO. */
export function explainMarkdown(explanations: readonly SloExplanation[]): string {
  return explanations
    .map((e) => {
      const margin = e.journey?.marginPoints === undefined ? "" : ` ${marginSentence(e.journey.marginPoints)}.`;
      const lines = [
        `### ${e.service}/${e.slo}`,
        "",
        `${e.sliKind} SLI, primary window ${e.primaryWindow}.${e.journey ? ` Journey: ${journeyHeading(e)}.` : ""}${margin}`,
        "",
        ...objectivesTable(e),
        ...tiersMarkdown(e),
      ];
      if (e.errorBudgetAlert) lines.push("", `Error budget alert: ${errorBudgetSentence(e.errorBudgetAlert)}.`);
      lines.push("", `Notify: page ${handles(e.notify.page)}; ticket ${handles(e.notify.ticket)}.`);
      lines.push(...correctionsTable(e));
      if (e.runbook) lines.push("", `Runbook: ${e.runbook}`);
      return lines.join("\n");
    })
    .join("\n\n");
}

/** Each window's target, warning and error budget, as a Markdown table. */
function objectivesTable(e: SloExplanation): string[] {
  return [
    tableHeader([
      "window",
      "target",
      "warning",
      "error budget",
      e.sliceSeconds === undefined ? "bad events allowed" : "bad time allowed",
    ]),
    ...e.objectives.map((o) =>
      tableRow([
        o.window,
        formatPercent(o.target),
        o.warning === undefined ? "" : formatPercent(o.warning),
        `${formatDuration(o.budgetSeconds)} per ${o.window}`,
        badShare(o, ""),
      ]),
    ),
  ];
}

/** The tiers as a Markdown table, then those that route on their own, then those dropped. */
function tiersMarkdown(e: SloExplanation): string[] {
  const lines: string[] = [];
  if (e.tiers.length > 0) {
    lines.push(
      "",
      tableHeader([
        "severity",
        "burn rate",
        "windows",
        "budget spent when it fires",
        "fires after, at full outage",
        "exhausts the budget in",
      ]),
      ...e.tiers.map((t) =>
        tableRow([
          t.severity,
          `${formatNumber(t.factor)}x`,
          `${t.longWindowHours}h/${t.shortWindowMinutes}m over ${t.window}`,
          formatPercent(t.budgetConsumedPercent),
          formatDuration(t.secondsToFireAtFullOutage),
          formatDuration(t.secondsToExhaustion),
        ]),
      ),
    );
  }
  const routed = e.tiers.filter((t) => t.routing !== undefined);
  if (routed.length > 0)
    lines.push(
      "",
      ...routed.map(
        (t) =>
          `- ${t.severity} ${formatNumber(t.factor)}x over ${t.longWindowHours}h/${t.shortWindowMinutes}m${routingSentence(t.routing)}`,
      ),
    );
  for (const d of e.droppedTiers)
    lines.push(
      "",
      `Dropped: ${d.severity} ${formatNumber(d.factor)}x over ${d.longWindowHours}h/${d.shortWindowMinutes}m (${d.reason}).`,
    );
  return lines;
}

/** The corrections, when, and what each takes out of the budget, as a Markdown table. */
function correctionsTable(e: SloExplanation): string[] {
  if (e.corrections.length === 0) return [];
  return [
    "",
    tableHeader(["correction", "when", "excluded from the budget"]),
    ...e.corrections.map((c) =>
      tableRow([
        `${correctionHeading(c)}${descriptionOf(c)}`,
        formatSchedule(c),
        (c.excluded ?? []).map(excludedSentence).join("; ") || "each occurrence",
      ]),
    ),
  ];
}

/** `journey repayment (critical user journey): ceiling 99.91% through api-gateway 99.95%, ...` */
function journeyHeading(e: SloExplanation): string {
  const journey = e.journey!;
  const kind = journey.kind === "user" ? "critical user journey" : "critical machine communication";
  const links = journey.links?.map((link) => `${link.label} ${formatAvailability(link.availability)}`).join(", ");
  return (
    `${e.service} journey ${journey.name} ` +
    `(${kind})${journey.ceilingPercent === undefined ? "" : `: ceiling ${formatAvailability(journey.ceilingPercent)} through ${links}`}`
  );
}

function marginSentence(points: number): string {
  return points >= 0
    ? `margin under the journey's ceiling: ${formatPoints(points)} points`
    : `target ABOVE the journey's ceiling by ${formatPoints(-points)} points: it cannot be met without redundancy`;
}

function objectiveSentence(o: ObjectiveExplanation): string {
  const warning = o.warning === undefined ? "" : `, warning ${formatPercent(o.warning)}`;
  return (
    `target ${formatPercent(o.target)}${warning}: error budget ${formatDuration(o.budgetSeconds)} ` +
    `per ${o.windowDays} days, ${badShare(o, " of events")}`
  );
}

/**
 * What may be bad: a share of events (`0.1%` and `ofEvents`, then `(1 in 1000)`), or for a
 * time-slice SLI a share of the time, counted in its slices (`0.1% of the time: 8 bad slices of 5 min`).
 */
function badShare(o: ObjectiveExplanation, ofEvents: string): string {
  if (o.badSlices === undefined) return `${formatPercent(o.budgetPercent)}${ofEvents} (1 in ${o.oneBadIn})`;
  const { count, sliceSeconds } = o.badSlices;
  return `${formatPercent(o.budgetPercent)} of the time: ${plural(count, "bad slice")} of ${formatDuration(sliceSeconds)}`;
}

function tierSentence(t: TierExplanation): string {
  const origin = t.origin === "default" ? ", default" : "";
  return (
    `${formatNumber(t.factor)}x over ${t.longWindowHours}h/${t.shortWindowMinutes}m (${t.window}${origin}): ` +
    `fires with ${formatPercent(t.budgetConsumedPercent)} of the budget spent; ` +
    `after ${formatDuration(t.secondsToFireAtFullOutage)} of full outage; exhausts the budget in ${formatDuration(t.secondsToExhaustion)}` +
    routingSentence(t.routing)
  );
}

function errorBudgetSentence(alert: NonNullable<SloExplanation["errorBudgetAlert"]>): string {
  const warning = alert.warningPercent === undefined ? "" : `warning at ${formatPercent(alert.warningPercent)}, `;
  return (
    `${warning}critical at ${formatPercent(alert.criticalPercent)} of the ${alert.window} budget spent` +
    routingSentence(alert.routing)
  );
}

/** `; notifies on alert @a, on warning @b, on recovery (nobody)`: an alert's own routing. */
function routingSentence(routing: RoutingExplanation | undefined): string {
  if (routing === undefined) return "";
  const recovery = routing.recovery === undefined ? "" : `, on recovery ${handles(routing.recovery)}`;
  return `; notifies on alert ${handles(routing.alert)}, on warning ${handles(routing.warning)}${recovery}`;
}

/** `correction nightly-batch (Scheduled Maintenance, for every SLO of the service)` */
function correctionHeading(c: CorrectionExplanation): string {
  const scope = c.scope === "service" ? ", for every SLO of the service" : "";
  return `correction${c.name === undefined ? "" : ` ${c.name}`} (${c.category}${scope})`;
}

function descriptionOf(c: CorrectionExplanation): string {
  return c.description === undefined ? "" : ` "${c.description}"`;
}

function excludedSentence(excluded: ExcludedTime): string {
  return (
    `excludes ${formatDuration(excluded.seconds)} from the ${excluded.window} window: an outage then would otherwise ` +
    `spend ${formatPercentTenths(excluded.budgetPercent)} of its error budget (${formatDuration(excluded.budgetSeconds)})`
  );
}

function handles(list: readonly string[]): string {
  return list.length > 0 ? list.join(" ") : "(nobody)";
}
