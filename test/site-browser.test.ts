/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, runsChromium, chromiumSkipNote } from "./support/chromium.js";
import { runCli } from "./support/cli.js";
import { compileTexts, tempDir } from "./support/compile.js";
import { measuredPreview } from "./support/preview.js";
import { serveDirectory, type StaticServer } from "./support/static-server.js";
import { HOSTILE, HOSTILE_SPEC, PAYMENTS_SPEC, SITE_TODAY, TELEMETRY_SPEC } from "./support/site-specs.js";

/** Where the test run leaves a picture of a service page for people to look at (git-ignored). */
const SCREENSHOT = join(__dirname, "output", "site-service-page.png");

const SPECS = {
  "slos/payments.yaml": PAYMENTS_SPEC,
  "slos/telemetry.yaml": TELEMETRY_SPEC,
  "slos/hostile.yaml": HOSTILE_SPEC,
};

/** What the browser saw besides the pages: requests that left the site, console errors, failed loads. */
const seen = {
  requests: [] as string[],
  leaving: [] as string[],
  consoleErrors: [] as string[],
  failed: [] as string[],
};

let site: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The 30d SLI the preview gives an SLO, as the page should show it. */
let measured30d: Record<string, number>;

/** Opens a page of the site and waits for it to load. */
async function visit(path: string, on: Page = page): Promise<void> {
  const response = await on.goto(`${server.origin}/${path}`);
  expect(response?.status()).toBe(200);
}

/** The text a person reads on the page. */
const visibleText = (on: Page = page) => on.locator("body").innerText();

