import { z } from "zod";
import { catalogV1, serviceV1, SPEC_V1, templatesV1 } from "./schema.js";

const DIALECT = "https://json-schema.org/draft/2020-12/schema";

/**
 * The JSON Schema (draft 2020-12) of a `slocc/v1` file, generated from the zod schemas that check
 * specs, so the two never drift: a service file, a catalog file when it has `catalog`, or a file of
 * SLI templates when it has `templates`. Field
 * descriptions come from the schemas' own; patterns are those of their refinements. What the
 * rules judge (names, ranges, references) is left to `slocc validate`.
 */
export function specJsonSchema(): Record<string, unknown> {
  return {
    $schema: DIALECT,
    title: `slocc spec file (${SPEC_V1})`,
    description: "A service and its SLOs, a catalog of dependencies, or SLI templates (see docs/spec.md).",
    if: { type: "object", properties: { catalog: { description: "a catalog file has it" } }, required: ["catalog"] },
    then: { $ref: "#/$defs/catalog" },
    else: {
      if: {
        type: "object",
        properties: { templates: { description: "a templates file has it" } },
        required: ["templates"],
      },
      then: { $ref: "#/$defs/templates" },
      else: { $ref: "#/$defs/service" },
    },
    $defs: { service: definition(serviceV1), catalog: definition(catalogV1), templates: definition(templatesV1) },
  };
}

/** A schema's JSON Schema without its own dialect line, to sit under `$defs`. */
function definition(schema: z.ZodType): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "input" });
  if ($schema !== DIALECT) throw new Error(`zod wrote JSON Schema ${String($schema)}, not draft 2020-12`);
  if (JSON.stringify(rest).includes('"$ref"'))
    throw new Error("a definition refers to another: nesting it under $defs would break the reference");
  return rest;
}
