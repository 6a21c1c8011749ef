import { decimalsOf, targetDecimals } from "../../datadog/targets.js";
import type { DataPath } from "../../load/source-file.js";
import type { SloV1 } from "../../spec/v1.js";
import type { Report } from "./report.js";

/** Targets and warnings: strictly inside (0, 100), within Datadog's precision, warning above target, one per window. */
export function checkObjectives(slo: Pick<SloV1, "sli" | "objectives">, sloPath: DataPath, report: Report): void {
  const isMonitorBased = slo.sli.monitors !== undefined;
  const seen = new Map<string, number>();
  slo.objectives.forEach((objective, index) => {
    const path = [...sloPath, "objectives", index];
    const first = seen.get(objective.window);
    if (first !== undefined) {
      report("DUPLICATE_WINDOW", `the ${objective.window} window is already used by objectives[${first}]: keep one objective per window`, [...path, "window"]);
    } else {
      seen.set(objective.window, index);
    }
    const decimals = targetDecimals(isMonitorBased, objective.window);
    for (const field of ["target", "warning"] as const) {
      const value = objective[field];
      if (value === undefined) continue;
      if (!(value > 0 && value < 100)) {
        report("TARGET_RANGE", `${field} ${value} must be strictly between 0 and 100 (a 100% objective leaves no error budget)`, [...path, field]);
      } else if (decimalsOf(value) > decimals) {
        const kind = isMonitorBased ? `monitor-based SLOs over ${objective.window}` : "this SLO";
        report("TARGET_PRECISION", `Datadog keeps ${decimals} decimals for ${kind}: write ${truncated(value, decimals)} (what Datadog would keep) or another value with at most ${decimals} decimals`, [...path, field]);
      }
    }
    if (objective.warning !== undefined && objective.warning <= objective.target) {
      report("WARNING_NOT_ABOVE_TARGET", `warning ${objective.warning} must be above the target ${objective.target} (it marks the safety margin before the target is missed)`, [...path, "warning"]);
    }
  });
}

/** `value` cut to `decimals` decimals, as Datadog stores it (`99.995` at 2 -> `99.99`; rounding would give 100). */
function truncated(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  return (Math.trunc(Number((value * scale).toPrecision(12))) / scale).toFixed(decimals);
}
