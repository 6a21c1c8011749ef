import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Located, Sli, TimeSliceSli } from "../model/model.js";
import type { Position } from "../util/position.js";
import { withoutPlaceholders } from "../util/placeholder.js";
import { didYouMean } from "../util/suggest.js";
import { repeats } from "./duplicates.js";
import { eachSlo, type Rule } from "./rule.js";

/**
 * Queries that are written and balanced; time-slice formulas over queries they define, each named
 * once; latency filters without braces; monitor groups only for one monitor.
 */
export const checkSlis: Rule = (model) =>
  eachSlo(model).flatMap(({ slo }) => {
    const problems = slo.sli ? sliProblems(slo.sli) : [];
    const template = slo.template;
    return template ? problems.map((problem) => inTemplate(problem, template)) : problems;
  });

/** A problem inside a template's SLI, named with the use it was found through. */
function inTemplate(problem: Diagnostic, use: Draft<Located<string>>): Diagnostic {
  const { at } = use;
  return {
    ...problem,
    message: `${problem.message} (template "${use.value ?? ""}", used at ${at.file}:${at.line}:${at.column})`,
  };
}

function sliProblems(sli: Draft<Sli>): Diagnostic[] {
  switch (sli.kind) {
    case "ratio":
      return [...queryProblems(sli.eventsQuery, sli.at.events), ...queryProblems(sli.total, sli.at.total)];
    case "latency": {
      if (sli.filter === undefined) return [];
      // A placeholder left unfilled was reported where it is written (UNKNOWN_PLACEHOLDER): its
      // braces are a misspelt variable, not a filter written in braces.
      const braces = /[{}]/.test(withoutPlaceholders(sli.filter))
        ? [
            diagnostic(
              "QUERY_SYNTAX",
              "write the filter without braces, as tags separated by commas: `service:web,env:prod`",
              sli.at.filter,
            ),
          ]
        : [];
      return [...balanceProblems(sli.filter, sli.at.filter), ...braces];
    }
    case "timeSlice":
      return timeSliceProblems(sli);
    case "monitors":
      return sli.groups !== undefined && sli.groups.length > 0 && sli.monitorIds?.length !== 1
        ? [
            diagnostic(
              "MONITOR_GROUPS",
              "Datadog accepts `groups` only for an SLO made of exactly one monitor: remove `groups` or keep one id",
              sli.at.groups,
            ),
          ]
        : [];
  }
}

function timeSliceProblems(sli: Draft<TimeSliceSli>): Diagnostic[] {
  const queries = sli.queries ?? [];
  const found = queries.flatMap((query) => queryProblems(query.query, query.at.query));
  const named = queries.flatMap((query) => (query.name === undefined ? [] : [{ name: query.name, at: query.at.name }]));
  found.push(
    ...repeats(
      "DUPLICATE_QUERY",
      named,
      (name, first) => `the query name "${name}" is already used on line ${first.line}: give each query its own name`,
    ),
  );
  const formula = sli.formula;
  const problems = formula === undefined ? [] : queryProblems(formula, sli.at.formula);
  found.push(...problems);
  // A query whose name could not be read would make every reference to it look unknown.
  if (formula === undefined || problems.length > 0 || named.length < queries.length) return found;
  const names = named.map((query) => query.name);
  for (const reference of new Set(formulaReferences(formula))) {
    if (names.includes(reference)) continue;
    found.push(
      diagnostic(
        "UNKNOWN_QUERY",
        `the formula uses "${reference}", which no query is named: add it to \`queries\` or fix the formula.${didYouMean(reference, names)}`,
        sli.at.formula,
      ),
    );
  }
  return found;
}

/** The query names a formula uses: its identifiers, less the functions it calls (`abs(query1)`). */
export function formulaReferences(formula: string): string[] {
  return [...formula.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()/g)].map((match) => match[0]);
}

function queryProblems(query: string | undefined, at: Position): Diagnostic[] {
  if (query === undefined) return [];
  if (query.length === 0) return [diagnostic("INVALID_VALUE", "write a Datadog metric query here; it is empty", at)];
  return balanceProblems(query, at);
}

function balanceProblems(query: string, at: Position): Diagnostic[] {
  const problem = unbalanced(query);
  return problem
    ? [diagnostic("QUERY_SYNTAX", `${problem}: check the query's braces, brackets, parentheses and quotes`, at)]
    : [];
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
