import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDirectory, type Compilation } from "../src/app/compile.js";
import { formatSloAlertQuery } from "../src/datadog/slo-alert-query.js";
import { exportOpenSloModel, importOpenSloInputs, type Conversion, type ImportOptions } from "../src/app/openslo.js";
import { loadDocumentStreams } from "../src/load/load-specs.js";
import type { Model } from "../src/model/model.js";
import type { CompiledPlan, MonitorResource, SloResource } from "../src/plan/resources.js";
import { openSloToModel } from "../src/formats/openslo-v1/to-model.js";
import { serviceSpecs, specYaml } from "./support/arbitraries.js";
import { expectGoldenTree } from "./support/golden.js";
import { runCli } from "./support/cli.js";
import { compileTexts, positionOf, readTree, tempDir } from "./support/compile.js";
import { readCorpus, showsCrash } from "./support/corpus.js";
import { documentsOf, openSloViolations } from "./support/openslo-rules.js";

const ROOT = join(__dirname, "..");
const HELD_OUT = join(__dirname, "openslo", "held-out");
const HELD_OUT_EXPECTED = join(__dirname, "openslo", "held-out-expected");
const encoder = new TextEncoder();

/** Imports in-memory OpenSLO files (path -> YAML text). */
function importTexts(files: Record<string, string>, options: ImportOptions = { owner: "web-sre" }): Conversion {
  return importOpenSloInputs(
    Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) })),
    options,
  );
}

/** The codes and positions of a conversion's diagnostics. */
function codesAt(result: Conversion): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
}

/** The model of a conversion that must have succeeded. */
function importedModel(result: Conversion): Model {
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!result.value) throw new Error("nothing imported");
  return result.value.model;
}

/** An OpenSLO SLO over a Datadog ratio, with `spec` lines (indented by two) appended. */
function ratioSlo(extra: string, window = "  timeWindow: [{ duration: 30d, isRolling: true }]\n"): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: availability
spec:
  service: web
  indicator:
    metadata: { name: web-success }
    spec:
      ratioMetric:
        good: { metricSource: { type: Datadog, spec: { query: "sum:requests{status:ok}.as_count()" } } }
        total: { metricSource: { type: Datadog, spec: { query: "sum:requests{*}.as_count()" } } }
${window}  budgetingMethod: Occurrences
${extra}`;
}

/** A ratio SLO with one objective of 99.9% and the given alert policies. */
function sloWithPolicies(policies: string): string {
  return ratioSlo(`  objectives: [{ targetPercent: 99.9 }]\n  alertPolicies:\n${policies}`);
}

/** An inline alert policy with one inline burn-rate condition. */
function inlinePolicy(severity: string, condition: string, target = '"@pagerduty-web"'): string {
  return `    - kind: AlertPolicy
      metadata: { name: burn }
      spec:
        conditions:
          - kind: AlertCondition
            metadata: { name: burn }
            spec:
              severity: ${severity}
              condition: { kind: burnrate, op: gt, threshold: 14.4, ${condition} }
        notificationTargets:
          - kind: AlertNotificationTarget
            metadata: { name: oncall }
            spec: { target: ${target} }
