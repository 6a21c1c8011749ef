import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The terraform binary, if this machine has one. */
export const terraformBinary: string | undefined = findTerraform();

function findTerraform(): string | undefined {
  const found = spawnSync("terraform", ["version"], { encoding: "utf8" });
  return found.status === 0 ? "terraform" : undefined;
}

/** The reason shown in test names when terraform is absent. */
export const terraformSkipNote = terraformBinary ? "" : " (SKIPPED: terraform is not installed)";

/**
 * Evaluates strings exactly as Terraform reads them from a `.tf.json` file (templates and escapes
 * applied), through `terraform console`, which needs no provider and no network.
 */
export function evaluateTerraformStrings(strings: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), "slocc-tf-"));
  writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ locals: { strings } }));
  const printed = execFileSync(terraformBinary ?? "terraform", ["console"], {
    cwd: dir,
    // Base64 keeps the printed value ASCII: the console shows some characters as HCL escapes (`\U000e0001`) that JSON cannot read.
    input: "base64encode(jsonencode(local.strings))\n",
    encoding: "utf8",
    env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1" },
  });
  const line = printed.trim().split("\n").pop() ?? "";
  return JSON.parse(Buffer.from(JSON.parse(line) as string, "base64").toString("utf8")) as string[];
}
