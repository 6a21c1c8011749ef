import { readFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileDirectory, type Compilation } from "../src/app/compile.js";
import type { Model } from "../src/model/model.js";
import { serviceToV1 } from "../src/formats/slocc-v1/from-model.js";
import { writeServiceV1 } from "../src/formats/slocc-v1/writer.js";
import { serviceSpecs, specYaml } from "./support/arbitraries.js";
import { compileTexts } from "./support/compile.js";

const ROOT = join(__dirname, "..");

function modelOf(result: Compilation): Model {
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!result.value) throw new Error("no model");
  return result.value.model;
}

/** The model's services written back as spec files, beside the given extra files (catalogs). */
function rewritten(model: Model, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...extra,
    ...Object.fromEntries(
      model.services.map((service) => [`out/${service.name}.yaml`, writeServiceV1(serviceToV1(service))]),
    ),
  };
}

describe("the slocc/v1 writer", () => {
  it("writes the examples back as specs that compile to the very same resources", async () => {
    const original = await compileDirectory(join(ROOT, "slos"), ROOT, { today: "2026-12-01" });
    const catalog = await readFile(join(ROOT, "slos", "aws-slas.yaml"), "utf8");
    const again = compileTexts(rewritten(modelOf(original), { "out/aws-slas.yaml": catalog }), { today: "2026-12-01" });
    const codes = (result: Compilation) => result.diagnostics.map((d) => `${d.severity} ${d.code}`);
    expect(codes(again)).toEqual(codes(original));
    expect(again.value?.plan).toEqual(original.value?.plan);
  });

  it.each(["adopted", "corrections", "sli-kinds", "alerts"])(
    "writes the golden fixture %s back as specs that compile to the very same resources",
    async (fixture) => {
      const original = await compileDirectory(join(__dirname, "golden", fixture, "slos"), ROOT, {
        today: "2026-12-01",
      });
      const again = compileTexts(rewritten(modelOf(original)), { today: "2026-12-01" });
      expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(again.value?.plan).toEqual(original.value?.plan);
    },
  );

  it("writes the same text whatever order the spec files are read in, with the primary objective first", async () => {
    const texts = Object.fromEntries(
      await Promise.all(
        ["aws-slas.yaml", "card-platform.yaml", "e-scooter.yaml"].map(
          async (name) => [`slos/${name}`, await readFile(join(ROOT, "slos", name), "utf8")] as const,
        ),
      ),
    );
    const written = (files: Record<string, string>) => {
      const service = modelOf(compileTexts(files, { today: "2026-12-01" })).services.find(
        (each) => each.name === "card-platform",
      );
      if (!service) throw new Error("no card-platform");
      return writeServiceV1(serviceToV1(service));
    };
    const text = written(texts);
    expect(written(Object.fromEntries(Object.entries(texts).reverse()))).toBe(text);
    expect(text).toContain("      - { window: 30d, target: 99.99, warning: 99.995 }\n      - { window: 7d,");
  });

  it("writes generated specs back as specs that compile to the very same resources", () => {
    fc.assert(
      fc.property(serviceSpecs(2, 3), (specs) => {
        const files = Object.fromEntries(specs.map((spec) => [`slos/${spec.service}.yaml`, specYaml(spec)]));
        const original = compileTexts(files);
        const again = compileTexts(rewritten(modelOf(original)));
        expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(again.value?.plan).toEqual(original.value?.plan);
      }),
      { numRuns: 40 },
    );
  });
});
