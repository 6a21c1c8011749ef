import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileDirectory } from "../src/app/compile.js";
import { changeDiff } from "../src/diff/change-diff.js";
import { runCli, type CliRun } from "./support/cli.js";
import { compileTexts, tempDir } from "./support/compile.js";
import { correctionObject, monitorObject, sloObject } from "./support/datadog-fixtures.js";
import { handlesNotified, MONITOR_STATES } from "./support/message-states.js";
import { pageOf, startStandIn, type Answer, type Received, type StandIn } from "./support/datadog-stand-in.js";
import { showsCrash } from "./support/corpus.js";
import { stacksOf, synthesizeInMemory, type StackJson } from "./support/synth.js";

const API_KEY = "dd-api-key-5f0c2a7e91b4";
const APP_KEY = "dd-app-key-c83d1e6f0a29";

const CHECKOUT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const COMPOSITE = "1a2b3c4d5e6f708192a3b4c5d6e7f801";
const GRPC = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const UPTIME = "2b3c4d5e6f708192a3b4c5d6e7f80912";
const LEGACY = "3c4d5e6f708192a3b4c5d6e7f8091a2b";
const LATENCY = "4d5e6f708192a3b4c5d6e7f8091a2b3c";
const ELSEWHERE = "5e6f708192a3b4c5d6e7f8091a2b3c4d";

const SLOS = [
  sloObject(
    CHECKOUT,
    "checkout availability",
    "metric",
    [
      { timeframe: "30d", target: 99.9, warning: 99.95 },
      { timeframe: "7d", target: 99.0 },
    ],
    {
      timeframe: "30d",
      tags: ["team:checkout", "env:prod", "service:checkout"],
      description: "good / total requests",
      query: {
        denominator: "sum:checkout.requests{service:checkout}.as_count()",
        numerator: "sum:checkout.requests{service:checkout,!status:5xx}.as_count()",
      },
    },
  ),
  sloObject(COMPOSITE, "Checkout API: requests by env", "metric", [{ timeframe: "7d", target: 99.5 }], {
    timeframe: "7d",
    tags: ["service:checkout", "env:prod", "team:checkout"],
    query: {
      numerator:
        "(sum:checkout.requests{status:2xx} by {env}.as_count()) + (sum:checkout.requests{status:3xx} by {env}.as_count())",
      denominator: "sum:checkout.requests{*} by {env}.as_count()",
    },
  }),
  sloObject(GRPC, "grpc success ratio", "time_slice", [{ timeframe: "7d", target: 99.0, warning: 99.5 }], {
    timeframe: "7d",
    tags: ["service:monitor-history-reader"],
    sli_specification: {
      time_slice: {
        comparator: ">",
        query: {
          formulas: [{ formula: "(query1-query2)/query1" }],
          queries: [
            {
              data_source: "metrics",
              name: "query1",
              query: "sum:trace.grpc.server.hits{service:monitor-history-reader}",
            },
            {
              data_source: "metrics",
              name: "query2",
              query: "sum:trace.grpc.server.errors{service:monitor-history-reader}",
            },
          ],
        },
        query_interval_seconds: 300,
        threshold: 0.99,
      },
    },
  }),
  sloObject(
    UPTIME,
    "Payments uptime",
    "monitor",
    [
      { timeframe: "30d", target: 99.5 },
      { timeframe: "90d", target: 99.25 },
    ],
    { timeframe: "30d", tags: ["service:payments", "team:payments-sre"], monitor_ids: [4002, 4001] },
  ),
  sloObject(LEGACY, "legacy custom window", "metric", [{ timeframe: "custom", target: 99 }], {
    tags: ["service:checkout"],
    query: { numerator: "sum:legacy.ok{*}.as_count()", denominator: "sum:legacy.all{*}.as_count()" },
  }),
  sloObject(LATENCY, "Platform p99 latency", "time_slice", [{ timeframe: "30d", target: 95 }], {
    timeframe: "30d",
    tags: ["team:platform"],
    sli_specification: {
      time_slice: {
        comparator: "<",
        query: {
          formulas: [{ formula: "query1" }],
          queries: [{ data_source: "metrics", name: "query1", query: "p99:trace.http.request{service:platform}" }],
        },
        query_interval_seconds: 60,
        threshold: 0.5,
      },
    },
  }),
];

