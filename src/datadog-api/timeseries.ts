import { z } from "zod";

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
