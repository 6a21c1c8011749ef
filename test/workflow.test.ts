import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { processContext } from "../src/app/context.js";
import { buildProgram } from "../src/cli/main.js";

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly env?: Record<string, string>;
}

interface Job {
  readonly if?: string;
  readonly permissions?: Record<string, string>;
  readonly concurrency?: { readonly group?: string; readonly "cancel-in-progress"?: boolean };
  readonly steps: readonly Step[];
}

interface Workflow {
  readonly on: Record<string, { readonly paths?: string[]; readonly branches?: string[] }>;
  readonly permissions?: Record<string, string>;
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

  it("has a review job for pull requests and an apply job for pushes", () => {
    expect(workflow.jobs["review"]?.if).toContain("pull_request");
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

  it("runs validate, diff and plan on pull requests, and validate then apply --auto-approve on main", () => {
    const run = (job: string) =>
      invocations()
        .filter((invocation) => invocation.job === job)
        .map((i) => [i.command, ...i.options].join(" "));
    expect(run("review")).toEqual(["validate", "diff --base --format", "plan"]);
    expect(run("apply")).toEqual(["validate", "apply --auto-approve"]);
  });

  it("gives the Datadog keys and site to the plan and apply steps, and to no other step", () => {
    const withKeys = invocations().filter((invocation) => invocation.step.env?.["DD_API_KEY"] !== undefined);
    expect(withKeys.map((invocation) => invocation.command).sort()).toEqual(["apply", "plan"]);
    for (const invocation of withKeys) expect(invocation.step.env).toEqual(DATADOG_ENV);
  });

  it("reads the repository and writes pull request comments only in the review job", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    expect(workflow.jobs["review"]?.permissions).toEqual({ contents: "read", "pull-requests": "write" });
    expect(workflow.jobs["apply"]?.permissions).toEqual({ contents: "read" });
  });

  it("never runs two applies at once, and never cancels one that is running", () => {
    expect(workflow.jobs["apply"]?.concurrency?.group).toBeTruthy();
    expect(workflow.jobs["apply"]?.concurrency?.["cancel-in-progress"]).toBe(false);
  });

  it("checks out the full history for the diff, and updates its previous comment found by the marker", () => {
    const steps = workflow.jobs["review"]?.steps ?? [];
    expect(steps.find((step) => step.uses?.startsWith("actions/checkout@"))?.with?.["fetch-depth"]).toBe(0);
    const script = String(
      steps.find((step) => step.uses?.startsWith("actions/github-script@"))?.with?.["script"] ?? "",
    );
    expect(script).toContain("<!-- slocc-diff -->");
    expect(script).toContain("updateComment");
    expect(script).toContain("createComment");
  });
});
