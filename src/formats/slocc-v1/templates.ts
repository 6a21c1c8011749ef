import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { DataPath, SourceFile } from "../../load/source-file.js";
import type { Position } from "../../model/model.js";
import builtIn from "../../builtin/sli-templates.json";
import { closestMatch, didYouMean } from "../../util/suggest.js";
import { compareText } from "../../util/text.js";
import { checkShape, type Salvaged } from "../shape.js";
import { Origin, type Sourced } from "../origin.js";
import { fillData, fillText, type Filling, type KnownVariables } from "./placeholders.js";
import { sliBodyV1, type SliBodyV1, type SliV1, type TemplatesV1 } from "./schema.js";
import { optional } from "../../util/optional.js";

/** A named SLI with parameters: one of slocc's built-in templates, or one a spec file declares. */
export interface SliTemplate {
  readonly name: string;
  readonly description?: string;
  readonly params: readonly string[];
  /** The SLI as written, placeholders unfilled. */
  readonly sli: unknown;
  /** Where the template was declared; absent for the built-in ones. */
  readonly declared?: { readonly file: SourceFile; readonly at: Position };
}

/** Every template by name: the built-in ones, replaced by user templates of the same name. */
export type TemplateRegistry = ReadonlyMap<string, SliTemplate>;

/** slocc's built-in templates, from the table in src/builtin. */
export function builtInTemplates(): SliTemplate[] {
  return Object.entries(builtIn.templates).map(([name, template]) => ({
    name,
    description: template.description,
    params: template.params,
    sli: template.sli,
  }));
}

/** The templates a templates file declares. */
export function templatesFromV1(file: SourceFile, data: Salvaged<TemplatesV1>): SliTemplate[] {
  return Object.entries(data.templates ?? {}).flatMap(([name, template]) =>
    template?.sli === undefined
      ? []
      : [
          {
            name,
            ...optional("description", template.description),
            params: (template.params ?? []).flatMap((param) => (param === undefined ? [] : [param])),
            sli: template.sli,
            declared: { file, at: file.locate(["templates", name], "key") },
          },
        ],
  );
}

/**
 * The registry of templates: a name declared in two files is an error at the second; a user
 * template named like a built-in one replaces it, with a warning.
 */
export function templateRegistry(declared: readonly SliTemplate[], diagnostics: Diagnostic[]): TemplateRegistry {
  const registry = new Map(builtInTemplates().map((template) => [template.name, template]));
  for (const template of declared) {
    const previous = registry.get(template.name);
    const at = template.declared?.at;
    if (previous?.declared && at) {
      const first = previous.declared.at;
      diagnostics.push(
        diagnostic(
          "DUPLICATE_TEMPLATE",
          `the template "${template.name}" is also declared at ${first.file}:${first.line}: keep one`,
          at,
        ),
      );
      continue;
    }
    if (previous && at) {
      diagnostics.push(
        diagnostic(
          "TEMPLATE_SHADOWS_BUILTIN",
          `this template replaces slocc's built-in template "${template.name}": rename it to use both`,
          at,
        ),
      );
    }
    registry.set(template.name, template);
  }
  return new Map([...registry].sort(([a], [b]) => compareText(a, b)));
}

/** A template use: the SLO's `sli` with `template` and `params`, where it is written. */
export type TemplateUse = Sourced<Salvaged<SliV1>>;

/** The SLI a template use stands for: filled, shape-checked, and where its parts were written. */
export interface ExpandedTemplate extends Sourced<Salvaged<SliBodyV1> | undefined> {
  readonly name: string;
  /** Where the SLO names the template. */
  readonly usedAt: Position;
}

