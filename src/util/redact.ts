/** What replaces a secret value in printed output. */
export const REDACTED = "***";

/**
 * Replaces every occurrence of each secret in `text` with `***`. Longer secrets go first, so a
 * secret that contains another is never left partly visible.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const longestFirst = secrets.filter((secret) => secret.length > 0).sort((a, b) => b.length - a.length);
  return longestFirst.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
}
