import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { App } from "cdktf";
import type { CompiledPlan, StackPlan } from "../plan/resources.js";
import { DEFAULT_STACK_SETTINGS, type StackSettings } from "../settings/stack-settings.js";
import { readRecord, stackDigest, writeRecord, type OutputRecord, type StackRecord } from "./output-record.js";
import type { StackJob, StackManifest } from "./synth-stack.js";
import { synthesizeAll } from "./synth-threads.js";
import { WorkerPool, type SynthesisThread } from "./worker-pool.js";
import { moveStackDirs, moveWorkingFiles, undoMoves } from "./working-files.js";

/** How a synthesis runs. */
export interface SynthesisOptions {
  /**
   * Stacks that no longer exist, written as they were under `removed/<name>/` (outside the
   * manifest), so that Terraform can plan and apply their destruction there.
   */
  readonly removed?: readonly StackPlan[];
  /**
   * How many threads synthesize at once, this one included; by default one per core, for large
   * outputs. Ignored when `pool` is given.
   */
  readonly threads?: number;
  /** Threads started ahead (see {@link WorkerPool}); synthesis uses them, then closes the pool. */
  readonly pool?: WorkerPool;
}

/** What a synthesis did, by stack directory relative to the output (`stacks/web`, `removed/api`). */
export interface SynthesisReport {
  /** Written afresh: new, or their inputs changed. */
  readonly synthesized: readonly string[];
  /** Kept from the previous output, their inputs unchanged. */
  readonly reused: readonly string[];
  /** How many threads synthesized, this one included. */
  readonly threads: number;
}

/** The file cdktf writes a stack's Terraform JSON to. */
const STACK_FILE = "cdk.tf.json";

/** Below this many resources to synthesize, starting worker threads costs more than it saves. */
const WORKER_MIN_RESOURCES = 400;

/** One stack directory of the output, with the digest of its inputs. */
interface Unit {
  readonly dir: string;
  readonly stack: StackPlan;
  readonly removed: boolean;
  readonly digest: string;
}

/**
 * Writes `outdir` exactly as `cdktf synth` would (`manifest.json`, `stacks/<name>/cdk.tf.json`),
 * plus slocc's record of it (`.slocc/`). The output is built in a sibling directory and swapped in
 * only when complete, so a failure never leaves a half-replaced output. A stack whose inputs did not
 * change since the previous synthesis into `outdir` is not synthesized again: its directory is
 * carried over as it is. Terraform's working files in the other stacks' directories (`.terraform/`,
 * `.terraform.lock.hcl`) are carried over too. Stacks are synthesized on worker threads when there is enough to do.
 */
