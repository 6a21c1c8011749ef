import { stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";

/** Files that mark a directory as a project's root: where `slocc init` writes and npm installs slocc. */
const ROOT_MARKERS = ["cdktf.json", "package.json"];

/**
 * The project root of `cwd`, found as git and npm find theirs: the nearest directory, from `cwd`
 * upward, that holds `cdktf.json` or `package.json`. The search stops at the top of the git
 * repository holding `cwd` (the directory with `.git`), so a stray `package.json` above the
 * repository, in a home directory say, is never taken. Without a marker it is `cwd` itself.
 */
export async function findProjectRoot(cwd: string): Promise<string> {
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (await anyExists(dir, ROOT_MARKERS)) return dir;
    if ((await anyExists(dir, [".git"])) || dirname(dir) === dir) return cwd;
  }
}

/**
 * The top of the git repository holding `dir`: the nearest directory upward with `.git` (a
 * directory, or in a worktree a file); undefined outside git.
 */
export async function repositoryTopOf(dir: string): Promise<string | undefined> {
  for (let current = dir; ; current = dirname(current)) {
    if (await anyExists(current, [".git"])) return current;
    if (dirname(current) === current) return undefined;
  }
}

/**
 * Where a path given relative to the project root is, as a path relative to `cwd` (`.` for `cwd`
 * itself): what a command's default, such as `slos` or `cdktf.out`, means from any subdirectory.
 */
export async function fromProjectRoot(path: string, cwd: string): Promise<string> {
  const root = await findProjectRoot(cwd);
  return relative(cwd, join(root, path)).split(sep).join("/") || ".";
}

async function anyExists(dir: string, names: readonly string[]): Promise<boolean> {
  const found = await Promise.all(
    names.map((name) =>
      stat(join(dir, name)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.includes(true);
}
