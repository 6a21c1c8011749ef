import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { datadogAppUrl } from "../src/datadog/app-url.js";
import type { PreviewReport } from "../src/preview/report.js";
import { escapeHtml, html, Html, safeUrl } from "../src/site/html.js";
import { renderSite } from "../src/site/site.js";
import { epochSeconds, parseDateTime } from "../src/util/zoned-time.js";
import { serviceCatalog } from "../src/views/catalog.js";
import { nextOccurrences } from "../src/views/occurrences.js";
import { runCli } from "./support/cli.js";
import { compileTexts, readTree, tempDir } from "./support/compile.js";
import { measuredPreview } from "./support/preview.js";
import {
  ADOPTED_SLO_ID,
  HOSTILE,
  HOSTILE_SPEC,
  PAYMENTS_SPEC,
  SITE_TODAY,
  TELEMETRY_SPEC,
} from "./support/site-specs.js";

const SPECS = { "slos/payments.yaml": PAYMENTS_SPEC, "slos/telemetry.yaml": TELEMETRY_SPEC };

/** A directory holding `slos/` with the given specs, and the preview of them when asked. */
async function project(specs: Record<string, string> = SPECS, preview?: PreviewReport): Promise<string> {
  const dir = await tempDir("slocc-site-");
  await mkdir(join(dir, "slos"));
  for (const [path, text] of Object.entries(specs)) await writeFile(join(dir, path), text);
  if (preview) await writeFile(join(dir, "preview.json"), JSON.stringify(preview));
  return dir;
}

function modelOf(specs: Record<string, string>) {
  const compiled = compileTexts(specs, { today: SITE_TODAY });
  if (!compiled.value) throw new Error(compiled.diagnostics.map((d) => d.message).join("\n"));
  return compiled.value.model;
}

/** Written as of the day after the preview's 30 days. */
const PREVIEW = measuredPreview(modelOf(SPECS), {
  to: "2026-11-05",
  noData: ["telemetry/heartbeat"],
  dips: ["payments/checkout-availability"],
});

/** Every tag of a page's markup that loads or runs something: scripts, stylesheets, images, frames, objects. */
function loadingTags(text: string): string[] {
  return [...text.matchAll(/<(script|link|img|iframe|object|embed|audio|video|source)\b[^>]*>/gi)].map((m) => m[0]);
}

describe("the html template", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    [`"><img src=x onerror=alert(1)>`, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"],
    ["it's & more", "it&#39;s &amp; more"],
    ["nul \0 and bell \x07 go, tab\tand line\nstay", "nul \ufffd and bell \ufffd go, tab\tand line\nstay"],
    ["lone \ud800 surrogate, pair 😀 kept", "lone \ufffd surrogate, pair 😀 kept"],
  ])("escapes %j in text and attributes", (value, escaped) => {
    expect(escapeHtml(value)).toBe(escaped);
    expect(html`<p title="${value}">${value}</p>`.text).toBe(`<p title="${escaped}">${escaped}</p>`);
  });

  it("inserts its own markup as it is, joins lists and leaves out undefined, null and false", () => {
    const inner = html`<b>${"<i>"}</b>`;
    expect(html`<p>${inner}${[1, " & ", inner]}${undefined}${null}${false}</p>`.text).toBe(
      "<p><b>&lt;i&gt;</b>1 &amp; <b>&lt;i&gt;</b></p>",
    );
  });

  it("refuses an attribute value without quotes, where a value could add attributes", () => {
    expect(() => html`<p title=${"x onmouseover=alert(1)"}></p>`).toThrow(/unquoted attribute/);
    expect(html`<p>a = ${"<b>"}</p>`.text).toBe("<p>a = &lt;b&gt;</p>");
  });

  it("cannot be made outside its module: nothing else can claim a text is safe HTML", () => {
    const forged = Symbol("made by the html tag") as never;
    expect(() => new Html(forged, "<script>")).toThrow(/html tag only/);
  });

  it("refuses a URL attribute given plain text, and a checked URL anywhere else", () => {
    expect(() => html`<a href="${"javascript:alert(1)"}"></a>`).toThrow(/SafeUrl/);
    expect(() => html`<p>${safeUrl("https://example.com")}</p>`).toThrow(/SafeUrl/);
    expect(html`<a href="${safeUrl("https://example.com/a?b=1&c=2")}">x</a>`.text).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2">x</a>',
    );
  });

  it.each([
    ["https://wiki.example.com/runbook", "https://wiki.example.com/runbook"],
    ['https://wiki.example.com/x"><script>', "https://wiki.example.com/x%22%3E%3Cscript%3E"],
    ["services/payments.html", "services/payments.html"],
    ["../index.html", "../index.html"],
    ["#slo-checkout", "#slo-checkout"],
    ["javascript:alert(1)", undefined],
    [" JavaScript:alert(1)", undefined],
    ["java\tscript:alert(1)", undefined],
    ["data:text/html,<script>alert(1)</script>", undefined],
    ["vbscript:msgbox(1)", undefined],
    ["//evil.example.com/x", undefined],
    ["\\\\evil.example.com\\x", undefined],
    ["/\\evil.example.com", undefined],
  ])("links %j as %j", (url, linked) => {
    expect(safeUrl(url)?.url).toBe(linked);
  });
});

