import { z } from "zod";
import { SEVERITIES } from "../model/model.js";
import { WINDOWS } from "../datadog/windows.js";
import type { PreviewAlert, PreviewReport } from "./report.js";
import { optional } from "../util/optional.js";

/**
 * The shape of a {@link PreviewReport} as JSON, for reading one back (`site --preview`, `reviews --preview`).
 * Keys it does not know are dropped, so a report from a newer slocc that added fields still reads.
 */

const instant = z.string().refine((text) => !Number.isNaN(Date.parse(text)), "expected an ISO 8601 date-time");
const window = z.enum(WINDOWS as readonly [(typeof WINDOWS)[number], ...(typeof WINDOWS)[number][]]);

const alertShape = z
  .object({
    severity: z.enum(SEVERITIES as readonly [(typeof SEVERITIES)[number], ...(typeof SEVERITIES)[number][]]),
    kind: z.enum(["burn-rate", "error-budget"]),
    window,
    factor: z.number(),
    longWindow: z.string().optional(),
    shortWindow: z.string().optional(),
    episodes: z.array(z.object({ start: instant, end: instant })),
  })
  // Optional keys are left out rather than set to undefined, as the report's type has them.
  .transform(({ longWindow, shortWindow, ...alert }): PreviewAlert => ({
    ...alert,
    ...optional("longWindow", longWindow),
    ...optional("shortWindow", shortWindow),
  }));

/** A preview report, checked. */
export const previewReportShape: z.ZodType<PreviewReport, unknown> = z.object({
  from: instant,
  to: instant,
  slos: z.array(
    z.object({
      stack: z.string(),
      slo: z.string(),
      kind: z.enum(["ratio", "latency", "timeSlice", "monitors"]),
      status: z.enum(["ok", "no-data", "skipped", "error"]),
      primaryWindow: window,
      problems: z.array(z.object({ code: z.string(), message: z.string() })),
      windows: z.array(
        z.object({ window, target: z.number(), sli: z.number().nullable(), budgetSpent: z.number().nullable() }),
      ),
      alerts: z.array(alertShape),
      days: z.array(z.object({ date: z.iso.date(), sli: z.number().nullable() })),
    }),
  ),
});
