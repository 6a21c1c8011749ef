import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import type { ParseCache } from "./parse-cache.js";
import { parseSpecText } from "./parse-yaml.js";
import { MAX_SPEC_BYTES, type SpecInput } from "./read-directory.js";
import type { SourceFile } from "./source-file.js";

/** The spec files that parsed, and the text of every file that decoded (for source lines under diagnostics). */
export interface LoadedSpecs {
  readonly files: readonly SourceFile[];
  readonly sources: ReadonlyMap<string, string>;
}

/**
 * Decodes and parses spec inputs; bad bytes and bad YAML become diagnostics, never exceptions. With
 * a cache, files parsed in a previous run with the same text are not parsed again.
 */
export function loadSpecs(inputs: readonly SpecInput[], cache?: ParseCache): Result<LoadedSpecs> {
  const files: SourceFile[] = [];
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const start = { file: input.path, line: 1, column: 1 };
    if (input.bytes.length > MAX_SPEC_BYTES) {
      diagnostics.push(
        diagnostic(
          "FILE_TOO_LARGE",
          `the file has ${input.bytes.length} bytes, over the ${MAX_SPEC_BYTES}-byte limit: split it, one service per file`,
          start,
        ),
      );
      continue;
    }
    const decoded = decodeUtf8(input.bytes);
    if (decoded === undefined) {
      diagnostics.push(
        diagnostic(
          "INVALID_ENCODING",
          "the file is not UTF-8 text (binary content or another encoding): save it as UTF-8",
          start,
        ),
      );
      continue;
    }
    // Terraform reads every string in NFC form; normalising here keeps the plan equal to what Datadog receives.
    const text = decoded.replace(/^\uFEFF/, "").normalize("NFC");
    sources.set(input.path, text);
    const parsed = cache ? cache.parse(input.path, text) : parseSpecText(input.path, text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.value) files.push(parsed.value);
  }
  return { value: { files, sources }, diagnostics };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.includes("\u0000") ? undefined : text;
  } catch {
    return undefined;
  }
}
