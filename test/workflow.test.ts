import { execFileSync, spawn } from "node:child_process";
import { chmodSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { processContext } from "../src/app/context.js";
import { buildProgram } from "../src/cli/main.js";
import { BINARY, runCli } from "./support/cli.js";
import { RATIO_SLO, serviceYaml } from "./support/compile.js";
import { TempRepo } from "./support/git.js";
import { startMetricsStandIn, type MetricsStandIn } from "./support/metrics-stand-in.js";

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly if?: string;
  readonly needs?: string | readonly string[];
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { readonly group?: string; readonly "cancel-in-progress"?: boolean };
  readonly outputs?: Record<string, string>;
  readonly strategy?: {
    readonly "fail-fast"?: boolean;
    readonly "max-parallel"?: number;
    readonly matrix?: Record<string, unknown>;
  };
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly on: Record<string, { readonly paths?: string[]; readonly branches?: string[] }>;
  readonly permissions?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

/** One `slocc <command> ...` in a step's script. */
interface Invocation {
  readonly job: string;
  readonly command: string;
  readonly options: readonly string[];
  readonly step: Step;
}

const workflow = parse(await readFile(join(__dirname, "..", ".github", "workflows", "slo.yml"), "utf8")) as Workflow;

/** Every slocc invocation in the workflow's scripts, with the `--options` given to it (up to a shell operator). */
function invocations(): Invocation[] {
  return Object.entries(workflow.jobs).flatMap(([job, { steps }]) =>
    steps.flatMap((step) =>
      [...(step.run ?? "").matchAll(/\bslocc\s+([a-z][\w-]*)([^\n|&;>]*)/g)].map((match) => ({
        job,
        command: match[1] ?? "",
        options: (match[2] ?? "")
          .split(/\s+/)
          .filter((word) => word.startsWith("--"))
          .map((word) => word.split("=")[0] ?? word),
        step,
      })),
    ),
  );
}

/** The CLI's commands, by name, with the long options each declares. */
function declaredCommands(): Map<string, string[]> {
  const program = buildProgram(
    { ...processContext(), stdout: () => undefined, stderr: () => undefined },
    () => undefined,
  );
  return new Map(
    program.commands.map((command) => [
      command.name(),
      command.options.flatMap((option) => (option.long ? [option.long] : [])),
    ]),
  );
}

function stepUsing(job: string, action: string): Step | undefined {
  return workflow.jobs[job]?.steps.find((step) => step.uses?.startsWith(action));
}

function stepOf(job: string, id: string): Step | undefined {
  return workflow.jobs[job]?.steps.find((step) => step.id === id);
}

const DATADOG_ENV = {
  DD_API_KEY: "${{ secrets.DD_API_KEY }}",
  DD_APP_KEY: "${{ secrets.DD_APP_KEY }}",
  DD_HOST: "${{ vars.DD_HOST }}",
};

describe("the SLO workflow", () => {
  it("runs on pull requests and on pushes to main that touch slos/", () => {
    expect(workflow.on["pull_request"]?.paths).toEqual(["slos/**"]);
    expect(workflow.on["push"]?.branches).toEqual(["main"]);
    expect(workflow.on["push"]?.paths).toEqual(["slos/**"]);
  });

  it("has review, plan and comment jobs for pull requests, and an apply job for pushes", () => {
    expect(workflow.jobs["review"]?.if).toContain("pull_request");
    expect(workflow.jobs["plan"]?.needs).toBe("review");
    expect(workflow.jobs["comment"]?.needs).toEqual(["review", "plan"]);
    expect(workflow.jobs["comment"]?.if).toContain("always()");
    expect(workflow.jobs["apply"]?.if).toContain("push");
  });

  it.each(invocations().map((invocation) => [invocation.command, invocation.job, invocation] as const))(
    "runs slocc %s in the %s job, a command the CLI declares, with options it declares",
    (command, _job, invocation) => {
      const declared = declaredCommands();
      expect([...declared.keys()]).toContain(command);
      for (const option of invocation.options) expect(declared.get(command)).toContain(option);
    },
  );

  it("validates and diffs on pull requests, plans each changed stack, and applies what a push to main changed", () => {
    const run = (job: string) =>
      invocations()
        .filter((invocation) => invocation.job === job)
        .map((i) => [i.command, ...i.options].join(" "));
    expect(run("review")).toEqual(["validate", "diff --base --format --json-out", "preview --changed-since --format"]);
    expect(run("plan")).toEqual(["plan --changed-since --summary"]);
    expect(run("apply")).toEqual(["validate", "apply --auto-approve --changed-since", "apply --auto-approve"]);
  });

  it("gives the Datadog keys and site to the preview, plan, apply and site steps, and to no other step", () => {
    const withKeys = invocations().filter((invocation) => invocation.step.env?.["DD_API_KEY"] !== undefined);
    expect(withKeys.map((invocation) => invocation.command).sort()).toEqual([
      "apply",
      "apply",
      "plan",
      "preview",
      "site",
    ]);
    for (const invocation of withKeys) expect(invocation.step.env).toMatchObject(DATADOG_ENV);
  });

  it("reads the repository, and writes pull request comments only in the comment job", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const job of ["review", "plan", "apply", "site"])
      expect(workflow.jobs[job]?.permissions).toEqual({ contents: "read" });
    expect(workflow.jobs["comment"]?.permissions).toEqual({ contents: "read", "pull-requests": "write" });
  });

  it("plans the stacks the change diff lists in a matrix, one job per stack, a few at a time, none cancelling the others", () => {
    const plan = workflow.jobs["plan"];
    expect(workflow.jobs["review"]?.outputs?.["stacks"]).toBe("${{ steps.diff.outputs.stacks }}");
    expect(plan?.strategy?.matrix?.["stack"]).toBe("${{ fromJSON(needs.review.outputs.stacks) }}");
    expect(plan?.if).toBe("needs.review.outputs.stacks != '[]'");
    expect(plan?.strategy?.["fail-fast"]).toBe(false);
    expect(plan?.strategy?.["max-parallel"]).toBeGreaterThanOrEqual(1);
    expect(plan?.strategy?.["max-parallel"]).toBeLessThanOrEqual(8);
    const step = invocations().find((invocation) => invocation.job === "plan")?.step;
    expect(step?.run).toContain('slocc plan "$STACK"');
    expect(step?.env?.["STACK"]).toBe("${{ matrix.stack }}");
  });

  it("lists the stacks to plan from the JSON the comment's diff run writes beside it, as the review step's output", async () => {
    const repo = new TempRepo();
    const spec = (service: string, target: string) =>
      serviceYaml(RATIO_SLO.replace("target: 99.9", `target: ${target}`)).replace(
        "service: web",
        `service: ${service}`,
      );
    repo.commit({
      "slos/api.yaml": spec("api", "99.9"),
      "slos/web.yaml": spec("web", "99.9"),
      "slos/db.yaml": spec("db", "99.9"),
    });
    repo.write({ "slos/web.yaml": spec("web", "99.5"), "slos/db.yaml": null });
    const script = stepOf("review", "diff")?.run ?? "";
    expect(script).toContain(
      'slocc diff --base "origin/$BASE_REF" --format markdown --json-out slo-diff.json > slo-diff.md',
    );
    const diff = await runCli(
      ["diff", "--base", "main", "--format", "markdown", "--json-out", "slo-diff.json"],
      repo.dir,
    );
    expect(diff.code).toBe(0);
    const outputLine = script.split("\n").find((line) => line.includes("GITHUB_OUTPUT")) ?? "";
    const output = join(repo.dir, "github-output");
    execFileSync("bash", ["-c", outputLine], { cwd: repo.dir, env: { ...process.env, GITHUB_OUTPUT: output } });
    expect(await readFile(output, "utf8")).toBe('stacks=["db","web"]\n');
  });

  describe("the preview step", () => {
    const script = stepOf("review", "preview")?.run ?? "";
    const KEYS = { apiKey: "api-key-workflow-1", appKey: "app-key-workflow-2" };
    let api: MetricsStandIn | undefined;
    afterEach(async () => {
      await api?.close();
      api = undefined;
    });

    /**
     * Runs the step's script in a repository whose working tree changes one SLO since origin/main,
     * with `npx slocc` running the built CLI, as a runner would after `npm ci`.
     */
    async function runStep(env: Readonly<Record<string, string>>): Promise<{ code: number; preview: string }> {
      const repo = new TempRepo();
      repo.commit({ "slos/web.yaml": serviceYaml(RATIO_SLO) });
      repo.git("update-ref", "refs/remotes/origin/main", "HEAD");
      repo.write({ "slos/web.yaml": serviceYaml(RATIO_SLO.replace("target: 99.9", "target: 99.5")) });
      const bin = join(repo.dir, "bin");
      repo.write({ "bin/npx": `#!/bin/sh\nshift\nexec "${process.execPath}" "${BINARY}" "$@"\n` });
      chmodSync(join(bin, "npx"), 0o755);
      // Not spawnSync: the stand-in answers from this process while the script runs.
      const code = await new Promise<number>((resolve, reject) => {
        const child = spawn("bash", ["-e", "-c", script], {
          cwd: repo.dir,
          env: { PATH: `${bin}:${process.env["PATH"] ?? ""}`, BASE_REF: "main", ...env },
          stdio: "ignore",
        });
        child.on("error", reject);
        child.on("close", (status) => resolve(status ?? -1));
      });
      return { code, preview: await readFile(join(repo.dir, "slo-preview.md"), "utf8") };
    }

    it("says the preview was skipped, and succeeds, when the keys are absent as on a fork's pull request", async () => {
      const { code, preview } = await runStep({ DD_API_KEY: "", DD_APP_KEY: "" });
      expect(code).toBe(0);
      expect(preview.trim().split("\n")).toEqual([expect.stringContaining("not measured against Datadog")]);
    });

    it("writes the preview of the changed SLO when the keys are present", async () => {
      api = await startMetricsStandIn({ series: new Map(), keys: KEYS });
      const { code, preview } = await runStep({ DD_API_KEY: KEYS.apiKey, DD_APP_KEY: KEYS.appKey, DD_HOST: api.url });
      expect(code).toBe(0);
      expect(preview).toContain("### SLIs measured against Datadog (SLOs added or changed since `origin/main`)");
      expect(preview).toMatch(/^\| `web\/availability` \| \*\*no data\*\* \|/m);
      expect(api.received.length).toBeGreaterThan(0);
    });

    it("succeeds with a note when Datadog refuses the keys", async () => {
      api = await startMetricsStandIn({ series: new Map(), keys: KEYS });
      const { code, preview } = await runStep({ DD_API_KEY: "wrong", DD_APP_KEY: "wrong", DD_HOST: api.url });
      expect(code).toBe(0);
      expect(preview).toContain("Not every SLO could be measured");
    });

    it("is uploaded with the change diff and appended to the comment", () => {
      const upload = stepUsing("review", "actions/upload-artifact@");
      expect(String(upload?.with?.["path"]).split("\n").filter(Boolean)).toEqual(["slo-diff.md", "slo-preview.md"]);
      const comment = String(stepUsing("comment", "actions/github-script@")?.with?.["script"] ?? "");
      expect(comment).toContain("artifacts/slo-preview.md");
    });
  });

  it("caches TF_PLUGIN_CACHE_DIR wherever Terraform runs", () => {
    expect(workflow.env?.["TF_PLUGIN_CACHE_DIR"]).toBe("${{ github.workspace }}/.terraform-plugins");
    for (const job of ["plan", "apply"]) {
      const cache = workflow.jobs[job]?.steps.find((step) => step.uses?.startsWith("actions/cache@"));
      expect(cache?.with?.["path"]).toBe("${{ env.TF_PLUGIN_CACHE_DIR }}");
    }
  });

  it("appends each stack's plan summary, as the plan step writes it, to the comment", () => {
    const plan = workflow.jobs["plan"]?.steps ?? [];
    expect(plan.find((step) => step.run?.includes("slocc plan"))?.run).toContain('--summary "plan-summary-$STACK.md"');
    const upload = plan.find((step) => step.uses?.startsWith("actions/upload-artifact@"));
    expect(upload?.with?.["path"]).toBe("plan-summary-${{ matrix.stack }}.md");
    const script = String(stepUsing("comment", "actions/github-script@")?.with?.["script"] ?? "");
    expect(script).toContain("artifacts/plan-summary-${stack}.md");
    expect(script).toContain("artifacts/slo-diff.md");
  });

  it("writes the SLO catalog on pushes to main and uploads the directory it wrote as an artifact", async () => {
    expect(workflow.jobs["site"]?.if).toBe("github.event_name == 'push'");
    const [site, ...others] = invocations().filter((invocation) => invocation.job === "site");
    expect(others).toEqual([]);
    expect(site?.step.run).toBe('npx slocc site --out slo-site --source-url "$SOURCE_URL"');
    expect(stepUsing("site", "actions/upload-artifact@")?.with).toEqual({ name: "slo-site", path: "slo-site" });
    const repo = new TempRepo();
    repo.commit({ "slos/web.yaml": serviceYaml(RATIO_SLO) });
    const script = (site?.step.run ?? "")
      .replace(/^npx slocc /, "")
      .replace('"$SOURCE_URL"', "https://github.com/acme/slos/blob/abc");
    const run = await runCli(script.split(" "), repo.dir, {});
    expect(run.code).toBe(0);
    const page = await readFile(join(repo.dir, "slo-site", "services", "web.html"), "utf8");
    expect(page).toContain('href="https://github.com/acme/slos/blob/abc/slos/web.yaml#L1"');
  });

  it("never runs two applies at once, and never cancels one that is running", () => {
    expect(workflow.jobs["apply"]?.concurrency?.group).toBe("slo-apply");
    expect(workflow.jobs["apply"]?.concurrency?.["cancel-in-progress"]).toBe(false);
  });

  it("checks out the full history for the diff and --changed-since, and updates its previous comment found by the marker", () => {
    for (const job of ["review", "plan", "apply"])
      expect(stepUsing(job, "actions/checkout@")?.with?.["fetch-depth"]).toBe(0);
    const script = String(stepUsing("comment", "actions/github-script@")?.with?.["script"] ?? "");
    expect(script).toContain("<!-- slocc-diff -->");
    expect(script).toContain("updateComment");
    expect(script).toContain("createComment");
  });
});
