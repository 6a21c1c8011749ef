import { execFile, spawn } from "node:child_process";
import { posix } from "node:path";
import { promisify } from "node:util";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { compareText } from "../util/text.js";
import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";
import { isSpecFileName, MAX_SPEC_BYTES, type SpecInput } from "./read-directory.js";

const run = promisify(execFile);

/**
 * Reads the spec files of `dir` (relative to `cwd`) as they are at `ref`, straight from git's
 * object store: the working tree and the index are never touched. A ref where `dir` did not exist
 * yet gives no input. Files are named `<ref>:<path>` in diagnostics. A problem when the specs
 * cannot be read at all: no git, not a repository, an unknown ref.
 */
export async function readSpecsAtRef(cwd: string, ref: string, dir: string): Promise<Outcome<Result<SpecInput[]>>> {
  const prefix = await repositoryPrefix(cwd);
  if (!prefix.ok) return prefix;
  const commit = await git(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]).catch(() => undefined);
  if (commit === undefined)
    return failed(
      "GIT_REF",
      `"${ref}" is not a commit, branch or tag in this repository (fetch it first, e.g. git fetch origin main)`,
    );
  const listed = await readAt(cwd, ref, dir, prefix.value, commit.trim());
  return listed === undefined ? failed("GIT_REF", `git could not read the specs at ${ref}`) : succeeded(listed);
}

/** The spec files under `dir` at a commit, read in one `git ls-tree` and one `git cat-file`; undefined if git fails. */
async function readAt(
  cwd: string,
  ref: string,
  dir: string,
  prefix: string,
  commit: string,
): Promise<Result<SpecInput[]> | undefined> {
  const treeDir = posix.normalize(posix.join(prefix, dir.split("\\").join("/"))).replace(/\/$/, "");
  const pathspec = treeDir === "." ? [] : [`${treeDir}/`];
  const listing = await git(cwd, ["ls-tree", "-z", "--full-tree", "-l", commit, ...pathspec]).catch(() => undefined);
  if (listing === undefined) return undefined;
  const entries = listing
    .split("\0")
    .filter((line) => line.length > 0)
    .map(parseTreeLine)
    .filter((entry) => isSpecFileName(entry.path))
    .sort((a, b) => compareText(a.path, b.path));
  const inputs: SpecInput[] = [];
  const diagnostics: Diagnostic[] = [];
  const readable = entries.filter((entry) => {
    const shown = `${ref}:${posix.relative(prefix, entry.path) || entry.path}`;
    const start = { file: shown, line: 1, column: 1 };
    if (entry.type !== "blob" || entry.mode === "120000") {
      diagnostics.push(
        diagnostic(
          "UNREADABLE_FILE",
          "this spec path is not a regular file at this ref: remove it or rename it without .yaml/.yml",
          start,
        ),
      );
      return false;
    }
    if (entry.size > MAX_SPEC_BYTES) {
      diagnostics.push(
        diagnostic(
          "FILE_TOO_LARGE",
          `the file has ${entry.size} bytes, over the ${MAX_SPEC_BYTES}-byte limit: split it, one service per file`,
          start,
        ),
      );
      return false;
    }
    return true;
  });
  const contents = await catBlobs(
    cwd,
    readable.map((entry) => entry.object),
  ).catch(() => undefined);
  if (contents === undefined) return undefined;
  readable.forEach((entry, index) => {
    inputs.push({
      path: `${ref}:${posix.relative(prefix, entry.path) || entry.path}`,
      bytes: contents[index] ?? new Uint8Array(),
    });
  });
  return { value: inputs, diagnostics };
}

/**
 * Where `cwd` is inside its repository's tree ("" at the top, else ending in "/"), or what to do
 * when git is missing or `cwd` is not in a repository, before any ref is looked up.
 */
async function repositoryPrefix(cwd: string): Promise<Outcome<string>> {
  try {
    return succeeded((await git(cwd, ["rev-parse", "--show-prefix"])).trim());
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      return failed("GIT_REF", "git was not found on PATH: install git, as the specs at a ref are read from it");
    return failed(
      "GIT_REF",
      `${cwd} is not inside a git repository: the specs at a ref are read from git, so run this in a clone of the repository`,
    );
  }
}

interface TreeEntry {
  readonly mode: string;
  readonly type: string;
  readonly object: string;
  readonly size: number;
  readonly path: string;
}

/** `<mode> SP <type> SP <object> SP+ <size> TAB <path>` from `git ls-tree -l -z`. */
function parseTreeLine(line: string): TreeEntry {
  const tab = line.indexOf("\t");
  const [mode = "", type = "", object = "", size = "0"] = line.slice(0, tab).split(/\s+/);
  return { mode, type, object, size: Number(size) || 0, path: line.slice(tab + 1) };
}

/** Every blob's bytes through one `git cat-file --batch`, in the order asked. */
async function catBlobs(cwd: string, objects: readonly string[]): Promise<Uint8Array[]> {
  if (objects.length === 0) return [];
  const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
  const chunks: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited with ${code}`))));
  });
  child.stdin.end(`${objects.join("\n")}\n`);
  await closed;
  const output = Buffer.concat(chunks);
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; i < objects.length; i++) {
    const headerEnd = output.indexOf(0x0a, offset);
    const size = Number(output.subarray(offset, headerEnd).toString("utf8").split(" ")[2]);
    blobs.push(output.subarray(headerEnd + 1, headerEnd + 1 + size));
    offset = headerEnd + 1 + size + 1;
  }
  return blobs;
}

async function git(cwd: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run("git", [...args], { cwd, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  return stdout;
}
