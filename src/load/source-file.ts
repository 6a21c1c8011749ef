import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Position } from "../util/position.js";

/** A path into a YAML document: mapping keys and sequence indices. */
export type DataPath = readonly (string | number)[];

/**
 * Where each node of a parsed document was written, by encoded data path: what the node is (`m`
 * mapping, `s` sequence, `` anything else), the line and column of its value, and of its key when it
 * is a mapping's value (0 where there is none). Plain data, so a parsed file can be cached.
 */
export type PositionIndex = Readonly<
  Record<string, readonly [kind: "m" | "s" | "", line: number, column: number, keyLine: number, keyColumn: number]>
>;

/** A spec file parsed into plain data, which can still say where any part of it was written. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly data: unknown;
  readonly positions: PositionIndex;
  /** Position of the value at `path` (or of its key with `part: "key"`); the nearest existing ancestor when absent. */
  locate(path: DataPath, part?: "key" | "value"): Position;
}

/** Wraps a parsed YAML document so positions can be looked up by data path. */
export function sourceFileFromDocument(
  path: string,
  text: string,
  document: Document,
  lineCounter: LineCounter,
  data: unknown,
): SourceFile {
  return sourceFileFromIndex(path, text, data, indexDocument(document, lineCounter));
}

/** A source file from its data and position index, as a parse produced them (or a cache kept them). */
export function sourceFileFromIndex(path: string, text: string, data: unknown, positions: PositionIndex): SourceFile {
  return {
    path,
    text,
    data,
    positions,
    locate(dataPath, part = "value") {
      let key = "";
      let found = positions[key];
      for (const [index, segment] of dataPath.entries()) {
        const kind = positions[key]?.[0];
        if (kind === "m") key += `\u0000${String(segment)}`;
        else if (kind === "s" && typeof segment === "number") key += `\u0000${segment}`;
        else break;
        const entry = positions[key];
        if (!entry) break;
        if (index === dataPath.length - 1 && part === "key" && entry[3] > 0) return at(path, entry[3], entry[4]);
        if (entry[1] === 0) break;
        found = entry;
      }
      return found && found[1] > 0 ? at(path, found[1], found[2]) : at(path, 1, 1);
    },
  };
}

function at(file: string, line: number, column: number): Position {
  return { file, line, column };
}

/**
 * Every node's position, by the path a lookup takes to it: a mapping's value by its key as the data
 * names it (the last of equal keys, whose value the data holds), a sequence's item by index. Nodes without a range (an absent
 * value) are kept with no value position, as their key can still be located.
 */
function indexDocument(document: Document, lineCounter: LineCounter): PositionIndex {
  const index: Record<
    string,
    [kind: "m" | "s" | "", line: number, column: number, keyLine: number, keyColumn: number]
  > = {};
  const position = (node: unknown): [number, number] => {
    if (!isNodeWithRange(node)) return [0, 0];
    const { line, col } = lineCounter.linePos(node.range[0]);
    return [line, col];
  };
  const visit = (node: unknown, key: string, keyNode: unknown): void => {
    const kind = isMap(node) ? "m" : isSeq(node) ? "s" : "";
    index[key] = [kind, ...position(node), ...position(keyNode)];
    if (!isNodeWithRange(node)) return;
    if (isMap(node)) {
      // A key written twice is located where the data takes its value from: the last one.
      const last = new Map<string, { value: unknown; key: unknown }>();
      for (const pair of node.items) {
        const name = plainKeyName(pair.key);
        if (name !== undefined) last.set(name, { value: pair.value, key: pair.key });
      }
      for (const [name, pair] of last) visit(pair.value, `${key}\u0000${name}`, pair.key);
    } else if (isSeq(node)) {
      node.items.forEach((item, itemIndex) => visit(item, `${key}\u0000${itemIndex}`, undefined));
    }
  };
  visit(document.contents, "", undefined);
  return index;
}

/**
 * A mapping key that is a plain scalar as `yaml` names it in the parsed data: an empty key (`~:`,
 * `:`) becomes "", any other with `String`, so `.inf:` is "Infinity", `.nan:` "NaN" and `1.0:` "1".
 * Undefined for any other key: a list, a mapping, an alias, a binary or date value.
 */
export function plainKeyName(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value: unknown = key.value;
  if (value === null) return "";
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  return typeof value === "object" && value !== null && Array.isArray((value as { range?: unknown }).range);
}

/** A key of the mapping at `path` read under another name: a misspelling under the key it was meant to be. */
export interface KeyRename {
  readonly path: DataPath;
  readonly from: string;
  readonly to: string;
}

/**
 * A copy of `root` in which the mapping at `path` holds the value of `from` under `to`, in its
 * place among the other keys; the rest is shared, never changed.
 */
export function renamedAt(root: unknown, path: DataPath, from: string, to: string): unknown {
  const [head, ...rest] = path;
  if (head === undefined) {
    if (!isPlainRecord(root) || !Object.hasOwn(root, from)) return root;
    return Object.fromEntries(Object.entries(root).map(([key, value]) => [key === from ? to : key, value]));
  }
  if (Array.isArray(root) && typeof head === "number") {
    return root.map((item: unknown, index) => (index === head ? renamedAt(item, rest, from, to) : item));
  }
  if (isPlainRecord(root) && Object.hasOwn(root, String(head))) {
    return { ...root, [String(head)]: renamedAt(root[String(head)], rest, from, to) };
  }
  return root;
}

/**
 * The file read with keys renamed: its data holds each value under its new key, and the new key
 * (with everything under it) is located where the old one was written.
 */
export function withKeysRenamed(file: SourceFile, renames: readonly KeyRename[]): SourceFile {
  let data = file.data;
  const positions: Record<string, PositionIndex[string]> = { ...file.positions };
  for (const { path, from, to } of renames) {
    data = renamedAt(data, path, from, to);
    const prefix = path.map((segment) => `\u0000${String(segment)}`).join("");
    const old = `${prefix}\u0000${from}`;
    const renamed = `${prefix}\u0000${to}`;
    for (const [key, entry] of Object.entries(file.positions)) {
      if (key === old || key.startsWith(`${old}\u0000`)) positions[`${renamed}${key.slice(old.length)}`] = entry;
    }
  }
  return sourceFileFromIndex(file.path, file.text, data, positions);
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
