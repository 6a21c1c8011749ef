import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileDirectory } from "../src/app/compile.js";
import { synthFiles } from "./support/compile.js";
import { expectGoldenTree } from "./support/golden.js";

/**
 * Golden fixtures: each folder under test/golden has `slos/` (input) and `expected/` (the whole
 * synthesized output). The examples in the repository's own `slos/` are a fixture too
 * (UPDATE_GOLDEN=1 rewrites `expected/`: see support/golden.ts).
 */
const GOLDEN = join(__dirname, "golden");
const fixtures = [
  { name: "examples", specs: join(__dirname, "..", "slos"), expected: join(GOLDEN, "examples", "expected") },
  ...(await readdir(GOLDEN))
    .filter((name) => name !== "examples")
    .sort()
    .map((name) => ({ name, specs: join(GOLDEN, name, "slos"), expected: join(GOLDEN, name, "expected") })),
];

describe("golden fixtures", () => {
  it.each(fixtures)("$name compiles to the expected Terraform JSON", async ({ specs, expected }) => {
    const result = await compileDirectory(specs, process.cwd());
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    await expectGoldenTree(expected, await synthFiles(result.value!.plan));
  });
});
