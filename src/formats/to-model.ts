import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../load/source-file.js";
import type { Catalog, Draft, Model, Service } from "../model/model.js";
import { resolveAcrossFiles } from "../model/resolve.js";
import { compareText } from "../util/text.js";
import { checkShape, isRecord, writtenValue } from "./shape.js";
import { catalogV1, serviceV1, SPEC_V1, templatesV1 } from "./slocc-v1/schema.js";
import { templateRegistry, templatesFromV1, type TemplateRegistry } from "./slocc-v1/templates.js";
import { catalogFromV1, serviceFromV1 } from "./slocc-v1/to-model.js";

/**
 * Reads every parsed spec file into one model draft: each file by its format and version, then
 * what crosses files (journeys' ceilings through shared catalogs). Shape problems come back as
 * diagnostics; whatever could be read is in the draft for the rules to check.
 */
export function specsToModel(files: readonly SourceFile[]): Result<Draft<Model>> {
  const diagnostics: Diagnostic[] = [];
  const services: Draft<Service>[] = [];
  const catalogs: Draft<Catalog>[] = [];
  const records = files.flatMap((file) => {
    const record = envelope(file, diagnostics);
    return record ? [{ file, record }] : [];
  });
  // Templates first: any service may use any of them.
  const templates = templatesOf(records.map(({ file }) => file));
  diagnostics.push(...templates.diagnostics);
  for (const { file, record } of records.filter(({ record }) => !("templates" in record))) {
    if ("catalog" in record) {
      const shape = checkShape(catalogV1, record, file, []);
      diagnostics.push(...shape.diagnostics);
      if (shape.value) catalogs.push(catalogFromV1(shape.file, shape.value));
      continue;
    }
    const shape = checkShape(serviceV1, record, file, []);
    diagnostics.push(...shape.diagnostics);
    if (!shape.value) continue;
    const instances = serviceFromV1(shape.file, shape.value, templates.value);
    diagnostics.push(...instances.diagnostics);
    services.push(...instances.value);
  }
  services.sort((a, b) => compareText(a.stack ?? "", b.stack ?? "") || compareText(a.at.self.file, b.at.self.file));
  return { value: resolveAcrossFiles({ services, catalogs }), diagnostics };
}

/** The templates every service can use: slocc's built-in ones and those the spec files declare. */
export function templatesOf(files: readonly SourceFile[]): Result<TemplateRegistry> {
  const diagnostics: Diagnostic[] = [];
  const declared = files.flatMap((file) => {
    if (!isRecord(file.data) || !("templates" in file.data)) return [];
    const shape = checkShape(templatesV1, file.data, file, []);
    diagnostics.push(...shape.diagnostics);
    return shape.value ? templatesFromV1(shape.file, shape.value) : [];
  });
  return { value: templateRegistry(declared, diagnostics), diagnostics };
}

/** Every spec file is one mapping with a supported apiVersion; returns it as a record. */
function envelope(file: SourceFile, diagnostics: Diagnostic[]): Record<string, unknown> | undefined {
  const data = file.data;
  if (!isRecord(data)) {
    diagnostics.push(
      diagnostic(
        "WRONG_TYPE",
        "a spec file holds one mapping with apiVersion, service, owner and slos (see docs/spec.md)",
        file.locate([]),
      ),
    );
    return undefined;
  }
  // A misspelled `apiVersion` that names this version is read as it, and reported by the shape check.
  if (writtenValue(data, "apiVersion") !== SPEC_V1) {
    const found =
      data["apiVersion"] === undefined ? "no apiVersion" : `apiVersion ${JSON.stringify(data["apiVersion"])}`;
    diagnostics.push(
      diagnostic(
        "UNSUPPORTED_VERSION",
        `found ${found}: write \`apiVersion: ${SPEC_V1}\` as the first line`,
        file.locate(data["apiVersion"] === undefined ? [] : ["apiVersion"]),
      ),
    );
    return undefined;
  }
  return data;
}
