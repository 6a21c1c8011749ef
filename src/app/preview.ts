import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { datadogAccess } from "../datadog-api/access.js";
import type { TimeseriesAnswer, TimeseriesQuery } from "../datadog/timeseries.js";
import { DatadogClient, type ClientOptions } from "../datadog-api/client.js";
import { diffSlos } from "../diff/change-diff.js";
import { failed, succeeded, type Outcome, type Problem } from "../diagnostics/outcome.js";
import { sloKey } from "../human/slo-key.js";
import type { Model, Slo } from "../model/model.js";
import { previewReport, previewSlo, type SloData } from "../preview/preview.js";
import { readingOf, type SloReading } from "../preview/reading.js";
import type { PreviewReport } from "../preview/report.js";
import { previewMarkdown } from "../render/preview-markdown.js";
import { previewText } from "../render/preview-text.js";
import { mapBounded } from "../util/bounded.js";
import type { Environment } from "../util/environment.js";
import { plural } from "../util/text.js";
import { compileSince } from "./change-diff.js";
import { compileDirectory, type Compiled } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics, printProblems } from "./print.js";

/** Output formats of the preview. */
export type PreviewFormat = "text" | "markdown" | "json";

/** What to preview, up to when, and how to print it. */
export interface PreviewOptions {
  /** A directory of specs, or one spec file (compiled with the files beside it that declare no service). */
  readonly path: string;
  /** A git ref: only the SLOs added or changed since the specs at that ref are previewed. */
  readonly changedSince?: string;
  /** The end of the time measured (epoch seconds); now by default. It is taken back to the start of its hour. */
  readonly to?: number;
  /** The day review deadlines are judged against (YYYY-MM-DD). */
  readonly today?: string;
  readonly format: PreviewFormat;
  /** Also write the report as JSON to this file. */
  readonly jsonOut?: string;
}

/** Requests in flight at once: a preview stays far inside Datadog's per-organisation rate limits. */
const CONCURRENT_REQUESTS = 4;

const HOUR_SECONDS = 3600;

/**
 * `slocc preview`: compiles the specs, selects the SLOs (every one, or those added or changed since
 * a ref), reads each SLI's history from Datadog's metrics query API (one request per stretch of
 * time per SLO, a few at once), and prints what Datadog would show: SLI and budget spent per
 * window, the alerts that would have fired, and the problems of the data. Exit 1 when the specs do
 * not compile, the keys are missing or refused, or an SLO could not be read.
 */
export async function runPreview(
  options: PreviewOptions,
  context: AppContext,
  clientOptions: ClientOptions = {},
): Promise<ExitCode> {
  const compileOptions = options.today === undefined ? {} : { today: options.today };
  const compiled = await compileDirectory(options.path, context.cwd, compileOptions);
  if (printDiagnostics(compiled, context, "text", false) !== EXIT.ok || !compiled.value) return EXIT.failure;
  const slos = await selectedSlos(compiled.value, options, context);
  if (typeof slos === "number") return slos;
  const measured = await measureSlos(slos, options.to ?? Date.now() / 1000, context.env, clientOptions);
  if (!measured.ok) return printProblems(measured.problems, context);
  const { report, requests: sent } = measured.value;
  const previews = report.slos;
  if (options.jsonOut !== undefined) await writeFile(resolve(context.cwd, options.jsonOut), `${previewJson(report)}\n`);
  context.stdout(`${render(report, options, context.color.stdout)}\n`);
  const skipped = previews.filter((preview) => preview.status === "skipped").length;
  context.stderr(
    `slocc preview: ${plural(previews.length, "SLO")}${skipped > 0 ? ` (${skipped} skipped)` : ""}, ` +
      `${plural(sent, "request")} to Datadog\n`,
  );
  return previews.some((preview) => preview.status === "error") ? EXIT.failure : EXIT.ok;
}

/**
 * Each SLO measured against Datadog's metrics, up to the start of the hour of `to` (epoch
 * seconds): the report and how many requests it took; or, with no key in them, the problems that
 * stopped the reading (keys missing or refused). An SLO that could not be read is in the report
 * with the reason. No key is read when no SLO needs the metrics (monitor SLIs only).
 */
