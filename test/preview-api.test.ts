import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { runPreview, type PreviewOptions } from "../src/app/preview.js";
import type { PreviewReport } from "../src/preview/report.js";
import { runBinary, runCli } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { startStandIn } from "./support/datadog-stand-in.js";
import { TempRepo } from "./support/git.js";
import { DAY, HOUR, badEvents, eventCounter, sliOver, traffic } from "./support/metric-data.js";
import { startMetricsStandIn, type MetricsStandIn, type MetricsStandInOptions } from "./support/metrics-stand-in.js";

const KEYS = { apiKey: "api-key-90ab1c", appKey: "app-key-e4f7d3" };
const TO = "2026-12-06T00:00:00Z";
const END = Date.parse(TO) / 1000;
const ORIGIN = END - 8 * DAY;

/** A web service with two 7-day SLOs without alerts: two requests each (2,016 points of 5 minutes). */
const WEB = `apiVersion: slocc/v1
service: web
owner: web-sre
notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }
slos:
  - name: availability
    sli:
      ratio:
        bad: "sum:web.errors{service:web}.as_count()"
        total: "sum:web.hits{service:web}.as_count()"
    objectives:
      - { window: 7d, target: 99.5 }
    alerts: { burnRate: none }
  - name: api-availability
    sli:
      ratio:
        bad: "sum:web.errors{service:web}.as_count()"
        total: "sum:web.hits{service:web}.as_count()"
    objectives:
      - { window: 7d, target: 99 }
    alerts: { burnRate: none }
`;

const hits = traffic(ORIGIN, 8 * 1440, 100, 11);
const errors = badEvents(hits, 0.001, [{ start: END - 2 * DAY, end: END - 2 * DAY + 3 * HOUR, level: 0.2 }]);
const SERIES = new Map([
  ["sum:web.hits{service:web}", hits],
  ["sum:web.errors{service:web}", errors],
]);
const EXPECTED_SLI = sliOver(eventCounter(errors, hits), END - 7 * DAY, END);

let api: MetricsStandIn | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

async function standIn(options: Partial<MetricsStandInOptions> = {}): Promise<MetricsStandIn> {
  api = await startMetricsStandIn({ series: SERIES, keys: KEYS, ...options });
  return api;
}

async function specDir(text = WEB): Promise<string> {
  const dir = await tempDir("slocc-preview-api-");
  await writeFile(join(dir, "web.yaml"), text);
  return dir;
}

const envFor = (url: string, keys = KEYS) => ({ DD_API_KEY: keys.apiKey, DD_APP_KEY: keys.appKey, DD_HOST: url });

/** Runs the preview in-process with its waits recorded instead of waited. */
async function previewWithWaits(
  dir: string,
  url: string,
): Promise<{ code: number; report: PreviewReport; waits: number[] }> {
  let stdout = "";
  const waits: number[] = [];
  const context: AppContext = {
    cwd: dir,
    env: envFor(url),
    stdin: Readable.from([]),
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
    color: { stdout: false, stderr: false },
  };
  const options: PreviewOptions = { path: dir, to: END, format: "json" };
  const code = await runPreview(options, context, {
    sleep: (milliseconds) => {
      waits.push(milliseconds);
      return Promise.resolve();
    },
  });
  return { code, report: JSON.parse(stdout) as PreviewReport, waits };
}

