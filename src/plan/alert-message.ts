import { formatDuration } from "../format/duration.js";
import { formatNumber, formatPercent } from "../format/numbers.js";
import { budgetSeconds, tierTimes } from "../model/budget.js";
import type { AlertSeverity, BurnRateTier, ErrorBudgetAlert, Service, Slo } from "../model/model.js";

/**
 * The text of a burn-rate alert, written for the person on call: what burns, how fast, what that
 * costs, where the runbook is, and who is notified (inside Datadog's alert and recovery blocks).
 */
export function burnRateMessage(service: Service, slo: Slo, tier: BurnRateTier): string {
  const { target } = tier;
  const times = tierTimes(tier);
  const factor = `${formatNumber(tier.factor)}x`;
  const windows = `${tier.longWindowHours}h`;
  return joinMessage([
    "{{#is_alert}}",
    `SLO "${sloTitle(service, slo)}" (${formatPercent(target)} over ${tier.window}) is burning its error budget at {{long_window_burn_rate}}x over ` +
      `the last ${windows} and {{short_window_burn_rate}}x over the last ${tier.shortWindowMinutes}m. This ${tier.severity} alert fires at ${factor}.`,
    `At ${factor}, ${windows} spends ${formatPercent(times.budgetConsumedPercent)} of the ${tier.window} budget ` +
      `(${formatDuration(budgetSeconds(tier.window, target))} of bad time), and the whole budget is gone in ${formatDuration(times.secondsToExhaustion)}.`,
    "{{/is_alert}}",
    ...(tier.warningFactor === undefined
      ? []
      : [
          "{{#is_warning}}",
          `SLO "${sloTitle(service, slo)}" is burning its error budget at {{long_window_burn_rate}}x over the last ${windows}: ` +
            `above the warning at ${formatNumber(tier.warningFactor)}x, on the way to ${factor}.`,
          "{{/is_warning}}",
        ]),
    "{{#is_recovery}}",
    `Recovered: SLO "${sloTitle(service, slo)}" is burning below ${factor} over ${windows}/${tier.shortWindowMinutes}m again.`,
    "{{/is_recovery}}",
    ...footer(service, slo, tier.severity, tier.warningFactor !== undefined),
  ]);
}

/** The text of an error-budget alert: how much of the window's budget is already spent. */
export function errorBudgetMessage(service: Service, slo: Slo, alert: ErrorBudgetAlert): string {
  const target = slo.objectives.find((objective) => objective.window === alert.window)?.target ?? slo.primary.target;
  return joinMessage([
    "{{#is_alert}}",
    `SLO "${sloTitle(service, slo)}" has spent {{value}}% of its ${alert.window} error budget (${formatDuration(budgetSeconds(alert.window, target))} ` +
      `of bad time at ${formatPercent(target)}); this alert fires at ${formatPercent(alert.criticalPercent)}.`,
    "{{/is_alert}}",
    ...(alert.warningPercent === undefined
      ? []
      : [
          "{{#is_warning}}",
          `SLO "${sloTitle(service, slo)}" has spent {{value}}% of its ${alert.window} error budget (warning at ${formatPercent(alert.warningPercent)}).`,
          "{{/is_warning}}",
        ]),
    "{{#is_recovery}}",
    `Recovered: SLO "${sloTitle(service, slo)}" is back under ${formatPercent(alert.criticalPercent)} of its ${alert.window} error budget spent.`,
    "{{/is_recovery}}",
    ...footer(service, slo, "ticket", alert.warningPercent !== undefined),
  ]);
}

/** How messages name the SLO: as Datadog shows it. */
function sloTitle(service: Service, slo: Slo): string {
  return slo.displayName ?? `${service.name} ${slo.name}`;
}

/**
 * Runbook, owner and the handles of the alert's severity. Handles only inside a block are notified
 * only then: an alert that can warn notifies its handles of the warning too.
 */
function footer(service: Service, slo: Slo, severity: AlertSeverity, warns: boolean): string[] {
  const handles = slo.alerts.notify[severity].map((handle) => handle.value).join(" ");
  const blocks = warns ? ["is_alert", "is_warning", "is_recovery"] : ["is_alert", "is_recovery"];
  return [
    "",
    ...(slo.alerts.runbook ? [`Runbook: ${slo.alerts.runbook.value}`] : []),
    `Owner: ${service.owner}`,
    ...(handles ? blocks.map((block) => `{{#${block}}}${handles}{{/${block}}}`) : []),
  ];
}

function joinMessage(lines: readonly string[]): string {
  return lines.join("\n");
}
