import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countPlanChanges, planCountsText } from "../src/terraform/plan-summary.js";
import { runCli } from "./support/cli.js";
import { RATIO_SLO, serviceYaml } from "./support/compile.js";
import { KEYS, projectWith, stubCalls, type Project } from "./support/stub-terraform.js";

const RECORDED_PLAN = join(__dirname, "fixtures", "terraform-plan.json");

/** A project of three services committed on `main`, then changed in the working tree as given (null deletes). */
async function changedProject(changes: Readonly<Record<string, string | null>>): Promise<Project> {
  const project = await projectWith(["api", "db", "web"]);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", ...args], { cwd: project.dir });
  git("init", "-q", "-b", "main");
  git("add", "slos");
  git("commit", "-q", "-m", "specs");
  for (const [service, text] of Object.entries(changes)) {
    const file = join(project.dir, "slos", `${service}.yaml`);
    if (text === null) await rm(file);
    else await writeFile(file, text);
  }
  return project;
}

/** The CLI run in-process in the project, with the stand-in terraform first on PATH and nothing else of the environment. */
function run(project: Project, args: readonly string[], env: Record<string, string> = KEYS) {
  return runCli(args, project.dir, { PATH: project.stubPath, STUB_LOG: project.log, ...env });
}

const lowered = (service: string) =>
  serviceYaml(RATIO_SLO.replace("target: 99.9", "target: 99.5")).replace("service: web", `service: ${service}`);

