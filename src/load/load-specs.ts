import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import type { ParseCache } from "./parse-cache.js";
import { parseDocumentStream, parseSpecText } from "./parse-yaml.js";
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
  return loadWith(inputs, (path, text) => {
    const parsed = cache ? cache.parse(path, text) : parseSpecText(path, text);
    return { value: parsed.value ? [parsed.value] : [], diagnostics: parsed.diagnostics };
  });
}

/**
 * Decodes and parses inputs that may hold several YAML documents each (separated by `---`): every
 * document that holds something is one source file, named by its file's path.
 */
export function loadDocumentStreams(inputs: readonly SpecInput[]): Result<LoadedSpecs> {
  return loadWith(inputs, parseDocumentStream);
}

function loadWith(
  inputs: readonly SpecInput[],
  parse: (path: string, text: string) => Result<readonly SourceFile[]>,
): Result<LoadedSpecs> {
  const files: SourceFile[] = [];
  const sources = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const decoded = decodeInput(input);
    diagnostics.push(...decoded.diagnostics);
    if (decoded.value === undefined) continue;
    sources.set(input.path, decoded.value);
    const parsed = parse(input.path, decoded.value);
    diagnostics.push(...parsed.diagnostics);
    files.push(...parsed.value);
  }
  return { value: { files, sources }, diagnostics };
}

/** The text of an input: refused when oversized or not UTF-8, normalised to NFC without a byte-order mark. */
function decodeInput(input: SpecInput): Result<string | undefined> {
  const start = { file: input.path, line: 1, column: 1 };
  if (input.bytes.length > MAX_SPEC_BYTES) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic(
          "FILE_TOO_LARGE",
          `the file has ${input.bytes.length} bytes, over the ${MAX_SPEC_BYTES}-byte limit: split it, one service per file`,
          start,
        ),
      ],
    };
  }
  const decoded = decodeUtf8(input.bytes);
  if (decoded === undefined) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic(
          "INVALID_ENCODING",
          "the file is not UTF-8 text (binary content or another encoding): save it as UTF-8",
          start,
        ),
      ],
    };
  }
  // Terraform reads every string in NFC form; normalising here keeps the plan equal to what Datadog receives.
  return { value: decoded.replace(/^\uFEFF/, "").normalize("NFC"), diagnostics: [] };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.includes("\u0000") ? undefined : text;
  } catch {
    return undefined;
  }
}
