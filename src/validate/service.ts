import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { SourceFile } from "../load/source-file.js";
import { journeyTags } from "../model/from-spec-v1.js";
import { baseTags, mergeTags } from "../model/slo-tags.js";
import { z } from "zod";
import { objectiveV1, serviceV1, sliV1, sloV1, type CatalogV1, type ServiceV1, type SloV1 } from "../spec/v1.js";
import { checkAlerts, checkHandleList, checkHandles, checkRouting } from "./rules/alerts.js";
import { checkDependencies, checkJourneys } from "./rules/journeys.js";
import { checkObjectives } from "./rules/objectives.js";
import { checkRenames } from "./rules/renames.js";
import { reporterFor, type Report } from "./rules/report.js";
import { checkReviewDue } from "./rules/review.js";
import { checkSli } from "./rules/sli.js";
import { checkTagCount, checkTagSpelling } from "./rules/tags.js";
import { checkSchema } from "./schema-issues.js";

/** What service checks need beyond the file itself. */
export interface ServiceContext {
  readonly catalogs: readonly CatalogV1[];
  /** The day review deadlines are judged against, YYYY-MM-DD. */
  readonly today: string;
}

/**
 * Checks a service file: the header, then each SLO on its own (so one broken SLO does not hide the
 * others' problems), then the rules across SLOs. Returns the typed spec when the structure is valid.
 */
export function validateServiceFile(file: SourceFile, record: Record<string, unknown>, context: ServiceContext, sink: Diagnostic[]): ServiceV1 | undefined {
  const report = reporterFor(file, sink);
  const header = checkSchema(serviceV1, record, file, []);
  sink.push(...header.diagnostics);
  const rawSlos = Array.isArray(record["slos"]) ? (record["slos"] as unknown[]) : [];
  const slos = rawSlos.map((raw, index) => {
    const checked = checkSchema(sloV1, raw, file, ["slos", index]);
    sink.push(...checked.diagnostics);
    if (checked.value) checkSlo(checked.value, index, report);
    else checkWellFormedParts(raw, index, report);
    return checked.value;
  });
  checkSloNamesUnique(rawSlos, report);
  const service = header.value;
  if (!service) return undefined;
  checkTagSpelling(service.tags, ["tags"], report);
  checkHandles(service.notify, ["notify"], report);
  checkHandleList(service.approvers, ["approvers"], report);
  checkDependencies(service.dependencies, ["dependencies"], report);
  checkJourneys(service, slos, context.catalogs, report);
  checkReviewDue(service.review, context.today, report);
  slos.forEach((slo, index) => slo && checkRouting(slo, ["slos", index], service.notify, report));
  if (slos.some((slo) => slo === undefined)) return undefined;
  const valid = slos as SloV1[];
  checkRenames(valid, report);
  valid.forEach((slo, index) => {
    const journey = slo.journey === undefined ? undefined : service.journeys?.[slo.journey];
    const tags = mergeTags(baseTags(service.service, service.owner, slo.name), service.tags ?? [], slo.tags ?? [], journey && slo.journey ? journeyTags(slo.journey, journey.kind) : []);
    checkTagCount(tags, ["slos", index, "name"], report);
  });
  return { ...service, slos: valid };
}

function checkSlo(slo: SloV1, index: number, report: Report): void {
  const path = ["slos", index];
  checkSli(slo.sli, [...path, "sli"], report);
  checkObjectives(slo, path, report);
  checkTagSpelling(slo.tags, [...path, "tags"], report);
  checkAlerts(slo, path, report);
}

/**
 * An SLO whose shape is wrong somewhere still gets the rules of its well-formed parts checked, so
 * that fixing one mistake does not reveal the next: its SLI, and its objectives when the SLI is
 * well-formed too (precision depends on the SLI kind). Shape problems are already reported.
 */
function checkWellFormedParts(raw: unknown, index: number, report: Report): void {
  const record = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const sli = sliV1.safeParse(record["sli"]);
  if (!sli.success) return;
  checkSli(sli.data, ["slos", index, "sli"], report);
  const objectives = z.array(objectiveV1).safeParse(record["objectives"]);
  if (objectives.success) checkObjectives({ sli: sli.data, objectives: objectives.data }, ["slos", index], report);
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
