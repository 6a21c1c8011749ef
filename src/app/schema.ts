import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { specJsonSchema } from "../formats/slocc-v1/json-schema.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";

/** Where the package ships the JSON Schema of spec files, relative to its root. */
export const SCHEMA_FILE = "schema/slocc-v1.schema.json";

/** The JSON Schema of spec files, as `slocc schema` prints it and the package ships it. */
export function schemaText(): string {
  return `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
}

/**
 * The first line of a spec file written into `specDir` (relative to `cwd`, the repository), for
 * editors with the YAML language server: the schema of slocc as installed in the repository's
 * `node_modules`, by a path relative to the spec file.
 */
export function schemaModeline(specDir: string, cwd: string): string {
  const installed = resolve(cwd, "node_modules", "slocc", SCHEMA_FILE);
  const path = relative(resolve(cwd, specDir), installed).split(sep).join("/");
  return `yaml-language-server: $schema=${path}`;
}

/** `slocc schema`: prints the JSON Schema, or writes it to `out`. */
export async function runSchema(options: { readonly out?: string }, context: AppContext): Promise<ExitCode> {
  if (options.out === undefined) {
    context.stdout(schemaText());
    return EXIT.ok;
  }
  const target = resolve(context.cwd, options.out);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, schemaText());
  return EXIT.ok;
}
