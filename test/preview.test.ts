import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewReport, PreviewSlo } from "../src/preview/report.js";
import { runCli, type CliRun } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { END, SPECS, TO, heldOutData, type Expected } from "./support/held-out.js";
import { DAY, expectedEpisodes, sliOver } from "./support/metric-data.js";
import { startMetricsStandIn, type MetricsStandIn } from "./support/metrics-stand-in.js";

const KEYS = { apiKey: "api-key-5b9e01", appKey: "app-key-c47d22" };

let api: MetricsStandIn;
let dir: string;
let run: CliRun;
let report: PreviewReport;
let markdown: string;
const { series, expected } = heldOutData();

beforeAll(async () => {
  api = await startMetricsStandIn({ series, keys: KEYS });
  dir = await tempDir("slocc-preview-");
  for (const [name, text] of Object.entries(SPECS)) await writeFile(join(dir, name), text);
  const env = { DD_API_KEY: KEYS.apiKey, DD_APP_KEY: KEYS.appKey, DD_HOST: api.url };
  run = await runCli(["preview", dir, "--to", TO, "--format", "markdown", "--json-out", "preview.json"], dir, env);
  report = JSON.parse(await readFile(join(dir, "preview.json"), "utf8")) as PreviewReport;
  markdown = run.stdout;
});

afterAll(async () => {
  await api.close();
});

function previewOf(stack: string, slo: string): PreviewSlo {
  const found = report.slos.find((preview) => preview.stack === stack && preview.slo === slo);
  if (!found) throw new Error(`no preview of ${stack}/${slo}`);
  return found;
}

const seconds = (iso: string) => Date.parse(iso) / 1000;
const codes = (preview: PreviewSlo) => preview.problems.map((problem) => problem.code);

