import { describe, expect, it } from "vitest";
import { adoptAlerts } from "../src/adopt/alerts.js";
import { adoptCorrection } from "../src/adopt/corrections.js";
import { routingOfMessage } from "../src/adopt/routing.js";
import { groupServices, nameSlos } from "../src/adopt/services.js";
import { adoptSlo, type AdoptedSlo } from "../src/adopt/slo.js";
import { parseSloAlertQuery } from "../src/datadog/slo-alert-query.js";
import {
  correctionShape,
  monitorShape,
  sloShape,
  type DatadogMonitor,
  type DatadogSlo,
} from "../src/datadog-api/responses.js";
import { correctionObject, monitorObject, sloObject } from "./support/datadog-fixtures.js";

const ID = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
const OTHER = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

const METRIC = {
  timeframe: "30d",
  tags: ["service:web", "team:web-sre"],
  query: { numerator: " sum:requests{status:ok}.as_count() ", denominator: "sum:requests{*}.as_count()" },
};

function slo(
  fields: Record<string, unknown> = {},
  thresholds: Parameters<typeof sloObject>[3] = [{ timeframe: "30d", target: 99.9 }],
): DatadogSlo {
  const type = (fields["type"] as "metric" | "monitor" | "time_slice" | undefined) ?? "metric";
  return sloShape.parse(sloObject(ID, "Web availability", type, thresholds, { ...METRIC, ...fields }));
}

function timeSlice(formula: string, queries: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return {
    type: "time_slice",
    query: undefined,
    sli_specification: {
      time_slice: {
        comparator: ">",
        threshold: 0.99,
        query_interval_seconds: 300,
        query: { formulas: [{ formula }], queries },
        ...extra,
      },
    },
  };
}

function monitor(
  id: number,
  query: string,
  fields: Parameters<typeof monitorObject>[3] = {},
  type = "slo alert",
): DatadogMonitor {
  return monitorShape.parse(monitorObject(id, type, query, fields));
}

const burn = (over: string, long: string, short: string, threshold: string, op = ">", slo = ID) =>
  `burn_rate("${slo}").over("${over}").long_window("${long}").short_window("${short}") ${op} ${threshold}`;