const burnRate = (slo: string, window: string, long: string, short: string, op: string, factor: number) =>
  `burn_rate("${slo}").over("${window}").long_window("${long}").short_window("${short}") ${op} ${factor}`;
const errorBudget = (slo: string, window: string, percent: number) =>
  `error_budget("${slo}").over("${window}") > ${percent}`;

const MONITORS = [
  monitorObject(4001, "query alert", "avg(last_5m):avg:payments.health{*} < 1", { name: "payments health" }),
  monitorObject(4002, "metric alert", "avg(last_5m):avg:payments.errors{*} > 10", { name: "payments errors" }),
  monitorObject(98765001, "slo alert", burnRate(CHECKOUT, "30d", "1h", "5m", ">", 14.4), {
    name: "checkout availability: fast burn",
    // Pages one team and only warns another, each hearing of its own state's recovery.
    message:
      "Burning budget 14.4x too fast.\n{{#is_alert}}@pagerduty-checkout{{/is_alert}}\n{{#is_warning}}@slack-checkout-sre{{/is_warning}}\n" +
      "{{#is_alert_recovery}}@pagerduty-checkout{{/is_alert_recovery}} {{#is_warning_recovery}}@slack-checkout-sre{{/is_warning_recovery}}",
    tags: ["service:checkout", "team:checkout", "oncall:primary"],
    priority: 1,
    thresholds: { critical: 14.4, warning: 7.2 },
  }),
  monitorObject(98765008, "slo alert", burnRate(CHECKOUT, "30d", "6h", "30m", ">", 6), {
    name: "checkout availability: slow burn",
    message: "{{#is_alert}}Slow burn.{{/is_alert}} @opsgenie-checkout",
    priority: 2,
    thresholds: { critical: 6 },
  }),
  // Datadog's recommended ticket tier as its editor writes it: the short window in hours.
  monitorObject(98765009, "slo alert", burnRate(CHECKOUT, "30d", "24h", "2h", ">", 3), {
    name: "checkout availability: ticket",
    message: "Budget at risk. {{#is_alert}}@slack-checkout-sre{{/is_alert}}",
    priority: 3,
    thresholds: { critical: 3 },
  }),
  monitorObject(
    98765010,
    "slo alert",
    `burn_rate("${CHECKOUT}").by("env").over("30d").long_window("1h").short_window("5m") > 14.4`,
    {
      name: "checkout availability by env",
      thresholds: { critical: 14.4 },
    },
  ),
  monitorObject(98765002, "slo alert", errorBudget(CHECKOUT, "30d", 75), {
    message: "{{#is_alert}}Budget mostly spent.{{/is_alert}} @slack-checkout-sre",
    thresholds: { critical: 75.0, warning: 50.0 },
  }),
  monitorObject(98765003, "slo alert", burnRate(GRPC, "7d", "6h", "30m", ">", 5.6), {
    message: "@pagerduty-history-reader",
    priority: 2,
    thresholds: { critical: 5.6 },
  }),
  monitorObject(98765004, "slo alert", burnRate(CHECKOUT, "30d", "6h", "30m", ">=", 6), {
    thresholds: { critical: 6 },
  }),
  monitorObject(98765007, "slo alert", errorBudget(ELSEWHERE, "7d", 90), { thresholds: { critical: 90 } }),
];

/** An alert the monitor list does not hold: only `configured_alert_ids` names it. */
const UNLISTED = monitorObject(98765006, "slo alert", errorBudget(GRPC, "7d", 80), {
  message: "@slack-history-reader",
  thresholds: { critical: 80 },
});

