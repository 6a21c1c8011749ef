import { formatSchedule } from "../views/schedule.js";
import { correctionIdentity, identityKey } from "../model/corrections.js";
import type { Correction } from "../model/model.js";
import { compareText } from "../util/text.js";
import type { FieldChange } from "./types.js";
import { optional } from "../util/optional.js";

/**
 * The corrections of an SLO added, changed and removed, matched by identity (name, or the times
 * an unnamed one applies at): an unnamed correction whose times change is one removed and one added.
 */
export function correctionChanges(before: readonly Correction[], after: readonly Correction[]): FieldChange[] {
  const a = byIdentity(before);
  const b = byIdentity(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort(compareText);
  return keys.flatMap((key): FieldChange[] => {
    const x = a.get(key);
    const y = b.get(key);
    const textBefore = x && correctionText(x);
    const textAfter = y && correctionText(y);
    if (textBefore === textAfter) return [];
    return [
      {
        field: "correction",
        ...optional("before", textBefore),
        ...optional("after", textAfter),
        note: !x ? "correction added" : !y ? "correction removed" : "correction changed",
      },
    ];
  });
}

/** Each correction as a review reads it, in the order {@link correctionChanges} lists them. */
export function correctionTexts(corrections: readonly Correction[]): string[] {
  return [...byIdentity(corrections)]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, correction]) => correctionText(correction));
}

function byIdentity(corrections: readonly Correction[]): Map<string, Correction> {
  return new Map(corrections.map((correction) => [identityKey(correctionIdentity(correction)), correction]));
}

/** `nightly-batch: Scheduled Maintenance, FREQ=DAILY from ... "Nightly settlement batch"` */
function correctionText(correction: Correction): string {
  const name = correction.name === undefined ? "" : `${correction.name}: `;
  const description = correction.description === undefined ? "" : ` "${correction.description}"`;
  return `${name}${correction.category}, ${formatSchedule(correction)}${description}`;
}
