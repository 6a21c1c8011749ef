import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkOutputPath } from "../src/app/output-path.js";
import { findProject } from "../src/app/project-root.js";
import { runBinary, runCli } from "./support/cli.js";
import { RATIO_SLO, readTree, serviceYaml, tempDir } from "./support/compile.js";
import { TempRepo } from "./support/git.js";

/** A team's repository: package.json at its top, specs in slos/, a docs/ folder, all committed on main. */
function teamRepository(): TempRepo {
  const repo = new TempRepo();
  repo.commit({
    "package.json": `${JSON.stringify({ name: "team-slos", private: true }, null, 2)}\n`,
    "slos/web.yaml": serviceYaml(RATIO_SLO),
    "slos/api.yaml": serviceYaml(RATIO_SLO).replace("service: web", "service: api"),
    "docs/README.md": "SLOs of the team\n",
  });
  return repo;
}

describe("the project root", () => {
  it.each([
    { case: "the nearest directory upward with package.json", files: ["package.json"], cwd: "a/b", root: "." },
    {
      case: "a nearer cdktf.json before a farther package.json",
      files: ["package.json", "a/cdktf.json"],
      cwd: "a/b",
      root: "a",
    },
    { case: "the working directory itself when it has a marker", files: ["a/b/package.json"], cwd: "a/b", root: "a/b" },
    {
      case: "the working directory when no directory up to git's top has one",
      files: [".git/HEAD"],
      cwd: "a/b",
      root: "a/b",
      top: ".",
    },
    {
      case: "never a package.json above the git repository",
      files: ["package.json", "repo/.git/HEAD"],
      cwd: "repo/a",
      root: "repo/a",
      top: "repo",
    },
    {
      case: "a directory below the top of its git repository",
      files: ["repo/.git", "repo/a/package.json"],
      cwd: "repo/a/b",
      root: "repo/a",
      top: "repo",
    },
  ])("is $case", async ({ files, cwd, root, top }) => {
    const dir = await tempDir("slocc-root-");
    await mkdir(join(dir, cwd), { recursive: true });
    for (const file of files) {
      await mkdir(join(dir, file, ".."), { recursive: true });
      await writeFile(join(dir, file), "{}\n");
    }
    expect(await findProject(join(dir, cwd))).toEqual({
      root: join(dir, root),
      repositoryTop: top === undefined ? undefined : join(dir, top),
    });
  });
});

describe("commands run from a subdirectory of the project", () => {
  it("validate reads slos/ at the root, naming it from where the user is", async () => {
    const repo = teamRepository();
    for (const [cwd, shown] of [
      ["slos", "."],
      ["docs", "../slos"],
      [".", "slos"],
    ] as const) {
      const run = await runCli(["validate"], join(repo.dir, cwd));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe(`${shown}: 2 services, 2 SLOs, valid\n`);
    }
  });

  it("synth writes the root's cdktf.out/, the same bytes as from the root, so the state path is the same file", async () => {
    const fromRoot = teamRepository();
    await runCli(["synth"], fromRoot.dir);
    const fromSlos = teamRepository();
    const run = await runCli(["synth", "."], join(fromSlos.dir, "slos"));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote \.\.\/cdktf\.out: 2 stacks/);
    expect((await readTree(join(fromSlos.dir, "slos"))).size).toBe(2);
    // The parses kept for the next run are named as the specs were read: relative to where the user is.
    const written = async (dir: string) => {
      const tree = await readTree(join(dir, "cdktf.out"));
      tree.delete(".slocc/specs.json");
      return tree;
    };
    expect(await written(fromSlos.dir)).toEqual(await written(fromRoot.dir));
  });

  it("keeps paths given on the command line relative to where the user is", async () => {
    const repo = teamRepository();
    const run = await runCli(["synth", "--dir", "../slos", "--out", "here"], join(repo.dir, "docs"));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote here: 2 stacks/);
    expect([...(await readTree(join(repo.dir, "docs", "here", "stacks"))).keys()]).toContain("web/cdk.tf.json");
  });

  it("diff compares the root's slos/ at a ref with the working tree", async () => {
    const repo = teamRepository();
    repo.write({ "slos/web.yaml": serviceYaml(RATIO_SLO.replace("target: 99.9", "target: 99.5")) });
    const run = await runCli(["diff", "--base", "main", "--format", "json"], join(repo.dir, "docs"));
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout) as { stacks: { name: string }[] };
    expect(diff.stacks.map((stack) => stack.name)).toEqual(["web"]);
  });

  it("init sets up the root, never the subdirectory", async () => {
    const repo = teamRepository();
    const run = await runCli(["init"], join(repo.dir, "docs"));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^wrote +\.\.\/cdktf\.json: /m);
    expect([...(await readTree(join(repo.dir, "docs"))).keys()]).toEqual(["README.md"]);
    expect(JSON.parse(await readFile(join(repo.dir, "cdktf.json"), "utf8"))).toHaveProperty("app");
  });

  it("works the same through the built command", async () => {
    const repo = teamRepository();
    const run = await runBinary(["synth"], join(repo.dir, "slos"), { PATH: process.env["PATH"] ?? "" });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^wrote \.\.\/cdktf\.out: 2 stacks/);
    expect([...(await readTree(join(repo.dir, "cdktf.out", "stacks"))).keys()]).toContain("api/cdk.tf.json");
  });
});

