import type { DiagnosticSubject } from "../diagnostics/subject.js";
import { explainMarkdown, explainText } from "../render/explain.js";
import { explainModel, selectorHint, type SloExplanation } from "../views/explain.js";
import { compileDirectory, type CompileOptions } from "./compile.js";
import { diagnosticsAbout } from "./diagnostics-about.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics } from "./print.js";

/** Output formats of `slocc explain`. */
export type ExplainFormat = "text" | "markdown" | "json";

/** What `slocc explain` reads and how it prints. */
export interface ExplainOptions extends CompileOptions {
  readonly dir: string;
  readonly format: ExplainFormat;
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
  context.stdout(`${render(explanations, options.format)}\n`);
  return EXIT.ok;
}

/** Whether a diagnostic's subject is among the SLOs explained, or their services' own keys. */
function explains(explanations: readonly SloExplanation[], subject: DiagnosticSubject): boolean {
  return explanations.some(
    (explanation) =>
      subject.stacks.includes(explanation.service) && (subject.slo === undefined || subject.slo === explanation.slo),
  );
}

function render(explanations: readonly SloExplanation[], format: ExplainFormat): string {
  if (format === "json") return JSON.stringify({ slos: explanations }, null, 2);
  return format === "markdown" ? explainMarkdown(explanations) : explainText(explanations);
}
