import { optional } from "../util/optional.js";

/**
 * The query of a Datadog `slo alert` monitor, taken apart:
 * `burn_rate("<slo id>").over("30d").long_window("1h").short_window("5m") > 14.4` or
 * `error_budget("<slo id>").over("30d") > 75`. Each part keeps the text it was written with.
 */
export interface SloAlertQueryParts {
  readonly function: "burn_rate" | "error_budget";
  readonly sloId: string;
  readonly window: string;
  /** Burn rate only, such as `1h`. */
  readonly longWindow?: string;
  /** Burn rate only, such as `5m`. */
  readonly shortWindow?: string;
  readonly operator: ">" | ">=";
  /** The number compared with, as written. */
  readonly threshold: string;
}

// Tolerant of spaces inside the call chain: no source proves Datadog never reformats these queries.
const SLO_ALERT_QUERY = new RegExp(
  [
    /^\s*(burn_rate|error_budget)\(\s*"([^"]+)"\s*\)/.source,
    /\.over\(\s*"([^"]+)"\s*\)/.source,
    /(?:\.long_window\(\s*"([^"]+)"\s*\)\.short_window\(\s*"([^"]+)"\s*\))?/.source,
    /\s*(>=|>)\s*(\d+(?:\.\d+)?)\s*$/.source,
  ].join(""),
);

/** The parts of an SLO alert query, or undefined when the text is not one. */
export function parseSloAlertQuery(query: string): SloAlertQueryParts | undefined {
  const match = SLO_ALERT_QUERY.exec(query);
  if (!match) return undefined;
  const [, fn, sloId, window, longWindow, shortWindow, operator, threshold] = match;
  const isBurnRate = fn === "burn_rate";
  // A burn rate has both windows; an error budget has neither.
  if (isBurnRate !== (longWindow !== undefined)) return undefined;
  return {
    function: isBurnRate ? "burn_rate" : "error_budget",
    sloId: sloId ?? "",
    window: window ?? "",
    ...optional("longWindow", longWindow),
    ...optional("shortWindow", shortWindow),
    operator: operator === ">=" ? ">=" : ">",
    threshold: threshold ?? "",
  };
}

/**
 * An SLO alert query as slocc writes it, `burn_rate("<slo id>").over("30d").long_window("1h").short_window("5m") > 14.4`
 * (without the windows for an error budget). Planned alerts and adopted ones are written by it alike.
 */
export function formatSloAlertQuery(parts: SloAlertQueryParts): string {
  const windows =
    parts.longWindow === undefined
      ? ""
      : `.long_window("${parts.longWindow}").short_window("${parts.shortWindow ?? ""}")`;
  return `${parts.function}("${parts.sloId}").over("${parts.window}")${windows} ${parts.operator} ${parts.threshold}`;
}
