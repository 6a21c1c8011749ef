import { factorFits, LONG_WINDOW_HOURS } from "../datadog/burn-rate.js";
import { ALERT_PRIORITY } from "../datadog/priority.js";
import { formatSloAlertQuery, parseSloAlertQuery, type SloAlertQueryParts } from "../datadog/slo-alert-query.js";
import { isWindow, type Window } from "../datadog/windows.js";
import type { DatadogMonitor } from "../datadog-api/responses.js";
import { formatNumber } from "../human/numbers.js";
import type { BurnRateTierV1, ErrorBudgetV1 } from "../formats/slocc-v1/schema.js";
import { compareText } from "../util/text.js";

/** An SLO alert adopted as a tier or as the error-budget alert, with what the first apply changes in it. */
export interface AdoptedAlert {
  readonly monitorId: number;
  readonly severity: "page" | "ticket";
  /** The monitor's own tags: slocc gives it the SLO's tags and `severity:<page|ticket>` instead. */
  readonly tags: readonly string[];
  readonly changes: readonly string[];
}

/** An alert left as it is in Datadog, and why. */
export interface RefusedAlert {
  readonly monitorId: number;
  readonly reason: string;
}

/** The alerts of one SLO as spec data. */
export interface AdoptedAlerts {
  readonly burnRate: readonly BurnRateTierV1[];
  readonly errorBudget?: ErrorBudgetV1;
  /** Handles found in the alerts' messages, by severity, sorted. */
  readonly notify: { readonly page: readonly string[]; readonly ticket: readonly string[] };
  readonly adopted: readonly AdoptedAlert[];
  readonly refused: readonly RefusedAlert[];
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
  silenced: {},
};

/**
 * Maps the `slo alert` monitors of one SLO to burn-rate tiers and an error-budget alert, each
 * written so that slocc's query is the original's, character for character, with the SLO id as a
 * reference: anything that would read otherwise (`>=`, a window written in other units, a number
 * written another way, a threshold out of Datadog's bounds) is refused with the reason, never
 * rewritten. `targets` are the SLO's targets by window.
 */
export function adoptAlerts(
  sloId: string,
  monitors: readonly DatadogMonitor[],
  targets: ReadonlyMap<Window, number>,
): AdoptedAlerts {
  const burnRate: BurnRateTierV1[] = [];
  let errorBudget: ErrorBudgetV1 | undefined;
  const adopted: AdoptedAlert[] = [];
  const refused: RefusedAlert[] = [];
  const handles = { page: new Set<string>(), ticket: new Set<string>() };
  for (const monitor of [...monitors].sort((a, b) => a.id - b.id)) {
    const mapped = mapAlert(sloId, monitor, targets);
    if ("reason" in mapped) {
      refused.push({ monitorId: monitor.id, reason: mapped.reason });
      continue;
    }
    if ("errorBudget" in mapped) {
      if (errorBudget) {
        refused.push({
          monitorId: monitor.id,
          reason: `slocc keeps one error-budget alert per SLO, and ${errorBudget.datadogId} is adopted`,
        });
        continue;
      }
      errorBudget = mapped.errorBudget;
    } else {
      const tier = mapped.tier;
      const twin = burnRate.find(
        (other) =>
          other.window === tier.window &&
          other.longWindow === tier.longWindow &&
          other.shortWindow === tier.shortWindow,
      );
      if (twin) {
        refused.push({
          monitorId: monitor.id,
          reason: `alert ${twin.datadogId} already watches ${tier.window} over ${tier.longWindow}/${tier.shortWindow}, and slocc keeps one per windows`,
        });
        continue;
      }
      burnRate.push(tier);
    }
    for (const handle of handlesIn(monitor.message ?? "")) handles[mapped.severity].add(handle);
    adopted.push({
      monitorId: monitor.id,
      severity: mapped.severity,
      tags: monitor.tags ?? [],
      changes: monitorChanges(monitor, mapped.severity),
    });
  }
  return {
    burnRate,
    ...(errorBudget ? { errorBudget } : {}),
    notify: { page: [...handles.page].sort(compareText), ticket: [...handles.ticket].sort(compareText) },
    adopted,
    refused,
  };
}

type MappedAlert =
  | { readonly tier: BurnRateTierV1; readonly severity: "page" | "ticket" }
  | { readonly errorBudget: ErrorBudgetV1; readonly severity: "ticket" }
  | { readonly reason: string };

