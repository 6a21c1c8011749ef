import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_STAMP, changedSinceBuild } from "./support/build-freshness.js";
import { tempDir } from "./support/compile.js";

/** A project tree whose files have the given ages in seconds (larger is older). */
async function project(ages: Readonly<Record<string, number>>): Promise<string> {
  const root = await tempDir("slocc-build-");
  const now = Date.now() / 1000;
  for (const [path, age] of Object.entries(ages)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), "");
    utimesSync(join(root, path), now - age, now - age);
  }
  return root;
}

describe("the freshness of dist/ before the tests run", () => {
  it.each([
    {
      name: "a source edited after the build makes it stale",
      ages: { "src/app/compile.ts": 10, "src/index.ts": 100, [BUILD_STAMP]: 50, "package.json": 100 },
      changed: ["src/app/compile.ts"],
    },
    {
      name: "a changed tsconfig.json makes it stale",
      ages: { "src/index.ts": 100, [BUILD_STAMP]: 50, "tsconfig.json": 5 },
      changed: ["tsconfig.json"],
    },
    {
      name: "sources older than the build leave it fresh",
      ages: { "src/index.ts": 100, "src/cli/main.ts": 90, [BUILD_STAMP]: 50, "package.json": 200 },
      changed: [],
    },
    {
      name: "a project never built has every input changed",
      ages: { "src/index.ts": 100, "package.json": 100 },
      changed: ["package.json", "src/index.ts"],
    },
  ])("$name", async ({ ages, changed }) => {
    expect(changedSinceBuild(await project(ages))).toEqual(changed);
  });

  it("finds this repository built from its current sources once the tests run", () => {
    expect(changedSinceBuild(join(__dirname, ".."))).toEqual([]);
  });
});
