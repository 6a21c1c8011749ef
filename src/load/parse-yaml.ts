import {
  Composer,
  type CST,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  type Document,
  type Node,
  type YAMLError,
} from "yaml";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import type { Position } from "../util/position.js";
import { firstIndicatorRun, firstTooDeepCollection, MAX_NESTING_DEPTH } from "./nesting.js";
import { plainKeyName, sourceFileFromDocument, type SourceFile } from "./source-file.js";

/** Aliases beyond this count are refused: a few nested aliases can otherwise expand to gigabytes. */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses one YAML spec text, collecting every syntax problem with its position instead of throwing.
 * A key written twice in one mapping is reported, and the file is still read, with the last value,
 * so that its other mistakes are reported in the same run.
 */
export function parseSpecText(path: string, text: string): Result<SourceFile | undefined> {
  const composed = composeDocuments(path, text);
  if (!composed.value) return { value: undefined, diagnostics: composed.diagnostics };
  const { documents, at } = composed.value;
  const start = at(0);
  if (documents.length === 0) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic("EMPTY_FILE", "the file holds no YAML document: write one service spec (see docs/spec.md)", start),
      ],
    };
  }
  const [document, second] = documents;
  if (second) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic(
          "MULTIPLE_DOCUMENTS",
          "a spec file holds exactly one service: move the second document (after `---`) into its own file",
          at(second.range[0]),
        ),
      ],
    };
  }
  if (!document || isEmptyNode(document.contents)) {
    return {
      value: undefined,
      diagnostics: [
        diagnostic(
          "EMPTY_FILE",
          "the file holds only comments or nothing: write one service spec (see docs/spec.md)",
          start,
        ),
      ],
    };
  }
  return documentSource(path, text, document, composed.value, start);
}

/**
 * Parses a YAML stream of several documents (separated by `---`), as formats such as OpenSLO write
 * them: one source per document that holds something, each locating its own parts. A stream with
 * no document that holds something is an empty file.
 */
export function parseDocumentStream(path: string, text: string): Result<SourceFile[]> {
  const composed = composeDocuments(path, text);
  if (!composed.value) return { value: [], diagnostics: composed.diagnostics };
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const document of composed.value.documents) {
    if (isEmptyNode(document.contents)) continue;
    const source = documentSource(path, text, document, composed.value, composed.value.at(document.range[0]));
    diagnostics.push(...source.diagnostics);
    if (source.value) sources.push(source.value);
  }
  if (sources.length === 0 && diagnostics.length === 0) {
    diagnostics.push(
      diagnostic(
        "EMPTY_FILE",
        "the file holds only comments or nothing: write at least one document",
        composed.value.at(0),
      ),
    );
  }
  return { value: sources, diagnostics };
}

/** The documents of a text that passed every syntax check, and how to turn an offset into a position. */
interface ComposedText {
  readonly documents: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
  readonly at: (offset: number) => Position;
}

/** Lexes and composes a YAML text, refusing what is too deep to read and every syntax error. */
function composeDocuments(path: string, text: string): Result<ComposedText | undefined> {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: path, line, column: col };
  };
  const tooDeep = (offset: number): Result<undefined> => ({
    value: undefined,
    diagnostics: [
      diagnostic(
        "YAML_SYNTAX",
        `lists, mappings or indicators nest more than ${MAX_NESTING_DEPTH} levels deep here: a spec needs a few levels, write this value flat`,
        at(offset),
      ),
    ],
  });
  const indicatorRun = firstIndicatorRun(text);
  if (indicatorRun !== undefined) {
    // Not lexed: the lines before the run are counted here, for its position.
    lineCounter.addNewLine(0);
    for (const match of text.slice(0, indicatorRun).matchAll(/\n/g)) lineCounter.addNewLine(match.index + 1);
    return tooDeep(indicatorRun);
  }
  let tokens: CST.Token[];
  try {
    tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  } catch (error) {
    // A last guard: the lexer recurses in places, and a stack overflow is bad input, not a crash.
    if (!(error instanceof RangeError)) throw error;
    return tooDeep(0);
  }
  const deepCollection = firstTooDeepCollection(tokens);
  if (deepCollection !== undefined) return tooDeep(deepCollection);
  const documents = Array.from(
    new Composer({ uniqueKeys: false, prettyErrors: false, strict: true }).compose(tokens, true, text.length),
  );
  const syntax = distinctProblems(
    documents.flatMap((doc) => doc.errors),
    text,
    at,
  );
  if (syntax.length > 0) return { value: undefined, diagnostics: syntax };
  return { value: { documents, lineCounter, at }, diagnostics: [] };
}

/**
 * A document that holds something, as a source file: its keys plain words, its aliases bounded
 * (else refused at `start`). A key written twice is reported, and the document still read.
 */
