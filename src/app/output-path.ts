import { stat } from "node:fs/promises";
import { dirname, isAbsolute, resolve } from "node:path";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { displayPath } from "../load/read-directory.js";

/** What an output option names: a directory the command writes files into, or one file it writes. */
export type OutputKind = "directory" | "file";

/**
 * Checks, before anything is read or written, that `path` (relative to `cwd`, given as `option`)
 * can be written as a `kind`: a directory must not be an existing file, a file not an existing
 * directory, and no directory on the way may be a file; otherwise the problem says what to do.
 */
export async function checkOutputPath(
  option: string,
  path: string,
  kind: OutputKind,
  cwd: string,
): Promise<Outcome<void>> {
  const target = resolve(cwd, path);
  const found = await stat(target).catch(() => undefined);
  if (found?.isFile() && kind === "directory")
    return failed("OUTPUT_PATH", `${option} ${path} is a file: give a directory, or remove the file`);
  if (found?.isDirectory() && kind === "file")
    return failed("OUTPUT_PATH", `${option} ${path} is a directory: give the path of a file`);
  if (found) return succeeded(undefined);
  const blocking = await fileOnTheWay(target);
  if (blocking === undefined) return succeeded(undefined);
  // The file is named as the path was given: absolute for an absolute path, else from the working directory.
  const shown = isAbsolute(path) ? blocking : displayPath(blocking, cwd);
  return failed(
    "OUTPUT_PATH",
    `${option} ${path} cannot be written: ${shown} is a file, not a directory; give another path`,
  );
}

/**
 * The directory on the way to the absolute `path` that exists as something else, such as a file
 * `slos` on the way to `slos/example.yaml`, so that `path` cannot be created; undefined when the
 * nearest of its directories that exists is one.
 */
export async function fileOnTheWay(path: string): Promise<string | undefined> {
  for (let dir = dirname(path); dirname(dir) !== dir; dir = dirname(dir)) {
    const found = await stat(dir).catch(() => undefined);
    if (found?.isDirectory()) return undefined;
    if (found) return dir;
  }
  return undefined;
}
