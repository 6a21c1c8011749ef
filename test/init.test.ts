import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { processContext } from "../src/app/context.js";
import { buildProgram } from "../src/cli/main.js";
import { runCli } from "./support/cli.js";
import { readTree, tempDir } from "./support/compile.js";
import { TempRepo } from "./support/git.js";

const ROOT = join(__dirname, "..");

/** The commands the CLI declares. */
function declaredCommands(): string[] {
  const quiet = { ...processContext(), stdout: () => undefined, stderr: () => undefined };
  return buildProgram(quiet, () => undefined).commands.map((command) => command.name());
}

/** A fresh directory with `files` (path -> text) in it. */
async function repository(files: Readonly<Record<string, string>> = {}): Promise<string> {
  const dir = await tempDir("slocc-init-");
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe("slocc init", () => {
  it("writes the example spec, cdktf.json, the workflow and .gitignore, and says so", async () => {
    const dir = await repository();
    const run = await runCli(["init"], dir);
    expect(run.code).toBe(0);
    expect([...(await readTree(dir)).keys()]).toEqual([
      ".github/workflows/slo.yml",
      ".gitignore",
      "cdktf.json",
      "slos/example.yaml",
    ]);
    for (const path of ["slos/example.yaml", "cdktf.json", ".github/workflows/slo.yml", ".gitignore"])
      expect(run.stdout).toMatch(new RegExp(`^wrote +${path.replace(/\./g, "\\.")}: `, "m"));
  });

  it("names the installed schema on the example's first line, and the example validates", async () => {
    const dir = await repository();
    await runCli(["init"], dir);
    const example = await readFile(join(dir, "slos", "example.yaml"), "utf8");
    expect(example.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=../node_modules/slocc/schema/slocc-v1.schema.json",
    );
    const validate = await runCli(["validate"], dir);
    expect(validate.stderr).toContain("valid");
    expect(validate.code).toBe(0);
  });

  it("runs the installed slocc from cdktf.json", async () => {
    const dir = await repository();
    await runCli(["init"], dir);
    const cdktf = JSON.parse(await readFile(join(dir, "cdktf.json"), "utf8")) as { app: string };
    expect(cdktf.app).toBe("node node_modules/slocc/bin/cdktf-app.js");
    expect(await readdir(join(ROOT, "bin"))).toContain("cdktf-app.js");
  });

  it("makes git ignore installed packages, the synthesized stacks and local state, but keep the stacks' lock files", async () => {
    const repo = new TempRepo();
    await runCli(["init"], repo.dir);
    const left = [
      "node_modules/slocc/package.json",
      "cdktf.out/.slocc/specs.json",
      "cdktf.out/manifest.json",
      "cdktf.out/stacks/example/cdk.tf.json",
      "cdktf.out/stacks/example/tfplan",
      "cdktf.out/stacks/example/.terraform/providers/registry.terraform.io/datadog/datadog/4.19.0/linux_amd64/x",
      "cdktf.out/removed/old/cdk.tf.json",
      "terraform.example.tfstate",
      "terraform.example.tfstate.backup",
    ];
    const kept = ["cdktf.out/stacks/example/.terraform.lock.hcl"];
    repo.write(Object.fromEntries([...left, ...kept].map((path) => [path, "x\n"])));
    repo.git("add", "-A");
    expect(repo.git("ls-files").trim().split("\n")).toEqual([
      ".github/workflows/slo.yml",
      ".gitignore",
      "cdktf.json",
      ...kept,
      "slos/example.yaml",
    ]);
  });

  it("writes a workflow whose provider cache key hashes only files git keeps", async () => {
    const repo = new TempRepo();
    await runCli(["init"], repo.dir);
    const text = await readFile(join(repo.dir, ".github", "workflows", "slo.yml"), "utf8");
    const hashed = [...text.matchAll(/hashFiles\('([^']+)'\)/g)].map((match) => match[1] ?? "");
    expect(hashed.length).toBeGreaterThan(0);
    for (const pattern of hashed) {
      const file = pattern.replace(/\*/g, "example");
      repo.write({ [file]: "x\n" });
      expect(() => repo.git("check-ignore", "--quiet", file), `${file} is ignored`).toThrow();
    }
  });

  it("adds only the entries a .gitignore lacks, after its own lines", async () => {
    const dir = await repository({ ".gitignore": "node_modules/\n*.tfstate" });
    const run = await runCli(["init"], dir);
    expect(await readFile(join(dir, ".gitignore"), "utf8")).toBe(
      "node_modules/\n*.tfstate\n# slocc\ncdktf.out/*\n!cdktf.out/stacks/\ncdktf.out/stacks/*/*\n" +
        "!cdktf.out/stacks/*/.terraform.lock.hcl\n*.tfstate.*\n.terraform/\n",
    );
    expect(run.stdout).toMatch(/^wrote +\.gitignore: added cdktf\.out\/\* /m);
  });

  it("warns when git ignores the stacks' lock files, as a .gitignore line cdktf.out/ does", async () => {
    const repo = new TempRepo().write({ ".gitignore": "node_modules/\ncdktf.out/\n" });
    const run = await runCli(["init"], repo.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^warning: git ignores the stacks' \.terraform\.lock\.hcl.* line 2 of \.gitignore, cdktf\.out\//m,
    );
  });

  it("skips, saying why, a file whose directory exists as a file, and writes the others", async () => {
    const dir = await repository({ slos: "not a directory\n" });
    const run = await runCli(["init"], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^skipped slos\/example\.yaml: slos is a file/m);
    expect(run.stdout).toMatch(/^wrote +cdktf\.json: /m);
    expect(run.stderr).toBe("");
  });

  it("warns that GitHub does not run a workflow written below the top of the repository", async () => {
    const repo = new TempRepo().write({ "observability/package.json": "{}\n" });
    const run = await runCli(["init"], join(repo.dir, "observability"));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^warning: GitHub runs only the workflows at the top of the repository \(\.\.\/\.github\/workflows\)/m,
    );
  });

  it("writes no example into a slos/ that already holds specs, which would be applied beside them", async () => {
    const dir = await repository({ "slos/checkout.yaml": "apiVersion: slocc/v1\n" });
    const run = await runCli(["init"], dir);
    expect(run.stdout).toMatch(/^skipped slos\/example\.yaml: slos\/ already holds specs \(checkout\.yaml\)/m);
    expect(await readdir(join(dir, "slos"))).toEqual(["checkout.yaml"]);
  });

  it("writes a workflow that runs the installed slocc and never builds it", async () => {
    const dir = await repository();
    await runCli(["init"], dir);
    const workflow = parse(await readFile(join(dir, ".github", "workflows", "slo.yml"), "utf8")) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const scripts = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.run ? [step.run] : [])),
    );
    const commands = scripts.flatMap((script) => [...script.matchAll(/\bslocc ([a-z]+)/g)].map((match) => match[1]));
    expect(new Set(commands)).toEqual(new Set(["validate", "diff", "preview", "plan", "apply", "site"]));
    // One diff run writes the comment's Markdown and the JSON the stacks to plan are read from.
    expect(commands.filter((command) => command === "diff")).toHaveLength(1);
    expect(scripts.find((script) => script.includes("slocc diff"))).toMatch(
      /slocc diff .*--format markdown --json-out slo-diff\.json > slo-diff\.md/,
    );
    for (const command of commands) expect(declaredCommands()).toContain(command);
    for (const script of scripts) {
      expect(script).not.toMatch(/npm run|\btsc\b|npm install|git clone/);
      for (const use of script.matchAll(/\bslocc\b/g)) expect(script.slice(0, use.index)).toMatch(/npx $/);
    }
    expect(scripts).toContain("npm ci");
  });
});
