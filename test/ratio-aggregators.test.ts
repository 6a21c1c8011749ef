import { describe, expect, it } from "vitest";
import { metricQueries } from "../src/datadog/queries.js";
import { codesAt, compileOne, compileTexts, positionOf, serviceYaml } from "./support/compile.js";

/** An SLO whose ratio has `good` (or `bad`) and `total` as given. */
function ratioSpec(events: "good" | "bad", eventsQuery: string, total: string): string {
  return serviceYaml(
    `  - name: a\n    sli:\n      ratio:\n        ${events}: "${eventsQuery}"\n        total: "${total}"\n` +
      "    objectives:\n      - { window: 30d, target: 99.9 }\n",
  );
}

const SUM = "sum:requests{*}.as_count()";

describe("aggregators of ratio queries", () => {
  const cases: {
    name: string;
    events?: "good" | "bad";
    query: string;
    total?: string;
    refused: "events" | "total" | "";
  }[] = [
    { name: "a sum is fine", query: "sum:requests{status:ok}.as_count()", refused: "" },
    {
      name: "a composite expression of sums is fine",
      query: "sum:hits{code:2xx}.as_count() + sum:hits{code:4xx}.as_count()",
      total: "sum:hits{!code:3xx}.as_count()",
      refused: "",
    },
    { name: "a sum grouped by a tag is fine", query: "sum:requests{status:ok} by {host}.as_count()", refused: "" },
    { name: "a sum inside a function is fine", query: "default_zero(sum:requests{status:ok}.as_count())", refused: "" },
    {
      name: "a sum over a scope with quotes and braces is fine",
      query: 'sum:requests{path:\\"/a{b}\\"}.as_count()',
      refused: "",
    },
    { name: "avg is refused", query: "avg:requests{status:ok}.as_count()", refused: "events" },
    {
      name: "max in a bad-events query is refused",
      events: "bad",
      query: "max:errors{*}.as_count()",
      refused: "events",
    },
    {
      name: "a sum beside an avg is refused",
      query: "sum:hits{code:2xx}.as_count() + avg:hits{code:4xx}.as_count()",
      refused: "events",
    },
    { name: "a query without an aggregator is refused", query: "requests{status:ok}.as_count()", refused: "events" },
    { name: "a threshold query is refused", query: "count(v: v<=0.5):trace.http.request{*}", refused: "events" },
    {
      name: "count in the total is refused",
      query: "sum:requests{status:ok}.as_count()",
      total: "count:requests{*}",
      refused: "total",
    },
  ];

  it.each(cases)("$name", ({ events = "good", query, total = SUM, refused }) => {
    const yaml = ratioSpec(events, query, total);
    const at = refused === "events" ? `${events}: ^"` : `total: ^"`;
    expect(codesAt(compileOne(yaml))).toEqual(refused === "" ? [] : [`RATIO_AGGREGATOR ${positionOf(yaml, at)}`]);
  });

  it("reports a template's aggregator once, where it is written, however many service files use the template", () => {
    const templates = `apiVersion: slocc/v1
templates:
  errors:
    sli:
      ratio: { bad: "avg:errors{*}.as_count()", total: "${SUM}" }
`;
    const service = (name: string) =>
      serviceYaml(
        "  - name: a\n    sli: { template: errors }\n    objectives: [{ window: 30d, target: 99 }]\n",
      ).replace("service: web", `service: ${name}`);
    const result = compileTexts({
      "slos/templates.yaml": templates,
      "slos/a.yaml": service("a"),
      "slos/b.yaml": service("b"),
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      `RATIO_AGGREGATOR slos/templates.yaml:${positionOf(templates, 'bad: ^"avg')}`,
    ]);
  });

  it("reads each metric query of an expression with its aggregator", () => {
    expect(
      metricQueries("sum:a.b{x:1,y:2} by {host}.as_count() - count(v: v<=3):c{*} / d{e:f}").map(
        ({ aggregator, metric }) => `${aggregator ?? "-"} ${metric}`,
      ),
    ).toEqual(["sum a.b", "count c", "- d"]);
  });
});
