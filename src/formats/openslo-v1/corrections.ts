import { z } from "zod";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { CORRECTION_PARTS } from "../../model/corrections.js";
import type { Correction, Draft, Position } from "../../model/model.js";
import { correctionData } from "../slocc-v1/from-model.js";
import { correctionV1 } from "../slocc-v1/schema.js";
import { correctionFromV1 } from "../slocc-v1/to-model.js";

/**
 * Corrections as the `slocc/corrections` annotation holds them, OpenSLO having no field for them:
 * a JSON list of corrections as a slocc spec writes them (`name`, `category`, `start`, `end` or
 * `rrule` with `duration`, `timezone`, `description`).
 */
export function formatCorrections(corrections: readonly Correction[]): string {
  return JSON.stringify(corrections.map(correctionData));
}

const ANNOTATED = z.array(correctionV1);

/**
 * The corrections a `slocc/corrections` annotation written at `at` lists, each resolved as a
 * spec's would be (the rules then judge their times and category, at the annotation). Text that
 * is not such a list is an OPENSLO_ANNOTATION error, and gives none.
 */
export function parseCorrections(
  text: string,
  scope: Correction["scope"],
  at: Position,
  diagnostics: Diagnostic[],
): Draft<Correction>[] {
  const read = ANNOTATED.safeParse(parsedJson(text));
  if (!read.success) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_ANNOTATION",
        'write the corrections as a JSON list of slocc corrections, such as `[{"name":"deploy","category":"deployment",' +
          '"start":"2026-01-10T10:00:00Z","end":"2026-01-10T11:00:00Z"}]` (see docs/spec.md)',
        at,
      ),
    );
    return [];
  }
  // The annotation is one text: every part of every correction is located at it.
  const everyPartAt = {
    ...Object.fromEntries(CORRECTION_PARTS.map((part) => [part, at])),
    self: at,
  } as Correction["at"];
  return read.data.map((correction) => correctionFromV1(correction, scope, Object.keys(correction), everyPartAt));
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
