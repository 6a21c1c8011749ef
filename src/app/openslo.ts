import { sortDiagnostics, type Result } from "../diagnostics/diagnostic.js";
import { loadDocumentStreams } from "../load/load-specs.js";
import type { SpecInput } from "../load/read-directory.js";
import { readSpecPaths } from "../load/read-paths.js";
import type { Model } from "../model/model.js";
import { openSloYaml, serviceToOpenSlo, type ExportNote } from "../formats/openslo-v1/from-model.js";
import { openSloToModel, type OpenSloImportOptions } from "../formats/openslo-v1/to-model.js";
import { serviceToV1 } from "../formats/slocc-v1/from-model.js";
import { writeServiceV1 } from "../formats/slocc-v1/writer.js";
import { compareText, plural } from "../util/text.js";
import { checkAndComplete, compileDirectory, compileInputs, type CompileOptions } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { writeOutputFiles, type OutputFile } from "./output-files.js";
import { printDiagnostics } from "./print.js";
import type { SpecSource } from "./synth.js";

/** slocc specs converted from another format, and the model they describe. */
export interface Converted {
  readonly model: Model;
  /** One spec file per service, named `<service>.yaml`. */
  readonly files: readonly OutputFile[];
  /** What was read, by kind (`3 SLO`), in the format's order of kinds. */
  readonly read: readonly { readonly kind: string; readonly count: number }[];
}

/** The outcome of a conversion: every diagnostic, and the specs only when none is an error. */
export interface Conversion extends Result<Converted | undefined> {
  /** Input texts by displayed path, for showing source lines under diagnostics. */
  readonly sources: ReadonlyMap<string, string>;
}

/** Options of an OpenSLO import. */
export interface ImportOptions extends OpenSloImportOptions, CompileOptions {}

/**
 * Converts OpenSLO documents into slocc specs, one per service: reads every object, resolves the
 * references between them, refuses what Datadog cannot hold, then runs every rule slocc runs on
 * its own specs, with the OpenSLO files' positions. Pure: no file system.
 */
export function importOpenSloInputs(inputs: readonly SpecInput[], options: ImportOptions = {}): Conversion {
  const loaded = loadDocumentStreams([...inputs].sort((a, b) => compareText(a.path, b.path)));
  const mapped = openSloToModel(loaded.value.files, options);
  const { value: model, diagnostics } = checkAndComplete(
    mapped.value.model,
    [...loaded.diagnostics, ...mapped.diagnostics],
    options,
  );
  const sources = loaded.value.sources;
  if (!model) return { value: undefined, diagnostics, sources };
  const files = model.services.map((service) => ({
    name: `${service.name}.yaml`,
    text: writeServiceV1(serviceToV1(service), mapped.value.comments.get(service.name)),
  }));
  assertCompiles(files, options);
  return { value: { model, files, read: mapped.value.objectsRead }, diagnostics, sources };
}

/** A spec slocc writes must compile: one that does not is a defect of the writer, never the user's. */
function assertCompiles(files: readonly OutputFile[], options: CompileOptions): void {
  const encoder = new TextEncoder();
  const compiled = compileInputs(
    files.map((file) => ({ path: file.name, bytes: encoder.encode(file.text) })),
    options,
  );
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) {
    const [first] = errors;
    throw new Error(
      `a written spec does not compile: ${first?.code} at ${first?.file}:${first?.line}:${first?.column}`,
    );
  }
}

/** Where an import writes, and how. */
export interface ImportRun extends ImportOptions {
  readonly out: string;
  readonly force: boolean;
  readonly strict: boolean;
}

/**
 * `slocc import openslo`: reads the OpenSLO files and directories named, prints every diagnostic,
 * and writes the specs only when there is no error (nor, with `strict`, a warning) and no spec
 * would be overwritten without `force`.
 */
export async function importOpenSlo(paths: readonly string[], run: ImportRun, context: AppContext): Promise<ExitCode> {
  const read = await readSpecPaths(paths, context.cwd);
  const converted = importOpenSloInputs(read.value, run);
  const result: Conversion = {
    ...converted,
    ...(read.diagnostics.length === 0 ? {} : { value: undefined }),
    diagnostics: sortDiagnostics([...read.diagnostics, ...converted.diagnostics]),
  };
  if (printDiagnostics(result, context, "text", run.strict) !== EXIT.ok || !result.value) return EXIT.failure;
  const { files, model, read: kinds } = result.value;
  if (files.length === 0) {
    const found =
      kinds
        .map(({ kind, count }) => (count === 1 ? `1 ${kind}` : `${count} ${kind.replace(/y$/, "ie")}s`))
        .join(", ") || "no object";
    context.stdout(`no SLO in the files read (${found}): nothing to write\n`);
    return EXIT.ok;
  }
  const written = await writeOutputFiles(files, run.out, context, run.force);
  if (!written) return EXIT.failure;
  const lines = model.services.map(
    (service, index) =>
      `  ${written[index] ?? ""}: ${service.name}, owner ${service.owner}, ${plural(service.slos.length, "SLO")}`,
  );
  context.stdout(`wrote ${plural(written.length, "spec")} to ${run.out}\n${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** The OpenSLO documents of a model, one file per service, and what they could not hold. */
export interface OpenSloExportResult {
  readonly files: readonly OutputFile[];
  /** By service, in the order of the files. */
  readonly notes: readonly { readonly service: string; readonly notes: readonly ExportNote[] }[];
}

/** Writes every service of a model as `openslo/v1` documents. Pure. */
export function exportOpenSloModel(model: Model): OpenSloExportResult {
  const exported = model.services.map((service) => ({ service, ...serviceToOpenSlo(service) }));
  return {
    files: exported.map(({ service, documents }) => ({
      name: `${service.stack}.yaml`,
      text: openSloYaml(documents, [
        `OpenSLO v1 documents of the service "${service.stack}", written by \`slocc export openslo\` from ${service.at.self.file}.`,
        "Annotations under slocc/ keep what OpenSLO has no field for; see docs/openslo.md in slocc.",
      ]),
    })),
    notes: exported.map(({ service, notes }) => ({ service: service.stack, notes })),
  };
}

/** Where an export writes, and how. */
export interface ExportRun {
  readonly out: string;
  readonly force: boolean;
  readonly strict: boolean;
}

/**
 * `slocc export openslo`: compiles the specs and, when they have no error, writes each service as
 * OpenSLO documents, then says per service and SLO what OpenSLO could not hold.
 */
export async function exportOpenSlo(source: SpecSource, run: ExportRun, context: AppContext): Promise<ExitCode> {
  const compiled = await compileDirectory(source.dir, context.cwd, source);
  if (printDiagnostics(compiled, context, "text", run.strict) !== EXIT.ok || !compiled.value) return EXIT.failure;
  const exported = exportOpenSloModel(compiled.value.model);
  const written = await writeOutputFiles(exported.files, run.out, context, run.force);
  if (!written) return EXIT.failure;
  const lines = exported.notes.flatMap(({ service, notes }, index) => [
    `  ${written[index] ?? ""}: ${service}`,
    ...notes.map((note) => `    ${note.slo === undefined ? service : `${service}/${note.slo}`}: ${note.text}`),
  ]);
  context.stdout(`wrote ${plural(written.length, "OpenSLO file")} to ${run.out}\n${lines.join("\n")}\n`);
  return EXIT.ok;
}
