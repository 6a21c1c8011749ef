import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runBinary, type BinaryRun } from "./cli.js";
import { RATIO_SLO, serviceYaml, tempDir } from "./compile.js";

/**
 * A stand-in for terraform and the built CLI run against it, for tests of `slocc plan` and
 * `slocc apply` that must not reach Datadog.
 */

/** Datadog keys that are not real, to prove they are passed on and never printed. */
export const KEYS = { DD_API_KEY: "fake-api-key-123", DD_APP_KEY: "fake-app-key-456" };

/** A project with one valid spec per service, a stand-in terraform and an empty directory for PATH. */
export interface Project {
  readonly dir: string;
  /** A directory holding only the stand-in `terraform`. */
  readonly stubPath: string;
  /** A directory holding nothing. */
  readonly emptyPath: string;
  /** Where the stand-in logs each call, one JSON object a line. */
  readonly log: string;
}

/** One call of the stand-in terraform. */
export interface StubCall {
  readonly stack: string;
  readonly args: string[];
  readonly start: number;
  readonly end: number;
}

/**
 * A stand-in for terraform: logs its call, prints the Datadog keys it was given (to prove they are
 * redacted), waits `STUB_DELAY_<stack>` or `STUB_DELAY` milliseconds, and fails when `STUB_FAIL` is
 * `<command>:<stack>`. `show` prints the file named by `STUB_SHOW` instead, as `terraform show -json` prints a plan.
 */
const STUB = `#!${process.execPath}
const { appendFileSync, readFileSync } = require("node:fs");
const { basename } = require("node:path");
const stack = basename(process.cwd());
const command = process.argv[2];
const start = Date.now();
const delay = Number(process.env["STUB_DELAY_" + stack] || process.env.STUB_DELAY || 0);
setTimeout(() => {
  appendFileSync(process.env.STUB_LOG, JSON.stringify({ stack, args: process.argv.slice(2), start, end: Date.now() }) + "\\n");
  if (command === "show" && process.env.STUB_SHOW) return process.stdout.write(readFileSync(process.env.STUB_SHOW));
  console.log(command + " ran in " + stack + " with " + process.env.DD_API_KEY + " and " + process.env.DD_APP_KEY);
  console.error(command + " notes for " + stack);
  process.exitCode = process.env.STUB_FAIL === command + ":" + stack ? 1 : 0;
}, delay);
`;

export async function projectWith(services: readonly string[]): Promise<Project> {
  const dir = await tempDir();
  await mkdir(join(dir, "slos"));
  for (const service of services) {
    await writeFile(
      join(dir, "slos", `${service}.yaml`),
      serviceYaml(RATIO_SLO).replace("service: web", `service: ${service}`),
    );
  }
  const stubPath = join(dir, "stub-bin");
  const emptyPath = join(dir, "empty-bin");
  await mkdir(stubPath);
  await mkdir(emptyPath);
  await writeFile(join(stubPath, "terraform"), STUB);
  await chmod(join(stubPath, "terraform"), 0o755);
  return { dir, stubPath, emptyPath, log: join(dir, "stub.log") };
}

/**
 * Runs the built `bin/slocc.js` in the project with exactly the given environment (nothing
 * inherited, so no real Datadog key can leak in) and stdin not a terminal.
 */
export function slocc(project: Project, args: readonly string[], env: Record<string, string>): Promise<BinaryRun> {
  return runBinary(args, project.dir, { HOME: project.dir, CHECKPOINT_DISABLE: "1", STUB_LOG: project.log, ...env });
}

export async function stubCalls(project: Project): Promise<StubCall[]> {
  if (!existsSync(project.log)) return [];
  const lines = (await readFile(project.log, "utf8")).trim().split("\n");
  return lines.map((line) => JSON.parse(line) as StubCall);
}
