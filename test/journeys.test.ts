import { describe, expect, it } from "vitest";
import { chainCeiling } from "../src/model/ceiling.js";
import { cadenceMonths, reviewStatus } from "../src/model/cadence.js";
import type { DashboardResource, SloResource } from "../src/plan/resources.js";
import { addMonths } from "../src/util/dates.js";
import { runCli } from "./support/cli.js";
import { checkTexts, codesAt, compileTexts, positionOf, synthFiles } from "./support/compile.js";

const CATALOG = `apiVersion: slocc/v1
catalog: cloud
dependencies:
  api-gateway: 99.95
  alb: 99.99
  fargate: 99.99
  aurora: 99.99
`;

/** A service with journeys over the catalog, and SLOs given as YAML (indented by the caller). */
const service = (slos: string, extra = "") => `apiVersion: slocc/v1
service: cards
owner: card-sre
notify: { page: ["@pagerduty-cards"], ticket: ["@slack-cards"] }
approvers: ["@card-pdm"]
${extra}dependencies:
  atm-a: 99
  atm-b: 99
journeys:
  repayment:
    kind: user
    description: Repay at an ATM.
    dependsOn: [api-gateway, alb, fargate, aurora, { anyOf: [atm-a, atm-b] }]
  card-sync:
    kind: machine
slos:
${slos}`;
const ratioSlo = (name: string, target: string, journey = "repayment") => `  - name: ${name}
    journey: ${journey}
    sli:
      ratio: { good: "sum:ok{*}.as_count()", total: "sum:all{*}.as_count()" }
    objectives:
      - { window: 30d, target: ${target} }
`;

const compile = (yaml: string, today = "2026-11-25") =>
  compileTexts({ "slos/cloud.yaml": CATALOG, "slos/cards.yaml": yaml }, { today });

describe("dependency ceilings", () => {
  const sla: Record<string, number> = { a: 99.95, b: 99.99, c: 99.99, d: 99.99, e: 99.99, x: 99, y: 99, z: 90 };
  it.each([
    ["a chain of 99.95, 99.99, 99.99, 99.99 and 99.99 gives about 99.91%", [["a"], ["b"], ["c"], ["d"], ["e"]], 99.91],
    ["two redundant 99% dependencies give 99.99%", [["x", "y"]], 99.99],
    ["a redundant group counts once in a chain", [["a"], ["x", "y"]], 99.95 * 0.9999],
    ["three redundant dependencies combine their unavailabilities", [["x", "y", "z"]], 100 - 0.01 * 0.01 * 0.1 * 100],
  ] as const)("%s", (_name, chain, expected) => {
    expect(chainCeiling(chain, (name) => sla[name])?.percent).toBeCloseTo(expected, 3);
  });

  it("gives no ceiling when a dependency is unknown", () => {
    expect(chainCeiling([["a"], ["nowhere"]], (name) => sla[name])).toBeUndefined();
  });

  it("warns at each availability target above the journey's ceiling", () => {
    const yaml = service(ratioSlo("repay", "99.99") + ratioSlo("repay-relaxed", "99.9"));
    expect(codesAt(compile(yaml))).toEqual([`CEILING_EXCEEDED ${positionOf(yaml, "target: ^99.99 }")}`]);
  });

  it("leaves latency SLOs out of the ceiling check", () => {
    const latency =
      "  - name: repay-fast\n    journey: repayment\n    sli:\n" +
      "      latency: { metric: trace.http.request, threshold: 1s }\n    objectives:\n      - { window: 30d, target: 99.99 }\n";
    expect(codesAt(compile(service(latency)))).toEqual([]);
  });

  it("uses a service's own dependency before the shared catalog's", () => {
    const yaml = service(ratioSlo("repay", "99.95")).replace(
      "dependencies:\n  atm-a: 99\n",
      "dependencies:\n  alb: 99\n  atm-a: 99\n",
    );
    expect(compile(yaml).diagnostics.map((d) => d.code)).toEqual(["CEILING_EXCEEDED"]);
  });
});

