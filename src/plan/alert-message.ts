import { formatDuration } from "../human/duration.js";
import { formatNumber, formatPercent } from "../human/numbers.js";
import { budgetSeconds, tierTimes } from "../model/budget.js";
import { routingOf } from "../model/alerting.js";
import type { BurnRateTier, ErrorBudgetAlert, Handle, Routing, Service, Slo } from "../model/model.js";
import { sloTitle } from "./titles.js";

/**
 * The text of a burn-rate alert, written for the person on call: what burns, how fast, what that
 * costs, where the runbook is, and who is notified (inside Datadog's alert and recovery blocks).
 */
export function burnRateMessage(service: Service, slo: Slo, tier: BurnRateTier): string {
  const { target } = tier;
  const times = tierTimes(tier);
  const factor = `${formatNumber(tier.factor)}x`;
  const windows = `${tier.longWindowHours}h`;
  const alerted = [
    "{{#is_alert}}",
    `SLO "${sloTitle(service, slo)}" (${formatPercent(target)} over ${tier.window}) is burning its error budget at {{long_window_burn_rate}}x over ` +
      `the last ${windows} and {{short_window_burn_rate}}x over the last ${tier.shortWindowMinutes}m. This ${tier.severity} alert fires at ${factor}.`,
    `At ${factor}, ${windows} spends ${formatPercent(times.budgetConsumedPercent)} of the ${tier.window} budget ` +
      `(${formatDuration(budgetSeconds(tier.window, target))} of bad time), and the whole budget is gone in ${formatDuration(times.secondsToExhaustion)}.`,
    "{{/is_alert}}",
  ];
  const recovered = `Recovered: SLO "${sloTitle(service, slo)}" is burning below ${factor} over ${windows}/${tier.shortWindowMinutes}m again.`;
  if (tier.warningFactor === undefined) {
    return joinMessage([
      ...alerted,
      "{{#is_recovery}}",
      recovered,
      "{{/is_recovery}}",
      ...footer(service, slo, routingOf(tier, slo.alerts.notify), false),
    ]);
  }
  const warning = formatNumber(tier.warningFactor);
  return joinMessage([
    ...alerted,
    "{{#is_warning}}",
    `SLO "${sloTitle(service, slo)}" is burning its error budget at {{long_window_burn_rate}}x over the last ${windows}: ` +
      `above the warning at ${warning}x, on the way to ${factor}.`,
    "{{/is_warning}}",
    "{{#is_alert_recovery}}",
    recovered,
    "{{/is_alert_recovery}}",
    "{{#is_warning_recovery}}",
    `Recovered: SLO "${sloTitle(service, slo)}" is burning below the warning at ${warning}x over ${windows}/${tier.shortWindowMinutes}m again.`,
    "{{/is_warning_recovery}}",
    ...footer(service, slo, routingOf(tier, slo.alerts.notify), true),
  ]);
}

/**
 * The text of an error-budget alert: how much of the window's budget is already spent. With a
 * warning threshold, the warning and each recovery have their own text and reach the same handles,
 * so nobody hears of a recovery from a state they were not told about.
 */
export function errorBudgetMessage(service: Service, slo: Slo, alert: ErrorBudgetAlert): string {
  const { target } = alert;
  const name = `SLO "${sloTitle(service, slo)}"`;
  const recovered = (threshold: number) =>
    `Recovered: ${name} is back under ${formatPercent(threshold)} of its ${alert.window} error budget spent.`;
  const alerted = [
    "{{#is_alert}}",
    `${name} has spent {{value}}% of its ${alert.window} error budget (${formatDuration(budgetSeconds(alert.window, target))} ` +
      `of bad time at ${formatPercent(target)}); this alert fires at ${formatPercent(alert.criticalPercent)}.`,
    "{{/is_alert}}",
  ];
  if (alert.warningPercent === undefined) {
    return joinMessage([
      ...alerted,
      "{{#is_recovery}}",
      recovered(alert.criticalPercent),
      "{{/is_recovery}}",
      ...footer(service, slo, routingOf({ ...alert, severity: "ticket" }, slo.alerts.notify), false),
    ]);
  }
  return joinMessage([
    ...alerted,
    "{{#is_warning}}",
    `${name} has spent {{value}}% of its ${alert.window} error budget (warning at ${formatPercent(alert.warningPercent)}).`,
    "{{/is_warning}}",
    "{{#is_alert_recovery}}",
    recovered(alert.criticalPercent),
    "{{/is_alert_recovery}}",
    "{{#is_warning_recovery}}",
    recovered(alert.warningPercent),
    "{{/is_warning_recovery}}",
    ...footer(service, slo, routingOf({ ...alert, severity: "ticket" }, slo.alerts.notify), true),
  ]);
}

/**
 * Runbook, owner and who is notified in each of the monitor's states: alert and recovery, or with
 * a warning threshold (`warns`) alert, warning and the recovery from each. A recovery goes to
 * whoever heard of the state it recovers from, unless the routing names who hears of recoveries.
 */
function footer(service: Service, slo: Slo, routing: Omit<Routing, "at">, warns: boolean): string[] {
  const handles = (list: readonly Handle[]) => list.map((handle) => handle.value).join(" ");
  const recoveries: [string, readonly Handle[]][] = routing.recovery
    ? [["is_recovery", routing.recovery]]
    : [
        ["is_alert_recovery", routing.alert],
        ["is_warning_recovery", routing.warning],
      ];
  const blocks: [string, readonly Handle[]][] = warns
    ? [["is_alert", routing.alert], ["is_warning", routing.warning], ...recoveries]
    : [
        ["is_alert", routing.alert],
        ["is_recovery", routing.recovery ?? routing.alert],
      ];
  return [
    "",
    ...(slo.alerts.runbook ? [`Runbook: ${slo.alerts.runbook.value}`] : []),
    `Owner: ${service.owner}`,
    ...blocks.flatMap(([state, list]) => (list.length > 0 ? [`{{#${state}}}${handles(list)}{{/${state}}}`] : [])),
  ];
}

function joinMessage(lines: readonly string[]): string {
  return lines.join("\n");
}
