import { metricQueries } from "../datadog/queries.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position } from "../util/position.js";
import { eachSlo, type Rule } from "./rule.js";
import { unbalanced } from "./sli.js";

/**
 * Datadog computes a metric SLO from sums of events: every metric query of a ratio's `good`, `bad`
 * and `total` must use `sum` (an expression of several sums, such as `sum:a{x} + sum:b{y}`, is
 * fine). Another aggregator averages or picks among counts, and none at all means `avg`.
 */
export const checkRatioAggregators: Rule = (model) =>
  eachSlo(model).flatMap(({ slo }) => {
    const sli = slo.sli;
    if (sli?.kind !== "ratio") return [];
    return [...aggregatorProblems(sli.eventsQuery, sli.at.events), ...aggregatorProblems(sli.total, sli.at.total)];
  });

function aggregatorProblems(query: string | undefined, at: Position): Diagnostic[] {
  // An unbalanced query is reported as such; its metric queries cannot be told apart.
  if (query === undefined || unbalanced(query) !== undefined) return [];
  const offending = metricQueries(query).filter((metricQuery) => metricQuery.aggregator !== "sum");
  if (offending.length === 0) return [];
  const described = offending
    .map((metricQuery) =>
      metricQuery.aggregator === undefined
        ? `\`${metricQuery.text}\` has no aggregator (Datadog then averages)`
        : `\`${metricQuery.text}\` uses \`${metricQuery.aggregator}\``,
    )
    .join("; ");
  return [
    diagnostic(
      "RATIO_AGGREGATOR",
      `${described}: Datadog counts the events of a metric SLO with \`sum\`, such as \`sum:${offending[0]?.metric ?? "requests"}{...}.as_count()\`` +
        " (for a distribution's threshold query, use the `latency` SLI)",
      at,
    ),
  ];
}
