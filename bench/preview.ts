import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { runCli } from "../test/support/cli.js";
import { GENERATED_TO, generatedSeries, generatedSpecs } from "../test/support/generated-slos.js";
import { startMetricsStandIn } from "../test/support/metrics-stand-in.js";

/**
 * The time and requests of a preview of 100 generated SLOs against the metrics stand-in serving 91
 * days of per-minute data (the stand-in runs in the same process, so its work is in the time).
 */
async function main(): Promise<void> {
  const keys = { apiKey: "bench-api-key", appKey: "bench-app-key" };
  const api = await startMetricsStandIn({ series: generatedSeries(true), keys });
  const dir = await mkdtemp(join(tmpdir(), "slocc-bench-preview-"));
  for (const [name, text] of Object.entries(generatedSpecs())) await writeFile(join(dir, name), text);
  const env = { DD_API_KEY: keys.apiKey, DD_APP_KEY: keys.appKey, DD_HOST: api.url };
  const runs: number[] = [];
  let requests = 0;
  for (let run = 0; run < 3; run++) {
    const before = api.received.length;
    const start = performance.now();
    const result = await runCli(["preview", ".", "--to", GENERATED_TO, "--format", "json"], dir, env);
    runs.push(performance.now() - start);
    requests = api.received.length - before;
    if (result.code !== 0) throw new Error(result.stderr);
  }
  await api.close();
  const median = [...runs].sort((a, b) => a - b)[1] ?? 0;
  process.stdout.write(
    `preview of 100 SLOs: ${requests} requests, median ${(median / 1000).toFixed(2)} s of 3 runs (${runs.map((ms) => (ms / 1000).toFixed(2)).join(", ")} s)\n`,
  );
}

void main();