describe("the preview's requests to the metrics API", () => {
  it("posts each SLO's queries together to /api/v2/query/timeseries, in milliseconds, with the keys as headers", async () => {
    const { url, received } = await standIn();
    const run = await runCli(
      ["preview", "--dir", await specDir(), "--to", TO, "--format", "json"],
      process.cwd(),
      envFor(url),
    );
    expect(run.code).toBe(0);
    expect(received).toHaveLength(4);
    const first = received[0];
    expect(first?.method).toBe("POST");
    expect(first?.url).toBe("/api/v2/query/timeseries");
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.headers["dd-api-key"]).toBe(KEYS.apiKey);
    expect(JSON.parse(first?.body ?? "")).toEqual({
      data: {
        type: "timeseries_request",
        attributes: {
          from: (END - 7 * DAY) * 1000,
          to: (END - 7 * DAY + 1500 * 300) * 1000,
          interval: 300_000,
          queries: [
            { data_source: "metrics", name: "bad0", query: "sum:web.errors{service:web}.as_count().rollup(sum, 300)" },
            { data_source: "metrics", name: "total0", query: "sum:web.hits{service:web}.as_count().rollup(sum, 300)" },
          ],
          formulas: [{ formula: "bad0" }, { formula: "total0" }],
        },
      },
    });
    const report = JSON.parse(run.stdout) as PreviewReport;
    expect(Math.abs((report.slos[1]?.windows[0]?.sli ?? NaN) - EXPECTED_SLI)).toBeLessThanOrEqual(0.01);
  });

  it("waits the seconds a 429 names, and what a 5xx names or 1 second, then asks again", async () => {
    const { url } = await standIn({ rateLimitedFirst: 2, unavailableFirst: 1 });
    const { code, report, waits } = await previewWithWaits(await specDir(), url);
    expect(code).toBe(0);
    expect(waits.sort()).toEqual([1000, 3000, 3000]);
    expect(report.slos.map((slo) => slo.status)).toEqual(["ok", "ok"]);
    expect(Math.abs((report.slos[0]?.windows[0]?.sli ?? NaN) - EXPECTED_SLI)).toBeLessThanOrEqual(0.01);
  });

  it("reads the coarser interval Datadog answers when a request asks for too many points", async () => {
    const { url, served } = await standIn({ maxPoints: 300 });
    const { report } = await previewWithWaits(await specDir(), url);
    expect(served.length).toBe(4);
    for (const request of served) expect(request.interval).toBeGreaterThan(300);
    for (const slo of report.slos) {
      expect(Math.abs((slo.windows[0]?.sli ?? NaN) - EXPECTED_SLI)).toBeLessThanOrEqual(0.01);
      expect(slo.problems.map((problem) => problem.code)).toEqual(["COARSE_DATA"]);
    }
  });

  it("marks an SLO whose query Datadog refuses as not read, says why, measures the others and exits 1", async () => {
    const { url } = await standIn();
    const broken = WEB.replace(
      'total: "sum:web.hits{service:web}.as_count()"\n    objectives:\n      - { window: 7d, target: 99 }',
      'total: "sum:web.hits.as_count()"\n    objectives:\n      - { window: 7d, target: 99 }',
    );
    const run = await runCli(
      ["preview", await specDir(broken), "--to", TO, "--format", "json"],
      process.cwd(),
      envFor(url),
    );
    const report = JSON.parse(run.stdout) as PreviewReport;
    expect(run.code).toBe(1);
    expect(report.slos.map((slo) => [slo.slo, slo.status])).toEqual([
      ["api-availability", "error"],
      ["availability", "ok"],
    ]);
    expect(report.slos[0]?.problems).toEqual([
      {
        code: "DATADOG_REQUEST",
        message: expect.stringMatching(/answered 400 to POST \/api\/v2\/query\/timeseries: Invalid formula/),
      },
    ]);
  });

  it("refuses a --json-out that is a directory before anything is read from Datadog, as wrong usage", async () => {
    const { url, received } = await standIn();
    const dir = await specDir();
    await mkdir(join(dir, "reports"));
    const run = await runCli(["preview", ".", "--to", TO, "--json-out", "reports"], dir, envFor(url));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("slocc: --json-out reports is a directory: give the path of a file\n");
    expect(run.stdout).toBe("");
    expect(received).toHaveLength(0);
  });
});

