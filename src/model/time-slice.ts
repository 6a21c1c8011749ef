import type { At, Draft, NamedQuery, Position, TimeSliceSli } from "./model.js";
import { SINGLE_QUERY_NAME } from "./model.js";
import { optional } from "../util/optional.js";

/** The query of a time-slice SLI written with one query, or undefined for a formula over several. */
export function singleQuery(sli: Pick<TimeSliceSli, "formula" | "queries">): string | undefined {
  const [first, ...others] = sli.queries;
  return first && others.length === 0 && first.name === SINGLE_QUERY_NAME && sli.formula === SINGLE_QUERY_NAME
    ? first.query
    : undefined;
}

/** A one-query time-slice SLI's formula and queries: the formula `query1` over that query, written at `at`. */
export function singleQueryForm(
  query: string | undefined,
  at: Position,
): { formula: string; queries: Draft<NamedQuery>[]; at: Pick<At<"formula" | "queries">, "formula" | "queries"> } {
  return {
    formula: SINGLE_QUERY_NAME,
    queries: [{ name: SINGLE_QUERY_NAME, ...optional("query", query), at: { self: at, name: at, query: at } }],
    at: { formula: at, queries: at },
  };
}
