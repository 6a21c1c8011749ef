import { factorFits, LONG_WINDOW_HOURS, maxBurnRate } from "../../datadog/burn-rate.js";
import type { DataPath } from "../../load/source-file.js";
import { defaultTiers, percentValue, requestedTiers, resolveTier, tierChoice } from "../../model/burn-rate-tiers.js";
import { targetFor } from "../../model/objectives.js";
import { durationSeconds } from "../../model/duration.js";
import { formatNumber } from "../../model/numbers.js";
import type { BurnRateTier } from "../../model/model.js";
import type { BurnRateTierV1, NotifyV1, SloV1 } from "../../spec/v1.js";
import type { Report } from "./report.js";

/** Burn-rate tiers, error-budget thresholds and handles of one SLO. */
export function checkAlerts(slo: SloV1, sloPath: DataPath, report: Report): void {
  const alertsPath = [...sloPath, "alerts"];
  const primary = slo.objectives[0];
  // Tiers are judged against the targets; with a target out of range that would only add noise.
  if (!primary || slo.objectives.some((objective) => !(objective.target > 0 && objective.target < 100))) return;
  const choice = tierChoice(slo.alerts);
  let tiers: BurnRateTier[] = [];
  if (choice.kind === "default") {
    tiers = defaultTiers(primary.window);
    for (const tier of tiers) {
      if (!factorFits(tier.factor, primary.target)) {
        report("TIER_DROPPED", `${describeTier(tier)} can never fire at a ${primary.target}% target (the highest burn rate is ${formatNumber(maxBurnRate(primary.target))}x): it is left out. Lower the tier with custom tiers, or raise the target`, [...sloPath, "objectives", 0, "target"]);
      }
    }
  } else if (choice.kind === "custom") {
    tiers = checkCustomTiers(slo, choice.tiers, [...alertsPath, "burnRate"], report);
  }
  const errorBudget = slo.alerts?.errorBudget;
  if (errorBudget) checkErrorBudget(errorBudget, [...alertsPath, "errorBudget"], report);
  checkHandles(slo.alerts?.notify, [...alertsPath, "notify"], report);
  const alerting = tiers.length > 0 || errorBudget !== undefined;
  if (alerting && slo.sli.monitors) {
    report("ALERTS_MONITOR_SLO", "Datadog evaluates SLO alerts on monitor-based SLOs only when every monitor is of the metric family (metric, APM metric, anomaly, forecast, outlier, integration): check the monitors, or set `alerts: { burnRate: none }`", [...sloPath, "sli", "monitors"]);
  }
}

/** Warns when an SLO's alerts of a severity would notify nobody, given the service's routing. */
export function checkRouting(slo: SloV1, sloPath: DataPath, serviceNotify: NotifyV1 | undefined, report: Report): void {
  const tiers = requestedTiers(slo);
  for (const severity of ["page", "ticket"] as const) {
    const handles = slo.alerts?.notify?.[severity] ?? serviceNotify?.[severity] ?? [];
    if (handles.length === 0 && tiers.some((tier) => tier.severity === severity && factorFits(tier.factor, targetFor(slo, tier.window)))) {
      report("NO_NOTIFY", `${severity} alerts of this SLO notify nobody: add \`notify.${severity}\` to the service or \`alerts.notify.${severity}\` to the SLO`, [...sloPath, "name"]);
    }
  }
}

/** Notification handles such as `@slack-card-sre` or `@pagerduty-card-platform`. */
export function checkHandles(notify: NotifyV1 | undefined, notifyPath: DataPath, report: Report): void {
  for (const severity of ["page", "ticket"] as const) checkHandleList(notify?.[severity], [...notifyPath, severity], report);
}

/** Each entry is a handle: `@` then no spaces or braces. */
export function checkHandleList(handles: readonly string[] | undefined, path: DataPath, report: Report): void {
  handles?.forEach((handle, index) => {
    if (!/^@[^\s{}]+$/.test(handle)) {
      report("INVALID_HANDLE", `${JSON.stringify(handle)} is not a handle: write it as \`@slack-channel\`, \`@pagerduty-service\`, \`@team-name\` or \`@someone@example.com\``, [...path, index]);
    }
  });
}