describe("the Datadog app of a site", () => {
  it.each([
    ["https://api.datadoghq.com", "https://app.datadoghq.com"],
    ["https://api.datadoghq.eu/", "https://app.datadoghq.eu"],
    ["https://api.us3.datadoghq.com", "https://us3.datadoghq.com"],
    ["https://api.us5.datadoghq.com", "https://us5.datadoghq.com"],
    ["https://api.ap1.datadoghq.com", "https://ap1.datadoghq.com"],
    ["https://api.ddog-gov.com", "https://app.ddog-gov.com"],
    ["https://api.us2.ddog-gov.com", "https://us2.ddog-gov.com"],
    ["http://127.0.0.1:8080", undefined],
    ["not a url", undefined],
  ])("is derived from the API address %s as %s", (api, app) => {
    expect(datadogAppUrl(api)).toBe(app);
  });
});

describe("the next times a correction applies", () => {
  const at = (text: string, zone = "UTC") => epochSeconds(parseDateTime(text)!, zone)!;
  const iso = (epoch: number) => new Date(epoch * 1000).toISOString().slice(0, 16);
  const cases: [string, Parameters<typeof nextOccurrences>[0], string, string[]][] = [
    [
      "a daily 02:00 in Tokyo is 17:00 UTC the day before",
      {
        start: at("2026-10-01T02:00", "Asia/Tokyo"),
        rrule: "FREQ=DAILY",
        durationSeconds: 1800,
        timezone: "Asia/Tokyo",
      },
      "2026-11-06T00:00",
      ["2026-11-06T17:00", "2026-11-07T17:00", "2026-11-08T17:00"],
    ],
    [
      "a nightly 01:30 in New York keeps its wall clock across the clock change",
      {
        start: at("2026-10-30T01:30", "America/New_York"),
        rrule: "FREQ=DAILY",
        durationSeconds: 600,
        timezone: "America/New_York",
      },
      "2026-10-31T12:00",
      ["2026-11-01T05:30", "2026-11-02T06:30", "2026-11-03T06:30"],
    ],
    [
      "a window going on is listed first",
      { start: at("2026-11-01T23:00"), rrule: "FREQ=DAILY", durationSeconds: 7200, timezone: "UTC" },
      "2026-11-06T00:30",
      ["2026-11-05T23:00", "2026-11-06T23:00", "2026-11-07T23:00"],
    ],
    [
      "every second week",
      { start: at("2026-10-05T10:00"), rrule: "FREQ=WEEKLY;INTERVAL=2", durationSeconds: 3600, timezone: "UTC" },
      "2026-11-06T00:00",
      ["2026-11-16T10:00", "2026-11-30T10:00", "2026-12-14T10:00"],
    ],
    [
      "a monthly rule on the 31st skips the months without one",
      { start: at("2026-10-31T03:00"), rrule: "FREQ=MONTHLY", durationSeconds: 3600, timezone: "UTC" },
      "2026-11-06T00:00",
      ["2026-12-31T03:00", "2027-01-31T03:00", "2027-03-31T03:00"],
    ],
    [
      "COUNT ends the rule, counting from its first time",
      { start: at("2026-11-01T03:00"), rrule: "FREQ=DAILY;COUNT=7", durationSeconds: 60, timezone: "UTC" },
      "2026-11-05T00:00",
      ["2026-11-05T03:00", "2026-11-06T03:00", "2026-11-07T03:00"],
    ],
    [
      "COUNT reached: nothing is left",
      { start: at("2026-11-01T03:00"), rrule: "FREQ=DAILY;COUNT=3", durationSeconds: 60, timezone: "UTC" },
      "2026-11-05T00:00",
      [],
    ],
    [
      "UNTIL as a date ends with that day in the correction's time zone",
      {
        start: at("2026-11-01T22:00", "Europe/Berlin"),
        rrule: "FREQ=DAILY;UNTIL=20261107",
        durationSeconds: 60,
        timezone: "Europe/Berlin",
      },
      "2026-11-06T00:00",
      ["2026-11-06T21:00", "2026-11-07T21:00"],
    ],
    [
      "UNTIL as a UTC instant",
      {
        start: at("2026-11-01T03:00"),
        rrule: "RRULE:FREQ=DAILY;UNTIL=20261107T030000Z",
        durationSeconds: 60,
        timezone: "UTC",
      },
      "2026-11-06T00:00",
      ["2026-11-06T03:00", "2026-11-07T03:00"],
    ],
    [
      "a yearly rule on the 29th of February applies in leap years only",
      { start: at("2024-02-29T00:00"), rrule: "FREQ=YEARLY", durationSeconds: 60, timezone: "UTC" },
      "2026-11-06T00:00",
      ["2028-02-29T00:00", "2032-02-29T00:00", "2036-02-29T00:00"],
    ],
    [
      "a one-off correction to come applies once",
      { start: at("2026-11-20T01:00"), end: at("2026-11-20T02:00"), timezone: "UTC" },
      "2026-11-06T00:00",
      ["2026-11-20T01:00"],
    ],
    [
      "a one-off correction that has ended applies no more",
      { start: at("2026-10-20T01:00"), end: at("2026-10-20T02:00"), timezone: "UTC" },
      "2026-11-06T00:00",
      [],
    ],
  ];
  it.each(cases)("%s", (_, correction, from, expected) => {
    expect(nextOccurrences(correction, at(from), 3).map((o) => iso(o.start))).toEqual(expected);
  });

  it("finds the next daily time years after the first without walking every day", () => {
    const correction = { start: at("2000-01-01T02:00"), rrule: "FREQ=DAILY", durationSeconds: 60, timezone: "UTC" };
    expect(nextOccurrences(correction, at("2026-11-06T12:00"), 1).map((o) => iso(o.start))).toEqual([
      "2026-11-07T02:00",
    ]);
  });
});

