import { loadSpecs } from "../load/load-specs.js";
import { readSpecDirectory } from "../load/read-directory.js";
import { templatesOf } from "../formats/to-model.js";
import type { TemplateEntry } from "../views/templates.js";
import { sortDiagnostics, uniqueDiagnostics, type Result } from "../diagnostics/diagnostic.js";
import { templatesJson, templatesText } from "../render/templates.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printDiagnostics } from "./print.js";
import { optional } from "../util/optional.js";

/** The SLI templates a spec directory can use, and the diagnostics of reading them. */
export interface TemplateListing extends Result<readonly TemplateEntry[]> {
  readonly sources: ReadonlyMap<string, string>;
}

/** Lists slocc's built-in templates and those the spec files in `dir` declare, by name. */
export async function listTemplates(dir: string, cwd: string): Promise<TemplateListing> {
  const read = await readSpecDirectory(dir, cwd);
  const loaded = loadSpecs(read.value);
  const templates = templatesOf(loaded.value.files);
  return {
    value: [...templates.value.values()].map((template) => ({
      name: template.name,
      params: template.params,
      from: template.declared ? `${template.declared.at.file}:${template.declared.at.line}` : "built-in",
      ...optional("description", template.description),
      sli: template.sli,
    })),
    diagnostics: sortDiagnostics(
      uniqueDiagnostics([...read.diagnostics, ...loaded.diagnostics, ...templates.diagnostics]),
    ),
    sources: loaded.value.sources,
  };
}

/** `slocc templates`: prints the templates a spec directory can use, as text or JSON. */
export async function runTemplates(
  options: { readonly dir: string; readonly format: "text" | "json" },
  context: AppContext,
): Promise<ExitCode> {
  const listing = await listTemplates(options.dir, context.cwd);
  if (printDiagnostics(listing, context, "text", false) !== EXIT.ok) return EXIT.failure;
  context.stdout(`${options.format === "json" ? templatesJson(listing.value) : templatesText(listing.value)}\n`);
  return EXIT.ok;
}
