import type { RatioSli } from "./model.js";

/** The numerator of a ratio SLI: its good events query, or all events less the bad ones. */
export function ratioNumerator(events: RatioSli["events"], eventsQuery: string, total: string): string {
  return events === "good" ? eventsQuery : `(${total}) - (${eventsQuery})`;
}
