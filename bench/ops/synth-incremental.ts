import { execFileSync } from "node:child_process";
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { measureInChild } from "../child.js";
import { BASE_BRANCH } from "../protocol.js";
import { synthLikeTheCli } from "../synth-run.js";

// slocc synth after a one-file change, into the output of the synth before it: the corpus as
// committed is synthesized first (not timed), as when someone edits a spec and synthesizes again.
measureInChild(
  async ({ dir, repo, out }) => {
    const specs = `${out}.specs`;
    await cp(dir, specs, { recursive: true });
    const changed = git(repo, "diff", "--name-only", BASE_BRANCH, "--", "slos").split("\n").filter(Boolean);
    const edits = new Map<string, string>();
    for (const path of changed) {
      const name = path.replace(/^slos\//, "");
      edits.set(join(specs, name), await readFile(join(dir, name), "utf8"));
      await writeFile(join(specs, name), git(repo, "show", `${BASE_BRANCH}:${path}`));
    }
    const before = await synthLikeTheCli(specs, out, "synth before the change");
    if (before["reused"] !== 0) throw new Error("the first synth kept stacks of an output that did not exist");
    for (const [file, text] of edits) await writeFile(file, text);
    return { specs, out, changed: changed.length };
  },
  async ({ specs, out, changed }) => {
    const detail = await synthLikeTheCli(specs, out, "synth after the change");
    if (changed !== 1 || detail["synthesized"] !== 1)
      throw new Error(
        `expected one file changed and one stack synthesized again: ${JSON.stringify({ changed, ...detail })}`,
      );
    return detail;
  },
);

function git(repo: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}
