/** What replaces a secret value in printed output. */
export const REDACTED = "***";

/**
 * The shortest value treated as a secret. Datadog's API keys have 32 characters and its
 * application keys 40, so a shorter value is no key Datadog accepts, while hiding it (an `a`, a
 * `test`) would garble every word it occurs in and turn a plan's JSON into nonsense.
 */
export const MIN_SECRET_LENGTH = 8;

/**
 * Replaces every occurrence of each secret in `text` with `***`. Longer secrets go first, so a
 * secret that contains another is never left partly visible; values shorter than
 * {@link MIN_SECRET_LENGTH} are left alone.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const longestFirst = secrets
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length);
  return longestFirst.reduce((redacted, secret) => redacted.split(secret).join(REDACTED), text);
}
