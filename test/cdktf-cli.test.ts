import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { readTree, tempDir, withoutRecord } from "./support/compile.js";

const ROOT = join(__dirname, "..");

describe("the cdktf CLI", () => {
  it("synthesizes the examples to the same files as slocc synth, through cdktf.json's app", async () => {
    const viaCdktf = join(await tempDir(), "cdktf.out");
    const cdktf = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf"), "synth", "--output", viaCdktf],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" },
      },
    );
    expect(cdktf.status, cdktf.stderr).toBe(0);
    const viaSlocc = join(await tempDir(), "cdktf.out");
    expect((await runCli(["synth", "--dir", join(ROOT, "slos"), "--out", viaSlocc])).code).toBe(0);
    expect(Object.fromEntries(await readTree(viaCdktf))).toEqual(
      Object.fromEntries(withoutRecord(await readTree(viaSlocc))),
    );
  });
});
