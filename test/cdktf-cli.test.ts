import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./support/cli.js";
import { readTree, tempDir, withoutRecord } from "./support/compile.js";

const ROOT = join(__dirname, "..");

/**
 * Whether cdktf-cli can start on this Node.js: it loads a native terminal module that its last
 * release (0.21, archived) ships built for Node.js 20 and 22 only.
 */
const cdktfCliLoads =
  spawnSync(process.execPath, ["-e", "require('@cdktf/node-pty-prebuilt-multiarch')"], { cwd: ROOT }).status === 0;
const onThisNode = ` (Node.js ${process.versions.node}, cdktf-cli ${cdktfCliLoads ? "loads" : "does not load"})`;

/** What `slocc synth` writes for the examples, in a new directory. */
async function sloccSynth(): Promise<Record<string, string>> {
  const out = join(await tempDir(), "cdktf.out");
  expect((await runCli(["synth", "--dir", join(ROOT, "slos"), "--out", out])).code).toBe(0);
  return Object.fromEntries(withoutRecord(await readTree(out)));
}

describe(`the cdktf CLI${onThisNode}`, () => {
  it.runIf(cdktfCliLoads)(
    "synthesizes the examples to the same files as slocc synth, through cdktf.json's app, their warnings not labelled errors",
    async () => {
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
      expect(Object.fromEntries(await readTree(viaCdktf))).toEqual(await sloccSynth());
    },
  );

  it.runIf(!cdktfCliLoads)(
    "fails to synthesize where docs/terraform.md says it cannot run, naming its terminal module",
    async () => {
      const cdktf = spawnSync(
        process.execPath,
        [
          join(ROOT, "node_modules", "cdktf-cli", "bundle", "bin", "cdktf"),
          "synth",
          "--output",
          join(await tempDir(), "out"),
        ],
        { cwd: ROOT, encoding: "utf8", env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" } },
      );
      expect(cdktf.status).not.toBe(0);
      expect(cdktf.stdout + cdktf.stderr).toContain("node-pty-prebuilt-multiarch");
    },
  );

  it("is described truthfully in docs/terraform.md: the Node.js versions it runs on", async () => {
    const page = (await readFile(join(ROOT, "docs", "terraform.md"), "utf8")).replace(/\n/g, " ");
    const major = Number(process.versions.node.split(".")[0]);
    const statement = /`npx cdktf synth` runs on Node\.js ([\d, and]+) only/.exec(page);
    expect(statement, "docs/terraform.md names the Node.js versions cdktf-cli runs on").not.toBeNull();
    const supported = [...(statement?.[1] ?? "").matchAll(/\d+/g)].map(Number);
    expect(supported.includes(major)).toBe(cdktfCliLoads);
  });

  it("is not needed to run cdktf.json's app: run as cdktf runs it, it writes what slocc synth writes", async () => {
    const { app } = JSON.parse(await readFile(join(ROOT, "cdktf.json"), "utf8")) as { app: string };
    const [command, ...args] = app.split(" ");
    expect(command).toBe("node");
    const out = join(await tempDir(), "cdktf.out");
    const run = spawnSync(process.execPath, args, {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, CDKTF_OUTDIR: out, CHECKPOINT_DISABLE: "1" },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("warning CEILING_EXCEEDED");
    expect(Object.fromEntries(await readTree(out))).toEqual(await sloccSynth());
  });
});
