import { z } from "zod";

/** A request to the v2 metrics query API: named metric queries and the formulas over them, in epoch seconds. */
export interface TimeseriesQuery {
  /** Inclusive. */
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
  /** The interval asked for; Datadog may answer coarser. */
  readonly intervalSeconds: number;
  readonly queries: readonly { readonly name: string; readonly query: string }[];
  readonly formulas: readonly string[];
}

/** One series of an answer: one formula's values (of one group, when it groups), aligned with the answer's times. */
export interface TimeseriesSeries {
  readonly formulaIndex: number;
  readonly groupTags: readonly string[];
  readonly values: readonly (number | null)[];
}

/** The v2 metrics query API's answer: bucket starts in epoch seconds (buckets without data left out) and the series found. */
export interface TimeseriesAnswer {
  readonly times: readonly number[];
  readonly series: readonly TimeseriesSeries[];
}

/**
 * `POST /api/v2/query/timeseries`'s answer as recorded in Datadog's API client cassettes:
 * `data.attributes.{series[{group_tags, query_index, unit}], times (ms), values[series][time]}`, an
 * empty answer being `series: [], times: [], values: []`; `errors` a string.
 */
export const timeseriesShape = z.looseObject({
  data: z
    .looseObject({
      attributes: z.looseObject({
        series: z.array(
          z.looseObject({ group_tags: z.array(z.string()).nullish(), query_index: z.number().int().nullish() }),
        ),
        times: z.array(z.number()),
        values: z.array(z.array(z.number().nullable())),
      }),
    })
    .nullish(),
  errors: z.string().nullish(),
});
