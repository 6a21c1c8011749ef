import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangeDiff } from "../src/diff/types.js";
import { runCli } from "./support/cli.js";
import { TempRepo } from "./support/git.js";
import { expectGoldenFile } from "./support/golden.js";

const availability = (target = "99.9", extra = "") => `  - name: availability
    sli:
      ratio: { good: "sum:web.requests{status:ok}.as_count()", total: "sum:web.requests{*}.as_count()" }
    objectives:
      - { window: 30d, target: ${target} }
${extra}`;
const latency = `  - name: latency
    sli:
      latency: { metric: trace.http.request, filter: "service:web", threshold: 300ms }
    objectives:
      - { window: 30d, target: 99 }
`;
const service = (name: string, slos: string) =>
  `apiVersion: slocc/v1\nservice: ${name}\nowner: ${name}-sre\nnotify: { page: ["@pagerduty-${name}"], ticket: ["@slack-${name}"] }\nslos:\n${slos}`;

async function diffJson(repo: TempRepo, ...args: string[]): Promise<ChangeDiff> {
  const run = await runCli(["diff", "--base", "main", "--format", "json", ...args], repo.dir);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as ChangeDiff;
}

/** Each case: the specs at base, the specs at head (null deletes a file), and what the review must say. */
const cases: {
  name: string;
  base: Record<string, string | null>;
  head: Record<string, string | null>;
  slos: string[];
  risks: string[];
  check?: (diff: ChangeDiff) => void;
}[] = [
  {
    name: "a new SLO is added, with its SLO and alert monitors to create",
    base: { "slos/web.yaml": service("web", availability()) },
    head: { "slos/web.yaml": service("web", availability() + latency) },
    slos: ["web/latency added"],
    risks: [],
    check: (diff) => {
      expect(diff.summary.resources).toEqual({ create: 4, import: 0, update: 1, replace: 0, destroy: 0, move: 0 });
      expect(diff.resources.find((r) => r.action === "update")).toMatchObject({
        resourceType: "datadog_dashboard",
        fields: ["groups"],
      });
    },
  },
  {
    name: "a removed SLO is destroyed, flagged with its history lost",
    base: { "slos/web.yaml": service("web", availability() + latency) },
    head: { "slos/web.yaml": service("web", availability()) },
    slos: ["web/latency removed"],
    risks: ["destroy web/latency"],
    check: (diff) => expect(diff.summary.resources.destroy).toBe(4),
  },
  {
    name: "a target change shows the error budget before and after",
    base: { "slos/web.yaml": service("web", availability("99.9")) },
    head: { "slos/web.yaml": service("web", availability("99.95")) },
    slos: ["web/availability changed"],
    risks: [],
    check: (diff) =>
      expect(diff.slos[0]?.fields).toContainEqual({
        field: "target 30d",
        before: "99.9%",
        after: "99.95%",
        note: "error budget 43 min 12 s -> 21 min 36 s per 30d: budget halved",
      }),
  },
  {
    name: "a lowered target is flagged",
    base: { "slos/web.yaml": service("web", availability("99.9")) },
    head: { "slos/web.yaml": service("web", availability("99.5")) },
    slos: ["web/availability changed"],
    risks: ["target-decrease web/availability"],
  },
  {
    name: "a warning change shows both values",
    base: {
      "slos/web.yaml": service("web", availability().replace("target: 99.9 }", "target: 99.9, warning: 99.95 }")),
    },
    head: {
      "slos/web.yaml": service("web", availability().replace("target: 99.9 }", "target: 99.9, warning: 99.99 }")),
    },
    slos: ["web/availability changed"],
    risks: [],
    check: (diff) =>
      expect(diff.slos[0]?.fields).toEqual([{ field: "warning 30d", before: "99.95%", after: "99.99%" }]),
  },
  {
    name: "a window added shows as a new objective and an in-place update",
    base: { "slos/web.yaml": service("web", availability()) },
    head: {
      "slos/web.yaml": service(
        "web",
        availability().replace(
          "      - { window: 30d, target: 99.9 }\n",
          "      - { window: 30d, target: 99.9 }\n      - { window: 7d, target: 99.9 }\n",
        ),
      ),
    },
    slos: ["web/availability changed"],
    risks: [],
    check: (diff) => {
      expect(diff.slos[0]?.fields).toEqual([{ field: "window 7d", after: "target 99.9%", note: "window added" }]);
      expect(
        diff.resources
          .filter((r) => r.resourceType === "datadog_service_level_objective")
          .map((r) => [r.action, r.fields]),
      ).toEqual([["update", ["thresholds"]]]);
    },
  },
  {
    name: "an SLI kind change replaces the SLO, losing its history",
    base: { "slos/web.yaml": service("web", availability()) },
    head: {
      "slos/web.yaml": service(
        "web",
        availability().replace(
          /ratio: .*\n/,
          'timeSlice: { query: "p99:trace.http.request{service:web}", comparator: "<", threshold: 1 }\n',
        ),
      ),
    },
    slos: ["web/availability changed"],
    risks: ["replace web/availability"],
    check: (diff) => {
      expect(diff.slos[0]?.fields).toContainEqual({
        field: "sli kind",
        before: "ratio (good events)",
        after: "timeSlice",
      });
      expect(diff.resources.find((r) => r.resourceType === "datadog_service_level_objective")).toMatchObject({
        action: "replace",
        fields: expect.arrayContaining(["type"]),
      });
    },
  },
  {
    name: "a page tier removed is flagged, and an SLO left without page alerts too",
    base: { "slos/web.yaml": service("web", availability()) },
    head: {
      "slos/web.yaml": service(
        "web",
        availability(
          "99.9",
          "    alerts:\n      burnRate:\n        - { severity: ticket, longWindow: 24h, factor: 3 }\n",
        ),
      ),
    },
    slos: ["web/availability changed"],
    risks: [
      "no-page-alert web/availability",
      "page-tier-removed web/availability",
      "page-tier-removed web/availability",
    ],
    check: (diff) => {
      expect(diff.slos[0]?.fields.filter((f) => f.note === "tier removed").map((f) => f.before)).toEqual([
        "page 14.4x over 1h/5m (30d)",
        "page 6x over 6h/30m (30d)",
      ]);
      expect(diff.summary.resources.destroy).toBe(2);
    },
  },
  {
    name: "a rename with renamedFrom keeps the history by moving state",
    base: { "slos/web.yaml": service("web", availability()) },
    head: {
      "slos/web.yaml": service(
        "web",
        availability().replace("  - name: availability\n", "  - name: success-rate\n    renamedFrom: availability\n"),
      ),
    },
    slos: ["web/success-rate renamed"],
    risks: [],
    check: (diff) => {
      expect(diff.slos[0]?.renamedFrom).toBe("availability");
      expect(diff.summary.resources).toEqual({ create: 0, import: 0, update: 1, replace: 0, destroy: 0, move: 4 });
      expect(diff.resources.find((r) => r.resourceType === "datadog_service_level_objective")?.movedFrom).toBe(
        "slo_web__availability",
      );
    },
  },
  {
    name: "a rename without renamedFrom destroys and creates, with the hint to add it",
    base: { "slos/web.yaml": service("web", availability()) },
    head: {
      "slos/web.yaml": service("web", availability().replace("  - name: availability\n", "  - name: success-rate\n")),
    },
    slos: ["web/availability removed", "web/success-rate added"],
    risks: ["destroy web/availability"],
    check: (diff) => expect(diff.risks[0]?.message).toContain("renamedFrom: availability"),
  },
  {
    name: "a change confined to one of several services touches only that service",
    base: { "slos/web.yaml": service("web", availability()), "slos/api.yaml": service("api", availability()) },
    head: { "slos/api.yaml": service("api", availability("99.95")) },
    slos: ["api/availability changed"],
    risks: [],
    check: (diff) => {
      expect(diff.reviewers).toEqual([{ service: "api", owner: "api-sre", approvers: [] }]);
      expect(new Set(diff.resources.map((r) => r.stack))).toEqual(new Set(["api"]));
    },
  },
  {
    name: "the owner and approvers of a touched service are its reviewers",
    base: { "slos/web.yaml": service("web", availability()) },
    head: {
      "slos/web.yaml": service("web", availability("99.95")).replace(
        "slos:\n",
        'approvers: ["@web-pdm", "@hardware-lead"]\nslos:\n',
      ),
    },
    slos: ["web/availability changed"],
    risks: [],
    check: (diff) =>
      expect(diff.reviewers).toEqual([{ service: "web", owner: "web-sre", approvers: ["@web-pdm", "@hardware-lead"] }]),
  },
  {
    name: "a base where slos/ did not exist yet shows every SLO as added",
    base: { "README.md": "no specs yet\n" },
    head: { "slos/web.yaml": service("web", availability()) },
    slos: ["web/availability added"],
    risks: [],
  },
];

