/// <reference lib="dom" />
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewReport } from "../src/preview/report.js";
import { sloAnchor } from "../src/site/service-page.js";
import { launchChromium, runsChromium, chromiumSkipNote } from "./support/chromium.js";
import { runCli, type CliRun } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { SPECS, TO, heldOutData } from "./support/held-out.js";
import { startMetricsStandIn, type MetricsStandIn } from "./support/metrics-stand-in.js";
import { serveDirectory, type StaticServer } from "./support/static-server.js";

const KEYS = { apiKey: "api-key-1d7f30", appKey: "app-key-9e04b5" };
const TODAY = TO.slice(0, 10);

let api: MetricsStandIn;
let dir: string;
let report: PreviewReport;
let live: CliRun;

beforeAll(async () => {
  api = await startMetricsStandIn({ series: heldOutData().series, keys: KEYS });
  dir = await tempDir("slocc-site-measured-");
  for (const [name, text] of Object.entries(SPECS)) await writeFile(join(dir, name), text);
  const env = { DD_API_KEY: KEYS.apiKey, DD_APP_KEY: KEYS.appKey, DD_HOST: api.url };
  const preview = await runCli(
    ["preview", ".", "--to", TO, "--format", "json", "--json-out", "preview.json"],
    dir,
    env,
  );
  expect(preview.code, preview.stderr).toBe(0);
  report = JSON.parse(await readFile(join(dir, "preview.json"), "utf8")) as PreviewReport;
  const site = await runCli(["site", ".", "--out", "site", "--today", TODAY, "--preview", "preview.json"], dir, {});
  expect(site.code, site.stderr).toBe(0);
  live = await runCli(["site", ".", "--out", "live", "--today", TODAY], dir, env);
});

afterAll(async () => {
  await api.close();
});

describe(`the site of specs measured by slocc preview against the metrics stand-in${chromiumSkipNote}`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const leaving: string[] = [];

  beforeAll(async () => {
    if (!runsChromium) return;
    [server, browser] = await Promise.all([serveDirectory(join(dir, "site")), launchChromium()]);
    page = await browser.newPage();
    await page.route("**/*", (route) => {
      if (route.request().url().startsWith(`${server.origin}/`)) return route.continue();
      leaving.push(route.request().url());
      return route.abort("blockedbyclient");
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The text of an SLO's section on its service's page, as a person reads it. */
  async function sloSection(stack: string, slo: string): Promise<string> {
    await page.goto(`${server.origin}/services/${stack}.html`);
    const section = page.locator(`section.slo[id="${sloAnchor(slo)}"]`);
    expect(await section.count()).toBe(1);
    return (await section.innerText()).replace(/\s+/g, " ");
  }

  it.runIf(runsChromium)(
    "shows each measured SLO's 30d SLI with two decimals, and no data where there is none",
    async () => {
      const with30d = report.slos.filter((slo) => slo.windows.some((window) => window.window === "30d"));
      expect(with30d.filter((slo) => slo.status === "ok").length).toBeGreaterThan(2);
      expect(with30d.filter((slo) => slo.status === "no-data").length).toBeGreaterThan(0);
      for (const slo of with30d) {
        const text = await sloSection(slo.stack, slo.slo);
        const sli = slo.windows.find((window) => window.window === "30d")?.sli;
        if (slo.status === "ok" && sli !== null && sli !== undefined)
          expect({ slo: slo.slo, text }).toEqual({ slo: slo.slo, text: expect.stringContaining(`${sli.toFixed(2)}%`) });
        if (slo.status === "no-data")
          expect({ slo: slo.slo, text }).toEqual({ slo: slo.slo, text: expect.stringMatching(/no data/i) });
      }
    },
  );

  it.runIf(runsChromium)("draws an inline SVG chart of the daily SLI, with its text alternative", async () => {
    const measured = report.slos.find((slo) => slo.status === "ok" && slo.days.some((day) => day.sli !== null));
    expect(measured).toBeDefined();
    await page.goto(`${server.origin}/services/${measured?.stack ?? ""}.html`);
    const charts = page.locator("svg[role='img']");
    expect(await charts.count()).toBeGreaterThan(0);
    const labelledBy = (await charts.first().getAttribute("aria-labelledby")) ?? "";
    expect(labelledBy.length).toBeGreaterThan(0);
    for (const id of labelledBy.split(/\s+/))
      expect((await page.locator(`[id="${id}"]`).first().textContent())?.trim().length).toBeGreaterThan(0);
    expect(leaving).toEqual([]);
  });
});

describe("the site with Datadog's keys and no preview file", () => {
  it("measures every SLO itself, as slocc preview does, and shows what it measured", async () => {
    expect(live.code, live.stderr).toBe(0);
    expect(live.stderr).toMatch(/measured \d+ SLOs \(\d+ requests to Datadog\)/);
    const index = await readFile(join(dir, "live", "index.html"), "utf8");
    expect(index).not.toContain(KEYS.apiKey);
    const page = await readFile(join(dir, "live", "services", "checkout.html"), "utf8");
    expect(page).toMatch(/<h4>Measured<\/h4>/);
  });

  it("measures nothing with --no-measure, and nothing without the keys", async () => {
    const before = api.received.length;
    const off = await runCli(["site", ".", "--out", "off", "--today", TODAY, "--no-measure"], dir, {
      DD_API_KEY: KEYS.apiKey,
      DD_APP_KEY: KEYS.appKey,
      DD_HOST: api.url,
    });
    const keyless = await runCli(["site", ".", "--out", "keyless", "--today", TODAY], dir, {});
    expect([off.code, keyless.code]).toEqual([0, 0]);
    expect(api.received.length).toBe(before);
    expect(await readFile(join(dir, "off", "services", "checkout.html"), "utf8")).not.toMatch(/<h4>Measured<\/h4>/);
  });
});

describe("explain with the preview report", () => {
  it("shows each SLO explained as the report measured it, in JSON as its `measured`", async () => {
    const run = await runCli(
      ["explain", "checkout", "--dir", ".", "--today", TODAY, "--format", "json", "--preview", "preview.json"],
      dir,
      {},
    );
    expect(run.code, run.stderr).toBe(0);
    const explained = (JSON.parse(run.stdout) as { slos: { service: string; slo: string; measured: unknown }[] }).slos;
    expect(explained.length).toBeGreaterThan(0);
    for (const e of explained)
      expect(e.measured).toEqual(report.slos.find((slo) => slo.stack === e.service && slo.slo === e.slo) ?? null);
  });

  it("adds the measured SLI of each window to the text, as slocc preview prints it", async () => {
    const run = await runCli(
      ["explain", "checkout", "--dir", ".", "--today", TODAY, "--preview", "preview.json"],
      dir,
      {},
    );
    expect(run.code, run.stderr).toBe(0);
    const measured = report.slos.filter((slo) => slo.stack === "checkout" && slo.status === "ok");
    expect(measured.length).toBeGreaterThan(0);
    for (const slo of measured) {
      expect(run.stdout).toContain(`checkout/${slo.slo} (${slo.kind})`);
      for (const window of slo.windows)
        if (window.sli !== null) expect(run.stdout).toContain(`${Number(window.sli.toFixed(4))}%`);
    }
  });
});
