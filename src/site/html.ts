/**
 * The site's only way to write HTML: the {@link html} tag escapes every value put into a template,
 * so text from a spec (names, descriptions, queries, handles) can never become markup or script.
 * Markup is only ever made by the tag itself; URLs go into `href` only through {@link safeUrl}.
 */

/** Only this module holds it: nothing else can make {@link Html} or {@link SafeUrl}. */
const MADE_HERE = Symbol("made by the html tag");

/** HTML made by the {@link html} tag: every value in it was escaped, or was itself such HTML. */
export class Html {
  constructor(
    token: typeof MADE_HERE,
    readonly text: string,
  ) {
    if (token !== MADE_HERE) throw new Error("HTML is made by the html tag only");
  }

  toString(): string {
    return this.text;
  }
}

/** A URL checked by {@link safeUrl}: the only value an `href` takes. */
export class SafeUrl {
  constructor(
    token: typeof MADE_HERE,
    readonly url: string,
  ) {
    if (token !== MADE_HERE) throw new Error("a SafeUrl is made by safeUrl only");
  }
}

/** What a template takes: text and numbers (escaped), HTML, checked URLs, lists of these, or nothing. */
export type Value = Html | SafeUrl | string | number | undefined | null | false | readonly Value[];

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** C0 controls but tab and line breaks, DEL, and surrogates without their pair: HTML does not allow them. */
const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is what this expression is for
  /[\0-\x08\x0b\x0e-\x1f\x7f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text made safe in HTML text and in quoted attribute values: `& < > " '` become entities, and
 * characters HTML forbids (NUL, other C0 controls but tab and line breaks, lone surrogates) the
 * replacement character.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character)
    .replace(FORBIDDEN_CHARACTERS, "\ufffd");
}

/** Inside a tag, an attribute value started without its quote (`<a href=`): a value there could add attributes. */
const UNQUOTED_ATTRIBUTE = /<[^>]*=\s*$/;
/** Inside a tag, an attribute that takes a URL, just opened (`<a href="`). */
const URL_ATTRIBUTE = /<[^>]*\b(?:href|src|action|formaction|xlink:href)="$/i;

/**
 * A template of HTML: every value is escaped (text, numbers), joined (lists), left out (`undefined`,
 * `null`, `false`) or inserted as it is (HTML made by this tag). Attribute values must be quoted,
 * and those that take a URL take only a {@link SafeUrl}: a template breaking either rule throws.
 */
export function html(strings: TemplateStringsArray, ...values: readonly Value[]): Html {
  let text = strings[0] ?? "";
  values.forEach((value, index) => {
    if (UNQUOTED_ATTRIBUTE.test(text)) throw new Error(`unquoted attribute value in a template: ${text.slice(-40)}`);
    const isUrl = URL_ATTRIBUTE.test(text);
    if (isUrl !== value instanceof SafeUrl) {
      throw new Error(`a URL attribute takes a SafeUrl, and only it does: ${text.slice(-40)}`);
    }
    text += valueText(value) + (strings[index + 1] ?? "");
  });
  return new Html(MADE_HERE, text);
}

function valueText(value: Value): string {
  if (value instanceof Html) return value.text;
  if (value instanceof SafeUrl) return escapeHtml(value.url);
  if (value === undefined || value === null || value === false) return "";
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return escapeHtml(String(value));
  return value.map(valueText).join("");
}

/**
 * A URL a link may point to: an absolute http(s) URL, or a relative path within the site (no
 * scheme, not protocol-relative). Undefined for anything else (`javascript:`, `data:`, `//host`),
 * which is then shown as text and never linked.
 */
export function safeUrl(url: string): SafeUrl | undefined {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      return new SafeUrl(MADE_HERE, new URL(trimmed).href);
    } catch {
      return undefined;
    }
  }
  // Relative: no scheme (no `:` before the first `/`, `?` or `#`), not `//host` or `\\host`, no
  // backslash, space or control character (browsers drop or rewrite those, which could make a scheme).
  if (!/^[^/?#]*:/.test(trimmed) && !/[\\\0-\x20\x7f]/.test(trimmed) && !trimmed.startsWith("//"))
    return new SafeUrl(MADE_HERE, trimmed);
  return undefined;
}

/** A link to `url` with `label`, or the label alone when the URL is not one a link may point to. */
export function link(url: string, label: Value): Html {
  const checked = safeUrl(url);
  return checked === undefined ? html`${label}` : html`<a href="${checked}">${label}</a>`;
}
