import { compileDirectory } from "./app/compile.js";
import { backendChoice } from "./config/backend.js";
import { buildApp } from "./emit/stacks.js";
import { renderDiagnosticsText } from "./render/diagnostics.js";

/**
 * Entry point for `cdktf synth` / `cdktf diff` / `cdktf deploy` (cdktf.json's `app`): the same
 * compilation as `slocc synth`, written where the cdktf CLI asks (CDKTF_OUTDIR).
 */
export async function runCdktfApp(dir = process.env["SLOCC_DIR"] ?? "slos"): Promise<number> {
  const result = await compileDirectory(dir, process.cwd());
  if (result.diagnostics.length > 0) {
    process.stderr.write(`${renderDiagnosticsText(result.diagnostics, { color: false, sources: result.sources })}\n`);
  }
  if (!result.value) return 1;
  const backend = backendChoice(
    process.env["SLOCC_BACKEND"],
    process.env["SLOCC_BACKEND_CONFIG"] ? [process.env["SLOCC_BACKEND_CONFIG"]] : [],
  );
  buildApp(result.value.plan, process.env["CDKTF_OUTDIR"] ?? "cdktf.out", backend).synth();
  return 0;
}
