import type { CorrectionCategory } from "../datadog/corrections.js";
import type { Window } from "../datadog/windows.js";
import type { Position } from "../util/position.js";
import type { Ceiling } from "./ceiling.js";

/**
 * The compiler's internal model: every input format maps to these types, normalised and resolved
 * (defaults applied, tiers fitted to their targets, tags merged, ceilings computed), with the
 * position of everything a rule can complain about. Rules check the model; plans, explanations and
 * change diffs read the same resolved values.
 */

export type { Window } from "../datadog/windows.js";
export type { CorrectionCategory } from "../datadog/corrections.js";
export type { Position } from "../util/position.js";

/** Where each named part of an element was written; `self` is the element itself. */
export type At<Part extends string> = { readonly [P in Part | "self"]: Position };

/** A value written in a spec, with where. */
export interface Located<T> {
  readonly value: T;
  readonly at: Position;
}

/** A tag as written, and the form Datadog stores it in. */
export interface Tag {
  readonly written: string;
  readonly normalised: string;
  readonly at: Position;
}

/** A notification handle such as `@slack-card-sre`. */
export type Handle = Located<string>;

/** A target (and optional warning) over one window, in percent. */
export interface Objective {
  readonly window: Window;
  readonly target: number;
  readonly warning?: number;
  readonly at: At<"window" | "target" | "warning">;
}

/** Good events over all events: the numerator counts good ones, or all minus bad ones. */
export interface RatioSli {
  readonly kind: "ratio";
  readonly events: "good" | "bad";
  /** The good or bad events query, as written (trimmed). */
  readonly eventsQuery: string;
  readonly total: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly at: At<"events" | "total">;
}

/** Requests answered within a threshold, from a percentile-enabled distribution metric. */
export interface LatencySli {
  readonly kind: "latency";
  readonly metric: string;
  /** The tag filter, `*` when none was written. */
  readonly filter: string;
  /** In the metric's unit; durations are converted to seconds. */
  readonly threshold: number;
  readonly numerator: string;
  readonly denominator: string;
  readonly at: At<"metric" | "filter" | "threshold">;
}

/** A comparison of two numbers in a time-slice condition. */
export type Comparator = "<" | "<=" | ">" | ">=";

/** A metric query of a time-slice formula, under the name the formula gives it. */
export interface NamedQuery {
  readonly name: string;
  readonly query: string;
  readonly at: At<"name" | "query">;
}

/** The name of the query in the single-query form of a time-slice SLI, which is also its formula. */
export const SINGLE_QUERY_NAME = "query1";

/**
 * The share of time slices in which a query, or a formula over named queries, meets a condition.
 * The single-query form is the formula `query1` over one query of that name.
 */
export interface TimeSliceSli {
  readonly kind: "timeSlice";
  readonly formula: string;
  /** In the order written. */
  readonly queries: readonly NamedQuery[];
  readonly comparator: Comparator;
  readonly threshold: number;
  readonly intervalSeconds: 60 | 300;
  readonly at: At<"formula" | "queries" | "comparator" | "threshold">;
}

/** The uptime of existing Datadog monitors. */
export interface MonitorsSli {
  readonly kind: "monitors";
  /** Sorted ascending. */
  readonly monitorIds: readonly number[];
  /** Sorted. */
  readonly groups: readonly string[];
  readonly at: At<"ids" | "groups">;
}

/** The measurement behind an SLO. */
export type Sli = RatioSli | LatencySli | TimeSliceSli | MonitorsSli;

/** Who hears an alert: `page` wakes someone up, `ticket` waits for working hours. */
export type AlertSeverity = "page" | "ticket";

/** Severities in reading order. */
export const SEVERITIES: readonly AlertSeverity[] = ["page", "ticket"];

/**
 * Who one alert notifies in each of its states. A recovery goes to whoever heard of the state it
 * recovers from, unless `recovery` names who hears of every recovery.
 */
export interface Routing {
  readonly alert: readonly Handle[];
  readonly warning: readonly Handle[];
  readonly recovery?: readonly Handle[];
  readonly at: Position;
}

