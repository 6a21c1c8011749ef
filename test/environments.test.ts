import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { codesAt, compileTexts, positionOf, tempDir } from "./support/compile.js";
import { TempRepo } from "./support/git.js";
import { resourcesOf, stacksOf, synthesizeInMemory } from "./support/synth.js";

const PAYMENTS = `apiVersion: slocc/v1
service: payments
owner: payments-sre
environments:
  prod:
    notify: { page: ["@pagerduty-payments"], ticket: ["@slack-payments"] }
  staging:
    vars: { cluster: stg-1 }
    notify: { page: ["@pagerduty-payments-staging"], ticket: ["@slack-payments-staging"] }
    tags: [tier:non-critical]
    objectives:
      capture-availability: [{ window: 30d, target: 99 }]
slos:
  - name: capture-availability
    sli:
      ratio:
        bad: "sum:trace.rack.request.errors{service:payments,env:{{env}}}.as_count()"
        total: "sum:trace.rack.request.hits{service:payments,env:{{env}}}.as_count()"
    objectives:
      - { window: 30d, target: 99.95 }
`;

const TEMPLATES = `apiVersion: slocc/v1
templates:
  apm-errors:
    description: Share of APM requests without an error
    params: [service, resource]
    sli:
      ratio:
        bad: "sum:trace.http.request.errors{service:{{service}},resource_name:{{resource}}}.as_count()"
        total: "sum:trace.http.request.hits{service:{{service}},resource_name:{{resource}}}.as_count()"
`;

/** A service without environments, with `slo` YAML (an SLO entry, indented) appended. */
const service = (slo: string) => `apiVersion: slocc/v1
service: web
owner: web-sre
notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }
slos:
${slo}`;

/** The SLO resources of a compilation, by stack and logical id. */
async function slosOf(files: Record<string, string>): Promise<Map<string, Record<string, unknown>>> {
  const result = compileTexts(files);
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const stacks = stacksOf(await synthesizeInMemory(result.value!.plan));
  const found = new Map<string, Record<string, unknown>>();
  for (const [name, stack] of stacks) {
    for (const [id, config] of resourcesOf(stack, "datadog_service_level_objective"))
      found.set(`${name}/${id}`, { ...config });
  }
  return found;
}

