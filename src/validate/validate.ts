import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../load/source-file.js";
import { todayUtc } from "../model/review-cadence.js";
import { SPEC_V1, type ServiceV1 } from "../spec/v1.js";
import { conflictingDependencies, validateCatalogFile, type ValidatedCatalog } from "./catalog.js";
import { reporterFor } from "./rules/report.js";
import { validateServiceFile } from "./service.js";

/** A service file that passed every check, with its typed content. */
export interface ValidatedSpec {
  readonly file: SourceFile;
  readonly spec: ServiceV1;
}

/** The files that passed and every diagnostic found, across all files at once. */
export interface ValidationResult {
  readonly specs: ValidatedSpec[];
  readonly catalogs: ValidatedCatalog[];
  readonly diagnostics: Diagnostic[];
}

/** Options of validation. */
export interface ValidateOptions {
  /** The day review deadlines are judged against (YYYY-MM-DD); today in UTC by default. */
  readonly today?: string;
}

/**
 * Checks parsed spec files against the schema and Datadog's rules; never throws for bad input.
 * Catalogs (files with `catalog:`) are read first, as every service's journeys may use them.
 */
export function validateSpecs(files: readonly SourceFile[], options: ValidateOptions = {}): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  const envelopes = files.flatMap((file) => {
    const record = checkEnvelope(file, diagnostics);
    return record ? [{ file, record }] : [];
  });
  const catalogs: ValidatedCatalog[] = [];
  for (const { file, record } of envelopes.filter(({ record }) => "catalog" in record)) {
    const sink: Diagnostic[] = [];
    const catalog = validateCatalogFile(file, record, sink);
    diagnostics.push(...sink);
    // Kept even with a bad availability, so journeys naming it are not reported as unknown too.
    if (catalog) catalogs.push({ file, catalog });
  }
  diagnostics.push(...conflictingDependencies(catalogs));
  const context = { catalogs: catalogs.map((c) => c.catalog), today: options.today ?? todayUtc() };
  const specs: ValidatedSpec[] = [];
  for (const { file, record } of envelopes.filter(({ record }) => !("catalog" in record))) {
    const sink: Diagnostic[] = [];
    const spec = validateServiceFile(file, record, context, sink);
    diagnostics.push(...sink);
    if (spec && !sink.some((d) => d.severity === "error")) specs.push({ file, spec });
  }
  diagnostics.push(...duplicateServices(files));
  return { specs, catalogs, diagnostics };
}

/** Every spec file is one mapping with a supported apiVersion; returns it as a record. */
function checkEnvelope(file: SourceFile, sink: Diagnostic[]): Record<string, unknown> | undefined {
  const report = reporterFor(file, sink);
  const data = file.data;
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    report("WRONG_TYPE", "a spec file holds one mapping with apiVersion, service, owner and slos (see docs/spec.md)", []);
    return undefined;
  }
  const record = data as Record<string, unknown>;
  if (record["apiVersion"] !== SPEC_V1) {
    const found = record["apiVersion"] === undefined ? "no apiVersion" : `apiVersion ${JSON.stringify(record["apiVersion"])}`;
    report("UNSUPPORTED_VERSION", `found ${found}: write \`apiVersion: ${SPEC_V1}\` as the first line`, record["apiVersion"] === undefined ? [] : ["apiVersion"]);
    return undefined;
  }
  return record;
}

function duplicateServices(files: readonly SourceFile[]): Diagnostic[] {
  const seen = new Map<string, SourceFile>();
  const found: Diagnostic[] = [];
  for (const file of files) {
    const name = (file.data as Record<string, unknown> | null)?.["service"];
    if (typeof name !== "string") continue;
    const first = seen.get(name);
    if (!first) seen.set(name, file);
    else found.push(diagnostic("DUPLICATE_SERVICE", `the service "${name}" is also declared in ${first.path}: keep one file per service`, file.locate(["service"])));
  }
  return found;
}