describe("journey references", () => {
  it("refuses an SLO naming an undeclared journey, suggesting the nearest", () => {
    const yaml = service(ratioSlo("repay", "99", "repaymnt"));
    const result = compile(yaml);
    expect(codesAt(result)).toEqual([`UNKNOWN_JOURNEY ${positionOf(yaml, "journey: ^repaymnt")}`]);
    expect(result.diagnostics[0]?.message).toContain('"repayment"');
  });

  it("refuses a journey crossing an undeclared dependency, also inside anyOf", () => {
    const yaml = service(ratioSlo("repay", "99"))
      .replace("[api-gateway, alb,", "[api-gatewy, alb,")
      .replace("anyOf: [atm-a, atm-b]", "anyOf: [atm-a, atm-c]");
    expect(codesAt(compile(yaml))).toEqual([
      `UNKNOWN_DEPENDENCY ${positionOf(yaml, "[^api-gatewy")}`,
      `UNKNOWN_DEPENDENCY ${positionOf(yaml, "atm-a, ^atm-c")}`,
    ]);
  });

  it("refuses two catalogs that disagree on a dependency", () => {
    const other = CATALOG.replace("catalog: cloud", "catalog: other").replace("alb: 99.99", "alb: 99.9");
    const result = compileTexts({
      "slos/cloud.yaml": CATALOG,
      "slos/other.yaml": other,
      "slos/cards.yaml": service(ratioSlo("repay", "99")),
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      `DUPLICATE_DEPENDENCY slos/other.yaml:${positionOf(other, "^alb")}`,
    ]);
  });

  it("checks shared catalogs once, however many service files and environments look dependencies up in them", () => {
    const cloud =
      CATALOG.replace("catalog: cloud", "catalog: Cloud").replace("alb: 99.99", "alb: 101") + "  Edge_Cache: 99.9\n";
    const other = CATALOG.replace("catalog: cloud", "catalog: other").replace("aurora: 99.99", "aurora: 99.9");
    const checked = checkTexts({
      "slos/cloud.yaml": cloud,
      "slos/other.yaml": other,
      "slos/cards.yaml": service(ratioSlo("repay", "99")),
      "slos/loans.yaml": service(ratioSlo("repay", "99"), "environments: { prod: {}, staging: {} }\n").replace(
        "service: cards",
        "service: loans",
      ),
    });
    expect(
      checked
        .filter((d) => d.file === "slos/cloud.yaml" || d.file === "slos/other.yaml")
        .map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)
        .sort(),
    ).toEqual([
      `DUPLICATE_DEPENDENCY slos/other.yaml:${positionOf(other, "^alb")}`,
      `DUPLICATE_DEPENDENCY slos/other.yaml:${positionOf(other, "^aurora")}`,
      `INVALID_NAME slos/cloud.yaml:${positionOf(cloud, "catalog: ^Cloud")}`,
      `INVALID_NAME slos/cloud.yaml:${positionOf(cloud, "^Edge_Cache")}`,
      `INVALID_VALUE slos/cloud.yaml:${positionOf(cloud, "alb: ^101")}`,
    ]);
  });

  it("refuses an availability outside (0, 100]", () => {
    const catalog = CATALOG.replace("alb: 99.99", "alb: 101");
    const result = compileTexts({ "slos/cloud.yaml": catalog, "slos/cards.yaml": service(ratioSlo("repay", "99")) });
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      `INVALID_VALUE ${positionOf(catalog, "alb: ^101")}`,
    ]);
  });

  it("tags SLOs with their journey and its kind", () => {
    const plan = compile(service(ratioSlo("repay", "99") + ratioSlo("sync", "99", "card-sync"))).value!.plan;
    const tags = (name: string) =>
      (plan.stacks[0]!.resources.find((r) => r.logicalId === `slo_cards__${name}`) as SloResource).config.tags;
    expect(tags("repay")).toEqual(expect.arrayContaining(["journey:repayment", "journey-kind:cuj"]));
    expect(tags("sync")).toEqual(expect.arrayContaining(["journey:card-sync", "journey-kind:cmc"]));
  });
});

