import { mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { processContext } from "../src/app/context.js";
import { buildProgram } from "../src/cli/main.js";
import { runCli } from "./support/cli.js";
import { readTree, tempDir } from "./support/compile.js";

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

  it("ignores slocc's output and local state, and runs the installed slocc from cdktf.json", async () => {
    const dir = await repository();
    await runCli(["init"], dir);
    expect((await readFile(join(dir, ".gitignore"), "utf8")).split("\n")).toEqual(
      expect.arrayContaining(["cdktf.out/", "*.tfstate", "*.tfstate.*", ".terraform/"]),
    );
    const cdktf = JSON.parse(await readFile(join(dir, "cdktf.json"), "utf8")) as { app: string };
    expect(cdktf.app).toBe("node node_modules/slocc/bin/cdktf-app.js");
    expect(await readdir(join(ROOT, "bin"))).toContain("cdktf-app.js");
  });

  it("never overwrites a file: a second run skips every one and changes nothing", async () => {
    const dir = await repository();
    await runCli(["init"], dir);
    const before = await readTree(dir);
    const again = await runCli(["init"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout.match(/^skipped /gm)).toHaveLength(4);
    expect(again.stdout).not.toMatch(/^wrote /m);
    expect(await readTree(dir)).toEqual(before);
  });

  it("adds only the entries a .gitignore lacks, after its own lines", async () => {
    const dir = await repository({ ".gitignore": "node_modules/\ncdktf.out/" });
    const run = await runCli(["init"], dir);
    expect(await readFile(join(dir, ".gitignore"), "utf8")).toBe(
      "node_modules/\ncdktf.out/\n# slocc\n*.tfstate\n*.tfstate.*\n.terraform/\n",
    );
    expect(run.stdout).toMatch(/^wrote +\.gitignore: added: ignores \*\.tfstate, \*\.tfstate\.\*, \.terraform\//m);
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
    expect(new Set(commands)).toEqual(new Set(["validate", "diff", "preview", "plan", "apply"]));
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