describe("an output path that is taken", () => {
  const commands = [
    { name: "synth --out <file>", args: ["synth", "--out", "taken"], option: "--out taken is a file" },
    { name: "plan --out <file>", args: ["plan", "--out", "taken"], option: "--out taken is a file" },
    { name: "apply --out <file>", args: ["apply", "--out", "taken"], option: "--out taken is a file" },
    {
      name: "synth --out under a file",
      args: ["synth", "--out", "taken/out"],
      option: "--out taken/out cannot be written",
    },
    {
      name: "import datadog --out <file>",
      args: ["import", "datadog", "--out", "taken"],
      option: "--out taken is a file",
    },
    {
      name: "import openslo --out <file>",
      args: ["import", "openslo", "slos", "--out", "taken"],
      option: "--out taken is a file",
    },
    {
      name: "export openslo --out <file>",
      args: ["export", "openslo", "--out", "taken"],
      option: "--out taken is a file",
    },
    { name: "schema --out <directory>", args: ["schema", "--out", "slos"], option: "--out slos is a directory" },
    {
      name: "schema --out under a file",
      args: ["schema", "--out", "taken/schema.json"],
      option: "--out taken/schema.json cannot be written",
    },
    {
      name: "diff --json-out <directory>",
      args: ["diff", "--base", "main", "--json-out", "slos"],
      option: "--json-out slos is a directory",
    },
    {
      name: "plan --summary <directory>",
      args: ["plan", "--summary", "slos"],
      option: "--summary slos is a directory",
    },
  ];

  it.each(commands)("stops $name with exit 2 and one line, writing nothing", async ({ args, option }) => {
    const repo = teamRepository();
    await writeFile(join(repo.dir, "taken"), "a file\n");
    const before = await readTree(repo.dir);
    const run = await runCli(args, repo.dir, { PATH: "" });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^slocc: ${option.replace(/[./]/g, "\\$&")}[^\n]*\n$`));
    expect(run.stderr).not.toContain("internal error");
    expect(await readTree(repo.dir)).toEqual(before);
  });
});

describe("the file on the way to an output path", () => {
  it.each([
    { name: "a relative path names it from the working directory", absolute: false },
    { name: "an absolute path names it absolutely", absolute: true },
  ])("$name", async ({ absolute }) => {
    const repo = teamRepository();
    await writeFile(join(repo.dir, "taken"), "a file\n");
    const path = absolute ? join(repo.dir, "taken", "out") : join("..", "taken", "out");
    const shown = absolute ? join(repo.dir, "taken") : "../taken";
    const found = await checkOutputPath("--out", path, "directory", join(repo.dir, "slos"));
    expect(found).toEqual({
      ok: false,
      problems: [{ code: "OUTPUT_PATH", message: expect.stringContaining(`cannot be written: ${shown} is a file,`) }],
    });
  });
});