describe("review cadence", () => {
  it.each([
    ["2026-10-01", "2q", "2027-04-01"],
    ["2026-08-31", "1mo", "2026-09-30"],
    ["2024-02-29", "1y", "2025-02-28"],
    ["2026-01-15", "6mo", "2026-07-15"],
  ])("a review on %s every %s is next due on %s", (last, every, due) => {
    expect(addMonths(last, cadenceMonths(every)!)).toBe(due);
  });

  it.each([
    ["2027-04-02", "overdue"],
    ["2027-03-15", "due-soon"],
    ["2026-11-25", "ok"],
  ] as const)("on %s a review due 2027-04-01 is %s", (today, status) => {
    expect(reviewStatus("2027-04-01", today)).toBe(status);
  });

  it("warns at the last review's date once it is overdue, and not before", () => {
    const yaml = service(ratioSlo("repay", "99"), "review: { every: 2q, last: 2026-10-01 }\n");
    expect(codesAt(compile(yaml, "2027-04-01"))).toEqual([]);
    expect(codesAt(compile(yaml, "2027-04-02"))).toEqual([`REVIEW_OVERDUE ${positionOf(yaml, "last: ^2026-10-01")}`]);
  });

  it.each([
    ["a cadence without a unit", "review: { every: 2, last: 2026-10-01 }\n", "every: ^2"],
    ["a date that does not exist", "review: { every: 1y, last: 2026-02-30 }\n", "last: ^2026-02-30"],
  ])("refuses %s", (_name, extra, at) => {
    const yaml = service(ratioSlo("repay", "99"), extra);
    expect(codesAt(compile(yaml)).map((c) => c.split(" ")[1])).toEqual([positionOf(yaml, at)]);
  });

  it("lists services soonest due first, with statuses, for a fixed date", async () => {
    const run = await runCli(["reviews", "--today", "2027-03-20", "--format", "json"]);
    expect(run.code).toBe(0);
    const { reviews } = JSON.parse(run.stdout) as {
      reviews: { service: string; due: string; status: string; daysLeft: number }[];
    };
    expect(reviews.map((r) => [r.service, r.due, r.status, r.daysLeft])).toEqual([
      ["e-scooter", "2027-03-15", "overdue", -5],
      ["card-platform", "2027-04-01", "due-soon", 12],
    ]);
  });

  it("prints only the warnings about what the calendar shows: an overdue review, not a target above its ceiling", async () => {
    const run = await runCli(["reviews", "--today", "2027-03-20"]);
    expect(run.code).toBe(0);
    expect(
      [...run.stderr.matchAll(/^(\S+):\d+:\d+: warning ([A-Z_]+):/gm)].map(([, file, code]) => `${code} ${file}`),
    ).toEqual(["REVIEW_OVERDUE slos/e-scooter.yaml"]);
  });

  it("prints the listing as a table", async () => {
    const run = await runCli(["reviews", "--today", "2027-03-20"]);
    expect(run.stdout.split("\n")[1]).toMatch(
      /^e-scooter\s+2026-09-15\s+2q\s+2027-03-15\s+OVERDUE by 5 d\s+mobility-sre @scooter-pdm @hardware-lead$/,
    );
  });

  it("exits 2 for a --today that is not a date", async () => {
    expect((await runCli(["validate", "--today", "tomorrow"])).code).toBe(2);
  });
});

