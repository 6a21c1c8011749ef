import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { compareText } from "../util/text.js";

/** Spec files larger than this are refused unread: a real service spec is a few kilobytes. */
export const MAX_SPEC_BYTES = 1024 * 1024;

/** A spec file's raw content, from disk or from git, named by the path shown in diagnostics. */
export interface SpecInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Whether a file name is a spec file by its extension. */
export function isSpecFileName(name: string): boolean {
  return name.endsWith(".yaml") || name.endsWith(".yml");
}

/** The path shown for a file: relative to the working directory, with forward slashes. */
export function displayPath(absolutePath: string, cwd: string): string {
  return relative(cwd, absolutePath).split(sep).join("/") || ".";
}

/**
 * Reads every `.yaml`/`.yml` file directly inside `dir` (relative to `cwd`), in name order.
 * Unreadable entries and oversized files become diagnostics; nothing here throws for bad input.
 */
export async function readSpecDirectory(dir: string, cwd: string): Promise<Result<SpecInput[]>> {
  const root = resolve(cwd, dir);
  const shown = displayPath(root, cwd);
  const at = { file: shown, line: 1, column: 1 };
  let names: string[];
  try {
    names = (await readdir(root)).filter(isSpecFileName).sort(compareText);
  } catch {
    return {
      value: [],
      diagnostics: [diagnostic("NO_SPECS", `cannot read the spec directory ${shown}: create it or pass --dir`, at)],
    };
  }
  if (names.length === 0) {
    return {
      value: [],
      diagnostics: [
        diagnostic("NO_SPECS", `no .yaml or .yml file in ${shown}: add a service spec (see docs/spec.md)`, at),
      ],
    };
  }
  const inputs: SpecInput[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of names) {
    const read = await readSpecFile(join(root, name), cwd);
    diagnostics.push(...read.diagnostics);
    if (read.value) inputs.push(read.value);
  }
  return { value: inputs, diagnostics };
}

/**
 * Reads one spec file (`absolute` is shown relative to `cwd`). A path that is not a regular file,
 * cannot be read or is oversized gives a diagnostic and no input.
 */
export async function readSpecFile(absolute: string, cwd: string): Promise<Result<SpecInput | undefined>> {
  const path = displayPath(absolute, cwd);
  const fileStart = { file: path, line: 1, column: 1 };
  const refused = (diagnostic: Diagnostic) => ({ value: undefined, diagnostics: [diagnostic] });
  try {
    const info = await stat(absolute);
    if (!info.isFile()) {
      return refused(
        diagnostic(
          "UNREADABLE_FILE",
          "this spec path is not a regular file: remove it or rename it without .yaml/.yml",
          fileStart,
        ),
      );
    }
    if (info.size > MAX_SPEC_BYTES) {
      return refused(
        diagnostic(
          "FILE_TOO_LARGE",
          `the file has ${info.size} bytes, over the ${MAX_SPEC_BYTES}-byte limit: split it, one service per file`,
          fileStart,
        ),
      );
    }
    return { value: { path, bytes: await readFile(absolute) }, diagnostics: [] };
  } catch {
    return refused(
      diagnostic(
        "UNREADABLE_FILE",
        "this spec file cannot be read (a broken link or no permission): fix or remove it",
        fileStart,
      ),
    );
  }
}
