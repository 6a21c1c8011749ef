import { describe, expect, it } from "vitest";
import { COMMENT_LIMIT, diffMarkdown } from "../src/render/diff-markdown.js";
import { changeDiff } from "../src/diff/change-diff.js";
import type { ChangeDiff } from "../src/diff/types.js";
import { runCli } from "./support/cli.js";
import { compileTexts, positionOf, tempDir } from "./support/compile.js";
import { TempRepo } from "./support/git.js";

const header = (name: string, extra = "") =>
  `apiVersion: slocc/v1\nservice: ${name}\nowner: ${name}-sre\n${extra}notify: { page: ["@pagerduty-${name}"], ticket: ["@slack-${name}"] }\nslos:\n`;
/** A metric name from an SLO name: Datadog's metric names take no dashes. */
const metric = (name: string) => name.replace(/-/g, "_");
const ratio = (name: string, target = "99.9") => `  - name: ${name}
    sli:
      ratio: { good: "sum:${metric(name)}.requests{status:ok}.as_count()", total: "sum:${metric(name)}.requests{*}.as_count()" }
    objectives:
      - { window: 30d, target: ${target}, warning: 99.95 }
      - { window: 7d, target: ${target} }
`;
const timeSlice = (name: string) => `  - name: ${name}
    sli:
      timeSlice: { query: "p99:trace.http.request{service:${name}}", comparator: "<", threshold: 1 }
    objectives:
      - { window: 30d, target: 99.9, warning: 99.95 }
      - { window: 7d, target: 99.9 }
`;

/** The change diff of `web`'s SLOs from `before` to `after`, compiled in memory. */
function diffOf(before: string, after: string): ChangeDiff {
  const side = (slos: string) =>
    compileTexts({ "slos/web.yaml": header("web") + slos }, { today: "2026-01-15" }).value!;
  return changeDiff({ label: "main", ...side(before) }, { label: "working tree", ...side(after) });
}

async function jsonDiff(repo: TempRepo): Promise<{ diff: ChangeDiff; stderr: string }> {
  const run = await runCli(["diff", "--base", "main", "--format", "json"], repo.dir);
  expect(run.code, run.stderr).toBe(0);
  return { diff: JSON.parse(run.stdout) as ChangeDiff, stderr: run.stderr };
}

describe("the change diff of a branch that adds an SLO and replaces another, in a repository of three services", () => {
  async function branch() {
    const repo = new TempRepo();
    repo.commit({
      "slos/api.yaml": header("api") + ratio("availability"),
      "slos/web.yaml": header("web") + ratio("availability"),
      "slos/db.yaml": header("db") + ratio("availability"),
    });
    repo.write({
      "slos/api.yaml": header("api") + ratio("availability") + ratio("checkout"),
      "slos/web.yaml": header("web") + timeSlice("availability"),
    });
    return jsonDiff(repo);
  }

  it("lists what the added SLO creates: each window's target, warning and budget as time, SLI, tiers and routing", async () => {
    const { diff } = await branch();
    const added = diff.slos.find((change) => change.change === "added");
    expect(added?.slo).toBe("checkout");
    expect(added?.fields).toEqual(
      expect.arrayContaining([
        { field: "sli kind", after: "ratio (good events)" },
        { field: "primary window", after: "30d" },
        { field: "target 30d", after: "99.9%", note: "error budget 43 min 12 s per 30d" },
        { field: "warning 30d", after: "99.95%" },
        { field: "target 7d", after: "99.9%", note: "error budget 10 min 5 s per 7d" },
        { field: "alert tier", after: "page 14.4x over 1h/5m (30d)" },
        { field: "notify page", after: "@pagerduty-api" },
      ]),
    );
    expect(added?.fields.every((field) => field.before === undefined)).toBe(true);
  });

  it("lists every resource that refers to the replaced SLO with its action: its three monitors and the dashboard", async () => {
    const { diff } = await branch();
    const replaced = diff.resources.find((r) => r.action === "replace");
    expect(replaced).toMatchObject({ stack: "web", logicalId: "slo_web__availability" });
    expect(replaced?.referencedBy).toEqual([
      { resourceType: "datadog_dashboard", logicalId: "dashboard_web", action: "update" },
      { resourceType: "datadog_monitor", logicalId: "slo_web__availability__burn_30d_1h_5m", action: "update" },
      { resourceType: "datadog_monitor", logicalId: "slo_web__availability__burn_30d_24h_120m", action: "update" },
      { resourceType: "datadog_monitor", logicalId: "slo_web__availability__burn_30d_6h_30m", action: "update" },
    ]);
    expect(
      diff.resources.filter((r) => r.stack === "web" && r.resourceType === "datadog_monitor").map((r) => r.fields),
    ).toEqual([["query"], ["query"], ["query"]]);
  });

  it("names the stacks to plan: the two that changed, not the untouched one", async () => {
    const { diff } = await branch();
    expect(diff.stacks).toEqual([
      { name: "api", change: "changed" },
      { name: "web", change: "changed" },
    ]);
  });

  it("shows the removed SLO's fields as what is lost, and its stack as removed when it was the last one", async () => {
    const repo = new TempRepo();
    repo.commit({
      "slos/api.yaml": header("api") + ratio("availability"),
      "slos/db.yaml": header("db") + ratio("rows"),
    });
    repo.write({ "slos/db.yaml": null });
    const { diff } = await jsonDiff(repo);
    const removed = diff.slos.find((change) => change.change === "removed");
    expect(removed?.fields).toContainEqual({
      field: "target 30d",
      before: "99.9%",
      note: "error budget 43 min 12 s per 30d",
    });
    expect(removed?.fields.every((field) => field.after === undefined)).toBe(true);
    expect(diff.stacks).toEqual([{ name: "db", change: "removed" }]);
  });
});

