import type { Position } from "../model/model.js";
import type { PreviewReport, PreviewSlo } from "../preview/report.js";
import { html, link, type Html } from "./html.js";

/** What every page is rendered with besides its own service. */
export interface SiteContext {
  /** The day the site is written as of (YYYY-MM-DD): review status and corrections are judged on it. */
  readonly today: string;
  readonly preview?: PreviewReport;
  /** The measured SLOs by `stack/slo`. */
  readonly measured: ReadonlyMap<string, PreviewSlo>;
  /** The Datadog web app that SLO and monitor links point to, such as `https://app.datadoghq.eu`. */
  readonly datadogAppUrl: string;
  /** Where spec files can be read, such as a repository's blob URL: spec paths are linked below it. */
  readonly sourceUrl?: string;
}

/** A spec file and line: linked below the source URL when there is one, else written as a path. */
export function specLink(position: Position, site: SiteContext): Html {
  const label = html`<code>${position.file}</code> line ${position.line}`;
  if (site.sourceUrl === undefined) return label;
  const path = position.file.split("/").map(encodeURIComponent).join("/");
  return link(`${site.sourceUrl.replace(/\/+$/, "")}/${path}#L${position.line}`, label);
}
