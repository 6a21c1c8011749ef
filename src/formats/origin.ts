import type { DataPath, SourceFile } from "../load/source-file.js";
import type { At, Position } from "../model/model.js";
import { isRecord, nodeAt } from "./shape.js";

/**
 * Where the parts of one object of a parsed file were written, and what was written before any
 * shape check: encodings are judged on the keys written, so a malformed value is not also
 * reported as missing. Paths are relative to the object, which sits at `base` in its file (a
 * document of its own, or an item of a list).
 */
export class Origin {
  constructor(
    readonly file: SourceFile,
    private readonly base: DataPath = [],
  ) {}

  at(path: DataPath, part?: "key" | "value"): Position {
    return this.file.locate([...this.base, ...path], part);
  }

  /** Where the mapping at `path` was written (`self`) and each of its `keys`, a part named after its key. */
  parts<Key extends string>(path: DataPath, keys: readonly Key[]): At<Key> {
    const at = Object.fromEntries(keys.map((key) => [key, this.at([...path, key])])) as Record<Key, Position>;
    return { ...at, self: this.at(path) };
  }

  /** The keys written in the mapping at `path`, whatever their values. */
  keysAt(path: DataPath): string[] {
    const node = nodeAt(this.file.data, [...this.base, ...path]);
    return isRecord(node) ? Object.keys(node) : [];
  }

  /**
   * Where `needle` is written inside the value at `path` (a placeholder inside a query, say), or
   * the value's own position when it cannot be found on the value's first lines.
   */
  within(path: DataPath, needle: string): Position {
    const start = this.at(path);
    const lines = this.file.text.split("\n");
    for (let line = start.line; line < Math.min(lines.length, start.line + 5) + 1; line++) {
      const text = lines[line - 1] ?? "";
      const column = text.indexOf(needle, line === start.line ? start.column - 1 : 0);
      if (column >= 0) return { file: start.file, line, column: column + 1 };
    }
    return start;
  }
}

/** A part of a spec, with where it was written: what a mapping needs to position what it reports. */
export interface Sourced<T> {
  readonly data: T;
  readonly path: DataPath;
  readonly origin: Origin;
}
