import { budgetForFactor, factorFits, factorForBudget, maxBurnRate } from "../datadog/burn-rate.js";
import { WINDOW_HOURS, type Window } from "../datadog/windows.js";
import policy from "../builtin/burn-rate-tiers.json";
import { withoutFloatNoise } from "../util/float.js";
import type { Position } from "../util/position.js";
import type {
  AlertSeverity,
  Alerting,
  BurnRateTier,
  Draft,
  DroppedTier,
  ErrorBudgetAlert,
  Located,
  Notify,
  Objective,
  Routing,
} from "./model.js";
import { optional } from "../util/optional.js";

/** A burn-rate tier as a spec asks for it, before defaults and the SLO's targets are applied. */
export interface TierRequest {
  readonly severity?: AlertSeverity;
  /** The SLO window to alert over; the primary one when absent. */
  readonly window?: Window;
  readonly longWindowSeconds?: number;
  /** 1/12 of the long window (Datadog's default) when absent. */
  readonly shortWindowSeconds?: number;
  /** Whether the short window was written in hours (`2h`); minutes otherwise. */
  readonly shortWindowUnit?: BurnRateTier["shortWindowUnit"];
  /** A burn rate, or the share of the window's budget spent in the long window: one of the two. */
  readonly factor?: number;
  readonly budgetConsumedPercent?: number;
  readonly warningFactor?: number;
  readonly notify?: Draft<Routing>;
  readonly datadogId?: number;
  readonly at: BurnRateTier["at"];
}

/** What a spec asks of an SLO's alerts; every part may be absent. */
export interface AlertingRequest {
  /** Datadog's recommended tiers (the default), none, or the SLO's own `tiers`. */
  readonly choice?: Alerting["choice"];
  readonly tiers?: readonly (TierRequest | undefined)[];
  readonly errorBudget?: Draft<ErrorBudgetAlert>;
  /** The SLO's own handles for a severity, replacing the service's. */
  readonly notify?: Draft<Partial<Notify>>;
  readonly runbook?: Draft<Located<string>>;
}

/**
 * Resolves an SLO's alerts against its objectives: the default tiers of the primary window, or
 * its own tiers completed; each tier takes its window's target, and tiers that could never fire
 * at that target are set apart as dropped. Handles fall back to the service's per severity.
 */
export function resolveAlerting(
  request: AlertingRequest,
  objectives: readonly Draft<Objective>[],
  primary: Draft<Objective> | undefined,
  serviceNotify: Draft<Notify>,
  serviceRunbook: Draft<Located<string>> | undefined,
): Draft<Alerting> {
  const choice = request.choice ?? "default";
  const tiers =
    choice === "default"
      ? defaultTiers(primary)
      : choice === "custom"
        ? (request.tiers ?? []).flatMap((tier) => (tier ? [resolveTier(tier, objectives, primary)] : []))
        : [];
  const fitting = tiers.filter((tier) => !droppedBy(tier));
  const dropped = tiers.flatMap((tier): Draft<DroppedTier>[] => {
    const maxFactor = droppedBy(tier);
    return maxFactor === undefined ? [] : [{ tier, maxFactor }];
  });
  const runbook = request.runbook ?? serviceRunbook;
  const errorBudgetWindow = request.errorBudget?.window ?? primary?.window;
  const errorBudgetTarget = targetOver(objectives, errorBudgetWindow);
  const errorBudget =
    request.errorBudget && errorBudgetWindow
      ? {
          ...request.errorBudget,
          window: errorBudgetWindow,
          ...optional("target", errorBudgetTarget),
        }
      : request.errorBudget;
  return {
    choice,
    burnRate: fitting,
    dropped,
    ...optional("errorBudget", errorBudget),
    notify: {
      page: request.notify?.page ?? serviceNotify.page ?? [],
      ticket: request.notify?.ticket ?? serviceNotify.ticket ?? [],
    },
    ...optional("runbook", runbook),
  };
}

/** Datadog's recommended tiers for the primary objective's window, from the table in src/builtin. */
export function defaultTiers(primary: Draft<Objective> | undefined): Draft<BurnRateTier>[] {
  if (primary?.window === undefined) return [];
  const { window, target } = primary;
  const at = atOneSpot(primary.at.target);
  return policy.windows[window].map((row) => {
    const longWindowHours = minutesIn(row.longWindow) / 60;
    return {
      severity: row.severity === "page" ? "page" : "ticket",
      window,
      ...optional("target", target),
      longWindowHours,
      shortWindowMinutes: minutesIn(row.shortWindow),
      shortWindowUnit: "m",
      factor: factorForBudget(WINDOW_HOURS[window], row.budgetConsumedPercent, longWindowHours),
      budgetConsumedPercent: row.budgetConsumedPercent,
      statedAs: "budget",
      origin: "default",
      at,
    };
  });
}

