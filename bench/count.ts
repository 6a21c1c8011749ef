import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

/** Resources of a synthesized cdktf output, counted by stack and resource type (`<stack> <type>`). */
export async function countResources(outdir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const stacks = (await readdir(join(outdir, "stacks"))).sort();
  for (const stack of stacks) {
    const json = JSON.parse(await readFile(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as {
      resource?: Record<string, Record<string, unknown>>;
    };
    for (const [type, resources] of Object.entries(json.resource ?? {}))
      counts.set(`${stack} ${type}`, Object.keys(resources).length);
  }
  return counts;
}

/** The total of every count. */
export function totalOf(counts: ReadonlyMap<string, number>): number {
  return [...counts.values()].reduce((sum, count) => sum + count, 0);
}

/** The first stack and type whose counts differ between two outputs, or undefined when they match. */
export function firstDifference(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string | undefined {
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    if (a.get(key) !== b.get(key)) return `${key}: ${a.get(key) ?? 0} vs ${b.get(key) ?? 0}`;
  }
  return undefined;
}

/** A hash of every file cdktf would write in an output (slocc's own record in `.slocc/` left out), paths included. */
export async function outputDigest(outdir: string): Promise<string> {
  const entries = await readdir(outdir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outdir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith(".slocc"))
    .sort();
  const hash = createHash("sha256");
  for (const path of files)
    hash
      .update(path)
      .update("\0")
      .update(await readFile(join(outdir, path)))
      .update("\0");
  return hash.digest("hex");
}
