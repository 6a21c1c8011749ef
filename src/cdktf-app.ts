import { compileDirectory } from "./app/compile.js";
import { stackSettingsFrom } from "./settings/stack-settings.js";
import { failsRun } from "./diagnostics/diagnostic.js";
import { buildApp } from "./emit/stacks.js";
import { renderDiagnosticsText } from "./render/diagnostics.js";

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
  const settings = stackSettingsFrom({}, process.env);
  if (!settings.ok) {
    for (const problem of settings.problems) process.stderr.write(`slocc: ${problem.message}\n`);
    return 2;
  }
  buildApp(result.value.plan, process.env["CDKTF_OUTDIR"] ?? "cdktf.out", settings.value).synth();
  return 0;
}