describe("slocc diff between git refs", () => {
  it.each(cases)("$name", async ({ base, head, slos, risks, check }) => {
    const repo = new TempRepo();
    repo.commit(base, "base");
    repo.git("checkout", "-q", "-b", "feature");
    repo.commit(head, "head");
    const diff = await diffJson(repo, "--head", "feature");
    expect(diff.slos.map((c) => `${c.service}/${c.slo} ${c.change}`)).toEqual(slos);
    expect(diff.risks.map((r) => `${r.kind} ${r.service}/${r.slo}`).sort()).toEqual([...risks].sort());
    check?.(diff);
    // The working tree was never touched: the same review comes from it.
    expect(await diffJson(repo)).toEqual({ ...diff, head: "working tree" });
  });

  it("emits moved blocks for a renamed SLO and its monitors in the synthesized JSON", async () => {
    const repo = new TempRepo();
    repo.commit({
      "slos/web.yaml": service(
        "web",
        availability().replace("  - name: availability\n", "  - name: success-rate\n    renamedFrom: availability\n"),
      ),
    });
    expect((await runCli(["synth"], repo.dir)).code).toBe(0);
    const stack = JSON.parse(await readFile(join(repo.dir, "cdktf.out/stacks/web/cdk.tf.json"), "utf8")) as {
      moved: { from: string; to: string }[];
    };
    expect(stack.moved).toContainEqual({
      from: "datadog_service_level_objective.slo_web__availability",
      to: "datadog_service_level_objective.slo_web__success_rate",
    });
    expect(stack.moved).toContainEqual({
      from: "datadog_monitor.slo_web__availability__burn_30d_1h_5m",
      to: "datadog_monitor.slo_web__success_rate__burn_30d_1h_5m",
    });
  });

  it("reports a broken spec at head as diagnostics named by ref, and exits 1", async () => {
    const repo = new TempRepo();
    repo.commit({ "slos/web.yaml": service("web", availability()) });
    repo.git("checkout", "-q", "-b", "feature");
    repo.commit({ "slos/web.yaml": service("web", availability("100")) });
    const run = await runCli(["diff", "--base", "main", "--head", "feature", "--format", "json"], repo.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^feature:slos\/web\.yaml:10:32: error TARGET_RANGE/m);
  });

  it("exits 1 with --fail-on when a named risk is present, and 0 when none is", async () => {
    const repo = new TempRepo();
    repo.commit({ "slos/web.yaml": service("web", availability() + latency) });
    repo.write({ "slos/web.yaml": service("web", availability()) });
    expect((await runCli(["diff", "--base", "main", "--fail-on", "destroy,replace"], repo.dir)).code).toBe(1);
    expect((await runCli(["diff", "--base", "main", "--fail-on", "target-decrease"], repo.dir)).code).toBe(0);
  });

  it.each([
    ["an unknown ref", ["diff", "--base", "no-such-branch"]],
    ["an unknown --fail-on kind", ["diff", "--base", "main", "--fail-on", "explode"]],
    ["a missing --base", ["diff"]],
  ])("exits 2 for %s", async (_name, args) => {
    const repo = new TempRepo();
    repo.commit({ "slos/web.yaml": service("web", availability()) });
    expect((await runCli(args, repo.dir)).code).toBe(2);
  });
});

