import { describe, expect, it } from "vitest";
import { maxBurnRate } from "../src/datadog/burn-rate.js";
import { formatSloAlertQuery } from "../src/datadog/slo-alert-query.js";
import { WINDOWS, type Window } from "../src/datadog/windows.js";
import { formatDuration } from "../src/human/duration.js";
import { defaultTiers } from "../src/model/alerting.js";
import { budgetSeconds, tierTimes } from "../src/model/budget.js";
import type { BurnRateTier } from "../src/model/model.js";
import policy from "../src/builtin/burn-rate-tiers.json";
import { MONITOR_RESOURCE, type MonitorResource } from "../src/plan/resources.js";
import { checkTexts, codesAt, compileOne, positionOf, serviceYaml } from "./support/compile.js";
import { runCli } from "./support/cli.js";

const ratio = `    sli:\n      ratio: { good: "sum:a{*}.as_count()", total: "sum:b{*}.as_count()" }\n`;
/** An SLO with a 30d objective at `target` and `alerts` YAML (already indented) appended. */
const sloWith = (alerts: string, target = "99.9", sli = ratio) =>
  `  - name: a\n${sli}    objectives:\n      - { window: 30d, target: ${target} }\n${alerts}`;
const tiers = (...rows: string[]) =>
  `    alerts:\n      burnRate:\n${rows.map((row) => `        - ${row}\n`).join("")}`;

function monitorsOf(yaml: string): MonitorResource[] {
  const result = compileOne(yaml);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.value!.plan.stacks.flatMap((stack) =>
    stack.resources.filter((r): r is MonitorResource => r.resourceType === MONITOR_RESOURCE),
  );
}

/** The monitor's query as written to Terraform, with `<slo id>` for the SLO's id. */
const queryOf = (monitor: MonitorResource) => formatSloAlertQuery({ ...monitor.query, sloId: "<slo id>" });

const HERE = { file: "slos/web.yaml", line: 1, column: 1 };
/** Datadog's default tiers for a primary objective over `window` at `target`. */
const tiersFor = (window: Window, target = 99.9) =>
  defaultTiers({ window, target, at: { self: HERE, window: HERE, target: HERE, warning: HERE } }) as BurnRateTier[];

describe("the default burn-rate policy table", () => {
  it.each(WINDOWS)("derives Datadog's published factors for the %s window", (window: Window) => {
    expect(tiersFor(window).map((tier) => tier.factor)).toEqual(
      policy.windows[window].map((row) => row.publishedFactor),
    );
  });

  it.each(WINDOWS)("keeps every %s long window within Datadog's 48h limit, short windows at 1/12", (window: Window) => {
    for (const tier of tiersFor(window)) {
      expect(tier.longWindowHours).toBeLessThanOrEqual(48);
      expect(tier.shortWindowMinutes).toBe((tier.longWindowHours * 60) / 12);
    }
  });
});

