import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../load/source-file.js";
import { catalogV1, type CatalogV1 } from "../spec/v1.js";
import { checkDependencies } from "./rules/journeys.js";
import { reporterFor } from "./rules/report.js";
import { checkSchema } from "./schema-issues.js";

/** A catalog file that passed its checks. */
export interface ValidatedCatalog {
  readonly file: SourceFile;
  readonly catalog: CatalogV1;
}

/** Checks a shared dependency catalog: its shape, names and availabilities. */
export function validateCatalogFile(file: SourceFile, record: Record<string, unknown>, sink: Diagnostic[]): CatalogV1 | undefined {
  const checked = checkSchema(catalogV1, record, file, []);
  sink.push(...checked.diagnostics);
  if (checked.value) checkDependencies(checked.value.dependencies, ["dependencies"], reporterFor(file, sink));
  return checked.value;
}

/** Two catalogs may list the same dependency only with the same availability. */
export function conflictingDependencies(catalogs: readonly ValidatedCatalog[]): Diagnostic[] {
  const seen = new Map<string, { availability: number; file: SourceFile }>();
  const found: Diagnostic[] = [];
  for (const { file, catalog } of catalogs) {
    for (const [name, availability] of Object.entries(catalog.dependencies)) {
      const first = seen.get(name);
      if (!first) seen.set(name, { availability, file });
      else if (first.availability !== availability) {
        found.push(diagnostic("DUPLICATE_DEPENDENCY", `"${name}" is ${first.availability} in ${first.file.path} and ${availability} here: keep one value`, file.locate(["dependencies", name], "key")));
      }
    }
  }
  return found;
}
