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
    const files = await synthFiles(result.plan!);
    const stack = JSON.parse(files.get("stacks/web/cdk.tf.json")!) as { resource: Record<string, Record<string, unknown>> };
    const monitors = Object.values(stack.resource["datadog_monitor"] ?? {}) as { query: string }[];
    expect(monitors.length).toBeGreaterThan(0);
    // A monitor's query is compiler-made and refers to its SLO: the reference must stay live for Terraform.
    for (const monitor of monitors) expect(monitor.query).toMatch(/^burn_rate\("\$\{datadog_service_level_objective\.slo_web__[ab]\.id\}"\)\.over\("30d"\)/);
    const withoutQueries = Object.entries(stack.resource).flatMap(([type, byId]) =>
      Object.values(byId).map((resource) => (type === "datadog_monitor" ? { ...(resource as object), query: undefined } : resource)),
    );
    const emitted = withoutQueries.flatMap((resource) => stringsOf(resource, true));
    const planned = result.plan!.stacks.flatMap((s) => s.resources.flatMap((resource) => stringsOf(resource.config, false)));
    expect(emitted.some((text) => text.includes("$${file"))).toBe(true);
    expect(evaluateTerraformStrings(emitted).sort()).toEqual(planned.sort());
  });
});
