import { randomUUID } from "node:crypto";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileInputs, type Compilation } from "../src/app/compile.js";
import { formatSloAlertQuery } from "../src/datadog/slo-alert-query.js";
import {
  CORRECTION_RESOURCE,
  MONITOR_RESOURCE,
  SLO_RESOURCE,
  type CompiledPlan,
  type PlannedResource,
} from "../src/plan/resources.js";
import { serviceSpecs, specYaml, type ServiceSpec } from "./support/arbitraries.js";
import { runBinary, type BinaryRun } from "./support/cli.js";
import { readTree, tempDir } from "./support/compile.js";
import { stringsOf } from "./support/json-strings.js";
import { correctionViolations, monitorViolations, providerViolations, sloViolations } from "./support/output-rules.js";
import { resourcesOf, stacksOf, synthesizeInMemory, type StackJson } from "./support/synth.js";
import { evaluateTerraformStrings, terraformBinary, terraformSkipNote } from "./support/terraform.js";

const ROOT = join(__dirname, "..");
const encoder = new TextEncoder();

/** Compiles specs written as `slos/<service>.yaml`, or under the given file names. */
function compileSpecs(
  specs: readonly ServiceSpec[],
  paths: readonly string[] = specs.map((spec) => `slos/${spec.service}.yaml`),
): Compilation {
  return compileInputs(
    specs.map((spec, index) => ({ path: paths[index] ?? `slos/${index}.yaml`, bytes: encoder.encode(specYaml(spec)) })),
  );
}

