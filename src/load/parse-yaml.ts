import { LineCounter, parseAllDocuments, type YAMLError } from "yaml";
import { diagnostic, type Diagnostic, type Position } from "../diagnostics/diagnostic.js";
import { sourceFileFromDocument, type SourceFile } from "./source-file.js";

/** Aliases beyond this count are refused: a few nested aliases can otherwise expand to gigabytes. */
const MAX_ALIAS_COUNT = 100;

/** The outcome of parsing one spec text: a source file, or the diagnostics that prevented it. */
export type ParseResult =
  | { readonly ok: true; readonly file: SourceFile; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/** Parses one YAML spec text, collecting every syntax problem with its position instead of throwing. */
export function parseSpecText(path: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: path, line, column: col };
  };
  const start = { file: path, line: 1, column: 1 };
  if (!Array.isArray(documents) || documents.length === 0) {
    return { ok: false, diagnostics: [diagnostic("EMPTY_FILE", "the file holds no YAML document: write one service spec (see docs/spec.md)", start)] };
  }
  // The parser often reports one mistake several times at one place; keep the first of each place.
  const errors = documents.flatMap((doc) => doc.errors);
  const syntax = errors.filter((error, i) => errors.findIndex((other) => other.pos[0] === error.pos[0]) === i).map((error) => yamlErrorDiagnostic(error, at));
  if (syntax.length > 0) return { ok: false, diagnostics: syntax };
  const [document, second] = documents;
  if (second) {
    return {
      ok: false,
      diagnostics: [diagnostic("MULTIPLE_DOCUMENTS", "a spec file holds exactly one service: move the second document (after `---`) into its own file", at(second.range[0]))],
    };
  }
  if (!document || document.contents === null) {
    return { ok: false, diagnostics: [diagnostic("EMPTY_FILE", "the file holds only comments or nothing: write one service spec (see docs/spec.md)", start)] };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return {
      ok: false,
      diagnostics: [diagnostic("ALIAS_LIMIT", `YAML aliases expand beyond ${MAX_ALIAS_COUNT} nodes: write the values out instead of nesting aliases`, start)],
    };
  }
  return { ok: true, file: sourceFileFromDocument(path, text, document, lineCounter, data), diagnostics: [] };
}

function yamlErrorDiagnostic(error: YAMLError, at: (offset: number) => Position): Diagnostic {
  const position = at(error.pos[0]);
  if (error.code === "DUPLICATE_KEY") {
    return diagnostic("DUPLICATE_KEY", "this key appears twice in the same mapping: keep one of them", position);
  }
  const detail = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.code;
  const hint = error.code === "TAB_AS_INDENT" ? ": indent with spaces, not tabs" : "";
  return diagnostic("YAML_SYNTAX", `${detail}${hint}`, position);
}