function checkCustomTiers(slo: SloV1, specs: readonly BurnRateTierV1[], listPath: DataPath, report: Report): BurnRateTier[] {
  const windows = slo.objectives.map((objective) => objective.window);
  const primary = windows[0] ?? "30d";
  const seen = new Map<string, number>();
  const resolved: BurnRateTier[] = [];
  specs.forEach((spec, index) => {
    const path = [...listPath, index];
    let valid = true;
    const fail: Report = (...args) => {
      valid = false;
      report(...args);
    };
    const longSeconds = durationSeconds(spec.longWindow);
    const longHours = longSeconds / 3600;
    if (!Number.isInteger(longHours) || longHours < LONG_WINDOW_HOURS.min || longHours > LONG_WINDOW_HOURS.max) {
      fail("TIER_LONG_WINDOW", `Datadog takes a long window of whole hours from ${LONG_WINDOW_HOURS.min}h to ${LONG_WINDOW_HOURS.max}h, not ${spec.longWindow}`, [...path, "longWindow"]);
    }
    if (spec.shortWindow !== undefined) {
      const shortSeconds = durationSeconds(spec.shortWindow);
      if (shortSeconds % 60 !== 0 || shortSeconds < 60 || shortSeconds >= longSeconds) {
        fail("TIER_SHORT_WINDOW", `the short window must be whole minutes, at least 1m and shorter than the long window (${spec.longWindow}); Datadog's default is 1/12 of it`, [...path, "shortWindow"]);
      }
    }
    if ((spec.factor === undefined) === (spec.budgetConsumed === undefined)) {
      fail("TIER_THRESHOLD", "give either `factor` (a burn rate such as 14.4) or `budgetConsumed` (such as `2%`), not both or neither", path);
    } else if (spec.factor !== undefined && !(spec.factor > 0)) {
      fail("TIER_THRESHOLD", `the factor must be above 0, not ${spec.factor}`, [...path, "factor"]);
    } else if (spec.budgetConsumed !== undefined && !(percentValue(spec.budgetConsumed) > 0 && percentValue(spec.budgetConsumed) <= 100)) {
      fail("TIER_THRESHOLD", `the budget consumed must be above 0% and at most 100%, not ${spec.budgetConsumed}`, [...path, "budgetConsumed"]);
    }
    if (spec.window !== undefined && !windows.includes(spec.window)) {
      fail("TIER_WINDOW", `the SLO has no ${spec.window} objective; alert over one of its windows: ${windows.join(", ")}`, [...path, "window"]);
    }
    if (!valid) return;
    const tier = resolveTier(spec, primary);
    const key = `${tier.window}/${tier.longWindowHours}/${tier.shortWindowMinutes}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report("DUPLICATE_TIER", `tier ${first} already alerts over ${tier.window} with the same windows: merge them or change a window`, path);
      return;
    }
    seen.set(key, index);
    const target = targetFor(slo, tier.window);
    if (!factorFits(tier.factor, target)) {
      report("TIER_DROPPED", `${describeTier(tier)} can never fire at a ${target}% target (the highest burn rate is ${formatNumber(maxBurnRate(target))}x): it is left out`, [...path, spec.factor === undefined ? "budgetConsumed" : "factor"]);
    }
    resolved.push(tier);
  });
  return resolved;
}

function checkErrorBudget(errorBudget: { warning?: string | undefined; critical: string }, path: DataPath, report: Report): void {
  const critical = percentValue(errorBudget.critical);
  const warning = errorBudget.warning === undefined ? undefined : percentValue(errorBudget.warning);
  if (!(critical > 0 && critical <= 100)) {
    report("ERROR_BUDGET_THRESHOLDS", `the critical threshold is a share of the budget spent, above 0% and at most 100%, not ${errorBudget.critical}`, [...path, "critical"]);
  }
  if (warning !== undefined && !(warning > 0 && warning < critical)) {
    report("ERROR_BUDGET_THRESHOLDS", `the warning threshold must be above 0% and below the critical one (${errorBudget.critical})`, [...path, "warning"]);
  }
}

/** `the page tier 14.4x over 1h/5m (30d)` */
export function describeTier(tier: BurnRateTier): string {
  return `the ${tier.severity} tier ${formatNumber(tier.factor)}x over ${tier.longWindowHours}h/${tier.shortWindowMinutes}m (${tier.window})`;
}
