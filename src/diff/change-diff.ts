import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { DiagnosticSubject } from "../diagnostics/subject.js";
import { formatPercent } from "../human/numbers.js";
import { sloKey } from "../human/slo-key.js";
import type { Model, Service, Slo } from "../model/model.js";
import type { CompiledPlan } from "../plan/resources.js";
import { compareText, plural } from "../util/text.js";
import { diffResources } from "./resource-diff.js";
import { sloFieldChanges, sloFields, sliFields, tierKey, tierText } from "./slo-fields.js";
import { stackChanges } from "./stack-changes.js";
import {
  RESOURCE_ACTIONS,
  type ChangeDiff,
  type ResourceChange,
  type ResourceReference,
  type Reviewers,
  type Risk,
  type SloChange,
  type StackChange,
} from "./types.js";

/** One side of a change: the compiled specs at a ref, or in the working tree. */
export interface CompiledSide {
  readonly label: string;
  readonly model: Model;
  readonly plan: CompiledPlan;
}

/** The head's diagnostics, what each is about, and which of the head's files the change touches. */
export interface HeadFindings {
  readonly diagnostics: readonly Diagnostic[];
  readonly subjectOf: (diagnostic: Diagnostic) => DiagnosticSubject;
  /** The head's files (as its diagnostics name them) whose text differs from the base's, or that are new. */
  readonly changedFiles: ReadonlySet<string>;
  /** Whether the base has no diagnostic like this one: the change brings it, wherever it is. */
  readonly isNew: (diagnostic: Diagnostic) => boolean;
}

/**
 * Compares two compiled sides: SLO changes, resource actions, risks, who should review, and the
 * head's diagnostics about what the change adds or changes (see {@link diagnosticsOfChange}).
 */
export function changeDiff(base: CompiledSide, head: CompiledSide, findings?: HeadFindings): ChangeDiff {
  const slos = diffSlos(base.model, head.model);
  const resources = diffResources(base.plan, head.plan);
  const stacks = stackChanges(base.plan, head.plan);
  const risks = findRisks(base.model, head.model, slos, resources);
  const touched = new Set([...slos.map((c) => c.service), ...resources.map((r) => r.stack)]);
  const reviewers = [...touched].sort(compareText).map((name): Reviewers => {
    const service = serviceNamed(head.model, name) ?? serviceNamed(base.model, name);
    return {
      service: name,
      owner: service?.owner ?? "",
      approvers: (service?.approvers ?? []).map((approver) => approver.value),
    };
  });
  const count = <T extends string>(values: readonly T[], keys: readonly T[]) =>
    Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<T, number>;
  return {
    base: base.label,
    head: head.label,
    summary: {
      slos: count(
        slos.map((c) => c.change),
        ["added", "removed", "renamed", "changed"],
      ),
      resources: count(
        resources.map((r) => r.action),
        RESOURCE_ACTIONS,
      ),
      risks: risks.length,
    },
    slos,
    resources,
    risks,
    reviewers,
    stacks,
    diagnostics: findings ? diagnosticsOfChange(findings, slos, stacks) : [],
  };
}

/**
 * The head's diagnostics about what the change adds or changes: those in the part of an SLO added,
 * renamed or changed; those in the rest of a service file (the service's own keys) when one of
 * the service's stacks is added or changed; those in a file that declares no service (templates,
 * catalogs) when that file changed; and any the base does not have (a shared catalog's change can
 * put an SLO it leaves alone above its journey's ceiling). A warning the base already had about
 * an SLO the change leaves alone is not one.
 */