describe("mapping a Datadog SLO to a spec entry", () => {
  it.each([
    [
      "a metric SLO to a ratio SLI, queries trimmed",
      slo(),
      { ratio: { good: "sum:requests{status:ok}.as_count()", total: "sum:requests{*}.as_count()" } },
    ],
    [
      "a composite metric SLO grouped by env, as written",
      slo({
        query: {
          numerator: "(sum:a{x} by {env}.as_count()) + (sum:b{x} by {env}.as_count())",
          denominator: "sum:c{x} by {env}.as_count()",
        },
      }),
      {
        ratio: {
          good: "(sum:a{x} by {env}.as_count()) + (sum:b{x} by {env}.as_count())",
          total: "sum:c{x} by {env}.as_count()",
        },
      },
    ],
    [
      "a time-slice SLO over query1 to the single-query form",
      slo(
        timeSlice("query1", [{ data_source: "metrics", name: "query1", query: "p99:latency{*}" }], {
          query_interval_seconds: 60,
        }),
      ),
      { timeSlice: { query: "p99:latency{*}", comparator: ">", threshold: 0.99, interval: "1m" } },
    ],
    [
      "a time-slice SLO without an interval to one without, Datadog's default",
      slo(
        timeSlice("query1", [{ data_source: "metrics", name: "query1", query: "p99:latency{*}" }], {
          query_interval_seconds: null,
        }),
      ),
      { timeSlice: { query: "p99:latency{*}", comparator: ">", threshold: 0.99 } },
    ],
    [
      "a time-slice SLO over a formula to named queries in their order",
      slo(
        timeSlice("(b-a)/b", [
          { data_source: "metrics", name: "b", query: "sum:hits{*}" },
          { name: "a", query: "sum:errors{*}" },
        ]),
      ),
      {
        timeSlice: {
          formula: "(b-a)/b",
          queries: [
            { name: "b", query: "sum:hits{*}" },
            { name: "a", query: "sum:errors{*}" },
          ],
          comparator: ">",
          threshold: 0.99,
          interval: "5m",
        },
      },
    ],
    [
      "a monitor-based SLO to its monitor ids, sorted, with its groups",
      slo({ type: "monitor", query: undefined, monitor_ids: [42], groups: ["us", "eu"] }),
      { monitors: { ids: [42], groups: ["eu", "us"] } },
    ],
  ])("maps %s", (_name, input, sli) => {
    const { adopted, refusals } = adoptSlo(input, [], [], {});
    expect(refusals).toEqual([]);
    expect(adopted?.spec.sli).toEqual(sli);
  });

  it("keeps the exact name, the id, the description, the tags and every threshold, the primary first", () => {
    const input = slo(
      { description: "  Good requests.  ", timeframe: "30d", tags: ["team:web-sre", "env:prod", "service:web"] },
      [
        { timeframe: "7d", target: 99.5, warning: 99.8 },
        { timeframe: "30d", target: 99.9 },
        { timeframe: "90d", target: 99.95 },
      ],
    );
    const { adopted } = adoptSlo(input, [], [], {});
    expect(adopted).toMatchObject({
      service: "web",
      team: "web-sre",
      tags: ["env:prod", "service:web", "team:web-sre"],
    });
    expect(adopted?.spec).toMatchObject({
      displayName: "Web availability",
      datadogId: ID,
      description: "Good requests.",
      objectives: [
        { window: "30d", target: 99.9 },
        { window: "7d", target: 99.5, warning: 99.8 },
        { window: "90d", target: 99.95 },
      ],
      alerts: { burnRate: "none" },
    });
  });

  it.each([
    [
      "thresholds listed out of window order",
      slo({}, [
        { timeframe: "30d", target: 99.9 },
        { timeframe: "7d", target: 99 },
      ]),
      /thresholds are listed 7d, 30d/,
    ],
    [
      "no primary timeframe",
      slo({ timeframe: undefined }, [{ timeframe: "7d", target: 99 }]),
      /primary timeframe is set to 7d/,
    ],
    [
      "a tag Datadog stores in another form",
      slo({ tags: ["service:web", "Env:Prod"] }),
      /"Env:Prod" is written "env:prod"/,
    ],
    [
      "a metric SLO the API returns with its count specification",
      slo(),
      /the first plan shows `sli_specification` replaced by `query` in place, once/,
    ],
    [
      "a time-slice SLO without an interval",
      slo(timeSlice("query1", [{ name: "query1", query: "p99:latency{*}" }], { query_interval_seconds: null })),
      /query_interval_seconds is set to 300/,
    ],
  ])("says what changes in place with %s", (_name, input, change) => {
    expect(adoptSlo(input, [], [], {}).adopted?.changes.join("\n")).toMatch(change);
  });

  it.each([
    ["a custom timeframe", slo({}, [{ timeframe: "custom", target: 99 }]), /custom threshold cannot be represented/],
    [
      "two thresholds over one window",
      slo({}, [
        { timeframe: "30d", target: 99 },
        { timeframe: "30d", target: 98 },
      ]),
      /two 30d thresholds/,
    ],
    ["an unknown type", slo({ type: "count" }), /type "count"/],
    ["an id that is not one", sloShape.parse({ ...slo(), id: "abc" }), /not 32 lowercase hexadecimal/],
    ["no service tag and no --service", slo({ tags: ["team:web-sre"] }), /--service/],
    [
      "groups over two monitors",
      slo({ type: "monitor", query: undefined, monitor_ids: [1, 2], groups: ["eu"] }),
      /one monitor only/,
    ],
    [
      "21 monitors",
      slo({ type: "monitor", query: undefined, monitor_ids: Array.from({ length: 21 }, (_, i) => i + 1) }),
      /1 to 20/,
    ],
    [
      "two formulas",
      slo({
        ...timeSlice("a", [{ name: "a", query: "q" }]),
        sli_specification: {
          time_slice: {
            comparator: ">",
            threshold: 1,
            query: { formulas: [{ formula: "a" }, { formula: "a*2" }], queries: [{ name: "a", query: "q" }] },
          },
        },
      }),
      /2 formulas/,
    ],
    [
      "a query over another data source",
      slo(timeSlice("a", [{ data_source: "events", name: "a", query: "q" }])),
      /reads events/,
    ],
    [
      "a query with an aggregator",
      slo(timeSlice("a", [{ name: "a", query: "q", aggregator: "avg" }])),
      /sets aggregator/,
    ],
    ["a 2-minute interval", slo(timeSlice("a", [{ name: "a", query: "q" }], { query_interval_seconds: 120 })), /120 s/],
    [
      "a comparator slocc does not know",
      slo(timeSlice("a", [{ name: "a", query: "q" }], { comparator: "==" })),
      /comparator "=="/,
    ],
  ])("refuses an SLO with %s, by id", (_name, input, reason) => {
    const { adopted, refusals } = adoptSlo(input, [], [], {});
    expect(adopted).toBeUndefined();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]?.sloId).toBe(input.id);
    expect(refusals[0]?.reason).toMatch(reason);
  });

  it("takes the service from --service when the SLO has no service: tag", () => {
    expect(adoptSlo(slo({ tags: [] }), [], [], { service: "web" }).adopted?.service).toBe("web");
  });
});

