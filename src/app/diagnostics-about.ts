import type { DiagnosticSubject } from "../diagnostics/subject.js";
import { subjectFinder } from "../formats/slocc-v1/subjects.js";
import type { Compilation } from "./compile.js";

/**
 * A compilation with only the diagnostics whose subject `shown` keeps: what a command that shows
 * part of the specs prints (see DiagnosticSubject for how a diagnostic's subject is found).
 */
export function diagnosticsAbout(
  compilation: Compilation,
  shown: (subject: DiagnosticSubject) => boolean,
): Compilation {
  const subjectOf = subjectFinder(compilation.files);
  return { ...compilation, diagnostics: compilation.diagnostics.filter((d) => shown(subjectOf(d))) };
}
