import { sloKey } from "../human/slo-key.js";
import type { PreviewSlo } from "../preview/report.js";
import type { CatalogSlo } from "../views/catalog.js";
import type { ObjectiveExplanation } from "../views/explain.js";

/** A measured SLI as the site shows it: two decimals, `99.95%`. */
export function formatSli(percent: number): string {
  return `${percent.toFixed(2)}%`;
}

/** How an SLI compares with its objective. */
export type Standing = "below-target" | "below-warning" | "meets";

/** Below the target, between target and warning, or at or above both. */
export function standing(sli: number, target: number, warning: number | undefined): Standing {
  if (sli < target) return "below-target";
  return warning !== undefined && sli < warning ? "below-warning" : "meets";
}

/** An SLO's primary objective and its measured SLI there (`null` without data). */
export function primaryMeasurement(
  slo: CatalogSlo,
  measured: ReadonlyMap<string, PreviewSlo>,
): { readonly objective: ObjectiveExplanation; readonly sli: number | null } {
  const { service, primary } = slo.explanation;
  const sli = measured.get(sloKey(service, slo.name))?.windows.find((w) => w.window === primary.window)?.sli ?? null;
  return { objective: primary, sli };
}
