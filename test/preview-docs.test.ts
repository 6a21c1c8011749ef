import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { MINUTE } from "./support/metric-data.js";
import { startMetricsStandIn, type MetricsStandIn, type MinuteSeries } from "./support/metrics-stand-in.js";

const ROOT = join(__dirname, "..");
const KEYS = { apiKey: "api-key-docs-1", appKey: "app-key-docs-2" };
const COMMANDS = [
  "$ slocc preview --to 2026-12-06T00:00:00Z\n",
  "$ slocc preview --to 2026-12-06T00:00:00Z --format json\n",
];

/**
 * The data docs/preview.md describes for its example: 1,000 requests a minute, 1 error a minute,
 * and 300 a minute from 2026-12-03 14:00 to 14:40 UTC, over the 8 days before the preview's end.
 */
function exampleData(): Map<string, MinuteSeries> {
  const end = Date.parse("2026-12-06T00:00:00Z") / 1000;
  const origin = end - 8 * 86_400;
  const minutes = 8 * 1440;
  const incident = { start: Date.parse("2026-12-03T14:00:00Z") / 1000, end: Date.parse("2026-12-03T14:40:00Z") / 1000 };
  const hits = new Float64Array(minutes).fill(1000);
  const errors = hits.map((_, minute) => {
    const time = origin + minute * MINUTE;
    return time >= incident.start && time < incident.end ? 300 : 1;
  });
  return new Map([
    ["sum:web.hits{service:web}", { origin, values: hits }],
    ["sum:web.errors{service:web}", { origin, values: errors }],
  ]);
}

let api: MetricsStandIn | undefined;
afterAll(async () => {
  await api?.close();
});

describe("docs/preview.md", () => {
  it.each(COMMANDS)("shows the very output of `%s` for its example spec and data", async (command) => {
    const doc = await readFile(join(ROOT, "docs", "preview.md"), "utf8");
    const spec = /```yaml\n(apiVersion:[\s\S]*?)```/.exec(doc)?.[1] ?? "";
    expect(spec).toContain("service: web");
    api ??= await startMetricsStandIn({ series: exampleData(), keys: KEYS });
    const dir = await tempDir("slocc-preview-docs-");
    await writeFile(join(dir, "web.yaml"), spec);
    const env = { DD_API_KEY: KEYS.apiKey, DD_APP_KEY: KEYS.appKey, DD_HOST: api.url };
    const run = await runCli([...command.slice(2).trim().split(" ").slice(1), "--dir", "."], dir, env);
    expect(run.code).toBe(0);
    expect(doc).toContain(command);
    const shown = doc.slice(doc.indexOf(command) + command.length).split("```")[0];
    // What a terminal shows: the report, then the count of SLOs and requests on stderr.
    expect(run.stdout + run.stderr).toBe(shown);
  });
});
