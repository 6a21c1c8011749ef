import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parseSpecText } from "./parse-yaml.js";
import { MAX_SPEC_BYTES, type SpecInput } from "./read-directory.js";
import type { SourceFile } from "./source-file.js";

/** Every spec input that parsed, and the diagnostics of those that did not. */
export interface LoadResult {
  readonly files: SourceFile[];
  readonly diagnostics: Diagnostic[];
}

/** Decodes and parses spec inputs; bad bytes and bad YAML become diagnostics, never exceptions. */
export function loadSpecs(inputs: readonly SpecInput[]): LoadResult {
  const files: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const start = { file: input.path, line: 1, column: 1 };
    if (input.bytes.length > MAX_SPEC_BYTES) {
      diagnostics.push(diagnostic("FILE_TOO_LARGE", `the file has ${input.bytes.length} bytes, over the ${MAX_SPEC_BYTES}-byte limit: split it, one service per file`, start));
      continue;
    }
    const text = decodeUtf8(input.bytes);
    if (text === undefined) {
      diagnostics.push(diagnostic("INVALID_ENCODING", "the file is not UTF-8 text (binary content or another encoding): save it as UTF-8", start));
      continue;
    }
    // Terraform reads every string in NFC form; normalising here keeps the plan equal to what Datadog receives.
    const parsed = parseSpecText(input.path, text.replace(/^\uFEFF/, "").normalize("NFC"));
    diagnostics.push(...parsed.diagnostics);
    if (parsed.ok) files.push(parsed.file);
  }
  return { files, diagnostics };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.includes("\u0000") ? undefined : text;
  } catch {
    return undefined;
  }
}
