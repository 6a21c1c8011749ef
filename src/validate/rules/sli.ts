import type { DataPath } from "../../load/source-file.js";
import type { SliV1 } from "../../spec/v1.js";
import type { Report } from "./report.js";

const SLI_KINDS = ["ratio", "latency", "timeSlice", "monitors"] as const;

/** One SLI kind; a ratio with exactly one of good/bad; balanced queries; monitor groups only for one monitor. */
export function checkSli(sli: SliV1, sliPath: DataPath, report: Report): void {
  const kinds = SLI_KINDS.filter((kind) => sli[kind] !== undefined);
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? "none" : kinds.join(" and ");
    report("SLI_KIND", `an SLI has exactly one of ${SLI_KINDS.join(", ")}; found ${found}: keep one`, sliPath, kinds.length === 0 ? "value" : undefined);
  }
  if (sli.ratio) {
    const { good, bad } = sli.ratio;
    if ((good === undefined) === (bad === undefined)) {
      report("RATIO_EVENTS", "give either `good` (good events) or `bad` (bad events) with `total`, not both or neither", [...sliPath, "ratio"]);
    }
    for (const field of ["good", "bad", "total"] as const) {
      checkQuery(sli.ratio[field], [...sliPath, "ratio", field], report);
    }
  }
  if (sli.latency?.filter !== undefined) {
    checkQuery(sli.latency.filter, [...sliPath, "latency", "filter"], report);
    if (/[{}]/.test(sli.latency.filter)) {
      report("QUERY_SYNTAX", "write the filter without braces, as tags separated by commas: `service:web,env:prod`", [...sliPath, "latency", "filter"]);
    }
  }
  if (sli.timeSlice) checkQuery(sli.timeSlice.query, [...sliPath, "timeSlice", "query"], report);
  if (sli.monitors?.groups && sli.monitors.ids.length !== 1) {
    report("MONITOR_GROUPS", "Datadog accepts `groups` only for an SLO made of exactly one monitor: remove `groups` or keep one id", [...sliPath, "monitors", "groups"]);
  }
}

function checkQuery(query: string | undefined, path: DataPath, report: Report): void {
  if (query === undefined) return;
  const problem = unbalanced(query);
  if (problem) report("QUERY_SYNTAX", `${problem}: check the query's braces, brackets, parentheses and quotes`, path);
}

const CLOSERS: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };

/** Describes the first unbalanced bracket or quote in a query, or returns undefined. */
export function unbalanced(query: string): string | undefined {
  const open: { char: string; index: number }[] = [];
  let quote: { char: string; index: number } | undefined;
  for (const [index, char] of [...query].entries()) {
    if (quote) {
      if (char === quote.char) quote = undefined;
      continue;
    }
    if (char === '"' || char === "'") quote = { char, index };
    else if (char in CLOSERS) open.push({ char, index });
    else if (char === ")" || char === "]" || char === "}") {
      const last = open.pop();
      if (!last || CLOSERS[last.char] !== char) return `unexpected \`${char}\` at character ${index + 1}`;
    }
  }
  if (quote) return `the quote \`${quote.char}\` at character ${quote.index + 1} is never closed`;
  const last = open.pop();
  return last ? `\`${last.char}\` at character ${last.index + 1} is never closed` : undefined;
}