describe("the fields of an SLO added or removed", () => {
  const named = ratio("checkout").replace(
    "  - name: checkout\n",
    "  - name: checkout\n    displayName: Checkout success\n" +
      "    corrections:\n" +
      '      - { name: freeze, category: other, start: 2027-03-14T03:00:00Z, end: 2027-03-14T04:00:00Z, description: "Code freeze" }\n',
  );
  it.each([
    ["added", "after", ratio("availability"), ratio("availability") + named],
    ["removed", "before", ratio("availability") + named, ratio("availability")],
  ] as const)(
    "include the display name and the corrections of an SLO %s, as a change would",
    (change, side, before, after) => {
      const entry = diffOf(before, after).slos.find((slo) => slo.slo === "checkout");
      expect(entry?.change).toBe(change);
      const fields = entry?.fields ?? [];
      expect(fields[0]).toEqual({ field: "display name", [side]: "Checkout success" });
      const asChanged = diffOf(ratio("checkout"), named).slos[0]?.fields.find((field) => field.field === "correction");
      expect(asChanged?.after).toMatch(/^freeze: Other, .*"Code freeze"$/);
      expect(fields.filter((field) => field.field === "correction")).toEqual([
        { field: "correction", [side]: asChanged?.after },
      ]);
      expect(fields.at(-1)?.field).toBe("correction");
    },
  );
});

describe("what refers to a replaced SLO", () => {
  it("is moved with it when it is renamed too, and nothing is listed under the old names", () => {
    const renamed = timeSlice("success").replace(
      "  - name: success\n",
      "  - name: success\n    renamedFrom: availability\n",
    );
    const diff = diffOf(ratio("availability"), renamed);
    const replaced = diff.resources.find((r) => r.action === "replace");
    expect(replaced).toMatchObject({ logicalId: "slo_web__success", movedFrom: "slo_web__availability" });
    expect(replaced?.referencedBy?.map((r) => `${r.action} ${r.logicalId}`)).toEqual([
      "update dashboard_web",
      "move slo_web__success__burn_30d_1h_5m",
      "move slo_web__success__burn_30d_24h_120m",
      "move slo_web__success__burn_30d_6h_30m",
    ]);
    expect(diff.resources.filter((r) => r.logicalId.startsWith("slo_web__availability"))).toEqual([]);
  });

  it("lists a monitor the change removes as destroyed", () => {
    const ticketsOnly = timeSlice("availability").replace(
      "    objectives:",
      "    alerts:\n      burnRate:\n        - { severity: ticket, longWindow: 24h, factor: 3 }\n    objectives:",
    );
    const replaced = diffOf(ratio("availability"), ticketsOnly).resources.find((r) => r.action === "replace");
    expect(replaced?.referencedBy?.map((r) => `${r.action} ${r.logicalId}`)).toEqual([
      "update dashboard_web",
      "destroy slo_web__availability__burn_30d_1h_5m",
      "update slo_web__availability__burn_30d_24h_120m",
      "destroy slo_web__availability__burn_30d_6h_30m",
    ]);
  });
});

