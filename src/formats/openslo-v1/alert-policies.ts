import { diagnostic, type Diagnostic } from "../../diagnostics/diagnostic.js";
import type { TierRequest } from "../../model/alerting.js";
import type { AlertSeverity, Handle, Notify, Position } from "../../model/model.js";
import { fixedMinutes } from "./durations.js";
import { refOrInline, type ObjectIndex, type OpenSloObject, type Placed } from "./objects.js";
import { optional } from "../../util/optional.js";

/** Severities read as `page`: what wakes someone up. Every other severity is a `ticket`. */
const PAGE_SEVERITIES = new Set(["page", "critical", "high", "urgent", "emergency", "sev0", "sev1", "p0", "p1"]);

/** Severities read as `ticket` without a warning. */
const TICKET_SEVERITIES = new Set([
  "ticket",
  "warning",
  "warn",
  "medium",
  "low",
  "minor",
  "info",
  "sev2",
  "sev3",
  "sev4",
  "sev5",
  "p2",
  "p3",
  "p4",
  "p5",
]);

/**
 * slocc's severity for an OpenSLO one, case and dashes aside (`Sev-1` is `sev1`): page for those
 * that wake someone up, ticket for the rest; undefined when the text is none slocc knows.
 */
function alertSeverityOf(text: string): AlertSeverity | undefined {
  const key = text.trim().toLowerCase().replace(/[-_ ]/g, "");
  return PAGE_SEVERITIES.has(key) ? "page" : TICKET_SEVERITIES.has(key) ? "ticket" : undefined;
}

/** The burn-rate tiers an SLO's alert policies ask for, and the handles each severity notifies. */
export interface PolicyAlerting {
  readonly tiers: readonly (TierRequest | undefined)[];
  readonly notify: Partial<Notify>;
}

/**
 * Reads an SLO's `alertPolicies`: each policy's one condition becomes a burn-rate tier over the
 * SLO's window, and its notification targets that are Datadog handles (`@...`) notify the tier's
 * severity. `windowAt` is where the SLO's window was written, where a tier's window points.
 */
export function alertingOf(
  slo: OpenSloObject<"SLO">,
  index: ObjectIndex,
  windowAt: Position,
  diagnostics: Diagnostic[],
): PolicyAlerting {
  const handles: Record<AlertSeverity, Handle[]> = { page: [], ticket: [] };
  const tiers = (slo.data.spec?.alertPolicies ?? []).map((data, position) => {
    if (data === undefined) return undefined;
    const item = { origin: slo.origin, path: ["spec", "alertPolicies", position], data };
    const policy = refOrInline(index, "AlertPolicy", "alertPolicyRef", item, diagnostics);
    if (policy === undefined) return undefined;
    const tier = conditionTier(policy, index, windowAt, diagnostics);
    if (tier?.severity === undefined) return tier;
    for (const handle of targetHandles(policy, index, diagnostics)) {
      const list = handles[tier.severity];
      if (!list.some((known) => known.value === handle.value)) list.push(handle);
    }
    return tier;
  });
  const notify = Object.fromEntries(Object.entries(handles).filter(([, list]) => list.length > 0)) as Partial<Notify>;
  return { tiers, notify };
}

/** The tier a policy's one condition asks for: a burn rate above `threshold` over `lookbackWindow`. */
function conditionTier(
  policy: Placed<"AlertPolicy">,
  index: ObjectIndex,
  windowAt: Position,
  diagnostics: Diagnostic[],
): TierRequest | undefined {
  const data = policy.spec?.conditions?.[0];
  if (data === undefined) return undefined;
  const item = { origin: policy.origin, path: [...policy.path, "conditions", 0], data };
  const placed = refOrInline(index, "AlertCondition", "conditionRef", item, diagnostics);
  if (placed?.spec === undefined) return undefined;
  const { origin, path, spec } = placed;
  const conditionPath = [...path, "condition"];
  const at = (key: string) => origin.at([...conditionPath, key]);
  const severity = spec.severity === undefined ? undefined : (alertSeverityOf(spec.severity) ?? "ticket");
  if (spec.severity !== undefined && alertSeverityOf(spec.severity) === undefined) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_SEVERITY",
        `the severity ${JSON.stringify(spec.severity)} is read as ticket: write \`page\` for alerts that wake someone up, \`ticket\` for the others`,
        origin.at([...path, "severity"]),
      ),
    );
  }
  const condition = spec.condition;
  if (condition?.op === "lt" || condition?.op === "lte") {
    diagnostics.push(
      diagnostic(
        "OPENSLO_ALERT",
        "a burn-rate alert fires when the budget burns faster than the threshold: write `op: gt`",
        at("op"),
      ),
    );
  }
  const long = condition?.lookbackWindow === undefined ? undefined : fixedMinutes(condition.lookbackWindow);
  if (condition?.lookbackWindow !== undefined && long === undefined) {
    diagnostics.push(
      diagnostic(
        "OPENSLO_ALERT",
        "write the lookback window in hours, such as `1h` or `24h` (Datadog takes 1h to 48h)",
        at("lookbackWindow"),
      ),
    );
  }
  // alertAfter is how long the burn must last before the alert fires: in a multiwindow alert, the short window.
  const short = condition?.alertAfter === undefined ? undefined : fixedMinutes(condition.alertAfter);
  const shortWindowAt = short ? at("alertAfter") : at("lookbackWindow");
  return {
    ...optional("severity", severity),
    ...(long === undefined ? {} : { longWindowSeconds: long * 60 }),
    ...(short ? { shortWindowSeconds: short * 60 } : {}),
    ...(condition?.threshold === undefined ? {} : { factor: condition.threshold }),
    at: {
      self: origin.at(path.slice(0, -1)),
      severity: origin.at([...path, "severity"]),
      window: windowAt,
      longWindow: at("lookbackWindow"),
      shortWindow: shortWindowAt,
      threshold: at("threshold"),
      // OpenSLO conditions have no warning level and adopt no Datadog monitor.
      warning: at("threshold"),
      datadogId: origin.at(path.slice(0, -1)),
    },
  };
}

/** The Datadog handles among a policy's notification targets; any other target is left out, with a warning. */
function targetHandles(policy: Placed<"AlertPolicy">, index: ObjectIndex, diagnostics: Diagnostic[]): Handle[] {
  return (policy.spec?.notificationTargets ?? []).flatMap((data, position) => {
    if (data === undefined) return [];
    const item = { origin: policy.origin, path: [...policy.path, "notificationTargets", position], data };
    const target = refOrInline(index, "AlertNotificationTarget", "targetRef", item, diagnostics);
    const text = target?.spec?.target;
    if (target === undefined || text === undefined) return [];
    const at = target.origin.at([...target.path, "target"]);
    if (text.trim().startsWith("@")) return [{ value: text.trim(), at }];
    diagnostics.push(
      diagnostic(
        "OPENSLO_TARGET",
        `the target ${JSON.stringify(text)} is not a Datadog handle, so no alert is sent to it: ` +
          "write it as `@slack-channel`, `@pagerduty-service` or `@someone@example.com`",
        at,
      ),
    );
    return [];
  });
}
