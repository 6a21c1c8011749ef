import { join, resolve } from "node:path";
import type { AdoptedFile, ImportReport, Refusal } from "../adopt/report.js";
import { sloAlertsBySlo } from "../adopt/alerts.js";
import { groupServices, nameSlos, serviceDocument, type AdoptedService } from "../adopt/services.js";
import { adoptSlo, type AdoptedSlo, type AdoptionOptions } from "../adopt/slo.js";
import { datadogAccess } from "../datadog-api/access.js";
import { DatadogClient, type ClientOptions, type SloFilters } from "../datadog-api/client.js";
import {
  correctionShape,
  monitorShape,
  objectId,
  readObject,
  sloShape,
  type DatadogCorrection,
} from "../datadog-api/responses.js";
import { failsRun } from "../diagnostics/diagnostic.js";
import { problemsText, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { loadSpecs } from "../load/load-specs.js";
import { readSpecDirectory } from "../load/read-directory.js";
import { renderDiagnosticsText } from "../render/diagnostics.js";
import { renderImportReport } from "../render/import-report.js";
import { specsToModel } from "../formats/to-model.js";
import { writeServiceV1 } from "../formats/slocc-v1/writer.js";
import { compareText } from "../util/text.js";
import { compileInputs } from "./compile.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { printProblems } from "./print.js";
import { fileExists, writeOutputFiles, type OutputFile } from "./output-files.js";
import { schemaModeline } from "./schema.js";

/** What to import, where to write it, and what to use where the SLOs' tags say nothing. */
export interface ImportOptions extends AdoptionOptions, SloFilters {
  /** The spec directory the files are written to. */
  readonly out: string;
}

/** What the specs already in the directory hold, so an import never declares anything twice. */
interface Existing {
  /** Service name -> its file. */
  readonly services: ReadonlyMap<string, string>;
  /** Adopted SLO id -> the file adopting it. */
  readonly sloIds: ReadonlyMap<string, string>;
}

const encoder = new TextEncoder();

/**
 * `slocc import datadog`: reads the SLOs (filtered) and the `slo alert` monitors that watch them
 * from the Datadog API, maps them to spec files (one per service, never overwriting a file), each
 * checked by the compiler before it is written, and prints the report. Any failed request is one
 * line on stderr and exit code 1; keys never appear in output or files.
 */
export async function importFromDatadog(
  options: ImportOptions,
  context: AppContext,
  clientOptions: ClientOptions = {},
): Promise<ExitCode> {
  const found = datadogAccess(context.env);
  if (!found.ok) return printProblems(found.problems, context);
  const access = found.value;
  const client = new DatadogClient(access, clientOptions);
  const existing = await existingSpecs(options.out, context.cwd);
  const reading = await readDatadog(client, options, existing);
  if (!reading.ok) return printProblems(reading.problems, context);
  const read = reading.value;
  const grouped = groupServices(read.adopted, options);
  const refusals = [...read.refusals, ...grouped.refusals];
  const files: SpecFile[] = [];
  for (const service of grouped.services) {
    const file = await specFile(service, existing, options.out, context.cwd, refusals);
    if (file) files.push(file);
  }
  // Each SLO compiled alone; together they must too, or nothing is written.
  const together = compileInputs(files.map((file) => ({ path: file.path, bytes: encoder.encode(file.text) })));
  if (failsRun(together.diagnostics)) {
    context.stderr(`${renderDiagnosticsText(together.diagnostics, { color: false, sources: together.sources })}\n`);
    context.stderr("slocc: the imported specs do not compile together; nothing was written\n");
    return EXIT.failure;
  }
  if (files.length > 0 && !(await writeOutputFiles(files, options.out, context, false))) return EXIT.failure;
  const report: ImportReport = {
    site: access.baseUrl,
    listed: read.listed,
    files: files.map(({ path, adopted }) => ({ path, ...adopted })),
    refusals: refusals.sort(
      (a, b) =>
        compareText(a.sloId, b.sloId) ||
        (a.monitorId ?? 0) - (b.monitorId ?? 0) ||
        compareText(a.correctionId ?? "", b.correctionId ?? ""),
    ),
    alreadyAdopted: read.alreadyAdopted,
  };
  context.stdout(renderImportReport(report));
  return EXIT.ok;
}

/** A spec file to write (its name in the spec directory, and its text): its path as reported, and what it adopts. */
interface SpecFile extends OutputFile {
  readonly path: string;
  readonly adopted: Omit<AdoptedFile, "path">;
}

/**
 * The file of a service: its SLOs that compile, each alone, with their corrections that compile
 * with them, each alone; none when no SLO does, or when the service already has a file. The SLOs
 * kept are named only then, so a refused SLO never makes another's name take a number. What is
 * left out joins `refusals`, with the reason.
 */
async function specFile(
  service: AdoptedService,
  existing: Existing,
  out: string,
  cwd: string,
  refusals: Refusal[],
): Promise<SpecFile | undefined> {
  const name = `${service.service}.yaml`;
  const path = join(out, name).split("\\").join("/");
  const declared = existing.services.get(service.service);
  if (declared !== undefined || (await fileExists(resolve(cwd, path)))) {
    const reason = `service ${service.service} is already in ${declared ?? path}: add the SLO there by hand, or import into another --out`;
    refusals.push(...service.slos.map((slo) => ({ sloId: slo.id, sloName: slo.datadogName, reason })));
    return undefined;
  }
  const accepted = service.slos.flatMap((slo) => {
    const { corrections, ...rest } = slo.spec;
    const alone = { ...slo, spec: rest };
    const problems = compileProblems(path, service, alone);
    if (problems) {
      refusals.push({ sloId: slo.id, sloName: slo.datadogName, reason: problems });
      return [];
    }
    const kept = (corrections ?? []).filter((correction) => {
      const refused = compileProblems(path, service, { ...slo, spec: { ...rest, corrections: [correction] } });
      if (refused)
        refusals.push({
          sloId: slo.id,
          sloName: slo.datadogName,
          correctionId: correction.datadogId ?? "",
          reason: refused,
        });
      return refused === undefined;
    });
    return [kept.length > 0 ? { ...slo, spec: { ...rest, corrections: kept } } : alone];
  });
  if (accepted.length === 0) return undefined;
  const slos = nameSlos({ ...service, slos: accepted });
  const adopted = { service: service.service, owner: service.owner, slos };
  return { name, path, adopted, text: fileText(path, adopted, cwd) };
}

/** What the API holds, read and mapped SLO by SLO. */
interface DatadogRead {
  /** How many SLOs the list gave. */
  readonly listed: number;
  readonly adopted: readonly AdoptedSlo[];
  readonly refusals: readonly Refusal[];
  readonly alreadyAdopted: readonly { readonly sloId: string; readonly file: string }[];
}

/**
 * Lists the SLOs and the monitors, then reads each SLO on its own for the ids of the alerts on it;
 * an alert id the monitor list did not hold is read by id.
 */
async function readDatadog(
  client: DatadogClient,
  options: ImportOptions,
  existing: Existing,
): Promise<Outcome<DatadogRead>> {
  const listed = await client.listSlos(options);
  if (!listed.ok) return listed;
  const monitorList = await client.listMonitors();
  if (!monitorList.ok) return monitorList;
  const corrections = await client.listCorrections();
  if (!corrections.ok) return corrections;
  const alertsBySlo = sloAlertsBySlo(
    monitorList.value.flatMap((raw) => {
      const read = readObject(monitorShape, raw);
      return read.ok ? [read.value] : [];
    }),
  );
  const adopted: AdoptedSlo[] = [];
  const refusals: Refusal[] = [];
  const correctionsBySlo = bySlo(corrections.value, refusals);
  const alreadyAdopted: { sloId: string; file: string }[] = [];
  for (const raw of listed.value) {
    const summary = readObject(sloShape, raw);
    if (!summary.ok) {
      refusals.push({ sloId: objectId(raw) ?? "(no id)", reason: problemsText(summary.problems) });
      continue;
    }
    const id = summary.value.id;
    const file = existing.sloIds.get(id);
    if (file !== undefined) {
      alreadyAdopted.push({ sloId: id, file });
      continue;
    }
    const answer = await client.getSlo(id);
    if (!answer.ok) return answer;
    const detail = readObject(sloShape, answer.value);
    if (!detail.ok) {
      refusals.push({ sloId: id, sloName: summary.value.name, reason: problemsText(detail.problems) });
      continue;
    }
    const alerts = [...(alertsBySlo.get(id) ?? [])];
    for (const alertId of detail.value.configured_alert_ids ?? []) {
      if (alerts.some((alert) => alert.id === alertId)) continue;
      const fetched = await client.getMonitor(alertId);
      if (!fetched.ok) return fetched;
      const monitor = readObject(monitorShape, fetched.value);
      if (monitor.ok) alerts.push(monitor.value);
      else
        refusals.push({
          sloId: id,
          sloName: summary.value.name,
          monitorId: alertId,
          reason: problemsText(monitor.problems),
        });
    }
    const result = adoptSlo(detail.value, alerts, correctionsBySlo.get(id) ?? [], options);
    if (result.adopted) adopted.push(result.adopted);
    refusals.push(...result.refusals);
  }
  return succeeded({ listed: listed.value.length, adopted, refusals, alreadyAdopted });
}

/**
 * The corrections listed, by the SLO they correct. One that applies to an SLO query (no `slo_id`)
 * belongs to no SLO slocc adopts; one of an unexpected shape is refused under its SLO.
 */
function bySlo(listed: readonly unknown[], refusals: Refusal[]): Map<string, DatadogCorrection[]> {
  const corrections = new Map<string, DatadogCorrection[]>();
  for (const raw of listed) {
    const read = readObject(correctionShape, raw);
    if (read.ok) {
      const sloId = read.value.attributes.slo_id;
      if (sloId) corrections.set(sloId, [...(corrections.get(sloId) ?? []), read.value]);
      continue;
    }
    const sloId = (raw as { attributes?: { slo_id?: unknown } } | null)?.attributes?.slo_id;
    if (typeof sloId === "string")
      refusals.push({ sloId, correctionId: objectId(raw) ?? "(no id)", reason: problemsText(read.problems) });
  }
  return corrections;
}

/** The error diagnostics of a service spec holding this SLO alone, as one line, or undefined when it compiles. */
function compileProblems(path: string, service: AdoptedService, slo: AdoptedSlo): string | undefined {
  const text = writeServiceV1(
    serviceDocument(service.service, service.owner, [{ slo, name: slo.spec.name, changes: [] }]),
  );
  const compiled = compileInputs([{ path, bytes: encoder.encode(text) }]);
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  return errors.length === 0
    ? undefined
    : `slocc would refuse it: ${errors.map((error) => `${error.code}: ${error.message}`).join("; ")}`;
}

function fileText(path: string, adopted: SpecFile["adopted"], cwd: string): string {
  const specDir = join(path, "..");
  return writeServiceV1(serviceDocument(adopted.service, adopted.owner, adopted.slos), {
    service: [
      schemaModeline(specDir, cwd),
      "Adopted from Datadog by `slocc import datadog`. Each `datadogId` names the Datadog object a",
      "resource adopts: the first apply imports it instead of creating a new one (Terraform 1.5 or later).",
    ],
  });
}

/** Services and adopted SLO ids of the specs already in `dir`; an absent or unreadable directory holds none. */
async function existingSpecs(dir: string, cwd: string): Promise<Existing> {
  const read = await readSpecDirectory(dir, cwd);
  const model = specsToModel(loadSpecs(read.value).value.files).value;
  const services = new Map<string, string>();
  const sloIds = new Map<string, string>();
  for (const service of model.services ?? []) {
    if (service.name !== undefined) services.set(service.name, service.at.self.file);
    for (const slo of service.slos ?? []) if (slo.datadogId !== undefined) sloIds.set(slo.datadogId, slo.at.self.file);
  }
  return { services, sloIds };
}
