import { LONG_WINDOW_HOURS } from "../datadog/burn-rate.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { formatNumber } from "../human/numbers.js";
import type { BurnRateTier, Draft, ErrorBudgetAlert, Position, Slo } from "../model/model.js";
import { byPosition, eachSlo, type Rule } from "./rule.js";

/** Burn-rate tiers within Datadog's limits, error-budget thresholds in order, alerts that can work. */
export const checkAlerts: Rule = (model) =>
  eachSlo(model).flatMap(({ slo }) => [
    ...tierProblems(slo),
    ...errorBudgetProblems(slo.alerts?.errorBudget, objectiveWindows(slo)),
    ...monitorSloProblems(slo),
  ]);

function objectiveWindows(slo: Draft<Slo>): string[] {
  return (slo.objectives ?? []).flatMap((objective) => (objective.window === undefined ? [] : [objective.window]));
}

function tierProblems(slo: Draft<Slo>): Diagnostic[] {
  const alerts = slo.alerts;
  const dropped = new Map(
    (alerts?.dropped ?? []).flatMap((entry) =>
      entry.tier === undefined ? [] : [[entry.tier, entry.maxFactor] as const],
    ),
  );
  const tiers = byPosition([...(alerts?.burnRate ?? []), ...dropped.keys()]);
  const windows = objectiveWindows(slo);
  const found: Diagnostic[] = [];
  const firstAt = new Map<string, Position>();
  for (const tier of tiers) {
    const problems = tier.origin === "custom" ? customTierProblems(tier, windows) : [];
    found.push(...problems);
    // A tier whose windows could not be read was refused where they are written: it is compared with no other.
    if (
      problems.length > 0 ||
      tier.window === undefined ||
      tier.longWindowHours === undefined ||
      tier.shortWindowMinutes === undefined
    )
      continue;
    const key = `${tier.window}/${tier.longWindowHours}/${tier.shortWindowMinutes}`;
    const first = firstAt.get(key);
    if (first !== undefined) {
      const where = first.file === tier.at.self.file ? `line ${first.line}` : `${first.file}:${first.line}`;
      found.push(
        diagnostic(
          "DUPLICATE_TIER",
          `the tier on ${where} already alerts over ${tier.window} with the same windows: merge them or change a window`,
          tier.at.self,
        ),
      );
      continue;
    }
    firstAt.set(key, tier.at.self);
    const maxFactor = dropped.get(tier);
    if (maxFactor !== undefined) found.push(droppedTier(tier, maxFactor));
  }
  return found;
}