`;
}

function sloResources(plan: CompiledPlan | undefined): Map<string, SloResource> {
  return new Map(
    (plan?.stacks ?? [])
      .flatMap((stack) => stack.resources)
      .flatMap((resource) => (resource.resourceType === "datadog_service_level_objective" ? [resource] : []))
      .map((resource) => [resource.logicalId, resource]),
  );
}

function monitorQueries(plan: CompiledPlan | undefined): string[] {
  return (plan?.stacks ?? [])
    .flatMap((stack) => stack.resources)
    .flatMap((resource): MonitorResource[] => (resource.resourceType === "datadog_monitor" ? [resource] : []))
    .map((monitor) => formatSloAlertQuery({ ...monitor.query, sloId: monitor.query.sloLogicalId }))
    .sort();
}

/** What a Datadog SLO is, as the round trip must keep it: name, type, queries, thresholds, description. */
function datadogSlo({ config }: SloResource): unknown {
  const { name, type, query, sliSpecification, thresholds, timeframe, targetThreshold, warningThreshold, description } =
    config;
  return { name, type, query, sliSpecification, thresholds, timeframe, targetThreshold, warningThreshold, description };
}

/** The metric and time-slice SLOs of a plan, as Datadog SLOs by logical id. */
function metricAndTimeSliceSlos(plan: CompiledPlan | undefined): Map<string, unknown> {
  return new Map(
    [...sloResources(plan)]
      .filter(([, resource]) => resource.config.type !== "monitor")
      .map(([id, resource]) => [id, datadogSlo(resource)]),
  );
}

/** Exports a model to OpenSLO, imports it back, and compiles the specs written. */
function roundTrip(model: Model): { exported: Map<string, string>; imported: Compilation } {
  const exported = new Map(exportOpenSloModel(model).files.map((file) => [`openslo/${file.name}`, file.text]));
  const converted = importTexts(Object.fromEntries(exported), {});
  expect(converted.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const specs = Object.fromEntries((converted.value?.files ?? []).map((file) => [`slos/${file.name}`, file.text]));
  return { exported, imported: compileTexts(specs) };
}

describe("slocc import openslo on the held-out set", () => {
  it("writes one spec per service, byte for byte the expected ones, and says what it wrote", async () => {
    const out = join(await tempDir(), "slos");
    const run = await runCli(
      ["import", "openslo", "test/openslo/held-out", "--out", out, "--owner", "checkout-sre"],
      ROOT,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("checkout, owner checkout-sre, 2 SLOs");
    await expectGoldenTree(HELD_OUT_EXPECTED, await readTree(out));
  });

  it("gives specs that validate and compile to the right queries, targets, time slice and burn-rate alerts", async () => {
    const result = await compileDirectory(HELD_OUT_EXPECTED, ROOT);
    expect(result.diagnostics).toEqual([]);
    const slos = sloResources(result.value?.plan);
    expect(slos.get("slo_checkout__payment_availability")?.config).toMatchObject({
      name: "checkout payment-availability",
      type: "metric",
      query: {
        numerator:
          "sum:trace.http.request.hits{service:checkout-api,resource_name:post_/payments,!http.status_class:5xx}.as_count()",
        denominator: "sum:trace.http.request.hits{service:checkout-api,resource_name:post_/payments}.as_count()",
      },
      thresholds: [{ timeframe: "30d", target: 99.9 }],
      description: "Share of payment requests that do not fail on our side.",
      tags: expect.arrayContaining(["env:prod", "tier:tier-1", "journey-step:pay", "team:checkout-sre"]),
    });
    expect(slos.get("slo_checkout__cart_errors")?.config).toMatchObject({
      query: {
        numerator: "(sum:cart.updates{*}.as_count()) - (sum:cart.updates{status:error}.as_count())",
        denominator: "sum:cart.updates{*}.as_count()",
      },
      thresholds: [{ timeframe: "90d", target: 99.5 }],
    });
    expect(slos.get("slo_search__search_latency")?.config).toMatchObject({
      type: "time_slice",
      thresholds: [{ timeframe: "7d", target: 99 }],
      sliSpecification: {
        timeSlice: {
          comparator: "<=",
          threshold: 0.3,
          queryIntervalSeconds: 60,
          query: { query: [{ metricQuery: { query: "p95:trace.http.request{service:search-api}" } }] },
        },
      },
    });
    expect(monitorQueries(result.value?.plan)).toEqual([
      'burn_rate("slo_checkout__payment_availability").over("30d").long_window("1h").short_window("5m") > 14.4',
      'burn_rate("slo_checkout__payment_availability").over("30d").long_window("24h").short_window("120m") > 3',
    ]);
    const messages = (result.value?.plan.stacks ?? [])
      .flatMap((stack) => stack.resources)
      .flatMap((resource) => (resource.resourceType === "datadog_monitor" ? [resource.config.message] : []));
    expect(messages.find((message) => message.includes("14.4"))).toContain("@pagerduty-checkout");
    expect(messages.find((message) => message.includes("24h"))).toContain("@slack-checkout");
  });

  it("reads the same files given one by one, in any order, to the same bytes", async () => {
    const names = (await readdir(HELD_OUT)).sort();
    const inputs = await Promise.all(
      names.map(async (name) => ({ path: `held-out/${name}`, bytes: await readFile(join(HELD_OUT, name)) })),
    );
    const forward = importOpenSloInputs(inputs, { owner: "checkout-sre" });
    const backward = importOpenSloInputs([...inputs].reverse(), { owner: "checkout-sre" });
    expect(forward.value?.files).toBeDefined();
    expect(backward.value?.files).toEqual(forward.value?.files);
  });
});

const BAD = join(__dirname, "openslo", "bad");
const badCases = await readCorpus(BAD);

/** The error diagnostics a run printed, as `CODE file line:column`. */
function printedErrors(stderr: string): string[] {
  return [...stderr.matchAll(/^(\S+):(\d+):(\d+): error ([A-Z_]+):/gm)].map(
    ([, file, line, column, code]) => `${code} ${file} ${line}:${column}`,
  );
}

describe("slocc import openslo on files Datadog cannot hold", () => {
  it("has cases for calendar windows, a 28-day window, a non-Datadog source and an unknown reference", () => {
    const codes = badCases.flatMap((c) => c.expected.map((entry) => entry.split(" ")[0]));
    for (const code of ["OPENSLO_WINDOW", "OPENSLO_SOURCE", "OPENSLO_REFERENCE", "OPENSLO_BUDGETING"])
      expect(codes).toContain(code);
  });

  it.each(badCases)("refuses $name with exactly the expected errors, exit 1, nothing written", async (c) => {
    const project = await tempDir("slocc-openslo-");
    try {
      await mkdir(join(project, "slos"));
      for (const file of c.files) await writeFile(join(project, "slos", file.name), file.bytes);
      const run = await runCli(["import", "openslo", "slos", "--out", "out", "--owner", "checkout-sre"], project);
      expect(run.code).toBe(1);
      expect(printedErrors(run.stderr)).toEqual(c.expected);
      expect(showsCrash(run.stderr)).toBe(false);
      expect(existsSync(join(project, "out"))).toBe(false);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });

  it("suggests the name an unknown reference was meant to be", () => {
    const text = `${ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n")}  alertPolicies: [{ alertPolicyRef: fast-burns }]
---
apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: fast-burn }
spec:
  conditions: [{ conditionRef: burn }]
  notificationTargets: [{ targetRef: oncall }]
