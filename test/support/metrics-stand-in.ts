import { startStandIn, type Answer, type StandIn } from "./datadog-stand-in.js";

/**
 * A stand-in of Datadog's v2 metrics query API (`POST /api/v2/query/timeseries`) serving per-minute
 * series a test generates, with the API's behaviours as recorded in Datadog's API client cassettes
 * and documented: bucket starts aligned to the interval, buckets without data left out of `times`,
 * `series: [], times: [], values: []` for a query matching nothing, `.rollup(sum|avg, seconds)`,
 * a request for more than `maxPoints` points per series answered at a coarser interval, 403
 * without the right keys, 429 with `X-RateLimit-Reset` when asked to.
 */

/** One metric's data: a value per minute from `origin` (epoch seconds, on a minute); NaN for a minute without a point. */
export interface MinuteSeries {
  readonly origin: number;
  readonly values: Float64Array;
}

/** How the stand-in behaves. */
export interface MetricsStandInOptions {
  /** Series by metric query, written as in the SLO's query up to its scope: `sum:web.hits{env:prod}`. */
  readonly series: ReadonlyMap<string, MinuteSeries>;
  readonly keys: { readonly apiKey: string; readonly appKey: string };
  /** Points per series above which Datadog answers coarser: 1,500 ("a series can have up to 1,500 points", rollup docs). */
  readonly maxPoints?: number;
  /** Requests answered 429 first, before any is served. */
  readonly rateLimitedFirst?: number;
  /** Requests answered 503 first (after the 429s). */
  readonly unavailableFirst?: number;
}

/** A metrics stand-in with what it served. */
export interface MetricsStandIn extends StandIn {
  /** The timeseries requests it served (200), with the interval it answered at. */
  readonly served: readonly { readonly from: number; readonly to: number; readonly interval: number }[];
}

/** Intervals Datadog coarsens to, in seconds (its rollup table: 1m, 5m, 10m, 1h, 4h, 12h, 1d and steps between). */
const COARSER = [60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400, 28800, 43200, 86400];

interface TimeseriesBody {
  data?: {
    type?: string;
    attributes?: {
      from?: number;
      to?: number;
      interval?: number;
      queries?: { name?: string; query?: string; data_source?: string }[];
      formulas?: { formula?: string }[];
    };
  };
}

