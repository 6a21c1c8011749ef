import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const WORKFLOWS = join(__dirname, "..", ".github", "workflows");

/** The errors GitHub's own workflow parser finds in a workflow file, as `file (Line: l, Col: c): message`. */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !parsed.value) return errors;
  const template = await convertWorkflowTemplate(parsed.context, parsed.value);
  return (template.errors ?? []).map((error) => error.Message);
}

const files = (await readdir(WORKFLOWS)).filter((name) => name.endsWith(".yml")).sort();

describe("the workflows", () => {
  it("are the project's own checks and the one slocc ships to teams", () => {
    expect(files).toEqual(expect.arrayContaining(["ci.yml", "slo.yml"]));
  });

  it.each(files)("%s is valid for GitHub's own workflow parser", async (name) => {
    expect(await workflowErrors(name, await readFile(join(WORKFLOWS, name), "utf8"))).toEqual([]);
  });

  it("are checked by a parser that finds mistakes, with their line", async () => {
    const mistaken = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    stepz: []\n";
    expect(await workflowErrors("mistaken.yml", mistaken)).toEqual([expect.stringContaining("(Line: 5, Col: 5)")]);
  });
});

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}

const ci = parse(await readFile(join(WORKFLOWS, "ci.yml"), "utf8")) as {
  on: Record<string, unknown>;
  jobs: Record<string, { strategy?: { matrix?: { node?: number[] } }; steps: Step[] }>;
};
const steps = Object.values(ci.jobs).flatMap((job) => job.steps);

describe("the project's CI workflow", () => {
  it("runs on every push to main and every pull request", () => {
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
  });

  it("tests on Node.js 20, 22 and 24", () => {
    const nodes = Object.values(ci.jobs).flatMap((job) => job.strategy?.matrix?.node ?? []);
    expect(nodes).toEqual([20, 22, 24]);
    const setup = steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(setup?.with?.["node-version"]).toBe("${{ matrix.node }}");
  });

  it("installs from the lockfile, then type-checks, lints and runs the test command docs/contributing.md names", async () => {
    const scripts = steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(scripts).toEqual(["npm ci", "npm run typecheck", "npm run lint", "npm test"]);
    const ciRun = await readFile(join(__dirname, "..", ".ci", "run"), "utf8");
    const contributing = await readFile(join(__dirname, "..", "docs", "contributing.md"), "utf8");
    for (const script of scripts) {
      expect(ciRun).toContain(script);
      expect(contributing).toContain(`\`${script}\``);
    }
  });

  it("has the terraform binary the tests run", () => {
    expect(steps.some((step) => step.uses?.startsWith("hashicorp/setup-terraform@"))).toBe(true);
  });
});
