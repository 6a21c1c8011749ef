import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { App } from "cdktf";
import type { CompiledPlan } from "../plan/resources.js";
import { LOCAL_BACKEND, type BackendChoice } from "../config/backend.js";
import { buildApp } from "./stacks.js";

/**
 * Writes `outdir` exactly as `cdktf synth` would (`manifest.json`, `stacks/<name>/cdk.tf.json`).
 * The app is synthesized into a sibling directory first and swapped in only when complete, so a
 * failure never leaves a half-replaced output.
 */
export async function synthesizeTo(
  plan: CompiledPlan,
  outdir: string,
  backend: BackendChoice = LOCAL_BACKEND,
): Promise<void> {
  const target = resolve(outdir);
  const suffix = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = join(dirname(target), `.${basename(target)}.tmp-${suffix}`);
  const retired = join(dirname(target), `.${basename(target)}.old-${suffix}`);
  try {
    synthesizeStackByStack(plan, staging, backend);
    await rename(target, retired).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
    });
    await rename(staging, target).catch(async (error: unknown) => {
      await rename(retired, target).catch(() => undefined);
      throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
}

/**
 * Synthesizes each stack in an app of its own, then writes the manifest of them all: the same files,
 * byte for byte, as one app's `synth()`. One app holds every stack's constructs until the end (5,000
 * SLOs peaked above 600 MB); one app per stack, with no cdktf token kept across stacks (see
 * `idReference`), bounds the memory by the largest stack.
 */
function synthesizeStackByStack(plan: CompiledPlan, outdir: string, backend: BackendChoice): void {
  const index = new App({ outdir });
  for (const stack of plan.stacks) {
    const app = buildApp({ stacks: [stack] }, outdir, backend);
    app.synth();
    Object.assign(index.manifest.stacks, app.manifest.stacks);
  }
  index.manifest.writeToFile();
}
