import { execFile } from "node:child_process";
import { resolve } from "node:path";

/** A line of a `.gitignore` (or of git's other exclude files) that makes git ignore a path. */
export interface IgnoreRule {
  /** The absolute path of the file holding the line. */
  readonly file: string;
  readonly line: number;
  readonly pattern: string;
}

/**
 * The rule that makes git ignore `path` (relative to `top`, the top of a git repository; the path
 * need not exist); undefined when git does not ignore it, or cannot tell (no git, not a repository).
 */
export function gitIgnoreRule(top: string, path: string): Promise<IgnoreRule | undefined> {
  return new Promise((done) => {
    execFile("git", ["check-ignore", "--verbose", "--", path], { cwd: top }, (error, stdout) => {
      // `<source>:<line>:<pattern> TAB <path>`, the source relative to the top of the repository;
      // with --verbose, a negated pattern (`!...`) that takes the path back is shown too.
      const match = error === null ? /^(.*):(\d+):([^\t]*)\t/.exec(stdout) : null;
      const pattern = match?.[3] ?? "";
      if (!match || pattern.startsWith("!")) return done(undefined);
      done({ file: resolve(top, match[1] ?? ""), line: Number(match[2]), pattern });
    });
  });
}
