import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A real git repository in a temporary directory, for tests of behaviour that reads git. */
export class TempRepo {
  readonly dir = mkdtempSync(join(tmpdir(), "slocc-git-"));

  constructor() {
    this.git("init", "-q", "-b", "main");
  }

  /** Writes (or, with `null`, deletes) files in the working tree. */
  write(files: Readonly<Record<string, string | null>>): this {
    for (const [path, text] of Object.entries(files)) {
      const absolute = join(this.dir, path);
      if (text === null) rmSync(absolute, { force: true });
      else {
        mkdirSync(dirname(absolute), { recursive: true });
        writeFileSync(absolute, text);
      }
    }
    return this;
  }

  /** Writes files, commits everything, and returns the commit's id. */
  commit(files: Readonly<Record<string, string | null>>, message = "change"): string {
    this.write(files);
    this.git("add", "-A");
    this.git(
      "-c",
      "user.name=test",
      "-c",
      "user.email=test@example.com",
      "commit",
      "-q",
      "--allow-empty",
      "-m",
      message,
    );
    return this.git("rev-parse", "HEAD").trim();
  }

  /** Runs git in the repository and returns its output. */
  git(...args: string[]): string {
    return execFileSync("git", args, { cwd: this.dir, encoding: "utf8" });
  }
}