describe("a preview of a held-out set of services against 91 days of per-minute data", () => {
  it("runs, and lists every SLO of the specs, the monitor SLI and those without data included", () => {
    expect(run.code).toBe(0);
    expect(report.to).toBe(new Date(END * 1000).toISOString().replace(".000Z", "Z"));
    expect(report.slos.map((preview) => `${preview.stack}/${preview.slo}`).sort()).toEqual([
      "checkout/availability",
      "checkout/latency",
      "checkout/payment-attempts",
      "checkout/search-availability",
      "payments-prod/capture-availability",
      "payments-staging/capture-availability",
      "rides/ride-start-availability",
      "rides/ride-start-latency",
      "rides/vehicle-connectivity",
    ]);
  });

  it("makes at most 150 requests to the metrics API", () => {
    expect(api.received.length).toBeGreaterThan(0);
    expect(api.received.length).toBeLessThanOrEqual(150);
    expect(run.stderr).toContain(`${api.received.length} requests to Datadog`);
  });

  it.each(expected.map((slo) => [`${slo.stack}/${slo.slo}`, slo] as const))(
    "measures %s over each window within 0.01 points of the data's SLI and 0.03 of its budget",
    (_name, slo: Expected) => {
      const preview = previewOf(slo.stack, slo.slo);
      expect(preview.status).toBe("ok");
      for (const { window, target } of slo.windows) {
        const measured = preview.windows.find((found) => found.window === window);
        const sli = sliOver(slo.counter, END - Number.parseInt(window, 10) * DAY, END);
        expect(measured?.target).toBe(target);
        expect(Math.abs((measured?.sli ?? NaN) - sli)).toBeLessThanOrEqual(0.01);
        expect(Math.abs((measured?.budgetSpent ?? NaN) - (100 - sli) / (100 - target))).toBeLessThanOrEqual(0.03);
      }
    },
  );

  it.each(expected.map((slo) => [`${slo.stack}/${slo.slo}`, slo] as const))(
    "replays each burn-rate tier of %s: its episodes counted exactly, each starting within an hour of the data's",
    (_name, slo: Expected) => {
      const preview = previewOf(slo.stack, slo.slo);
      const from = END - slo.primaryDays * DAY;
      const target = slo.windows.find((window) => Number.parseInt(window.window, 10) === slo.primaryDays)?.target ?? 0;
      const burnRate = preview.alerts.filter((alert) => alert.kind === "burn-rate");
      expect(burnRate.map((alert) => [alert.severity, alert.factor])).toEqual(
        slo.tiers.map((t) => [t.severity, t.factor]),
      );
      slo.tiers.forEach((tier, index) => {
        const episodes = expectedEpisodes(slo.counter, { ...tier, target }, from, END);
        if (tier.designed !== undefined) expect(episodes).toHaveLength(tier.designed);
        const found = burnRate[index]?.episodes ?? [];
        expect(found).toHaveLength(episodes.length);
        found.forEach((episode, at) => {
          expect(Math.abs(seconds(episode.start) - (episodes[at]?.start ?? NaN))).toBeLessThanOrEqual(3600);
        });
      });
    },
  );

  it("replays the error-budget alert: firing while the share of the budget spent exceeds its threshold", () => {
    const slo = expected.find((found) => found.errorBudget !== undefined);
    const budget = slo?.errorBudget;
    if (!slo || !budget) throw new Error("the set has an error-budget alert");
    const alert = previewOf(slo.stack, slo.slo).alerts.find((found) => found.kind === "error-budget");
    const episodes = expectedEpisodes(
      slo.counter,
      {
        target: budget.target,
        factor: budget.criticalPercent / 100,
        longSeconds: budget.window,
        shortSeconds: budget.window,
      },
      END - slo.primaryDays * DAY,
      END,
    );
    expect(episodes.length).toBeGreaterThan(0);
    expect(alert?.factor).toBe(75);
    expect(alert?.episodes).toHaveLength(episodes.length);
    alert?.episodes.forEach((episode, index) => {
      expect(Math.abs(seconds(episode.start) - (episodes[index]?.start ?? NaN))).toBeLessThanOrEqual(3600);
    });
  });

  it("finds no data where a metric is misspelled and in an environment that sends none", () => {
    for (const [stack, slo] of [
      ["checkout", "search-availability"],
      ["payments-staging", "capture-availability"],
    ] as const) {
      const preview = previewOf(stack, slo);
      expect(preview.status).toBe("no-data");
      expect(codes(preview)).toContain("NO_DATA");
      expect(preview.windows.map((window) => window.sli)).toEqual([null]);
    }
    expect(previewOf("checkout", "search-availability").problems[0]?.message).toContain("checkout.serach.requests");
    const measured = report.slos.filter((preview) => preview.status === "ok");
    for (const preview of measured) expect(codes(preview)).not.toContain("NO_DATA");
  });

  it("finds good events above the total only where the good query counts retries", () => {
    const flagged = report.slos.filter((preview) => codes(preview).includes("GOOD_EXCEEDS_TOTAL"));
    expect(flagged.map((preview) => `${preview.stack}/${preview.slo}`)).toEqual(["checkout/payment-attempts"]);
    expect(flagged[0]?.problems.find((p) => p.code === "GOOD_EXCEEDS_TOTAL")?.message).toContain(
      new Date((END - 7 * DAY) * 1000).toISOString().slice(0, 10),
    );
  });

  it("finds the tier that would page more than once a day, and the targets the data does not meet", () => {
    const noisy = report.slos.filter((preview) => codes(preview).includes("NOISY_TIER"));
    expect(noisy.map((preview) => `${preview.stack}/${preview.slo}`)).toEqual(["checkout/latency"]);
    for (const preview of report.slos) {
      const missed = preview.windows.filter((window) => window.sli !== null && window.sli < window.target);
      expect(codes(preview).filter((code) => code === "TARGET_NOT_MET")).toHaveLength(missed.length);
    }
    expect(codes(previewOf("checkout", "availability"))).toContain("TARGET_NOT_MET");
  });

  it("lists the monitor SLI as skipped, with the reason, and reads nothing for it", () => {
    const preview = previewOf("rides", "vehicle-connectivity");
    expect(preview.status).toBe("skipped");
    expect(codes(preview)).toEqual(["MONITOR_SLI_SKIPPED"]);
    expect(preview.problems[0]?.message).toContain("40100021");
  });

  it("gives the SLI of each UTC day of the primary window", () => {
    const slo = expected[0];
    if (!slo) throw new Error("the set has SLOs");
    const preview = previewOf(slo.stack, slo.slo);
    expect(preview.days).toHaveLength(31);
    const whole = preview.days[5];
    const start = seconds(`${whole?.date ?? ""}T00:00:00Z`);
    expect(Math.abs((whole?.sli ?? NaN) - sliOver(slo.counter, start, start + DAY))).toBeLessThanOrEqual(0.01);
  });

  it("shows every SLO in the Markdown, those without data and the skipped one as such, with the problems", () => {
    expect(markdown).toMatch(/^\| `checkout\/search-availability` \| \*\*no data\*\* \| 30d \| 99\.5% \| no data \|/m);
    expect(markdown).toMatch(/^\| `payments-staging\/capture-availability` \| \*\*no data\*\* \|/m);
    expect(markdown).toMatch(/^\| `rides\/vehicle-connectivity` \| \*\*skipped\*\* \|/m);
    expect(markdown).toContain("`checkout/payment-attempts` **GOOD_EXCEEDS_TOTAL**");
    expect(markdown).toMatch(
      /`checkout\/latency` \| measured \| 30d \| 99% \| [\d.]+% \| [\d.]+% \(.*\) \| page 14\.4x over 1h\/5m: \d+ times/,
    );
  });

  it("writes no key anywhere in its output", () => {
    for (const text of [run.stdout, run.stderr, JSON.stringify(report)]) {
      expect(text).not.toContain(KEYS.apiKey);
      expect(text).not.toContain(KEYS.appKey);
    }
  });
});
