import { spawnSync } from "node:child_process";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { installRouteOf } from "../src/app/install-route.js";
import { BINARY, runCli } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { TempRepo } from "./support/git.js";

describe("how package.json installs slocc", () => {
  it.each([
    ["0.1.0", "registry"],
    ["^0.1.0", "registry"],
    ["latest", "registry"],
    ["npm:slocc@0.1.0", "registry"],
    ["file:vendor/slocc-0.1.0.tgz", "tarball"],
    ["file:../slocc-0.1.0.tgz", "tarball"],
    ["./vendor/slocc-0.1.0.tgz", "tarball"],
    ["https://github.com/acme/slocc/releases/download/v0.1.0/slocc-0.1.0.tgz", "url"],
    ["file:../slocc", "directory"],
    ["link:../slocc", "directory"],
    ["github:acme/slocc#v0.1.0", "git"],
    ["git+https://github.com/acme/slocc.git", "git"],
    ["https://github.com/acme/slocc", "git"],
    ["acme/slocc", "git"],
  ])("reads %s as a %s install", (spec, kind) => {
    expect(installRouteOf(spec).kind).toBe(kind);
  });
});

/** package.json naming slocc as `spec`; no entry with undefined. */
function manifest(spec: string | undefined): string {
  const devDependencies = spec === undefined ? {} : { slocc: spec };
  return `${JSON.stringify({ name: "team-slos", private: true, devDependencies }, null, 2)}\n`;
}

const LOCK = { "package-lock.json": "{}\n" };

describe("slocc init checks that CI installs the same slocc", () => {
  it.each([
    { case: "from the registry", files: { "package.json": manifest("0.1.0"), ...LOCK }, warns: [] },
    {
      case: "from a release URL",
      files: { "package.json": manifest("https://example.com/slocc-0.1.0.tgz"), ...LOCK },
      warns: [],
    },
    {
      case: "from a tarball kept in the repository",
      files: { "package.json": manifest("file:vendor/slocc-0.1.0.tgz"), "vendor/slocc-0.1.0.tgz": "x", ...LOCK },
      warns: [],
    },
    {
      case: "from a tarball outside the repository",
      files: { "package.json": manifest("file:../slocc-0.1.0.tgz"), ...LOCK },
      warns: ["../slocc-0.1.0.tgz, outside this repository"],
    },
    {
      case: "from a tarball git ignores",
      files: {
        "package.json": manifest("file:vendor/slocc-0.1.0.tgz"),
        "vendor/slocc-0.1.0.tgz": "x",
        ".gitignore": "*.tgz\n",
        ...LOCK,
      },
      warns: ["git ignores vendor/slocc-0.1.0.tgz"],
    },
    { case: "from git", files: { "package.json": manifest("github:acme/slocc"), ...LOCK }, warns: ["from git"] },
    {
      case: "linked to a directory",
      files: { "package.json": manifest("file:../slocc"), ...LOCK },
      warns: ["directory"],
    },
    { case: "not at all", files: { "package.json": manifest(undefined), ...LOCK }, warns: ["does not list slocc"] },
    { case: "without package.json", files: {}, warns: ["no package.json"] },
    {
      case: "without package-lock.json",
      files: { "package.json": manifest("0.1.0") },
      warns: ["no package-lock.json"],
    },
  ])("when it is installed $case", async ({ files, warns }) => {
    const repo = new TempRepo().write(files);
    const run = await runCli(["init"], repo.dir);
    expect(run.code).toBe(0);
    const warnings = run.stdout.split("\n").filter((line) => line.startsWith("warning: "));
    expect(warnings).toHaveLength(warns.length);
    warns.forEach((warning, index) => expect(warnings[index]).toContain(warning));
  });
});

describe("slocc installed from its sources, unbuilt", () => {
  it("says in one line to install the release tarball, instead of a missing module's stack trace", async () => {
    const unbuilt = await tempDir("slocc-unbuilt-");
    await mkdir(join(unbuilt, "bin"));
    await copyFile(BINARY, join(unbuilt, "bin", "slocc.js"));
    const run = spawnSync(process.execPath, [join(unbuilt, "bin", "slocc.js"), "validate"], {
      cwd: unbuilt,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^slocc: [^\n]*release tarball[^\n]*\n$/);
  });
});
