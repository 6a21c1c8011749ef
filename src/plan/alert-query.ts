import type { SloAlertQuery } from "./resources.js";

/** The query text with `id` in place of the SLO's id: `burn_rate("<id>").over("30d")...`. */
export function sloAlertQueryText(query: SloAlertQuery, id: string): string {
  return `${query.function}("${id}")${query.rest}`;
}