describe("environments", () => {
  it("compile one stack per environment, with its own queries, targets, tags, routing and Datadog name", async () => {
    const slos = await slosOf({ "slos/payments.yaml": PAYMENTS });
    expect([...slos.keys()]).toEqual([
      "payments-prod/slo_payments__capture_availability",
      "payments-staging/slo_payments__capture_availability",
    ]);
    const prod = slos.get("payments-prod/slo_payments__capture_availability")!;
    const staging = slos.get("payments-staging/slo_payments__capture_availability")!;
    expect(prod).toMatchObject({ name: "payments capture-availability (prod)", target_threshold: 99.95 });
    expect(staging).toMatchObject({ name: "payments capture-availability (staging)", target_threshold: 99 });
    expect(JSON.stringify(staging["query"])).toContain("env:staging");
    expect(JSON.stringify(prod["query"])).toContain("env:prod");
    expect(staging["tags"]).toEqual(expect.arrayContaining(["env:staging", "tier:non-critical", "service:payments"]));
    expect(prod["tags"]).not.toContain("tier:non-critical");
  });

  it("label every planned resource, corrections included, with its environment's stack", () => {
    const corrected = PAYMENTS.replace(
      "      - { window: 30d, target: 99.95 }\n",
      "      - { window: 30d, target: 99.95 }\n" +
        "    corrections:\n      - { category: other, start: 2027-03-14T03:00:00Z, end: 2027-03-14T04:00:00Z }\n",
    );
    const result = compileTexts({ "slos/payments.yaml": corrected });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const stacks = result.value!.plan.stacks;
    const corrections = stacks.flatMap((stack) =>
      stack.resources.filter((resource) => resource.resourceType === "datadog_slo_correction"),
    );
    expect(corrections.map((resource) => resource.service)).toEqual(["payments-prod", "payments-staging"]);
    for (const stack of stacks)
      expect(new Set(stack.resources.map((resource) => resource.service))).toEqual(new Set([stack.name]));
  });

  it("send each environment's alerts to its own handles", () => {
    const result = compileTexts({ "slos/payments.yaml": PAYMENTS });
    const monitors = result.value!.plan.stacks.map((stack) => ({
      stack: stack.name,
      messages: stack.resources
        .flatMap((r) => (r.resourceType === "datadog_monitor" ? [r.config.message] : []))
        .join("\n"),
    }));
    expect(monitors.find((m) => m.stack === "payments-staging")?.messages).toContain("@slack-payments-staging");
    expect(monitors.find((m) => m.stack === "payments-prod")?.messages).not.toContain("staging");
  });

  it("keep placeholder values out of Terraform's reach: a variable holding ${...} is written escaped", async () => {
    const hostile = PAYMENTS.replace(
      "vars: { cluster: stg-1 }",
      'vars: { cluster: "${file(\\"/etc/passwd\\")}" }',
    ).replace("env:{{env}}}.as_count()", "env:{{env}},cluster:{{cluster}}}.as_count()");
    const result = compileTexts({
      "slos/payments.yaml": hostile.replace("  prod:\n", "  prod:\n    vars: { cluster: prd-1 }\n"),
    });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const files = await synthesizeInMemory(result.value!.plan);
    const staging = files.get("stacks/payments-staging/cdk.tf.json")!;
    expect(staging).toContain("$${file");
    expect(staging).not.toMatch(/[^$]\$\{file/);
  });

  it("report a problem found in every environment once, and name the environments of one found in some", () => {
    const yaml = PAYMENTS.replace("target: 99 }]", "target: 100 }]").replace('total: "sum:', 'total: "avg(:');
    const result = compileTexts({ "slos/payments.yaml": yaml });
    const syntax = result.diagnostics.filter((d) => d.code === "QUERY_SYNTAX");
    expect(syntax).toHaveLength(1);
    expect(syntax[0]?.message).not.toMatch(/in environment/);
    const range = result.diagnostics.filter((d) => d.code === "TARGET_RANGE");
    expect(range.map((d) => `${d.line}:${d.column}`)).toEqual([positionOf(yaml, "target: ^100 }]")]);
  });
});

describe("SLI templates", () => {
  it("fill a user template's parameters and the environment's variables into the SLI", async () => {
    const uses = PAYMENTS.replace(
      "slos:\n",
      'slos:\n  - name: refunds\n    sli:\n      template: apm-errors\n      params: { service: payments, resource: "post_/refunds-{{env}}" }\n    objectives: [{ window: 30d, target: 99.9 }]\n',
    );
    const slos = await slosOf({ "slos/payments.yaml": uses, "slos/templates.yaml": TEMPLATES });
    const staging = slos.get("payments-staging/slo_payments__refunds")!;
    expect(staging["query"]).toEqual({
      numerator:
        "(sum:trace.http.request.hits{service:payments,resource_name:post_/refunds-staging}.as_count()) - (sum:trace.http.request.errors{service:payments,resource_name:post_/refunds-staging}.as_count())",
      denominator: "sum:trace.http.request.hits{service:payments,resource_name:post_/refunds-staging}.as_count()",
    });
  });

  it.each([
    ["aws-alb-availability", "{ load_balancer: app/repayment/50dc6c495c0c9188 }", "", "httpcode_target_5xx"],
    ["aws-api-gateway-availability", "{ api: card-api, stage: prod }", "", "aws.apigateway.5xxerror"],
    [
      "apm-availability",
      "{ service: web, operation: http.request, environment: prod }",
      "",
      "trace.http.request.errors",
    ],
    ["apm-latency", "{ service: web, operation: http.request, environment: prod, threshold: 300ms }", "", "v<=0.3"],
    ["synthetics-uptime", "{ monitor_id: 4242 }", "    alerts: { burnRate: none }\n", "4242"],
  ])("the built-in template %s compiles to a valid SLO", async (name, params, alerts, expected) => {
    const slos = await slosOf({
      "slos/web.yaml": service(
        `  - name: a\n    sli: { template: ${name}, params: ${params} }\n    objectives: [{ window: 30d, target: 99.5 }]\n${alerts}`,
      ),
    });
    expect(JSON.stringify([...slos.values()])).toContain(expected);
  });

  it("let a declared template replace a built-in one of the same name, with a warning at the declaration", () => {
    const shadow = TEMPLATES.replace("apm-errors:", "apm-availability:");
    const result = compileTexts({
      "slos/templates.yaml": shadow,
      "slos/web.yaml": service(
        "  - name: a\n    sli: { template: apm-availability, params: { service: web, resource: x } }\n    objectives: [{ window: 30d, target: 99.5 }]\n",
      ),
    });
    expect(codesAt(result)).toEqual([`TEMPLATE_SHADOWS_BUILTIN ${positionOf(shadow, "  ^apm-availability:")}`]);
  });
});

/** Each case: files and the error diagnostics they must produce, as code, file and a marked snippet of that file. */
const badCases: {
  name: string;
  files: Record<string, string>;
  expected: [code: string, file: string, at: string][];
}[] = [
  {
    name: "an unknown placeholder is refused at the placeholder, with the variable it was meant to be",
    files: {
      "slos/payments.yaml": PAYMENTS.replace(
        'env:{{env}}}.as_count()"\n        total',
        'env:{{envv}}}.as_count()"\n        total',
      ),
    },
    expected: [["UNKNOWN_PLACEHOLDER", "slos/payments.yaml", "env:^{{envv}}"]],
  },
  {
    name: "a placeholder in a service without environments is refused",
    files: {
      "slos/web.yaml": service(
        '  - name: a\n    sli:\n      timeSlice: { query: "avg:latency{env:{{env}}}", comparator: "<", threshold: 1 }\n    objectives: [{ window: 30d, target: 99 }]\n',
      ),
    },
    expected: [["UNKNOWN_PLACEHOLDER", "slos/web.yaml", "env:^{{env}}"]],
  },
  {
    name: "an environment replacing the objectives of an SLO the service does not declare is refused at the name",
    files: { "slos/payments.yaml": PAYMENTS.replace("      capture-availability: [", "      capture-availabilty: [") },
    expected: [["UNKNOWN_SLO", "slos/payments.yaml", "      ^capture-availabilty: ["]],
  },
  {
    name: "an environment name breaking the naming rule is refused at the name",
    files: { "slos/payments.yaml": PAYMENTS.replace("  staging:\n", "  Staging:\n") },
    expected: [["INVALID_NAME", "slos/payments.yaml", "  ^Staging:"]],
  },
  {
    name: "an env tag in a service with environments is refused: slocc tags each environment itself",
    files: {
      "slos/payments.yaml": PAYMENTS.replace("owner: payments-sre\n", "owner: payments-sre\ntags: [env:prod]\n"),
    },
    expected: [["RESERVED_TAG", "slos/payments.yaml", "tags: [^env:prod]"]],
  },
  {
    name: "an SLO of a service with environments cannot adopt a Datadog SLO: each environment would adopt it",
    files: {
      "slos/payments.yaml": PAYMENTS.replace(
        "  - name: capture-availability\n",
        "  - name: capture-availability\n    datadogId: 0f1e2d3c4b5a69788796a5b4c3d2e1f0\n",
      ),
    },
    expected: [["DUPLICATE_DATADOG_ID", "slos/payments.yaml", "datadogId: ^0f1e2d3c"]],
  },
  {
    name: "an unknown template is refused at the use",
    files: {
      "slos/templates.yaml": TEMPLATES,
      "slos/web.yaml": service(
        "  - name: a\n    sli: { template: apm-eror, params: { service: web, resource: x } }\n    objectives: [{ window: 30d, target: 99 }]\n",
      ),
    },
    expected: [["UNKNOWN_TEMPLATE", "slos/web.yaml", "template: ^apm-eror"]],
  },
  {
    name: "a misspelled parameter is refused at the parameter, and not also reported missing",
    files: {
      "slos/templates.yaml": TEMPLATES,
      "slos/web.yaml": service(
        "  - name: a\n    sli: { template: apm-errors, params: { service: web, resorce: x } }\n    objectives: [{ window: 30d, target: 99 }]\n",
      ),
    },
    expected: [["TEMPLATE_PARAMS", "slos/web.yaml", "web, ^resorce: x"]],
  },
  {
    name: "a missing parameter is refused at the parameters",
    files: {
      "slos/templates.yaml": TEMPLATES,
      "slos/web.yaml": service(
        "  - name: a\n    sli: { template: apm-errors, params: { service: web } }\n    objectives: [{ window: 30d, target: 99 }]\n",
      ),
    },
    expected: [["TEMPLATE_PARAMS", "slos/web.yaml", "params: ^{ service: web }"]],
  },
  {
    name: "a parameter value with braces or quotes is refused at the value",
    files: {
      "slos/templates.yaml": TEMPLATES,
      "slos/web.yaml": service(
        '  - name: a\n    sli: { template: apm-errors, params: { service: web, resource: "x}" } }\n    objectives: [{ window: 30d, target: 99 }]\n',
      ),
    },
    expected: [["UNSAFE_PARAM_VALUE", "slos/web.yaml", 'resource: ^"x}"']],
  },
  {
    name: "params without a template are refused",
    files: {
      "slos/web.yaml": service(
        '  - name: a\n    sli:\n      ratio: { good: "sum:a{*}.as_count()", total: "sum:b{*}.as_count()" }\n      params: { x: y }\n    objectives: [{ window: 30d, target: 99 }]\n',
      ),
    },
    expected: [["TEMPLATE_PARAMS", "slos/web.yaml", "      ^params: { x: y }"]],
  },
  {
    name: "a broken query inside a template is refused in the template",
    files: {
      "slos/templates.yaml": TEMPLATES.replace(
        'total: "sum:trace.http.request.hits{',
        'total: "sum:trace.http.request.hits{{',
      ),
      "slos/web.yaml": service(
        "  - name: a\n    sli: { template: apm-errors, params: { service: web, resource: x } }\n    objectives: [{ window: 30d, target: 99 }]\n",
      ),
    },
    expected: [["QUERY_SYNTAX", "slos/templates.yaml", 'total: ^"sum:trace']],
  },
  {
    name: "a template declared in two files is refused at the second",
    files: { "slos/a-templates.yaml": TEMPLATES, "slos/b-templates.yaml": TEMPLATES },
    expected: [["DUPLICATE_TEMPLATE", "slos/b-templates.yaml", "  ^apm-errors:"]],
  },
  {
    name: "a service named like another service's environment stack is refused",
    files: {
      "slos/payments.yaml": PAYMENTS,
      "slos/payments-staging.yaml": service(
        "  - name: a\n    sli: { template: apm-availability, params: { service: x, operation: y, environment: z } }\n    objectives: [{ window: 30d, target: 99 }]\n",
      ).replace("service: web", "service: payments-staging"),
    },
    expected: [["DUPLICATE_SERVICE", "slos/payments.yaml", "service: ^payments"]],
  },
];

describe("environment and template mistakes", () => {
  it.each(badCases)("$name", ({ files, expected }) => {
    const result = compileTexts(files);
    const errors = result.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
    expect(errors).toEqual(expected.map(([code, file, at]) => `${code} ${file}:${positionOf(files[file] ?? "", at)}`));
    expect(result.value).toBeUndefined();
  });

  it("name the use of a template in a problem found inside it", () => {
    const { files } = badCases.find((c) => c.name.startsWith("a broken query inside a template"))!;
    const result = compileTexts(files);
    const use = positionOf(files["slos/web.yaml"]!, "template: ^apm-errors");
    expect(result.diagnostics.find((d) => d.code === "QUERY_SYNTAX")?.message).toContain(`slos/web.yaml:${use}`);
  });
});

describe("reading commands", () => {
  it("explain one environment by its stack, and every environment by the service's name", async () => {
    const dir = await projectWith({ "payments.yaml": PAYMENTS });
    const one = await runCli(["explain", "payments-staging", "--format", "json"], dir);
    const all = await runCli(["explain", "payments", "--format", "json"], dir);
    const services = (run: { stdout: string }) =>
      (JSON.parse(run.stdout) as { slos: { service: string }[] }).slos.map((slo) => slo.service);
    expect(services(one)).toEqual(["payments-staging"]);
    expect(services(all)).toEqual(["payments-prod", "payments-staging"]);
  });

  it("show a change to one environment's objectives as a change to that environment's stack only", async () => {
    const repo = new TempRepo();
    repo.commit({ "slos/payments.yaml": PAYMENTS });
    repo.write({ "slos/payments.yaml": PAYMENTS.replace("target: 99 }]", "target: 98 }]") });
    const run = await runCli(["diff", "--base", "main", "--format", "json"], repo.dir);
    expect(run.code).toBe(0);
    const diff = JSON.parse(run.stdout) as {
      slos: { service: string; slo: string; change: string }[];
      resources: { stack: string }[];
    };
    expect(diff.slos).toEqual([
      expect.objectContaining({ service: "payments-staging", slo: "capture-availability", change: "changed" }),
    ]);
    expect(new Set(diff.resources.map((resource) => resource.stack))).toEqual(new Set(["payments-staging"]));
  });

  it("list the built-in templates and the declared ones with their parameters", async () => {
    const dir = await projectWith({ "templates.yaml": TEMPLATES });
    const run = await runCli(["templates", "--format", "json"], dir);
    expect(run.code).toBe(0);
    const listed = (JSON.parse(run.stdout) as { templates: { name: string; params: string[]; from: string }[] })
      .templates;
    expect(listed.find((t) => t.name === "apm-errors")).toMatchObject({
      params: ["service", "resource"],
      from: "slos/templates.yaml:3",
    });
    expect(listed.filter((t) => t.from === "built-in").map((t) => t.name)).toEqual([
      "apm-availability",
      "apm-latency",
      "aws-alb-availability",
      "aws-api-gateway-availability",
      "synthetics-uptime",
    ]);
  });
});

/** A temporary project whose `slos/` holds the given files. */
async function projectWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, "slos"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "slos", name), text);
  return dir;
}