describe("slocc plan --changed-since", () => {
  it("runs terraform init and plan in the one stack whose Terraform changed, and in no other", async () => {
    const project = await changedProject({ web: lowered("web") });
    const result = await run(project, ["plan", "--changed-since", "main"]);
    expect(result.code, result.stderr).toBe(0);
    const calls = await stubCalls(project);
    expect(calls.map((call) => `${call.stack} ${call.args.slice(0, 2).join(" ")}`)).toEqual([
      "web init -input=false",
      "web plan -input=false",
    ]);
    expect(result.stdout).toContain("=== web ===");
    expect(result.stdout).not.toContain("=== api ===");
  });

  it("plans a removed stack for its destruction, from the stack as it was at the ref, outside the manifest", async () => {
    const project = await changedProject({ db: null });
    const result = await run(project, ["plan", "--changed-since", "main"]);
    expect(result.code, result.stderr).toBe(0);
    const calls = await stubCalls(project);
    expect(calls.map((call) => call.args.filter((arg) => arg !== "-no-color"))).toEqual([
      ["init", "-input=false"],
      ["plan", "-input=false", "-destroy"],
    ]);
    expect(calls.every((call) => call.stack === "db")).toBe(true);
    const removed = JSON.parse(
      await readFile(join(project.dir, "cdktf.out", "removed", "db", "cdk.tf.json"), "utf8"),
    ) as {
      resource: Record<string, unknown>;
    };
    expect(Object.keys(removed.resource["datadog_service_level_objective"] ?? {})).toEqual(["slo_db__availability"]);
    const manifest = JSON.parse(await readFile(join(project.dir, "cdktf.out", "manifest.json"), "utf8")) as {
      stacks: Record<string, unknown>;
    };
    expect(Object.keys(manifest.stacks)).toEqual(["api", "web"]);
  });

  it("applies a removed stack with apply -destroy", async () => {
    const project = await changedProject({ db: null });
    const result = await run(project, ["apply", "--changed-since", "main", "--auto-approve"]);
    expect(result.code, result.stderr).toBe(0);
    expect((await stubCalls(project)).map((call) => call.args.slice(0, 4))).toEqual([
      ["init", "-input=false", "-no-color"],
      ["apply", "-input=false", "-auto-approve", "-destroy"],
    ]);
  });

  it("writes the stacks and exits 0 without terraform or keys when no stack changed", async () => {
    const project = await changedProject({});
    const result = await run(project, ["plan", "--changed-since", "main"], {});
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("no stack changed since main");
    expect(existsSync(join(project.dir, "cdktf.out", "stacks", "web", "cdk.tf.json"))).toBe(true);
    expect(await stubCalls(project)).toEqual([]);
  });

  it("writes each stack's summary from terraform show -json of its saved plan", async () => {
    const project = await changedProject({ web: lowered("web"), db: null });
    const summary = join(project.dir, "plan-summary.md");
    const result = await run(project, ["plan", "--changed-since", "main", "--summary", summary], {
      ...KEYS,
      STUB_SHOW: RECORDED_PLAN,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(summary, "utf8")).toBe(
      "- `db` (removed): 1 to create, 1 to update, 1 to replace, 1 to destroy, 1 to move\n" +
        "- `web`: 1 to create, 1 to update, 1 to replace, 1 to destroy, 1 to move\n",
    );
    const calls = await stubCalls(project);
    expect(calls.filter((call) => call.args[0] === "plan").map((call) => call.args)).toContainEqual(
      expect.arrayContaining(["-out=tfplan"]),
    );
    expect(calls.filter((call) => call.args[0] === "show").map((call) => call.args)).toEqual([
      ["show", "-json", "tfplan"],
      ["show", "-json", "tfplan"],
    ]);
  });

  it("names a stack whose plan failed in the summary", async () => {
    const project = await changedProject({ web: lowered("web") });
    const summary = join(project.dir, "plan-summary.md");
    const result = await run(project, ["plan", "--changed-since", "main", "--summary", summary], {
      ...KEYS,
      STUB_FAIL: "plan:web",
    });
    expect(result.code).toBe(1);
    expect(await readFile(summary, "utf8")).toMatch(/^- `web`: \*\*terraform plan failed\*\*, exit code 1/);
  });
});

describe("stacks named on the command line", () => {
  it("reports an unknown stack, exit 2, before the missing Datadog keys", async () => {
    const project = await projectWith(["web"]);
    const result = await run(project, ["plan", "nosuch-stack"], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown stack nosuch-stack");
    expect(result.stderr).not.toContain("DD_API_KEY");
  });
});

describe("Terraform's working files in a stack directory", () => {
  it("survive a synth, whether the stack changed or not", async () => {
    const project = await projectWith(["api", "web"]);
    expect((await runCli(["synth"], project.dir)).code).toBe(0);
    for (const stack of ["api", "web"]) {
      const dir = join(project.dir, "cdktf.out", "stacks", stack);
      await mkdir(join(dir, ".terraform", "providers"), { recursive: true });
      await writeFile(join(dir, ".terraform", "providers", "marker"), stack);
      await writeFile(join(dir, ".terraform.lock.hcl"), `# lock of ${stack}\n`);
    }
    await writeFile(join(project.dir, "slos", "web.yaml"), lowered("web"));
    const synth = await runCli(["synth"], project.dir);
    expect(synth.stdout).toContain("api: 5 resources, unchanged");
    for (const stack of ["api", "web"]) {
      const dir = join(project.dir, "cdktf.out", "stacks", stack);
      expect(await readFile(join(dir, ".terraform.lock.hcl"), "utf8")).toBe(`# lock of ${stack}\n`);
      expect(await readFile(join(dir, ".terraform", "providers", "marker"), "utf8")).toBe(stack);
    }
    expect(await readFile(join(project.dir, "cdktf.out", "stacks", "web", "cdk.tf.json"), "utf8")).toContain(
      '"target": 99.5',
    );
  });
});

describe("plan summaries read from terraform show -json", () => {
  it("count creates, updates, replacements (delete and create in either order), destroys and moves, not reads or no-ops", async () => {
    const plan: unknown = JSON.parse(await readFile(RECORDED_PLAN, "utf8"));
    expect(countPlanChanges(plan)).toEqual({ create: 1, update: 1, replace: 1, destroy: 1, move: 1, import: 0 });
    const createFirst = { format_version: "1.2", resource_changes: [{ change: { actions: ["create", "delete"] } }] };
    expect(countPlanChanges(createFirst)).toMatchObject({ create: 0, replace: 1, destroy: 0 });
  });

  it.each([
    ["no plan at all", { errors: [] }],
    ["not an object", "plan"],
    ["changes that are not a list", { format_version: "1.2", resource_changes: {} }],
  ])("give nothing for %s", (_name, json) => {
    expect(countPlanChanges(json)).toBeUndefined();
  });

  it("read as counts, or as no changes", () => {
    const none = { create: 0, update: 0, replace: 0, destroy: 0, move: 0, import: 0 };
    expect(planCountsText(none)).toBe("no changes");
    expect(planCountsText({ ...none, create: 2, import: 1 })).toBe(
      "2 to create, 0 to update, 0 to replace, 0 to destroy, 1 to import",
    );
  });
});
