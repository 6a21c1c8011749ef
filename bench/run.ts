import { execFile, execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { countResources, firstDifference, outputDigest, totalOf } from "./count.js";
import { CATALOG_FILE, generateCorpus, lowerFirstTarget, type Corpus } from "./corpus.js";
import { describeMachine } from "./machine.js";
import { BASE_BRANCH, OPERATIONS, type ChildArgs, type ChildReport, type Detail, type Operation } from "./protocol.js";
import { checkTargets, formatReport, type Measurement, type Run } from "./report.js";

/** Where the report is written, beside the benchmark's sources (ignored by git). */
const RESULTS_FILE = join(__dirname, "..", "..", "bench", "results", "latest.md");

interface Options {
  readonly sizes: readonly number[];
  readonly runs: number;
  /** Runs at 5,000 SLOs and above, where one run takes long. */
  readonly largeRuns: number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "100,1000,5000" },
      runs: { type: "string", default: "3" },
      "large-runs": { type: "string", default: "3" },
    },
  });
  const sizes = values.sizes.split(",").map(Number);
  const runs = Number(values.runs);
  const largeRuns = Number(values["large-runs"]);
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0) || !(runs >= 1) || !(largeRuns >= 1)) {
    throw new Error("usage: run.js [--sizes 100,1000,5000] [--runs 3] [--large-runs 3]");
  }
  return { sizes, runs, largeRuns };
}

/** Writes a corpus as a git repository: committed on the base branch, then one file changed in the working tree. */
async function writeRepository(corpus: Corpus, repo: string): Promise<void> {
  const dir = join(repo, "slos");
  await mkdir(dir, { recursive: true });
  for (const [name, text] of corpus.files) await writeFile(join(dir, name), text);
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: ["ignore", "pipe", "pipe"] });
  git("init", "-q", "-b", BASE_BRANCH);
  git("add", "-A");
  git(
    "-c",
    "user.name=bench",
    "-c",
    "user.email=bench@example.com",
    "-c",
    "commit.gpgsign=false",
    "commit",
    "-q",
    "--no-verify",
    "-m",
    "corpus",
  );
  const services = [...corpus.files.keys()].filter((name) => name !== CATALOG_FILE);
  const changed = services[Math.floor(services.length / 2)] ?? "";
  await writeFile(join(dir, changed), lowerFirstTarget(corpus.files.get(changed) ?? ""));
}

/** Runs one operation in a fresh Node.js process and reads its report. */
function runChild(operation: Operation, args: ChildArgs): Promise<{ report: ChildReport; processMs: number }> {
  const script = join(__dirname, "ops", `${operation}.js`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, JSON.stringify(args)],
      { maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const processMs = performance.now() - started;
        if (error) {
          reject(new Error(`${operation} failed (${error.message.split("\n")[0] ?? ""}):\n${stderr}`));
          return;
        }
        const line = stdout.trim().split("\n").pop() ?? "";
        resolve({ report: JSON.parse(line) as ChildReport, processMs });
      },
    );
  });
}

/** Measures every operation on one corpus size, interleaving the operations run by run. */
async function measureSize(slos: number, runs: number, work: string): Promise<Measurement[]> {
  const corpus = generateCorpus(slos);
  const repo = join(work, `corpus-${slos}`);
  const shape = join(work, `shape-${slos}.json`);
  await writeRepository(corpus, repo);
  await writeFile(shape, JSON.stringify(corpus.shape));
  const results = new Map<Operation, Run[]>(OPERATIONS.map((operation) => [operation, []]));
  const details = new Map<Operation, Detail>();
  const outputs = new Map<Operation, Map<string, number>>();
  const digests = new Map<Operation, string>();
  for (let run = 1; run <= runs; run++) {
    for (const operation of OPERATIONS) {
      const out = join(work, `out-${slos}-${operation}-${run}`);
      const { report, processMs } = await runChild(operation, { dir: join(repo, "slos"), repo, shape, out });
      results.get(operation)?.push({ ms: report.ms, processMs, maxRssKb: report.maxRssKb });
      details.set(operation, report.detail);
      if (run === 1 && (operation === "synth" || operation === "cdktf-baseline"))
        outputs.set(operation, await countResources(out));
      if (run === 1 && (operation === "synth" || operation === "synth-incremental"))
        digests.set(operation, await outputDigest(out));
      await rm(out, { recursive: true, force: true });
      await rm(`${out}.specs`, { recursive: true, force: true });
      process.stderr.write(
        `  ${slos} SLOs  ${operation.padEnd(14)} run ${run}/${runs}: ${report.ms.toFixed(0)} ms, ${Math.round(report.maxRssKb / 1024)} MB\n`,
      );
    }
  }
  checkCorpus(slos, details, outputs);
  if (digests.get("synth") !== digests.get("synth-incremental"))
    throw new Error(`${slos} SLOs: synth after a one-file change wrote other files than a synth from scratch`);
  return OPERATIONS.map((operation) => ({
    slos,
    files: corpus.files.size,
    operation,
    runs: results.get(operation) ?? [],
  }));
}

/**
 * Fails loudly unless the corpus validated without an error and both synthesized outputs hold the
 * same resources, stack by stack and type by type, as many as slocc planned.
 */
function checkCorpus(
  slos: number,
  details: ReadonlyMap<Operation, Detail>,
  outputs: ReadonlyMap<Operation, Map<string, number>>,
): void {
  const validate = details.get("validate");
  if (!validate || validate["errors"] !== 0)
    throw new Error(`${slos} SLOs: validation reported errors: ${JSON.stringify(validate)}`);
  const slocc = outputs.get("synth");
  const handwritten = outputs.get("cdktf-baseline");
  if (!slocc || !handwritten) throw new Error(`${slos} SLOs: a synthesized output is missing`);
  const difference = firstDifference(slocc, handwritten);
  if (difference !== undefined)
    throw new Error(
      `${slos} SLOs: slocc and the hand-written program create different resources (slocc vs hand-written): ${difference}`,
    );
  if (totalOf(slocc) !== validate["resources"])
    throw new Error(`${slos} SLOs: ${totalOf(slocc)} resources written, ${validate["resources"]} planned`);
  process.stderr.write(
    `  ${slos} SLOs: no error (${validate["warnings"]} warnings); ${totalOf(slocc)} resources in both outputs\n`,
  );
}

async function main(): Promise<void> {
  const options = readOptions();
  const started = performance.now();
  const machine = describeMachine();
  const work = await mkdtemp(join(tmpdir(), "slocc-bench-"));
  const measurements: Measurement[] = [];
  try {
    for (const slos of options.sizes) {
      process.stderr.write(`${slos} SLOs\n`);
      measurements.push(...(await measureSize(slos, slos >= 5000 ? options.largeRuns : options.runs, work)));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const checks = checkTargets(measurements);
  const report = formatReport(machine, measurements, checks, (performance.now() - started) / 1000);
  await mkdir(join(RESULTS_FILE, ".."), { recursive: true });
  await writeFile(RESULTS_FILE, report);
  process.stdout.write(`\n${report}\nWritten to bench/results/latest.md\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
