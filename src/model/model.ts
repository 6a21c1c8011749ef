import type { Ceiling } from "./ceiling.js";

/**
 * The compiler's internal model: every spec version maps to these types, already normalised
 * (defaults applied, objectives sorted, tags merged). Plans are computed from the model only.
 */

/** An SLO window Datadog accepts. */
export type Window = "7d" | "30d" | "90d";

/** Windows in the order thresholds are emitted. */
export const WINDOWS: readonly Window[] = ["7d", "30d", "90d"];

/** Length of each window in hours. */
export const WINDOW_HOURS: Readonly<Record<Window, number>> = { "7d": 168, "30d": 720, "90d": 2160 };

/** A target (and optional warning) over one window, in percent. */
export interface Objective {
  readonly window: Window;
  readonly target: number;
  readonly warning?: number;
}

/** Where a spec element was written, kept for later diagnostics (plans, ceilings). */
export interface SourceRef {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** The measurement behind an SLO. */
export type Sli =
  | { readonly kind: "ratio"; readonly events: "good" | "bad"; readonly numerator: string; readonly denominator: string }
  | { readonly kind: "latency"; readonly metric: string; readonly filter: string; readonly threshold: number; readonly numerator: string; readonly denominator: string }
  | { readonly kind: "timeSlice"; readonly query: string; readonly comparator: "<" | "<=" | ">" | ">="; readonly threshold: number; readonly intervalSeconds: 60 | 300 }
  | { readonly kind: "monitors"; readonly monitorIds: readonly number[]; readonly groups: readonly string[] };

/** Who hears an alert: `page` wakes someone up, `ticket` waits for working hours. */
export type AlertSeverity = "page" | "ticket";

/** Priority of a monitor by severity (Datadog: 1 highest, 5 lowest). */
export const PRIORITY: Readonly<Record<AlertSeverity, number>> = { page: 1, ticket: 3 };

/** One multiwindow burn-rate alert: fires when both windows burn faster than `factor`. */
export interface BurnRateTier {
  readonly severity: AlertSeverity;
  readonly window: Window;
  readonly longWindowHours: number;
  readonly shortWindowMinutes: number;
  readonly factor: number;
  /** Share of the window's budget spent in the long window at `factor`, in percent. */
  readonly budgetConsumedPercent: number;
  readonly origin: "default" | "custom";
}

/** A tier left out because the SLO's target can never burn that fast. */
export interface DroppedTier {
  readonly tier: BurnRateTier;
  readonly maxFactor: number;
}

/** An alert on the share of the error budget already spent. */
export interface ErrorBudgetAlert {
  readonly window: Window;
  readonly criticalPercent: number;
  readonly warningPercent?: number;
}

/** The alerts of one SLO and where they are sent. */
export interface Alerting {
  readonly burnRate: readonly BurnRateTier[];
  readonly dropped: readonly DroppedTier[];
  readonly errorBudget?: ErrorBudgetAlert;
  readonly notify: Readonly<Record<AlertSeverity, readonly string[]>>;
  readonly runbook?: string;
}

/** A critical user journey (`user`, CUJ) or critical machine communication (`machine`, CMC). */
export interface Journey {
  readonly name: string;
  readonly kind: "user" | "machine";
  readonly description?: string;
  /** The best availability the journey can reach given its dependencies; absent without any. */
  readonly ceiling?: Ceiling;
}

/** When a service's SLOs were last reviewed, and when they are next due. */
export interface ReviewCadence {
  readonly every: string;
  readonly last: string;
  readonly due: string;
}

/** One service level objective, as the compiler understands it. */
export interface Slo {
  readonly service: string;
  readonly name: string;
  /** The SLO's previous name: its Terraform state moves instead of being destroyed. */
  readonly renamedFrom?: string;
  readonly description?: string;
  readonly sli: Sli;
  /** The journey this SLO protects. */
  readonly journey?: { readonly name: string; readonly kind: "user" | "machine" };
  /** Sorted by window (7d, 30d, 90d). */
  readonly objectives: readonly Objective[];
  /** The window the spec lists first. */
  readonly primaryWindow: Window;
  /** Normalised, sorted, without duplicates; includes the service's tags and the base tags. */
  readonly tags: readonly string[];
  readonly alerts: Alerting;
  readonly source: SourceRef;
}

/** One service: a spec file. */
export interface Service {
  readonly name: string;
  readonly owner: string;
  readonly description?: string;
  readonly tags: readonly string[];
  readonly journeys: readonly Journey[];
  readonly review?: ReviewCadence;
  readonly approvers: readonly string[];
  /** Whether the service gets a Datadog dashboard of its SLOs. */
  readonly dashboard: boolean;
  readonly slos: readonly Slo[];
  readonly source: SourceRef;
}

/** Everything the specs declare, services sorted by name. */
export interface Model {
  readonly services: readonly Service[];
}
