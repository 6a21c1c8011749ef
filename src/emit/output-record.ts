import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { StackSettings } from "../settings/stack-settings.js";
import type { StackPlan } from "../plan/resources.js";
import { codeFingerprint } from "../util/fingerprint.js";
import { compareText } from "../util/text.js";
import type { StackManifest } from "./synth-stack.js";

/** The folder, inside an output directory, where slocc records what it wrote there. */
export const RECORD_DIR = ".slocc";

const RECORD_FILE = "stacks.json";

/** What was written into one stack directory: the digest of its inputs, and its manifest entry. */
export interface StackRecord {
  readonly digest: string;
  readonly manifest?: StackManifest;
}

/** The record of an output directory: each stack directory (`stacks/web`, `removed/api`) it holds. */
export type OutputRecord = Readonly<Record<string, StackRecord>>;

/** The record of a previous synthesis into `outdir`; empty when there is none or it cannot be read. */
export async function readRecord(outdir: string): Promise<OutputRecord> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(outdir, RECORD_DIR, RECORD_FILE), "utf8"));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as OutputRecord) : {};
  } catch {
    return {};
  }
}

/** Writes the record of a synthesis into `outdir`, stack directories in name order. */
export async function writeRecord(outdir: string, record: OutputRecord): Promise<void> {
  const ordered = Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
  await mkdir(join(outdir, RECORD_DIR), { recursive: true });
  await writeFile(join(outdir, RECORD_DIR, RECORD_FILE), `${JSON.stringify(ordered, null, 2)}\n`);
}

/**
 * The digest of everything a stack directory's content depends on: the stack's planned resources,
 * the stack settings (backend, provider), where it is written, and slocc itself (its version and its code, so that a build of
 * other code never reuses what this one wrote). Equal digests mean byte-identical output.
 */
export function stackDigest(stack: StackPlan, settings: StackSettings, dir: string): string {
  return createHash("sha256")
    .update(codeFingerprint())
    .update("\0")
    .update(JSON.stringify(settings))
    .update("\0")
    .update(dir)
    .update("\0")
    .update(JSON.stringify(stack))
    .digest("hex");
}
