import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { GENERATED_TO, generatedSeries, generatedSpecs } from "../test/support/generated-slos.js";
import { SPECS, TO, heldOutData } from "../test/support/held-out.js";
import { startMetricsStandIn, type MinuteSeries } from "../test/support/metrics-stand-in.js";

/**
 * The time and requests of a preview of the held-out set of services (9 SLOs) and of 100 generated
 * SLOs against the metrics stand-in serving 91 days of per-minute data: the built `slocc` in a
 * child process, as a user runs it (Node.js start included), the stand-in in this one.
 */

/** The built command line, from dist-bench/bench/. */
const BINARY = join(__dirname, "..", "..", "bin", "slocc.js");

/** Runs the built `slocc` with `args` in `cwd`; resolves to its exit code and stderr. */
function slocc(
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINARY, ...args], {
      cwd,
      env: { PATH: process.env["PATH"] ?? "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (text: string) => void (stderr += text));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}
/** The requests and median wall time of 3 previews of `specs` against a stand-in serving `series`. */
async function measure(
  specs: Readonly<Record<string, string>>,
  series: Map<string, MinuteSeries>,
  to: string,
): Promise<{ requests: number; runs: number[] }> {
  const keys = { apiKey: "bench-api-key", appKey: "bench-app-key" };
  const api = await startMetricsStandIn({ series, keys });
  const dir = await mkdtemp(join(tmpdir(), "slocc-bench-preview-"));
  for (const [name, text] of Object.entries(specs)) await writeFile(join(dir, name), text);
  const env = { DD_API_KEY: keys.apiKey, DD_APP_KEY: keys.appKey, DD_HOST: api.url };
  const runs: number[] = [];
  let requests = 0;
  for (let run = 0; run < 3; run++) {
    const before = api.received.length;
    const start = performance.now();
    const result = await slocc(["preview", ".", "--to", to, "--format", "json"], dir, env);
    runs.push(performance.now() - start);
    requests = api.received.length - before;
    if (result.code !== 0) throw new Error(result.stderr);
  }
  await api.close();
  return { requests, runs };
}

function line(name: string, { requests, runs }: { requests: number; runs: number[] }): string {
  const median = [...runs].sort((a, b) => a - b)[1] ?? 0;
  const each = runs.map((ms) => (ms / 1000).toFixed(2)).join(", ");
  return `${name}: ${requests} requests, median ${(median / 1000).toFixed(2)} s of 3 runs (${each} s)\n`;
}

async function main(): Promise<void> {
  const heldOut = heldOutData();
  process.stdout.write(line("held-out set, 9 SLOs", await measure(SPECS, heldOut.series, TO)));
  process.stdout.write(
    line("100 generated SLOs", await measure(generatedSpecs(), generatedSeries(true), GENERATED_TO)),
  );
}

void main();