const CONFIGURED: Readonly<Record<string, number[]>> = {
  [CHECKOUT]: [98765001, 98765002, 98765004, 98765008, 98765009, 98765010],
  [GRPC]: [98765003, 98765006],
};

const DEPLOY = "b174d560-34c2-11f1-b18b-da7ad0902002";
const WEEKLY = "ec8f9488-d1d8-11ec-bc64-da7ad0902002";
const BY_DAY = "fb76e0fa-bf7b-11ed-ba7e-da7ad0902002";
const GRPC_MAINTENANCE = "2d16c2ee-bf70-11ed-895f-da7ad0902002";

const CORRECTIONS = [
  correctionObject(DEPLOY, CHECKOUT, {
    category: "Deployment",
    start: 1805004000,
    end: 1805011200,
    description: "Checkout database migration",
    timezone: "America/New_York",
  }),
  correctionObject(WEEKLY, CHECKOUT, {
    category: "Scheduled Maintenance",
    start: 1801407600,
    rrule: "FREQ=WEEKLY;INTERVAL=1",
    duration: 7200,
  }),
  // BYDAY: a part slocc does not write.
  correctionObject(BY_DAY, CHECKOUT, {
    category: "Outside Business Hours",
    start: 1801407600,
    rrule: "FREQ=WEEKLY;BYDAY=SA,SU",
    duration: 86400,
  }),
  correctionObject(GRPC_MAINTENANCE, GRPC, { category: "Other", start: 1805004000, end: 1805005800 }),
  // Of an SLO query, not of one SLO: nothing slocc adopts.
  correctionObject("0c0c0c0c-34c2-11f1-b18b-da7ad0902002", null, {
    category: "Other",
    start: 1805004000,
    end: 1805005800,
  }),
];

/** The recorded API: SLO, monitor and correction lists paged, one 429 on the second monitor page, keys checked. */
function datadogApi(): (url: URL, received: readonly { url: string }[]) => Answer | undefined {
  let rateLimited = false;
  return (url) => {
    const path = url.pathname;
    if (path === "/api/v1/slo") {
      const data = pageOf(SLOS, url);
      return {
        body: {
          data,
          error: null,
          metadata: { page: { total_count: SLOS.length, total_filtered_count: data.length } },
        },
      };
    }
    const slo = /^\/api\/v1\/slo\/([0-9a-f]+)$/.exec(path);
    if (slo) {
      const found = SLOS.find((candidate) => candidate["id"] === slo[1]);
      if (!found) return { status: 404, body: { errors: [`SLO not found: ${slo[1]} not found`] } };
      return { body: { data: { ...found, configured_alert_ids: CONFIGURED[slo[1] ?? ""] ?? [] }, error: null } };
    }
    if (path === "/api/v1/slo/correction") {
      const data = pageOf(CORRECTIONS, url);
      return { body: { data, meta: { page: { total_count: CORRECTIONS.length, total_filtered_count: data.length } } } };
    }
    if (path === "/api/v1/monitor") {
      if (url.searchParams.get("page") === "1" && !rateLimited) {
        rateLimited = true;
        return {
          status: 429,
          headers: { "X-RateLimit-Reset": "1", "X-RateLimit-Limit": "100" },
          body: { errors: ["Too many requests"] },
        };
      }
      return { body: pageOf(MONITORS, url) };
    }
    const monitor = /^\/api\/v1\/monitor\/(\d+)$/.exec(path);
    const found = [...MONITORS, UNLISTED].find((candidate) => String(candidate["id"]) === monitor?.[1]);
    return found ? { body: found } : { status: 404, body: { errors: ["Monitor not found"] } };
  };
}

/** Refuses requests without both keys, as Datadog does. */
function withKeys(answer: ReturnType<typeof datadogApi>): Parameters<typeof startStandIn>[0] {
  return (url, received) => {
    const last = received[received.length - 1];
    if (last?.headers["dd-api-key"] !== API_KEY || last.headers["dd-application-key"] !== APP_KEY)
      return { status: 403, body: { errors: ["Forbidden"] } };
    return answer(url, received);
  };
}

