import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { mapBounded } from "../src/util/bounded.js";
import { findOnPath } from "../src/terraform/preflight.js";
import { redact } from "../src/util/redact.js";
import { runCli } from "./support/cli.js";
import { RATIO_SLO, serviceYaml } from "./support/compile.js";
import { KEYS, projectWith, slocc, stubCalls, type Project, type StubCall } from "./support/stub-terraform.js";
import { terraformBinary, terraformSkipNote } from "./support/terraform.js";

/** The plan the stand-in terraform shows: one resource created, updated, replaced and destroyed, and more. */
const PLAN_JSON = join(__dirname, "fixtures", "terraform-plan.json");

/** `slocc apply` in-process, with stdin a terminal on which `answer` is typed. */
async function applyOnTerminal(
  project: Project,
  answer: string,
  env: Record<string, string>,
): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const code = await main(["apply"], {
    cwd: project.dir,
    env: { PATH: project.stubPath, STUB_LOG: project.log, ...KEYS, ...env },
    stdin: Object.assign(Readable.from([`${answer}\n`]), { isTTY: true }),
    stdout: () => undefined,
    stderr: (text) => void (stderr += text),
    color: { stdout: false, stderr: false },
  });
  return { code, stderr };
}

/** The most stacks that were running at the same moment, a stack running from its first call's start to its last call's end. */
function mostAtOnce(calls: readonly StubCall[]): number {
  const spans = new Map<string, { start: number; end: number }>();
  for (const call of calls) {
    const span = spans.get(call.stack);
    spans.set(call.stack, {
      start: Math.min(span?.start ?? call.start, call.start),
      end: Math.max(span?.end ?? call.end, call.end),
    });
  }
  const events = [...spans.values()].flatMap((span) => [
    { at: span.start, change: 1 },
    { at: span.end, change: -1 },
  ]);
  // Ends sort before starts at the same instant: touching spans did not overlap.
  events.sort((a, b) => a.at - b.at || a.change - b.change);
  let running = 0;
  let most = 0;
  for (const event of events) {
    running += event.change;
    most = Math.max(most, running);
  }
  return most;
}

