import { MAX_TAGS } from "../datadog/tags.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Service, Slo, Tag } from "../model/model.js";
import { SLOCC_TAG_KEYS, sloccTags, tagKey } from "../model/tags.js";
import { eachSlo, type Rule } from "./rule.js";

/** Tags Datadog would store differently get a warning; tags that normalise to nothing are refused. */
export const checkTagSpelling: Rule = (model) => [
  ...(model.services ?? []).flatMap((service) => spellingProblems(service.tags)),
  ...eachSlo(model).flatMap(({ slo }) => spellingProblems(slo.tags)),
];

/** Refuses an SLO whose resources would carry more tags than Datadog keeps. */
export const checkTagCount: Rule = (model) =>
  eachSlo(model).flatMap(({ service, slo }) => {
    if (slo.resourceTags === undefined) return [];
    // Alert monitors carry one more tag than their SLO: `severity:<page|ticket>`.
    const monitors = (slo.alerts?.burnRate?.length ?? 0) > 0 || slo.alerts?.errorBudget !== undefined;
    const total = slo.resourceTags.length + (monitors ? 1 : 0);
    if (total <= MAX_TAGS) return [];
    const set =
      service.name === undefined || service.owner === undefined || slo.name === undefined
        ? []
        : sloccTags(service.name, service.owner, slo.name, journeyOf(service, slo));
    const keys = [...set.map(tagKey), ...(monitors ? ["severity"] : [])];
    return [
      diagnostic(
        "TOO_MANY_TAGS",
        `${monitors ? "this SLO's alerts" : "this SLO"} would carry ${total} tags: ${keys.length} set by slocc ` +
          `(${keys.join(", ")}) and ${total - keys.length} of the service's and the SLO's own; ` +
          `Datadog keeps at most ${MAX_TAGS}: remove ${total - MAX_TAGS}`,
        slo.at.name,
      ),
    ];
  });

/** Refuses the service's and SLOs' tags whose key slocc sets itself: a resource would carry two values for it. */
export const checkReservedTags: Rule = (model) => [
  ...(model.services ?? []).flatMap((service) => reservedProblems(service.tags, service.environment !== undefined)),
  ...eachSlo(model).flatMap(({ service, slo }) => reservedProblems(slo.tags, service.environment !== undefined)),
];

function journeyOf(service: Draft<Service>, slo: Draft<Slo>) {
  return service.journeys?.find((candidate) => candidate.name === slo.journey?.value);
}

/** `env` is slocc's too in a service that declares environments: it tags each with its own. */
const ENVIRONMENT_TAG_KEY = { env: "the environment each stack is (`env:<environment>`)" };

function reservedProblems(tags: readonly Draft<Tag>[] | undefined, withEnvironments: boolean): Diagnostic[] {
  const reserved: Readonly<Record<string, string>> = withEnvironments
    ? { ...SLOCC_TAG_KEYS, ...ENVIRONMENT_TAG_KEY }
    : SLOCC_TAG_KEYS;
  return (tags ?? []).flatMap(({ written, normalised, at }): Diagnostic[] => {
    if (written === undefined || normalised === undefined) return [];
    const key = tagKey(normalised);
    if (!Object.hasOwn(reserved, key)) return [];
    return [
      diagnostic(
        "RESERVED_TAG",
        `slocc sets the \`${key}\` tag itself, from ${reserved[key] ?? "slocc"}: remove ${JSON.stringify(written)}, ` +
          `or it would give the resources two \`${key}\` values`,
        at,
      ),
    ];
  });
}

function spellingProblems(tags: readonly Draft<Tag>[] | undefined): Diagnostic[] {
  return (tags ?? []).flatMap(({ written, normalised, at }): Diagnostic[] => {
    if (written === undefined || normalised === undefined) return [];
    if (normalised.length === 0) {
      return [
        diagnostic(
          "INVALID_TAG",
          `the tag ${JSON.stringify(written)} is empty once normalised: tags start with a letter and use [a-z0-9:._/-]`,
          at,
        ),
      ];
    }
    return normalised === written
      ? []
      : [
          diagnostic(
            "TAG_NORMALISED",
            `Datadog stores ${JSON.stringify(written)} as "${normalised}": write it that way`,
            at,
          ),
        ];
  });
}
