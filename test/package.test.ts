import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./support/compile.js";
import { docText, fencedBlocks } from "./support/docs.js";

/**
 * slocc as a team installs it until it is on the npm registry, through the release script: the
 * packed tarball kept in a new git repository's vendor/ and installed from there, init, validate
 * and synth run, everything committed, then in a fresh clone `npm ci` and validate, as CI runs them.
 * The package must already be built (`npm test` builds it first). npm installs from its cache,
 * asking the registry only for what it lacks.
 */
const ROOT = join(__dirname, "..");
const RELEASE_TIMEOUT_MS = 300_000;

/** The environment of the commands: this process's, less npm's run-script variables and any Datadog key. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith("npm_") && !/^(DD|DATADOG)_/.test(name)),
);

function run(command: string, args: readonly string[], cwd: string, timeout = 60_000): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  return result;
}

let work: string;
let repo: string;
let clone: string;
let tarball: string;
let slocc: string;
/** What the release script printed: the tarball, and the commands teams install it with. */
let printed: string;

beforeAll(async () => {
  work = await tempDir("slocc-package-");
  const script = join(ROOT, "scripts", "release-tarball.mjs");
  const release = run(
    process.execPath,
    [script, "--skip-build", "--out", join(work, "release"), "--check-in", work],
    ROOT,
    RELEASE_TIMEOUT_MS,
  );
  printed = release.stdout;
  tarball = release.stdout.split("\n")[0] ?? "";
  repo = join(work, "repo");
  clone = join(work, "clone");
  slocc = join(repo, "node_modules", ".bin", "slocc");
}, RELEASE_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("slocc installed from its release tarball, kept in a team's repository", () => {
  it("is packed by the release script, and installed from vendor/ by package.json and its lock file", async () => {
    expect(tarball).toBe(join(work, "release", "slocc-0.1.0.tgz"));
    expect(existsSync(tarball)).toBe(true);
    const manifest = JSON.parse(await readFile(join(repo, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(manifest.devDependencies["slocc"]).toBe("file:vendor/slocc-0.1.0.tgz");
    const lock = JSON.parse(await readFile(join(repo, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string }>;
    };
    expect(lock.packages["node_modules/slocc"]?.resolved).toBe("file:vendor/slocc-0.1.0.tgz");
  });

  it("has no script for npm to run where it is installed: it ships built", async () => {
    const installed = JSON.parse(await readFile(join(repo, "node_modules", "slocc", "package.json"), "utf8")) as {
      scripts?: Record<string, string>;
    };
    const installScripts = ["preinstall", "install", "postinstall", "prepare"];
    expect(Object.keys(installed.scripts ?? {}).filter((name) => installScripts.includes(name))).toEqual([]);
    expect(existsSync(join(repo, "node_modules", "slocc", "dist", "cli", "main.js"))).toBe(true);
  });

  it("commits the tarball and the lock file, and no installed package", () => {
    const files = run("git", ["ls-files"], repo).stdout.split("\n");
    expect(files).toEqual(expect.arrayContaining(["vendor/slocc-0.1.0.tgz", "package.json", "package-lock.json"]));
    expect(files.filter((file) => file.startsWith("node_modules/"))).toEqual([]);
    expect(files).not.toContain("cdktf.out/stacks/example/cdk.tf.json");
    expect(run("git", ["status", "--porcelain", "--ignored"], repo).stdout).toMatch(/^!! node_modules\/$/m);
  });

  it.each(["README.md", "docs/install.md"])(
    "is installed as %s shows, with the commands the release check runs",
    (doc) => {
      const block = fencedBlocks(doc, docText(doc)).find((found) => found.text.includes("--save-dev ./vendor/"));
      const commands = (block?.text ?? "")
        .split("\n")
        .flatMap((line) => (line.split("#")[0] ?? "").split("&&"))
        .map((command) => command.trim())
        .filter((command) => command !== "");
      expect(commands.length).toBeGreaterThanOrEqual(4);
      const tracked = run("git", ["ls-files"], repo).stdout.split("\n");
      for (const command of commands) {
        if (command.startsWith("npx slocc ")) expect(["init", "validate", "synth"]).toContain(command.slice(10));
        else if (command.startsWith("git add "))
          expect(tracked).toEqual(expect.arrayContaining(command.slice(8).split(" ")));
        else expect(printed).toContain(command);
      }
    },
  );

  it("is what init expects: a second init skips every file and warns of nothing", () => {
    const init = run(slocc, ["init"], repo).stdout;
    expect(init).not.toMatch(/^(wrote|warning)/m);
    expect(init).toMatch(/^skipped +slos\/example\.yaml/m);
  });

  it("installs with npm ci from the lock file in a fresh clone, as CI does, built and ready", () => {
    expect(existsSync(join(clone, "node_modules", "slocc", "dist", "cli", "main.js"))).toBe(true);
    const cloned = join(clone, "node_modules", ".bin", "slocc");
    expect(run(cloned, ["validate"], clone).stderr).toContain("slos: 1 service, 2 SLOs, valid");
    expect(run(cloned, ["synth"], join(clone, "slos")).stdout).toContain("wrote ../cdktf.out: 1 stack");
  });

  it("ships the schema `slocc schema` prints, where the example spec's first line points", async () => {
    const installed = join(repo, "node_modules", "slocc", "schema", "slocc-v1.schema.json");
    expect(await readFile(installed, "utf8")).toBe(run(slocc, ["schema"], repo).stdout);
    const example = await readFile(join(repo, "slos", "example.yaml"), "utf8");
    const path = /\$schema=(\S+)/.exec(example.split("\n")[0] ?? "")?.[1] ?? "";
    expect(resolve(repo, "slos", path)).toBe(installed);
  });

  it("ships docs whose every relative link leads to a file in the package", async () => {
    const installed = join(repo, "node_modules", "slocc");
    const shipped = (await readdir(installed, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => relative(installed, join(entry.parentPath, entry.name)));
    const docs = shipped.filter((file) => file.endsWith(".md"));
    expect(docs).toEqual(expect.arrayContaining(["README.md", "docs/spec.md", "docs/install.md"]));
    const links = (
      await Promise.all(
        docs.map(async (doc) =>
          [...(await readFile(join(installed, doc), "utf8")).matchAll(/\]\(([^)\s]+)\)/g)]
            .map((match) => match[1] ?? "")
            .filter((target) => !/^([a-z]+:|#)/.test(target))
            .map((target) => ({ doc, target, file: join(dirname(doc), target.split("#")[0] ?? "") })),
        ),
      )
    ).flat();
    expect(links.length).toBeGreaterThan(10);
    expect(links.filter((link) => !shipped.includes(link.file))).toEqual([]);
  });

  it("exposes the library API to import('slocc'), without loading cdktf", () => {
    const script = [
      'const slocc = await import("slocc");',
      'const { createRequire } = await import("node:module");',
      "const loaded = Object.keys(createRequire(import.meta.url).cache);",
      "console.log(JSON.stringify({ exports: Object.keys(slocc), cdktf: loaded.filter((p) => /node_modules\\/cdktf\\//.test(p)).length }));",
    ].join("\n");
    const output = JSON.parse(run(process.execPath, ["--input-type=module", "-e", script], repo).stdout) as {
      exports: string[];
      cdktf: number;
    };
    expect(output.exports).toEqual(
      expect.arrayContaining(["compileDirectory", "compileInputs", "diffSpecs", "specJsonSchema"]),
    );
    expect(output.cdktf).toBe(0);
  });
});
