import { z } from "zod";
import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import { resolveCorrection } from "../../model/corrections.js";
import type { Correction, Draft, Position } from "../../model/model.js";
import { correctionData } from "../slocc-v1/from-model.js";
import { correctionV1 } from "../slocc-v1/schema.js";
import { durationSeconds } from "../slocc-v1/to-model.js";
import { optional } from "../../util/optional.js";

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
  return read.data.map((correction) => {
    const { name, category, description, start, end, rrule, duration, timezone, datadogId } = correction;
    const seconds = duration === undefined ? undefined : durationSeconds(duration);
    return resolveCorrection({
      ...optional("name", name),
      scope,
      written: {
        category,
        start,
        ...optional("end", end),
        ...optional("duration", duration),
        ...optional("timezone", timezone),
        keys: Object.keys(correction),
      },
      ...optional("description", description),
      ...optional("rrule", rrule),
      ...optional("durationSeconds", seconds),
      ...optional("datadogId", datadogId),
      // The annotation is one text: every part of every correction is located at it.
      at: {
        self: at,
        name: at,
        category: at,
        description: at,
        start: at,
        end: at,
        rrule: at,
        duration: at,
        timezone: at,
        datadogId: at,
      },
    });
  });
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
