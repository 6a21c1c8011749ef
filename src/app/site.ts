import { mkdir, mkdtemp, readdir, rename, rm, stat, chmod, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { DEFAULT_DATADOG_APP_URL, datadogAppUrl } from "../datadog/app-url.js";
import { DATADOG_HOST, datadogSetting } from "../datadog/environment.js";
import { datadogAccess } from "../datadog-api/access.js";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import type { Model } from "../model/model.js";
import type { PreviewReport } from "../preview/report.js";
import { measureSlos } from "./preview.js";
import { readPreviewFile } from "./preview-file.js";
import { renderSite, unknownPreviewSlos, type SiteFile } from "../site/site.js";
import { todayUtc } from "../util/dates.js";
import { plural } from "../util/text.js";
import { serviceCatalog } from "../views/catalog.js";
import { compileDirectory } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics, printProblems } from "./print.js";
import { optional } from "../util/optional.js";

/** What `slocc site` is asked. */
export interface SiteOptions {
  /** A directory of specs, or one spec file. */
  readonly specs: string;
  /** The directory the site is written to: created, or replaced when a previous site is there. */
  readonly out: string;
  /** A file `slocc preview --format json` wrote. */
  readonly preview?: string;
  /** YYYY-MM-DD; today in UTC by default. */
  readonly today?: string;
  /** The Datadog web app to link to; from DD_HOST by default. */
  readonly datadogUrl?: string;
  /** Where spec files are read online, such as `https://github.com/acme/slos/blob/main`. */
  readonly sourceUrl?: string;
  /** Without a preview file, whether to measure the SLOs live when Datadog's keys are set (the default). */
  readonly measure?: boolean;
}

/** The file that marks a directory as a site `slocc site` wrote, which a later run may replace. */
export const SITE_MARKER = ".slocc-site";

/**
 * `slocc site`: compiles the specs and writes the SLO catalog, a static site, into `out`. The site
 * is written beside it first and moved into place whole, so a failure never leaves half a site; an
 * existing `out` is replaced only when it is empty or holds a site slocc wrote. Exit 2 for an
 * `out` that holds other files, or a preview file that cannot be read; 1 when the specs have errors.
 * (An `out` that is a file, or under one, is refused before the command runs, as every output path.)
 */
export async function runSite(options: SiteOptions, context: AppContext): Promise<ExitCode> {
  const target = resolve(context.cwd, options.out);
  const writable = await replaceable(target, options.out);
  if (!writable.ok) return printProblems(writable.problems, context);
  const preview = options.preview === undefined ? undefined : await readPreviewFile(options.preview, context.cwd);
  if (preview !== undefined && !preview.ok) return printProblems(preview.problems, context);
  const today = options.today ?? todayUtc();
  const result = await compileDirectory(options.specs, context.cwd, { today });
  if (printDiagnostics(result, context, "text", false) !== EXIT.ok || !result.value) return EXIT.failure;
  const services = serviceCatalog(result.value.model, today);
  const report = preview?.value ?? (await measuredLive(result.value.model, options, context));
  if (report !== undefined) {
    const unknown = unknownPreviewSlos(services, report);
    if (unknown.length > 0) {
      context.stderr(
        `slocc site: the preview measures ${plural(unknown.length, "SLO")} the specs do not declare, left out: ${unknown.join(", ")}\n`,
      );
    }
  }
  const files = renderSite({
    services,
    today,
    datadogAppUrl: datadogAppOf(options, context),
    ...optional("preview", report),
    ...optional("sourceUrl", options.sourceUrl),
  });
  try {
    await replaceDirectory(target, files);
  } catch (error) {
    context.stderr(
      `slocc site: cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}; nothing was changed there\n`,
    );
    return EXIT.failure;
  }
  const measured = report === undefined ? "" : `, measured data for ${plural(report.slos.length, "SLO")}`;
  context.stdout(`wrote ${options.out}: index.html and ${plural(services.length, "service page")}${measured}\n`);
  return EXIT.ok;
}

/**
 * Whether the site may replace `target`, a directory or nothing (`--out` is checked before the
 * command runs): when it is not there, empty, or a site slocc wrote; never a directory of other files.
 */
async function replaceable(target: string, shown: string): Promise<Outcome<void>> {
  const names = await readdir(target).catch((error: NodeJS.ErrnoException): string[] => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  if (names.length === 0 || names.includes(SITE_MARKER)) return succeeded(undefined);
  return failed(
    "OUTPUT_PATH",
    `--out ${shown} holds files that slocc site did not write: give a new or empty directory, or one a previous slocc site wrote`,
  );
}

/** The Datadog web app: `--datadog-url`, else the app of DD_HOST's site, else US1's. */
function datadogAppOf(options: SiteOptions, context: AppContext): string {
  if (options.datadogUrl !== undefined) return options.datadogUrl.replace(/\/+$/, "");
  const host = datadogSetting(context.env, DATADOG_HOST);
  if (host === undefined) return DEFAULT_DATADOG_APP_URL;
  const app = datadogAppUrl(host.value);
  if (app !== undefined) return app;
  context.stderr(
    `slocc site: ${host.name} is not a Datadog API address (${JSON.stringify(host.value)}): Datadog links point to ${DEFAULT_DATADOG_APP_URL}; give --datadog-url to choose\n`,
  );
  return DEFAULT_DATADOG_APP_URL;
}

/**
 * Without a preview file, with Datadog's keys set (and `measure` not turned off): every SLO
 * measured now, as `slocc preview` measures it. What stops the reading is said in a line, and the
 * site is written without measured data: the catalog is of use without it.
 */
async function measuredLive(
  model: Model,
  options: SiteOptions,
  context: AppContext,
): Promise<PreviewReport | undefined> {
  if (options.measure === false || !datadogAccess(context.env).ok) return undefined;
  const slos = model.services.flatMap((service) => service.slos);
  const measured = await measureSlos(slos, Date.now() / 1000, context.env);
  if (!measured.ok) {
    for (const problem of measured.problems) context.stderr(`slocc site: not measured: ${problem.message}\n`);
    return undefined;
  }
  context.stderr(
    `slocc site: measured ${plural(slos.length, "SLO")} (${plural(measured.value.requests, "request")} to Datadog)\n`,
  );
  return measured.value.report;
}

/**
 * Writes the files into a new directory beside `target`, then puts it in `target`'s place: readers
 * see the old site or the new one, never a mix; on failure the new directory is removed.
 */
async function replaceDirectory(target: string, files: readonly SiteFile[]): Promise<void> {
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}.partial-`));
  try {
    await chmod(staging, 0o755);
    for (const file of files) {
      const path = join(staging, ...file.path.split("/"));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.text);
    }
    await writeFile(
      join(staging, SITE_MARKER),
      "Written by `slocc site`, which replaces this directory on its next run.\n",
    );
    const previous = await stat(target).catch(() => undefined);
    if (previous === undefined) {
      await rename(staging, target);
      return;
    }
    const old = `${staging}-old`;
    await rename(target, old);
    await rename(staging, target);
    await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}
