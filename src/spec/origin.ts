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
}
