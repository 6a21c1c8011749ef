import { Readable } from "node:stream";
import type { AppContext } from "../src/app/context.js";
import { prepareWriting, writeStacks } from "../src/app/synth.js";
// Loaded here, before any measurement, as the other operations load their modules: the CLI loads
// the emit stage on demand, and the table's process time counts that.
import "../src/emit/synth.js";
import { BENCH_TODAY } from "./corpus.js";
import type { Detail } from "./protocol.js";

/**
 * What `slocc synth --dir <dir> --out <out>` does, through the same functions, its output
 * discarded: the parses kept in `out` read, threads started, the specs compiled, the stacks
 * synthesized (unchanged ones kept), the parses kept for next time.
 */
export async function synthLikeTheCli(dir: string, out: string, what: string): Promise<Detail> {
  let diagnostics = "";
  const context: AppContext = {
    cwd: process.cwd(),
    env: {},
    stdin: Readable.from([]),
    stdout: () => undefined,
    stderr: (text) => void (diagnostics += text),
    color: { stdout: false, stderr: false },
  };
  const ready = await prepareWriting({ dir, today: BENCH_TODAY }, out, false, context);
  if (!ready) throw new Error(`the generated corpus does not validate (${what}):\n${diagnostics.slice(0, 4000)}`);
  const report = await writeStacks(ready, out, context);
  return {
    stacks: ready.plan.stacks.length,
    resources: ready.plan.stacks.reduce((sum, stack) => sum + stack.resources.length, 0),
    synthesized: report.synthesized.length,
    reused: report.reused.length,
    threads: report.threads,
  };
}
