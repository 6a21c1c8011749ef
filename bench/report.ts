import type { Machine } from "./machine.js";
import type { Operation } from "./protocol.js";

/** One run of one operation on one corpus. */
export interface Run {
  /** The operation's own wall time, in milliseconds. */
  readonly ms: number;
  /** The child process from spawn to exit (Node.js start and module loading included), in milliseconds. */
  readonly processMs: number;
  readonly maxRssKb: number;
}

/** Every run of one operation on one corpus size. */
export interface Measurement {
  readonly slos: number;
  readonly files: number;
  readonly operation: Operation;
  readonly runs: readonly Run[];
}

/** A target checked on the measurements. */
export interface TargetCheck {
  readonly name: string;
  readonly measured: string;
  readonly limit: string;
  readonly pass: boolean;
}

const LABELS: Readonly<Record<Operation, string>> = {
  "yaml-parse": "baseline: YAML parse only",
  validate: "slocc validate",
  "cdktf-baseline": "baseline: hand-written cdktf",
  synth: "slocc synth",
  "synth-incremental": "slocc synth again (1 file changed)",
  diff: "slocc diff (1 file changed)",
};

/** Peak RSS limit at the largest corpus, in megabytes. */
const MEMORY_LIMIT_MB = 400;

/** The middle value of a list (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The median operation time of a measurement. */
function wall(measurement: Measurement): number {
  return median(measurement.runs.map((run) => run.ms));
}

/** The highest peak RSS over a measurement's runs, in megabytes. */
function peakMb(measurement: Measurement): number {
  return Math.max(...measurement.runs.map((run) => run.maxRssKb)) / 1024;
}

/**
 * The targets: synth at most as slow as the hand-written cdktf program at 1,000 SLOs, synth after a
 * one-file change within 0.35x a full synth at 5,000 SLOs, validate within 3x the bare YAML parse
 * and diff within 2x synth at every size, and every slocc operation at most 400 MB of peak RSS at
 * 5,000 SLOs.
 */
export function checkTargets(measurements: readonly Measurement[]): TargetCheck[] {
  const find = (slos: number, operation: Operation) =>
    measurements.find((m) => m.slos === slos && m.operation === operation);
  const sizes = [...new Set(measurements.map((m) => m.slos))].sort((a, b) => a - b);
  const checks: TargetCheck[] = [];
  const ratio = (name: string, slos: number, numerator: Operation, denominator: Operation, limit: number): void => {
    const top = find(slos, numerator);
    const bottom = find(slos, denominator);
    if (!top || !bottom) return;
    const value = wall(top) / wall(bottom);
    checks.push({
      name: `${name}, ${count(slos)} SLOs`,
      measured: `${value.toFixed(2)}x`,
      limit: `<= ${limit}x`,
      pass: value <= limit,
    });
  };
  ratio("synth / hand-written cdktf", 1000, "synth", "cdktf-baseline", 1);
  ratio("synth after a one-file change / synth", 5000, "synth-incremental", "synth", 0.35);
  for (const slos of sizes) ratio("validate / YAML parse", slos, "validate", "yaml-parse", 3);
  for (const slos of sizes) ratio("diff / synth", slos, "diff", "synth", 2);
  for (const operation of ["validate", "synth", "synth-incremental", "diff"] as const) {
    const measurement = find(5000, operation);
    if (!measurement) continue;
    const mb = peakMb(measurement);
    checks.push({
      name: `peak RSS of ${operation}, 5,000 SLOs`,
      measured: `${Math.round(mb)} MB`,
      limit: `<= ${MEMORY_LIMIT_MB} MB`,
      pass: mb <= MEMORY_LIMIT_MB,
    });
  }
  return checks;
}

/** The results as Markdown: the machine, the measurements, the side-by-side ratios and the targets. */
export function formatReport(
  machine: Machine,
  measurements: readonly Measurement[],
  checks: readonly TargetCheck[],
  totalSeconds: number,
): string {
  const find = (slos: number, operation: Operation) =>
    measurements.find((m) => m.slos === slos && m.operation === operation);
  const sizes = [...new Set(measurements.map((m) => m.slos))].sort((a, b) => a - b);
  const rows = measurements.map((m) =>
    row([
      count(m.slos),
      String(m.files),
      LABELS[m.operation],
      seconds(wall(m)),
      seconds(median(m.runs.map((run) => run.processMs))),
      `${Math.round(peakMb(m))} MB`,
      String(m.runs.length),
    ]),
  );
  const ratioOf = (slos: number, top: Operation, bottom: Operation): string => {
    const a = find(slos, top);
    const b = find(slos, bottom);
    return a && b ? `${(wall(a) / wall(b)).toFixed(2)}x` : "-";
  };
  const ratios = sizes.map((slos) =>
    row([
      count(slos),
      ratioOf(slos, "synth", "cdktf-baseline"),
      ratioOf(slos, "synth-incremental", "synth"),
      ratioOf(slos, "validate", "yaml-parse"),
      ratioOf(slos, "diff", "synth"),
    ]),
  );
  return [
    "# slocc benchmark",
    "",
    `Machine: ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB memory, Node.js ` +
      `${machine.node}; ${machine.date}; the whole benchmark took ${Math.round(totalSeconds)} s.`,
    "",
    "Each run is a fresh Node.js process. Wall time is the operation's own (median of the runs; modules already loaded); " +
      "process time adds Node.js start-up and module loading; peak RSS is the process's maximum resident set size (the highest of the runs).",
    "",
    row(["SLOs", "files", "operation", "wall time", "process time", "peak RSS", "runs"]),
    row(["---:", "---:", "---", "---:", "---:", "---:", "---:"]),
    ...rows,
    "",
    "Ratios of median wall times, side by side on the same corpus:",
    "",
    row(["SLOs", "synth / hand-written cdktf", "synth again / synth", "validate / YAML parse", "diff / synth"]),
    row(["---:", "---:", "---:", "---:", "---:"]),
    ...ratios,
    "",
    row(["target", "measured", "limit", "result"]),
    row(["---", "---:", "---:", "---"]),
    ...checks.map((check) => row([check.name, check.measured, check.limit, check.pass ? "PASS" : "MISS"])),
    "",
  ].join("\n");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function count(slos: number): string {
  return slos.toLocaleString("en-US");
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