describe("dashboards", () => {
  const yaml = service(
    ratioSlo("repay", "99") +
      ratioSlo("sync", "99", "card-sync") +
      ratioSlo("loose", "99").replace("    journey: repayment\n", ""),
    "review: { every: 2q, last: 2026-10-01 }\n",
  );

  it("groups SLO widgets by journey, then SLOs without one, and names owner, approvers and review", () => {
    const dashboard = compile(yaml).value!.plan.stacks[0]!.resources.find(
      (r) => r.resourceType === "datadog_dashboard",
    ) as DashboardResource;
    expect(dashboard.logicalId).toBe("dashboard_cards");
    expect(dashboard.config.groups.map((g) => [g.title, g.widgets.map((w) => w.sloLogicalId)])).toEqual([
      ["card-sync: critical machine communication", ["slo_cards__sync"]],
      ["repayment: critical user journey, ceiling 99.91%", ["slo_cards__repay"]],
      ["SLOs without a journey", ["slo_cards__loose"]],
    ]);
    expect(dashboard.config.note).toContain("**Owner:** card-sre");
    expect(dashboard.config.note).toContain("**Approvers:** @card-pdm");
    expect(dashboard.config.note).toContain("every 2q; last 2026-10-01, next due 2027-04-01");
  });

  it("emits SLO widgets over every window with the error budget, and force_delete on the SLOs it shows", async () => {
    const files = await synthFiles(
      compile(
        yaml.replace(
          "      - { window: 30d, target: 99 }\n",
          "      - { window: 30d, target: 99 }\n      - { window: 7d, target: 99 }\n",
        ),
      ).value!.plan,
    );
    const stack = JSON.parse(files.get("stacks/cards/cdk.tf.json")!) as {
      resource: Record<string, Record<string, Record<string, unknown>>>;
    };
    const widgets = (
      stack.resource["datadog_dashboard"]!["dashboard_cards"]!["widget"] as {
        group_definition?: { widget: { service_level_objective_definition: Record<string, unknown> }[] };
      }[]
    )
      .flatMap((w) => w.group_definition?.widget ?? [])
      .map((w) => w.service_level_objective_definition);
    expect(widgets[0]).toEqual({
      title: "sync (99% over 30d)",
      slo_id: "${datadog_service_level_objective.slo_cards__sync.id}",
      time_windows: ["30d"],
      view_mode: "overall",
      view_type: "detail",
      show_error_budget: true,
    });
    expect(widgets.find((w) => (w["title"] as string).startsWith("repay"))?.["time_windows"]).toEqual(["7d", "30d"]);
    expect(
      Object.values(stack.resource["datadog_service_level_objective"]!).every((slo) => slo["force_delete"] === true),
    ).toBe(true);
  });

  it("is left out, with force_delete, when the service says dashboard: false", () => {
    const resources = compile(service(ratioSlo("repay", "99"), "dashboard: false\n")).value!.plan.stacks[0]!.resources;
    expect(resources.some((r) => r.resourceType === "datadog_dashboard")).toBe(false);
    expect(
      (resources.find((r) => r.resourceType === "datadog_service_level_objective") as SloResource).config.forceDelete,
    ).toBeUndefined();
  });
});

describe("explain by journey", () => {
  it("groups the example's SLOs under their journeys with the ceiling and each SLO's margin", async () => {
    const run = await runCli(["explain", "card-platform", "--format", "json"]);
    const { slos } = JSON.parse(run.stdout) as {
      slos: { slo: string; journey?: { name: string; ceilingPercent?: number; marginPoints?: number } }[];
    };
    expect(slos.map((s) => [s.slo, s.journey?.name])).toEqual([
      ["app-api-availability", "app"],
      ["app-api-latency", "app"],
      ["repayment-availability", "repayment"],
      ["repayment-latency", "repayment"],
    ]);
    expect(slos[0]?.journey?.marginPoints).toBeCloseTo(99.93 - 99.9, 2);
    expect(slos[2]?.journey?.ceilingPercent).toBeCloseTo(99.92, 2);
    expect(slos[3]?.journey?.marginPoints).toBeUndefined();
  });
});
