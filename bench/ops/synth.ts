import { compileDirectory } from "../../src/app/compile.js";
import { synthesizeTo } from "../../src/emit/synth.js";
import { BENCH_TODAY } from "../corpus.js";
import { compiledDetail, requireNoErrors } from "../checks.js";
import { measureInChild } from "../child.js";

// slocc synth: compile, then write cdktf.out.
measureInChild(
  (args) => args,
  async ({ dir, out }) => {
    const result = await compileDirectory(dir, process.cwd(), { today: BENCH_TODAY });
    requireNoErrors(result, "synth");
    if (!result.value) throw new Error("no plan although no error was reported");
    await synthesizeTo(result.value.plan, out);
    return compiledDetail(result);
  },
);
