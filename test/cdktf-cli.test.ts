import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { readTree, tempDir, withoutRecord } from "./support/compile.js";

const ROOT = join(__dirname, "..");

describe("the cdktf CLI", () => {
  it("synthesizes the examples to the same files as slocc synth, through cdktf.json's app, their warnings not labelled errors", async () => {
    const work = await tempDir();
    const viaCdktf = join(work, "cdktf.out");
    // An empty Terraform CLI configuration, so that terraform has no warning of its own to print.
    const terraformConfig = join(work, "terraform.rc");
    await writeFile(terraformConfig, "");
    const cdktf = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf"), "synth", "--output", viaCdktf],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1", TF_CLI_CONFIG_FILE: terraformConfig },
      },
    );
    expect(cdktf.status, cdktf.stderr).toBe(0);
    expect(cdktf.stdout).toContain("warning CEILING_EXCEEDED");
    expect(cdktf.stdout + cdktf.stderr).not.toContain("[ERROR]");
    const viaSlocc = join(await tempDir(), "cdktf.out");
    expect((await runCli(["synth", "--dir", join(ROOT, "slos"), "--out", viaSlocc])).code).toBe(0);
    expect(Object.fromEntries(await readTree(viaCdktf))).toEqual(
      Object.fromEntries(withoutRecord(await readTree(viaSlocc))),
    );
  });
});
