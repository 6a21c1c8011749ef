import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../load/source-file.js";
import { baseTags, mergeTags } from "../model/slo-tags.js";
import { serviceV1, sloV1, SPEC_V1, type NotifyV1, type ServiceV1, type SloV1 } from "../spec/v1.js";
import { checkAlerts, checkHandles } from "./rules/alerts.js";
import { checkObjectives } from "./rules/objectives.js";
import { checkRenames } from "./rules/renames.js";
import { reporterFor, type Report } from "./rules/report.js";
import { checkSli } from "./rules/sli.js";
import { checkTagCount, checkTagSpelling } from "./rules/tags.js";
import { checkSchema } from "./schema-issues.js";

/** A spec file that passed every check, with its typed content. */
export interface ValidatedSpec {
  readonly file: SourceFile;
  readonly spec: ServiceV1;
}

/** The specs that passed and every diagnostic found, across all files at once. */
export interface ValidationResult {
  readonly specs: ValidatedSpec[];
  readonly diagnostics: Diagnostic[];
}

/** Checks parsed spec files against the schema and Datadog's rules; never throws for bad input. */
export function validateSpecs(files: readonly SourceFile[]): ValidationResult {
  const specs: ValidatedSpec[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const fileDiagnostics: Diagnostic[] = [];
    const spec = validateFile(file, fileDiagnostics);
    diagnostics.push(...fileDiagnostics);
    if (spec && !fileDiagnostics.some((d) => d.severity === "error")) specs.push({ file, spec });
  }
  diagnostics.push(...duplicateServices(files));
  return { specs, diagnostics };
}

function validateFile(file: SourceFile, sink: Diagnostic[]): ServiceV1 | undefined {
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
  const header = checkSchema(serviceV1, data, file, []);
  sink.push(...header.diagnostics);
  const rawSlos = Array.isArray(record["slos"]) ? (record["slos"] as unknown[]) : [];
  const slos = rawSlos.map((raw, index) => {
    const checked = checkSchema(sloV1, raw, file, ["slos", index]);
    sink.push(...checked.diagnostics);
    if (checked.value) checkSlo(checked.value, index, header.value?.notify, report);
    return checked.value;
  });
  checkSloNamesUnique(rawSlos, report);
  checkTagSpelling(header.value?.tags, ["tags"], report);
  checkHandles(header.value?.notify, ["notify"], report);
  if (!header.value || slos.some((slo) => slo === undefined)) return undefined;
  const service = header.value;
  const valid = slos as SloV1[];
  checkRenames(valid, report);
  valid.forEach((slo, index) => {
    checkTagCount(mergeTags(baseTags(service.service, service.owner, slo.name), service.tags ?? [], slo.tags ?? []), ["slos", index, "name"], report);
  });
  return { ...service, slos: valid };
}

function checkSlo(slo: SloV1, index: number, serviceNotify: NotifyV1 | undefined, report: Report): void {
  const path = ["slos", index];
  checkSli(slo.sli, [...path, "sli"], report);
  checkObjectives(slo, path, report);
  checkTagSpelling(slo.tags, [...path, "tags"], report);
  checkAlerts(slo, path, serviceNotify, report);
}

function checkSloNamesUnique(rawSlos: readonly unknown[], report: Report): void {
  const seen = new Map<string, number>();
  rawSlos.forEach((raw, index) => {
    const name = (raw as { name?: unknown } | null)?.name;
    if (typeof name !== "string") return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, index);
    else report("DUPLICATE_SLO", `the SLO name "${name}" is already used by slos[${first}]: SLO names are their identity in Datadog, make this one unique`, ["slos", index, "name"]);
  });
}

function duplicateServices(files: readonly SourceFile[]): Diagnostic[] {
  const seen = new Map<string, SourceFile>();
  const found: Diagnostic[] = [];
  for (const file of files) {
    const name = (file.data as { service?: unknown } | null)?.service;
    if (typeof name !== "string") continue;
    const first = seen.get(name);
    if (!first) seen.set(name, file);
    else {
      found.push(
        diagnostic("DUPLICATE_SERVICE", `the service "${name}" is also declared in ${first.path}: keep one file per service`, file.locate(["service"])),
      );
    }
  }
  return found;
}
