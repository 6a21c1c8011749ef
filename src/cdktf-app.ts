import { compileDirectory } from "./app/compile.js";
import { stackSettingsFrom } from "./settings/stack-settings.js";
import { failsRun } from "./diagnostics/diagnostic.js";
import { buildApp } from "./emit/stacks.js";
import { renderDiagnosticsText } from "./render/diagnostics.js";
import { UsageError } from "./util/usage-error.js";

/**
 * Entry point for `cdktf synth` / `cdktf diff` / `cdktf deploy` (cdktf.json's `app`): the same
 * compilation as `slocc synth`, written where the cdktf CLI asks (CDKTF_OUTDIR). The cdktf CLI
 * labels everything an app prints on stderr `[ERROR]`: warnings go to stdout, which it shows as
 * they are; only a run that fails prints on stderr.
 */
export async function runCdktfApp(dir = process.env["SLOCC_DIR"] ?? "slos"): Promise<number> {
  const result = await compileDirectory(dir, process.cwd());
  if (result.diagnostics.length > 0) {
    const text = `${renderDiagnosticsText(result.diagnostics, { color: false, sources: result.sources })}\n`;
    (failsRun(result.diagnostics) ? process.stderr : process.stdout).write(text);
  }
  if (!result.value) return 1;
  try {
    const settings = stackSettingsFrom({}, process.env);
    buildApp(result.value.plan, process.env["CDKTF_OUTDIR"] ?? "cdktf.out", settings).synth();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`slocc: ${error.message}\n`);
    return 2;
  }
  return 0;
}
