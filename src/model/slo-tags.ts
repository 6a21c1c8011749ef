import { normaliseTag } from "../datadog/tags.js";
import { compareText } from "../diagnostics/diagnostic.js";

/** The tags every SLO resource carries, so that Datadog searches can find what slocc manages. */
export function baseTags(service: string, owner: string, slo: string): string[] {
  return [`service:${service}`, `team:${owner}`, `slo:${slo}`, "managed-by:slocc"];
}

/** Base tags plus spec tags, normalised, deduplicated and sorted (Datadog stores tags as a set). */
export function mergeTags(...groups: readonly (readonly string[])[]): string[] {
  const tags = new Set(groups.flat().map(normaliseTag).filter((tag) => tag.length > 0));
  return [...tags].sort(compareText);
}
