import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChangeDiff } from "../src/diff/types.js";
import { runCli } from "./support/cli.js";
import { TempRepo } from "./support/git.js";
import { StandInWorkspace } from "./support/stand-in-resources.js";
import { terraformBinary, terraformSkipNote } from "./support/terraform.js";

const spec = (sli: string) => `apiVersion: slocc/v1
service: ledger
owner: ledger-sre
notify: { page: ["@pagerduty-ledger"], ticket: ["@slack-ledger"] }
slos:
  - name: posting
    sli:
      ${sli}
    objectives:
      - { window: 30d, target: 99.9 }
    corrections:
      - category: deployment
        start: 2027-01-05T10:00:00Z
        end: 2027-01-05T11:00:00Z
`;
const RATIO = 'ratio: { good: "sum:ledger.posts{ok:true}.as_count()", total: "sum:ledger.posts{*}.as_count()" }';
const TIME_SLICE = 'timeSlice: { query: "p99:trace.http.request{service:ledger}", comparator: "<", threshold: 1 }';

const CORRECTION = /^slo_ledger__posting__correction__/;

/** A repository whose main holds a ratio SLO with a correction, and whose working tree turns it into a time slice. */
function repository(): TempRepo {
  const repo = new TempRepo();
  repo.commit({ "slos/ledger.yaml": spec(RATIO) });
  return repo;
}

async function synthesizedStack(repo: TempRepo): Promise<Record<string, unknown>> {
  const run = await runCli(["synth"], repo.dir);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(readFileSync(join(repo.dir, "cdktf.out", "stacks", "ledger", "cdk.tf.json"), "utf8")) as Record<
    string,
    unknown
  >;
}

describe("an SLO with a correction that changes from ratio to time slice", () => {
  it("is shown in the diff JSON as replaced, its correction replaced with it and its monitors updated", async () => {
    const repo = repository();
    repo.write({ "slos/ledger.yaml": spec(TIME_SLICE) });
    const run = await runCli(["diff", "--base", "main", "--format", "json"], repo.dir);
    expect(run.code, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout) as ChangeDiff;
    const actions = diff.resources.map((r) => [r.resourceType, r.logicalId.replace(/[0-9a-f]{8,}$/, "…"), r.action]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ["datadog_service_level_objective", "slo_ledger__posting", "replace"],
        ["datadog_slo_correction", "slo_ledger__posting__correction__…", "replace"],
        ["datadog_monitor", "slo_ledger__posting__burn_30d_1h_5m", "update"],
      ]),
    );
    const slo = diff.resources.find((r) => r.resourceType === "datadog_service_level_objective");
    expect(slo?.referencedBy?.find((r) => CORRECTION.test(r.logicalId))?.action).toBe("replace");
    expect(diff.summary.resources.replace).toBe(2);
  });

  it.skipIf(!terraformBinary)(
    `is replaced by terraform with its correction, which is not updated in place${terraformSkipNote}`,
    async () => {
      const repo = repository();
      const workspace = new StandInWorkspace(join(repo.dir, "stand-in"));
      workspace.configure(await synthesizedStack(repo)).apply();
      repo.write({ "slos/ledger.yaml": spec(TIME_SLICE) });
      const actions = workspace.configure(await synthesizedStack(repo)).plannedActions();
      const byKind = (pattern: RegExp) =>
        Object.entries(actions)
          .filter(([address]) => pattern.test(address))
          .map(([, planned]) => [...planned].sort().join("+"));
      expect(byKind(/datadog_service_level_objective__/)).toEqual(["create+delete"]);
      expect(byKind(/datadog_slo_correction__/)).toEqual(["create+delete"]);
      expect(byKind(/datadog_monitor__/)).toEqual(["update", "update", "update"]);
      expect(byKind(/datadog_dashboard__/)).toEqual(["update"]);
    },
  );

  it.skipIf(!terraformBinary)(
    `keeps its correction when only its target changes: the SLO is updated in place${terraformSkipNote}`,
    async () => {
      const repo = repository();
      const workspace = new StandInWorkspace(join(repo.dir, "stand-in"));
      workspace.configure(await synthesizedStack(repo)).apply();
      repo.write({ "slos/ledger.yaml": spec(RATIO).replace("target: 99.9", "target: 99.5") });
      const actions = workspace.configure(await synthesizedStack(repo)).plannedActions();
      const changed = Object.entries(actions).filter(([, planned]) => planned.join() !== "no-op");
      // The dashboard's widget titles and the alerts' texts name the target.
      expect(changed.map(([address, planned]) => [address.split("__")[0], planned.join("+")]).sort()).toEqual([
        ["terraform_data.datadog_dashboard", "update"],
        ["terraform_data.datadog_monitor", "update"],
        ["terraform_data.datadog_monitor", "update"],
        ["terraform_data.datadog_monitor", "update"],
        ["terraform_data.datadog_service_level_objective", "update"],
      ]);
    },
  );
});
