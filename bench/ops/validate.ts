import { compileDirectory } from "../../src/app/compile.js";
import { BENCH_TODAY } from "../corpus.js";
import { compiledDetail, requireNoErrors } from "../checks.js";
import { measureInChild } from "../child.js";

// slocc validate: read, parse, validate, model and plan.
measureInChild(
  (args) => args.dir,
  async (dir) => {
    const result = await compileDirectory(dir, process.cwd(), { today: BENCH_TODAY });
    requireNoErrors(result, "validate");
    return compiledDetail(result);
  },
);