function documentSource(
  path: string,
  text: string,
  document: Document.Parsed,
  { lineCounter, at }: ComposedText,
  start: Position,
): Result<SourceFile | undefined> {
  const { nonScalar, duplicates } = keyProblems(document, at);
  if (nonScalar.length > 0) return { value: undefined, diagnostics: [...duplicates, ...nonScalar] };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return {
      value: undefined,
      diagnostics: [
        ...duplicates,
        diagnostic(
          "ALIAS_LIMIT",
          `YAML aliases expand beyond ${MAX_ALIAS_COUNT} nodes: write the values out instead of nesting aliases`,
          start,
        ),
      ],
    };
  }
  return { value: sourceFileFromDocument(path, text, document, lineCounter, data), diagnostics: duplicates };
}

/**
 * One diagnostic per distinct problem. The parser often reports one mistake several times at one
 * place, or once per line it affects (each line of a run the same mistake breaks): the first
 * report stands for the rest. Tabs used for indentation throw every later line off, so they are
 * the one problem reported.
 */
function distinctProblems(errors: readonly YAMLError[], text: string, at: (offset: number) => Position): Diagnostic[] {
  const tabs = errors.filter((error) => error.code === "TAB_AS_INDENT");
  const firstTab = tabs[0];
  if (firstTab) return [yamlErrorDiagnostic(firstTab, at(firstTab.pos[0]), tabs.length)];
  const kept: { error: YAMLError; position: Position }[] = [];
  for (const error of errors) {
    const position = at(problemOffset(text, error.pos[0]));
    const previous = kept[kept.length - 1];
    const samePlace = kept.some((k) => k.error.pos[0] === error.pos[0]);
    const sameRun =
      previous !== undefined && previous.error.code === error.code && position.line - previous.position.line <= 1;
    if (!samePlace && !sameRun) kept.push({ error, position });
  }
  return kept.map(({ error, position }) => yamlErrorDiagnostic(error, position, 1));
}

/** An error reported at the indentation of a line is about what follows it: the first character after the spaces. */
function problemOffset(text: string, offset: number): number {
  let at = offset;
  while (text[at] === " ") at++;
  return text[at] === "\n" || text[at] === undefined ? offset : at;
}

function yamlErrorDiagnostic(error: YAMLError, position: Position, lines: number): Diagnostic {
  if (error.code === "TAB_AS_INDENT") {
    const more = lines > 1 ? ` (${lines} lines are indented with tabs)` : "";
    return diagnostic("YAML_SYNTAX", `indent with spaces, not tabs${more}`, position);
  }
  const detail = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.code;
  return diagnostic("YAML_SYNTAX", detail, position);
}

/**
 * The problems of a document's mapping keys. A key that is not a plain scalar (a list, a mapping,
 * an alias, a binary or date value) is refused: no spec key is one, and turning it into an object
 * key would only stringify it. A key a mapping repeats is a DUPLICATE_KEY naming the line of its
 * first occurrence; keys are the same when the data names them alike (`1` and `1.0` both become
 * "1"), and the data keeps the last value, as YAML parsers that accept repeated keys do.
 */
function keyProblems(
  document: Document,
  at: (offset: number) => Position,
): { readonly nonScalar: Diagnostic[]; readonly duplicates: Diagnostic[] } {
  const nonScalar: Diagnostic[] = [];
  const duplicates: Diagnostic[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      const first = new Map<string, number>();
      for (const pair of node.items) {
        const offset = rangeStart(pair.key) ?? rangeStart(node) ?? 0;
        const name = plainKeyName(pair.key);
        if (name === undefined) {
          nonScalar.push(
            diagnostic(
              "UNKNOWN_KEY",
              "a key here is a list, a mapping, an alias or a tagged value: spec keys are plain words such as `service`",
              at(offset),
            ),
          );
          continue;
        }
        const earlier = first.get(name);
        if (earlier === undefined) first.set(name, offset);
        else {
          const firstLine = at(earlier).line;
          const where = firstLine === at(offset).line ? "earlier on this line" : `on line ${firstLine}`;
          duplicates.push(
            diagnostic(
              "DUPLICATE_KEY",
              `the key ${JSON.stringify(name)} is already written ${where} in this mapping: keep one of them ` +
                "(this last value is the one checked)",
              at(offset),
            ),
          );
        }
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(document.contents);
  return { nonScalar, duplicates };
}

/** No node at all, or the empty node of a document that is only `---` (and comments). */
function isEmptyNode(node: unknown): boolean {
  return node === null || (isScalar(node) && node.value === null && node.source === "");
}

function rangeStart(node: unknown): number | undefined {
  return (node as Partial<Node> | null)?.range?.[0];
}
