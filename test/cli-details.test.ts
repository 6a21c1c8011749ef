import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BINARY, runCli } from "./support/cli.js";
import { NOTIFY_HEADER, positionOf, RATIO_SLO, readTree, serviceYaml, tempDir } from "./support/compile.js";

async function projectWith(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, "slos"));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, "slos", name), text);
  return dir;
}

const TIME_SLICE_SLO = `  - name: latency
    journey: checkout
    runbook: https://wiki.example.com/web/latency
    sli:
      timeSlice: { query: "p99:trace.http.request{service:web}", comparator: "<", threshold: 1, interval: 1m }
    objectives:
      - { window: 30d, target: 99.9 }
`;
const JOURNEYS = "journeys:\n  checkout: { kind: user, dependsOn: [alb] }\n";
const CATALOG = "apiVersion: slocc/v1\ncatalog: cloud\ndependencies:\n  alb: 99.99\n";

describe("a closed output pipe", () => {
  it("ends `slocc --help | head -1` quietly: the first line, no write error", () => {
    const run = spawnSync("sh", ["-c", `"${process.execPath}" "${BINARY}" --help | head -1`], { encoding: "utf8" });
    expect(run.stdout).toBe("Usage: slocc [options] [command]\n");
    expect(run.stderr).toBe("");
  });
});

describe("backend settings without a backend type", () => {
  it.each([
    ["given as options", ["--backend-config", "bucket=acme-state"], {}],
    ["given in the environment", [], { SLOCC_BACKEND_CONFIG: "bucket=acme-state" }],
  ])("are a usage error (exit 2) when %s, and nothing is written", async (_name, args, env) => {
    const dir = await projectWith({ "web.yaml": serviceYaml(RATIO_SLO) });
    const run = await runCli(["synth", ...args], dir, { PATH: process.env["PATH"] ?? "", ...env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--backend");
    expect(existsSync(join(dir, "cdktf.out"))).toBe(false);
  });

  it("are written for the type named, local included", async () => {
    const dir = await projectWith({ "web.yaml": serviceYaml(RATIO_SLO) });
    const run = await runCli(["synth", "--backend", "local", "--backend-config", "path=/state/{stack}.tfstate"], dir);
    expect(run.code).toBe(0);
    const stack = (await readTree(join(dir, "cdktf.out"))).get("stacks/web/cdk.tf.json") ?? "";
    expect(JSON.parse(stack)).toMatchObject({ terraform: { backend: { local: { path: "/state/web.tfstate" } } } });
  });
});

describe("validate --strict", () => {
  it("says which warnings failed the run, with their places", async () => {
    const yaml = serviceYaml(RATIO_SLO, `${NOTIFY_HEADER}tags: [Env:Prod]\n`);
    const run = await runCli(["validate", "--strict"], await projectWith({ "web.yaml": yaml }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `slocc: --strict: 1 warning fails the run: TAG_NORMALISED at slos/web.yaml:${positionOf(yaml, "[^Env:Prod]")}`,
    );
  });
});

describe("slocc explain", () => {
  const dir = projectWith({
    "cloud.yaml": CATALOG,
    "web.yaml": serviceYaml(TIME_SLICE_SLO + RATIO_SLO, NOTIFY_HEADER + JOURNEYS),
  });

  it.each([
    ["a misspelled service", "webs", 'Did you mean "web"?'],
    ["a misspelled SLO", "web/latncy", 'Did you mean "web/latency"?'],
    ["both misspelled", "webs/availabilty", 'Did you mean "web/availability"?'],
  ])("suggests the closest match for %s, and exits 2", async (_name, selector, hint) => {
    const run = await runCli(["explain", selector], await dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(hint);
  });

  it("suggests nothing for a selector like no name", async () => {
    const run = await runCli(["explain", "payments/refunds"], await dir);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain("Did you mean");
  });

  it("words a time-slice budget as time, and heads the SLOs without a journey apart from the journey before", async () => {
    const run = await runCli(["explain", "web"], await dir);
    expect(run.code).toBe(0);
    const [journey, loose] = run.stdout.split("== web: SLOs without a journey");
    expect(journey).toContain("== web journey checkout");
    expect(journey).toContain("error budget 43 min 12 s per 30 days, 0.1% of the time: 43 bad slices of 1 min");
    expect(journey).not.toContain("of events");
    expect(loose).toContain("web/availability");
  });

  it("keeps the runbook in Markdown", async () => {
    const run = await runCli(["explain", "web/latency", "--format", "markdown"], await dir);
    expect(run.stdout).toContain("Runbook: https://wiki.example.com/web/latency");
    expect(run.stdout).toContain("| bad time allowed |");
  });
});

describe("one spec file instead of a directory", () => {
  const broken = serviceYaml(RATIO_SLO).replace("service: web", "service: api").replace("target: 99.9", "target: 100");
  const files = {
    "cloud.yaml": CATALOG,
    "web.yaml": serviceYaml(TIME_SLICE_SLO, NOTIFY_HEADER + JOURNEYS),
    "api.yaml": broken,
  };

  it.each([
    ["as the argument", ["validate", "slos/web.yaml"]],
    ["with --dir", ["validate", "--dir", "slos/web.yaml"]],
  ])("validates that file with the catalog beside it, not the other services (%s)", async (_name, args) => {
    const run = await runCli(args, await projectWith(files));
    expect(run.stderr).toBe("slos/web.yaml: 1 service, 1 SLO, valid\n");
    expect(run.code).toBe(0);
  });

  it("synthesizes that file's stack alone", async () => {
    const dir = await projectWith(files);
    expect((await runCli(["synth", "slos/web.yaml"], dir)).code).toBe(0);
    const written = [...(await readTree(join(dir, "cdktf.out"))).keys()].filter((path) => path.startsWith("stacks/"));
    expect(written).toEqual(["stacks/web/cdk.tf.json"]);
  });

  it("reports the problems of the file given", async () => {
    const run = await runCli(["validate", "slos/api.yaml"], await projectWith(files));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`slos/api.yaml:${positionOf(broken, "target: ^100")}: error TARGET_RANGE`);
  });

  it("refuses a file that is no spec", async () => {
    const dir = await projectWith(files);
    await writeFile(join(dir, "notes.txt"), "not a spec\n");
    const run = await runCli(["validate", "notes.txt"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("NO_SPECS");
  });
});
