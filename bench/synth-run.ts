import { compileDirectory } from "../src/app/compile.js";
import { readParseCache, writeParseCache } from "../src/app/parse-cache-file.js";
import { synthesizeTo, type SynthesisReport } from "../src/emit/synth.js";
import { compiledDetail, requireNoErrors } from "./checks.js";
import { BENCH_TODAY } from "./corpus.js";
import type { Detail } from "./protocol.js";

/**
 * What `slocc synth --dir <dir> --out <out>` does, less the printing: the parses kept in `out` read,
 * the specs compiled, the stacks synthesized (unchanged ones kept), the parses kept for next time.
 */
export async function synthLikeTheCli(
  dir: string,
  out: string,
  what: string,
): Promise<Detail & Partial<Record<string, number>>> {
  const parseCache = await readParseCache(out);
  const result = await compileDirectory(dir, process.cwd(), { today: BENCH_TODAY, parseCache });
  requireNoErrors(result, what);
  if (!result.value) throw new Error("no plan although no error was reported");
  const report: SynthesisReport = await synthesizeTo(result.value.plan, out);
  await writeParseCache(out, parseCache);
  return { ...compiledDetail(result), synthesized: report.synthesized.length, reused: report.reused.length };
}
