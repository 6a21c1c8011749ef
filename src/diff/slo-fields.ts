import { compareWindows, WINDOWS } from "../datadog/windows.js";
import { formatDuration } from "../human/duration.js";
import { formatNumber, formatPercent } from "../human/numbers.js";
import { budgetSeconds } from "../model/budget.js";
import { singleQuery } from "../model/time-slice.js";
import { type BurnRateTier, type Handle, type Routing, type Sli, type Slo, type TimeSliceSli } from "../model/model.js";
import { correctionChanges, correctionTexts } from "./correction-fields.js";
import type { FieldChange } from "./types.js";
import { optional } from "../util/optional.js";

/** Every meaningful difference between two versions of one SLO, in a stable order. */
export function sloFieldChanges(before: Slo, after: Slo): FieldChange[] {
  return [
    ...textChange("display name", before.displayName, after.displayName),
    ...textChange("description", before.description, after.description),
    ...textChange("journey", before.journey?.value, after.journey?.value),
    ...sliChanges(before.sli, after.sli),
    ...textChange("primary window", before.primary.window, after.primary.window),
    ...objectiveChanges(before, after),
    ...tierChanges(before.alerts.burnRate, after.alerts.burnRate),
    ...textChange("error budget alert", errorBudgetText(before), errorBudgetText(after)),
    ...textChange("notify page", handlesText(before.alerts.notify.page), handlesText(after.alerts.notify.page)),
    ...textChange("notify ticket", handlesText(before.alerts.notify.ticket), handlesText(after.alerts.notify.ticket)),
    ...textChange("runbook", before.alerts.runbook?.value, after.alerts.runbook?.value),
    ...tagChanges(before.resourceTags, after.resourceTags),
    ...correctionChanges(before.corrections, after.corrections),
  ];
}

/**
 * Every meaningful field of one SLO, on one side: what an SLO added creates (`after`) or what an
 * SLO removed loses (`before`), with each window's error budget as time. The same fields, in the
 * same order, as {@link sloFieldChanges} compares.
 */
export function sloFields(slo: Slo, side: "before" | "after"): FieldChange[] {
  const field = (name: string, value: string | undefined, note?: string): FieldChange[] =>
    value === undefined || value === "" ? [] : [{ field: name, [side]: value, ...(note ? { note } : {}) }];
  const tiers = [...slo.alerts.burnRate].sort((a, b) => tierOrder(a) - tierOrder(b));
  return [
    ...field("display name", slo.displayName),
    ...field("description", slo.description),
    ...field("journey", slo.journey?.value),
    ...Object.entries(sliFields(slo.sli)).flatMap(([name, value]) => field(name, value)),
    ...field("primary window", slo.primary.window),
    ...slo.objectives.flatMap((objective) => [
      ...field(
        `target ${objective.window}`,
        formatPercent(objective.target),
        `error budget ${formatDuration(budgetSeconds(objective.window, objective.target))} per ${objective.window}`,
      ),
      ...field(
        `warning ${objective.window}`,
        objective.warning === undefined ? undefined : formatPercent(objective.warning),
      ),
    ]),
    ...(tiers.length === 0
      ? field("alert tier", "none")
      : tiers.flatMap((tier) => field("alert tier", tierText(tier)))),
    ...field("error budget alert", errorBudgetText(slo)),
    ...field("notify page", handlesText(slo.alerts.notify.page)),
    ...field("notify ticket", handlesText(slo.alerts.notify.ticket)),
    ...field("runbook", slo.alerts.runbook?.value),
    ...field("tags", slo.resourceTags.join(", ")),
    ...correctionTexts(slo.corrections).flatMap((text) => field("correction", text)),
  ];
}

/** The SLI as named fields, so a change shows the part that changed. */
export function sliFields(sli: Sli): Record<string, string> {
  switch (sli.kind) {
    case "ratio":
      return {
        "sli kind": `ratio (${sli.events} events)`,
        "sli numerator": sli.numerator,
        "sli denominator": sli.denominator,
      };
    case "latency":
      return {
        "sli kind": "latency",
        "sli metric": sli.metric,
        "sli filter": sli.filter,
        "sli threshold": formatNumber(sli.threshold),
      };
    case "timeSlice":
      return {
        "sli kind": "timeSlice",
        ...timeSliceQueryFields(sli),
        "sli condition": `${sli.comparator} ${formatNumber(sli.threshold)}`,
        "sli interval": `${sli.intervalSeconds}s`,
      };
    case "monitors":
      return { "sli kind": "monitors", "sli monitors": sli.monitorIds.join(", "), "sli groups": sli.groups.join(", ") };
  }
}

/** The single query, or the formula and each named query. */
function timeSliceQueryFields(sli: TimeSliceSli): Record<string, string> {
  const query = singleQuery(sli);
  if (query !== undefined) return { "sli query": query };
  return {
    "sli formula": sli.formula,
    ...Object.fromEntries(sli.queries.map((query) => [`sli query ${query.name}`, query.query])),
  };
}

/** `page 14.4x over 1h/5m (30d)`, with the tier's own routing when it has one: how a tier reads in a review. */
export function tierText(tier: BurnRateTier): string {
  return `${tier.severity} ${formatNumber(tier.factor)}x over ${tier.longWindowHours}h/${tier.shortWindowMinutes}m (${tier.window})${routingText(tier.notify)}`;
}