/** The error diagnostics of a result, as `CODE file:line:column message` for readable failures. */
function errorsOf(result: Compilation): string[] {
  return result.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.message}`);
}

/** The plan of a result that must have compiled. */
function planOf(result: Compilation): CompiledPlan {
  expect(errorsOf(result)).toEqual([]);
  if (!result.value?.plan) throw new Error("no plan");
  return result.value.plan;
}

/** Every rule violation in the synthesized stacks, prefixed with where it is. */
function ruleViolations(stacks: ReadonlyMap<string, StackJson>): string[] {
  return [...stacks].flatMap(([name, stack]) => {
    const slos = new Map(resourcesOf(stack, SLO_RESOURCE));
    return [
      ...providerViolations(stack).map((problem) => `${name}: ${problem}`),
      ...[...slos].flatMap(([id, slo]) => sloViolations(slo).map((problem) => `${name}/${id}: ${problem}`)),
      ...resourcesOf(stack, MONITOR_RESOURCE).flatMap(([id, monitor]) =>
        monitorViolations(monitor, slos).map((problem) => `${name}/${id}: ${problem}`),
      ),
      ...resourcesOf(stack, CORRECTION_RESOURCE).flatMap(([id, correction]) =>
        correctionViolations(correction, slos).map((problem) => `${name}/${id}: ${problem}`),
      ),
    ];
  });
}

describe("random valid specs", () => {
  it("compile without an error diagnostic", () => {
    fc.assert(
      fc.property(serviceSpecs(3, 4), (specs) => {
        const result = compileSpecs(specs);
        expect(errorsOf(result)).toEqual([]);
        expect(result.value?.plan.stacks.map((stack) => stack.name)).toEqual(specs.map((spec) => spec.service).sort());
      }),
      { numRuns: 200 },
    );
  });

  it("synthesize to SLOs, alert monitors and provider blocks that satisfy Datadog's rules", async () => {
    await fc.assert(
      fc.asyncProperty(serviceSpecs(2, 4), async (specs) => {
        const stacks = stacksOf(await synthesizeInMemory(planOf(compileSpecs(specs))));
        expect(stacks.size).toBe(specs.length);
        expect(ruleViolations(stacks)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("give byte-identical output whatever the order and names of the files and the order of SLOs in them", async () => {
    const shuffled = serviceSpecs(3, 3).chain((specs) =>
      fc.tuple(
        fc.constant(specs),
        fc.shuffledSubarray([...specs.keys()], { minLength: specs.length, maxLength: specs.length }),
        fc.uniqueArray(
          fc
            .tuple(fc.stringMatching(/^[a-z0-9_-]{1,12}$/), fc.constantFrom(".yaml", ".yml"))
            .map(([stem, extension]) => `elsewhere/${stem}${extension}`),
          {
            minLength: specs.length,
            maxLength: specs.length,
          },
        ),
        fc.tuple(
          ...specs.map((spec) =>
            fc.shuffledSubarray([...spec.slos], { minLength: spec.slos.length, maxLength: spec.slos.length }),
          ),
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(shuffled, async ([specs, order, names, sloOrders]) => {
        const reordered = order.map((index) => ({ ...specs[index]!, slos: sloOrders[index]! }));
        const original = await synthesizeInMemory(planOf(compileSpecs(specs)));
        const moved = await synthesizeInMemory(planOf(compileSpecs(reordered, names)));
        expect([...moved]).toEqual([...original]);
      }),
      { numRuns: 15 },
    );
  });

  it("give byte-identical output when compiled twice", async () => {
    await fc.assert(
      fc.asyncProperty(serviceSpecs(2, 4), async (specs) => {
        const first = await synthesizeInMemory(planOf(compileSpecs(specs)));
        const second = await synthesizeInMemory(planOf(compileSpecs(specs)));
        expect([...second]).toEqual([...first]);
      }),
      { numRuns: 10 },
    );
  });
});

/** A reference the compiler itself writes into a string, such as `${datadog_service_level_objective.slo_web__a.id}`; ` +
  `never one after `$`, which is escaped text. */
const COMPILER_REFERENCE = /(?<!\$)\$\{(datadog_[a-z_]+)\.([A-Za-z0-9_]+)\.id\}/g;

/** Stands in for a resource id, on both sides of the comparison, so Terraform evaluates the rest of the text. */
function referencePlaceholder(type: string, logicalId: string): string {
  return `REF(${type}.${logicalId})`;
}

/** An emitted string with each compiler-made reference replaced by its placeholder. */
function withPlaceholders(text: string): string {
  return text.replace(COMPILER_REFERENCE, (_reference, type: string, id: string) => referencePlaceholder(type, id));
}

/**
 * The strings a planned resource holds, a monitor's query and a correction's SLO reference included
 * (with the placeholder for its SLO's id).
 */
function plannedStrings(resource: PlannedResource): string[] {
  const strings = stringsOf(resource.config, false);
  if (resource.resourceType === MONITOR_RESOURCE)
    strings.push(
      formatSloAlertQuery({
        ...resource.query,
        sloId: referencePlaceholder(SLO_RESOURCE, resource.query.sloLogicalId),
      }),
    );
  // A correction refers to its SLO twice: its slo_id, and the reference that replaces it with the SLO.
  if (resource.resourceType === CORRECTION_RESOURCE)
    strings.push(
      referencePlaceholder(SLO_RESOURCE, resource.sloLogicalId),
      `${SLO_RESOURCE}.${resource.sloLogicalId}.id`,
    );
  return strings;
}

/** What Terraform makes of escaped text: `$${` and `%%{` become `${` and `%{`, and nothing else changes. */
function unescapeTemplate(text: string): string {
  return text.replace(/([$%])\1\{/g, "$1{");
}

/**
 * A string as Terraform reads it from JSON: Terraform normalises every string to Unicode NFC and
 * drops a leading U+FEFF (observed with terraform console), so `e\u0301` arrives as `é`.
 */
function asTerraformReadsIt(text: string): string {
  return text.normalize("NFC").replace(/^\uFEFF/, "");
}

/** Resource types whose every string comes from the plan's configuration (and the query or SLO reference). */
const PLAN_MIRRORED: readonly string[] = [SLO_RESOURCE, MONITOR_RESOURCE, CORRECTION_RESOURCE];

describe(`Terraform's reading of synthesized strings${terraformSkipNote}`, () => {
  it.skipIf(!terraformBinary)(
    "gives back every string of the resource section as the plan holds it, and no live template, for a sample of random specs",
    async () => {
      const seed = Date.now();
      const samples = fc.sample(serviceSpecs(2, 4), { numRuns: 5, seed });
      const emitted: { text: string; mirrored: boolean }[] = [];
      const planned: string[] = [];
      for (const specs of samples) {
        const plan = planOf(compileSpecs(specs));
        const stacks = stacksOf(await synthesizeInMemory(plan));
        for (const stackPlan of plan.stacks) {
          for (const [type, byId] of Object.entries(stacks.get(stackPlan.name)?.resource ?? {})) {
            const mirrored = PLAN_MIRRORED.includes(type);
            for (const resource of Object.values(byId))
              emitted.push(...stringsOf(resource, true).map((text) => ({ text: withPlaceholders(text), mirrored })));
          }
          planned.push(
            ...stackPlan.resources
              .filter((resource) => PLAN_MIRRORED.includes(resource.resourceType))
              .flatMap(plannedStrings),
          );
        }
      }
      expect(emitted.some(({ text }) => text.includes("$${"))).toBe(true);
      const evaluated = evaluateTerraformStrings(emitted.map(({ text }) => text));
      const live = emitted
        .filter(({ text }, index) => evaluated[index] !== asTerraformReadsIt(unescapeTemplate(text)))
        .map(({ text }) => text);
      expect(live, `strings Terraform did not read literally (fast-check seed ${seed})`).toEqual([]);
      const mirrored = evaluated.filter((_text, index) => emitted[index]?.mirrored);
      expect(mirrored.sort(), `fast-check seed ${seed}`).toEqual(planned.map(asTerraformReadsIt).sort());
    },
  );
});

describe("credentials in the environment", () => {
  it("never appear in the output files, stdout or stderr of validate and synth, for the examples or a broken spec", async () => {
    const secrets: Record<string, string> = {};
    for (const variable of ["DD_API_KEY", "DD_APP_KEY", "DATADOG_API_KEY", "DATADOG_APP_KEY"])
      secrets[variable] = `fake-${variable.toLowerCase()}-${randomUUID()}`;
    // The built binary, with the keys in its own environment: whatever reads the environment (slocc, cdktf) sees them.
    const env = { ...process.env, ...secrets, NO_COLOR: "1", CHECKPOINT_DISABLE: "1" };
    const examples = await tempDir("slocc-secrets-");
    const broken = await tempDir("slocc-secrets-");
    try {
      await cp(join(ROOT, "slos"), join(examples, "slos"), { recursive: true });
      await mkdir(join(broken, "slos"));
      await writeFile(
        join(broken, "slos", "web.yaml"),
        "apiVersion: slocc/v1\nservice: web\nowner: web-sre\nslos:\n  - name: a\n    sli: {}\n    objectives: [{ window: 30d, target: 100 }]\n",
      );
      const runs: BinaryRun[] = [];
      for (const project of [examples, broken]) {
        runs.push(
          await runBinary(["validate"], project, env),
          await runBinary(["validate", "--format", "json"], project, env),
          await runBinary(["synth"], project, env),
        );
      }
      expect(runs.map((run) => run.code)).toEqual([0, 0, 0, 1, 1, 1]);
      const files = [...(await readTree(examples)).values(), ...(await readTree(broken)).values()];
      expect(files.length).toBeGreaterThan(2);
      const texts = [...runs.flatMap((run) => [run.stdout, run.stderr]), ...files];
      for (const secret of Object.values(secrets)) expect(texts.filter((text) => text.includes(secret))).toEqual([]);
    } finally {
      await rm(examples, { recursive: true, force: true });
      await rm(broken, { recursive: true, force: true });
    }
  });
});
