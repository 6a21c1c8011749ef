import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileInputs } from "../src/app/compile.js";
import { synthFiles } from "./support/compile.js";

const EXAMPLES = join(__dirname, "..", "slos");

async function exampleInputs() {
  const names = (await readdir(EXAMPLES)).filter((name) => name.endsWith(".yaml")).sort();
  return Promise.all(
    names.map(async (name) => ({ path: `slos/${name}`, bytes: await readFile(join(EXAMPLES, name)) })),
  );
}

describe("deterministic output", () => {
  it("gives byte-identical stacks whatever the order files are read in", async () => {
    const inputs = await exampleInputs();
    const forward = await synthFiles(compileInputs(inputs).value!.plan);
    const backward = await synthFiles(compileInputs([...inputs].reverse()).value!.plan);
    expect([...backward]).toEqual([...forward]);
  });

  it("gives byte-identical stacks when files are renamed", async () => {
    const inputs = await exampleInputs();
    const renamed = inputs.map((input, i) => ({ ...input, path: `elsewhere/renamed-${inputs.length - i}.yml` }));
    expect([...(await synthFiles(compileInputs(renamed).value!.plan))]).toEqual([
      ...(await synthFiles(compileInputs(inputs).value!.plan)),
    ]);
  });

  it("gives byte-identical stacks when SLOs inside a file are reordered", async () => {
    const text = (await readFile(join(EXAMPLES, "e-scooter.yaml"), "utf8")).replace(/\r\n/g, "\n");
    const [head = "", ...entries] = text.split(/\n(?= {2}- name: )/);
    const reordered = [head, ...entries.reverse()].map((part) => part.replace(/\n*$/, "")).join("\n") + "\n";
    const catalog = { path: "aws-slas.yaml", bytes: await readFile(join(EXAMPLES, "aws-slas.yaml")) };
    const original = compileInputs([catalog, { path: "a.yaml", bytes: Buffer.from(text) }]);
    const shuffled = compileInputs([catalog, { path: "a.yaml", bytes: Buffer.from(reordered) }]);
    expect(shuffled.diagnostics).toEqual([]);
    expect([...(await synthFiles(shuffled.value!.plan))]).toEqual([...(await synthFiles(original.value!.plan))]);
  });
});
