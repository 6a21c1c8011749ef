/**
 * `{{name}}`: a placeholder in a spec's text, filled from an environment's variables or a
 * template's parameters. The grammar lives here, a leaf, because the rules must recognise the
 * placeholders that stay unfilled (each already reported where it is written) as well.
 */
export const PLACEHOLDER_SOURCE = String.raw`\{\{\s*([A-Za-z_][A-Za-z0-9_-]*)\s*\}\}`;

/** `text` without its placeholders: what is left to judge once those left unfilled were reported. */
export function withoutPlaceholders(text: string): string {
  return text.replace(new RegExp(PLACEHOLDER_SOURCE, "g"), "");
}