describe("mapping the SLO alerts of an SLO", () => {
  const targets = new Map([["30d", 99.9] as const, ["7d", 99.9] as const]);

  it("maps burn-rate alerts to tiers and the error-budget alert, with their thresholds and handles", () => {
    const alerts = adoptAlerts(
      ID,
      [
        monitor(11, burn("30d", "1h", "5m", "14.4"), {
          priority: 1,
          thresholds: { critical: 14.4, warning: 7.2 },
          message: "{{#is_alert}}@pagerduty-web{{/is_alert}}",
        }),
        monitor(12, burn("30d", "24h", "2h", "3"), { thresholds: { critical: 3 }, message: "See @slack-web." }),
        monitor(13, `error_budget("${ID}").over("7d") > 75`, { thresholds: { critical: 75, warning: 50 } }),
      ],
      targets,
    );
    expect(alerts.refused).toEqual([]);
    expect(alerts.burnRate).toEqual([
      {
        severity: "page",
        window: "30d",
        longWindow: "1h",
        shortWindow: "5m",
        factor: 14.4,
        warning: 7.2,
        datadogId: 11,
        // Paged on alert only: nobody hears of its warning or recovery.
        notify: { alert: ["@pagerduty-web"], recovery: [] },
      },
      {
        severity: "ticket",
        window: "30d",
        longWindow: "24h",
        shortWindow: "2h",
        factor: 3,
        datadogId: 12,
        notify: ["@slack-web"],
      },
    ]);
    // The error-budget alert notifies nobody, the other ticket alert @slack-web: each keeps its own.
    expect(alerts.errorBudget).toEqual({ critical: "75%", warning: "50%", window: "7d", datadogId: 13, notify: [] });
    expect(alerts.notify).toEqual({});
  });

  it.each([
    ["priority 2", { priority: 2 }, "24h", "page"],
    ["priority 3", { priority: 3 }, "1h", "ticket"],
    ["no priority and a long window up to 6h", {}, "6h", "page"],
    ["no priority and a longer window", {}, "24h", "ticket"],
  ])("gives an alert with %s its severity", (_name, fields, long, severity) => {
    const alerts = adoptAlerts(ID, [monitor(11, burn("30d", long, "5m", "2"), fields)], targets);
    expect(alerts.burnRate[0]?.severity).toBe(severity);
  });

  it.each([
    [
      "a monitor that is not an SLO alert",
      monitor(21, burn("30d", "1h", "5m", "14.4"), {}, "query alert"),
      /"query alert" monitor/,
    ],
    ["a query it cannot read", monitor(22, `burn_rate("${ID}") > 2`), /not a burn_rate or error_budget query/],
    [
      "a query per group",
      monitor(33, `burn_rate("${ID}").by("env").over("30d").long_window("1h").short_window("5m") > 14.4`),
      /alerts per group/,
    ],
    [
      "a message that notifies someone only when it renotifies",
      monitor(34, burn("30d", "1h", "5m", "14.4"), { message: "{{#is_renotify}}@pagerduty-web{{/is_renotify}}" }),
      /inside \{\{#is_renotify\}\}/,
    ],
    ["a query over another SLO", monitor(23, burn("30d", "1h", "5m", "14.4", ">", OTHER)), /watches the SLO a1b2/],
    ["the >= comparison", monitor(24, burn("30d", "1h", "5m", "14.4", ">=")), /compares with >=/],
    ["a window the SLO has no threshold for", monitor(25, burn("90d", "1h", "5m", "14.4")), /over 90d/],
    [
      "a query with spaces slocc would not write",
      monitor(32, `burn_rate( "${ID}" ).over("30d").long_window("1h").short_window("5m") > 14.4`),
      /which slocc would write `burn_rate\("0f1e/,
    ],
    ["a threshold written with a trailing zero", monitor(26, burn("30d", "1h", "5m", "14.40")), /written 14.40/],
    [
      "a critical threshold unlike its query's",
      monitor(27, burn("30d", "1h", "5m", "14.4"), { thresholds: { critical: 10 } }),
      /critical threshold 10/,
    ],
    ["a long window in minutes", monitor(28, burn("30d", "60m", "5m", "14.4")), /written 60m\/5m/],
    [
      "a short window as long as the long one",
      monitor(29, burn("30d", "1h", "60m", "14.4")),
      /outside Datadog's limits/,
    ],
    ["a burn rate above what the target allows", monitor(30, burn("30d", "1h", "5m", "1001")), /never be reached/],
    [
      "a warning above its threshold",
      monitor(31, burn("30d", "1h", "5m", "6"), { thresholds: { critical: 6, warning: 7 } }),
      /warning 7/,
    ],
  ])("refuses %s, leaving it in Datadog", (_name, input, reason) => {
    const alerts = adoptAlerts(ID, [input], targets);
    expect(alerts.burnRate).toEqual([]);
    expect(alerts.refused).toEqual([{ monitorId: input.id, reason: expect.stringMatching(reason) }]);
  });

  it("refuses a second error-budget alert and a second alert over the same windows", () => {
    const alerts = adoptAlerts(
      ID,
      [
        monitor(41, `error_budget("${ID}").over("30d") > 50`),
        monitor(42, `error_budget("${ID}").over("30d") > 75`),
        monitor(43, burn("30d", "1h", "5m", "14.4")),
        monitor(44, burn("30d", "1h", "5m", "10")),
      ],
      targets,
    );
    expect(alerts.adopted.map((alert) => alert.monitorId)).toEqual([41, 43]);
    expect(alerts.refused.map((refusal) => refusal.monitorId)).toEqual([42, 44]);
  });

  it("says which monitor options and thresholds slocc does not set", () => {
    const input = monitorShape.parse({
      ...monitorObject(51, "slo alert", burn("30d", "1h", "5m", "14.4"), {
        priority: 1,
        thresholds: { critical: 14.4, critical_recovery: 10 },
      }),
      options: { thresholds: { critical: 14.4, critical_recovery: 10 }, renotify_interval: 60, include_tags: true },
    });
    expect(adoptAlerts(ID, [input], targets).adopted[0]?.changes).toEqual([
      "options slocc does not set (renotify_interval) may be reset to the provider's defaults",
      "thresholds slocc does not set (critical_recovery) are removed",
    ]);
  });

  it("keeps the SLO's handles for a severity only where every alert of it notifies them in every state", () => {
    const alerts = adoptAlerts(
      ID,
      [
        monitor(51, burn("30d", "1h", "5m", "14.4"), { priority: 1, message: "@pagerduty-a" }),
        monitor(52, burn("30d", "6h", "30m", "6"), { priority: 1, message: "@pagerduty-a" }),
        monitor(53, burn("30d", "24h", "2h", "3"), { priority: 3, message: "{{#is_alert}}@slack-b{{/is_alert}}" }),
      ],
      targets,
    );
    expect(alerts.notify).toEqual({ page: ["@pagerduty-a"] });
    expect(alerts.burnRate.map((tier) => tier.notify)).toEqual([
      undefined,
      undefined,
      { alert: ["@slack-b"], recovery: [] },
    ]);
  });

  it("leaves out of an alert's own routing a state that notifies nobody, as the v1 writer does", () => {
    const alerts = adoptAlerts(
      ID,
      [
        monitor(61, burn("30d", "24h", "2h", "3"), {
          thresholds: { critical: 3, warning: 2 },
          message: "{{#is_warning}}@slack-a{{/is_warning}}",
        }),
      ],
      targets,
    );
    expect(alerts.burnRate.map((tier) => tier.notify)).toEqual([{ warning: ["@slack-a"], recovery: [] }]);
  });
});

describe("reading whom a monitor's message notifies in each state", () => {
  it.each([
    [
      "handles outside any block: every state",
      "Burning. @slack-a, then @pagerduty-b.",
      false,
      { alert: ["@pagerduty-b", "@slack-a"] },
    ],
    [
      "an alert and its recovery",
      "{{#is_alert}}@pagerduty-a{{/is_alert}}{{#is_recovery}}@pagerduty-a{{/is_recovery}}",
      false,
      { alert: ["@pagerduty-a"] },
    ],
    [
      "an alert without its recovery",
      "{{#is_alert}}@pagerduty-a{{/is_alert}}",
      false,
      { alert: ["@pagerduty-a"], recovery: [] },
    ],
    [
      "paging one team and warning another, each told of its state's recovery",
      "{{#is_alert}}@pagerduty-a{{/is_alert}} {{#is_warning}}@slack-b{{/is_warning}} {{#is_alert_recovery}}@pagerduty-a{{/is_alert_recovery}}{{#is_warning_recovery}}@slack-b{{/is_warning_recovery}}",
      true,
      { alert: ["@pagerduty-a"], warning: ["@slack-b"] },
    ],
    [
      "every recovery to one channel",
      "{{#is_alert}}@pagerduty-a{{/is_alert}} {{#is_warning}}@slack-b{{/is_warning}} {{#is_recovery}}@slack-b{{/is_recovery}}",
      true,
      { alert: ["@pagerduty-a"], warning: ["@slack-b"], recovery: ["@slack-b"] },
    ],
    [
      "an inverted block",
      "{{^is_warning}}@pagerduty-a{{/is_warning}}",
      true,
      { alert: ["@pagerduty-a"], warning: [], recovery: ["@pagerduty-a"] },
    ],
    ["a mail address and trailing punctuation", "Mail @jane@example.com.", false, { alert: ["@jane@example.com"] }],
  ])("reads %s", (_name, message, warns, routing) => {
    expect(routingOfMessage(message, warns)).toEqual({ ok: true, value: routing });
  });

  it.each([
    ["a handle only in a no-data block", "{{#is_no_data}}@slack-a{{/is_no_data}}"],
    [
      "recoveries that reach neither the state's handles nor one list",
      "{{#is_alert}}@a{{/is_alert}}{{#is_warning}}@b{{/is_warning}}{{#is_alert_recovery}}@b{{/is_alert_recovery}}",
    ],
  ])("refuses %s", (_name, message) => {
    expect(routingOfMessage(message, true)).toMatchObject({ ok: false, problems: [{ code: "NOT_ADOPTABLE" }] });
  });
});

describe("mapping a Datadog correction to a spec correction", () => {
  const correction = (
    attributes: Parameters<typeof correctionObject>[2],
    id = "b174d560-34c2-11f1-b18b-da7ad0902002",
  ) => correctionShape.parse(correctionObject(id, ID, attributes));

  it.each([
    [
      "a one-off correction in a time zone",
      correction({
        category: "Deployment",
        start: 1805004000,
        end: 1805011200,
        description: " migration ",
        timezone: "Asia/Tokyo",
      }),
      {
        category: "deployment",
        description: "migration",
        start: "2027-03-14T06:00:00Z",
        end: "2027-03-14T08:00:00Z",
        timezone: "Asia/Tokyo",
      },
    ],
    [
      "a recurring correction in UTC",
      correction({ category: "Scheduled Maintenance", start: 1801407600, rrule: "FREQ=DAILY;COUNT=5", duration: 5400 }),
      {
        category: "scheduled-maintenance",
        start: "2027-01-31T15:00:00Z",
        rrule: "FREQ=DAILY;COUNT=5",
        duration: "90m",
      },
    ],
  ])("keeps %s exactly, with its id", (_name, input, spec) => {
    expect(adoptCorrection(input)).toEqual({ ok: true, value: { ...spec, datadogId: input.id } });
  });

  it.each([
    [
      "a rule with BYDAY",
      correction({ category: "Other", start: 1, rrule: "FREQ=WEEKLY;BYDAY=MO", duration: 60 }),
      /BYDAY/,
    ],
    ["an unknown category", correction({ category: "Holiday", start: 1, end: 60 }), /category "Holiday"/],
    ["an id that is not a UUID", correction({ category: "Other", start: 1, end: 60 }, "abc"), /not a UUID/],
    ["a rule without a duration", correction({ category: "Other", start: 1, rrule: "FREQ=DAILY" }), /neither an end/],
  ])("refuses %s with the reason", (_name, input, reason) => {
    const adopted = adoptCorrection(input);
    expect(adopted).toMatchObject({ ok: false, problems: [{ code: "NOT_ADOPTABLE" }] });
    expect(adopted.ok ? "" : adopted.problems[0]?.message).toMatch(reason);
  });
});

describe("grouping adopted SLOs into services", () => {
  const adopted = (id: string, name: string, team?: string): AdoptedSlo => {
    const result = adoptSlo(
      sloShape.parse(
        sloObject(id, name, "metric", [{ timeframe: "30d", target: 99 }], {
          ...METRIC,
          tags: ["service:web", ...(team ? [`team:${team}`] : [])],
        }),
      ),
      [],
      [],
      {},
    );
    if (!result.adopted) throw new Error("not adopted");
    return result.adopted;
  };

  it("names SLOs uniquely without their service's name, and takes the owner most of them name", () => {
    const { services, refusals } = groupServices(
      [
        adopted(ID, "Web latency", "web-sre"),
        adopted(OTHER, "web: latency", "web-sre"),
        adopted("11111111111111111111111111111111", "Availability", "platform"),
      ],
      {},
    );
    expect(refusals).toEqual([]);
    expect(services.map((service) => [service.service, service.owner])).toEqual([["web", "web-sre"]]);
    expect(nameSlos(services[0]!).map((named) => [named.name, named.slo.id])).toEqual([
      ["availability", "11111111111111111111111111111111"],
      ["latency", ID],
      ["latency-2", OTHER],
    ]);
  });

  it("refuses a service's SLOs when no team: tag and no --owner names its owner", () => {
    const { services, refusals } = groupServices([adopted(ID, "Web latency")], {});
    expect(services).toEqual([]);
    expect(refusals).toEqual([expect.objectContaining({ sloId: ID, reason: expect.stringMatching(/--owner/) })]);
  });
});

describe("SLO alert queries", () => {
  it.each([
    [
      burn("30d", "1h", "5m", "14.4"),
      { function: "burn_rate", window: "30d", longWindow: "1h", shortWindow: "5m", operator: ">", threshold: "14.4" },
    ],
    [
      `error_budget( "${ID}" ).over( "7d" ) >= 75`,
      { function: "error_budget", window: "7d", operator: ">=", threshold: "75" },
    ],
  ])("reads %s", (query, parts) => {
    expect(parseSloAlertQuery(query)).toEqual({ sloId: ID, ...parts });
  });

  it.each([
    `burn_rate("${ID}").over("30d") > 2`,
    `error_budget("${ID}").over("7d").long_window("1h").short_window("5m") > 2`,
    "avg(last_5m):avg:cpu{*} > 90",
  ])("reads no SLO alert in %s", (query) => {
    expect(parseSloAlertQuery(query)).toBeUndefined();
  });
});
