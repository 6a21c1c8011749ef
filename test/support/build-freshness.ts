import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** What the build of dist/ is made from: the sources, and the files that say how they are compiled. */
const INPUTS = ["src", "package.json", "tsconfig.json"];

/** The file the build writes that stands for when it last ran (its entry point). */
export const BUILD_STAMP = join("dist", "index.js");

/**
 * The build inputs of the project at `root` changed since dist/ was built, as paths relative to
 * `root`; every input when dist/ was never built. Empty when dist/ is up to date.
 */
export function changedSinceBuild(root: string): string[] {
  const built = modifiedAt(join(root, BUILD_STAMP));
  return INPUTS.flatMap((input) => filesUnder(join(root, input)))
    .filter((file) => built === undefined || (modifiedAt(file) ?? 0) > built)
    .map((file) => relative(root, file))
    .sort();
}

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

function modifiedAt(path: string): number | undefined {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}
