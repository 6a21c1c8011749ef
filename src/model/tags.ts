import { normaliseTag } from "../datadog/tags.js";
import type { Position } from "../util/position.js";
import { compareText } from "../util/text.js";
import type { Draft, Service, Tag } from "./model.js";

/** The tags every SLO resource carries, so that Datadog searches can find what slocc manages. */
export function baseTags(service: string, owner: string, slo: string): string[] {
  return [`service:${service}`, `team:${owner}`, `slo:${slo}`, "managed-by:slocc"];
}

/** `journey:<name>` and `journey-kind:cuj|cmc`, the tags an SLO of a journey carries. */
export function journeyTags(name: string, kind: "user" | "machine"): string[] {
  return [`journey:${name}`, `journey-kind:${kind === "user" ? "cuj" : "cmc"}`];
}

/** The tags slocc sets on an SLO's resources: the base tags, and its journey's once the journey is known. */
export function sloccTags(
  service: string,
  owner: string,
  slo: string,
  journey: { readonly name?: string; readonly serves?: "user" | "machine" } | undefined,
): string[] {
  return [
    ...baseTags(service, owner, slo),
    ...(journey?.name !== undefined && journey.serves !== undefined ? journeyTags(journey.name, journey.serves) : []),
  ];
}

/** A tag as written at `at`, with the form Datadog stores it in. */
export function tagOf(written: string, at: Position): Tag {
  return { written, normalised: normaliseTag(written), at };
}

/**
 * The tags of an SLO's resources: slocc's own, its service's, its own and, for an instance of a
 * service in several environments, `env:<environment>`; undefined until the names they need are known.
 */
export function resourceTagsOf(
  service: Omit<Draft<Service>, "slos">,
  slo: string | undefined,
  journey: Parameters<typeof sloccTags>[3],
  tags: readonly Tag[],
): string[] | undefined {
  if (service.name === undefined || service.owner === undefined || slo === undefined) return undefined;
  return mergeTags(
    sloccTags(service.name, service.owner, slo, journey),
    (service.tags ?? []).flatMap((tag) => (tag.written === undefined ? [] : [tag.written])),
    tags.map((tag) => tag.written),
    service.environment === undefined ? [] : [`env:${service.environment}`],
  );
}

/** Tag keys slocc sets itself, and where each value comes from: a spec's own tags never use them. */
export const SLOCC_TAG_KEYS: Readonly<Record<string, string>> = {
  service: "the spec's `service`",
  team: "the service's `owner`",
  slo: "the SLO's `name`",
  "managed-by": "slocc itself (`managed-by:slocc`)",
  journey: "the SLO's `journey`",
  "journey-kind": "the kind of the SLO's journey (`cuj` or `cmc`)",
  severity: "each alert's severity (`page` or `ticket`)",
};

/** The key of a tag: what comes before its first `:`, or the whole tag. */
export function tagKey(tag: string): string {
  const colon = tag.indexOf(":");
  return colon < 0 ? tag : tag.slice(0, colon);
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
