import { html, safeUrl, type Html } from "./html.js";

/** Where the shared files are written, relative to the site's root. */
export const STYLESHEET_FILE = "site.css";
export const FILTER_SCRIPT_FILE = "filter.js";

/** One page of the site. */
export interface PageParts {
  readonly title: string;
  /** The way from the page back to the site's root: `` or `../`. */
  readonly root: string;
  /** The trail above the page's heading, if any. */
  readonly crumbs?: Html;
  readonly main: Html;
  readonly footer: Html;
  /** Whether the page loads the index's filter script. */
  readonly filter?: boolean;
}

/**
 * A whole HTML document: the shared stylesheet, and a content security policy that lets the page
 * load only its own site's stylesheet and scripts and the empty icon written into it (so browsers
 * ask for none): no request can leave the site, even if a value slipped through escaping.
 */
export function page(parts: PageParts): string {
  const asset = (file: string) => safeUrl(`${parts.root}${file}`);
  const script = parts.filter ? html`\n<script src="${asset(FILTER_SCRIPT_FILE)}" defer></script>` : "";
  const crumbs =
    parts.crumbs === undefined ? "" : html`<nav aria-label="Breadcrumb"><p class="crumbs">${parts.crumbs}</p></nav>\n`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="slocc">
<title>${parts.title}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(STYLESHEET_FILE)}">${script}
</head>
<body>
${crumbs}<main>
${parts.main}
</main>
<footer>
${parts.footer}
</footer>
</body>
</html>
`.text;
}
