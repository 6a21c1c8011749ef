/**
 * Datadog's stored form of a tag, written from the rules in docs/datadog-rules.md
 * and the provider's NormalizeTag, not from the compiler's code:
 * classify every character, drop what comes before the first letter or `:`, collapse runs of `_`,
 * cut at 200 bytes, drop a trailing `_`.
 */

const MAX_BYTES = 200;

const isLetter = (char: string) => /\p{L}/u.test(char);
const isDigit = (char: string) => /\p{Nd}/u.test(char);

/** Go's per-rune lowercase: a letter whose full lowercase has two runes (only `İ`) keeps the first. */
function lower(char: string): string {
  return String.fromCodePoint(char.toLowerCase().codePointAt(0) ?? 0);
}

/** Each character as Datadog keeps it: letters lowercased, `:`, `.`, `/`, `-` and digits as they are, the rest `_`. */
function kept(char: string): string {
  if (isLetter(char)) return lower(char);
  return char === ":" || char === "." || char === "/" || char === "-" || isDigit(char) ? char : "_";
}

/** The tag as Datadog stores it. */
export function storedFormByTheRules(tag: string): string {
  const chars = [...tag];
  const first = chars.findIndex((char) => char === ":" || isLetter(char));
  if (first < 0) return "";
  const mapped = chars.slice(first).map(kept);
  const collapsed = mapped.filter((char, index) => !(char === "_" && mapped[index - 1] === "_"));
  const cut: string[] = [];
  let bytes = 0;
  for (const char of collapsed) {
    if (bytes >= MAX_BYTES) break;
    cut.push(char);
    bytes += Buffer.byteLength(char, "utf8");
  }
  if (cut[cut.length - 1] === "_") cut.pop();
  return cut.join("");
}

/** Whether a tag is already in the form Datadog stores (and not empty). */
export function isStoredTag(tag: unknown): boolean {
  return typeof tag === "string" && tag.length > 0 && storedFormByTheRules(tag) === tag;
}
