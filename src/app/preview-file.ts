import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { previewReportShape } from "../preview/report-schema.js";
import type { PreviewReport } from "../preview/report.js";

/**
 * Reads and checks a preview report a previous `slocc preview --format json` (or `--json-out`)
 * wrote: the report, or one problem saying what is wrong with the file and how to write one.
 */
export async function readPreviewFile(path: string, cwd: string): Promise<Outcome<PreviewReport>> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, path), "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message;
    return failed("PREVIEW_FILE", `--preview ${path}: ${reason}: write it with slocc preview --json-out ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failed("PREVIEW_FILE", `--preview ${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = previewReportShape.safeParse(json);
  if (parsed.success) return succeeded(parsed.data);
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? "" : ` at ${issue.path.join(".")}`;
  return failed(
    "PREVIEW_FILE",
    `--preview ${path} is not a report of \`slocc preview --format json\`${where}: ${issue?.message ?? "unexpected shape"}`,
  );
}
