/**
 * The change diff: what a change to the specs means, SLO by SLO and resource by resource. Its JSON
 * form (`slocc diff --format json`) is documented in docs/diff.md and kept stable.
 */

import type { Diagnostic } from "../diagnostics/diagnostic.js";

/**
 * What Terraform can do to one resource, in the order summaries count them; `import` adopts an
 * existing Datadog object instead of creating one.
 */
export const RESOURCE_ACTIONS = ["create", "import", "update", "replace", "destroy", "move"] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

/** A resource of the same stack, and what Terraform will do to it. */
export interface ResourceReference {
  readonly resourceType: string;
  readonly logicalId: string;
  readonly action: ResourceAction;
}

/** One resource whose planned configuration differs between base and head. */
export interface ResourceChange {
  readonly stack: string;
  /** The SLO the resource belongs to (none for a dashboard). */
  readonly slo?: string;
  readonly resourceType: string;
  readonly logicalId: string;
  readonly action: ResourceAction;
  readonly movedFrom?: string;
  /** The configuration fields that differ (for update, replace and a move that also updates). */
  readonly fields: readonly string[];
  /**
   * For a replaced SLO: every resource that refers to it by id (monitors, dashboards...), each with
   * its action, as the new SLO gets a new id.
   */
  readonly referencedBy?: readonly ResourceReference[];
}

/** How a stack's synthesized Terraform differs: the stacks to plan after a change. */
export type StackChangeKind = "added" | "changed" | "removed";

/** A stack whose synthesized Terraform differs between base and head. */
export interface StackChange {
  readonly name: string;
  readonly change: StackChangeKind;
}

/** How an SLO changed. */
export type SloChangeKind = "added" | "removed" | "renamed" | "changed";

/** One meaningful field of an SLO, before and after. Absent sides did not exist. */
export interface FieldChange {
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
  readonly note?: string;
}

/**
 * One SLO that changed. Its fields are what differs; for an SLO added, every field it is created
 * with (`after` only), and for one removed, every field it had (`before` only).
 */
export interface SloChange {
  readonly service: string;
  readonly slo: string;
  readonly change: SloChangeKind;
  readonly renamedFrom?: string;
  readonly fields: readonly FieldChange[];
}

/** The kinds of risk a change can carry; `--fail-on` takes them. */
export const RISK_KINDS = ["destroy", "replace", "target-decrease", "page-tier-removed", "no-page-alert"] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/** A change reviewers must look at, and why. */
export interface Risk {
  readonly kind: RiskKind;
  readonly service: string;
  readonly slo: string;
  readonly message: string;
}

/** Who should approve a change to a service. */
export interface Reviewers {
  readonly service: string;
  readonly owner: string;
  readonly approvers: readonly string[];
}

/** Counts for the summary line and table. */
export interface DiffSummary {
  readonly slos: Readonly<Record<SloChangeKind, number>>;
  readonly resources: Readonly<Record<ResourceAction, number>>;
  readonly risks: number;
}

/** Everything `slocc diff` reports. */
export interface ChangeDiff {
  readonly base: string;
  readonly head: string;
  readonly summary: DiffSummary;
  readonly slos: readonly SloChange[];
  readonly resources: readonly ResourceChange[];
  readonly risks: readonly Risk[];
  readonly reviewers: readonly Reviewers[];
  /** The stacks whose synthesized Terraform differs, by name: the ones `plan --changed-since` runs. */
  readonly stacks: readonly StackChange[];
  /** The head's diagnostics (warnings: the head compiles) about what the change adds or changes. */
  readonly diagnostics: readonly Diagnostic[];
}