export async function synthesizeTo(
  plan: CompiledPlan,
  outdir: string,
  settings: StackSettings = DEFAULT_STACK_SETTINGS,
  options: SynthesisOptions = {},
): Promise<SynthesisReport> {
  const target = resolve(outdir);
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(dirname(target), `.${basename(target)}.tmp-${suffix}`);
  const retired = join(dirname(target), `.${basename(target)}.old-${suffix}`);
  const units = [
    ...plan.stacks.map((stack) => unitOf(`stacks/${stack.name}`, stack, false, settings)),
    ...(options.removed ?? []).map((stack) => unitOf(`removed/${stack.name}`, stack, true, settings)),
  ];
  const previous = await readRecord(target);
  let pool: WorkerPool | undefined;
  try {
    const reused = await reusableUnits(units, previous, target);
    const fresh = units.filter((unit) => !reused.includes(unit));
    await mkdir(staging, { recursive: true });
    const jobs = fresh.map((unit) => jobOf(unit, staging, settings));
    pool = options.pool ?? WorkerPool.start(workerCount(jobs, options.threads));
    const workers = pool.threads.slice(0, Math.max(0, jobs.length - 1));
    const manifests = await synthesizeUnits(fresh, jobs, staging, workers);
    const record: Record<string, StackRecord> = {};
    for (const unit of units) {
      const manifest = manifests.get(unit) ?? previous[unit.dir]?.manifest;
      record[unit.dir] = { digest: unit.digest, ...(unit.removed || !manifest ? {} : { manifest }) };
    }
    writeManifest(staging, plan, record);
    await writeRecord(staging, record);
    await swapIn(staging, target, retired, {
      fresh: fresh.map((unit) => unit.dir),
      reused: reused.map((unit) => unit.dir),
    });
    return {
      synthesized: fresh.map((unit) => unit.dir),
      reused: reused.map((unit) => unit.dir),
      threads: workers.length + 1,
    };
  } finally {
    await (pool ?? options.pool)?.close();
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
}

function unitOf(dir: string, stack: StackPlan, removed: boolean, settings: StackSettings): Unit {
  return { dir, stack, removed, digest: stackDigest(stack, settings, dir) };
}

/** The units whose previous output can stand: same digest, file still there, and (for stacks) a manifest entry. */
async function reusableUnits(units: readonly Unit[], previous: OutputRecord, target: string): Promise<Unit[]> {
  const found = await Promise.all(
    units.map(async (unit) => {
      const before = previous[unit.dir];
      if (before?.digest !== unit.digest || (!unit.removed && !before.manifest)) return false;
      const file = await stat(join(target, unit.dir, STACK_FILE)).catch(() => undefined);
      return file?.isFile() === true;
    }),
  );
  return units.filter((_, index) => found[index]);
}

/** Where a removed stack is synthesized first: cdktf always writes `<outdir>/stacks/<name>`. */
const REMOVED_SCRATCH = ".removed";

function jobOf(unit: Unit, staging: string, settings: StackSettings): StackJob {
  return { stack: unit.stack, outdir: unit.removed ? join(staging, REMOVED_SCRATCH) : staging, settings };
}

/** Synthesizes the units into `staging`, then moves each removed stack to `removed/<name>`. */
async function synthesizeUnits(
  units: readonly Unit[],
  jobs: readonly StackJob[],
  staging: string,
  workers: readonly SynthesisThread[],
): Promise<Map<Unit, StackManifest>> {
  const removedRoot = join(staging, REMOVED_SCRATCH);
  // Made before any thread starts: cdktf makes `<outdir>/stacks` unless it exists, and two threads
  // making it at once would collide.
  for (const outdir of new Set(jobs.map((job) => job.outdir))) await mkdir(join(outdir, "stacks"), { recursive: true });
  const manifests = await synthesizeAll(jobs, workers);
  for (const unit of units.filter((candidate) => candidate.removed)) {
    await mkdir(join(staging, "removed"), { recursive: true });
    await rename(join(removedRoot, "stacks", unit.stack.name), join(staging, unit.dir));
  }
  await rm(removedRoot, { recursive: true, force: true });
  return new Map(units.map((unit, index) => [unit, manifests[index] ?? {}]));
}

/** Worker threads besides this one: as asked, else one per further core when there is enough to do. */
function workerCount(jobs: readonly StackJob[], threads: number | undefined): number {
  if (jobs.length < 2) return 0;
  if (threads !== undefined) return Math.max(0, Math.min(threads - 1, jobs.length - 1));
  const resources = jobs.reduce((sum, job) => sum + job.stack.resources.length, 0);
  return resources < WORKER_MIN_RESOURCES ? 0 : Math.min(availableParallelism() - 1, jobs.length - 1);
}

/** cdktf's `manifest.json` of every stack (not the removed ones), as one app's `synth()` writes it. */
function writeManifest(outdir: string, plan: CompiledPlan, record: OutputRecord): void {
  const index = new App({ outdir });
  for (const stack of plan.stacks) {
    const manifest = record[`stacks/${stack.name}`]?.manifest;
    if (manifest) Object.assign(index.manifest.stacks, { [stack.name]: manifest });
  }
  index.manifest.writeToFile();
}

/**
 * Carries the unchanged stacks' directories and the other stacks' Terraform working files over
 * from the current output, then swaps the new output in; on failure, the current output is put
 * back as it was.
 */
async function swapIn(
  staging: string,
  target: string,
  retired: string,
  stackDirs: { readonly fresh: readonly string[]; readonly reused: readonly string[] },
): Promise<void> {
  for (const parent of new Set(stackDirs.reused.map((dir) => dirname(dir))))
    await mkdir(join(staging, parent), { recursive: true });
  const moves = await moveStackDirs(target, staging, stackDirs.reused);
  try {
    moves.push(...(await moveWorkingFiles(target, staging, stackDirs.fresh)));
    await rename(target, retired).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, target).catch(async (error: unknown) => {
      await rename(retired, target).catch(() => undefined);
      throw error;
    });
  } catch (error) {
    await undoMoves(moves);
    throw error;
  }
}
