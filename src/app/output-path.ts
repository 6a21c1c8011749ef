import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { UsageError } from "../util/usage-error.js";
import { displayPath } from "../load/read-directory.js";

/** What an output option names: a directory the command writes files into, or one file it writes. */
export type OutputKind = "directory" | "file";

/**
 * Checks, before anything is read or written, that `path` (relative to `cwd`, given as `option`)
 * can be written as a `kind`: a directory must not be an existing file, a file not an existing
 * directory, and no directory on the way may be a file. Throws a {@link UsageError} saying what to
 * do otherwise, so the command stops with exit code 2 and one line.
 */
export async function checkOutputPath(option: string, path: string, kind: OutputKind, cwd: string): Promise<void> {
  const target = resolve(cwd, path);
  const found = await stat(target).catch(() => undefined);
  if (found?.isFile() && kind === "directory")
    throw new UsageError(`${option} ${path} is a file: give a directory, or remove the file`);
  if (found?.isDirectory() && kind === "file")
    throw new UsageError(`${option} ${path} is a directory: give the path of a file`);
  if (found) return;
  for (let dir = dirname(target); dirname(dir) !== dir; dir = dirname(dir)) {
    const above = await stat(dir).catch(() => undefined);
    if (above?.isDirectory()) return;
    if (above) {
      throw new UsageError(
        `${option} ${path} cannot be written: ${displayPath(dir, cwd)} is a file, not a directory; give another path`,
      );
    }
  }
}
