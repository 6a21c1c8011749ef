import { access, mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { displayPath } from "../load/read-directory.js";
import type { AppContext } from "./context.js";

/** A file a command writes: its name inside the output directory, and its text. */
export interface OutputFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Writes `files` into `out` (relative to the context's directory), creating it. A file that
 * already exists is overwritten only with `force`: otherwise nothing at all is written, each such
 * file is named on stderr, and the result is undefined. Resolves to the paths written, as shown.
 */
export async function writeOutputFiles(
  files: readonly OutputFile[],
  out: string,
  context: AppContext,
  force: boolean,
): Promise<string[] | undefined> {
  const dir = resolve(context.cwd, out);
  const targets = files.map((file) => ({ ...file, path: join(dir, file.name) }));
  if (!force) {
    const existing = (
      await Promise.all(targets.map(async (target) => ((await fileExists(target.path)) ? [target] : [])))
    ).flat();
    for (const target of existing) {
      context.stderr(
        `slocc: ${displayPath(target.path, context.cwd)} already exists: nothing was written; pass --force to overwrite it, or choose another --out\n`,
      );
    }
    if (existing.length > 0) return undefined;
  }
  await mkdir(dir, { recursive: true });
  for (const target of targets) {
    // Written beside, then renamed: a reader never sees half a file.
    const partial = `${target.path}.partial`;
    await writeFile(partial, target.text);
    await rename(partial, target.path);
  }
  return targets.map((target) => displayPath(target.path, context.cwd));
}

/** Whether something exists at `path`. */
export function fileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}