describe("preconditions of slocc plan and apply", () => {
  const cases = [
    { problem: "terraform is not on PATH", path: "empty", env: KEYS, mentions: ["terraform", "install"] },
    { problem: "DD_API_KEY is missing", path: "stub", env: { DD_APP_KEY: KEYS.DD_APP_KEY }, mentions: ["DD_API_KEY"] },
    { problem: "DD_APP_KEY is missing", path: "stub", env: { DD_API_KEY: KEYS.DD_API_KEY }, mentions: ["DD_APP_KEY"] },
  ] as const;
  const commands = [["plan"], ["apply", "--auto-approve"]] as const;

  it.each(commands.flatMap((args) => cases.map((c) => [args[0], c.problem, { ...c, args }] as const)))(
    "%s exits 1 before writing or running anything when %s",
    async (_command, _problem, { path, env, mentions, args }) => {
      const project = await projectWith(["web"]);
      const run = await slocc(project, args, { PATH: path === "stub" ? project.stubPath : project.emptyPath, ...env });
      expect(run.code).toBe(1);
      for (const mention of mentions) expect(run.stderr).toContain(mention);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(existsSync(join(project.dir, "cdktf.out"))).toBe(false);
      expect(await stubCalls(project)).toEqual([]);
    },
  );

  it("accepts DATADOG_API_KEY and DATADOG_APP_KEY in place of DD_API_KEY and DD_APP_KEY", async () => {
    const project = await projectWith(["web"]);
    const run = await slocc(project, ["plan"], {
      PATH: project.stubPath,
      DATADOG_API_KEY: KEYS.DD_API_KEY,
      DATADOG_APP_KEY: KEYS.DD_APP_KEY,
    });
    expect(run.code).toBe(0);
  });

  it.each([
    ["DD_HOST", { DD_HOST: "https://api.datadoghq.eu" }, "https://api.datadoghq.eu"],
    ["DATADOG_HOST", { DATADOG_HOST: "https://api.us5.datadoghq.com" }, "https://api.us5.datadoghq.com"],
    ["neither variable", {}, "the default Datadog site"],
  ])(
    "apply asks on a terminal before applying to the site %s names, and applies nothing unless told yes",
    async (_name, host, site) => {
      const project = await projectWith(["web"]);
      const run = await applyOnTerminal(project, "no", host);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Apply web to ${site}`);
      expect((await stubCalls(project)).map((call) => call.args[0])).not.toContain("apply");
    },
  );

  it("apply shows each stack's planned changes before asking, then applies the very plans shown", async () => {
    const project = await projectWith(["web", "api"]);
    const run = await applyOnTerminal(project, "yes", { STUB_SHOW: PLAN_JSON });
    expect(run.code, run.stderr).toBe(0);
    const asked = run.stderr.indexOf("Type yes to apply");
    const counts = "1 to create, 1 to update, 1 to replace, 1 to destroy";
    expect(run.stderr.slice(0, asked)).toMatch(new RegExp(`^  api: ${counts}[^\n]*\n  web: ${counts}`, "m"));
    const calls = (await stubCalls(project)).filter((call) => call.stack === "web").map((call) => call.args);
    expect(calls.map((args) => args.filter((arg) => arg !== "-no-color"))).toEqual([
      ["init", "-input=false"],
      ["plan", "-input=false", "-out=tfplan"],
      ["show", "-json", "tfplan"],
      ["apply", "-input=false", "tfplan"],
    ]);
  });

  it("apply asks nothing and applies nothing when no stack has a change", async () => {
    const project = await projectWith(["web"]);
    const empty = join(project.dir, "empty-plan.json");
    await writeFile(empty, JSON.stringify({ format_version: "1.2", resource_changes: [] }));
    const run = await applyOnTerminal(project, "yes", { STUB_SHOW: empty });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain("Type yes");
    expect((await stubCalls(project)).map((call) => call.args[0])).not.toContain("apply");
  });

  it("apply asks nothing and exits 1 when a plan fails", async () => {
    const project = await projectWith(["web", "api"]);
    const run = await applyOnTerminal(project, "yes", { STUB_SHOW: PLAN_JSON, STUB_FAIL: "plan:api" });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain("Type yes");
    expect(run.stderr).toMatch(/api: terraform plan failed/);
    expect((await stubCalls(project)).map((call) => call.args[0])).not.toContain("apply");
  });

  it("apply exits 1 without --auto-approve when stdin is not a terminal, before writing or running anything", async () => {
    const project = await projectWith(["web"]);
    const run = await slocc(project, ["apply"], { PATH: project.stubPath, ...KEYS });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("--auto-approve");
    expect(existsSync(join(project.dir, "cdktf.out"))).toBe(false);
    expect(await stubCalls(project)).toEqual([]);
  });

  it("exits 1 and runs nothing when a spec has an error", async () => {
    const project = await projectWith(["web"]);
    await writeFile(
      join(project.dir, "slos", "web.yaml"),
      serviceYaml(RATIO_SLO).replace("target: 99.9", "target: 100"),
    );
    const run = await slocc(project, ["plan"], { PATH: project.stubPath, ...KEYS });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("TARGET_RANGE");
    expect(await stubCalls(project)).toEqual([]);
  });
});

describe("slocc plan and apply with a stand-in terraform", () => {
  it("plan runs terraform init then plan in every stack and prints one block per stack in name order, whatever finishes first", async () => {
    const project = await projectWith(["web", "api"]);
    const run = await slocc(project, ["plan"], { PATH: project.stubPath, ...KEYS, STUB_DELAY_api: "300" });
    expect(run.code).toBe(0);
    const api = run.stdout.indexOf("=== api ===");
    const web = run.stdout.indexOf("=== web ===");
    expect(api).toBeGreaterThanOrEqual(0);
    expect(web).toBeGreaterThan(api);
    expect(run.stdout.slice(api, web)).toMatch(
      /terraform init -input=false[\s\S]*init ran in api[\s\S]*terraform plan -input=false[\s\S]*plan ran in api/,
    );
    expect(run.stdout.slice(web)).not.toContain("in api");
    const calls = await stubCalls(project);
    expect(calls.filter((call) => call.stack === "api").map((call) => call.args.slice(0, 2))).toEqual([
      ["init", "-input=false"],
      ["plan", "-input=false"],
    ]);
    // web finished first, so the blocks follow the stack names, not the order the stacks finished in.
    const finished = (stack: string) =>
      Math.max(...calls.filter((call) => call.stack === stack).map((call) => call.end));
    expect(finished("web")).toBeLessThan(finished("api"));
  });

  it("never prints the Datadog keys, and replaces them with *** where terraform printed them", async () => {
    const project = await projectWith(["web"]);
    const run = await slocc(project, ["plan"], { PATH: project.stubPath, ...KEYS });
    expect(run.code).toBe(0);
    const printed = run.stdout + run.stderr;
    expect(printed).toContain("plan ran in web with *** and ***");
    for (const key of Object.values(KEYS)) expect(printed).not.toContain(key);
  });

  it("runs only the stacks named on the command line", async () => {
    const project = await projectWith(["web", "api", "db"]);
    const run = await slocc(project, ["plan", "web", "db"], { PATH: project.stubPath, ...KEYS });
    expect(run.code).toBe(0);
    expect(new Set((await stubCalls(project)).map((call) => call.stack))).toEqual(new Set(["db", "web"]));
    expect(run.stdout).not.toContain("=== api ===");
  });

  it("exits 2 on an unknown stack, listing the known ones, and runs nothing", async () => {
    const project = await projectWith(["web", "api"]);
    const run = await slocc(project, ["plan", "web", "nope"], { PATH: project.stubPath, ...KEYS });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("nope");
    expect(run.stderr).toContain("api, web");
    expect(await stubCalls(project)).toEqual([]);
  });

  it.each([{ parallel: 1 }, { parallel: 2 }])(
    "with --parallel $parallel, runs that many stacks at once and never more",
    async ({ parallel }) => {
      const project = await projectWith(["a", "b", "c"]);
      const run = await slocc(project, ["plan", "--parallel", String(parallel)], {
        PATH: project.stubPath,
        ...KEYS,
        STUB_DELAY: "150",
      });
      expect(run.code).toBe(0);
      expect(mostAtOnce(await stubCalls(project))).toBe(parallel);
    },
  );

  it("with --parallel 2 and --summary, reads two saved plans at once and lists them in stack order, whatever finishes first", async () => {
    const project = await projectWith(["a", "b", "c"]);
    const summary = join(project.dir, "plan-summary.md");
    const run = await slocc(project, ["plan", "--parallel", "2", "--summary", summary], {
      PATH: project.stubPath,
      ...KEYS,
      STUB_DELAY: "150",
      STUB_DELAY_a: "400",
      STUB_SHOW: join(__dirname, "fixtures", "terraform-plan.json"),
    });
    expect(run.code, run.stderr).toBe(0);
    const shows = (await stubCalls(project)).filter((call) => call.args[0] === "show");
    expect(shows.map((call) => call.stack).sort()).toEqual(["a", "b", "c"]);
    expect(mostAtOnce(shows)).toBe(2);
    expect((await readFile(summary, "utf8")).split("\n").map((line) => line.slice(0, 5))).toEqual([
      "- `a`",
      "- `b`",
      "- `c`",
      "",
    ]);
  });

  it("reports a failed terraform init with its stack and the end of its error output, exits 1, and still runs the other stacks", async () => {
    const project = await projectWith(["web", "api"]);
    const run = await slocc(project, ["plan"], { PATH: project.stubPath, ...KEYS, STUB_FAIL: "init:web" });
    expect(run.code).toBe(1);
    const failure = run.stderr.split("\n").findIndex((line) => line.includes("web") && line.includes("terraform init"));
    expect(failure).toBeGreaterThanOrEqual(0);
    expect(run.stderr.split("\n").slice(failure).join("\n")).toContain("init notes for web");
    const calls = (await stubCalls(project)).map((call) => `${call.args[0]} ${call.stack}`);
    expect(calls).toContain("plan api");
    expect(calls).not.toContain("plan web");
  });

  it("apply --auto-approve runs terraform apply -input=false -auto-approve after init", async () => {
    const project = await projectWith(["web"]);
    const run = await slocc(project, ["apply", "--auto-approve"], { PATH: project.stubPath, ...KEYS });
    expect(run.code).toBe(0);
    expect((await stubCalls(project)).map((call) => call.args.slice(0, 3))).toEqual([
      ["init", "-input=false", "-no-color"],
      ["apply", "-input=false", "-auto-approve"],
    ]);
  });
});

describe("slocc plan with the real terraform", () => {
  it.skipIf(!terraformBinary)(
    `reaches terraform init, which cannot install the Datadog provider, and exits 1 naming the stack${terraformSkipNote}`,
    async () => {
      const project = await projectWith(["web"]);
      // Provider installation only from an empty mirror: the same failure with or without network.
      const mirror = join(project.dir, "empty-mirror");
      await mkdir(mirror);
      const config = join(project.dir, "offline.tfrc");
      await writeFile(
        config,
        `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirror)}\n  }\n}\n`,
      );
      const terraform = findOnPath("terraform", process.env);
      const run = await slocc(project, ["plan"], {
        PATH: dirname(terraform ?? ""),
        TF_CLI_CONFIG_FILE: config,
        ...KEYS,
      });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("=== web ===");
      expect(run.stderr).toMatch(/web.*terraform init/);
      expect(run.stderr).toContain("datadog/datadog");
      for (const key of Object.values(KEYS)) expect(run.stdout + run.stderr).not.toContain(key);
    },
  );
});

describe("usage of slocc plan and apply", () => {
  it.each([["0"], ["-1"], ["1.5"], ["two"]])("exits 2 on --parallel %s", async (value) => {
    const run = await runCli(["plan", "--parallel", value]);
    expect(run.code).toBe(2);
  });

  it.each([["plan"], ["apply"]])("shows help for %s ending with examples", async (command) => {
    const run = await runCli([command, "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n( {2}\$ slocc .+\n?)+$/);
  });
});

describe("the terraform runner's parts", () => {
  it.each([
    {
      case: "every occurrence of each secret, longest first",
      text: "key 0123456789abcdef and 01234567 and 0123456789abcdef",
      secrets: ["01234567", "0123456789abcdef"],
      shown: "key *** and *** and ***",
    },
    {
      case: "a secret inside a longer word",
      text: "api_key=0123456789abcdef0123456789abcdef&x=1",
      secrets: ["0123456789abcdef0123456789abcdef"],
      shown: "api_key=***&x=1",
    },
    {
      case: "nothing for values shorter than any Datadog key, which would garble the words they occur in",
      text: "research Datadog with the test key",
      secrets: ["a", "sear", "test", "abcdefg"],
      shown: "research Datadog with the test key",
    },
    {
      case: "nothing for empty or absent secrets",
      text: "nothing secret",
      secrets: ["", "absent-key"],
      shown: "nothing secret",
    },
  ])("redaction hides $case", ({ text, secrets, shown }) => {
    expect(redact(text, secrets)).toBe(shown);
  });

  it("keeps results in input order when tasks finish out of order, with at most the limit running", async () => {
    let running = 0;
    let most = 0;
    const results = await mapBounded([30, 5, 20, 1], 2, async (delay) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, delay));
      running -= 1;
      return delay * 2;
    });
    expect(results).toEqual([60, 10, 40, 2]);
    expect(most).toBe(2);
  });
});
