import { decimalsOf, MAX_TARGET_DECIMALS, targetDecimals, truncateTarget } from "../datadog/targets.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Objective, Slo } from "../model/model.js";
import { byPosition, eachSlo, type Rule } from "./rule.js";

/** Targets and warnings: strictly inside (0, 100), within Datadog's precision, warning above target, one per window. */
export const checkObjectives: Rule = (model) => eachSlo(model).flatMap(({ slo }) => objectiveProblems(slo));

function objectiveProblems(slo: Draft<Slo>): Diagnostic[] {
  const found: Diagnostic[] = [];
  const firstLine = new Map<string, number>();
  for (const objective of byPosition(slo.objectives ?? [])) {
    if (objective.window !== undefined) {
      const first = firstLine.get(objective.window);
      if (first === undefined) firstLine.set(objective.window, objective.at.self.line);
      else
        found.push(
          diagnostic(
            "DUPLICATE_WINDOW",
            `the ${objective.window} window is already used by the objective on line ${first}: keep one objective per window`,
            objective.at.window,
          ),
        );
    }
    found.push(...valueProblems(objective, "target", slo), ...valueProblems(objective, "warning", slo));
    if (objective.warning !== undefined && objective.target !== undefined && objective.warning <= objective.target) {
      found.push(
        diagnostic(
          "WARNING_NOT_ABOVE_TARGET",
          `warning ${objective.warning} must be above the target ${objective.target} (it marks the safety margin before the target is missed)`,
          objective.at.warning,
        ),
      );
    }
  }
  return found;
}

function valueProblems(objective: Draft<Objective>, field: "target" | "warning", slo: Draft<Slo>): Diagnostic[] {
  const value = objective[field];
  if (value === undefined) return [];
  if (!(value > 0 && value < 100)) {
    return [
      diagnostic(
        "TARGET_RANGE",
        `${field} ${value} must be strictly between 0 and 100 (a 100% objective leaves no error budget)`,
        objective.at[field],
      ),
    ];
  }
  const isMonitorBased = slo.sli?.kind === "monitors";
  // Without a readable SLI or window, only what no SLO keeps is refused.
  const decimals =
    slo.sli === undefined || objective.window === undefined
      ? MAX_TARGET_DECIMALS
      : targetDecimals(isMonitorBased, objective.window);
  if (decimalsOf(value) <= decimals) return [];
  const kind = isMonitorBased && objective.window ? `monitor-based SLOs over ${objective.window}` : "this SLO";
  return [
    diagnostic(
      "TARGET_PRECISION",
      `Datadog keeps ${decimals} decimals for ${kind}: write ${truncateTarget(value, decimals)} ` +
        `(what Datadog would keep) or another value with at most ${decimals} decimals`,
      objective.at[field],
    ),
  ];
}