describe("the preview's keys", () => {
  it("are cut out of an answer that echoes them: each SLO says so as not read, naming no key", async () => {
    const echoing = await startStandIn((_url, received) => {
      const headers = received[received.length - 1]?.headers;
      const keys = `${String(headers?.["dd-api-key"])} and ${String(headers?.["dd-application-key"])}`;
      return { status: 400, body: { errors: [`bad keys ${keys}`] } };
    });
    try {
      const run = await runCli(
        ["preview", await specDir(), "--to", TO, "--format", "json"],
        process.cwd(),
        envFor(echoing.url),
      );
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as PreviewReport;
      expect(report.slos.map((slo) => [slo.status, slo.problems])).toEqual(
        report.slos.map(() => [
          "error",
          [
            {
              code: "DATADOG_REQUEST",
              message: "Datadog answered 400 to POST /api/v2/query/timeseries: bad keys *** and ***",
            },
          ],
        ]),
      );
      expect(report.slos).toHaveLength(2);
      expect(run.stderr + run.stdout).not.toMatch(/api-key-90ab1c|app-key-e4f7d3/);
    } finally {
      await echoing.close();
    }
  });
});

describe("the preview without access to Datadog", () => {
  it("says in one line to set DD_API_KEY and DD_APP_KEY, without a stack trace, and sends nothing", async () => {
    const { received } = await standIn();
    const dir = await specDir();
    const run = await runBinary(["preview", ".", "--to", TO], dir, { PATH: process.env["PATH"] });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^slocc: DD_API_KEY and DD_APP_KEY are not set/),
    ]);
    expect(run.stdout).toBe("");
    expect(received).toHaveLength(0);
  });

  it("stops at Datadog's refusal of the keys (403) in one line, naming no key", async () => {
    const { url } = await standIn();
    const wrong = { apiKey: "wrong-api-key-77", appKey: "wrong-app-key-88" };
    const run = await runCli(["preview", await specDir(), "--to", TO], process.cwd(), envFor(url, wrong));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^slocc: Datadog answered 403 to POST \/api\/v2\/query\/timeseries: Forbidden: check DD_API_KEY/,
    );
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr + run.stdout).not.toMatch(/wrong-(api|app)-key/);
  });

  it("needs no key when nothing is to be read: only monitor SLIs", async () => {
    const monitors =
      WEB.split("slos:\n")[0] +
      "slos:\n  - name: up\n    sli:\n      monitors: { ids: [12] }\n    objectives:\n      - { window: 30d, target: 99 }\n    alerts: { burnRate: none }\n";
    const run = await runCli(["preview", await specDir(monitors), "--to", TO, "--format", "json"], process.cwd(), {});
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as PreviewReport).slos.map((slo) => slo.status)).toEqual(["skipped"]);
  });
});