/** Each case: SLO entries and the diagnostics expected, as a code and a `^`-marked snippet. */
const ruleCases: { name: string; slos: string; expected: [code: string, at: string][] }[] = [
  {
    name: "a long window under 1h is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 30m, factor: 10 }")),
    expected: [["TIER_LONG_WINDOW", "longWindow: ^30m"]],
  },
  {
    name: "a long window over 48h is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 72h, factor: 2 }")),
    expected: [["TIER_LONG_WINDOW", "longWindow: ^72h"]],
  },
  {
    name: "a long window of part hours is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 90m, factor: 10 }")),
    expected: [["TIER_LONG_WINDOW", "longWindow: ^90m"]],
  },
  {
    name: "a long window of 60m is one whole hour",
    slos: sloWith(tiers("{ severity: page, longWindow: 60m, factor: 10 }")),
    expected: [],
  },
  {
    name: "a short window as long as the long one is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, shortWindow: 60m, factor: 10 }")),
    expected: [["TIER_SHORT_WINDOW", "shortWindow: ^60m"]],
  },
  {
    name: "a short window in seconds is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, shortWindow: 90s, factor: 10 }")),
    expected: [["TIER_SHORT_WINDOW", "shortWindow: ^90s"]],
  },
  {
    name: "a tier with both factor and budget is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, factor: 10, budgetConsumed: 2% }")),
    expected: [["TIER_THRESHOLD", "- ^{ severity"]],
  },
  {
    name: "a tier with neither factor nor budget is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h }")),
    expected: [["TIER_THRESHOLD", "- ^{ severity"]],
  },
  {
    name: "a factor of zero is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, factor: 0 }")),
    expected: [["TIER_THRESHOLD", "factor: ^0"]],
  },
  {
    name: "a budget over 100% is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, budgetConsumed: 150% }")),
    expected: [["TIER_THRESHOLD", "budgetConsumed: ^150%"]],
  },
  {
    name: "a budget without a percent sign is refused",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, budgetConsumed: 2 }")),
    expected: [["WRONG_TYPE", "budgetConsumed: ^2"]],
  },
  {
    name: "a tier over a window the SLO lacks is refused",
    slos: sloWith(tiers("{ severity: page, window: 7d, longWindow: 1h, factor: 10 }")),
    expected: [["TIER_WINDOW", "window: ^7d"]],
  },
  {
    name: "two tiers with the same windows are refused at the second",
    slos: sloWith(
      tiers("{ severity: page, longWindow: 1h, factor: 10 }", "{ severity: ticket, longWindow: 1h, factor: 5 }"),
    ),
    expected: [["DUPLICATE_TIER", "- ^{ severity: ticket"]],
  },
  {
    name: "an unknown severity is refused",
    slos: sloWith(tiers("{ severity: sms, longWindow: 1h, factor: 10 }")),
    expected: [["INVALID_VALUE", "severity: ^sms"]],
  },
  {
    name: "a burnRate that is neither default, none nor a list is refused",
    slos: sloWith("    alerts:\n      burnRate: sometimes\n"),
    expected: [["WRONG_TYPE", "burnRate: ^sometimes"]],
  },
  {
    name: "a custom factor above 1/(1-target) is dropped with a warning",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, factor: 25 }"), "95"),
    expected: [["TIER_DROPPED", "factor: ^25"]],
  },
  {
    name: "a budget whose factor is above 1/(1-target) is dropped with a warning",
    slos: sloWith(tiers("{ severity: page, longWindow: 1h, budgetConsumed: 5% }"), "95"),
    expected: [["TIER_DROPPED", "budgetConsumed: ^5%"]],
  },
  {
    name: "the default 14.4x tier is dropped at a 90% target, at the target",
    slos: sloWith("", "90"),
    expected: [["TIER_DROPPED", "target: ^90"]],
  },
  {
    name: "an error-budget warning above critical is refused",
    slos: sloWith("    alerts:\n      errorBudget: { warning: 80%, critical: 50% }\n"),
    expected: [["ERROR_BUDGET_THRESHOLDS", "warning: ^80%"]],
  },
  {
    name: "an error-budget critical of 0% is refused",
    slos: sloWith("    alerts:\n      errorBudget: { critical: 0% }\n"),
    expected: [["ERROR_BUDGET_THRESHOLDS", "critical: ^0%"]],
  },
  {
    name: "a handle without @ is refused",
    slos: sloWith('    alerts:\n      notify: { page: ["pagerduty-web"] }\n'),
    expected: [["INVALID_HANDLE", 'page: [^"pagerduty']],
  },
  {
    name: "a monitor-based SLO with alerts gets a warning",
    slos: sloWith("", "99.9", "    sli:\n      monitors: { ids: [7] }\n"),
    expected: [["ALERTS_MONITOR_SLO", "monitors: ^{ ids"]],
  },
  {
    name: "a monitor-based SLO without alerts gets no warning",
    slos: sloWith("    alerts:\n      burnRate: none\n", "99.9", "    sli:\n      monitors: { ids: [7] }\n"),
    expected: [],
  },
  {
    name: "an alert whose own routing names nobody for its alert warns where its routing is written",
    slos: sloWith(
      '    alerts:\n      burnRate:\n        - { severity: page, longWindow: 1h, factor: 14.4, notify: { warning: ["@slack-web"] } }\n',
    ),
    expected: [["NO_NOTIFY", "notify: ^{ warning"]],
  },
  {
    name: "a runbook that is not a URL is refused",
    slos: `${sloWith("")}    runbook: see the wiki\n`,
    expected: [["INVALID_VALUE", "runbook: ^see"]],
  },
];

