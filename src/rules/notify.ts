import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { SEVERITIES, type Draft, type Handle, type Routing } from "../model/model.js";
import { comparePositions, eachSlo, type Rule } from "./rule.js";

/** A handle: `@`, then no spaces or braces. */
const HANDLE_PATTERN = /^@[^\s{}]+$/;

/** Every handle written (routing and approvers) is one Datadog can notify; each is checked where it was written. */
export const checkHandles: Rule = (model) => {
  // By position: the SLOs that share an OpenSLO alert policy each hold its targets' handles.
  const handles = new Map<string, Draft<Handle>>();
  const add = (list: readonly Draft<Handle>[] | undefined) => {
    for (const handle of list ?? []) handles.set(`${handle.at.file}:${handle.at.line}:${handle.at.column}`, handle);
  };
  const addRouting = (routing: Draft<Routing> | undefined) => {
    add(routing?.alert);
    add(routing?.warning);
    add(routing?.recovery);
  };
  for (const service of model.services ?? []) {
    add(service.approvers);
    for (const severity of SEVERITIES) {
      const serviceHandles = service.notify?.[severity];
      add(serviceHandles);
      for (const slo of service.slos ?? []) {
        const sloHandles = slo.alerts?.notify?.[severity];
        // An SLO without handles of its own for the severity holds the service's list itself.
        if (sloHandles !== serviceHandles) add(sloHandles);
      }
    }
    for (const slo of service.slos ?? []) {
      for (const tier of slo.alerts?.burnRate ?? []) addRouting(tier.notify);
      addRouting(slo.alerts?.errorBudget?.notify);
    }
  }
  return [...handles.values()]
    .sort((a, b) => comparePositions(a.at, b.at))
    .flatMap(({ value, at }): Diagnostic[] =>
      value === undefined || HANDLE_PATTERN.test(value)
        ? []
        : [
            diagnostic(
              "INVALID_HANDLE",
              `${JSON.stringify(value)} is not a handle: write it as \`@slack-channel\`, \`@pagerduty-service\`, \`@team-name\` or \`@someone@example.com\``,
              at,
            ),
          ],
    );
};

/**
 * Warns when an SLO's alerts of a severity would notify nobody, and when an alert's own routing
 * names nobody to hear that it fires.
 */
export const checkRouting: Rule = (model) =>
  eachSlo(model).flatMap(({ slo }) => {
    const alerts = slo.alerts;
    const tiers = alerts?.burnRate ?? [];
    const bySeverity = SEVERITIES.flatMap((severity) => {
      const fires = tiers.some((tier) => tier.severity === severity && tier.notify === undefined);
      if (!fires || (alerts?.notify?.[severity]?.length ?? 0) > 0) return [];
      return [
        diagnostic(
          "NO_NOTIFY",
          `${severity} alerts of this SLO notify nobody: add \`notify.${severity}\` to the service or \`alerts.notify.${severity}\` to the SLO ` +
            "(in OpenSLO: a notification target of its alert policy that is a Datadog handle, such as `@pagerduty-web`)",
          slo.at.name,
        ),
      ];
    });
    const ownRoutings = [...tiers.map((tier) => tier.notify), alerts?.errorBudget?.notify];
    const silent = ownRoutings.flatMap((routing) =>
      routing !== undefined && (routing.alert?.length ?? 0) === 0
        ? [diagnostic("NO_NOTIFY", "this alert notifies nobody when it fires: list handles under `alert`", routing.at)]
        : [],
    );
    return [...bySeverity, ...silent];
  });
