import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PreviewReport } from "../src/preview/report.js";
import { runCli } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { GENERATED_TO, KINDS, generatedSeries, generatedSpecs } from "./support/generated-slos.js";
import { startMetricsStandIn, type MetricsStandIn } from "./support/metrics-stand-in.js";

const KEYS = { apiKey: "api-key-scale-1", appKey: "app-key-scale-2" };

let api: MetricsStandIn | undefined;
afterAll(async () => {
  await api?.close();
});

// The preview of 100 such SLOs, with data, is measured by `npm run bench:preview` (bench/preview.ts).
describe("a preview of generated SLOs, one of each kind a team writes", () => {
  it("sends the requests docs/preview.md counts per SLO, no more, and lists every SLO", async () => {
    api = await startMetricsStandIn({ series: generatedSeries(false), keys: KEYS });
    const dir = await tempDir("slocc-preview-scale-");
    for (const [name, text] of Object.entries(generatedSpecs(1))) await writeFile(join(dir, name), text);
    const env = { DD_API_KEY: KEYS.apiKey, DD_APP_KEY: KEYS.appKey, DD_HOST: api.url };
    const run = await runCli(["preview", ".", "--to", GENERATED_TO, "--json-out", "preview.json"], dir, env);
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, "preview.json"), "utf8")) as PreviewReport;
    expect(report.slos).toHaveLength(KINDS.length);
    expect(new Set(report.slos.map((slo) => slo.status))).toEqual(new Set(["no-data"]));
    expect(api.received).toHaveLength(KINDS.reduce((sum, kind) => sum + kind.requests, 0));
  });
});
