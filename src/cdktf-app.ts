import { compileDirectory } from "./compile.js";
import { backendChoice } from "./config/backend.js";
import { formatDiagnosticsText } from "./diagnostics/format.js";
import { buildApp } from "./emit/stacks.js";

/**
 * Entry point for `cdktf synth` / `cdktf diff` / `cdktf deploy` (cdktf.json's `app`): the same
 * compilation as `slocc synth`, written where the cdktf CLI asks (CDKTF_OUTDIR).
 */
export async function runCdktfApp(dir = process.env["SLOCC_DIR"] ?? "slos"): Promise<number> {
  const result = await compileDirectory(dir);
  if (result.diagnostics.length > 0) {
    process.stderr.write(`${formatDiagnosticsText(result.diagnostics, { color: false, sources: result.sources })}\n`);
  }
  if (!result.plan) return 1;
  const backend = backendChoice(process.env["SLOCC_BACKEND"], process.env["SLOCC_BACKEND_CONFIG"] ? [process.env["SLOCC_BACKEND_CONFIG"]] : []);
  buildApp(result.plan, process.env["CDKTF_OUTDIR"] ?? "cdktf.out", backend).synth();
  return 0;
}
