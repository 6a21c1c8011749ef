import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "./support/compile.js";

/**
 * slocc as a team uses it: the packed tarball installed into a new git repository, run from
 * `node_modules/.bin`, and imported as a library. The package must already be built (`npm test`
 * builds it first). npm installs from its cache, asking the registry only for what it lacks.
 */
const ROOT = join(__dirname, "..");
const INSTALL_TIMEOUT_MS = 240_000;

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
let slocc: string;
let installSeconds: number;
let initOutput: string;

beforeAll(async () => {
  work = await tempDir("slocc-package-");
  const packed = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  const tarball = join(work, (JSON.parse(packed.stdout) as { filename: string }[])[0]?.filename ?? "");
  repo = join(work, "team-slos");
  run("git", ["init", "--quiet", repo], work);
  await writeFile(join(repo, "package.json"), `${JSON.stringify({ name: "team-slos", private: true }, null, 2)}\n`);
  const started = performance.now();
  run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], repo, INSTALL_TIMEOUT_MS);
  installSeconds = (performance.now() - started) / 1000;
  slocc = join(repo, "node_modules", ".bin", "slocc");
  initOutput = run(slocc, ["init"], repo).stdout;
}, INSTALL_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("slocc installed from its tarball in a team's repository", () => {
  it("installs, with the binary in node_modules/.bin", () => {
    expect(existsSync(slocc)).toBe(true);
    expect(installSeconds).toBeGreaterThan(0);
  });

  it("runs init, validate and synth there", async () => {
    expect(initOutput).toMatch(/^wrote +slos\/example\.yaml/m);
    expect(run(slocc, ["validate"], repo).stderr).toContain("slos: 1 service, 2 SLOs, valid");
    expect(run(slocc, ["synth"], repo).stdout).toContain("wrote cdktf.out: 1 stack");
    expect(await readdir(join(repo, "cdktf.out", "stacks"))).toEqual(["example"]);
    expect(run("git", ["status", "--porcelain", "--ignored"], repo).stdout).toMatch(/^!! cdktf\.out\/$/m);
  });

  it("ships the schema `slocc schema` prints, where the example spec's first line points", async () => {
    const installed = join(repo, "node_modules", "slocc", "schema", "slocc-v1.schema.json");
    expect(await readFile(installed, "utf8")).toBe(run(slocc, ["schema"], repo).stdout);
    const example = await readFile(join(repo, "slos", "example.yaml"), "utf8");
    const path = /\$schema=(\S+)/.exec(example.split("\n")[0] ?? "")?.[1] ?? "";
    expect(resolve(repo, "slos", path)).toBe(installed);
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
