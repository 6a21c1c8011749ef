/** One metric query inside a Datadog query expression, such as `sum:requests{service:web}`. */
export interface MetricQuery {
  /** The aggregator's name (`sum`, `avg`, `count` of `count(v: v<=3)`), or undefined when none is written. */
  readonly aggregator?: string;
  readonly metric: string;
  /** The query as written, from its aggregator to the end of its scope. */
  readonly text: string;
}

/**
 * The metric queries of an expression such as `sum:a{x}.as_count() + sum:b{y}.as_count()`: each
 * metric name directly followed by a `{scope}`, with the aggregator written before it and its `:`.
 * Scopes, quoted text and `by {tags}` groupings are not metric queries. Expects balanced brackets
 * and quotes.
 */
export function metricQueries(expression: string): MetricQuery[] {
  const found: MetricQuery[] = [];
  let depth = 0;
  let quote: string | undefined;
  for (let index = 0; index < expression.length; index++) {
    const char = expression.charAt(index);
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === "}") {
      depth--;
    } else if (char === "{") {
      if (depth === 0) {
        const query = metricQueryBefore(expression, index);
        if (query) found.push({ ...query, text: `${query.text}${scopeFrom(expression, index)}` });
      }
      depth++;
    }
  }
  return found;
}

/** The metric (and its aggregator) written right before the `{` at `brace`, if that `{` opens a scope. */
function metricQueryBefore(expression: string, brace: number): MetricQuery | undefined {
  const metric = /[A-Za-z0-9_.]+$/.exec(expression.slice(0, brace))?.[0];
  if (metric === undefined) return undefined;
  const metricStart = brace - metric.length;
  // `sum:a{*} by {host}`: a grouping, not a metric.
  if (metric === "by" && (metricStart === 0 || /[\s}]/.test(expression.charAt(metricStart - 1)))) return undefined;
  if (expression.charAt(metricStart - 1) !== ":") return { metric, text: metric };
  const aggregatorEnd = metricStart - 1;
  const call = /([A-Za-z_][A-Za-z0-9_]*)\([^()]*\)$/.exec(expression.slice(0, aggregatorEnd));
  const plain = /[A-Za-z_][A-Za-z0-9_]*$/.exec(expression.slice(0, aggregatorEnd));
  const written = call ?? plain;
  if (!written) return { metric, text: metric };
  const aggregator = call ? (call[1] ?? "") : written[0];
  return { aggregator, metric, text: expression.slice(aggregatorEnd - written[0].length, brace) };
}

/** The `{...}` scope starting at `brace`, up to its closing brace. */
function scopeFrom(expression: string, brace: number): string {
  let depth = 0;
  for (let index = brace; index < expression.length; index++) {
    const char = expression.charAt(index);
    if (char === "{") depth++;
    else if (char === "}" && --depth === 0) return expression.slice(brace, index + 1);
  }
  return expression.slice(brace);
}
