import { parseAllDocuments } from "yaml";

/**
 * The rules the OpenSLO go-sdk validates `openslo/v1` objects with (as far as slocc writes them),
 * checked on written documents independently of slocc's own reader: every violation as a sentence.
 */

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_KEY = /^[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const ANNOTATION_KEY =
  /^(([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\/)?[a-zA-Z0-9]([-._a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
const DURATION = /^[1-9][0-9]*[mhdwMQY]$/;

type Data = Record<string, unknown>;

function isDuration(value: unknown): boolean {
  return typeof value === "string" && DURATION.test(value);
}

function record(value: unknown): Data {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Data) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

/** Every document of a YAML stream, as plain data. */
export function documentsOf(text: string): Data[] {
  return parseAllDocuments(text).map((document) => record(document.toJS()));
}

function metadataViolations(metadata: unknown, where: string): string[] {
  const { name, displayName, labels, annotations } = record(metadata);
  const found: string[] = [];
  if (typeof name !== "string" || !DNS_LABEL.test(name) || name.length > 63)
    found.push(`${where}: name ${String(name)}`);
  if (displayName !== undefined && (typeof displayName !== "string" || [...displayName].length > 63))
    found.push(`${where}: displayName over 63 characters`);
  for (const [key, value] of Object.entries(record(labels))) {
    if (!LABEL_KEY.test(key)) found.push(`${where}: label key ${key}`);
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) found.push(`${where}: label ${key}`);
  }
  for (const [key, value] of Object.entries(record(annotations))) {
    if (!ANNOTATION_KEY.test(key) || key.startsWith("openslo.com/")) found.push(`${where}: annotation key ${key}`);
    if (typeof value !== "string") found.push(`${where}: annotation ${key} is not a string`);
  }
  return found;
}

function inlineViolations(item: unknown, kind: string, where: string): string[] {
  const data = record(item);
  const keys = Object.keys(data).sort().join(",");
  if (keys !== "kind,metadata,spec" || data["kind"] !== kind) return [`${where}: inline ${kind} with keys ${keys}`];
  return metadataViolations(data["metadata"], where);
}

function metricViolations(metric: unknown, where: string): string[] {
  const source = record(record(metric)["metricSource"]);
  return source["type"] === "Datadog" && typeof record(source["spec"])["query"] === "string"
    ? []
    : [`${where}: metric source`];
}

function sloViolations(spec: Data, where: string): string[] {
  const found: string[] = [];
  if (typeof spec["service"] !== "string" || spec["service"] === "") found.push(`${where}: service`);
  const indicator = record(spec["indicator"]);
  if (Object.keys(indicator).sort().join(",") !== "metadata,spec") found.push(`${where}: indicator keys`);
  found.push(...metadataViolations(indicator["metadata"], `${where}.indicator`));
  const sli = record(indicator["spec"]);
  const ratio = sli["ratioMetric"] === undefined ? undefined : record(sli["ratioMetric"]);
  const threshold = sli["thresholdMetric"];
  if ((ratio === undefined) === (threshold === undefined))
    found.push(`${where}: one of ratioMetric and thresholdMetric`);
  if (ratio) {
    if ("good" in ratio === "bad" in ratio || !("total" in ratio) || "raw" in ratio)
      found.push(`${where}: ratio parts`);
    for (const part of ["good", "bad", "total"])
      if (part in ratio) found.push(...metricViolations(ratio[part], `${where}.${part}`));
  }
  if (threshold !== undefined) found.push(...metricViolations(threshold, `${where}.thresholdMetric`));
  const windows = list(spec["timeWindow"]);
  const window = record(windows[0]);
  if (windows.length !== 1 || window["isRolling"] !== true || "calendar" in window || !isDuration(window["duration"]))
    found.push(`${where}: timeWindow`);
  const method = spec["budgetingMethod"];
  if (!["Occurrences", "Timeslices"].includes(String(method))) found.push(`${where}: budgetingMethod`);
  for (const objective of list(spec["objectives"]).map(record)) {
    if ("target" in objective === "targetPercent" in objective) found.push(`${where}: target or targetPercent`);
    const percent = objective["targetPercent"];
    if (typeof percent !== "number" || !(percent >= 0 && percent < 100)) found.push(`${where}: targetPercent range`);
    if (ratio && ("op" in objective || "value" in objective)) found.push(`${where}: op/value on a ratio`);
    if (
      threshold !== undefined &&
      !(["lt", "lte", "gt", "gte"].includes(String(objective["op"])) && typeof objective["value"] === "number")
    )
      found.push(`${where}: op/value on a threshold`);
    if (method === "Timeslices") {
      const sliceTarget = objective["timeSliceTarget"];
      if (typeof sliceTarget !== "number" || !(sliceTarget > 0 && sliceTarget <= 1))
        found.push(`${where}: timeSliceTarget`);
      if (!isDuration(objective["timeSliceWindow"])) found.push(`${where}: timeSliceWindow`);
    }
  }
  for (const [index, item] of list(spec["alertPolicies"]).entries()) {
    const at = `${where}.alertPolicies[${index}]`;
    found.push(...inlineViolations(item, "AlertPolicy", at));
    const policy = record(record(item)["spec"]);
    const conditions = list(policy["conditions"]);
    if (conditions.length !== 1) found.push(`${at}: one condition`);
    for (const condition of conditions) {
      found.push(...inlineViolations(condition, "AlertCondition", `${at}.condition`));
      const conditionSpec = record(record(condition)["spec"]);
      const rule = record(conditionSpec["condition"]);
      if (typeof conditionSpec["severity"] !== "string" || conditionSpec["severity"] === "")
        found.push(`${at}: severity`);
      if (rule["kind"] !== "burnrate" || !["gt", "gte", "lt", "lte"].includes(String(rule["op"])))
        found.push(`${at}: condition kind or op`);
      if (typeof rule["threshold"] !== "number" || !isDuration(rule["lookbackWindow"]))
        found.push(`${at}: threshold or lookbackWindow`);
      if (rule["alertAfter"] !== undefined && !isDuration(rule["alertAfter"])) found.push(`${at}: alertAfter`);
    }
    const targets = list(policy["notificationTargets"]);
    if (targets.length === 0) found.push(`${at}: no notification target`);
    for (const target of targets) {
      found.push(...inlineViolations(target, "AlertNotificationTarget", `${at}.target`));
      if (typeof record(record(target)["spec"])["target"] !== "string") found.push(`${at}: target`);
    }
  }
  return found;
}

/** Every rule an OpenSLO document written by slocc breaks. */
export function openSloViolations(document: Data): string[] {
  const where = `${String(document["kind"])}/${String(record(document["metadata"])["name"])}`;
  const found: string[] = [];
  if (document["apiVersion"] !== "openslo/v1") found.push(`${where}: apiVersion`);
  if (Object.keys(document).sort().join(",") !== "apiVersion,kind,metadata,spec") found.push(`${where}: envelope keys`);
  found.push(...metadataViolations(document["metadata"], where));
  const spec = record(document["spec"]);
  if (document["kind"] === "SLO") found.push(...sloViolations(spec, where));
  else if (document["kind"] === "Service") {
    if (Object.keys(spec).some((key) => key !== "description")) found.push(`${where}: service spec keys`);
  } else found.push(`${where}: a kind slocc does not write`);
  return found;
}
