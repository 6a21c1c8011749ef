#!/usr/bin/env node
// @ts-check
/**
 * Builds slocc's release tarball and checks it the way a team installs it, until slocc is on the
 * npm registry: `npm pack` of the built package, then, in a new git repository, the tarball kept
 * in `vendor/` and installed from there, `slocc init`, `validate` and `synth`, everything
 * committed, and in a fresh clone of that repository `npm ci` and `slocc validate`, as CI runs them.
 *
 *   node scripts/release-tarball.mjs [--skip-build] [--out <dir>] [--check-in <dir>]
 *
 * --skip-build   pack what dist/ holds (`npm test` has just built it)
 * --out <dir>    where the tarball is written (default: release/)
 * --check-in <dir>  where the team repository (`repo/`) and its clone (`clone/`) are made and
 *                   kept, for a closer look (default: a temporary directory, removed afterwards)
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";

const ROOT = resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: {
    "skip-build": { type: "boolean", default: false },
    out: { type: "string", default: join(ROOT, "release") },
    "check-in": { type: "string" },
  },
});

/** The environment of every command: this one's, less npm's run-script variables and Datadog keys. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !name.startsWith("npm_") && !/^(DD|DATADOG)_/.test(name)),
);

/**
 * Runs a command and returns its standard output; stops the script, showing its error output, if it fails.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {string} cwd
 */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 300_000 });
  if (result.status !== 0) {
    process.stderr.write(`release-tarball: ${command} ${args.join(" ")} failed in ${cwd}:\n${result.stderr}\n`);
    process.exit(1);
  }
  return result.stdout;
}

/**
 * What `npm pack --json` says of the one tarball it wrote.
 * @param {string} text
 * @returns {{ filename: string; integrity: string; size: number; version: string }}
 */
function packReport(text) {
  /** @type {unknown} */
  const reports = JSON.parse(text);
  /** @type {unknown} */
  const report = Array.isArray(reports) ? reports[0] : undefined;
  if (typeof report !== "object" || report === null || !("filename" in report) || typeof report.filename !== "string")
    throw new Error(`npm pack reported no tarball: ${text}`);
  return /** @type {{ filename: string; integrity: string; size: number; version: string }} */ (report);
}

/** @param {string} message */
function step(message) {
  process.stderr.write(`release-tarball: ${message}\n`);
}

if (!values["skip-build"]) {
  step("building");
  run("npm", ["run", "build"], ROOT);
}

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
step(`packing into ${out}`);
// The tarball holds dist/: nothing is built where it is installed (slocc has no install script).
const packed = packReport(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", out], ROOT));
const tarball = join(out, packed.filename);

const checkIn =
  values["check-in"] === undefined ? mkdtempSync(join(tmpdir(), "slocc-release-")) : resolve(values["check-in"]);
const repo = join(checkIn, "repo");
const clone = join(checkIn, "clone");
step(`checking the documented install in ${repo}`);
rmSync(repo, { recursive: true, force: true });
rmSync(clone, { recursive: true, force: true });
mkdirSync(join(repo, "vendor"), { recursive: true });
run("git", ["init", "--quiet", "-b", "main"], repo);
writeFileSync(join(repo, "package.json"), `${JSON.stringify({ name: "team-slos", private: true }, null, 2)}\n`);
copyFileSync(tarball, join(repo, "vendor", basename(tarball)));
const npmFlags = ["--prefer-offline", "--no-audit", "--no-fund"];
run("npm", ["install", "--save-dev", ...npmFlags, `./vendor/${basename(tarball)}`], repo);
const slocc = join("node_modules", ".bin", "slocc");
const init = run(slocc, ["init"], repo);
if (/^warning: /m.test(init)) {
  step(`slocc init warns about the documented install:\n${init}`);
  process.exit(1);
}
run(slocc, ["validate"], repo);
run(slocc, ["synth"], repo);
const git = ["-c", "user.name=release-check", "-c", "user.email=release-check@example.com"];
run("git", ["add", "-A"], repo);
run("git", [...git, "commit", "--quiet", "-m", "SLOs with slocc"], repo);
step(`checking CI's install in a clone, ${clone}`);
run("git", ["clone", "--quiet", repo, clone], checkIn);
run("npm", ["ci", ...npmFlags], clone);
run(slocc, ["validate"], clone);
if (values["check-in"] === undefined) rmSync(checkIn, { recursive: true, force: true });

process.stdout.write(
  [
    `${tarball}`,
    `  ${packed.size} bytes, ${packed.integrity}`,
    "",
    `Attach it to the release v${packed.version}, e.g. gh release create v${packed.version} ${tarball}`,
    "Teams then install it, kept in their repository so that CI's npm ci finds it:",
    `  mkdir -p vendor && curl -fsSLo vendor/${packed.filename} <the release's download URL for ${packed.filename}>`,
    `  npm install --save-dev ./vendor/${packed.filename}`,
    "or straight from a URL their CI can download without credentials:",
    `  npm install --save-dev <the release's download URL for ${packed.filename}>`,
    "",
  ].join("\n"),
);