function diagnosticsOfChange(
  findings: HeadFindings,
  slos: readonly SloChange[],
  stacks: readonly StackChange[],
): Diagnostic[] {
  const changedSlos = new Set(slos.filter((c) => c.change !== "removed").map((c) => sloKey(c.service, c.slo)));
  const changedStacks = new Set(stacks.filter((stack) => stack.change !== "removed").map((stack) => stack.name));
  return findings.diagnostics.filter((diagnostic) => {
    if (findings.isNew(diagnostic)) return true;
    const { file, stacks: subjectStacks, slo } = findings.subjectOf(diagnostic);
    if (subjectStacks.length === 0) return findings.changedFiles.has(file);
    if (slo !== undefined) return subjectStacks.some((stack) => changedSlos.has(sloKey(stack, slo)));
    return subjectStacks.some((stack) => changedStacks.has(stack));
  });
}

/** The SLOs added, renamed, changed or removed from `base` to `head`, sorted by service and name. */
export function diffSlos(base: Model, head: Model): SloChange[] {
  const before = sloIndex(base);
  const changes: SloChange[] = [];
  for (const slo of sloIndex(head).values()) {
    const renamedFrom =
      slo.renamedFrom !== undefined && !before.has(sloKey(slo.stack, slo.name))
        ? before.get(sloKey(slo.stack, slo.renamedFrom))
        : undefined;
    const previous = renamedFrom ?? before.get(sloKey(slo.stack, slo.name));
    if (!previous) {
      changes.push({ service: slo.stack, slo: slo.name, change: "added", fields: sloFields(slo, "after") });
      continue;
    }
    before.delete(sloKey(previous.stack, previous.name));
    const fields = sloFieldChanges(previous, slo);
    if (renamedFrom)
      changes.push({ service: slo.stack, slo: slo.name, change: "renamed", renamedFrom: renamedFrom.name, fields });
    else if (fields.length > 0) changes.push({ service: slo.stack, slo: slo.name, change: "changed", fields });
  }
  for (const slo of before.values())
    changes.push({ service: slo.stack, slo: slo.name, change: "removed", fields: sloFields(slo, "before") });
  return changes.sort((a, b) => compareText(a.service, b.service) || compareText(a.slo, b.slo));
}

/** What a reviewer must not miss: SLOs destroyed or replaced, targets lowered, page alerts gone. */
function findRisks(base: Model, head: Model, slos: readonly SloChange[], resources: readonly ResourceChange[]): Risk[] {
  const headSlos = sloIndex(head);
  const baseSlos = sloIndex(base);
  const risks = slos.flatMap((change): Risk[] => {
    if (change.change === "removed") return [destroyRisk(change, slos, baseSlos, headSlos)];
    const after = headSlos.get(sloKey(change.service, change.slo));
    if (!after) return [];
    const before =
      change.change === "added" ? undefined : baseSlos.get(sloKey(change.service, change.renamedFrom ?? change.slo));
    return [...targetRisks(change, before, after), ...pageRisks(change, before, after)];
  });
  return [...risks, ...replaceRisks(resources)].sort(
    (a, b) => compareText(a.service, b.service) || compareText(a.slo, b.slo) || compareText(a.kind, b.kind),
  );
}

/** A removed SLO: its history is lost; if an SLO added beside it measures the same, perhaps it is renamed. */
function destroyRisk(
  change: SloChange,
  slos: readonly SloChange[],
  baseSlos: ReadonlyMap<string, Slo>,
  headSlos: ReadonlyMap<string, Slo>,
): Risk {
  const removed = baseSlos.get(sloKey(change.service, change.slo));
  const added = slos.find(
    (other) =>
      other.change === "added" &&
      other.service === change.service &&
      sameSli(removed, headSlos.get(sloKey(other.service, other.slo))),
  );
  const hint = added
    ? ` If "${added.slo}" is this SLO renamed, add \`renamedFrom: ${change.slo}\` to it to keep its history.`
    : "";
  return {
    kind: "destroy",
    service: change.service,
    slo: change.slo,
    message: `the SLO is destroyed: its history and its id are lost, and dashboards and alerts that use it break.${hint}`,
  };
}

