import { formatTable } from "../human/table.js";
import type { TemplateEntry } from "../views/templates.js";

/** SLI templates as a table: name, parameters, where declared, and what each measures. */
export function templatesText(templates: readonly TemplateEntry[]): string {
  const rows = templates.map((t) => [t.name, t.params.join(", ") || "-", t.from, t.description ?? ""]);
  return formatTable([["template", "params", "from", "description"], ...rows]);
}

/** SLI templates as JSON: `{"templates": [{name, params, from, description, sli}]}`. */
export function templatesJson(templates: readonly TemplateEntry[]): string {
  return JSON.stringify({ templates }, null, 2);
}