describe("alert rules", () => {
  it.each(ruleCases)("$name", ({ slos, expected }) => {
    const yaml = serviceYaml(slos);
    expect(codesAt(compileOne(yaml))).toEqual(expected.map(([code, at]) => `${code} ${positionOf(yaml, at)}`));
  });

  it("warns once per severity when alerts notify nobody", () => {
    const yaml = serviceYaml(sloWith(""), "");
    expect(codesAt(compileOne(yaml))).toEqual([
      `NO_NOTIFY ${positionOf(yaml, "name: ^a")}`,
      `NO_NOTIFY ${positionOf(yaml, "name: ^a")}`,
    ]);
  });

  it("needs no handles of a severity for an alert that routes itself", () => {
    const tier = '        - { severity: page, longWindow: 1h, factor: 14.4, notify: ["@opsgenie-web"] }\n';
    const yaml = serviceYaml(sloWith(`    alerts:\n      burnRate:\n${tier}`), "");
    expect(codesAt(compileOne(yaml))).toEqual([]);
  });

  it("never emits a tier that cannot fire", () => {
    const monitors = monitorsOf(serviceYaml(sloWith("", "90")));
    expect(monitors.map((m) => m.config.monitorThresholds.critical)).toEqual(["3", "6"]);
    for (const monitor of monitors)
      expect(Number(monitor.config.monitorThresholds.critical)).toBeLessThanOrEqual(maxBurnRate(90));
  });
});

