import { isWindow, type Window } from "../../datadog/windows.js";
import { formatNumber } from "../../human/numbers.js";

/**
 * slocc's own annotations on OpenSLO objects: what a slocc spec says and OpenSLO has no field for.
 * `slocc export openslo` writes them; `slocc import openslo` reads back the owner, the objectives
 * and the corrections, and leaves the others for people and tools to read.
 */
export const ANNOTATIONS = {
  owner: "slocc/owner",
  objectives: "slocc/objectives",
  notify: "slocc/notify",
  runbook: "slocc/runbook",
  review: "slocc/review",
  approvers: "slocc/approvers",
  dependencies: "slocc/dependencies",
  journeys: "slocc/journeys",
  dashboard: "slocc/dashboard",
  tags: "slocc/tags",
  journey: "slocc/journey",
  renamedFrom: "slocc/renamed-from",
  errorBudgetAlert: "slocc/error-budget-alert",
  sli: "slocc/sli",
  corrections: "slocc/corrections",
} as const;

/** An objective as the `slocc/objectives` annotation holds it. */
export interface AnnotatedObjective {
  readonly window: Window;
  readonly target: number;
  readonly warning?: number;
}

/** `30d 99.99 warning 99.995; 7d 99.99`: every objective of an SLO, the primary first. */
export function formatObjectives(objectives: readonly AnnotatedObjective[]): string {
  return objectives
    .map(({ window, target, warning }) =>
      [window, formatNumber(target), ...(warning === undefined ? [] : ["warning", formatNumber(warning)])].join(" "),
    )
    .join("; ");
}

const OBJECTIVE_TEXT = /^(\S+) (\d+(?:\.\d+)?)(?: warning (\d+(?:\.\d+)?))?$/;

/** The objectives a `slocc/objectives` annotation lists, or undefined when it cannot be read. */
export function parseObjectives(text: string): AnnotatedObjective[] | undefined {
  const objectives: AnnotatedObjective[] = [];
  for (const item of text.split(";")) {
    const match = OBJECTIVE_TEXT.exec(item.trim());
    const window = match?.[1];
    if (!match || window === undefined || !isWindow(window)) return undefined;
    const warning = match[3];
    objectives.push({
      window,
      target: Number(match[2]),
      ...(warning === undefined ? {} : { warning: Number(warning) }),
    });
  }
  return objectives;
}
