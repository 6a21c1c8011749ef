import { ALERT_PRIORITY } from "../datadog/priority.js";
import { shortWindowText } from "../model/alerting.js";
import { formatNumber } from "../human/numbers.js";
import type { AlertSeverity, BurnRateTier, Service, Slo } from "../model/model.js";
import { compareText } from "../util/text.js";
import { burnRateMessage, errorBudgetMessage } from "./alert-message.js";
import { sloTitle } from "./titles.js";
import { MONITOR_RESOURCE, type MonitorResource } from "./resources.js";

/** Plans the `slo alert` monitors of one SLO: one per burn-rate tier, and the error-budget alert if asked. */
export function planAlerts(service: Service, slo: Slo, sloLogicalId: string): MonitorResource[] {
  const monitors = slo.alerts.burnRate.map((tier) => burnRateMonitor(service, slo, sloLogicalId, tier));
  const errorBudget = slo.alerts.errorBudget;
  if (errorBudget) {
    const critical = formatNumber(errorBudget.criticalPercent);
    monitors.push({
      resourceType: MONITOR_RESOURCE,
      logicalId: `${sloLogicalId}__error_budget`,
      ...importIdOf(errorBudget.datadogId),
      service: service.stack,
      slo: slo.name,
      query: { function: "error_budget", sloLogicalId, window: errorBudget.window, operator: ">", threshold: critical },
      config: {
        name: `[ticket] ${sloTitle(service, slo)}: ${critical}% of the ${errorBudget.window} error budget spent`,
        type: "slo alert",
        message: errorBudgetMessage(service, slo, errorBudget),
        priority: String(ALERT_PRIORITY.ticket),
        tags: monitorTags(slo, "ticket"),
        monitorThresholds: {
          critical,
          ...(errorBudget.warningPercent === undefined ? {} : { warning: formatNumber(errorBudget.warningPercent) }),
        },
      },
    });
  }
  return monitors;
}

/** `slo_x__y__burn_30d_1h_5m`: derived from the SLO's id and the tier's windows, unique per SLO. */
export function burnRateMonitorId(sloLogicalId: string, tier: BurnRateTier): string {
  return `${sloLogicalId}__burn_${tier.window}_${tier.longWindowHours}h_${tier.shortWindowMinutes}m`;
}

function burnRateMonitor(service: Service, slo: Slo, sloLogicalId: string, tier: BurnRateTier): MonitorResource {
  const factor = formatNumber(tier.factor);
  return {
    resourceType: MONITOR_RESOURCE,
    logicalId: burnRateMonitorId(sloLogicalId, tier),
    ...importIdOf(tier.datadogId),
    service: service.stack,
    slo: slo.name,
    query: {
      function: "burn_rate",
      sloLogicalId,
      window: tier.window,
      longWindow: `${tier.longWindowHours}h`,
      shortWindow: shortWindowText(tier),
      operator: ">",
      threshold: factor,
    },
    config: {
      name:
        `[${tier.severity}] ${sloTitle(service, slo)}: burn rate above ${factor}x ` +
        `over ${tier.longWindowHours}h/${tier.shortWindowMinutes}m (${tier.window})`,
      type: "slo alert",
      message: burnRateMessage(service, slo, tier),
      priority: String(ALERT_PRIORITY[tier.severity]),
      tags: monitorTags(slo, tier.severity),
      monitorThresholds: {
        critical: factor,
        ...(tier.warningFactor === undefined ? {} : { warning: formatNumber(tier.warningFactor) }),
      },
    },
  };
}

/**
 * The SLO's tags with `severity:<severity>` added in its sorted place. They are already normalised
 * and sorted, and no spec tag uses the `severity` key (it is reserved), so there is nothing to merge.
 */
function monitorTags(slo: Slo, severity: AlertSeverity): string[] {
  const tag = `severity:${severity}`;
  const after = slo.resourceTags.findIndex((existing) => compareText(existing, tag) > 0);
  const at = after < 0 ? slo.resourceTags.length : after;
  return [...slo.resourceTags.slice(0, at), tag, ...slo.resourceTags.slice(at)];
}

/** Monitor ids are integers; Terraform takes the import id as their decimal text. */
function importIdOf(datadogId: number | undefined): { importId?: string } {
  return datadogId === undefined ? {} : { importId: String(datadogId) };
}