describe("the site's pages", () => {
  const services = serviceCatalog(modelOf(SPECS), SITE_TODAY);
  const files = renderSite({
    services,
    today: SITE_TODAY,
    preview: PREVIEW,
    datadogAppUrl: "https://app.datadoghq.eu",
  });
  const text = (path: string) => files.find((file) => file.path === path)?.text ?? "";

  it("are the index, a page per service, the stylesheet and the filter script", () => {
    expect(files.map((file) => file.path)).toEqual([
      "filter.js",
      "index.html",
      "services/payments.html",
      "services/telemetry.html",
      "site.css",
    ]);
  });

  it("load nothing from outside the site: only its own stylesheet and script, by relative paths", () => {
    for (const file of files.filter((f) => f.path.endsWith(".html"))) {
      const root = file.path.startsWith("services/") ? "../" : "";
      const expected = [`<link rel="icon" href="data:,">`, `<link rel="stylesheet" href="${root}site.css">`];
      if (file.path === "index.html") expected.push(`<script src="filter.js" defer>`);
      expect(loadingTags(file.text).sort()).toEqual(expected.sort());
      expect(file.text).toContain(`content="default-src 'none';`);
      expect(file.text).not.toMatch(/@import|@font-face|url\(/);
    }
    expect(text("site.css")).not.toMatch(/@import|@font-face|url\(/);
    expect(text("filter.js")).not.toMatch(/https?:|fetch|XMLHttpRequest|innerHTML|eval/);
  });

  it("show the overdue review on the index and the service's page", () => {
    expect(text("index.html")).toMatch(/<a href="services\/payments.html">payments<\/a>/);
    expect(text("services/payments.html")).toContain('<span class="status bad">overdue</span>');
    expect(text("services/payments.html")).toContain("next review due 2026-08-01 (overdue by 97 days)");
    expect(text("services/telemetry.html")).toContain('<span class="status good">on schedule</span>');
  });

  it("link the adopted SLO to Datadog's app on the site's own host", () => {
    expect(text("services/payments.html")).toContain(
      `<a href="https://app.datadoghq.eu/slo?slo_id=${ADOPTED_SLO_ID}&amp;timeframe=30d">the SLO ${ADOPTED_SLO_ID}</a>`,
    );
  });

  it("list the next three times of a recurring correction, on its time zone's clock", () => {
    expect(text("services/payments.html")).toContain(
      "Next times from 2026-11-06 (Europe/Berlin): 2026-11-10 22:00 to 2026-11-10 23:00; 2026-11-17 22:00 to 2026-11-17 23:00; 2026-11-24 22:00 to 2026-11-24 23:00.",
    );
  });

  it("show each measured SLI to two decimals, and say no data where there is none", () => {
    const measured = PREVIEW.slos.find((slo) => slo.slo === "checkout-availability")?.windows[0]?.sli ?? 0;
    expect(text("services/payments.html")).toContain(`${measured.toFixed(2)}%`);
    expect(text("services/telemetry.html")).toMatch(/<strong>No data<\/strong>: Datadog has no data/);
    expect(text("services/telemetry.html").match(/<svg /g)).toHaveLength(1);
    expect(text("services/payments.html").match(/<svg /g)).toHaveLength(2);
  });

  it("say plainly that an SLO the preview does not measure has no data", () => {
    const partial = { ...PREVIEW, slos: PREVIEW.slos.filter((slo) => slo.slo !== "position-freshness") };
    const page = renderSite({
      services,
      today: SITE_TODAY,
      preview: partial,
      datadogAppUrl: "https://app.datadoghq.com",
    });
    expect(page.find((file) => file.path === "services/telemetry.html")?.text).toContain(
      "<strong>No data</strong>: the preview does not measure this SLO.",
    );
  });

  it("are the same bytes whatever the order the specs are read in", () => {
    const reversed = compileTexts(Object.fromEntries(Object.entries(SPECS).reverse()), { today: SITE_TODAY });
    const again = renderSite({
      services: serviceCatalog(reversed.value!.model, SITE_TODAY),
      today: SITE_TODAY,
      preview: PREVIEW,
      datadogAppUrl: "https://app.datadoghq.eu",
    });
    expect(again).toEqual(files);
  });
});

describe("a service with environments", () => {
  const spec = PAYMENTS_SPEC.replace(`    datadogId: ${ADOPTED_SLO_ID}\n`, "").replace(
    "slos:\n",
    "environments:\n  prod: {}\n  staging:\n    objectives:\n      checkout-latency: [{ window: 30d, target: 90 }]\nslos:\n",
  );
  const services = serviceCatalog(modelOf({ "slos/payments.yaml": spec }), SITE_TODAY);
  const files = renderSite({ services, today: SITE_TODAY, datadogAppUrl: "https://app.datadoghq.com" });
  const text = (path: string) => files.find((file) => file.path === path)?.text ?? "";

  it("gets a page per environment, each listed on the index under its title", () => {
    expect(files.map((file) => file.path).filter((path) => path.startsWith("services/"))).toEqual([
      "services/payments-prod.html",
      "services/payments-staging.html",
    ]);
    expect(text("index.html")).toContain("<p>1 service in 2 stacks, 4 SLOs;");
    expect(text("index.html")).toContain('<a href="services/payments-staging.html">payments (staging)</a>');
    expect(text("services/payments-staging.html")).toContain(
      "<dt>Environment</dt><dd>staging (stack <code>payments-staging</code>)</dd>",
    );
    expect(text("services/payments-staging.html")).toContain("<td>3 d per 30 days</td>");
    expect(text("services/payments-prod.html")).toContain("<td>1 d 12 h per 30 days</td>");
  });
});

describe("a hostile spec", () => {
  const specs = { "slos/hostile.yaml": HOSTILE_SPEC };
  const services = serviceCatalog(modelOf(specs), SITE_TODAY);
  const page =
    renderSite({ services, today: SITE_TODAY, datadogAppUrl: "https://app.datadoghq.com" }).find(
      (file) => file.path === "services/hostile.html",
    )?.text ?? "";

  it("cannot add a tag or an attribute to the page: its texts come out escaped", () => {
    expect(loadingTags(page)).toEqual([
      `<link rel="icon" href="data:,">`,
      `<link rel="stylesheet" href="../site.css">`,
    ]);
    expect(page).not.toMatch(/<[^>]*\bonerror\b/);
    for (const where of ["service", "journey", "title", "slo", "correction"])
      expect(page).toContain(`${where} ${escapeHtml(HOSTILE)}`);
    expect(page).toContain("note:&quot;&lt;/code&gt;&lt;script&gt;window.__injected=4&lt;/script&gt;&quot;");
  });

  it("cannot break out of a link's address: the runbook is linked percent-encoded", () => {
    expect(page).toContain('<a href="https://wiki.example.com/x%22%3E%3Cscript%3Ewindow.__injected=3%3C/script%3E">');
  });
});

describe("slocc site", () => {
  it("writes the site into --out, whose pages are the same bytes on a second run", async () => {
    const dir = await project(SPECS, PREVIEW);
    const args = ["site", "--out", "site", "--today", SITE_TODAY, "--preview", "preview.json"];
    const first = await runCli(args, dir, {});
    expect(first.code).toBe(0);
    expect(first.stdout).toBe("wrote site: index.html and 2 service pages, measured data for 4 SLOs\n");
    const written = await readTree(join(dir, "site"));
    expect([...written.keys()]).toEqual([
      ".slocc-site",
      "filter.js",
      "index.html",
      "services/payments.html",
      "services/telemetry.html",
      "site.css",
    ]);
    expect((await runCli(args, dir, {})).code).toBe(0);
    expect(await readTree(join(dir, "site"))).toEqual(written);
    expect((await readdir(dir)).sort()).toEqual(["preview.json", "site", "slos"]);
  });

  it("links spec files below --source-url, at their line", async () => {
    const dir = await project();
    const run = await runCli(
      ["site", "--out", "site", "--today", SITE_TODAY, "--source-url", "https://github.com/acme/slos/blob/main/"],
      dir,
      {},
    );
    expect(run.code).toBe(0);
    expect(await readFile(join(dir, "site", "services", "payments.html"), "utf8")).toContain(
      '<a href="https://github.com/acme/slos/blob/main/slos/payments.yaml#L1"><code>slos/payments.yaml</code> line 1</a>',
    );
  });

  it("links Datadog's app of the DD_HOST site, or the one --datadog-url names", async () => {
    const dir = await project();
    const page = async (args: string[], env: Record<string, string>) => {
      expect((await runCli(["site", "--out", "site", "--today", SITE_TODAY, ...args], dir, env)).code).toBe(0);
      return readFile(join(dir, "site", "services", "payments.html"), "utf8");
    };
    expect(await page([], { DD_HOST: "https://api.us5.datadoghq.com" })).toContain(
      'href="https://us5.datadoghq.com/slo?slo_id=',
    );
    expect(await page(["--datadog-url", "https://dd.example.com/"], { DD_HOST: "https://api.datadoghq.eu" })).toContain(
      'href="https://dd.example.com/slo?slo_id=',
    );
    expect(await page([], {})).toContain('href="https://app.datadoghq.com/slo?slo_id=');
  });

  it.each([
    ["a file that is not there", null, "--preview missing.json: no such file"],
    ["a file that is not JSON", "{ not json", "--preview preview.json is not JSON"],
    [
      "a report of the wrong shape",
      JSON.stringify({ ...PREVIEW, slos: [{ ...PREVIEW.slos[0], windows: [{ window: "30d", sli: "99.9" }] }] }),
      "--preview preview.json is not a report of `slocc preview --format json` at slos.0.windows.0.target",
    ],
    [
      "a day that is not a date",
      JSON.stringify({ ...PREVIEW, slos: [{ ...PREVIEW.slos[0], days: [{ date: "yesterday", sli: 99 }] }] }),
      "at slos.0.days.0.date",
    ],
  ])("refuses with one line and exit 2 %s as --preview", async (_, content, message) => {
    const dir = await project();
    if (content !== null) await writeFile(join(dir, "preview.json"), content);
    const file = content === null ? "missing.json" : "preview.json";
    const run = await runCli(["site", "--out", "site", "--today", SITE_TODAY, "--preview", file], dir, {});
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n").filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(await readdir(dir)).not.toContain("site");
  });

  it("reads a report with fields it does not know, and names the SLOs it measures that the specs do not declare", async () => {
    const extra = {
      ...PREVIEW,
      version: 2,
      slos: [...PREVIEW.slos, { ...PREVIEW.slos[0]!, slo: "gone", extra: true }],
    };
    const dir = await project(SPECS, extra);
    const run = await runCli(["site", "--out", "site", "--today", SITE_TODAY, "--preview", "preview.json"], dir, {});
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("the preview measures 1 SLO the specs do not declare, left out: payments/gone");
  });

  it.each([
    ["a file", "site", "slocc: --out site is a file: give a directory, or remove the file\n"],
    [
      "under a file",
      "site/catalog",
      "slocc: --out site/catalog cannot be written: site is a file, not a directory; give another path\n",
    ],
  ])("refuses an --out that is %s, with one line and exit 2", async (_name, out, message) => {
    const dir = await project();
    await writeFile(join(dir, "site"), "a file");
    const run = await runCli(["site", "--out", out, "--today", SITE_TODAY], dir, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message);
    expect(await readFile(join(dir, "site"), "utf8")).toBe("a file");
    expect((await readdir(dir)).sort()).toEqual(["site", "slos"]);
  });

  it("refuses an --out that holds files it did not write, and leaves them be", async () => {
    const dir = await project();
    const run = await runCli(["site", "--out", ".", "--today", SITE_TODAY], dir, {});
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "slocc: --out . holds files that slocc site did not write: give a new or empty directory, or one a previous slocc site wrote\n",
    );
    expect((await readdir(dir)).sort()).toEqual(["slos"]);
  });

  it("writes nothing when a spec has an error, and keeps the previous site", async () => {
    const dir = await project();
    expect((await runCli(["site", "--out", "site", "--today", SITE_TODAY], dir, {})).code).toBe(0);
    const before = await readTree(join(dir, "site"));
    await writeFile(join(dir, "slos", "telemetry.yaml"), TELEMETRY_SPEC.replace("target: 99.5", "target: 150"));
    const run = await runCli(["site", "--out", "site", "--today", SITE_TODAY], dir, {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("TARGET_RANGE");
    expect(await readTree(join(dir, "site"))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(["site", "slos"]);
  });

  it("refuses a --datadog-url that is not an http(s) URL", async () => {
    const run = await runCli(["site", "--out", "site", "--datadog-url", "javascript:alert(1)"], await project(), {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("give an http(s) URL");
  });

  it("mentions the hostile texts only escaped in every file it writes", async () => {
    const dir = await project({ "slos/hostile.yaml": HOSTILE_SPEC });
    expect((await runCli(["site", "--out", "site", "--today", SITE_TODAY], dir, {})).code).toBe(0);
    for (const [path, content] of await readTree(join(dir, "site"))) {
      if (!path.endsWith(".html")) continue;
      expect(content).not.toContain(HOSTILE);
      expect(content).not.toContain("<script>window.__injected");
    }
  });
});

describe("docs/site.md", () => {
  const ROOT = join(__dirname, "..");

  it("shows the workflow's site job as the workflow has it", async () => {
    const docs = await readFile(join(ROOT, "docs", "site.md"), "utf8");
    const shown = parse(/```yaml\n([\s\S]*?)```/.exec(docs)?.[1] ?? "") as unknown;
    const workflow = parse(await readFile(join(ROOT, ".github", "workflows", "slo.yml"), "utf8")) as {
      jobs: Record<string, unknown>;
    };
    expect(shown).toEqual({ site: workflow.jobs["site"] });
  });
});
