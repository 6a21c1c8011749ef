import type { DiagnosticSubject } from "../diagnostics/subject.js";
import { sloKey } from "../human/slo-key.js";
import { previewBySlo, type PreviewReport } from "../preview/report.js";
import { explainMarkdown, explainText } from "../render/explain.js";
import { previewMarkdown } from "../render/preview-markdown.js";
import { previewText } from "../render/preview-text.js";
import { explainModel, selectorHint, type SloExplanation } from "../views/explain.js";
import { compileDirectory, type CompileOptions } from "./compile.js";
import { diagnosticsAbout } from "./diagnostics-about.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics, printProblems } from "./print.js";
import { readPreviewFile } from "./preview-file.js";

/** Output formats of `slocc explain`. */
export type ExplainFormat = "text" | "markdown" | "json";

/** What `slocc explain` reads and how it prints. */
export interface ExplainOptions extends CompileOptions {
  readonly dir: string;
  readonly format: ExplainFormat;
  /** A report `slocc preview --format json` wrote: each SLO explained is shown as it measured it too. */
  readonly preview?: string;
}

/**
 * `slocc explain [selector]`: each SLO's error budget as time and what each alert tier means. A
 * spec with an error is reported whole, and nothing is explained; otherwise only the warnings
 * about what is shown are printed: those of the SLOs explained and of their services' own keys
 * (with no selector, every warning).
 */
export async function explainSpecs(
  selector: string | undefined,
  options: ExplainOptions,
  context: AppContext,
): Promise<ExitCode> {
  const result = await compileDirectory(options.dir, context.cwd, options);
  if (!result.value) return printDiagnostics(result, context, "text", false);
  const report = options.preview === undefined ? undefined : await readPreviewFile(options.preview, context.cwd);
  if (report !== undefined && !report.ok) return printProblems(report.problems, context);
  const explanations = explainModel(result.value.model, selector);
  if (explanations.length === 0) {
    const hint = selectorHint(result.value.model, selector ?? "");
    context.stderr(
      `slocc explain: nothing matches "${selector ?? ""}"; give a service or service/slo from ${options.dir}.${hint}\n`,
    );
    return EXIT.usage;
  }
  const shown = selector === undefined ? () => true : (subject: DiagnosticSubject) => explains(explanations, subject);
  printDiagnostics(diagnosticsAbout(result, shown), context, "text", false);
  context.stdout(`${render(explanations, options.format, report?.value)}\n`);
  return EXIT.ok;
}

/** Whether a diagnostic's subject is among the SLOs explained, or their services' own keys. */
function explains(explanations: readonly SloExplanation[], subject: DiagnosticSubject): boolean {
  return explanations.some(
    (explanation) =>
      subject.stacks.includes(explanation.service) && (subject.slo === undefined || subject.slo === explanation.slo),
  );
}

/**
 * The explanations in the form asked; with a preview report, each SLO as it measured them too (in
 * JSON, as the explanation's `measured`, null for an SLO the report does not hold).
 */
function render(
  explanations: readonly SloExplanation[],
  format: ExplainFormat,
  report: PreviewReport | undefined,
): string {
  const bySlo = previewBySlo(report);
  const measured = (e: SloExplanation) => bySlo.get(sloKey(e.service, e.slo)) ?? null;
  if (format === "json")
    return JSON.stringify(
      { slos: report === undefined ? explanations : explanations.map((e) => ({ ...e, measured: measured(e) })) },
      null,
      2,
    );
  const text = format === "markdown" ? explainMarkdown(explanations) : explainText(explanations);
  if (report === undefined) return text;
  const shown = { ...report, slos: explanations.flatMap((e) => measured(e) ?? []) };
  const missing = explanations.filter((e) => measured(e) === null).map((e) => sloKey(e.service, e.slo));
  const measurements = format === "markdown" ? previewMarkdown(shown) : previewText(shown, false);
  const absent = missing.length === 0 ? "" : `\n\nNot in the preview report: ${missing.join(", ")}.`;
  return `${text}\n\n${measurements}${absent}`;
}