function environment(host: string): Record<string, string | undefined> {
  return { PATH: process.env["PATH"], DD_API_KEY: API_KEY, DD_APP_KEY: APP_KEY, DD_HOST: host };
}

const IMPORT = ["import", "datadog", "--owner", "observability", "--service", "platform", "--page-size", "2"];

describe("slocc import datadog against a stand-in API", () => {
  let api: StandIn;
  let project: string;
  let run: CliRun;
  let stacks: Map<string, StackJson>;

  beforeAll(async () => {
    api = await startStandIn(withKeys(datadogApi()));
    project = await tempDir("slocc-import-");
    run = await runCli(IMPORT, project, environment(api.url));
    const compiled = await compileDirectory("slos", project);
    stacks = compiled.value ? stacksOf(await synthesizeInMemory(compiled.value.plan)) : new Map();
  });

  afterAll(async () => {
    await api.close();
    await rm(project, { recursive: true, force: true });
  });

  it("exits 0 and writes one spec per service, grouped by the service: tag (or --service)", async () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect((await readdir(join(project, "slos"))).sort()).toEqual([
      "checkout.yaml",
      "monitor-history-reader.yaml",
      "payments.yaml",
      "platform.yaml",
    ]);
  });

  it("pages through the SLOs and the monitors, waits out the 429, and reads unlisted alerts by id", () => {
    const urls = api.received.map((request) => request.url);
    expect(urls.filter((url) => url.startsWith("/api/v1/slo?"))).toEqual([
      "/api/v1/slo?limit=2&offset=0",
      "/api/v1/slo?limit=2&offset=2",
      "/api/v1/slo?limit=2&offset=4",
      "/api/v1/slo?limit=2&offset=6",
    ]);
    expect(urls.filter((url) => url.startsWith("/api/v1/monitor?"))).toEqual([
      "/api/v1/monitor?page=0&page_size=2",
      "/api/v1/monitor?page=1&page_size=2",
      "/api/v1/monitor?page=1&page_size=2",
      "/api/v1/monitor?page=2&page_size=2",
      "/api/v1/monitor?page=3&page_size=2",
      "/api/v1/monitor?page=4&page_size=2",
      "/api/v1/monitor?page=5&page_size=2",
    ]);
    expect(urls.filter((url) => url.startsWith("/api/v1/slo/correction?"))).toEqual([
      "/api/v1/slo/correction?limit=2&offset=0",
      "/api/v1/slo/correction?limit=2&offset=2",
      "/api/v1/slo/correction?limit=2&offset=4",
    ]);
    expect(urls).toContain(`/api/v1/slo/${GRPC}?with_configured_alert_ids=true`);
    expect(urls).toContain("/api/v1/monitor/98765006");
    expect(new Set(api.received.map((request) => request.method))).toEqual(new Set(["GET"]));
  });

  it("writes specs that slocc validate accepts", async () => {
    const validate = await runCli(["validate", "--dir", "slos"], project);
    expect(validate.code).toBe(0);
  });

  it("synthesizes one import block per resource, and no resource without one: nothing would be created", () => {
    const adopted = [...stacks.values()].flatMap((stack) => resourceAddresses(stack));
    const imports = [...stacks.values()].flatMap((stack) => importsOf(stack));
    expect(imports.map((entry) => entry.to).sort()).toEqual([...adopted].sort());
    expect(imports.map((entry) => entry.id).sort()).toEqual(
      [
        ...[CHECKOUT, COMPOSITE, GRPC, UPTIME, LATENCY],
        ...["98765001", "98765002", "98765003", "98765006", "98765008", "98765009"],
        ...[DEPLOY, WEEKLY, GRPC_MAINTENANCE],
      ].sort(),
    );
    for (const stack of stacks.values()) expect(stack.resource?.["datadog_dashboard"]).toBeUndefined();
  });

  it.each(SLOS.filter((slo) => slo["id"] !== LEGACY).map((slo) => [slo["name"], slo] as const))(
    "keeps every attribute of the SLO %s",
    (_name, slo) => {
      const resource = importedResource(stacks, "datadog_service_level_objective", String(slo["id"]));
      expect(resource["name"]).toBe(slo["name"]);
      expect(resource["type"]).toBe(slo["type"]);
      expect(resource["description"]).toBe(slo["description"] || undefined);
      const thresholds = (slo["thresholds"] as { timeframe: string; target: number; warning?: number }[]).map(
        ({ timeframe, target, warning }) => ({ timeframe, target, ...(warning === undefined ? {} : { warning }) }),
      );
      expect(byTimeframe(resource["thresholds"] as typeof thresholds)).toEqual(byTimeframe(thresholds));
      expect(resource["timeframe"]).toBe(slo["timeframe"]);
      expect(resource["target_threshold"]).toBe(slo["target_threshold"]);
      expect(resource["warning_threshold"]).toBe(slo["warning_threshold"]);
      expect(resource["tags"]).toEqual(expect.arrayContaining(slo["tags"] as string[]));
      expect(resource["query"]).toEqual(slo["query"]);
      if (slo["monitor_ids"]) expect([...(resource["monitor_ids"] as number[])].sort()).toEqual([4001, 4002]);
      const timeSlice = (slo["sli_specification"] as { time_slice?: Record<string, unknown> } | undefined)?.time_slice;
      if (timeSlice) expect(resource["sli_specification"]).toEqual({ time_slice: asTerraform(timeSlice) });
    },
  );

  it.each([98765001, 98765002, 98765003, 98765006, 98765008, 98765009])(
    "adopts the SLO alert %i with its query (the SLO id as a reference) and thresholds",
    (id) => {
      const original = [...MONITORS, UNLISTED].find((monitor) => monitor["id"] === id)!;
      const resource = importedResource(stacks, "datadog_monitor", String(id));
      const query = String(original["query"]);
      const sloId = /"([0-9a-f]{32})"/.exec(query)?.[1] ?? "";
      const sloAddress = importsAll(stacks).find((entry) => entry.id === sloId)?.to;
      expect(resource["type"]).toBe("slo alert");
      expect(resource["query"]).toBe(query.replace(sloId, `\${${sloAddress}.id}`));
      const thresholds = (original["options"] as { thresholds: Record<string, number> }).thresholds;
      expect(resource["monitor_thresholds"]).toEqual(
        Object.fromEntries(Object.entries(thresholds).map(([key, value]) => [key, String(value)])),
      );
    },
  );

  it.each([98765001, 98765002, 98765003, 98765006, 98765008, 98765009])(
    "makes the SLO alert %i notify exactly whom it notified before, in every state",
    (id) => {
      const original = [...MONITORS, UNLISTED].find((monitor) => monitor["id"] === id)!;
      const resource = importedResource(stacks, "datadog_monitor", String(id));
      const warns = (resource["monitor_thresholds"] as { warning?: string }).warning !== undefined;
      const states = MONITOR_STATES.filter((state) => warns || !state.startsWith("warning"));
      const notified = (message: string) => states.map((state) => [state, handlesNotified(message, state)]);
      expect(notified(String(resource["message"]))).toEqual(notified(String(original["message"])));
    },
  );

  it("keeps the handles the alerts notified, and never adopts monitors that are not SLO alerts", async () => {
    const checkout = await readFile(join(project, "slos", "checkout.yaml"), "utf8");
    expect(checkout).toContain("@pagerduty-checkout");
    expect(checkout).toContain("@slack-checkout-sre");
    expect(checkout).toContain("@opsgenie-checkout");
    const adoptedMonitors = importsAll(stacks).filter((entry) => entry.to.startsWith("datadog_monitor."));
    expect(adoptedMonitors.map((entry) => entry.id)).not.toContain("4001");
    expect(JSON.stringify([...stacks.values()])).not.toContain("98765007");
  });

  it("adopts every correction of an adopted SLO slocc can write, each by its id, as Datadog holds it", () => {
    const corrections = [...stacks.values()].flatMap((stack) =>
      Object.values(stack.resource?.["datadog_slo_correction"] ?? {}),
    );
    expect(corrections.map((correction) => correction["category"]).sort()).toEqual([
      "Deployment",
      "Other",
      "Scheduled Maintenance",
    ]);
    for (const id of [DEPLOY, WEEKLY, GRPC_MAINTENANCE]) {
      const original = CORRECTIONS.find((correction) => correction["id"] === id)!["attributes"] as Record<
        string,
        unknown
      >;
      const resource = importedResource(stacks, "datadog_slo_correction", id);
      for (const key of ["category", "start", "end", "rrule", "duration", "timezone"])
        expect([key, resource[key]]).toEqual([key, original[key] ?? undefined]);
    }
  });

  it("reports what it refused by SLO id and why, and what changes in place", () => {
    expect(run.stdout).toMatch(new RegExp(`SLO ${LEGACY} "legacy custom window": its custom threshold`));
    expect(run.stdout).toMatch(new RegExp(`alert 98765004 of SLO ${CHECKOUT} .*: its query compares with >=`));
    expect(run.stdout).toMatch(new RegExp(`alert 98765010 of SLO ${CHECKOUT} .*: .*alerts per group`));
    expect(run.stdout).toMatch(new RegExp(`correction ${BY_DAY} of SLO ${CHECKOUT} .*: .*BYDAY`));
    expect(run.stdout).not.toContain("0c0c0c0c-34c2-11f1-b18b-da7ad0902002");
    expect(run.stdout).toMatch(/the first plan shows `sli_specification` replaced by `query` in place, once/);
    expect(run.stdout).toContain("tags added: managed-by:slocc, slo:availability");
    expect(run.stdout).toContain("nothing is created or destroyed");
  });

  it("writes the keys nowhere", async () => {
    const files = await Promise.all(
      (await readdir(join(project, "slos"))).map((name) => readFile(join(project, "slos", name), "utf8")),
    );
    for (const text of [run.stdout, run.stderr, ...files, JSON.stringify([...stacks.values()])]) {
      expect(text).not.toContain(API_KEY);
      expect(text).not.toContain(APP_KEY);
    }
  });

  it("adopts nothing twice: a second run finds every SLO already adopted and writes nothing", async () => {
    const again = await runCli(IMPORT, project, environment(api.url));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("adopted 0 SLOs");
    expect(again.stdout).toContain(`SLO ${CHECKOUT} in slos/checkout.yaml`);
  });
});

