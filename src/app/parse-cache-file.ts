import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { RECORD_DIR } from "../emit/output-record.js";
import { ParseCache, type ParsedFile } from "../load/parse-cache.js";
import { codeFingerprint } from "../util/fingerprint.js";

/** Where the parses of the specs are kept, in the output directory beside slocc's record of it. */
const CACHE_FILE = "specs.json";

interface CacheFile {
  readonly fingerprint: string;
  readonly files: Readonly<Record<string, ParsedFile>>;
}

/** The parses kept in an output directory by the previous synthesis; none when absent, unreadable, or from other code. */
export async function readParseCache(outdir: string): Promise<ParseCache> {
  try {
    const kept = JSON.parse(await readFile(join(outdir, RECORD_DIR, CACHE_FILE), "utf8")) as Partial<CacheFile>;
    if (kept.fingerprint !== codeFingerprint() || typeof kept.files !== "object" || kept.files === null)
      return new ParseCache();
    return new ParseCache(kept.files);
  } catch {
    return new ParseCache();
  }
}

/** Keeps this run's parses in the output directory, for the next synthesis. */
export async function writeParseCache(outdir: string, cache: ParseCache): Promise<void> {
  const dir = join(outdir, RECORD_DIR);
  await mkdir(dir, { recursive: true });
  const file: CacheFile = { fingerprint: codeFingerprint(), files: cache.entries() };
  const partial = join(dir, `.${CACHE_FILE}.${process.pid}`);
  await writeFile(partial, JSON.stringify(file));
  await rename(partial, join(dir, CACHE_FILE));
}
