import { formatDuration } from "../human/duration.js";
import { formatWallClock } from "../human/instant.js";
import type { PreviewReport, PreviewSlo } from "../preview/report.js";
import type { CatalogSlo } from "../views/catalog.js";
import type { ObjectiveExplanation } from "../views/explain.js";
import { optional } from "../util/optional.js";

/** A measured SLI as the site shows it: two decimals, `99.95%`. */
export function formatSli(percent: number): string {
  return `${percent.toFixed(2)}%`;
}

/** A share of an error budget (1 = all of it) in percent to one decimal: `61.3%`. */
export function formatBudgetShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** The spent part of a budget as time, and the whole: `2 min 39 s of 4 min 19 s`. */
export function spentAsTime(share: number, budgetSeconds: number): string {
  return `${formatDuration(Math.max(0, share) * budgetSeconds)} of ${formatDuration(budgetSeconds)}`;
}

/** An ISO 8601 instant as the site writes it, in UTC to the minute: `2026-10-20 03:10 UTC`. */
export function formatInstant(iso: string): string {
  return `${formatWallClock(Math.floor(Date.parse(iso) / 1000), "UTC")} UTC`;
}

/** The measured SLOs of a report by `stack/slo`. */
export function previewBySlo(report: PreviewReport | undefined): ReadonlyMap<string, PreviewSlo> {
  return new Map((report?.slos ?? []).map((slo) => [sloKey(slo.stack, slo.slo), slo]));
}

/** The key of an SLO in a preview: `stack/slo`. */
export function sloKey(stack: string, slo: string): string {
  return `${stack}/${slo}`;
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
): { readonly objective?: ObjectiveExplanation; readonly sli: number | null } {
  const objective = slo.explanation.objectives.find((o) => o.window === slo.explanation.primaryWindow);
  const sli =
    measured.get(sloKey(slo.explanation.service, slo.name))?.windows.find((w) => w.window === objective?.window)?.sli ??
    null;
  return { ...optional("objective", objective), sli };
}
