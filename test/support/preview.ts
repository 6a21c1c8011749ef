import type { Model } from "../../src/model/model.js";
import { tierAlert } from "../../src/preview/preview.js";
import type { PreviewReport, PreviewSlo } from "../../src/preview/report.js";

/** How a stand-in preview measures the SLOs of a model. */
export interface MeasuredShape {
  /** The last day measured (YYYY-MM-DD); the primary window ends there. */
  readonly to: string;
  /** `stack/slo` of SLOs Datadog has no data for. */
  readonly noData?: readonly string[];
  /** `stack/slo` of SLOs with a bad day: the 20th day of the window dips below target, and the page alert fires then. */
  readonly dips?: readonly string[];
  /** `stack/slo` of SLOs left out of the report. */
  readonly absent?: readonly string[];
}

const DAY_MS = 86_400_000;

/**
 * A preview report as `slocc preview --format json` writes one, for the SLOs of `model`: 30 days
 * each a little above target (SLIs that vary by the day, from the SLO's name, the same on every
 * run), the window SLI their mean, and the budget spent from it.
 */
export function measuredPreview(model: Model, shape: MeasuredShape): PreviewReport {
  const end = Date.parse(`${shape.to}T00:00:00Z`) + DAY_MS;
  const from = new Date(end - 30 * DAY_MS).toISOString();
  const slos = model.services.flatMap((service) =>
    service.slos
      .filter((slo) => !(shape.absent ?? []).includes(`${service.stack}/${slo.name}`))
      .map((slo): PreviewSlo => {
        const key = `${service.stack}/${slo.name}`;
        const base = { stack: service.stack, slo: slo.name, kind: slo.sli.kind, primaryWindow: slo.primary.window };
        if ((shape.noData ?? []).includes(key)) {
          return {
            ...base,
            status: "no-data",
            problems: [{ code: "PREVIEW_NO_DATA", message: "no data for the good-events query over 30d" }],
            windows: slo.objectives.map((o) => ({ window: o.window, target: o.target, sli: null, budgetSpent: null })),
            alerts: [],
            days: [],
          };
        }
        const target = slo.primary.target;
        const seed = [...slo.name].reduce((sum, character) => sum + character.charCodeAt(0), 0);
        const dips = (shape.dips ?? []).includes(key);
        const days = Array.from({ length: 30 }, (_, index) => {
          const date = new Date(end - (30 - index) * DAY_MS).toISOString().slice(0, 10);
          const good = 0.3 + (((seed + index * 7) % 10) / 10) * 0.6;
          const sli = dips && index === 19 ? target - (100 - target) * 2 : 100 - (100 - target) * good;
          return { date, sli: index === 4 ? null : Number(sli.toFixed(4)) };
        });
        const measured = days.flatMap((day) => (day.sli === null ? [] : [day.sli]));
        const sli = Number((measured.reduce((sum, value) => sum + value, 0) / measured.length).toFixed(4));
        const dipStart = new Date(end - 11 * DAY_MS + 3 * 3_600_000).toISOString();
        const dipEnd = new Date(end - 11 * DAY_MS + 5 * 3_600_000).toISOString();
        const alerts = slo.alerts.burnRate.map((tier) =>
          tierAlert(tier, dips && tier.severity === "page" ? [{ start: dipStart, end: dipEnd }] : []),
        );
        return {
          ...base,
          status: "ok",
          problems: [],
          windows: slo.objectives.map((o) => ({
            window: o.window,
            target: o.target,
            sli,
            budgetSpent: Number(((100 - sli) / (100 - o.target)).toFixed(4)),
          })),
          alerts,
          days,
        };
      }),
  );
  return { from, to: new Date(end).toISOString(), slos };
}
