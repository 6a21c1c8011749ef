import { formatDuration } from "../human/duration.js";
import { formatNumber } from "../human/numbers.js";
import type { Sli } from "../model/model.js";
import { plural } from "../util/text.js";
import { html, type Html } from "./html.js";

/** A query of an SLI, with what it counts. */
export interface LabelledQuery {
  readonly label: string;
  readonly query: string;
}

/** What an SLI measures, in a sentence, and the queries Datadog computes it from. */
export interface SliWords {
  readonly sentence: Html;
  readonly queries: readonly LabelledQuery[];
}

/** An SLI in words, from the model's resolved queries. */
export function sliWords(sli: Sli): SliWords {
  switch (sli.kind) {
    case "ratio":
      return {
        sentence:
          sli.events === "good"
            ? html`The share of events that are good: good events over all events.`
            : html`The share of events that are not bad: all events less the bad ones, over all events.`,
        queries: [
          { label: sli.events === "good" ? "good events" : "bad events", query: sli.eventsQuery },
          { label: "all events", query: sli.total },
        ],
      };
    case "latency":
      return {
        sentence: html`The share of requests to <code>${sli.metric}</code> (<code>${sli.filter}</code>) answered within ${formatNumber(sli.threshold)} (in the metric's unit: seconds for a duration).`,
        queries: [
          { label: "requests within the threshold", query: sli.numerator },
          { label: "all requests", query: sli.denominator },
        ],
      };
    case "timeSlice":
      return {
        sentence: html`The share of ${formatDuration(sli.intervalSeconds)} slices of time in which <code>${sli.formula}</code> ${sli.comparator} ${formatNumber(sli.threshold)}.`,
        queries: sli.queries.map((query) => ({ label: query.name, query: query.query })),
      };
    case "monitors": {
      const one = sli.monitorIds.length === 1;
      const groups = sli.groups.length > 0 ? html`, in the groups <code>${sli.groups.join(", ")}</code>` : "";
      return {
        sentence: html`The share of time ${one ? "the Datadog monitor" : `the ${plural(sli.monitorIds.length, "Datadog monitor")}`} ${sli.monitorIds.join(", ")} ${one ? "is" : "are"} up${groups}.`,
        queries: [],
      };
    }
  }
}
