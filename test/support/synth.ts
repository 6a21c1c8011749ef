import { rm } from "node:fs/promises";
import { join } from "node:path";
import { synthesizeTo } from "../../src/emit/synth.js";
import type { CompiledPlan } from "../../src/plan/resources.js";
import { readTree, tempDir, withoutRecord } from "./compile.js";

/** A synthesized `cdk.tf.json`, as far as tests read it. */
export interface StackJson {
  readonly provider?: Readonly<Record<string, unknown>>;
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
}

/** Synthesizes a plan into a temporary directory and returns every written file (relative path -> text), leaving nothing behind. */
export async function synthesizeInMemory(plan: CompiledPlan): Promise<Map<string, string>> {
  const dir = await tempDir("slocc-synth-");
  try {
    const out = join(dir, "cdktf.out");
    await synthesizeTo(plan, out);
    return withoutRecord(await readTree(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The parsed stacks among synthesized files, by stack name. */
export function stacksOf(files: ReadonlyMap<string, string>): Map<string, StackJson> {
  const stacks = new Map<string, StackJson>();
  for (const [path, text] of files) {
    const match = /^stacks\/([^/]+)\/cdk\.tf\.json$/.exec(path);
    if (match?.[1]) stacks.set(match[1], JSON.parse(text) as StackJson);
  }
  return stacks;
}

/** The resources of one type in a stack, by logical id. */
export function resourcesOf(stack: StackJson, type: string): [string, Readonly<Record<string, unknown>>][] {
  return Object.entries(stack.resource?.[type] ?? {});
}
