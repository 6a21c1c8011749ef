import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import type { PreviewReport } from "../preview/report.js";

const episode = z.object({ start: z.string(), end: z.string() });

/** The preview report as `slocc preview --format json` writes it (docs/preview.md). */
const reportShape = z.object({
  from: z.string(),
  to: z.string(),
  slos: z.array(
    z.object({
      stack: z.string(),
      slo: z.string(),
      kind: z.enum(["ratio", "latency", "timeSlice", "monitors"]),
      status: z.enum(["ok", "no-data", "skipped", "error"]),
      primaryWindow: z.enum(["7d", "30d", "90d"]),
      problems: z.array(z.object({ code: z.string(), message: z.string() })),
      windows: z.array(
        z.object({
          window: z.enum(["7d", "30d", "90d"]),
          target: z.number(),
          sli: z.number().nullable(),
          budgetSpent: z.number().nullable(),
        }),
      ),
      alerts: z.array(
        z.object({
          severity: z.enum(["page", "ticket"]),
          kind: z.enum(["burn-rate", "error-budget"]),
          window: z.enum(["7d", "30d", "90d"]),
          factor: z.number(),
          longWindow: z.string().optional(),
          shortWindow: z.string().optional(),
          episodes: z.array(episode),
        }),
      ),
      days: z.array(z.object({ date: z.string(), sli: z.number().nullable() })),
    }),
  ),
});

/** Reads a preview report a previous `slocc preview --format json` (or `--json-out`) wrote. */
export async function readPreviewFile(path: string, cwd: string): Promise<Outcome<PreviewReport>> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch {
    return failed("PREVIEW_FILE", `cannot read ${path}: write it with slocc preview --json-out ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return failed("PREVIEW_FILE", `${path} is not JSON: write it with slocc preview --json-out ${path}`);
  }
  const parsed = reportShape.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join(".")}` : "";
    return failed(
      "PREVIEW_FILE",
      `${path} is not a preview report (${issue?.message ?? "unexpected shape"}${where}): write it with slocc preview --json-out ${path}`,
    );
  }
  const report: PreviewReport = parsed.data as PreviewReport;
  return succeeded(report);
}
