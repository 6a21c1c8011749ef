import { normaliseTag } from "../datadog/tags.js";
import { compareText } from "../util/text.js";

/** The tags every SLO resource carries, so that Datadog searches can find what slocc manages. */
export function baseTags(service: string, owner: string, slo: string): string[] {
  return [`service:${service}`, `team:${owner}`, `slo:${slo}`, "managed-by:slocc"];
}

/** `journey:<name>` and `journey-kind:cuj|cmc`, the tags an SLO of a journey carries. */
export function journeyTags(name: string, kind: "user" | "machine"): string[] {
  return [`journey:${name}`, `journey-kind:${kind === "user" ? "cuj" : "cmc"}`];
}

/** Tags normalised, deduplicated and sorted (Datadog stores tags as a set); empty ones left out. */
export function mergeTags(...groups: readonly (readonly string[])[]): string[] {
  const tags = new Set(
    groups
      .flat()
      .map(normaliseTag)
      .filter((tag) => tag.length > 0),
  );
  return [...tags].sort(compareText);
}
