import { describe, expect, it } from "vitest";
import { escapeTemplate } from "../src/emit/escape.js";
import { compileOne, serviceYaml, synthFiles } from "./support/compile.js";
import { stringsOf } from "./support/json-strings.js";
import { evaluateTerraformStrings, terraformBinary, terraformSkipNote } from "./support/terraform.js";

const hostile = [
  '${file("/etc/passwd")}',
  "%{ if true }leak%{ endif }",
  "$${already escaped}",
  "%%{already escaped}",
  "$$${triple}",
  "ends with $",
  "ends with %",
  "${",
  "%{",
  "{{#is_alert}}@pagerduty{{/is_alert}}",
  'quotes " and \\ backslash',
  "unicode é ✓",
];

describe(`Terraform template escaping${terraformSkipNote}`, () => {
  it.skipIf(!terraformBinary)("every escaped text evaluates back to itself in terraform", () => {
    expect(evaluateTerraformStrings(hostile.map(escapeTemplate))).toEqual(hostile);
  });

  it.skipIf(!terraformBinary)("every string of a synthesized stack reads back as the spec wrote it", async () => {
    const query = 'sum:requests{service:${file(\\"/etc/passwd\\")}}.as_count()';
    const yaml = serviceYaml(`  - name: a
    description: "desc ${"${"}file(\\"/etc/passwd\\")} and %{ if true }x%{ endif }"
    sli:
      ratio: { good: "${query}", total: "sum:requests{*}.as_count()" }
    objectives: [{ window: 30d, target: 99 }]
  - name: b
    sli:
      timeSlice: { query: "avg:x{env:%{ for a in b }}", comparator: "<", threshold: 1 }
    objectives: [{ window: 30d, target: 99 }]
`);
    const result = compileOne(yaml);
    expect(result.diagnostics).toEqual([]);
    const files = await synthFiles(result.value!.plan);
    const stack = JSON.parse(files.get("stacks/web/cdk.tf.json")!) as {
      resource: Record<string, Record<string, unknown>>;
    };
    const monitors = Object.values(stack.resource["datadog_monitor"] ?? {}) as { query: string }[];
    expect(monitors.length).toBeGreaterThan(0);
    // A monitor's query is compiler-made and refers to its SLO: the reference must stay live for Terraform.
    for (const monitor of monitors)
      expect(monitor.query).toMatch(
        /^burn_rate\("\$\{datadog_service_level_objective\.slo_web__[ab]\.id\}"\)\.over\("30d"\)/,
      );
    const sloAndMonitorStrings = ["datadog_service_level_objective", "datadog_monitor"].flatMap((type) =>
      Object.values(stack.resource[type] ?? {}).map((resource) =>
        type === "datadog_monitor" ? { ...(resource as object), query: undefined } : resource,
      ),
    );
    const emitted = sloAndMonitorStrings.flatMap((resource) => stringsOf(resource, true));
    const planned = result.value!.plan.stacks.flatMap((s) =>
      s.resources
        .filter((r) => r.resourceType !== "datadog_dashboard")
        .flatMap((resource) => stringsOf(resource.config, false)),
    );
    expect(emitted.some((text) => text.includes("$${file"))).toBe(true);
    expect(evaluateTerraformStrings(emitted).sort()).toEqual(planned.sort());
  });

  it.skipIf(!terraformBinary)(
    "the dashboard's texts read back as planned and its SLO references stay live",
    async () => {
      const slo =
        '  - name: a\n    sli:\n      ratio: { good: "sum:a{*}", total: "sum:b{*}" }\n    objectives: [{ window: 30d, target: 99 }]\n';
      const header =
        'notify: { page: ["@p"], ticket: ["@t"] }\ndescription: \'owned by ${file("/etc/passwd")} %{ if x }\'\n';
      const yaml = serviceYaml(slo, header);
      const result = compileOne(yaml);
      expect(result.diagnostics).toEqual([]);
      const stack = JSON.parse((await synthFiles(result.value!.plan)).get("stacks/web/cdk.tf.json")!) as {
        resource: { datadog_dashboard: Record<string, DashboardJson> };
      };
      const dashboard = Object.values(stack.resource.datadog_dashboard)[0]!;
      const note = dashboard.widget.map((w) => w.note_definition?.content).find((content) => content !== undefined)!;
      const planned = result.value!.plan.stacks[0]!.resources.find((r) => r.resourceType === "datadog_dashboard")!
        .config as { note: string; title: string; description: string };
      expect(evaluateTerraformStrings([note, dashboard.title, dashboard.description])).toEqual([
        planned.note,
        planned.title,
        planned.description,
      ]);
      expect(planned.note).toContain('${file("/etc/passwd")} %{ if x }');
      const sloIds = dashboard.widget.flatMap(
        (w) => w.group_definition?.widget.map((inner) => inner.service_level_objective_definition.slo_id) ?? [],
      );
      expect(sloIds).toEqual(["${datadog_service_level_objective.slo_web__a.id}"]);
    },
  );
});

/** The parts of a synthesized dashboard these tests read. */
interface DashboardJson {
  title: string;
  description: string;
  widget: {
    note_definition?: { content: string };
    group_definition?: { widget: { service_level_objective_definition: { slo_id: string } }[] };
  }[];
}
