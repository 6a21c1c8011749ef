import { describe, expect, it } from "vitest";
import { checkTexts, codesAt, compileOne, compileTexts, positionOf, serviceYaml } from "./support/compile.js";

const ratio = `    sli:
      ratio: { good: "sum:a{*}.as_count()", total: "sum:b{*}.as_count()" }
`;
/** Monitor-based SLOs without alerts, so the alert warning does not mix into these cases. */
const noAlerts = "    alerts: { burnRate: none }\n";
const objective = (text: string) => `    objectives:\n      - ${text}\n`;

/**
 * Each case: SLO entries (inserted into a valid service) and the diagnostics they must produce,
 * as a code and a snippet of the source with `^` at the expected column.
 */
const cases: { name: string; slos: string; expected: [code: string, at: string][] }[] = [
  {
    name: "a target of 100 is out of range",
    slos: `  - name: a\n${ratio}${objective("{ window: 30d, target: 100 }")}`,
    expected: [["TARGET_RANGE", "target: ^100"]],
  },
  {
    name: "a target of 0 is out of range",
    slos: `  - name: a\n${ratio}${objective("{ window: 30d, target: 0 }")}`,
    expected: [["TARGET_RANGE", "target: ^0"]],
  },
  {
    name: "a negative warning is out of range",
    slos: `  - name: a\n${ratio}${objective("{ window: 30d, target: 99, warning: -1 }")}`,
    expected: [
      ["TARGET_RANGE", "warning: ^-1"],
      ["WARNING_NOT_ABOVE_TARGET", "warning: ^-1"],
    ],
  },
  {
    name: "a metric target with four decimals is too precise",
    slos: `  - name: a\n${ratio}${objective("{ window: 30d, target: 99.9999 }")}`,
    expected: [["TARGET_PRECISION", "target: ^99.9999"]],
  },
  {
    name: "a monitor-based 30d target with three decimals is too precise",
    slos: `  - name: a\n    sli:\n      monitors: { ids: [1] }\n${objective("{ window: 30d, target: 99.995 }")}${noAlerts}`,
    expected: [["TARGET_PRECISION", "target: ^99.995"]],
  },
  {
    name: "a monitor-based 90d target keeps three decimals",
    slos: `  - name: a\n    sli:\n      monitors: { ids: [1] }\n${objective("{ window: 90d, target: 99.995 }")}${noAlerts}`,
    expected: [],
  },
  {
    name: "a warning equal to the target is refused",
    slos: `  - name: a\n${ratio}${objective("{ window: 30d, target: 99.9, warning: 99.9 }")}`,
    expected: [["WARNING_NOT_ABOVE_TARGET", "warning: ^99.9"]],
  },
  {
    name: "a warning below the target is refused",
    slos: `  - name: a\n${ratio}${objective("{ window: 30d, target: 99.9, warning: 99 }")}`,
    expected: [["WARNING_NOT_ABOVE_TARGET", "warning: ^99 }"]],
  },
  {
    name: "two objectives over the same window are refused at the second",
    slos: `  - name: a\n${ratio}    objectives:\n      - { window: 30d, target: 99.9 }\n      - { window: 30d, target: 99 }\n`,
    expected: [["DUPLICATE_WINDOW", "window: ^30d, target: 99 }"]],
  },
  {
    name: "four objectives are too many",
    slos:
      `  - name: a\n` +
      `${ratio}    objectives: [{ window: 7d, target: 99 }, { window: 30d, target: 99 }, { window: 90d, target: 99 }, { window: 7d, target: 98 }]\n`,
    expected: [
      ["INVALID_VALUE", "objectives: ^[{"],
      ["DUPLICATE_WINDOW", "{ window: ^7d, target: 98 }"],
    ],
  },
  {
    name: "an unknown window is named with the allowed ones",
    slos: `  - name: a\n${ratio}${objective("{ window: 28d, target: 99 }")}`,
    expected: [["INVALID_VALUE", "window: ^28d"]],
  },
  {
    name: "a misspelled key is unknown, and the key it was meant to be is not also reported missing",
    slos: `  - name: a\n${ratio}    objectivs:\n      - { window: 30d, target: 99 }\n`,
    expected: [["UNKNOWN_KEY", "^objectivs"]],
  },
  {
    name: "an SLO name with capitals is refused",
    slos: `  - name: Availability\n${ratio}${objective("{ window: 30d, target: 99 }")}`,
    expected: [["INVALID_NAME", "name: ^Availability"]],
  },
  {
    name: "an SLO name with a space is refused",
    slos: `  - name: "web availability"\n${ratio}${objective("{ window: 30d, target: 99 }")}`,
    expected: [["INVALID_NAME", 'name: ^"web']],
  },
  {
    name: "an SLO name of 64 characters is too long",
    slos: `  - name: ${"a".repeat(64)}\n${ratio}${objective("{ window: 30d, target: 99 }")}`,
    expected: [["INVALID_NAME", "name: ^aaaa"]],
  },
  {
    name: "two SLOs with one name are refused at the second",
    slos: `  - name: a\n${ratio}    objectives: [{ window: 30d, target: 99 }]\n  - name: a\n${ratio}    objectives: [{ window: 30d, target: 98 }]\n`,
    expected: [["DUPLICATE_SLO", "}]\n  - name: ^a"]],
  },
  {
    name: "an SLI with two kinds is refused",
    slos:
      `  - name: a\n    sli:\n      ratio: { good: "sum:a{*}", total: "sum:b{*}" }\n` +
      `      timeSlice: { query: "avg:c{*}", comparator: "<", threshold: 1 }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["SLI_KIND", "sli:\n      ^ratio"]],
  },
  {
    name: "an SLI with no kind is refused",
    slos: `  - name: a\n    sli: {}\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["SLI_KIND", "sli: ^{}"]],
  },
  {
    name: "a ratio with both good and bad is refused",
    slos: `  - name: a\n    sli:\n      ratio: { good: "sum:a{*}", bad: "sum:c{*}", total: "sum:b{*}" }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["RATIO_EVENTS", "ratio: ^{"]],
  },
  {
    name: "a ratio without total is missing a key",
    slos: `  - name: a\n    sli:\n      ratio: { good: "sum:a{*}" }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["MISSING_KEY", "^ratio: {"]],
  },
  {
    name: "a query with an unclosed brace is refused",
    slos: `  - name: a\n    sli:\n      ratio: { good: "sum:a{service:web", total: "sum:b{*}" }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["QUERY_SYNTAX", 'good: ^"sum:a{service']],
  },
  {
    name: "a query with an unclosed quote is refused",
    slos: `  - name: a\n    sli:\n      timeSlice: { query: "avg:a{name:'x}", comparator: "<", threshold: 1 }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["QUERY_SYNTAX", 'query: ^"avg']],
  },
  {
    name: "a latency filter with braces is refused",
    slos:
      `  - name: a\n    sli:\n      latency: { metric: trace.http.request, filter: "{service:web}", threshold: 3s }\n` +
      `    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["QUERY_SYNTAX", 'filter: ^"{']],
  },
  {
    name: "a latency threshold that is not a duration is refused",
    slos: `  - name: a\n    sli:\n      latency: { metric: trace.http.request, threshold: 3 seconds }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["INVALID_DURATION", "threshold: ^3 seconds"]],
  },
  {
    name: "a time-slice interval other than 1m or 5m is refused",
    slos:
      `  - name: a\n    sli:\n      timeSlice: { query: "avg:a{*}", comparator: "<", threshold: 1, interval: 10m }\n` +
      `    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["INVALID_VALUE", "interval: ^10m"]],
  },
  {
    name: "a time-slice comparator outside the four is refused",
    slos: `  - name: a\n    sli:\n      timeSlice: { query: "avg:a{*}", comparator: "==", threshold: 1 }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [["INVALID_VALUE", 'comparator: ^"==']],
  },
  {
    name: "monitor groups with two monitors are refused",
    slos: `  - name: a\n    sli:\n      monitors: { ids: [1, 2], groups: [eu] }\n    objectives: [{ window: 30d, target: 99 }]\n${noAlerts}`,
    expected: [["MONITOR_GROUPS", "groups: ^[eu]"]],
  },
  {
    name: "more than 20 monitors are refused",
    slos:
      `  - name: a\n    sli:\n      monitors: { ids: [${Array.from({ length: 21 }, (_, i) => i + 1).join(", ")}] }\n` +
      `    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [
      ["ALERTS_MONITOR_SLO", "monitors: ^{ ids: [1,"],
      ["INVALID_VALUE", "ids: ^[1,"],
    ],
  },
  {
    name: "a monitor id that is not a whole number is refused",
    slos: `  - name: a\n    sli:\n      monitors: { ids: [1.5] }\n    objectives: [{ window: 30d, target: 99 }]\n`,
    expected: [
      ["ALERTS_MONITOR_SLO", "monitors: ^{ ids: [1.5"],
      ["WRONG_TYPE", "[^1.5]"],
    ],
  },
  {
    name: "a target written as a string has the wrong type",
    slos: `  - name: a\n${ratio}    objectives: [{ window: 30d, target: "99.9" }]\n`,
    expected: [["WRONG_TYPE", 'target: ^"99.9"']],
  },
  {
    name: "a tag in capitals is normalised with a warning",
    slos: `  - name: a\n    tags: [Env:Prod]\n${ratio}${objective("{ window: 30d, target: 99 }")}`,
    expected: [["TAG_NORMALISED", "tags: [^Env"]],
  },
  {
    name: "a tag with no letter is refused",
    slos: `  - name: a\n    tags: ["123"]\n${ratio}${objective("{ window: 30d, target: 99 }")}`,
    expected: [["INVALID_TAG", 'tags: [^"123"]']],
  },
  {
    name: "more than 32 tags in all are refused",
    slos: `  - name: a\n    tags: [${Array.from({ length: 29 }, (_, i) => `t${i}`).join(", ")}]\n${ratio}${objective("{ window: 30d, target: 99 }")}`,
    expected: [["TOO_MANY_TAGS", "name: ^a"]],
  },
  { name: "an empty SLO list is refused", slos: "  []\n", expected: [["INVALID_VALUE", "slos:\n  ^[]"]] },
];

describe("validation rules", () => {
  it.each(cases)("$name", ({ slos, expected }) => {
    const yaml = serviceYaml(slos);
    const result = compileOne(yaml);
    expect(codesAt(result)).toEqual(expected.map(([code, at]) => `${code} ${positionOf(yaml, at)}`));
    expect(result.value?.plan === undefined).toBe(result.diagnostics.some((d) => d.severity === "error"));
  });
});

describe("service-level rules", () => {
  it("reports a missing apiVersion at the top of the file", () => {
    expect(codesAt(compileOne("service: web\nowner: x\nslos: []\n"))).toEqual(["UNSUPPORTED_VERSION 1:1"]);
  });

  it("reports an unknown apiVersion at its value", () => {
    expect(codesAt(compileOne("apiVersion: slocc/v2\nservice: web\n"))).toEqual(["UNSUPPORTED_VERSION 1:13"]);
  });

  it("suggests the nearest key for a misspelled one", () => {
    const yaml = serviceYaml("  []\n").replace("owner:", "ownr:");
    const unknown = compileOne(yaml).diagnostics.find((d) => d.code === "UNKNOWN_KEY");
    expect(unknown?.message).toContain('"owner"');
    expect(`${unknown?.line}:${unknown?.column}`).toBe(positionOf(yaml, "^ownr"));
  });

  it("reports every problem of every SLO at once", () => {
    const slos =
      `  - name: Bad\n${ratio}    objectives: [{ window: 30d, target: 98 }]\n` +
      `  - name: b\n${ratio}    objectives: [{ window: 30d, target: 99.9, warning: 99 }]\n`;
    const yaml = serviceYaml(slos);
    expect(codesAt(compileOne(yaml))).toEqual([
      `INVALID_NAME ${positionOf(yaml, "name: ^Bad")}`,
      `WARNING_NOT_ABOVE_TARGET ${positionOf(yaml, "warning: ^99 }")}`,
    ]);
  });

  it("checks the SLI of an SLO whose other parts are malformed, so one fix does not reveal the next", () => {
    const slos =
      '  - name: a\n    sli:\n      ratio: { good: "sum:a{*}", bad: "sum:b{*}", total: "sum:c{*}.as_count(" }\n    objectivs: [{ window: 30d, target: 99 }]\n';
    const yaml = serviceYaml(slos);
    expect(codesAt(compileOne(yaml))).toEqual([
      `RATIO_EVENTS ${positionOf(yaml, "ratio: ^{")}`,
      `QUERY_SYNTAX ${positionOf(yaml, 'total: ^"sum:c')}`,
      `UNKNOWN_KEY ${positionOf(yaml, "^objectivs")}`,
    ]);
  });

  it("refuses the same service declared in two files, at the later file", () => {
    const result = compileOneOfMany().diagnostics;
    expect(result.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      "DUPLICATE_SERVICE slos/b.yaml:2:10",
    ]);
  });

  it("reports a repeated stack and a repeated SLO name once each, in a service with environments too", () => {
    const slo = `  - name: a\n${ratio}${objective("{ window: 30d, target: 99 }")}`;
    const yaml = serviceYaml(slo + slo).replace("slos:\n", "environments: { prod: {}, staging: {} }\nslos:\n");
    const stack = serviceYaml(slo).replace("service: web", "service: web-prod");
    const checked = checkTexts({ "slos/a.yaml": yaml, "slos/b.yaml": stack });
    expect(checked.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`).sort()).toEqual([
      `DUPLICATE_SERVICE slos/b.yaml:${positionOf(stack, "service: ^web-prod")}`,
      `DUPLICATE_SLO slos/a.yaml:${positionOf(yaml, "99 }\n  - name: ^a")}`,
    ]);
  });
});

function compileOneOfMany() {
  const yaml = serviceYaml(`  - name: a\n${ratio}${objective("{ window: 30d, target: 99 }")}`);
  return compileTexts({ "slos/b.yaml": yaml, "slos/a.yaml": yaml });
}
