import type { CorrectionCategory } from "../datadog/corrections.js";
import type { SloAlertQueryParts } from "../datadog/slo-alert-query.js";
import type { Window } from "../datadog/windows.js";

/**
 * Planned Terraform resources: plain data shaped like the provider's resource configuration, so the
 * emit stage passes them through unchanged and the change diff compares them without cdktf.
 */

export const SLO_RESOURCE = "datadog_service_level_objective";

/** One threshold of an SLO, as the provider takes it. */
export interface ThresholdConfig {
  readonly timeframe: Window;
  readonly target: number;
  readonly warning?: number;
}

/** Configuration of a `datadog_service_level_objective`. */
export interface SloConfig {
  readonly name: string;
  readonly type: "metric" | "monitor" | "time_slice";
  readonly description?: string;
  readonly thresholds: readonly ThresholdConfig[];
  readonly timeframe: Window;
  readonly targetThreshold: number;
  readonly warningThreshold?: number;
  readonly tags: readonly string[];
  readonly query?: { readonly numerator: string; readonly denominator: string };
  readonly monitorIds?: readonly number[];
  readonly groups?: readonly string[];
  readonly sliSpecification?: {
    readonly timeSlice: {
      readonly comparator: string;
      readonly threshold: number;
      readonly queryIntervalSeconds: number;
      readonly query: {
        readonly formula: { readonly formulaExpression: string };
        readonly query: readonly {
          readonly metricQuery: { readonly name: string; readonly query: string; readonly dataSource: "metrics" };
        }[];
      };
    };
  };
  readonly forceDelete?: boolean;
}

/** A planned SLO resource and the names it is known by. */
export interface SloResource {
  readonly resourceType: typeof SLO_RESOURCE;
  readonly logicalId: string;
  /** The logical id this resource had before a rename: Terraform moves its state. */
  readonly movedFrom?: string;
  /** The id of the existing Datadog SLO this resource adopts: Terraform imports it instead of creating one. */
  readonly importId?: string;
  readonly service: string;
  readonly slo: string;
  readonly config: SloConfig;
}

export const MONITOR_RESOURCE = "datadog_monitor";

/**
 * The query of an SLO alert, kept in parts: the SLO's id is only known to Terraform, so the emit
 * stage formats the query with a reference to the SLO resource as its SLO id.
 */
export interface SloAlertQuery extends Omit<SloAlertQueryParts, "sloId"> {
  readonly sloLogicalId: string;
}

/** Configuration of a `datadog_monitor` of type `slo alert`, less its query. */
export interface MonitorConfig {
  readonly name: string;
  readonly type: "slo alert";
  readonly message: string;
  /** Datadog takes priority as a string, "1" (highest) to "5". */
  readonly priority: string;
  readonly tags: readonly string[];
  /** Threshold values are strings in the provider; critical equals the query's number. */
  readonly monitorThresholds: { readonly critical: string; readonly warning?: string };
}

/** A planned SLO alert monitor. */
export interface MonitorResource {
  readonly resourceType: typeof MONITOR_RESOURCE;
  readonly logicalId: string;
  /** The logical id this monitor had before its SLO was renamed. */
  readonly movedFrom?: string;
  /** The id of the existing Datadog monitor this resource adopts, as a decimal string. */
  readonly importId?: string;
  readonly service: string;
  readonly slo: string;
  readonly query: SloAlertQuery;
  readonly config: MonitorConfig;
}

export const DASHBOARD_RESOURCE = "datadog_dashboard";

/** An SLO widget: the SLO by reference, shown over its windows with its error budget. */
export interface DashboardSloWidget {
  readonly sloLogicalId: string;
  readonly title: string;
  readonly timeWindows: readonly string[];
}

/** A service's dashboard: one group of SLO widgets per journey, and a note about ownership. */
export interface DashboardConfig {
  readonly title: string;
  readonly description: string;
  readonly groups: readonly { readonly title: string; readonly widgets: readonly DashboardSloWidget[] }[];
  readonly note: string;
}

/** A planned `datadog_dashboard`. */
export interface DashboardResource {
  readonly resourceType: typeof DASHBOARD_RESOURCE;
  readonly logicalId: string;
  readonly service: string;
  /** A dashboard's id derives from its service, which is never renamed: it never moves. */
  readonly movedFrom?: undefined;
  /** Dashboards are slocc's own: none is adopted. */
  readonly importId?: undefined;
  readonly config: DashboardConfig;
}

export const CORRECTION_RESOURCE = "datadog_slo_correction";

/** Configuration of a `datadog_slo_correction`, less its SLO: one-off (`end`) or recurring (`rrule`, `duration`). */
export interface CorrectionConfig {
  readonly category: CorrectionCategory;
  readonly description?: string;
  /** Epoch seconds. */
  readonly start: number;
  /** Epoch seconds. */
  readonly end?: number;
  readonly rrule?: string;
  /** Seconds. */
  readonly duration?: number;
  /** Always written: left out, Datadog stores `UTC` and the provider plans a change on every run. */
  readonly timezone: string;
}

/** A planned SLO correction; its SLO is referred to by logical id, resolved by the emit stage like a monitor's. */
export interface CorrectionResource {
  readonly resourceType: typeof CORRECTION_RESOURCE;
  readonly logicalId: string;
  /** The logical id this correction had before its SLO was renamed. */
  readonly movedFrom?: string;
  readonly service: string;
  readonly slo: string;
  readonly sloLogicalId: string;
  /** The id of the existing Datadog correction this resource adopts. */
  readonly importId?: string;
  readonly config: CorrectionConfig;
}

/** Any planned resource. */
export type PlannedResource = SloResource | MonitorResource | DashboardResource | CorrectionResource;

/** One Terraform stack: a service and its resources, sorted by logical id. */
export interface StackPlan {
  readonly name: string;
  readonly resources: readonly PlannedResource[];
}

/** The compiled result: every stack, sorted by name. */
export interface CompiledPlan {
  readonly stacks: readonly StackPlan[];
}