/** One multiwindow burn-rate alert: fires when both windows burn faster than `factor`. */
export interface BurnRateTier {
  readonly severity: AlertSeverity;
  /** The SLO window the tier alerts over, and the target the SLO sets there. */
  readonly window: Window;
  readonly target: number;
  readonly longWindowHours: number;
  readonly shortWindowMinutes: number;
  /**
   * How the alert query writes the short window: in minutes (`120m`), or in hours where the spec
   * wrote whole hours (`2h`, as Datadog's own editor writes it), so an adopted query is kept as it is.
   */
  readonly shortWindowUnit: "m" | "h";
  readonly factor: number;
  /** Share of the window's budget spent in the long window at `factor`, in percent. */
  readonly budgetConsumedPercent: number;
  /** Which of the two the tier was given by; the other is derived from it. */
  readonly statedAs: "factor" | "budget";
  /** A lower burn rate at which the alert warns first. */
  readonly warningFactor?: number;
  /** The tier's own routing, instead of the SLO's handles for its severity. */
  readonly notify?: Routing;
  /** The Datadog monitor this tier adopts (Terraform imports it). */
  readonly datadogId?: number;
  readonly origin: "default" | "custom";
  /** Where the tier was written; default tiers point at the target they are fitted to. */
  readonly at: At<"severity" | "window" | "longWindow" | "shortWindow" | "threshold" | "warning" | "datadogId">;
}

/** A tier left out because the SLO's target can never burn that fast. */
export interface DroppedTier {
  readonly tier: BurnRateTier;
  /** 1/(1-target): the highest burn rate the target allows. */
  readonly maxFactor: number;
}

/** An alert on the share of the error budget already spent. */
export interface ErrorBudgetAlert {
  /** The SLO window whose budget is watched: the primary one unless written; and the target set over it. */
  readonly window: Window;
  readonly target: number;
  readonly criticalPercent: number;
  readonly warningPercent?: number;
  /** The alert's own routing, instead of the SLO's ticket handles. */
  readonly notify?: Routing;
  /** The Datadog monitor this alert adopts (Terraform imports it). */
  readonly datadogId?: number;
  readonly at: At<"critical" | "warning" | "window" | "datadogId">;
}

/** Handles by severity. */
export type Notify = Readonly<Record<AlertSeverity, readonly Handle[]>>;

/** The alerts of one SLO and where they are sent. */
export interface Alerting {
  /** Whether the tiers are Datadog's defaults, the SLO's own, or none at all. */
  readonly choice: "default" | "custom" | "none";
  /** The tiers that can fire, in the order written (defaults: the policy table's order). */
  readonly burnRate: readonly BurnRateTier[];
  readonly dropped: readonly DroppedTier[];
  readonly errorBudget?: ErrorBudgetAlert;
  /** Resolved: the SLO's own handles for a severity, else the service's. */
  readonly notify: Notify;
  readonly runbook?: Located<string>;
}

/** What a correction's spec says, as written: rules judge these texts, plans read the resolved values. */
export interface WrittenCorrection {
  /** Such as `scheduled-maintenance`. */
  readonly category: string;
  /** ISO 8601, with an offset or as a local time in `timezone`. */
  readonly start: string;
  readonly end?: string;
  /** Such as `2h`. */
  readonly duration?: string;
  readonly timezone?: string;
  /** The keys written, whatever their values: one-off or recurring is judged on them. */
  readonly keys: readonly string[];
}

/**
 * Time excluded from an SLO's error budget (a Datadog SLO status correction): once, from `start`
 * to `end`, or recurring, from `start` by `rrule`, for `durationSeconds` each time.
 */
export interface Correction {
  /** The name that identifies the correction across changes; without one, its content does. */
  readonly name?: string;
  /** Written on the service (for each of its SLOs) or on the SLO itself. */
  readonly scope: "service" | "slo";
  readonly written: WrittenCorrection;
  readonly category: CorrectionCategory;
  readonly description?: string;
  /** Epoch seconds. */
  readonly start: number;
  /** Epoch seconds; one-off corrections only. */
  readonly end?: number;
  /** An RFC 5545 recurrence rule, as written; recurring corrections only. */
  readonly rrule?: string;
  readonly durationSeconds?: number;
  /** The IANA time zone recurrences follow: as written, or `UTC`. */
  readonly timezone: string;
  /** The Datadog correction this one adopts (Terraform imports it). */
  readonly datadogId?: string;
  readonly at: At<
    "name" | "category" | "description" | "start" | "end" | "rrule" | "duration" | "timezone" | "datadogId"
  >;
}

/** The journey an SLO protects, by name. */
export type JourneyRef = Located<string>;

