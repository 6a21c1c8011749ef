/** Datadog keeps at most this many tags on an SLO (from the provider's tag handling; lenient elsewhere). */
export const MAX_TAGS = 32;
/** The provider's `MaxTagLength`, counted in UTF-8 bytes. */
const MAX_TAG_BYTES = 200;

/** Tags already in Datadog's form, in ASCII: the common case, returned as they are without a walk. */
const NORMAL_ASCII_TAG = /^[a-z:](?:[a-z0-9:./-]|_(?!_|$))*$/;

/**
 * A tag in the form Datadog stores it: the provider's `NormalizeTag` (provider 3.82.0,
 * datadog/internal/utils/tags.go), rune by rune. Letters are kept, lowercased (Unicode ones too);
 * `:` is kept anywhere; anything before the first letter or `:` is dropped; then `.`, `/`, `-` and
 * digits are kept, and every other run of characters becomes one `_`; a trailing `_` goes. It stops
 * once 200 bytes are written, so a last multibyte letter can take it to 203. The provider's fast
 * path returns tags already in this form unchanged, which is what this gives for them too.
 * Provider 3.82.0 plans a tag not in this form as a change on every run (provider issue #3638), so
 * tags are emitted already normalised.
 */
export function normaliseTag(tag: string): string {
  if (tag.length <= MAX_TAG_BYTES && NORMAL_ASCII_TAG.test(tag)) return tag;
  let normalised = "";
  let bytes = 0;
  let lastWasUnderscore = false;
  const append = (text: string, underscore: boolean) => {
    normalised += text;
    bytes += utf8Bytes(text);
    lastWasUnderscore = underscore;
  };
  for (const rune of tag) {
    if (bytes >= MAX_TAG_BYTES) break;
    if (rune === ":" || /^\p{L}$/u.test(rune)) append(lowercaseRune(rune), false);
    else if (normalised.length === 0) continue;
    else if (rune === "." || rune === "/" || rune === "-" || /^\p{Nd}$/u.test(rune)) append(rune, false);
    else if (!lastWasUnderscore) append("_", true);
  }
  return lastWasUnderscore ? normalised.slice(0, -1) : normalised;
}

/** How many bytes one rune takes in UTF-8. */
function utf8Bytes(rune: string): number {
  const point = rune.codePointAt(0) ?? 0;
  return point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
}

/**
 * Go's `unicode.ToLower`: one rune to one rune. JavaScript's full case mapping can give two (`İ`
 * lowercases to `i` and a combining dot), where Go keeps the first.
 */
function lowercaseRune(rune: string): string {
  const [first = rune] = rune.toLowerCase();
  return first;
}
