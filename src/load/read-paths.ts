import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { displayPath, readSpecDirectory, readSpecFile, type SpecInput } from "./read-directory.js";

/**
 * Reads the files named on a command line (relative to `cwd`): a file as it is, whatever its
 * extension; a directory as every `.yaml`/`.yml` file directly inside it. A file named twice is read
 * once. The inputs come back in the order they were found: whoever reads them in sorts them.
 */
export async function readSpecPaths(paths: readonly string[], cwd: string): Promise<Result<SpecInput[]>> {
  const inputs = new Map<string, SpecInput>();
  const diagnostics: Diagnostic[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const shown = displayPath(absolute, cwd);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(absolute)).isDirectory();
    } catch {
      diagnostics.push(
        diagnostic("NO_SPECS", `cannot read ${shown}: check the path`, { file: shown, line: 1, column: 1 }),
      );
      continue;
    }
    const read = isDirectory
      ? await readSpecDirectory(absolute, cwd)
      : await readSpecFile(absolute, cwd).then((file) => ({ ...file, value: file.value ? [file.value] : [] }));
    diagnostics.push(...read.diagnostics);
    for (const input of read.value) inputs.set(input.path, input);
  }
  return { value: [...inputs.values()], diagnostics };
}
