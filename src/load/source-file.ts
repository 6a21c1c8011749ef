import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Position } from "../util/position.js";

/** A path into a YAML document: mapping keys and sequence indices. */
export type DataPath = readonly (string | number)[];

/** A spec file parsed into plain data, which can still say where any part of it was written. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
  readonly data: unknown;
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
  const positionAt = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: path, line, column: col };
  };
  return {
    path,
    text,
    data,
    locate(dataPath, part = "value") {
      let node: unknown = document.contents;
      let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
      for (const [index, segment] of dataPath.entries()) {
        const isLast = index === dataPath.length - 1;
        if (isMap(node)) {
          const pair = node.items.find(
            (item) => isPair(item) && isScalar(item.key) && keyText(item.key.value) === String(segment),
          );
          if (!pair) break;
          if (isLast && part === "key" && isNodeWithRange(pair.key)) return positionAt(pair.key.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          node = node.items[segment];
        } else {
          break;
        }
        if (!isNodeWithRange(node)) break;
        found = node;
      }
      return positionAt(found?.range?.[0] ?? 0);
    },
  };
}

/** A scalar key as it becomes an object key in the parsed data: an empty key (`~:`, `:`) becomes "". */
function keyText(value: unknown): string {
  return value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
}

function isNodeWithRange(value: unknown): value is Node & { range: [number, number, number] } {
  return typeof value === "object" && value !== null && Array.isArray((value as { range?: unknown }).range);
}
