import { stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { displayPath, isSpecFileName, readSpecDirectory, type SpecInput } from "./read-directory.js";

/**
 * Reads the specs at `path` (relative to `cwd`): every spec of a directory, or one spec file with
 * the shared files beside it, those that declare no service (catalogs of dependencies, and the
 * like), so that the file compiles with what it may refer to and without the other services.
 */
export async function readSpecPath(path: string, cwd: string): Promise<Result<SpecInput[]>> {
  const absolute = resolve(cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info?.isFile()) return readSpecDirectory(path, cwd);
  const shown = displayPath(absolute, cwd);
  if (!isSpecFileName(shown)) {
    const at = { file: shown, line: 1, column: 1 };
    return {
      value: [],
      diagnostics: [
        diagnostic("NO_SPECS", `${shown} is not a .yaml or .yml file: give a spec file or a directory`, at),
      ],
    };
  }
  const beside = await readSpecDirectory(dirname(absolute), cwd);
  return {
    value: beside.value.filter((input) => input.path === shown || !declaresService(input.bytes)),
    diagnostics: beside.diagnostics.filter((d) => d.file === shown),
  };
}

/**
 * Whether a spec file declares a service: a top-level `service:` key starting a line. Read from
 * the text, so that choosing the files beside one costs no parse of each.
 */
function declaresService(bytes: Uint8Array): boolean {
  const text = new TextDecoder().decode(bytes);
  return /^(?:service|"service"|'service')[ \t]*:/m.test(text.replace(/^\uFEFF/, ""));
}
