import { factorFits, LONG_WINDOW_HOURS } from "../datadog/burn-rate.js";
import { ALERT_PRIORITY } from "../datadog/priority.js";
import { formatSloAlertQuery, parseSloAlertQuery, type SloAlertQueryParts } from "../datadog/slo-alert-query.js";
import { isWindow, type Window } from "../datadog/windows.js";
import type { DatadogMonitor } from "../datadog-api/responses.js";
import { formatNumber } from "../human/numbers.js";
import { failed, problemsText, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { alertNotifyData, type StateHandles } from "../formats/slocc-v1/from-model.js";
import type { BurnRateTierV1, ErrorBudgetV1, NotifyV1 } from "../formats/slocc-v1/schema.js";
import { SEVERITIES, type AlertSeverity } from "../model/model.js";
import { compareText, sameTexts } from "../util/text.js";
import { routingOfMessage } from "./routing.js";
import { optional } from "../util/optional.js";

/** An SLO alert adopted as a tier or as the error-budget alert, with what the first apply changes in it. */
export interface AdoptedAlert {
  readonly monitorId: number;
  readonly severity: AlertSeverity;
  /** The monitor's own tags: slocc gives it the SLO's tags and `severity:<page|ticket>` instead. */
  readonly tags: readonly string[];
  readonly changes: readonly string[];
}

/** The alerts of one SLO as spec data. */
export interface AdoptedAlerts {
  readonly burnRate: readonly BurnRateTierV1[];
  readonly errorBudget?: ErrorBudgetV1;
  /** The SLO's handles by severity, where every adopted alert of the severity notifies the same handles in every state. */
  readonly notify: NotifyV1;
  readonly adopted: readonly AdoptedAlert[];
  /** The alerts left in Datadog, by monitor id, and why. */
  readonly refused: readonly { readonly monitorId: number; readonly reason: string }[];
}

/**
 * The `slo alert` monitors among `monitors`, by the id of the SLO their query watches. Every other
 * monitor (those a monitor-based SLO is built from included) is left out: slocc never adopts them.
 */
export function sloAlertsBySlo(monitors: readonly DatadogMonitor[]): Map<string, DatadogMonitor[]> {
  const bySlo = new Map<string, DatadogMonitor[]>();
  for (const monitor of monitors) {
    const sloId = monitor.type === "slo alert" ? parseSloAlertQuery(monitor.query)?.sloId : undefined;
    if (sloId !== undefined) bySlo.set(sloId, [...(bySlo.get(sloId) ?? []), monitor]);
  }
  return bySlo;
}

/** Monitor options the provider writes by default, or Datadog adds itself: no change when left out. */
const DEFAULT_OPTIONS: Readonly<Record<string, unknown>> = {
  include_tags: true,
  new_host_delay: 300,
  notify_audit: false,
  notify_no_data: false,
  require_full_window: true,
  silenced: {},
};

/**
 * Maps the `slo alert` monitors of one SLO to burn-rate tiers and an error-budget alert, each
 * written so that slocc's query is the original's, character for character, with the SLO id as a
 * reference, and each notifying in every state exactly whom its message notified: anything that
 * would read otherwise (`>=`, a window written in other units, a number written another way, a
 * threshold out of Datadog's bounds, routing slocc cannot say) is refused with the reason, never
 * rewritten. `targets` are the SLO's targets by window.
 */
export function adoptAlerts(
  sloId: string,
  monitors: readonly DatadogMonitor[],
  targets: ReadonlyMap<Window, number>,
): AdoptedAlerts {
  const mapped: { readonly monitor: DatadogMonitor; readonly alert: MappedAlert }[] = [];
  const refused: { monitorId: number; reason: string }[] = [];
  for (const monitor of [...monitors].sort((a, b) => a.id - b.id)) {
    const alert = mapAlert(sloId, monitor, targets);
    if (!alert.ok) {
      refused.push({ monitorId: monitor.id, reason: problemsText(alert.problems) });
      continue;
    }
    const twin = mapped.find(({ alert: other }) => sameWindows(other, alert.value));
    if (twin) {
      refused.push({
        monitorId: monitor.id,
        reason:
          "errorBudget" in alert.value
            ? `slocc keeps one error-budget alert per SLO, and ${twin.monitor.id} is adopted`
            : `alert ${twin.monitor.id} already watches the same windows, and slocc keeps one per windows`,
      });
      continue;
    }
    mapped.push({ monitor, alert: alert.value });
  }
  const notify = sharedNotify(mapped.map(({ alert }) => alert));
  const own = (alert: MappedAlert) =>
    notify[alert.severity] === undefined ? { notify: alertNotifyData(alert.routing) } : {};
  const tiers = mapped.flatMap(({ alert }) => ("tier" in alert ? [{ ...alert.tier, ...own(alert) }] : []));
  const errorBudget = mapped.flatMap(({ alert }) =>
    "errorBudget" in alert ? [{ ...alert.errorBudget, ...own(alert) }] : [],
  )[0];
  return {
    burnRate: tiers,
    ...(errorBudget ? { errorBudget } : {}),
    notify,
    adopted: mapped.map(({ monitor, alert }) => ({
      monitorId: monitor.id,
      severity: alert.severity,
      tags: monitor.tags ?? [],
      changes: monitorChanges(monitor, alert.severity),
    })),
    refused,
  };
}

/**
 * The handles of each severity for the whole SLO (`alerts.notify`), where every alert of the
 * severity notifies the same ones in every state; otherwise each alert gets its own `notify`.
 */
function sharedNotify(alerts: readonly MappedAlert[]): NotifyV1 {
  const shared: { page?: string[]; ticket?: string[] } = {};
  for (const severity of SEVERITIES) {
    const written = alerts
      .filter((alert) => alert.severity === severity)
      .map((alert) => alertNotifyData(alert.routing));
    const [first] = written;
    if (Array.isArray(first) && written.every((notify) => Array.isArray(notify) && sameTexts(notify, first)))
      shared[severity] = first;
  }
  return shared;
}

function sameWindows(a: MappedAlert, b: MappedAlert): boolean {
  if ("errorBudget" in a || "errorBudget" in b) return "errorBudget" in a && "errorBudget" in b;
  return (
    a.tier.window === b.tier.window &&
    a.tier.longWindow === b.tier.longWindow &&
    a.tier.shortWindow === b.tier.shortWindow
  );
}

type MappedAlert = { readonly severity: AlertSeverity; readonly routing: StateHandles } & (
  { readonly tier: BurnRateTierV1 } | { readonly errorBudget: ErrorBudgetV1 }
);

function mapAlert(sloId: string, monitor: DatadogMonitor, targets: ReadonlyMap<Window, number>): Outcome<MappedAlert> {
  const refuse = (reason: string) => failed("NOT_ADOPTABLE", reason);
  if (monitor.type !== "slo alert")
    return refuse(`it is a ${JSON.stringify(monitor.type)} monitor: only \`slo alert\` monitors are adopted`);
  const parts = parseSloAlertQuery(monitor.query);
  if (!parts) {
    if (/^\s*(burn_rate|error_budget)\(/.test(monitor.query) && /\.by\(/.test(monitor.query))
      return refuse(
        `its query \`${monitor.query}\` alerts per group (\`.by(...)\`), and slocc's alerts watch the SLO as a whole`,
      );
    return refuse(`its query \`${monitor.query}\` is not a burn_rate or error_budget query`);
  }
  if (parts.sloId !== sloId) return refuse(`its query watches the SLO ${parts.sloId}, not this one`);
  if (parts.operator !== ">")
    return refuse(`its query compares with ${parts.operator}, and slocc's alerts compare with >`);
  const window = parts.window;
  const target = isWindow(window) ? targets.get(window) : undefined;
  if (!isWindow(window) || target === undefined)
    return refuse(`it alerts over ${window}, which is not one of the SLO's windows`);
  const threshold = Number(parts.threshold);
  if (formatNumber(threshold) !== parts.threshold)
    return refuse(`its threshold is written ${parts.threshold}, which slocc would write ${formatNumber(threshold)}`);
  const critical = monitor.options?.thresholds?.critical;
  if (critical !== undefined && critical !== null && critical !== threshold)
    return refuse(`its critical threshold ${critical} differs from the ${threshold} of its query`);
  // Terraform trims queries; anything else slocc would write otherwise (spaces in the call chain) is a change.
  if (formatSloAlertQuery(parts) !== monitor.query.trim())
    return refuse(
      `its query is written \`${monitor.query}\`, which slocc would write \`${formatSloAlertQuery(parts)}\``,
    );
  const warning = monitor.options?.thresholds?.warning ?? undefined;
  const routing = routingOfMessage(monitor.message ?? "", warning !== undefined);
  if (!routing.ok) return routing;
  const alert =
    parts.function === "burn_rate"
      ? burnRateTier(monitor, parts, window, threshold, warning, target)
      : errorBudgetAlert(monitor, window, threshold, warning);
  return alert.ok ? succeeded({ ...alert.value, routing: routing.value }) : alert;
}

function burnRateTier(
  monitor: DatadogMonitor,
  parts: SloAlertQueryParts,
  window: Window,
  factor: number,
  warning: number | undefined,
  target: number,
): Outcome<{ readonly severity: AlertSeverity; readonly tier: BurnRateTierV1 }> {
  const long = /^(\d+)h$/.exec(parts.longWindow ?? "");
  // Datadog's editor writes a short window of whole hours in hours (`24h`/`2h`), slocc's defaults in minutes.
  const short = /^(\d+)(m|h)$/.exec(parts.shortWindow ?? "");
  const hours = Number(long?.[1]);
  const minutes = Number(short?.[1]) * (short?.[2] === "h" ? 60 : 1);
  if (!long || !short || `${hours}h` !== parts.longWindow || `${Number(short[1])}${short[2]}` !== parts.shortWindow)
    return failed(
      "NOT_ADOPTABLE",
      `its windows are written ${parts.longWindow}/${parts.shortWindow}; slocc writes a long window in whole hours and a short one in whole minutes or hours, such as 1h/5m or 24h/2h`,
    );
  if (hours < LONG_WINDOW_HOURS.min || hours > LONG_WINDOW_HOURS.max || minutes < 1 || minutes >= hours * 60)
    return failed(
      "NOT_ADOPTABLE",
      `its windows ${parts.longWindow}/${parts.shortWindow} are outside Datadog's limits (1h to 48h, short below long)`,
    );
  if (!(factor > 0) || !factorFits(factor, target))
    return failed("NOT_ADOPTABLE", `its burn rate ${factor} can never be reached at a ${target}% target`);
  if (warning !== undefined && !(warning > 0 && warning < factor))
    return failed("NOT_ADOPTABLE", `its warning ${warning} is not between 0 and its threshold ${factor}`);
  const severity = severityOf(monitor, hours);
  return succeeded({
    severity,
    tier: {
      severity,
      window,
      longWindow: parts.longWindow ?? "",
      shortWindow: parts.shortWindow ?? "",
      factor,
      ...optional("warning", warning),
      datadogId: monitor.id,
    },
  });
}

function errorBudgetAlert(
  monitor: DatadogMonitor,
  window: Window,
  critical: number,
  warning: number | undefined,
): Outcome<{ readonly severity: AlertSeverity; readonly errorBudget: ErrorBudgetV1 }> {
  if (!(critical > 0 && critical <= 100))
    return failed("NOT_ADOPTABLE", `its threshold ${critical}% of the budget spent is not above 0% and at most 100%`);
  if (warning !== undefined && !(warning > 0 && warning < critical))
    return failed("NOT_ADOPTABLE", `its warning ${warning}% is not between 0% and its threshold ${critical}%`);
  return succeeded({
    severity: "ticket",
    errorBudget: {
      critical: `${formatNumber(critical)}%`,
      ...(warning === undefined ? {} : { warning: `${formatNumber(warning)}%` }),
      window,
      datadogId: monitor.id,
    },
  });
}

/**
 * Page or ticket: by the monitor's priority (1 and 2 page), else as Datadog's recommended tiers do
 * (long windows up to 6h page, longer ones make tickets).
 */
function severityOf(monitor: DatadogMonitor, longWindowHours: number): AlertSeverity {
  const priority = monitor.priority;
  if (priority !== undefined && priority !== null) return priority <= 2 ? "page" : "ticket";
  return longWindowHours <= 6 ? "page" : "ticket";
}

/** What slocc sets differently from the monitor, beyond its name, message and tags. */
function monitorChanges(monitor: DatadogMonitor, severity: AlertSeverity): string[] {
  const priority = ALERT_PRIORITY[severity];
  const changes = monitor.priority === priority ? [] : [`priority ${monitor.priority ?? "none"} -> ${priority}`];
  const unmanaged = Object.entries(monitor.options ?? {})
    .filter(([key, value]) => key !== "thresholds" && JSON.stringify(DEFAULT_OPTIONS[key]) !== JSON.stringify(value))
    .map(([key]) => key)
    .sort(compareText);
  if (unmanaged.length > 0)
    changes.push(`options slocc does not set (${unmanaged.join(", ")}) may be reset to the provider's defaults`);
  const thresholds = Object.entries(monitor.options?.thresholds ?? {})
    .filter(([key, value]) => key !== "critical" && key !== "warning" && value !== null && value !== undefined)
    .map(([key]) => key)
    .sort(compareText);
  if (thresholds.length > 0) changes.push(`thresholds slocc does not set (${thresholds.join(", ")}) are removed`);
  return changes;
}