function mapAlert(sloId: string, monitor: DatadogMonitor, targets: ReadonlyMap<Window, number>): MappedAlert {
  if (monitor.type !== "slo alert")
    return { reason: `it is a ${JSON.stringify(monitor.type)} monitor: only \`slo alert\` monitors are adopted` };
  const parts = parseSloAlertQuery(monitor.query);
  if (!parts) return { reason: `its query \`${monitor.query}\` is not a burn_rate or error_budget query` };
  if (parts.sloId !== sloId) return { reason: `its query watches the SLO ${parts.sloId}, not this one` };
  if (parts.operator !== ">")
    return { reason: `its query compares with ${parts.operator}, and slocc's alerts compare with >` };
  const window = parts.window;
  const target = isWindow(window) ? targets.get(window) : undefined;
  if (!isWindow(window) || target === undefined)
    return { reason: `it alerts over ${window}, which is not one of the SLO's windows` };
  const threshold = Number(parts.threshold);
  if (formatNumber(threshold) !== parts.threshold)
    return {
      reason: `its threshold is written ${parts.threshold}, which slocc would write ${formatNumber(threshold)}`,
    };
  const critical = monitor.options?.thresholds?.critical;
  if (critical !== undefined && critical !== null && critical !== threshold)
    return { reason: `its critical threshold ${critical} differs from the ${threshold} of its query` };
  // Terraform trims queries; anything else slocc would write otherwise (spaces in the call chain) is a change.
  if (formatSloAlertQuery(parts) !== monitor.query.trim())
    return {
      reason: `its query is written \`${monitor.query}\`, which slocc would write \`${formatSloAlertQuery(parts)}\``,
    };
  const warning = monitor.options?.thresholds?.warning ?? undefined;
  return parts.function === "burn_rate"
    ? burnRateTier(monitor, parts, window, threshold, warning, target)
    : errorBudgetAlert(monitor, window, threshold, warning);
}

function burnRateTier(
  monitor: DatadogMonitor,
  parts: SloAlertQueryParts,
  window: Window,
  factor: number,
  warning: number | undefined,
  target: number,
): MappedAlert {
  const long = /^(\d+)h$/.exec(parts.longWindow ?? "");
  const short = /^(\d+)m$/.exec(parts.shortWindow ?? "");
  const hours = Number(long?.[1]);
  const minutes = Number(short?.[1]);
  if (!long || !short || `${hours}h` !== parts.longWindow || `${minutes}m` !== parts.shortWindow)
    return {
      reason: `its windows are written ${parts.longWindow}/${parts.shortWindow}; slocc writes whole hours and minutes, such as 1h/5m`,
    };
  if (hours < LONG_WINDOW_HOURS.min || hours > LONG_WINDOW_HOURS.max || minutes < 1 || minutes >= hours * 60)
    return {
      reason: `its windows ${parts.longWindow}/${parts.shortWindow} are outside Datadog's limits (1h to 48h, short below long)`,
    };
  if (!(factor > 0) || !factorFits(factor, target))
    return { reason: `its burn rate ${factor} can never be reached at a ${target}% target` };
  if (warning !== undefined && !(warning > 0 && warning < factor))
    return { reason: `its warning ${warning} is not between 0 and its threshold ${factor}` };
  return {
    tier: {
      severity: severityOf(monitor, hours),
      window,
      longWindow: parts.longWindow ?? "",
      shortWindow: parts.shortWindow ?? "",
      factor,
      ...(warning === undefined ? {} : { warning }),
      datadogId: monitor.id,
    },
    severity: severityOf(monitor, hours),
  };
}

function errorBudgetAlert(
  monitor: DatadogMonitor,
  window: Window,
  critical: number,
  warning: number | undefined,
): MappedAlert {
  if (!(critical > 0 && critical <= 100))
    return { reason: `its threshold ${critical}% of the budget spent is not above 0% and at most 100%` };
  if (warning !== undefined && !(warning > 0 && warning < critical))
    return { reason: `its warning ${warning}% is not between 0% and its threshold ${critical}%` };
  return {
    errorBudget: {
      critical: `${formatNumber(critical)}%`,
      ...(warning === undefined ? {} : { warning: `${formatNumber(warning)}%` }),
      window,
      datadogId: monitor.id,
    },
    severity: "ticket",
  };
}

/**
 * Page or ticket: by the monitor's priority (1 and 2 page), else as Datadog's recommended tiers do
 * (long windows up to 6h page, longer ones make tickets).
 */
function severityOf(monitor: DatadogMonitor, longWindowHours: number): "page" | "ticket" {
  const priority = monitor.priority;
  if (priority !== undefined && priority !== null) return priority <= 2 ? "page" : "ticket";
  return longWindowHours <= 6 ? "page" : "ticket";
}

/** What slocc sets differently from the monitor, beyond its name, message and tags. */
function monitorChanges(monitor: DatadogMonitor, severity: "page" | "ticket"): string[] {
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

/** The notification handles a message names: `@slack-sre`, `@pagerduty-web`, `@someone@example.com`. */
export function handlesIn(message: string): string[] {
  return [...message.matchAll(/@[^\s{}]+/g)]
    .map((match) => match[0].replace(/[.,;:!?)\]'"]+$/, ""))
    .filter((handle) => handle.length > 1);
}
