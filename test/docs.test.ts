import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../src/diagnostics/codes.js";
import { runCli } from "./support/cli.js";
import { compileOne } from "./support/compile.js";

const ROOT = join(__dirname, "..");
const DOCS = ["README.md", "docs/spec.md"];

/** Complete spec examples in a Markdown file: YAML blocks that start with `apiVersion:`. */
async function specExamples(file: string): Promise<{ file: string; index: number; yaml: string }[]> {
  const text = await readFile(join(ROOT, file), "utf8");
  return [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? "")
    .filter((yaml) => yaml.startsWith("apiVersion:"))
    .map((yaml, index) => ({ file, index, yaml }));
}

const examples = (await Promise.all(DOCS.map(specExamples))).flat();

describe("documentation", () => {
  it("has complete spec examples to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)("example $index of $file compiles without a diagnostic", ({ yaml }) => {
    const result = compileOne(yaml);
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.plan).toBeDefined();
  });

  it("shows in the README the very output `slocc explain` prints for the example", async () => {
    const readme = await readFile(join(ROOT, "README.md"), "utf8");
    const command = "$ slocc explain card-platform/repayment-availability\n";
    const shown = readme.slice(readme.indexOf(command) + command.length).split("```")[0];
    const run = await runCli(["explain", "card-platform/repayment-availability", "--dir", join(ROOT, "slos")]);
    expect(run.stdout).toBe(shown);
  });

  it("lists every diagnostic code with its severity in the spec reference", async () => {
    const spec = await readFile(join(ROOT, "docs/spec.md"), "utf8");
    for (const [code, { severity }] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(spec).toContain(`| \`${code}\` | ${severity} |`);
    }
  });
});