export async function measureSlos(
  slos: readonly Slo[],
  to: number,
  env: Environment,
  clientOptions: ClientOptions = {},
): Promise<Outcome<{ readonly report: PreviewReport; readonly requests: number }>> {
  const end = Math.floor(to / HOUR_SECONDS) * HOUR_SECONDS;
  const readings = slos.map((slo) => readingOf(slo, end));
  const requests = readings.flatMap((reading, index) =>
    reading ? reading.requests.map((request) => ({ index, request })) : [],
  );
  let data: (SloData | undefined)[] = readings.map(() => undefined);
  let sent = 0;
  if (requests.length > 0) {
    const found = datadogAccess(env);
    if (!found.ok) return found;
    const client = new DatadogClient(found.value, clientOptions);
    const read = await readAll(client, readings, requests);
    sent = client.requestsSent;
    if (!read.ok) return read;
    data = read.value;
  }
  const previews = slos.map((slo, index) => previewSlo(slo, readings[index], data[index]));
  const starts = readings.flatMap((reading) => (reading ? [reading.start] : []));
  return succeeded({ report: previewReport(Math.min(end, ...starts), end, previews), requests: sent });
}

/** The report as `--format json` prints it. */
function previewJson(report: PreviewReport): string {
  return JSON.stringify(report, null, 2);
}

function render(report: PreviewReport, options: PreviewOptions, color: boolean): string {
  switch (options.format) {
    case "json":
      return previewJson(report);
    case "markdown":
      return previewMarkdown(report, options.changedSince);
    case "text":
      return previewText(report, color);
  }
}

/**
 * The SLOs to preview, sorted by stack and name: every one, or with `changedSince` those added,
 * renamed or changed since the specs at that ref. The exit code to stop with, once said why, when
 * the specs at the ref cannot be read or compiled.
 */
async function selectedSlos(
  compiled: Compiled,
  options: PreviewOptions,
  context: AppContext,
): Promise<Slo[] | ExitCode> {
  const all = everySlo(compiled.model);
  if (options.changedSince === undefined) return all;
  const base = await compileSince(
    options.changedSince,
    options.path,
    options.today,
    context,
    "preview without --changed-since, or compare with another ref",
  );
  if (typeof base === "number") return base;
  const changed = new Set(
    diffSlos(base.model, compiled.model)
      .filter((change) => change.change !== "removed")
      .map((change) => sloKey(change.service, change.slo)),
  );
  return all.filter((slo) => changed.has(sloKey(slo.stack, slo.name)));
}

function everySlo(model: Model): Slo[] {
  // Services come sorted by stack and their SLOs by name.
  return model.services.flatMap((service) => service.slos);
}

/**
 * Sends every request, a few at once: what every request answered, by SLO (an SLO's data is its
 * answers, or the first failure among its requests); or the refusal of the keys (401, 403), which
 * stops every request not sent yet.
 */
async function readAll(
  client: DatadogClient,
  readings: readonly (SloReading | undefined)[],
  requests: readonly { readonly index: number; readonly request: TimeseriesQuery }[],
): Promise<Outcome<(SloData | undefined)[]>> {
  let refused: Problem | undefined;
  const failedSlos = new Set<number>();
  const outcomes = await mapBounded(requests, CONCURRENT_REQUESTS, async ({ index, request }) => {
    if (refused !== undefined || failedSlos.has(index)) return undefined;
    const outcome = await client.timeseries(request);
    if (!outcome.ok) {
      failedSlos.add(index);
      const forbidden = outcome.problems.find((found) => found.code === "DATADOG_FORBIDDEN");
      refused ??= forbidden;
    }
    return outcome;
  });
  if (refused !== undefined) return failed([refused]);
  const answers = readings.map((): { request: TimeseriesQuery; answer: TimeseriesAnswer }[] => []);
  const failures: (SloData | undefined)[] = [];
  requests.forEach(({ index, request }, position) => {
    const outcome = outcomes[position];
    if (outcome?.ok) answers[index]?.push({ request, answer: outcome.value });
    else if (outcome) failures[index] ??= outcome;
  });
  return succeeded(
    readings.map((reading, index) => (reading ? (failures[index] ?? succeeded(answers[index] ?? [])) : undefined)),
  );
}
