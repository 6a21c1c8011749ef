import { sloKey } from "../human/slo-key.js";
import { previewBySlo, type PreviewReport } from "../preview/report.js";
import { compareText, plural } from "../util/text.js";
import type { CatalogService } from "../views/catalog.js";
import { FILTER_SCRIPT, STYLESHEET } from "./assets.js";
import { html, safeUrl } from "./html.js";
import { indexMain, servicePath } from "./index-page.js";
import { FILTER_SCRIPT_FILE, page, STYLESHEET_FILE } from "./layout.js";
import { serviceMain } from "./service-page.js";
import type { SiteContext } from "./site-context.js";
import { optional } from "../util/optional.js";

/** A file of the site: its path below the output directory (with `/`), and its text (UTF-8). */
export interface SiteFile {
  readonly path: string;
  readonly text: string;
}

/** What the site is written from. */
export interface SiteInput {
  readonly services: readonly CatalogService[];
  /** The day the site is written as of (YYYY-MM-DD). */
  readonly today: string;
  readonly preview?: PreviewReport;
  readonly datadogAppUrl: string;
  readonly sourceUrl?: string;
}

/**
 * The whole site, sorted by path: the index, one page per service instance, the stylesheet and the
 * filter script. Pure: the same input gives the same bytes.
 */
export function renderSite(input: SiteInput): SiteFile[] {
  const site: SiteContext = {
    today: input.today,
    measured: previewBySlo(input.preview),
    datadogAppUrl: input.datadogAppUrl,
    ...optional("preview", input.preview),
    ...optional("sourceUrl", input.sourceUrl),
  };
  const measured =
    input.preview === undefined
      ? "No measured data."
      : `Measured data from ${plural(input.preview.slos.length, "SLO")}.`;
  const footer = (root: string) =>
    html`<p>Written by slocc from the SLO specs, as of ${input.today}. ${measured} <a href="${safeUrl(`${root}index.html`)}">All services</a>.</p>`;
  const files: SiteFile[] = [
    {
      path: "index.html",
      text: page({
        title: "Service level objectives",
        root: "",
        main: indexMain(input.services, site),
        footer: footer(""),
        filter: true,
      }),
    },
    ...input.services.map((service) => ({
      path: servicePath(service.stack),
      text: page({
        title: `${service.title}: service level objectives`,
        root: "../",
        crumbs: html`<a href="${safeUrl("../index.html")}">All services</a> › ${service.title}`,
        main: serviceMain(service, site),
        footer: footer("../"),
      }),
    })),
    { path: STYLESHEET_FILE, text: STYLESHEET },
    { path: FILTER_SCRIPT_FILE, text: FILTER_SCRIPT },
  ];
  return files.sort((a, b) => compareText(a.path, b.path));
}

/** The SLOs a preview measures that no service of the site declares (`stack/slo`), sorted. */
export function unknownPreviewSlos(services: readonly CatalogService[], preview: PreviewReport): string[] {
  const declared = new Set(services.flatMap((service) => service.slos.map((slo) => sloKey(service.stack, slo.name))));
  return preview.slos
    .map((slo) => sloKey(slo.stack, slo.slo))
    .filter((key) => !declared.has(key))
    .sort(compareText);
}