describe("diff output formats", () => {
  async function renamedAndChanged(format: string, ...options: string[]) {
    const repo = new TempRepo();
    repo.commit({
      "slos/web.yaml": service("web", availability() + latency),
      "slos/api.yaml": service("api", availability()),
    });
    repo.write({
      "slos/web.yaml": service(
        "web",
        availability("99.5").replace(
          "  - name: availability\n",
          "  - name: success-rate\n    renamedFrom: availability\n",
        ),
      ),
      "slos/api.yaml": service("api", availability("99.9", "    alerts:\n      burnRate: none\n")),
    });
    return { ...(await runCli(["diff", "--base", "main", "--format", format, ...options], repo.dir)), dir: repo.dir };
  }

  it("renders the pull-request comment as checked in (summary table, risks, folded details, marker)", async () => {
    const run = await renamedAndChanged("markdown");
    expect(run.code).toBe(0);
    await expectGoldenFile(join(__dirname, "..", "docs", "examples", "diff-comment.md"), run.stdout);
    expect(run.stdout.split("\n")[0]).toBe("<!-- slocc-diff -->");
  });

  it("writes to --json-out the very JSON --format json prints, in the run that prints the comment", async () => {
    const json = await renamedAndChanged("json");
    const both = await renamedAndChanged("markdown", "--json-out", "slo-diff.json");
    expect(both.code).toBe(0);
    expect(both.stdout).toBe(await readFile(join(__dirname, "..", "docs", "examples", "diff-comment.md"), "utf8"));
    expect(await readFile(join(both.dir, "slo-diff.json"), "utf8")).toBe(json.stdout);
  });

  it("shows in docs/diff.md the very text it prints for that change", async () => {
    const run = await renamedAndChanged("text");
    const doc = await readFile(join(__dirname, "..", "docs", "diff.md"), "utf8");
    const command = "$ slocc diff --base main\n";
    expect(doc).toContain(command);
    expect(run.stdout + run.stderr).toBe(doc.slice(doc.indexOf(command) + command.length).split("```")[0]);
  });

  it("renders text for a terminal without colour codes when not a TTY", async () => {
    const run = await renamedAndChanged("text");
    expect(run.stdout).toContain("> success-rate  renamed from availability (history kept)");
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("keeps the documented JSON shape", async () => {
    const diff = JSON.parse((await renamedAndChanged("json")).stdout) as Record<string, unknown>;
    expect(Object.keys(diff)).toEqual([
      "version",
      "base",
      "head",
      "summary",
      "slos",
      "resources",
      "risks",
      "reviewers",
      "stacks",
      "diagnostics",
    ]);
    expect(diff["version"]).toBe(1);
  });
});