/** An API holding these SLOs only: no monitor, no correction. */
const single = (slos: readonly Record<string, unknown>[]) => (url: URL) =>
  url.pathname === "/api/v1/slo"
    ? { body: { data: pageOf(slos, url), error: null } }
    : url.pathname === "/api/v1/monitor"
      ? { body: [] }
      : url.pathname === "/api/v1/slo/correction"
        ? { body: { data: [], meta: { page: { total_count: 0, total_filtered_count: 0 } } } }
        : { body: { data: slos.find((slo) => url.pathname.endsWith(String(slo["id"]))), error: null } };

describe("slocc import datadog with SLOs it must not write", () => {
  it.each([
    [
      "one slocc would refuse (a warning below its target)",
      {},
      sloObject(CHECKOUT, "odd warning", "metric", [{ timeframe: "30d", target: 99.9, warning: 99.5 }], {
        timeframe: "30d",
        tags: ["service:checkout", "team:checkout"],
        query: { numerator: "sum:a{*}.as_count()", denominator: "sum:b{*}.as_count()" },
      }),
      /slocc would refuse it: WARNING_NOT_ABOVE_TARGET/,
    ],
    [
      "one of a service another file declares",
      { "slos/shop.yaml": "apiVersion: slocc/v1\nservice: checkout\nowner: shop\nslos: []\n" },
      SLOS[1]!,
      /service checkout is already in slos\/shop\.yaml/,
    ],
  ])("reports %s by id, and writes nothing", async (_name, files, slo, reason) => {
    const api = await startStandIn(single([slo]));
    const project = await tempDir("slocc-import-refused-");
    try {
      for (const [path, text] of Object.entries(files)) {
        await mkdir(join(project, "slos"), { recursive: true });
        await writeFile(join(project, path), text);
      }
      const run = await runCli(["import", "datadog"], project, environment(api.url));
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("adopted 0 SLOs");
      expect(run.stdout).toMatch(new RegExp(`SLO ${String(slo["id"])} .*: ${reason.source}`));
      expect(await readdir(project)).toEqual(Object.keys(files).length > 0 ? ["slos"] : []);
    } finally {
      await api.close();
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe("slocc import datadog with two SLOs of one name, one of which it refuses", () => {
  it("names the SLO it adopts without a number: numbers tell apart only SLOs it adopts", async () => {
    const name = "checkout availability";
    const fields = (query: string) => ({
      timeframe: "30d",
      tags: ["service:checkout", "team:checkout"],
      query: { numerator: `sum:${query}.ok{*}.as_count()`, denominator: `sum:${query}.all{*}.as_count()` },
    });
    const slos = [
      sloObject(CHECKOUT, name, "metric", [{ timeframe: "30d", target: 99.9, warning: 99.5 }], fields("a")),
      sloObject(COMPOSITE, name, "metric", [{ timeframe: "30d", target: 99.9 }], fields("b")),
    ];
    const api = await startStandIn(single(slos));
    const project = await tempDir("slocc-import-names-");
    try {
      const run = await runCli(["import", "datadog"], project, environment(api.url));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`SLO ${CHECKOUT} .*WARNING_NOT_ABOVE_TARGET`));
      const spec = await readFile(join(project, "slos", "checkout.yaml"), "utf8");
      expect(spec).toContain(`datadogId: ${COMPOSITE}`);
      expect(spec).toMatch(/- name: availability\n/);
    } finally {
      await api.close();
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe("the change diff of adopted specs", () => {
  it("shows every adopted resource as an import, and none as a create", async () => {
    const adopted = await readFile(join(__dirname, "golden", "adopted", "slos", "reader.yaml"), "utf8");
    const base = compileTexts({});
    const head = compileTexts({ "slos/reader.yaml": adopted });
    const diff = changeDiff({ label: "base", ...base.value! }, { label: "head", ...head.value! });
    expect(diff.summary.resources).toMatchObject({ create: 0, import: 7, destroy: 0 });
    expect(new Set(diff.resources.map((resource) => resource.action))).toEqual(new Set(["import"]));
  });
});

describe("slocc import datadog when something goes wrong", () => {
  const failures: readonly {
    name: string;
    answer: (url: URL, received: readonly Received[]) => Answer | undefined;
    says: RegExp;
  }[] = [
    {
      name: "a 403",
      answer: () => ({ status: 403, body: { errors: ["Forbidden"] } }),
      says: /^slocc: Datadog answered 403 to GET \/api\/v1\/slo: Forbidden: check DD_API_KEY/,
    },
    {
      name: "a 403 that echoes the keys",
      answer: (_url, received) => {
        const headers = received[received.length - 1]?.headers;
        const keys = `${String(headers?.["dd-api-key"])} and ${String(headers?.["dd-application-key"])}`;
        return { status: 403, body: { errors: [`keys ${keys} refused`] } };
      },
      says: /^slocc: Datadog answered 403 to GET \/api\/v1\/slo: keys \*\*\* and \*\*\* refused: check DD_API_KEY/,
    },
    {
      name: "a 500 with an HTML body, still there after 5 more tries",
      answer: (url) =>
        url.pathname === "/api/v1/monitor"
          ? { status: 500, headers: { "Retry-After": "0" }, body: "<html><body>Internal Server Error</body></html>" }
          : { body: { data: [], error: null } },
      says: /^slocc: Datadog answered 500 to GET \/api\/v1\/monitor: "<html><body>Internal Server Error<\/body><\/html>"$/,
    },
    {
      name: "malformed JSON",
      answer: (url) =>
        url.pathname === "/api/v1/slo"
          ? { body: '{"data": [{"id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",' }
          : { body: [] },
      says: /^slocc: Datadog answered GET \/api\/v1\/slo with a body that is not JSON/,
    },
  ];

  it.each(failures)("exits 1 with one line and writes nothing on $name", async ({ answer, says }) => {
    const api = await startStandIn(answer);
    const project = await tempDir("slocc-import-failure-");
    try {
      const run = await runCli(["import", "datadog"], project, environment(api.url));
      expect(run.code).toBe(1);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(says);
      expect(showsCrash(run.stderr)).toBe(false);
      expect(run.stderr).not.toContain(API_KEY);
      expect(run.stderr).not.toContain(APP_KEY);
      expect(await readdir(project)).toEqual([]);
    } finally {
      await api.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("exits 1 with one line when nothing answers at DD_HOST", async () => {
    const api = await startStandIn(() => undefined);
    await api.close();
    const run = await runCli(["import", "datadog"], await tempDir(), environment(api.url));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^slocc: could not reach Datadog at http:\/\/127\.0\.0\.1:\d+ \(GET \/api\/v1\/slo\): .*ECONNREFUSED/,
    );
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it.each([
    ["neither key", {}],
    ["no application key", { DD_API_KEY: API_KEY }],
  ])("exits 1 with one line naming what to set when %s is set", async (_what, keys) => {
    const run = await runCli(["import", "datadog"], await tempDir(), { PATH: process.env["PATH"], ...keys });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/^slocc: (DD_API_KEY and )?DD_APP_KEY (is|are) not set: export/);
  });
});

function byTimeframe<T extends { timeframe: string }>(thresholds: readonly T[]): T[] {
  return [...thresholds].sort((a, b) => a.timeframe.localeCompare(b.timeframe));
}

interface ImportBlock {
  readonly to: string;
  readonly id: string;
}

function importsOf(stack: StackJson): ImportBlock[] {
  return ((stack as { import?: ImportBlock[] }).import ?? []).map(({ to, id }) => ({ to, id }));
}

function importsAll(stacks: ReadonlyMap<string, StackJson>): ImportBlock[] {
  return [...stacks.values()].flatMap(importsOf);
}

function resourceAddresses(stack: StackJson): string[] {
  return Object.entries(stack.resource ?? {}).flatMap(([type, resources]) =>
    Object.keys(resources).map((name) => `${type}.${name}`),
  );
}

/** The resource a stack imports the Datadog object `id` into. */
function importedResource(stacks: ReadonlyMap<string, StackJson>, type: string, id: string): Record<string, unknown> {
  for (const stack of stacks.values()) {
    const block = importsOf(stack).find((entry) => entry.id === id && entry.to.startsWith(`${type}.`));
    if (block) return stack.resource?.[type]?.[block.to.slice(type.length + 1)] ?? {};
  }
  throw new Error(`no import of ${type} ${id}`);
}

/** The API's time-slice specification as the provider's Terraform attributes name it. */
function asTerraform(timeSlice: Record<string, unknown>): Record<string, unknown> {
  const query = timeSlice["query"] as { formulas: { formula: string }[]; queries: Record<string, string>[] };
  return {
    comparator: timeSlice["comparator"],
    threshold: timeSlice["threshold"],
    query_interval_seconds: timeSlice["query_interval_seconds"],
    query: {
      formula: { formula_expression: query.formulas[0]?.formula },
      query: query.queries.map((entry) => ({
        metric_query: { name: entry["name"], query: entry["query"], data_source: entry["data_source"] },
      })),
    },
  };
}
