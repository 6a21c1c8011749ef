import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileDirectory } from "../src/app/compile.js";
import { readTree, synthFiles } from "./support/compile.js";

/**
 * Golden fixtures: each folder under test/golden has `slos/` (input) and `expected/` (the whole
 * synthesized output). The examples in the repository's own `slos/` are a fixture too. Run with
 * UPDATE_GOLDEN=1 to rewrite `expected/` after an intended change, then review the diff.
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
    const actual = await synthFiles(result.value!.plan);
    if (process.env["UPDATE_GOLDEN"]) await writeTree(expected, actual);
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(await readTree(expected)));
  });
});

async function writeTree(root: string, files: Map<string, string>): Promise<void> {
  await rm(root, { recursive: true, force: true });
  for (const [path, text] of files) {
    await mkdir(join(root, path, ".."), { recursive: true });
    await writeFile(join(root, path), text);
  }
}
