import { MAX_TAGS } from "../datadog/tags.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Tag } from "../model/model.js";
import { eachSlo, type Rule } from "./rule.js";

/** Tags Datadog would store differently get a warning; tags that normalise to nothing are refused. */
export const checkTagSpelling: Rule = (model) => [
  ...(model.services ?? []).flatMap((service) => spellingProblems(service.tags)),
  ...eachSlo(model).flatMap(({ slo }) => spellingProblems(slo.tags)),
];

/** Refuses an SLO whose resources would carry more tags than Datadog keeps. */
export const checkTagCount: Rule = (model) =>
  eachSlo(model).flatMap(({ slo }) => {
    if (slo.resourceTags === undefined) return [];
    // Alert monitors carry one more tag than their SLO: `severity:<page|ticket>`.
    const withSeverity = slo.resourceTags.length + 1;
    if (withSeverity <= MAX_TAGS) return [];
    return [
      diagnostic(
        "TOO_MANY_TAGS",
        `this SLO's alerts would carry ${withSeverity} tags (5 are added by slocc); Datadog keeps at most ${MAX_TAGS}: remove ${withSeverity - MAX_TAGS}`,
        slo.at.name,
      ),
    ];
  });

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
