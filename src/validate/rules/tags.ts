import { MAX_TAGS, normaliseTag } from "../../datadog/tags.js";
import type { DataPath } from "../../load/source-file.js";
import type { Report } from "./report.js";

/** Warns about tags Datadog would store differently and refuses tags that normalise to nothing. */
export function checkTagSpelling(tags: readonly string[] | undefined, tagsPath: DataPath, report: Report): void {
  tags?.forEach((tag, index) => {
    const normalised = normaliseTag(tag);
    if (normalised.length === 0) {
      report("INVALID_TAG", `the tag ${JSON.stringify(tag)} is empty once normalised: tags start with a letter and use [a-z0-9:._/-]`, [...tagsPath, index]);
    } else if (normalised !== tag) {
      report("TAG_NORMALISED", `Datadog stores ${JSON.stringify(tag)} as "${normalised}": write it that way`, [...tagsPath, index]);
    }
  });
}

/** Refuses an SLO whose merged tags exceed Datadog's limit. */
export function checkTagCount(merged: readonly string[], path: DataPath, report: Report): void {
  // Alert monitors carry one more tag than their SLO: `severity:<page|ticket>`.
  const withSeverity = merged.length + 1;
  if (withSeverity > MAX_TAGS) {
    report("TOO_MANY_TAGS", `this SLO's alerts would carry ${withSeverity} tags (5 are added by slocc); Datadog keeps at most ${MAX_TAGS}: remove ${withSeverity - MAX_TAGS}`, path);
  }
}
