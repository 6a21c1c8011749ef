import { describe, expect, it } from "vitest";
import { parseSpecText } from "../src/load/parse-yaml.js";
import type { SourceFile } from "../src/load/source-file.js";
import { subjectFinder } from "../src/formats/slocc-v1/subjects.js";
import { positionOf } from "./support/compile.js";

const SERVICE = `# the web shop
apiVersion: slocc/v1
service: web
owner: web-sre
review: { every: 1q, last: 2026-01-05 }
tags: [Tier:Web]
slos:
  - name: availability
    sli:
      ratio: { good: "sum:requests{status:ok}.as_count()", total: "sum:requests{*}.as_count()" }
    objectives:
      - { window: 30d, target: 99.9 }
  - name: latency
    sli:
      latency: { metric: trace.http.request, threshold: 300ms }
    objectives: [{ window: 30d, target: 99 }]
environments:
  prod:
    tags: [env-name:prod]
    objectives:
      latency: [{ window: 30d, target: 99.5 }]
  staging: {}
`;

const TEMPLATES = `apiVersion: slocc/v1
templates:
  http-availability:
    params: [service]
    sli: { ratio: { good: "sum:a{service:{{service}}}.as_count()", total: "sum:b{*}.as_count()" } }
`;

function parsed(path: string, text: string): SourceFile {
  const file = parseSpecText(path, text).value;
  if (!file) throw new Error(`${path} does not parse`);
  return file;
}

const subjectOf = subjectFinder([parsed("slos/web.yaml", SERVICE), parsed("slos/templates.yaml", TEMPLATES)]);
const both = ["web-prod", "web-staging"];

describe("what a diagnostic is about, by where it is written", () => {
  it.each([
    ["an SLO's name", "name: ^availability", { stacks: both, slo: "availability" }],
    ["a place inside an SLO's query", 'good: "sum:^requests{status:ok}', { stacks: both, slo: "availability" }],
    ["an objective's target in a flow list", "target: ^99 }]\nenv", { stacks: both, slo: "latency" }],
    [
      "an SLO's objectives replaced in one environment",
      "latency: [{ window: 30d, target: ^99.5",
      { stacks: ["web-prod"], slo: "latency" },
    ],
    ["an environment's own tags", "tags: [^env-name", { stacks: ["web-prod"], key: "environments" }],
    ["the service's review", "last: ^2026-01-05", { stacks: both, key: "review" }],
    ["the service's tags", "tags: [^Tier", { stacks: both, key: "tags" }],
    ["the comment before the first key", "# ^the web shop", { stacks: both }],
  ])("places %s", (_name, marked, expected) => {
    const [line, column] = positionOf(SERVICE, marked).split(":").map(Number);
    expect(subjectOf({ file: "slos/web.yaml", line: line ?? 0, column: column ?? 0 })).toEqual({
      file: "slos/web.yaml",
      ...expected,
    });
  });

  it("places a position in a file that declares no service, or in no file read, about no service", () => {
    const [line, column] = positionOf(TEMPLATES, 'good: ^"sum').split(":").map(Number);
    expect(subjectOf({ file: "slos/templates.yaml", line: line ?? 0, column: column ?? 0 })).toEqual({
      file: "slos/templates.yaml",
      stacks: [],
    });
    expect(subjectOf({ file: "slos", line: 1, column: 1 })).toEqual({ file: "slos", stacks: [] });
  });
});