/** `, notifies alert @a; warning @b; recovery nobody`: an alert's own routing, by state. */
function routingText(routing: Routing | undefined): string {
  if (routing === undefined) return "";
  const list = (handles: readonly Handle[]) => handlesText(handles) ?? "nobody";
  const states = [
    `alert ${list(routing.alert)}`,
    `warning ${list(routing.warning)}`,
    ...(routing.recovery === undefined ? [] : [`recovery ${list(routing.recovery)}`]),
  ];
  return `, notifies ${states.join("; ")}`;
}

/** Identity of a tier across versions: its windows, which also name its monitor. */
export function tierKey(tier: BurnRateTier): string {
  return `${tier.window} ${tier.longWindowHours}h/${tier.shortWindowMinutes}m`;
}

function sliChanges(before: Sli, after: Sli): FieldChange[] {
  const a = sliFields(before);
  const b = sliFields(after);
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return fields.flatMap((field) => textChange(field, a[field], b[field]));
}

function objectiveChanges(before: Slo, after: Slo): FieldChange[] {
  const windows = [...new Set([...before.objectives, ...after.objectives].map((o) => o.window))];
  return windows.sort(compareWindows).flatMap((window) => {
    const a = before.objectives.find((o) => o.window === window);
    const b = after.objectives.find((o) => o.window === window);
    if (!a || !b) {
      const present = (a ?? b)!;
      return [
        {
          field: `window ${window}`,
          ...(a
            ? { before: `target ${formatPercent(present.target)}` }
            : { after: `target ${formatPercent(present.target)}` }),
          note: a ? "window removed" : "window added",
        },
      ];
    }
    const changes: FieldChange[] = [];
    if (a.target !== b.target) {
      const budgetBefore = budgetSeconds(window, a.target);
      const budgetAfter = budgetSeconds(window, b.target);
      changes.push({
        field: `target ${window}`,
        before: formatPercent(a.target),
        after: formatPercent(b.target),
        note: `error budget ${formatDuration(budgetBefore)} -> ${formatDuration(budgetAfter)} per ${window}: ${budgetChange(budgetBefore, budgetAfter)}`,
      });
    }
    changes.push(
      ...textChange(
        `warning ${window}`,
        a.warning === undefined ? undefined : formatPercent(a.warning),
        b.warning === undefined ? undefined : formatPercent(b.warning),
      ),
    );
    return changes;
  });
}

function tierChanges(before: readonly BurnRateTier[], after: readonly BurnRateTier[]): FieldChange[] {
  const a = new Map(before.map((tier) => [tierKey(tier), tier]));
  const b = new Map(after.map((tier) => [tierKey(tier), tier]));
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(
    (x, y) => tierOrder(a.get(x) ?? b.get(x)) - tierOrder(a.get(y) ?? b.get(y)),
  );
  return keys.flatMap((key): FieldChange[] => {
    const x = a.get(key);
    const y = b.get(key);
    if (x && y && tierText(x) === tierText(y)) return [];
    return [
      {
        field: "alert tier",
        ...(x ? { before: tierText(x) } : {}),
        ...(y ? { after: tierText(y) } : {}),
        note: !x ? "tier added" : !y ? "tier removed" : "tier changed",
      },
    ];
  });
}

/** Tiers in reading order: by SLO window, then long and short window. */
function tierOrder(tier: BurnRateTier | undefined): number {
  if (!tier) return 0;
  return WINDOWS.indexOf(tier.window) * 1e6 + tier.longWindowHours * 1e3 + tier.shortWindowMinutes;
}

/** `budget halved`, `budget doubled`, `budget down 90%`. */
export function budgetChange(before: number, after: number): string {
  const ratio = after / before;
  if (Math.abs(ratio - 0.5) < 1e-9) return "budget halved";
  if (Math.abs(ratio - 2) < 1e-9) return "budget doubled";
  const percent = Math.round(Math.abs(1 - ratio) * 100);
  return ratio < 1 ? `budget down ${percent}%` : `budget up ${percent}%`;
}

function errorBudgetText(slo: Slo): string | undefined {
  const alert = slo.alerts.errorBudget;
  if (!alert) return undefined;
  return (
    `${alert.warningPercent === undefined ? "" : `warning ${formatPercent(alert.warningPercent)}, `}critical ` +
    `${formatPercent(alert.criticalPercent)} of ${alert.window}${routingText(alert.notify)}`
  );
}

/** Tags are a set: show the ones removed and the ones added, not the whole lists. */
function tagChanges(before: readonly string[], after: readonly string[]): FieldChange[] {
  const removed = before.filter((tag) => !after.includes(tag));
  const added = after.filter((tag) => !before.includes(tag));
  if (removed.length === 0 && added.length === 0) return [];
  return [
    {
      field: "tags",
      ...(removed.length > 0 ? { before: removed.join(", ") } : {}),
      ...(added.length > 0 ? { after: added.join(", ") } : {}),
    },
  ];
}

function handlesText(handles: readonly Handle[]): string | undefined {
  return handles.length === 0 ? undefined : handles.map((handle) => handle.value).join(" ");
}

function textChange(field: string, before: string | undefined, after: string | undefined): FieldChange[] {
  if (before === after) return [];
  return [{ field, ...optional("before", before), ...optional("after", after) }];
}