/** Starts the stand-in on 127.0.0.1. */
export async function startMetricsStandIn(options: MetricsStandInOptions): Promise<MetricsStandIn> {
  const served: { from: number; to: number; interval: number }[] = [];
  const sums = new Map<string, { sum: Float64Array; count: Float64Array; origin: number }>();
  const running = (key: string) => {
    const series = options.series.get(key);
    if (!series) return undefined;
    let found = sums.get(key);
    if (!found) {
      const sum = new Float64Array(series.values.length + 1);
      const count = new Float64Array(series.values.length + 1);
      series.values.forEach((value, index) => {
        const present = Number.isNaN(value) ? 0 : 1;
        sum[index + 1] = (sum[index] ?? 0) + (present ? value : 0);
        count[index + 1] = (count[index] ?? 0) + present;
      });
      found = { sum, count, origin: series.origin };
      sums.set(key, found);
    }
    return found;
  };
  let requests = 0;
  const standIn = await startStandIn((url, received): Answer | undefined => {
    const request = received[received.length - 1];
    if (url.pathname !== "/api/v2/query/timeseries" || request?.method !== "POST") return undefined;
    if (
      request.headers["dd-api-key"] !== options.keys.apiKey ||
      request.headers["dd-application-key"] !== options.keys.appKey
    )
      return { status: 403, body: { errors: ["Forbidden"] } };
    requests++;
    if (requests <= (options.rateLimitedFirst ?? 0))
      return { status: 429, headers: { "X-RateLimit-Reset": "3" }, body: { errors: ["Too many requests"] } };
    if (requests <= (options.rateLimitedFirst ?? 0) + (options.unavailableFirst ?? 0))
      return { status: 503, headers: { "Content-Type": "text/html" }, body: "<html>Service Unavailable</html>" };
    const body = JSON.parse(request.body) as TimeseriesBody;
    const attributes = body.data?.attributes;
    if (
      body.data?.type !== "timeseries_request" ||
      !attributes?.queries ||
      attributes.from === undefined ||
      attributes.to === undefined
    )
      return {
        status: 400,
        body: { errors: ['API input validation failed: Invalid type. Expected "timeseries_request".'] },
      };
    const from = attributes.from / 1000;
    const to = attributes.to / 1000;
    const parsed = attributes.queries.map((query) => ({ name: query.name ?? "", ...parseQuery(query.query ?? "") }));
    const broken = parsed.find((query) => query.key === undefined);
    if (broken) return { status: 400, body: { errors: [`Error(s) found in query: unable to parse ${broken.name}`] } };
    const asked = Math.max((attributes.interval ?? 60_000) / 1000, ...parsed.map((query) => query.rollupSeconds ?? 0));
    const limit = options.maxPoints ?? 1500;
    const interval =
      Math.ceil((to - from) / asked) <= limit
        ? asked
        : (COARSER.find((step) => step >= asked && Math.ceil((to - from) / step) <= limit) ?? 86400);
    served.push({ from, to, interval });
    const buckets: number[] = [];
    for (let start = Math.ceil(from / interval) * interval; start < to; start += interval) buckets.push(start);
    const byName = new Map(
      parsed.map((query) => {
        const data = running(query.key ?? "");
        const values = buckets.map((start) => {
          if (!data) return NaN;
          const first = Math.max(0, Math.floor((start - data.origin) / 60));
          const last = Math.min(data.sum.length - 1, Math.floor((start + interval - data.origin) / 60));
          if (last <= first) return NaN;
          const count = (data.count[last] ?? 0) - (data.count[first] ?? 0);
          const sum = (data.sum[last] ?? 0) - (data.sum[first] ?? 0);
          if (count === 0) return NaN;
          return query.rollup === "avg" ? sum / count : sum;
        });
        return [query.name, data ? values : undefined] as const;
      }),
    );
    const formulas = (attributes.formulas ?? parsed.map((query) => ({ formula: query.name }))).map(
      (f) => f.formula ?? "",
    );
    const names = new Set(parsed.map((query) => query.name));
    const unknown = formulas.flatMap((formula) =>
      (formula.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((name) => !names.has(name)),
    );
    if (unknown.length > 0)
      return { status: 400, body: { errors: [`Invalid formula: unknown query name ${unknown[0] ?? ""}`] } };
    const series = formulas.flatMap((formula, index) => {
      const values = evaluate(formula, byName, buckets.length);
      return values && values.some((value) => !Number.isNaN(value)) ? [{ index, values }] : [];
    });
    const kept = buckets.flatMap((_start, bucket) =>
      series.some((s) => !Number.isNaN(s.values[bucket] ?? NaN)) ? [bucket] : [],
    );
    return {
      headers: {
        "Content-Type": "application/vnd.api+json",
        "X-RateLimit-Limit": "1600",
        "X-RateLimit-Period": "3600",
        "X-RateLimit-Remaining": String(Math.max(0, 1600 - requests)),
        "X-RateLimit-Reset": "1800",
        "X-RateLimit-Name": "metrics_query",
      },
      body: {
        data: {
          id: "0",
          type: "timeseries_response",
          attributes: {
            series: series.map((s) => ({ group_tags: [], query_index: s.index, unit: null })),
            times: kept.map((bucket) => (buckets[bucket] ?? 0) * 1000),
            values: series.map((s) =>
              kept.map((bucket) => (Number.isNaN(s.values[bucket] ?? NaN) ? null : s.values[bucket])),
            ),
          },
        },
      },
    };
  });
  return { ...standIn, served };
}

/** A metric query: the key of its series (up to its scope), and its rollup. Undefined key when it cannot be read. */
function parseQuery(query: string): { key?: string; rollup?: "sum" | "avg"; rollupSeconds?: number } {
  const match = /^(.*\})((?:\.[a-z_]+\([^()]*\))*)$/.exec(query.trim());
  if (!match?.[1]) return {};
  const rollup = /\.rollup\((sum|avg)\s*,\s*(\d+)\)/.exec(match[2] ?? "");
  return {
    key: match[1],
    ...(rollup ? { rollup: rollup[1] as "sum" | "avg", rollupSeconds: Number(rollup[2]) } : {}),
  };
}

/**
 * A formula over named series, bucket by bucket: names, numbers, `+ - * /` and parentheses. NaN
 * where a series it uses has no point; undefined when it names a series without data at all.
 */
function evaluate(
  formula: string,
  byName: ReadonlyMap<string, readonly number[] | undefined>,
  length: number,
): number[] | undefined {
  const tokens = formula.match(/[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|[-+*/()]/g) ?? [];
  let position = 0;
  let missing = false;
  const peek = () => tokens[position];
  const primary = (): number[] => {
    const token = tokens[position++] ?? "";
    if (token === "(") {
      const inner = sum();
      position++;
      return inner;
    }
    if (token === "-") return primary().map((value) => -value);
    if (/^\d/.test(token)) return new Array<number>(length).fill(Number(token));
    const values = byName.get(token);
    if (!values) missing = true;
    return values ? [...values] : new Array<number>(length).fill(NaN);
  };
  const product = (): number[] => {
    let left = primary();
    while (peek() === "*" || peek() === "/") {
      const operator = tokens[position++];
      const right = primary();
      left = left.map((value, index) =>
        operator === "*" ? value * (right[index] ?? NaN) : value / (right[index] ?? NaN),
      );
    }
    return left;
  };
  const sum = (): number[] => {
    let left = product();
    while (peek() === "+" || peek() === "-") {
      const operator = tokens[position++];
      const right = product();
      left = left.map((value, index) =>
        operator === "+" ? value + (right[index] ?? NaN) : value - (right[index] ?? NaN),
      );
    }
    return left;
  };
  const result = sum();
  return missing ? undefined : result;
}