/** Each window whose target drops. */
function targetRisks(change: SloChange, before: Slo | undefined, after: Slo): Risk[] {
  return after.objectives.flatMap((objective): Risk[] => {
    const previous = before?.objectives.find((o) => o.window === objective.window);
    if (!previous || objective.target >= previous.target) return [];
    return [
      {
        kind: "target-decrease",
        service: change.service,
        slo: change.slo,
        message:
          `the ${objective.window} target drops from ${formatPercent(previous.target)} to ` +
          `${formatPercent(objective.target)}: users may get worse service without any alert`,
      },
    ];
  });
}

/** Each page tier removed, and an SLO left (or added) without any page tier. */
function pageRisks(change: SloChange, before: Slo | undefined, after: Slo): Risk[] {
  const pagesAfter = after.alerts.burnRate.filter((t) => t.severity === "page");
  const pagesBefore = before?.alerts.burnRate.filter((t) => t.severity === "page") ?? [];
  const removed = pagesBefore
    .filter((tier) => !pagesAfter.some((page) => tierKey(page) === tierKey(tier)))
    .map((tier): Risk => ({
      kind: "page-tier-removed",
      service: change.service,
      slo: change.slo,
      message: `the ${tierText(tier)} alert is removed: a fast burn of the budget will no longer page anyone`,
    }));
  const unpaged = pagesAfter.length === 0 && (pagesBefore.length > 0 || change.change === "added");
  return unpaged
    ? [
        ...removed,
        {
          kind: "no-page-alert",
          service: change.service,
          slo: change.slo,
          message: "the SLO has no page alert: nobody is woken up when its budget burns fast",
        },
      ]
    : removed;
}

/** Each SLO replaced: a new SLO without history, and what follows it or breaks. */
function replaceRisks(resources: readonly ResourceChange[]): Risk[] {
  return resources
    .filter((r) => r.action === "replace" && r.resourceType === "datadog_service_level_objective")
    .map((resource) => ({
      kind: "replace",
      service: resource.stack,
      slo: resource.slo ?? resource.logicalId,
      message:
        `the SLO is replaced (its ${resource.fields.join(", ")} cannot change in place): a new SLO ` +
        `with a new id and no history is created; ${referrersText(resource.referencedBy ?? [])}`,
    }));
}

/**
 * `the 1 dashboard and 3 monitors slocc manages that refer to it follow the new id, replaced with it
 * as they cannot move to a new id: 2 slo corrections, anything else that uses the old id breaks`
 */
function referrersText(references: readonly ResourceReference[]): string {
  const kinds = (action: "replace" | "other") => {
    const counts = new Map<string, number>();
    for (const reference of references.filter((r) => (r.action === "replace") === (action === "replace"))) {
      const kind = reference.resourceType.replace(/^datadog_/, "").replace(/_/g, " ");
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return listed([...counts].map(([kind, count]) => plural(count, kind)));
  };
  const following = kinds("other");
  const replaced = kinds("replace");
  if (following === "" && replaced === "") return "dashboards and alerts that use the old id break";
  return [
    ...(following === "" ? [] : [`the ${following} slocc manages that refer to it follow the new id`]),
    ...(replaced === "" ? [] : [`replaced with it as they cannot move to a new id: ${replaced}`]),
    "anything else that uses the old id breaks",
  ].join(", ");
}

/** `a`, `a and b`, `a, b and c`. */
function listed(parts: readonly string[]): string {
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : (parts[0] ?? "");
}

function sameSli(a: Slo | undefined, b: Slo | undefined): boolean {
  return a !== undefined && b !== undefined && JSON.stringify(sliFields(a.sli)) === JSON.stringify(sliFields(b.sli));
}

/** Every SLO of a model by `service/name`, in model order. */
function sloIndex(model: Model): Map<string, Slo> {
  return new Map(
    model.services.flatMap((service) => service.slos.map((slo) => [sloKey(service.stack, slo.name), slo] as const)),
  );
}

function serviceNamed(model: Model, name: string): Service | undefined {
  return model.services.find((service) => service.stack === name);
}
