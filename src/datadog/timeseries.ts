/** A metric query named for the formulas over it, as the v2 metrics query API takes it. */
export interface NamedMetricQuery {
  readonly name: string;
  readonly query: string;
}

/** A request to the v2 metrics query API: named metric queries and the formulas over them, in epoch seconds. */
export interface TimeseriesQuery {
  /** Inclusive. */
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
  /** The interval asked for; Datadog may answer coarser. */
  readonly intervalSeconds: number;
  readonly queries: readonly NamedMetricQuery[];
  /** One per measure, in the order of the measures. */
  readonly formulas: readonly string[];
}

/** One series of an answer: one formula's values (of one group, when it groups), aligned with the answer's times. */
export interface TimeseriesSeries {
  /** The index of the formula in the request. */
  readonly formulaIndex: number;
  readonly groupTags: readonly string[];
  readonly values: readonly (number | null)[];
}

/** The v2 metrics query API's answer: bucket starts in epoch seconds (buckets without data left out) and the series found. */
export interface TimeseriesAnswer {
  readonly times: readonly number[];
  readonly series: readonly TimeseriesSeries[];
}