describe("slocc preview --changed-since", () => {
  it("previews only the SLOs added or changed since the ref, and reads nothing for the others", async () => {
    const { url, received } = await standIn();
    const repo = new TempRepo();
    repo.commit({ "slos/web.yaml": WEB });
    const added = `  - name: errors-only
    sli:
      ratio:
        bad: "sum:web.errors{service:web}.as_count()"
        total: "sum:web.hits{service:web}.as_count()"
    objectives:
      - { window: 7d, target: 95 }
    alerts: { burnRate: none }
`;
    repo.write({ "slos/web.yaml": `${WEB.replace("target: 99.5", "target: 99.6")}${added}` });
    const run = await runCli(
      ["preview", "--changed-since", "main", "--to", TO, "--format", "markdown"],
      repo.dir,
      envFor(url),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("SLOs added or changed since `main`");
    expect([...run.stdout.matchAll(/^\| `(web\/[a-z-]+)`/gm)].map((match) => match[1])).toEqual([
      "web/availability",
      "web/errors-only",
    ]);
    expect(received).toHaveLength(4);
  });

  it("says there is nothing to preview when no SLO changed, and needs no key for it", async () => {
    const repo = new TempRepo();
    repo.commit({ "slos/web.yaml": WEB });
    const run = await runCli(
      ["preview", "--changed-since", "main", "--to", TO, "--format", "markdown", "--json-out", "preview.json"],
      repo.dir,
      {},
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("No SLO added or changed: nothing to preview.");
    const report = JSON.parse(await readFile(join(repo.dir, "preview.json"), "utf8")) as PreviewReport;
    expect(report.slos).toEqual([]);
  });
});

describe("the preview's end", () => {
  it.each([
    ["the start of the hour of --to", "2026-12-06T10:37:00Z", "2026-12-06T10:00:00Z"],
    ["an offset read as such", "2026-12-06T12:05:00+02:00", "2026-12-06T10:00:00Z"],
  ])("is %s", async (_name, to, end) => {
    const run = await runCli(
      [
        "preview",
        await specDir(
          WEB.replace(
            /slos:[\s\S]*/,
            "slos:\n  - name: up\n    sli:\n      monitors: { ids: [12] }\n    objectives:\n      - { window: 30d, target: 99 }\n    alerts: { burnRate: none }\n",
          ),
        ),
        "--to",
        to,
        "--format",
        "json",
      ],
      process.cwd(),
      {},
    );
    expect((JSON.parse(run.stdout) as PreviewReport).to).toBe(end);
  });

  it("refuses a time without its zone, as wrong usage", async () => {
    const run = await runCli(["preview", "--to", "2026-12-06T10:00:00"], process.cwd(), {});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("write an ISO 8601 time with its zone");
  });
});

describe("slocc reviews --preview", () => {
  const REVIEWED = WEB.replace("owner: web-sre\n", "owner: web-sre\nreview: { every: 2q, last: 2026-06-01 }\n");

  it("shows the measured SLI of each SLO of the services due for review, from the preview's report", async () => {
    const { url } = await standIn();
    const dir = await specDir(REVIEWED);
    const preview = await runCli(["preview", ".", "--to", TO, "--json-out", "preview.json"], dir, envFor(url));
    expect(preview.code).toBe(0);
    const text = await runCli(["reviews", "--dir", ".", "--today", "2026-12-06", "--preview", "preview.json"], dir, {});
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Measured SLIs of the services due for review (preview up to 2026-12-06 00:00 UTC):");
    const sli = `${Number(EXPECTED_SLI.toFixed(4))}%`;
    expect(text.stdout).toMatch(new RegExp(`^web/availability +7d +99\\.5% +${sli.replace(".", "\\.")} `, "m"));
    const json = await runCli(
      ["reviews", "--dir", ".", "--today", "2026-12-06", "--preview", "preview.json", "--format", "json"],
      dir,
      {},
    );
    const { reviews } = JSON.parse(json.stdout) as {
      reviews: { service: string; status: string; measured?: PreviewReport["slos"] }[];
    };
    expect(reviews.map((review) => [review.service, review.status, review.measured?.map((slo) => slo.slo)])).toEqual([
      ["web", "overdue", ["api-availability", "availability"]],
    ]);
  });

  it("leaves out the services not due, and says so when none is", async () => {
    const dir = await specDir(REVIEWED);
    await writeFile(join(dir, "preview.json"), JSON.stringify({ from: TO, to: TO, slos: [] }));
    const run = await runCli(["reviews", "--dir", ".", "--today", "2026-07-01", "--preview", "preview.json"], dir, {});
    expect(run.stdout).toContain("no service is due.");
  });
});

describe("a --preview file that is not a preview report", () => {
  it.each([
    ["reviews", ["reviews", "--dir", "."]],
    ["explain", ["explain", "--dir", "."]],
    ["site", ["site", ".", "--out", "site"]],
  ])("is wrong usage for %s: one line and exit 2", async (_name, args) => {
    const dir = await specDir();
    await writeFile(join(dir, "preview.json"), JSON.stringify({ reviews: [] }));
    const run = await runCli([...args, "--today", "2026-07-01", "--preview", "preview.json"], dir, {});
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^slocc: --preview preview\.json is not a report of `slocc preview --format json` at from: /,
      ),
    ]);
    expect(run.stdout).toBe("");
    expect((await readdir(dir)).sort()).toEqual(["preview.json", "web.yaml"]);
  });
});