/** Characters a parameter value may not hold: they would end the tag scope or the query text they go in. */
const UNSAFE_VALUE = /[{}"'\\\n]/;

/**
 * Expands a template use: the template named, its parameters given exactly (a misspelled one is
 * named with the one it was meant to be), each value safe to put in a query, placeholders filled
 * from the parameters and the environment's variables, then the SLI's shape checked. Problems
 * inside the template point at the template and name the use.
 */
export function expandTemplate(
  use: TemplateUse,
  registry: TemplateRegistry,
  variables: ReadonlyMap<string, string | number>,
  known: KnownVariables,
  diagnostics: Diagnostic[],
): ExpandedTemplate | undefined {
  const { data, path, origin } = use;
  const name = data.template;
  if (name === undefined) return undefined;
  const usedAt = origin.at([...path, "template"]);
  const template = registry.get(name);
  if (!template) {
    diagnostics.push(
      diagnostic(
        "UNKNOWN_TEMPLATE",
        `no SLI template "${name}": run \`slocc templates\` to list them.${didYouMean(name, registry.keys())}`,
        usedAt,
      ),
    );
    return undefined;
  }
  const params = paramValues(use, template, variables, known, diagnostics);
  const suffix = ` (template "${name}", used at ${usedAt.file}:${usedAt.line}:${usedAt.column})`;
  const templateFile = template.declared?.file ?? builtInFile(template, usedAt);
  const templateOrigin = new Origin(templateFile);
  const templatePath: DataPath = ["templates", name, "sli"];
  const values = new Map([...variables, ...params]);
  const filled = fillData(template.sli, templatePath, {
    values,
    unknown: (placeholder, written, at) => {
      // A parameter without a value is reported once, at the use.
      if (template.params.includes(placeholder)) return;
      diagnostics.push(
        diagnostic(
          "UNKNOWN_PLACEHOLDER",
          `no parameter or variable "${placeholder}" for this template: its parameters are ${template.params.join(", ") || "none"}, and ${known.described}.${didYouMean(placeholder, [...template.params, ...known.names])}${suffix}`,
          templateOrigin.within(at, written),
        ),
      );
    },
  });
  const checked = checkShape(sliBodyV1, filled, templateFile, templatePath);
  diagnostics.push(
    ...checked.diagnostics.map((d) => (template.declared ? { ...d, message: `${d.message}${suffix}` } : d)),
  );
  return { name, usedAt, data: checked.value, path: templatePath, origin: new Origin(checked.file) };
}

/** The values of a use's parameters, with the environment's variables filled in; problems reported at the use. */
function paramValues(
  use: TemplateUse,
  template: SliTemplate,
  variables: ReadonlyMap<string, string | number>,
  known: KnownVariables,
  diagnostics: Diagnostic[],
): Map<string, string | number> {
  const { data, path, origin } = use;
  const given = Object.entries(data.params ?? {}).flatMap(([key, value]) =>
    value === undefined ? [] : [[key, value] as const],
  );
  const givenNames = given.map(([key]) => key);
  const missing = template.params.filter((param) => !givenNames.includes(param));
  const meant = new Set<string>();
  for (const [key] of given.filter(([key]) => !template.params.includes(key))) {
    const closest = closestMatch(key, missing);
    if (closest !== undefined) meant.add(closest);
    diagnostics.push(
      diagnostic(
        "TEMPLATE_PARAMS",
        `the template "${template.name}" has no parameter "${key}": its parameters are ${template.params.join(", ") || "none"}.${didYouMean(key, missing)}`,
        origin.at([...path, "params", key], "key"),
      ),
    );
  }
  for (const param of missing.filter((param) => !meant.has(param))) {
    diagnostics.push(
      diagnostic(
        "TEMPLATE_PARAMS",
        `the template "${template.name}" needs the parameter "${param}": add it under \`params\``,
        origin.at(data.params === undefined ? [...path, "template"] : [...path, "params"]),
      ),
    );
  }
  const values = new Map<string, string | number>();
  for (const [key, value] of given) {
    const valuePath = [...path, "params", key];
    const filling: Filling = {
      values: variables,
      unknown: (name, written) => {
        diagnostics.push(
          diagnostic(
            "UNKNOWN_PLACEHOLDER",
            `no variable "${name}" to fill this parameter: ${known.described}.${didYouMean(name, known.names)}`,
            origin.within(valuePath, written),
          ),
        );
      },
    };
    const filled = typeof value === "string" ? fillText(value, valuePath, filling) : value;
    if (typeof filled === "string" && UNSAFE_VALUE.test(filled)) {
      diagnostics.push(
        diagnostic(
          "UNSAFE_PARAM_VALUE",
          `${JSON.stringify(filled)} would break the query it goes in: a parameter value holds no braces, quotes, backslashes or line breaks`,
          origin.at(valuePath),
        ),
      );
      continue;
    }
    values.set(key, filled);
  }
  return values;
}

/** A stand-in file for a built-in template: its SLI as data, and every position at the use. */
function builtInFile(template: SliTemplate, usedAt: Position): SourceFile {
  return {
    path: usedAt.file,
    text: "",
    data: { templates: { [template.name]: { sli: template.sli } } },
    positions: {},
    locate: () => usedAt,
  };
}