describe("diagnostics of a change diff", () => {
  /** A template name slocc has built in: declaring it again is a warning in the templates file. */
  const BUILT_IN_TEMPLATE = "aws-alb-availability";
  const journeyHeader = header(
    "web",
    "tags: [Tier:Web]\ndependencies: { cdn: 99.95, db: 99.99 }\njourneys:\n  checkout: { kind: user, dependsOn: [cdn, db] }\n",
  );
  const checkout = (target: string) => `  - name: checkout
    journey: checkout
    sli:
      ratio: { good: "sum:checkout.requests{status:ok}.as_count()", total: "sum:checkout.requests{*}.as_count()" }
    objectives:
      - { window: 30d, target: ${target} }
      - { window: 7d, target: ${target} }
`;
  const tagged = (name: string, tag: string) =>
    ratio(name).replace(`  - name: ${name}\n`, `  - name: ${name}\n    tags: [${tag}]\n`);

  /** A repository where the change raises `checkout` above its journey's ceiling and removes `old`. */
  function raisedAboveCeiling(): TempRepo {
    const repo = new TempRepo();
    repo.commit({
      "slos/web.yaml": journeyHeader + checkout("99.9") + tagged("search", "Kind:Search") + tagged("old", "Old:One"),
      "slos/api.yaml": header("api", "tags: [Tier:Api]\n") + ratio("availability"),
    });
    repo.write({ "slos/web.yaml": journeyHeader + checkout("99.99") + tagged("search", "Kind:Search") });
    return repo;
  }

  it("lists in the JSON the head's warnings about what the change touches: the changed SLO's and its service's", async () => {
    const repo = raisedAboveCeiling();
    const { diff, stderr } = await jsonDiff(repo);
    expect(stderr).toBe("");
    const text = journeyHeader + checkout("99.99") + tagged("search", "Kind:Search");
    expect(diff.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      `TAG_NORMALISED slos/web.yaml:${positionOf(text, "tags: [^Tier:Web]")}`,
      `CEILING_EXCEEDED slos/web.yaml:${positionOf(text, "window: 30d, target: ^99.99")}`,
      `CEILING_EXCEEDED slos/web.yaml:${positionOf(text, "window: 7d, target: ^99.99")}`,
    ]);
    expect(diff.diagnostics.every((d) => d.severity === "warning" && d.message.length > 0)).toBe(true);
  });

  it("shows the same warnings in the Markdown comment and the text, and none on stderr", async () => {
    const repo = raisedAboveCeiling();
    const markdown = await runCli(["diff", "--base", "main", "--format", "markdown"], repo.dir);
    const text = await runCli(["diff", "--base", "main"], repo.dir);
    for (const run of [markdown, text]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe("");
      const codes = [...run.stdout.matchAll(/\b(TAG_NORMALISED|CEILING_EXCEEDED)\b/g)].map((match) => match[1]);
      expect(codes).toEqual(["TAG_NORMALISED", "CEILING_EXCEEDED", "CEILING_EXCEEDED"]);
      expect(run.stdout).not.toContain("Kind:Search");
      expect(run.stdout).not.toContain("Tier:Api");
    }
    expect(markdown.stdout).toMatch(/^- ⚠️ \*\*CEILING_EXCEEDED\*\* `slos\/web\.yaml:\d+:\d+`: /m);
  });

  it("prints the head's errors when the head does not compile, and the base's errors (never its warnings) when the base does not", async () => {
    const repo = new TempRepo();
    repo.commit({ "slos/web.yaml": header("web", "tags: [Tier:Web]\n") + ratio("availability", "100") });
    repo.write({ "slos/web.yaml": header("web") + ratio("availability") });
    const baseBroken = await runCli(["diff", "--base", "main"], repo.dir);
    expect(baseBroken.code).toBe(1);
    const severities = (stderr: string) => [...stderr.matchAll(/: (error|warning) ([A-Z_]+):/g)].map((m) => m[1]);
    const codes = (stderr: string) => [...stderr.matchAll(/: (?:error|warning) ([A-Z_]+):/g)].map((m) => m[1]);
    expect(codes(baseBroken.stderr)).toContain("TARGET_RANGE");
    expect(severities(baseBroken.stderr)).not.toContain("warning");
    expect(baseBroken.stderr).toMatch(/^main:slos\/web\.yaml:/m);
    repo.commit({ "slos/web.yaml": header("web") + ratio("availability") });
    repo.write({ "slos/web.yaml": header("web", "tags: [Tier:Web]\n") + ratio("availability", "100") });
    const headBroken = await runCli(["diff", "--base", "main"], repo.dir);
    expect(headBroken.code).toBe(1);
    expect(codes(headBroken.stderr)).toContain("TARGET_RANGE");
    expect(codes(headBroken.stderr)).toContain("TAG_NORMALISED");
    expect(headBroken.stderr).not.toMatch(/^main:/m);
  });

  it("lists a warning the change brings about an SLO it leaves alone: a catalog's change lowers its ceiling", async () => {
    const catalog = (availability: string) =>
      `apiVersion: slocc/v1\ncatalog: cloud\ndependencies:\n  cdn: ${availability}\n`;
    const web = header("web", "journeys:\n  checkout: { kind: user, dependsOn: [cdn] }\n") + checkout("99.9");
    const repo = new TempRepo();
    repo.commit({ "slos/cloud.yaml": catalog("99.99"), "slos/web.yaml": web });
    repo.write({ "slos/cloud.yaml": catalog("99.5") });
    const { diff } = await jsonDiff(repo);
    expect(diff.slos).toEqual([]);
    expect(diff.diagnostics.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`)).toEqual([
      `CEILING_EXCEEDED slos/web.yaml:${positionOf(web, "window: 30d, target: ^99.9")}`,
      `CEILING_EXCEEDED slos/web.yaml:${positionOf(web, "window: 7d, target: ^99.9")}`,
    ]);
  });

  it("lists a warning of a file that declares no service only when the change touches that file", async () => {
    const templates = (description: string) =>
      `apiVersion: slocc/v1\ntemplates:\n  ${BUILT_IN_TEMPLATE}:\n    description: ${description}\n    params: [service]\n    sli: { ratio: { good: "sum:a{service:{{service}}}.as_count()", total: "sum:b{service:{{service}}}.as_count()" } }\n`;
    const repo = new TempRepo();
    repo.commit({ "slos/templates.yaml": templates("mine"), "slos/web.yaml": header("web") + ratio("availability") });
    repo.write({ "slos/web.yaml": header("web") + ratio("availability", "99.5") });
    const untouched = await jsonDiff(repo);
    expect(untouched.diff.diagnostics.map((d) => d.code)).toEqual([]);
    repo.write({ "slos/templates.yaml": templates("mine, reworded") });
    const touched = await jsonDiff(repo);
    expect(touched.diff.diagnostics.map((d) => `${d.code} ${d.file}`)).toEqual([
      "TEMPLATE_SHADOWS_BUILTIN slos/templates.yaml",
    ]);
  });

  it("says that a directory outside any git repository has no refs to read, and exits 2", async () => {
    const dir = await tempDir();
    const run = await runCli(["diff", "--base", "main"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not inside a git repository");
  });
});

describe("the pull-request comment of a large change", () => {
  /** 20 services of 10 SLOs each, every target lowered: 200 changed SLOs, 200 risks. */
  function largeDiff(): ChangeDiff {
    const services = (target: string) =>
      Object.fromEntries(
        Array.from({ length: 20 }, (_, s) => [
          `slos/service-${s}.yaml`,
          header(`service-${s}`) + Array.from({ length: 10 }, (_, n) => ratio(`slo-${n}`, target)).join(""),
        ]),
      );
    const base = compileTexts(services("99.9"), { today: "2026-01-15" }).value!;
    const head = compileTexts(services("99.5"), { today: "2026-01-15" }).value!;
    return changeDiff({ label: "main", ...base }, { label: "working tree", ...head });
  }

  it("stays under GitHub's limit, summary and reviewers first, details folded, with a note that the JSON has the rest", () => {
    const diff = largeDiff();
    expect(diff.slos).toHaveLength(200);
    const comment = diffMarkdown(diff);
    expect(comment.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const lines = comment.split("\n");
    expect(lines[3]).toMatch(/^SLOs: 200 changed; resources: .*; 20 stacks to plan: .* and 10 more\.$/);
    expect(lines[5]).toMatch(/^\*\*Reviewers:\*\* /);
    expect(comment).toContain("<details><summary>200 SLOs changed</summary>");
    expect(comment.split("<details>").length).toBe(comment.split("</details>").length);
    expect(comment).toMatch(/_\d+ more entries are left out .*`slocc diff --format json` lists every change\._$/);
  });

  it("leaves nothing out when everything fits", () => {
    const comment = diffMarkdown(largeDiff(), 10_000_000);
    expect(comment).not.toContain("left out");
    expect(comment.split("<details><summary>service-").length - 1).toBe(200);
  });
});
