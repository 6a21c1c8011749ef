import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileDirectory } from "../src/app/compile.js";
import { MONITOR_RESOURCE, type MonitorResource } from "../src/plan/resources.js";
import { messageViolations } from "./support/message-rules.js";

const GOLDEN = join(__dirname, "golden");
const SPEC_DIRECTORIES = [
  join(__dirname, "..", "slos"),
  ...(await readdir(GOLDEN)).filter((name) => name !== "examples").map((name) => join(GOLDEN, name, "slos")),
];

/** Every alert monitor planned from the examples and the golden fixtures. */
async function plannedMonitors(): Promise<MonitorResource[]> {
  const monitors: MonitorResource[] = [];
  for (const dir of SPEC_DIRECTORIES) {
    const result = await compileDirectory(dir, process.cwd());
    for (const stack of result.value?.plan.stacks ?? [])
      monitors.push(...stack.resources.filter((r): r is MonitorResource => r.resourceType === MONITOR_RESOURCE));
  }
  return monitors;
}

const monitors = await plannedMonitors();

describe("alert messages of the examples and golden fixtures", () => {
  it("include monitors with and without a warning threshold", () => {
    expect(monitors.length).toBeGreaterThan(20);
    expect(monitors.filter((monitor) => monitor.config.monitorThresholds.warning !== undefined).length).toBeGreaterThan(
      1,
    );
  });

  it("follow Datadog's template rules and route warnings and recoveries to those alerted", () => {
    const broken = monitors.flatMap((monitor) =>
      messageViolations(monitor.config.message, monitor.config.monitorThresholds.warning !== undefined).map(
        (problem) => `${monitor.logicalId}: ${problem}`,
      ),
    );
    expect(broken).toEqual([]);
  });

  it("send an error-budget warning to the ticket handles", () => {
    const errorBudget = monitors.find(
      (monitor) => monitor.logicalId === "slo_card_platform__repayment_availability__error_budget",
    );
    expect(errorBudget?.config.message).toContain("{{#is_warning}}@slack-card-sre{{/is_warning}}");
    expect(errorBudget?.config.message).toContain("{{#is_warning_recovery}}@slack-card-sre{{/is_warning_recovery}}");
    expect(errorBudget?.config.message).not.toContain("{{#is_recovery}}");
  });
});

describe("the check of alert messages", () => {
  const cases: { name: string; message: string; warning: boolean; broken: boolean }[] = [
    {
      name: "accepts routing by state",
      message: "{{#is_alert}}@a{{/is_alert}}\n{{#is_recovery}}@a{{/is_recovery}}",
      warning: false,
      broken: false,
    },
    {
      name: "refuses a block closed by another",
      message: "{{#is_alert}}x{{/is_warning}}",
      warning: false,
      broken: true,
    },
    { name: "refuses a block never closed", message: "{{#is_alert}}x", warning: false, broken: true },
    { name: "refuses an unknown condition", message: "{{#is_page}}x{{/is_page}}", warning: false, broken: true },
    {
      name: "refuses a variable SLO alerts do not have",
      message: "{{host.name}} is down",
      warning: false,
      broken: true,
    },
    { name: "refuses a stray `{{`", message: "{{#is_alert}}{{ {{/is_alert}}", warning: false, broken: true },
    {
      name: "refuses a warning that reaches nobody",
      message: "{{#is_alert}}@a{{/is_alert}}\n{{#is_warning}}text{{/is_warning}}",
      warning: true,
      broken: true,
    },
    {
      name: "refuses a recovery sent to someone never told of the warning",
      message: "{{#is_alert}}@a{{/is_alert}}\n{{#is_warning}}@b{{/is_warning}}\n{{#is_recovery}}@a{{/is_recovery}}",
      warning: true,
      broken: true,
    },
    {
      name: "refuses a recovery sent to someone never alerted",
      message: "{{#is_alert}}@a{{/is_alert}}\n{{#is_alert_recovery}}@b{{/is_alert_recovery}}",
      warning: false,
      broken: true,
    },
    {
      name: "accepts handles outside every block",
      message: "{{#is_warning}}close{{/is_warning}} @a\n{{#is_warning_recovery}}@a{{/is_warning_recovery}}",
      warning: true,
      broken: false,
    },
  ];

  it.each(cases)("$name", ({ message, warning, broken }) => {
    expect(messageViolations(message, warning).length > 0).toBe(broken);
  });
});
