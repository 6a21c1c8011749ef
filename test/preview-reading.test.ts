import { describe, expect, it } from "vitest";
import type { Slo } from "../src/model/model.js";
import { answeredInterval } from "../src/preview/grid.js";
import { formulaOf, readingOf, MAX_POINTS } from "../src/preview/reading.js";
import { compileOne, serviceYaml } from "./support/compile.js";

const END = Date.parse("2026-12-06T10:00:00Z") / 1000;
const DAY = 86_400;

/** The one SLO of a service spec holding `slo`. */
function sloOf(slo: string): Slo {
  const compiled = compileOne(serviceYaml(slo));
  const found = compiled.value?.model.services[0]?.slos[0];
  if (!found) throw new Error(JSON.stringify(compiled.diagnostics));
  return found;
}

const RATIO = (objectives: string, alerts = "") => `  - name: availability
    sli:
      ratio:
        bad: "sum:web.errors{service:web}.as_count()"
        total: "sum:web.hits{service:web}.as_count()"
    objectives:
${objectives}
${alerts}`;

describe("the queries read for an SLI", () => {
  it.each([
    ["one metric query, its methods kept", "sum:a{x:1}.as_count()", "good0", [["good0", "sum:a{x:1}.as_count()"]]],
    [
      "an expression, each metric query under a name",
      "sum:a{x}.as_count() - sum:b{y,z:2}.as_count()",
      "total0 - total1",
      [
        ["total0", "sum:a{x}.as_count()"],
        ["total1", "sum:b{y,z:2}.as_count()"],
      ],
    ],
    [
      "a function around a query, and a grouping",
      "default_zero(sum:a{x} by {host}.as_count())",
      "default_zero(bad0)",
      [["bad0", "sum:a{x} by {host}.as_count()"]],
    ],
    [
      "a threshold count of a distribution",
      "count(v: v<=0.5):trace.http.request{service:web}",
      "good0",
      [["good0", "count(v: v<=0.5):trace.http.request{service:web}"]],
    ],
  ])("names %s", (_name, expression, formula, queries) => {
    const prefix = formula.replace(/\d.*$/, "").replace(/^default_zero\(/, "");
    const found = formulaOf(expression, prefix);
    expect(found.formula).toBe(formula);
    expect(found.queries.map(({ name, query }) => [name, query])).toEqual(queries);
  });

  it("reads bad and all events apart, each rolled up as sums at the request's interval", () => {
    const reading = readingOf(sloOf(RATIO("      - { window: 30d, target: 99.9 }")), END);
    expect(reading?.measures.map((measure) => measure.role)).toEqual(["bad", "total"]);
    const last = reading?.requests.at(-1);
    expect(last?.queries).toEqual([
      { name: "bad0", query: "sum:web.errors{service:web}.as_count().rollup(sum, 300)" },
      { name: "total0", query: "sum:web.hits{service:web}.as_count().rollup(sum, 300)" },
    ]);
    expect(last?.formulas).toEqual(["bad0", "total0"]);
  });

  it("reads a time slice's formula over its queries, averaged over each slice", () => {
    const slo = sloOf(`  - name: latency
    sli:
      timeSlice:
        formula: "(query1 - query2) / query1"
        queries:
          - { name: query1, query: "sum:grpc.hits{service:web}" }
          - { name: query2, query: "sum:grpc.errors{service:web}" }
        comparator: ">="
        threshold: 0.99
        interval: 1m
    objectives:
      - { window: 7d, target: 99 }
`);
    const reading = readingOf(slo, END);
    expect(reading?.step).toBe(60);
    expect(reading?.requests[0]?.queries.map((query) => query.query)).toEqual([
      "sum:grpc.hits{service:web}.rollup(avg, 60)",
      "sum:grpc.errors{service:web}.rollup(avg, 60)",
    ]);
    expect(reading?.requests[0]?.formulas).toEqual(["(query1 - query2) / query1"]);
  });

  it("reads nothing for a monitor SLI", () => {
    expect(
      readingOf(
        sloOf(
          "  - name: up\n    sli:\n      monitors: { ids: [1] }\n    objectives:\n      - { window: 30d, target: 99 }\n",
        ),
        END,
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      "a 30-day window with the default tiers: 31 days in 5 minutes, the 24h long window before it",
      RATIO("      - { window: 30d, target: 99.9 }"),
      { step: 300, start: END - 31 * DAY, fine: [[END - 31 * DAY, END]], coarse: [] },
    ],
    [
      "a 90-day window beside the primary 30-day one: the older 59 days in hours",
      RATIO("      - { window: 30d, target: 99.9 }\n      - { window: 90d, target: 99.9 }"),
      { step: 300, start: END - 90 * DAY, fine: [[END - 31 * DAY, END]], coarse: [[END - 90 * DAY, END - 31 * DAY]] },
    ],
    [
      "an error-budget alert over 30 days: 30 more days in hours",
      RATIO("      - { window: 30d, target: 99.9 }", "    alerts:\n      errorBudget: { critical: 75% }"),
      { step: 300, start: END - 60 * DAY, fine: [[END - 31 * DAY, END]], coarse: [[END - 60 * DAY, END - 31 * DAY]] },
    ],
    [
      "no alert: the window only",
      RATIO("      - { window: 7d, target: 99 }", "    alerts:\n      burnRate: none"),
      { step: 300, start: END - 7 * DAY, fine: [[END - 7 * DAY, END]], coarse: [] },
    ],
    [
      "a tier whose short window is 2 minutes: 1-minute data",
      RATIO(
        "      - { window: 7d, target: 99 }",
        "    alerts:\n      burnRate:\n        - { severity: page, longWindow: 1h, shortWindow: 2m, factor: 10 }",
      ),
      { step: 60, start: END - 7 * DAY - 3600, fine: [[END - 7 * DAY - 3600, END]], coarse: [] },
    ],
  ])("reads %s, in requests of at most 1,500 points", (_name, spec, expected) => {
    const reading = readingOf(sloOf(spec), END);
    expect(reading?.step).toBe(expected.step);
    expect(reading?.start).toBe(expected.start);
    const covered = (interval: number) =>
      (reading?.requests ?? [])
        .filter((request) => request.intervalSeconds === interval)
        .reduce<number[][]>((spans, request) => {
          const last = spans.at(-1);
          if (last && last[1] === request.from) last[1] = request.to;
          else spans.push([request.from, request.to]);
          return spans;
        }, []);
    expect(covered(expected.step)).toEqual(expected.fine);
    expect(covered(3600)).toEqual(expected.coarse);
    for (const request of reading?.requests ?? [])
      expect((request.to - request.from) / request.intervalSeconds).toBeLessThanOrEqual(MAX_POINTS);
  });
});

describe("the interval of an answer", () => {
  it.each([
    ["the step between its times", [0, 300, 600, 900], 300, 300],
    ["coarser than asked, as Datadog answered", [0, 3600, 7200], 300, 3600],
    ["the common step when buckets without data are left out", [0, 600, 1500, 1800], 300, 300],
    ["the one asked when a single point came back", [1200], 300, 300],
    ["never finer than asked", [0, 60, 120], 300, 300],
  ])("is %s", (_name, times, asked, interval) => {
    expect(answeredInterval(times, asked)).toBe(interval);
  });
});
