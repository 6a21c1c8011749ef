/** Datadog keeps at most this many tags on an SLO (from the provider's tag handling; lenient elsewhere). */
export const MAX_TAGS = 32;
const MAX_TAG_LENGTH = 200;

/**
 * A tag in the form Datadog stores it. Provider 3.82.0 plans mixed-case tags as a change on every
 * run (provider issue #3638), so tags are emitted already normalised: lowercase, `[a-z0-9:._/-]`
 * with any other run of characters as one `_`, no trailing `_`, nothing before the first letter or
 * `:`, at most 200 characters.
 */
export function normaliseTag(tag: string): string {
  const lowered = tag.toLowerCase().replace(/[^a-z0-9:._/-]+/g, "_");
  const start = lowered.search(/[a-z:]/);
  const trimmed = start < 0 ? "" : lowered.slice(start);
  return trimmed.slice(0, MAX_TAG_LENGTH).replace(/_+$/, "");
}