/** One service level objective, as the compiler understands it. */
export interface Slo {
  /** The stack of the service instance the SLO belongs to (see {@link Service.stack}). */
  readonly stack: string;
  readonly name: string;
  /** The SLO's name in Datadog when it is not `<service> <name>`, such as the name of an adopted SLO. */
  readonly displayName?: string;
  /** The Datadog SLO this one adopts (Terraform imports it). */
  readonly datadogId?: string;
  /** The SLO's previous name: its Terraform state moves instead of being destroyed. */
  readonly renamedFrom?: string;
  readonly description?: string;
  readonly sli: Sli;
  /** The SLI template the SLI was made from, where the SLO names it. */
  readonly template?: Located<string>;
  readonly journey?: JourneyRef;
  /** Sorted by window (7d, 30d, 90d). */
  readonly objectives: readonly Objective[];
  /** The objective the spec lists first: Datadog's primary threshold. */
  readonly primary: Objective;
  /** The tags written on the SLO itself. */
  readonly tags: readonly Tag[];
  /** What the SLO's resources carry: base, service, SLO and journey tags, normalised, sorted, unique. */
  readonly resourceTags: readonly string[];
  readonly alerts: Alerting;
  /** The corrections that apply: the service's, then the SLO's own. */
  readonly corrections: readonly Correction[];
  readonly at: At<"name" | "displayName" | "datadogId" | "renamedFrom" | "sli" | "objectives" | "alerts">;
}

/** A dependency a journey crosses, with its published availability in percent. */
export interface Dependency {
  readonly name: string;
  readonly availability: number;
  readonly at: At<"availability">;
}

/** A critical user journey (`user`, CUJ) or critical machine communication (`machine`, CMC). */
export interface Journey {
  readonly name: string;
  /** Whom the journey serves: people (a CUJ) or machines (a CMC). */
  readonly serves: "user" | "machine";
  readonly description?: string;
  /** Each step: one dependency crossed in series, or several redundant ones (any one suffices). */
  readonly dependsOn: readonly (readonly Located<string>[])[];
  /** The best availability the journey can reach given its dependencies; absent without any. */
  readonly ceiling?: Ceiling;
  readonly at: At<"serves">;
}

/** When a service's SLOs were last reviewed, and when they are next due. */
export interface ReviewCadence {
  readonly every: string;
  readonly last: string;
  readonly due: string;
  readonly at: At<"every" | "last">;
}

/**
 * One instance of a service: a spec file, or one of the environments the file declares. Each
 * instance is a Terraform stack of its own.
 */
export interface Service {
  readonly name: string;
  /** The environment this instance is, when the service declares environments. */
  readonly environment?: string;
  /** The stack's name: the service's, or `<service>-<environment>`; unique across the specs. */
  readonly stack: string;
  readonly owner: string;
  readonly description?: string;
  readonly tags: readonly Tag[];
  readonly notify: Notify;
  readonly runbook?: Located<string>;
  readonly dependencies: readonly Dependency[];
  /** Sorted by name. */
  readonly journeys: readonly Journey[];
  readonly review?: ReviewCadence;
  readonly approvers: readonly Handle[];
  /** Whether the service gets a Datadog dashboard of its SLOs. */
  readonly dashboard: boolean;
  /** The corrections written on the service; each of its SLOs carries them too. */
  readonly corrections: readonly Correction[];
  /** Sorted by name. */
  readonly slos: readonly Slo[];
  /** `environment` is where the instance's environment is declared (the file's start without one). */
  readonly at: At<"name" | "owner" | "environment">;
}

/** A shared list of dependencies (such as a cloud provider's published SLAs) every journey can name. */
export interface Catalog {
  readonly name: string;
  readonly dependencies: readonly Dependency[];
  readonly at: At<"name">;
}

/** Everything the specs declare. */
export interface Model {
  /** Service instances, sorted by stack. */
  readonly services: readonly Service[];
  /** Sorted by file. */
  readonly catalogs: readonly Catalog[];
}

/** Parts a draft keeps whatever else is missing: what an element is, and where it was written. */
type KeptInDraft = "kind" | "at";

/** Values a draft holds whole or not at all: positions, and what is computed from complete parts. */
type WholeInDraft = Position | Ceiling;

/**
 * A model element as far as its spec could be read: every part a shape error made unreadable is
 * absent. Rules check drafts, so a malformed part never hides a problem in its neighbours.
 */
export type Draft<T> = T extends string | number | boolean | WholeInDraft
  ? T
  : T extends readonly (infer Item)[]
    ? readonly Draft<Item>[]
    : T extends object
      ? { readonly [K in keyof T as K extends KeptInDraft ? K : never]: T[K] } & {
          readonly [K in keyof T as K extends KeptInDraft ? never : K]?: Draft<T[K]>;
        }
      : T;