describe.skipIf(!runsChromium)(`the site in chromium${chromiumSkipNote}`, () => {
  beforeAll(async () => {
    const dir = await tempDir("slocc-site-browser-");
    await mkdir(join(dir, "slos"));
    for (const [path, text] of Object.entries(SPECS)) await writeFile(join(dir, path), text);
    const model = compileTexts(SPECS, { today: SITE_TODAY }).value?.model;
    if (!model) throw new Error("the specs of the site's tests do not compile");
    // The hostile service is left out of the report: its page says it has no data.
    const preview = measuredPreview(model, {
      to: "2026-11-05",
      noData: ["telemetry/heartbeat"],
      dips: ["payments/checkout-availability"],
      absent: ["hostile/entry-availability"],
    });
    measured30d = Object.fromEntries(
      preview.slos.map((slo) => [slo.slo, slo.windows.find((w) => w.window === "30d")?.sli ?? Number.NaN]),
    );
    await writeFile(join(dir, "preview.json"), JSON.stringify(preview));
    const run = await runCli(["site", "--out", "site", "--today", SITE_TODAY, "--preview", "preview.json"], dir, {});
    expect(run.code).toBe(0);
    site = join(dir, "site");
    [server, browser] = await Promise.all([serveDirectory(site), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    // Every request that is not for the site itself is refused, and counted.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      seen.requests.push(url);
      if (url.startsWith(`${server.origin}/`) || url.startsWith(`${pathToFileURL(site).href}/`))
        return route.continue();
      seen.leaving.push(url);
      return route.abort("blockedbyclient");
    });
    context.on("page", watch);
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  function watch(watched: Page): void {
    watched.on("console", (message) => {
      if (message.type() === "error") seen.consoleErrors.push(`${watched.url()}: ${message.text()}`);
    });
    watched.on("pageerror", (error) => seen.consoleErrors.push(`${watched.url()}: ${error.message}`));
    watched.on("dialog", (dialog) => {
      seen.consoleErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    watched.on("requestfailed", (request) => {
      if (!seen.leaving.includes(request.url())) seen.failed.push(request.url());
    });
    watched.on("response", (response) => {
      if (response.status() >= 400) seen.failed.push(`${response.status()} ${response.url()}`);
    });
  }

  it("lists every service on the index with its owner, linked to its page", async () => {
    await visit("index.html");
    const rows = page.locator("#services tbody tr");
    expect(await rows.count()).toBe(3);
    const cells = await rows.evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("th a")?.textContent, tr.querySelector("td")?.textContent]),
    );
    expect(cells).toEqual([
      ["hostile", "hostile-team"],
      ["payments", "payments-sre"],
      ["telemetry", "fleet-sre"],
    ]);
    expect(await rows.nth(1).locator("td").nth(2).innerText()).toContain("overdue");
  });

  it("filters the index by text and by owner once its script runs", async () => {
    await visit("index.html");
    const shown = () => page.locator("#services tbody tr:visible th a").allTextContents();
    expect(await page.locator("#filter").isVisible()).toBe(true);
    await page.fill("#filter-text", "reporting");
    expect(await shown()).toEqual(["telemetry"]);
    await page.fill("#filter-text", "");
    await page.selectOption("#filter-owner", "payments-sre");
    expect(await shown()).toEqual(["payments"]);
    expect(await page.locator("#filter-count").innerText()).toBe("1 of 3 shown");
  });

  it("lists every service without its script, and hides the filter it cannot run", async () => {
    const scriptless = await browser.newContext({ javaScriptEnabled: false });
    await scriptless.route("**/*", (route) =>
      route.request().url().startsWith(`${server.origin}/`) ? route.continue() : route.abort(),
    );
    const plain = await scriptless.newPage();
    await visit("index.html", plain);
    expect(await plain.locator("#services tbody tr:visible").count()).toBe(3);
    expect(await plain.locator("#filter").isVisible()).toBe(false);
    await scriptless.close();
  });

  it("opens a service's page from its link", async () => {
    await visit("index.html");
    await page.getByRole("link", { name: "payments", exact: true }).click();
    await page.waitForURL(`${server.origin}/services/payments.html`);
    expect(await page.locator("h1").innerText()).toBe("payments");
  });

  it("shows each SLO of a service with its targets, the budget as time, the journey ceiling and the overdue review", async () => {
    await visit("services/payments.html");
    const text = await visibleText();
    for (const shown of [
      "Checkout availability",
      "payments checkout-latency",
      "99.99%",
      "99.995%",
      "95%",
      "4 min 19 s per 30 days",
      "1 d 12 h per 30 days",
      "99.8401%",
      "overdue by 97 days",
      "@pagerduty-payments",
      "https://wiki.example.com/payments/runbook",
    ])
      expect(text).toContain(shown);
    expect(await page.locator("section.slo h3").allInnerTexts()).toEqual([
      "Checkout availability",
      "payments checkout-latency",
    ]);
    await mkdir(join(__dirname, "output"), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = await readFile(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });

  it("shows each measured 30d SLI to two decimals, with a chart that has a text alternative", async () => {
    await visit("services/payments.html");
    const text = await visibleText();
    for (const slo of ["checkout-availability", "checkout-latency"])
      expect(text).toContain(`${(measured30d[slo] ?? Number.NaN).toFixed(2)}%`);
    const charts = page.locator("svg[role=img]");
    expect(await charts.count()).toBe(2);
    const alternative = await charts
      .first()
      .evaluate((svg) =>
        (svg.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent ?? ""),
      );
    expect(alternative[0]).toContain("Daily SLI of Checkout availability against its 99.99% target");
    expect(alternative[1]).toMatch(/^Lowest .* on 2026-10-26; 1 of 30 days below the 99.99% target;/);
    const box = await charts.first().boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(await charts.first().locator("circle.below").count()).toBe(1);
  });

  it("says no data for an SLO without data, and for one the preview does not measure", async () => {
    await visit("services/telemetry.html");
    const heartbeat = page.locator("#slo-heartbeat");
    expect(await heartbeat.innerText()).toMatch(/No data: Datadog has no data for its queries/);
    expect(await heartbeat.locator("svg").count()).toBe(0);
    expect(await page.locator("#slo-position-freshness svg[role=img]").count()).toBe(1);
    await visit("services/hostile.html");
    expect(await visibleText()).toContain("No data: the preview does not measure this SLO.");
  });

  it("shows a hostile spec's texts as text: no element added, no script run", async () => {
    await visit("services/hostile.html");
    const text = await visibleText();
    for (const where of ["service", "journey", "slo", "correction"]) expect(text).toContain(`${where} ${HOSTILE}`);
    expect(await page.locator("h3").first().innerText()).toBe(`title ${HOSTILE}`);
    expect(await page.evaluate(() => (window as { __injected?: unknown }).__injected)).toBeUndefined();
    expect(await page.locator("img, script, iframe, object, embed").count()).toBe(0);
    const runbook = await page.locator("a", { hasText: "https://wiki.example.com/x" }).first().getAttribute("href");
    expect(runbook).toBe("https://wiki.example.com/x%22%3E%3Cscript%3Ewindow.__injected=3%3C/script%3E");
  });

  it("has one h1 per page and headings that never skip a level", async () => {
    for (const path of ["index.html", "services/payments.html", "services/telemetry.html", "services/hostile.html"]) {
      await visit(path);
      const levels = await page
        .locator("h1, h2, h3, h4, h5, h6")
        .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels.filter((level) => level === 1)).toHaveLength(1);
      expect(levels[0]).toBe(1);
      const jumps = levels.slice(1).filter((level, index) => level > (levels[index] ?? 0) + 1);
      expect(jumps, path).toEqual([]);
    }
  });

  it("writes text with a contrast of at least 4.5:1 against its background", async () => {
    await visit("services/payments.html");
    const low = await page.evaluate(() => {
      const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
        const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      /** The background an element's text is drawn on: its own, or the nearest ancestor's, over white. */
      const background = (element: Element | null): number[] => {
        for (let at = element; at; at = at.parentElement) {
          const [r, g, b, a = 1] = rgb(getComputedStyle(at).backgroundColor);
          if (a > 0) return [r ?? 255, g ?? 255, b ?? 255].map((c) => c * a + 255 * (1 - a));
        }
        return [255, 255, 255];
      };
      const failing: string[] = [];
      for (const element of document.body.querySelectorAll("*")) {
        const hasText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!hasText || element.closest("svg")) continue;
        const fore = luminance(rgb(getComputedStyle(element).color));
        const back = luminance(background(element));
        const ratio = (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05);
        if (ratio < 4.5) failing.push(`${element.tagName}.${element.className}: ${ratio.toFixed(2)}`);
      }
      return failing;
    });
    expect(low).toEqual([]);
  });

  it("fits a phone's width without scrolling the page sideways, and prints without the filter", async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await visit("services/payments.html", phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await visit("index.html", phone);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.emulateMedia({ media: "print" });
    expect(await phone.locator("#filter").isVisible()).toBe(false);
    expect(await phone.locator("#services tbody tr:visible").count()).toBe(3);
    await phone.close();
  });

  it("works from the files themselves, with no server: its stylesheet applies", async () => {
    const local = await context.newPage();
    const url = pathToFileURL(join(site, "services", "payments.html")).href;
    await local.goto(url);
    expect(
      await local
        .locator(".status.bad")
        .first()
        .evaluate((e) => getComputedStyle(e).color),
    ).toBe("rgb(161, 34, 27)");
    await local.close();
  });

  it("sent no request out of the site, and met no console error and no failed load", () => {
    expect(seen.requests.filter((url) => url.startsWith(server.origin)).length).toBeGreaterThan(10);
    expect(seen.leaving).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.failed).toEqual([]);
  });
});
