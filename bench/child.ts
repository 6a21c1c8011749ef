import { performance } from "node:perf_hooks";
import type { ChildArgs, ChildReport, Detail } from "./protocol.js";

/**
 * Runs one measured operation in this process and prints its report. `prepare` is not timed (it
 * reads the inputs a real program would have as literals); `run` is. Peak RSS is the process's,
 * read at the end, so it covers module loading, preparation and the operation.
 */
export function measureInChild<T>(
  prepare: (args: ChildArgs) => Promise<T> | T,
  run: (input: T) => Promise<Detail>,
): void {
  const main = async (): Promise<void> => {
    const args = JSON.parse(process.argv[2] ?? "{}") as ChildArgs;
    const input = await prepare(args);
    const started = performance.now();
    const detail = await run(input);
    const ms = performance.now() - started;
    const report: ChildReport = { ms, maxRssKb: process.resourceUsage().maxRSS, detail };
    process.stdout.write(`${JSON.stringify(report)}\n`);
  };
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