`;
    const result = importTexts({ "openslo/web.yaml": text });
    const unknown = result.diagnostics.filter((d) => d.code === "OPENSLO_REFERENCE");
    expect(unknown.map((d) => `${d.line}:${d.column}`)).toEqual([
      positionOf(text, "alertPolicyRef: ^fast-burns"),
      positionOf(text, "conditionRef: ^burn"),
      positionOf(text, "targetRef: ^oncall"),
    ]);
    expect(unknown[0]?.message).toContain('Did you mean "fast-burn"?');
  });

  it("reports an unknown reference once where it is written, however many SLOs use its object", () => {
    const slo = (name: string) => `apiVersion: openslo/v1
kind: SLO
metadata: { name: ${name} }
spec:
  service: web
  indicatorRef: shared
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ targetPercent: 99.9 }]
---
`;
    const text = `${slo("availability")}${slo("success")}apiVersion: openslo/v1
kind: SLI
metadata: { name: shared }
spec:
  ratioMetric:
    good: { metricSource: { metricSourceRef: datadog-eu, spec: { query: "sum:requests{status:ok}.as_count()" } } }
    total: { metricSource: { type: Datadog, spec: { query: "sum:requests{*}.as_count()" } } }
`;
    const loaded = loadDocumentStreams([{ path: "openslo/web.yaml", bytes: encoder.encode(text) }]);
    const mapped = openSloToModel(loaded.value.files, { owner: "web-sre" });
    const unknown = mapped.diagnostics.filter((d) => d.code === "OPENSLO_REFERENCE");
    expect(unknown.map((d) => `${d.line}:${d.column}`)).toEqual([positionOf(text, "metricSourceRef: ^datadog-eu")]);
  });

  it("reports a problem of an object the SLOs of several service files share once, where it is written", () => {
    const policy = `apiVersion: openslo/v1
kind: AlertPolicy
metadata: { name: burn }
spec:
  conditions:
    - kind: AlertCondition
      metadata: { name: burn }
      spec:
        severity: page
        condition: { kind: burnrate, op: gt, threshold: 14.4, lookbackWindow: 1h }
  notificationTargets:
    - kind: AlertNotificationTarget
      metadata: { name: oncall }
      spec: { target: "@pagerduty web" }
`;
    const slo = (service: string) =>
      ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n  alertPolicies: [{ alertPolicyRef: burn }]\n").replace(
        "service: web",
        `service: ${service}`,
      );
    const result = importTexts({
      "openslo/policy.yaml": policy,
      "openslo/shop.yaml": slo("shop"),
      "openslo/web.yaml": slo("web"),
    });
    expect(result.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      `INVALID_HANDLE openslo/policy.yaml:${positionOf(policy, 'target: ^"@pagerduty web"')}`,
    ]);
  });

  it("refuses a service without an owner, at its Service's name", () => {
    const service = "apiVersion: openslo/v1\nkind: Service\nmetadata: { name: web }\nspec: {}\n---\n";
    const text = `${service}${ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n")}`;
    const result = importTexts({ "openslo/web.yaml": text }, {});
    expect(codesAt(result)).toEqual([`MISSING_OWNER ${positionOf(text, "name: ^web }")}`]);
    expect(result.value).toBeUndefined();
  });
});

