import { readFileSync } from "node:fs";
import { availableParallelism, totalmem } from "node:os";

/** The machine a benchmark ran on, as printed beside its results. */
export interface Machine {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly date: string;
}

/** Describes this machine: processors (as `nproc` counts them), CPU model, memory, Node.js version, date. */
export function describeMachine(now: Date = new Date()): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpuModel(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: now.toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync("/proc/cpuinfo", "utf8")
      .split("\n")
      .find((entry) => entry.startsWith("model name"));
    return line?.split(":")[1]?.trim() ?? "unknown";
  } catch {
    return "unknown";
  }
}