/** What Datadog refuses in a tier written in a spec. */
function customTierProblems(tier: Draft<BurnRateTier>, windows: readonly string[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const long = tier.longWindowHours;
  const longValid =
    long !== undefined && Number.isInteger(long) && long >= LONG_WINDOW_HOURS.min && long <= LONG_WINDOW_HOURS.max;
  if (long !== undefined && !longValid) {
    found.push(
      diagnostic(
        "TIER_LONG_WINDOW",
        `Datadog takes a long window of whole hours from ${LONG_WINDOW_HOURS.min}h to ${LONG_WINDOW_HOURS.max}h, not ${formatNumber(long)}h`,
        tier.at.longWindow,
      ),
    );
  }
  // The short window is judged against a valid long one (a default short window is 1/12 of it, always valid).
  const short = tier.shortWindowMinutes;
  if (longValid && short !== undefined && !(Number.isInteger(short) && short >= 1 && short < long * 60)) {
    found.push(
      diagnostic(
        "TIER_SHORT_WINDOW",
        `the short window must be whole minutes, at least 1m and shorter than the long window (${long}h); Datadog's default is 1/12 of it`,
        tier.at.shortWindow,
      ),
    );
  }
  if (tier.statedAs === "factor" && tier.factor !== undefined && !(tier.factor > 0)) {
    found.push(
      diagnostic("TIER_THRESHOLD", `the factor must be above 0, not ${formatNumber(tier.factor)}`, tier.at.threshold),
    );
  } else if (
    tier.statedAs === "budget" &&
    tier.budgetConsumedPercent !== undefined &&
    !(tier.budgetConsumedPercent > 0 && tier.budgetConsumedPercent <= 100)
  ) {
    found.push(
      diagnostic(
        "TIER_THRESHOLD",
        `the budget consumed must be above 0% and at most 100%, not ${formatNumber(tier.budgetConsumedPercent)}%`,
        tier.at.threshold,
      ),
    );
  }
  const warning = tier.warningFactor;
  if (warning !== undefined && !(warning > 0 && (tier.factor === undefined || warning < tier.factor))) {
    found.push(
      diagnostic(
        "TIER_THRESHOLD",
        `the warning burn rate must be above 0 and below the tier's factor (${formatNumber(tier.factor ?? 0)}x), not ${formatNumber(warning)}`,
        tier.at.warning,
      ),
    );
  }
  if (tier.window !== undefined && !windows.includes(tier.window)) {
    found.push(
      diagnostic(
        "TIER_WINDOW",
        `the SLO has no ${tier.window} objective; alert over one of its windows: ${windows.join(", ")}`,
        tier.at.window,
      ),
    );
  }
  return found;
}

function droppedTier(tier: Draft<BurnRateTier>, maxFactor: number): Diagnostic {
  const advice = tier.origin === "default" ? ". Lower the tier with custom tiers, or raise the target" : "";
  return diagnostic(
    "TIER_DROPPED",
    `${describeTier(tier)} can never fire at a ${tier.target}% target (the highest burn rate is ${formatNumber(maxFactor)}x): it is left out${advice}`,
    tier.at.threshold,
  );
}

/** `the page tier 14.4x over 1h/5m (30d)` */
function describeTier(tier: Draft<BurnRateTier>): string {
  return `the ${tier.severity ?? ""} tier ${formatNumber(tier.factor ?? 0)}x over ${tier.longWindowHours}h/${tier.shortWindowMinutes}m (${tier.window})`;
}

function errorBudgetProblems(alert: Draft<ErrorBudgetAlert> | undefined, windows: readonly string[]): Diagnostic[] {
  if (!alert) return [];
  const { criticalPercent: critical, warningPercent: warning } = alert;
  const found: Diagnostic[] = [];
  if (alert.window !== undefined && !windows.includes(alert.window)) {
    found.push(
      diagnostic(
        "ERROR_BUDGET_WINDOW",
        `the SLO has no ${alert.window} objective; watch the budget of one of its windows: ${windows.join(", ")}`,
        alert.at.window,
      ),
    );
  }
  if (critical !== undefined && !(critical > 0 && critical <= 100)) {
    found.push(
      diagnostic(
        "ERROR_BUDGET_THRESHOLDS",
        `the critical threshold is a share of the budget spent, above 0% and at most 100%, not ${critical}%`,
        alert.at.critical,
      ),
    );
  }
  if (warning !== undefined && !(warning > 0 && (critical === undefined || warning < critical))) {
    found.push(
      diagnostic(
        "ERROR_BUDGET_THRESHOLDS",
        `the warning threshold must be above 0% and below the critical one (${critical ?? "?"}%)`,
        alert.at.warning,
      ),
    );
  }
  return found;
}

function monitorSloProblems(slo: Draft<Slo>): Diagnostic[] {
  const alerts = slo.alerts;
  const alerting =
    (alerts?.burnRate?.length ?? 0) + (alerts?.dropped?.length ?? 0) > 0 || alerts?.errorBudget !== undefined;
  if (!alerting || slo.sli?.kind !== "monitors") return [];
  return [
    diagnostic(
      "ALERTS_MONITOR_SLO",
      "Datadog evaluates SLO alerts on monitor-based SLOs only when every monitor is of the metric family " +
        "(metric, APM metric, anomaly, forecast, outlier, integration): check the monitors, or set `alerts: { burnRate: none }`",
      slo.sli.at.self,
    ),
  ];
}
