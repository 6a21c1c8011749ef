import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { readTree } from "./compile.js";

/**
 * Golden files: what a run writes, compared with what is checked in. `UPDATE_GOLDEN=1 npx vitest
 * run <test>` rewrites them from the run instead, after an intended change; the git diff then
 * shows what changed, for review.
 */
const UPDATING = Boolean(process.env["UPDATE_GOLDEN"]);

/** `text` is the checked-in file `path`, byte for byte (or becomes it, when updating). */
export async function expectGoldenFile(path: string, text: string): Promise<void> {
  if (UPDATING) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  expect(text).toBe(await readFile(path, "utf8"));
}

/** `files` (relative path -> text) are the checked-in tree under `root`, no file more or less (or become it, when updating). */
export async function expectGoldenTree(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  if (UPDATING) {
    await rm(root, { recursive: true, force: true });
    for (const [path, text] of files) {
      await mkdir(join(root, path, ".."), { recursive: true });
      await writeFile(join(root, path), text);
    }
  }
  expect(Object.fromEntries(files)).toEqual(Object.fromEntries(await readTree(root)));
}
