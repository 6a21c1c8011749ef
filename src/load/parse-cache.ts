import { createHash } from "node:crypto";
import type { Result } from "../diagnostics/diagnostic.js";
import { parseSpecText } from "./parse-yaml.js";
import { sourceFileFromIndex, type PositionIndex, type SourceFile } from "./source-file.js";

/** A spec file as parsed: the hash of its text, its data, and where each part of it was written. */
export interface ParsedFile {
  readonly hash: string;
  readonly data: unknown;
  readonly positions: PositionIndex;
}

/**
 * Parses spec texts, reusing a previous run's parse of any file whose text did not change (by
 * path and hash), and remembers this run's parses so they can be kept for the next one. Only
 * files that parsed without a problem, into data JSON keeps intact, are remembered.
 */
export class ParseCache {
  private readonly parsed = new Map<string, ParsedFile>();

  constructor(private readonly previous: Readonly<Record<string, ParsedFile>> = {}) {}

  /** Whether no previous run's parse was kept: every file is parsed afresh. */
  get isEmpty(): boolean {
    return Object.keys(this.previous).length === 0;
  }

  /** The file parsed from `text`, taken from the previous run when it parsed the same text at this path. */
  parse(path: string, text: string): Result<SourceFile | undefined> {
    const hash = createHash("sha256").update(text).digest("hex");
    const kept = this.previous[path];
    if (kept?.hash === hash) {
      this.parsed.set(path, kept);
      return { value: sourceFileFromIndex(path, text, kept.data, kept.positions), diagnostics: [] };
    }
    const result = parseSpecText(path, text);
    if (result.value && result.diagnostics.length === 0 && survivesJson(result.value.data))
      this.parsed.set(path, { hash, data: result.value.data, positions: result.value.positions });
    return result;
  }

  /** This run's parses, by path, to keep for the next run. */
  entries(): Record<string, ParsedFile> {
    return Object.fromEntries(this.parsed);
  }
}

/** Whether JSON gives back the same value: no `.inf`, `.nan` or `-0`, nothing but plain objects and arrays. */
function survivesJson(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value !== "object") return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(survivesJson);
}