/**
 * Completes a tier a spec asks for: the window defaults to the primary one, the short window to
 * 1/12 of the long one (Datadog's default), whichever of factor and budget consumed is missing is
 * derived from the other, and the target is the one the SLO sets over the tier's window.
 */
export function resolveTier(
  request: TierRequest,
  objectives: readonly Draft<Objective>[],
  primary: Draft<Objective> | undefined,
): Draft<BurnRateTier> {
  const window = request.window ?? primary?.window;
  const longWindowHours = request.longWindowSeconds === undefined ? undefined : request.longWindowSeconds / 3600;
  const shortWindowMinutes =
    request.shortWindowSeconds !== undefined
      ? request.shortWindowSeconds / 60
      : longWindowHours === undefined
        ? undefined
        : defaultShortWindowMinutes(longWindowHours);
  const target = targetOver(objectives, window);
  const windowHours = window === undefined ? undefined : WINDOW_HOURS[window];
  const { factor, budgetConsumedPercent } = request;
  const threshold =
    windowHours === undefined || longWindowHours === undefined
      ? {
          ...optional("factor", factor),
          ...optional("budgetConsumedPercent", budgetConsumedPercent),
        }
      : factor !== undefined
        ? {
            factor,
            budgetConsumedPercent: budgetConsumedPercent ?? budgetForFactor(windowHours, factor, longWindowHours),
          }
        : budgetConsumedPercent !== undefined
          ? { factor: factorForBudget(windowHours, budgetConsumedPercent, longWindowHours), budgetConsumedPercent }
          : {};
  return {
    ...optional("severity", request.severity),
    ...optional("window", window),
    ...optional("target", target),
    ...optional("longWindowHours", longWindowHours),
    ...optional("shortWindowMinutes", shortWindowMinutes),
    shortWindowUnit: request.shortWindowSeconds !== undefined ? (request.shortWindowUnit ?? "m") : "m",
    ...threshold,
    ...(factor !== undefined
      ? { statedAs: "factor" }
      : budgetConsumedPercent !== undefined
        ? { statedAs: "budget" }
        : {}),
    ...optional("warningFactor", request.warningFactor),
    ...optional("notify", request.notify),
    ...optional("datadogId", request.datadogId),
    origin: "custom",
    at: request.at,
  };
}

/**
 * Who an alert notifies in each state: its own routing, else the SLO's handles for its severity
 * in every state (recoveries going to whoever heard of the state recovered from).
 */
export function routingOf(
  alert: { readonly severity: AlertSeverity; readonly notify?: Routing },
  notify: Notify,
): Omit<Routing, "at"> {
  return alert.notify ?? { alert: notify[alert.severity], warning: notify[alert.severity] };
}

/** A tier's short window as its alert query writes it: `5m`, or `2h` where the spec wrote hours. */
export function shortWindowText(tier: Pick<BurnRateTier, "shortWindowMinutes" | "shortWindowUnit">): string {
  return tier.shortWindowUnit === "h" ? `${tier.shortWindowMinutes / 60}h` : `${tier.shortWindowMinutes}m`;
}

/** Datadog's default short window of a burn-rate alert, in minutes: 1/12 of the long window. */
export function defaultShortWindowMinutes(longWindowHours: number): number {
  return (longWindowHours * 60) / 12;
}

/** The target the SLO sets over `window`, when one of its objectives is over it. */
function targetOver(objectives: readonly Draft<Objective>[], window: Window | undefined): number | undefined {
  return objectives.find((objective) => objective.window !== undefined && objective.window === window)?.target;
}

/** The highest burn rate a tier's target allows, when the tier's factor is above it (so it can never fire). */
function droppedBy(tier: Draft<BurnRateTier>): number | undefined {
  if (tier.factor === undefined || tier.target === undefined || !(tier.target > 0 && tier.target < 100))
    return undefined;
  return factorFits(tier.factor, tier.target) ? undefined : withoutFloatNoise(maxBurnRate(tier.target));
}

function atOneSpot(position: Position): BurnRateTier["at"] {
  return {
    self: position,
    severity: position,
    window: position,
    longWindow: position,
    shortWindow: position,
    threshold: position,
    warning: position,
    datadogId: position,
  };
}

/** Minutes in a policy table duration such as `1h` or `30m`. */
function minutesIn(duration: string): number {
  const amount = Number(duration.slice(0, -1));
  return duration.endsWith("h") ? amount * 60 : amount;
}
