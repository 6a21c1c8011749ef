import type { StackSettings } from "../settings/stack-settings.js";
import type { StackPlan } from "../plan/resources.js";
import { buildApp } from "./stacks.js";

/** One stack to synthesize: its plan, its settings, and the output directory its `stacks/<name>/` goes under. */
export interface StackJob {
  readonly stack: StackPlan;
  readonly outdir: string;
  readonly settings: StackSettings;
}

/** A stack's entry in cdktf's `manifest.json`, as cdktf writes it. */
export type StackManifest = Readonly<Record<string, unknown>>;

/**
 * Synthesizes one stack in a cdktf app of its own, writing `<outdir>/stacks/<name>/cdk.tf.json`,
 * and returns its manifest entry. An app per stack bounds memory by the largest stack; the app's
 * own `manifest.json` is overwritten by the one written for every stack at the end.
 */
export function synthesizeStack(job: StackJob): StackManifest {
  const app = buildApp({ stacks: [job.stack] }, job.outdir, job.settings);
  app.synth();
  const manifest = app.manifest.stacks[job.stack.name];
  if (!manifest) throw new Error(`cdktf wrote no manifest entry for stack ${job.stack.name}`);
  return { ...manifest };
}
