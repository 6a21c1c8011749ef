import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../src/load/load-specs.js";
import { CORRECTION_CATEGORY_NAMES } from "../src/datadog/corrections.js";
import { catalogV1, serviceV1, SPEC_V1 } from "../src/formats/slocc-v1/schema.js";
import { runCli } from "./support/cli.js";
import { readCorpus } from "./support/corpus.js";
import { specExamples } from "./support/docs.js";

const ROOT = join(__dirname, "..");
const encoder = new TextEncoder();

/** The parsed data of a spec text, as slocc reads it; undefined when it is not YAML slocc reads. */
function specData(path: string, bytes: Uint8Array): unknown {
  return loadSpecs([{ path, bytes }]).value.files[0]?.data;
}

async function yamlFiles(dir: string): Promise<{ name: string; data: unknown }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".yaml")).sort();
  return Promise.all(
    names.map(async (name) => ({ name: join(dir, name), data: specData(name, await readFile(join(dir, name))) })),
  );
}

/** Complete spec examples of the docs: YAML blocks that start with `apiVersion: slocc/v1`. */
function docExamples(): { name: string; data: unknown }[] {
  return specExamples().map(({ file, index, yaml }) => ({
    name: `${file} example ${index}`,
    data: specData(file, encoder.encode(yaml)),
  }));
}

/** Whether zod, which checks specs, refuses the shape of this data (the envelope included). */
function zodRefuses(data: unknown): boolean {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return true;
  const record = data as Record<string, unknown>;
  if (record["apiVersion"] !== SPEC_V1) return true;
  return !("catalog" in record ? catalogV1 : serviceV1).safeParse(data).success;
}

const printed = await runCli(["schema"]);
const schema = JSON.parse(printed.stdout) as Record<string, unknown>;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

const valid = [
  ...(await yamlFiles(join(ROOT, "slos"))),
  ...(
    await Promise.all(
      (await readdir(join(ROOT, "test", "golden")))
        .filter((name) => name !== "examples")
        .map((name) => yamlFiles(join(ROOT, "test", "golden", name, "slos"))),
    )
  ).flat(),
  ...(await yamlFiles(join(ROOT, "scaffold", "slos"))),
  ...docExamples(),
];

const corpus = (await readCorpus(join(__dirname, "bad-inputs")))
  .filter((c) => c.files.length === 1)
  .flatMap((c) => {
    const file = c.files[0]!;
    const data = specData(file.name, file.bytes);
    return data === undefined ? [] : [{ name: c.name, data, shapeError: zodRefuses(data) }];
  });

describe("the JSON Schema of spec files", () => {
  it("is what the package ships, and JSON Schema draft 2020-12", async () => {
    expect(printed.code).toBe(0);
    expect(await readFile(join(ROOT, "schema", "slocc-v1.schema.json"), "utf8")).toBe(printed.stdout);
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("describes the fields, from the spec reference", () => {
    const service = (schema["$defs"] as Record<string, { properties: Record<string, { description?: string }> }>)[
      "service"
    ];
    for (const key of ["service", "owner", "slos", "dashboard"])
      expect(service?.properties[key]?.description).toBeTruthy();
    expect(printed.stdout).toContain("the SLO's name in Datadog, as written");
  });

  it("has a description for every property, in every definition and at every depth", () => {
    const properties: { path: string; described: boolean }[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}[${index}]`));
      if (typeof node !== "object" || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record["properties"] === "object" && record["properties"] !== null) {
        for (const [key, value] of Object.entries(record["properties"] as Record<string, { description?: unknown }>))
          properties.push({ path: `${path}.properties.${key}`, described: typeof value.description === "string" });
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${path}.${key}`);
    };
    walk(schema, "#");
    expect(properties.length).toBeGreaterThan(100);
    expect(properties.filter((property) => !property.described).map((property) => property.path)).toEqual([]);
  });

  it("lists the correction categories Datadog takes, in the service's and each SLO's corrections", () => {
    const defs = schema["$defs"] as Record<string, unknown>;
    const correction = (path: string[]) =>
      path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], defs) as { enum?: unknown };
    const service = ["service", "properties", "corrections", "items", "properties", "category"];
    const slo = [
      "service",
      "properties",
      "slos",
      "items",
      "properties",
      "corrections",
      "items",
      "properties",
      "category",
    ];
    for (const path of [service, slo]) expect(correction(path).enum).toEqual([...CORRECTION_CATEGORY_NAMES]);
  });

  it("has examples, fixtures and docs to accept, and bad inputs with shape errors to refuse", () => {
    expect(valid.length).toBeGreaterThanOrEqual(10);
    expect(corpus.filter((c) => c.shapeError).length).toBeGreaterThanOrEqual(15);
  });

  it.each(valid)("accepts $name", ({ data }) => {
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(corpus)("judges the shape of $name as slocc does", ({ data, shapeError }) => {
    expect(validate(data)).toBe(!shapeError);
  });
});