describe("slocc import openslo's mapping", () => {
  it.each([
    ["7d", "7d"],
    ["1w", "7d"],
    ["168h", "7d"],
    ["10080m", "7d"],
    ["30d", "30d"],
    ["720h", "30d"],
    ["90d", "90d"],
    ["2160h", "90d"],
  ])("reads the rolling window %s as %s", (duration, window) => {
    const text = ratioSlo(
      "  objectives: [{ targetPercent: 99.9 }]\n",
      `  timeWindow: [{ duration: ${duration}, isRolling: true }]\n`,
    );
    const slo = importedModel(importTexts({ "openslo/web.yaml": text })).services[0]?.slos[0];
    expect(slo?.objectives.map((objective) => objective.window)).toEqual([window]);
  });

  it.each(["28d", "4w", "1M", "1Q", "1Y", "365d", "0d", "12h"])(
    "refuses the rolling window %s at its duration",
    (duration) => {
      const text = ratioSlo(
        "  objectives: [{ targetPercent: 99.9 }]\n",
        `  timeWindow: [{ duration: ${duration}, isRolling: true }]\n`,
      );
      expect(codesAt(importTexts({ "openslo/web.yaml": text }))).toEqual([
        `OPENSLO_WINDOW ${positionOf(text, `duration: ^${duration}`)}`,
      ]);
    },
  );

  it("uses a rolling 30d, with a warning, when the SLO gives no time window", () => {
    const text = ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n", "");
    const result = importTexts({ "openslo/web.yaml": text });
    expect(codesAt(result)).toEqual([`OPENSLO_NO_WINDOW ${positionOf(text, "^spec:\n  service: web")}`]);
    expect(importedModel(result).services[0]?.slos[0]?.primary.window).toBe("30d");
  });

  it.each([
    ["target: 0.9995", 99.95],
    ["target: 0.999", 99.9],
    ["target: 0.9", 90],
    ["targetPercent: 99.95", 99.95],
  ])("reads %s as the target %s percent, without float noise", (objective, percent) => {
    const slo = importedModel(importTexts({ "openslo/web.yaml": ratioSlo(`  objectives: [{ ${objective} }]\n`) }))
      .services[0]?.slos[0];
    expect(slo?.primary.target).toBe(percent);
  });

  it.each([
    ["page", "page"],
    ["critical", "page"],
    ["Sev-1", "page"],
    ["P1", "page"],
    ["ticket", "ticket"],
    ["warning", "ticket"],
    ["low", "ticket"],
    ["sev3", "ticket"],
  ])("reads the severity %s as %s", (severity, expected) => {
    const result = importTexts({ "openslo/web.yaml": sloWithPolicies(inlinePolicy(severity, "lookbackWindow: 1h")) });
    expect(result.diagnostics.filter((d) => d.code === "OPENSLO_SEVERITY")).toEqual([]);
    expect(importedModel(result).services[0]?.slos[0]?.alerts.burnRate.map((tier) => tier.severity)).toEqual([
      expected,
    ]);
  });

  it("reads a severity it does not know as ticket, with a warning at the severity", () => {
    const text = sloWithPolicies(inlinePolicy("orange", "lookbackWindow: 1h"));
    const result = importTexts({ "openslo/web.yaml": text });
    expect(codesAt(result)).toEqual([`OPENSLO_SEVERITY ${positionOf(text, "severity: ^orange")}`]);
    expect(importedModel(result).services[0]?.slos[0]?.alerts.burnRate[0]?.severity).toBe("ticket");
  });

  it.each([
    ["lookbackWindow: 1h", 1, 5],
    ["lookbackWindow: 6h, alertAfter: 0m", 6, 30],
    ["lookbackWindow: 1h, alertAfter: 10m", 1, 10],
    ["lookbackWindow: 2d, alertAfter: 1h", 48, 60],
  ])("reads the condition %s as a long window of %sh and a short one of %sm", (condition, long, short) => {
    const slo = importedModel(importTexts({ "openslo/web.yaml": sloWithPolicies(inlinePolicy("page", condition)) }))
      .services[0]?.slos[0];
    expect(slo?.alerts.burnRate.map((tier) => [tier.factor, tier.longWindowHours, tier.shortWindowMinutes])).toEqual([
      [14.4, long, short],
    ]);
  });

  it("routes handles, and leaves out a target that is not a handle with a warning at it", () => {
    const text = sloWithPolicies(inlinePolicy("page", "lookbackWindow: 1h", "ops-team@example.com"));
    const result = importTexts({ "openslo/web.yaml": text });
    expect(codesAt(result)).toEqual([
      `NO_NOTIFY ${positionOf(text, "name: ^availability")}`,
      `OPENSLO_TARGET ${positionOf(text, "target: ^ops-team")}`,
    ]);
    expect(importedModel(result).services[0]?.slos[0]?.alerts.notify.page).toEqual([]);
  });

  it("keeps no burn-rate alert for an SLO without alert policies", () => {
    const model = importedModel(
      importTexts({ "openslo/web.yaml": ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n") }),
    );
    expect(model.services[0]?.slos[0]?.alerts.choice).toBe("none");
    expect(
      importTexts({ "openslo/web.yaml": ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n") }).value?.files[0]?.text,
    ).toContain("burnRate: none");
  });

  it("takes the owner and labels of the Service, and keeps display names as comments", () => {
    const service = `apiVersion: openslo/v1
kind: Service
metadata:
  name: web
  displayName: Web shop
  labels: { env: prod, critical: [] }
  annotations: { slocc/owner: web-sre }
spec: { description: The shop. }
---
`;
    const slo = ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n").replace(
      "  name: availability\n",
      "  name: availability\n  displayName: Pages load\n",
    );
    const result = importTexts({ "openslo/web.yaml": `${service}${slo}` }, {});
    const model = importedModel(result);
    expect(model.services[0]).toMatchObject({ owner: "web-sre", description: "The shop." });
    expect(model.services[0]?.tags.map((tag) => tag.written)).toEqual(["env:prod", "critical"]);
    const text = result.value?.files[0]?.text ?? "";
    expect(text).toContain("# displayName: Web shop\n");
    expect(text).toContain("  # displayName: Pages load\n  - name: availability\n");
  });

  it("takes the owner from the first team label when neither --owner nor slocc/owner gives one", () => {
    const service = `apiVersion: openslo/v1
kind: Service
metadata: { name: web, labels: { team: [web-sre] } }
spec: {}
---
`;
    const slo = ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n").replace(
      "  name: availability\n",
      "  name: availability\n  labels: { team: [web-sre, shop-sre], service: [front], slo: gold }\n",
    );
    const text = `${service}${slo}`;
    const result = importTexts({ "openslo/web.yaml": text }, {});
    expect(codesAt(result)).toEqual([`OPENSLO_TEAM ${positionOf(text, "team: [^web-sre] }")}`]);
    const imported = importedModel(result).services[0];
    expect(imported?.owner).toBe("web-sre");
    expect(imported?.tags.map((tag) => tag.written)).toEqual([]);
    expect(imported?.slos[0]?.tags.map((tag) => tag.written)).toEqual([
      "openslo-team:shop-sre",
      "openslo-service:front",
      "openslo-slo:gold",
    ]);
  });

  it("keeps team labels as openslo-team tags when --owner names the owner, without a warning", () => {
    const slo = ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n").replace(
      "  name: availability\n",
      "  name: availability\n  labels: { team: [shop-sre, web-sre] }\n",
    );
    const result = importTexts({ "openslo/web.yaml": slo }, { owner: "web-sre" });
    expect(codesAt(result)).toEqual([]);
    expect(importedModel(result).services[0]?.slos[0]?.tags.map((tag) => tag.written)).toEqual([
      "openslo-team:shop-sre",
    ]);
  });

  it.each([
    ["a ratio", "Occurrences", ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n")],
    [
      "a threshold metric",
      "Timeslices",
      ratioSlo(
        "  objectives: [{ op: lte, value: 0.3, targetPercent: 99, timeSliceTarget: 1, timeSliceWindow: 1m }]\n",
      ).replace(
        /ratioMetric:\n.*\n.*\n/,
        'thresholdMetric: { metricSource: { type: Datadog, spec: { query: "p95:trace.http.request{*}" } } }\n',
      ),
    ],
  ])("reads %s without budgetingMethod as %s, with a warning at spec", (_kind, method, written) => {
    const text = written.replace("  budgetingMethod: Occurrences\n", "");
    const result = importTexts({ "openslo/web.yaml": text });
    expect(codesAt(result)).toEqual([`OPENSLO_NO_BUDGETING ${positionOf(text, "^spec:\n  service: web")}`]);
    expect(importedModel(result).services[0]?.slos[0]?.sli.kind).toBe(method === "Occurrences" ? "ratio" : "timeSlice");
  });

  it.each([
    ["good", "query1 / query2"],
    ["bad", "(query2 - query1) / query2"],
  ])(
    "reads a ratio of %s events with budgetingMethod: Timeslices as a time slice good when its ratio reaches timeSliceTarget",
    (events, formula) => {
      const text = ratioSlo("  objectives: [{ target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 1m }]\n")
        .replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices")
        .replace("good: { metricSource", `${events}: { metricSource`);
      const sli = importedModel(importTexts({ "openslo/web.yaml": text })).services[0]?.slos[0]?.sli;
      expect(sli).toMatchObject({ kind: "timeSlice", formula, comparator: ">=", threshold: 0.95, intervalSeconds: 60 });
      expect(sli?.kind === "timeSlice" && sli.queries.map((query) => query.query)).toEqual([
        "sum:requests{status:ok}.as_count()",
        "sum:requests{*}.as_count()",
      ]);
    },
  );

  it("reads op: gt on a ratio judged per time slice as a slice good when its ratio exceeds timeSliceTarget", () => {
    const text = ratioSlo(
      "  objectives: [{ op: gt, target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 5m }]\n",
    ).replace("budgetingMethod: Occurrences", "budgetingMethod: Timeslices");
    const sli = importedModel(importTexts({ "openslo/web.yaml": text })).services[0]?.slos[0]?.sli;
    expect(sli).toMatchObject({ kind: "timeSlice", comparator: ">", threshold: 0.95, intervalSeconds: 300 });
  });

  it.each([
    ["without timeSliceTarget", "{ target: 0.99, timeSliceWindow: 1m }", "objectives: [^{ target"],
    ["with op: lt", "{ op: lt, target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 1m }", "op: ^lt"],
    ["with a value", "{ value: 2, target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: 1m }", "^value: 2"],
    [
      "with a timeSliceTarget above 1",
      "{ target: 0.99, timeSliceTarget: 95, timeSliceWindow: 1m }",
      "timeSliceTarget: ^95",
    ],
  ])("refuses a ratio judged per time slice %s", (_name, objective, at) => {
    const text = ratioSlo(`  objectives: [${objective}]\n`).replace(
      "budgetingMethod: Occurrences",
      "budgetingMethod: Timeslices",
    );
    expect(codesAt(importTexts({ "openslo/web.yaml": text }))).toEqual([`OPENSLO_OBJECTIVE ${positionOf(text, at)}`]);
  });

  it("reports a required key left out of a condition as MISSING_KEY at the mapping that lacks it", () => {
    const text = sloWithPolicies(inlinePolicy("page", "lookbackWindow: 1h").replace("op: gt, ", ""));
    expect(codesAt(importTexts({ "openslo/web.yaml": text }))).toEqual([
      `MISSING_KEY ${positionOf(text, "^condition: { kind")}`,
    ]);
  });

  it("reports a misspelled key of an SLO once, as UNKNOWN_KEY, and reads its value as the key meant", () => {
    const text = ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n").replace("budgetingMethod", "budgetingMehtod");
    const result = importTexts({ "openslo/web.yaml": text });
    expect(codesAt(result)).toEqual([`UNKNOWN_KEY ${positionOf(text, "^budgetingMehtod")}`]);
  });

  it("refuses to overwrite a spec unless --force is given, and writes nothing then", async () => {
    const project = await tempDir("slocc-openslo-");
    await mkdir(join(project, "slos"));
    await writeFile(join(project, "slos", "search.yaml"), "# mine\n");
    const args = ["import", "openslo", join(HELD_OUT), "--out", "slos", "--owner", "checkout-sre"];
    const refused = await runCli(args, project);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("slos/search.yaml already exists");
    expect((await readdir(join(project, "slos"))).sort()).toEqual(["search.yaml"]);
    expect(await readFile(join(project, "slos", "search.yaml"), "utf8")).toBe("# mine\n");
    const forced = await runCli([...args, "--force"], project);
    expect(forced.code).toBe(0);
    expect((await readdir(join(project, "slos"))).sort()).toEqual(["checkout.yaml", "search.yaml"]);
    expect(await readFile(join(project, "slos", "search.yaml"), "utf8")).toContain("service: search");
  });
});

/**
 * Files written for slocc's tests in the shapes public OpenSLO examples take (the OpenSLO README,
 * the Go SDK's examples and test inputs, the oslo validator's): how each imports, with every
 * diagnostic, errors and warnings, at its position.
 */
const PUBLIC_SHAPES = join(__dirname, "openslo", "public-shapes");

describe("slocc import openslo on the shapes of public OpenSLO examples", () => {
  /** Every diagnostic a run printed, as `CODE line:column`. */
  const printed = (stderr: string) =>
    [...stderr.matchAll(/^\S+:(\d+):(\d+): (?:error|warning) ([A-Z_]+):/gm)].map(
      ([, line, column, code]) => `${code} ${line}:${column}`,
    );

  it.each([
    {
      file: "inline-datadog-ratio.yaml",
      options: [],
      code: 0,
      expected: ["OPENSLO_TEAM 9:12", "OPENSLO_NO_BUDGETING 11:1", "OPENSLO_NO_WINDOW 11:1"],
      says: "wrote 1 spec",
    },
    {
      file: "list-of-prometheus-slos.yaml",
      options: [],
      code: 1,
      expected: ["OPENSLO_SOURCE 29:21", "OPENSLO_SOURCE 35:21", "OPENSLO_WINDOW 41:9"],
      says: "",
    },
    {
      file: "indicators-only.yaml",
      options: [],
      code: 0,
      expected: [],
      says: "no SLO in the files read (2 SLIs): nothing to write",
    },
    {
      file: "calendar-window-with-policies.yaml",
      options: ["--owner", "cart-sre"],
      code: 1,
      expected: ["OPENSLO_WINDOW 18:7", "OPENSLO_ALERT 43:48", "OPENSLO_TARGET 47:29"],
      says: "",
    },
  ])("imports $file with exit $code and exactly the expected diagnostics", async (c) => {
    const project = await tempDir("slocc-openslo-");
    try {
      const input = join(PUBLIC_SHAPES, c.file);
      const run = await runCli(["import", "openslo", input, "--out", "out", ...c.options], project);
      expect(printed(run.stderr)).toEqual(c.expected);
      expect(run.code).toBe(c.code);
      expect(run.stdout).toContain(c.says);
      const written = existsSync(join(project, "out")) ? await readdir(join(project, "out")) : [];
      expect(written.length > 0).toBe(c.says.startsWith("wrote"));
      if (written.length > 0) {
        const validate = await runCli(["validate", "--dir", "out"], project);
        expect(validate.code).toBe(0);
      }
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe("slocc export openslo", () => {
  it("writes the examples as OpenSLO documents that follow OpenSLO's rules, and reports every loss per SLO", async () => {
    const project = await tempDir("slocc-openslo-");
    const run = await runCli(
      ["export", "openslo", "--dir", join(ROOT, "slos"), "--out", join(project, "openslo")],
      ROOT,
    );
    expect(run.code).toBe(0);
    const files = await readTree(join(project, "openslo"));
    expect([...files.keys()]).toEqual(["card-platform.yaml", "e-scooter.yaml"]);
    const documents = [...files.values()].flatMap(documentsOf);
    expect(documents.map((document) => `${String(document["kind"])}`).filter((kind) => kind === "SLO")).toHaveLength(9);
    expect(documents.flatMap(openSloViolations)).toEqual([]);
    expect(run.stdout).toContain(
      "e-scooter/vehicle-connectivity: not exported: OpenSLO has no SLI over existing monitors",
    );
    expect(run.stdout).toContain('card-platform/repayment-availability: journey "repayment" (ceiling 99.9199%)');
    expect(run.stdout).toContain("card-platform/repayment-availability: the error-budget alert has no OpenSLO form");
    expect(run.stdout).toContain("card-platform: review cadence (every 2q) kept as annotation slocc/review");
    expect(run.stdout).toContain("card-platform/repayment-latency: the latency SLI is written as the ratio");
    expect(run.stdout).toContain(
      "card-platform/repayment-availability: corrections (nightly-batch) kept as annotation slocc/corrections",
    );
    const second = await runCli(
      ["export", "openslo", "--dir", join(ROOT, "slos"), "--out", join(project, "openslo")],
      ROOT,
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toContain("already exists");
  });

  it("writes nothing when the specs have an error", async () => {
    const project = await tempDir("slocc-openslo-");
    await mkdir(join(project, "slos"));
    await writeFile(join(project, "slos", "web.yaml"), "apiVersion: slocc/v1\nservice: web\n");
    const run = await runCli(["export", "openslo", "--out", "openslo"], project);
    expect(run.code).toBe(1);
    expect(existsSync(join(project, "openslo"))).toBe(false);
  });
});

describe("a round trip through OpenSLO", () => {
  it("gives the examples' metric and time-slice SLOs and burn-rate alerts back unchanged", async () => {
    const original = await compileDirectory(join(ROOT, "slos"), ROOT);
    const model = original.value?.model;
    if (!model) throw new Error("the examples do not compile");
    const { imported } = roundTrip(model);
    expect(imported.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const before = metricAndTimeSliceSlos(original.value?.plan);
    expect(before.size).toBe(9);
    expect(metricAndTimeSliceSlos(imported.value?.plan)).toEqual(before);
    const monitorsOf = (plan: CompiledPlan | undefined) =>
      monitorQueries(plan).filter((query) => !query.includes("vehicle_connectivity") && query.startsWith("burn_rate"));
    expect(monitorsOf(imported.value?.plan)).toEqual(monitorsOf(original.value?.plan));
  });

  it("keeps the corrections of the service and of each SLO, in annotations read back by the import", () => {
    const original = compileTexts({
      "slos/web.yaml": `apiVersion: slocc/v1
service: web
owner: web-sre
notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }
corrections:
  - { name: freeze, category: other, start: "2026-12-24T00:00:00Z", end: "2026-12-26T00:00:00Z" }
slos:
  - name: availability
    sli:
      ratio: { good: "sum:requests{status:ok}.as_count()", total: "sum:requests{*}.as_count()" }
    objectives: [{ window: 30d, target: 99.9 }]
    corrections:
      - category: scheduled-maintenance
        start: "2026-10-01T02:00:00"
        duration: 30m
        rrule: FREQ=WEEKLY
        timezone: Europe/Paris
`,
    });
    const model = original.value?.model;
    if (!model) throw new Error("the spec does not compile");
    const { exported, imported } = roundTrip(model);
    const documents = [...exported.values()].flatMap(documentsOf);
    const annotated = documents.map((document) => {
      const metadata = document["metadata"] as { annotations?: Record<string, string> };
      return metadata.annotations?.["slocc/corrections"] !== undefined;
    });
    expect(annotated).toEqual([true, true]);
    const corrections = (plan: CompiledPlan | undefined) =>
      (plan?.stacks ?? [])
        .flatMap((stack) => stack.resources)
        .filter((r) => r.resourceType === "datadog_slo_correction");
    expect(corrections(original.value?.plan)).toHaveLength(2);
    expect(corrections(imported.value?.plan)).toEqual(corrections(original.value?.plan));
    expect(imported.value?.model.services[0]?.corrections.map((c) => c.name)).toEqual(["freeze"]);
  });

  it("gives back a time slice over a ratio of two queries, written as a ratio with budgetingMethod: Timeslices", () => {
    const original = compileTexts({
      "slos/web.yaml": `apiVersion: slocc/v1
service: web
owner: web-sre
notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }
slos:
  - name: grpc-success
    sli:
      timeSlice:
        formula: (query2 - query1) / query2
        queries:
          - { name: query1, query: "sum:trace.grpc.server.errors{service:web}.as_count()" }
          - { name: query2, query: "sum:trace.grpc.server.hits{service:web}.as_count()" }
        comparator: ">="
        threshold: 0.95
    objectives: [{ window: 30d, target: 99 }]
`,
    });
    const model = original.value?.model;
    if (!model) throw new Error("the spec does not compile");
    const { exported, imported } = roundTrip(model);
    const [slo] = [...exported.values()].flatMap(documentsOf).filter((document) => document["kind"] === "SLO");
    expect(slo?.["spec"]).toMatchObject({ budgetingMethod: "Timeslices" });
    expect(metricAndTimeSliceSlos(imported.value?.plan)).toEqual(metricAndTimeSliceSlos(original.value?.plan));
  });

  it("refuses a corrections annotation that is not a list of corrections, at the annotation", () => {
    const text = ratioSlo("  objectives: [{ targetPercent: 99.9 }]\n").replace(
      "  name: availability\n",
      '  name: availability\n  annotations: { slocc/corrections: \'[{"category":"deployment"}]\' }\n',
    );
    expect(codesAt(importTexts({ "openslo/web.yaml": text }))).toEqual([
      `OPENSLO_ANNOTATION ${positionOf(text, "slocc/corrections: ^'")}`,
    ]);
  });

  it("gives generated specs' metric and time-slice SLOs back unchanged", () => {
    fc.assert(
      fc.property(serviceSpecs(2, 3), (specs) => {
        const files = Object.fromEntries(specs.map((spec) => [`slos/${spec.service}.yaml`, specYaml(spec)]));
        const original = compileTexts(files);
        const model = original.value?.model;
        if (!model) throw new Error("a generated spec does not compile");
        const { exported, imported } = roundTrip(model);
        expect([...exported.values()].flatMap(documentsOf).flatMap(openSloViolations)).toEqual([]);
        expect(metricAndTimeSliceSlos(imported.value?.plan)).toEqual(metricAndTimeSliceSlos(original.value?.plan));
      }),
      { numRuns: 30 },
    );
  });
});

describe("docs/openslo.md", async () => {
  const text = await readFile(join(ROOT, "docs", "openslo.md"), "utf8");
  const examples = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? "")
    .filter((yaml) => yaml.startsWith("apiVersion: openslo/v1"));

  it("shows OpenSLO examples that import without a diagnostic", () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const yaml of examples) expect(codesAt(importTexts({ "docs/example.yaml": yaml }))).toEqual([]);
  });

  it("shows the very spec the import writes for its first example", () => {
    const shown = /becomes `slos\/checkout.yaml`:\n\n```\n([\s\S]*?)```/.exec(text)?.[1];
    const written = importTexts({ "openslo/slos.yaml": examples[0] ?? "" }, { owner: "checkout-sre" });
    expect(written.value?.files[0]?.text).toBe(shown);
  });

  it("shows an SLO as the export writes it, up to its first alert policy", async () => {
    const compiled = await compileDirectory(join(ROOT, "slos"), ROOT);
    const model = compiled.value?.model;
    if (!model) throw new Error("the examples do not compile");
    const exported = exportOpenSloModel(model).files.find((file) => file.name === "e-scooter.yaml");
    expect(examples[1]).toContain("name: ride-start-availability");
    expect(exported?.text).toContain(`---\n${examples[1] ?? ""}`);
  });
});