describe("handles", () => {
  const valid = '{ page: ["@pagerduty-web"], ticket: ["@slack-web"] }';
  const twoSlos = (bAlerts = "") => sloWith("") + sloWith(bAlerts).replace("name: a", "name: b");
  const environments = (staging: string) => `environments:\n  prod: {}\n  staging: ${staging}\n`;
  const cases: { name: string; header: string; slos: string; expected: [code: string, at: string][] }[] = [
    {
      name: "a service's handle is checked once, however many SLOs it notifies for",
      header: 'notify: { page: ["pagerduty-web"], ticket: ["@slack-web"] }\n',
      slos: twoSlos(),
      expected: [["INVALID_HANDLE", 'page: [^"pagerduty-web"']],
    },
    {
      name: "an SLO's own handle is checked where the SLO writes it",
      header: `notify: ${valid}\n`,
      slos: twoSlos('    alerts:\n      notify: { ticket: ["slack-b"] }\n'),
      expected: [["INVALID_HANDLE", 'ticket: [^"slack-b"']],
    },
    {
      name: "an approver is checked once",
      header: `notify: ${valid}\napprovers: [web-pdm]\n`,
      slos: twoSlos(),
      expected: [["INVALID_HANDLE", "approvers: [^web-pdm"]],
    },
    {
      name: "an environment's handle is checked once, where the environment writes it",
      header: `notify: ${valid}\n${environments('{ notify: { page: ["pagerduty-staging"], ticket: ["@slack-web"] } }')}`,
      slos: twoSlos(),
      expected: [["INVALID_HANDLE", 'page: [^"pagerduty-staging"']],
    },
    {
      name: "a service's handle is checked once in the environments that keep the service's routing",
      header: `notify: { page: ["pagerduty-web"], ticket: ["@slack-web"] }\n${environments(`{ notify: ${valid} }`)}`,
      slos: twoSlos(),
      expected: [["INVALID_HANDLE", 'page: [^"pagerduty-web"']],
    },
  ];

  it.each(cases)("$name", ({ header, slos, expected }) => {
    const yaml = serviceYaml(slos, header);
    const checked = checkTexts({ "slos/web.yaml": yaml });
    expect(checked.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(
      expected.map(([code, at]) => `${code} ${positionOf(yaml, at)}`),
    );
  });
});

describe("alert monitors", () => {
  it("gives each default tier a query whose number is its critical threshold, and page/ticket priorities", () => {
    const monitors = monitorsOf(serviceYaml(sloWith("")));
    expect(
      monitors.map((m) => [m.logicalId, queryOf(m), m.config.priority, m.config.monitorThresholds.critical]),
    ).toEqual([
      [
        "slo_web__a__burn_30d_1h_5m",
        'burn_rate("<slo id>").over("30d").long_window("1h").short_window("5m") > 14.4',
        "1",
        "14.4",
      ],
      [
        "slo_web__a__burn_30d_24h_120m",
        'burn_rate("<slo id>").over("30d").long_window("24h").short_window("120m") > 3',
        "3",
        "3",
      ],
      [
        "slo_web__a__burn_30d_6h_30m",
        'burn_rate("<slo id>").over("30d").long_window("6h").short_window("30m") > 6',
        "1",
        "6",
      ],
    ]);
    for (const monitor of monitors)
      expect(monitor.config.tags).toContain(`severity:${monitor.config.priority === "1" ? "page" : "ticket"}`);
  });

  it("derives a factor from the budget consumed and a budget from a factor", () => {
    const monitors = monitorsOf(
      serviceYaml(
        sloWith(
          tiers(
            "{ severity: page, longWindow: 2h, budgetConsumed: 4% }",
            "{ severity: ticket, longWindow: 12h, factor: 1.5 }",
          ),
        ),
      ),
    );
    expect(monitors.map(queryOf)).toEqual([
      'burn_rate("<slo id>").over("30d").long_window("12h").short_window("60m") > 1.5',
      'burn_rate("<slo id>").over("30d").long_window("2h").short_window("10m") > 14.4',
    ]);
    expect(monitors[0]?.config.message).toContain("spends 2.5% of the 30d budget");
  });

  it("routes each severity to the SLO's handles, else the service's, inside alert and recovery blocks", () => {
    const monitors = monitorsOf(serviceYaml(sloWith('    alerts:\n      notify: { page: ["@pagerduty-override"] }\n')));
    const page = monitors.find((m) => m.config.priority === "1")!.config.message;
    const ticket = monitors.find((m) => m.config.priority === "3")!.config.message;
    expect(page).toContain("{{#is_alert}}@pagerduty-override{{/is_alert}}");
    expect(page).toContain("{{#is_recovery}}@pagerduty-override{{/is_recovery}}");
    expect(page).not.toContain("@pagerduty-web");
    expect(ticket).toContain("{{#is_alert}}@slack-web{{/is_alert}}");
  });

  it("writes a message with the burn rates, the budget figures and the runbook", () => {
    const monitors = monitorsOf(serviceYaml(`${sloWith("")}    runbook: https://runbooks.example.com/a\n`));
    const message = monitors[0]!.config.message;
    expect(message).toContain(
      "{{long_window_burn_rate}}x over the last 1h and {{short_window_burn_rate}}x over the last 5m",
    );
    expect(message).toContain("1h spends 2% of the 30d budget (43 min 12 s of bad time)");
    expect(message).toContain("the whole budget is gone in 2 d 2 h");
    expect(message).toContain("Runbook: https://runbooks.example.com/a");
  });

  it("plans an error-budget monitor with warning and critical thresholds", () => {
    const monitors = monitorsOf(
      serviceYaml(sloWith("    alerts:\n      burnRate: none\n      errorBudget: { warning: 50%, critical: 75% }\n")),
    );
    expect(monitors.map((m) => [m.logicalId, m.query.function, queryOf(m), m.config.monitorThresholds])).toEqual([
      [
        "slo_web__a__error_budget",
        "error_budget",
        'error_budget("<slo id>").over("30d") > 75',
        { critical: "75", warning: "50" },
      ],
    ]);
  });
});

describe("budget arithmetic", () => {
  it.each([
    ["30d", 99.9, 2592],
    ["30d", 99.99, 259.2],
    ["7d", 99.9, 604.8],
    ["90d", 99.5, 38880],
    ["30d", 90, 259200],
  ] as const)("a %s window at %s% allows %s s of bad time", (window, target, seconds) => {
    expect(budgetSeconds(window, target)).toBeCloseTo(seconds, 6);
  });

  it.each([
    [2592, "43 min 12 s"],
    [180000, "2 d 2 h"],
    [5.184, "5.2 s"],
    [60.48, "1 min"],
    [3600, "1 h"],
    [0, "0 s"],
  ] as const)("formats %s s as %s", (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it("times the 14.4x tier at 99.9%: 2% of the budget, 51.84 s of full outage to fire, 50 h to exhaust", () => {
    const [fast] = tiersFor("30d", 99.9);
    expect(tierTimes(fast!)).toEqual({
      budgetConsumedPercent: 2,
      secondsToFireAtFullOutage: expect.closeTo(51.84, 6),
      secondsToExhaustion: 180000,
    });
  });
});

describe("slocc explain", () => {
  it("prints the examples' budgets and tiers as JSON with correct figures", async () => {
    const run = await runCli(["explain", "card-platform/app-api-availability", "--format", "json"]);
    expect(run.code).toBe(0);
    const [slo] = (
      JSON.parse(run.stdout) as {
        slos: {
          objectives: { budgetSeconds: number; oneBadIn: number }[];
          tiers: { factor: number; secondsToExhaustion: number }[];
        }[];
      }
    ).slos;
    expect(slo?.objectives).toEqual([
      expect.objectContaining({ window: "30d", target: 99.9, budgetSeconds: expect.closeTo(2592, 6), oneBadIn: 1000 }),
    ]);
    expect(slo?.tiers.map((t) => [t.factor, t.secondsToExhaustion])).toEqual([
      [14.4, 180000],
      [6, 432000],
      [3, 864000],
    ]);
  });

  it("says which tiers were dropped and why", async () => {
    const run = await runCli(["explain", "--dir", "test/golden/alerts/slos", "payments/low-target"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "dropped page 14.4x over 1h/5m: can never fire: at a 90% target the burn rate is at most 10x",
    );
  });

  it("renders markdown tables", async () => {
    const run = await runCli(["explain", "card-platform", "--format", "markdown"]);
    expect(run.stdout).toContain("| 30d | 99.9% | 99.95% | 43 min 12 s per 30d | 0.1% (1 in 1000) |");
  });

  it("exits 2 for a selector that matches nothing", async () => {
    expect((await runCli(["explain", "no-such-service"])).code).toBe(2);
  });

  it.each([
    ["card-platform/app-api-availability", []],
    ["card-platform/repayment-availability", ["CEILING_EXCEEDED 36:32", "CEILING_EXCEEDED 37:31"]],
    ["e-scooter", ["REVIEW_OVERDUE 13:28"]],
  ])("prints for %s only the warnings about what it shows", async (selector, expected) => {
    const run = await runCli(["explain", selector, "--today", "2027-03-20"]);
    expect(run.code).toBe(0);
    const printed = [...run.stderr.matchAll(/^\S+:(\d+):(\d+): warning ([A-Z_]+):/gm)].map(
      ([, line, column, code]) => `${code} ${line}:${column}`,
    );
    expect(printed).toEqual(expected);
  });
});
