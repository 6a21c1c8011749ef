import { dirname, join } from "node:path";
import { displayPath } from "../load/read-directory.js";
import { fileExists } from "./output-files.js";

/** Files that mark a directory as a project's root: where `slocc init` writes and npm installs slocc. */
const ROOT_MARKERS = ["cdktf.json", "package.json"];

/** Where a project is: its root, and the top of the git repository holding it. */
export interface ProjectPlace {
  readonly root: string;
  /**
   * The nearest directory upward from the root with `.git` (a directory, or in a worktree a file);
   * undefined outside git.
   */
  readonly repositoryTop: string | undefined;
}

/**
 * The project of `cwd`, its root found as git and npm find theirs: the nearest directory, from
 * `cwd` upward, that holds `cdktf.json` or `package.json`. The search stops at the top of the git
 * repository holding `cwd` (the directory with `.git`), so a stray `package.json` above the
 * repository, in a home directory say, is never taken. Without a marker the root is `cwd` itself.
 */
export async function findProject(cwd: string): Promise<ProjectPlace> {
  let root: string | undefined;
  for (let dir = cwd; ; dir = dirname(dir)) {
    if (root === undefined && (await anyExists(dir, ROOT_MARKERS))) root = dir;
    if (await fileExists(join(dir, ".git"))) return { root: root ?? cwd, repositoryTop: dir };
    if (dirname(dir) === dir) return { root: root ?? cwd, repositoryTop: undefined };
  }
}

/**
 * Paths given relative to the project root of `cwd`, as paths relative to `cwd` (`.` for `cwd`
 * itself): what a command's default, such as `slos` or `cdktf.out`, means from any subdirectory.
 * The root is found once, when the first path needs it.
 */
export function fromProjectRoot(cwd: string): (path: string) => Promise<string> {
  let project: Promise<ProjectPlace> | undefined;
  return async (path) => {
    project ??= findProject(cwd);
    return displayPath(join((await project).root, path), cwd);
  };
}

async function anyExists(dir: string, names: readonly string[]): Promise<boolean> {
  const found = await Promise.all(names.map((name) => fileExists(join(dir, name))));
  return found.includes(true);
}
