import { reviewSpecs } from "../../src/review.js";
import { BENCH_TODAY } from "../corpus.js";
import { requireNoErrors } from "../checks.js";
import { measureInChild } from "../child.js";
import { BASE_BRANCH } from "../protocol.js";

// slocc diff --base base: both sides read (base from git objects), compiled and compared.
measureInChild(
  (args) => {
    // The working tree side is read relative to the current directory, as the CLI does.
    process.chdir(args.repo);
    return args.repo;
  },
  async (repo) => {
    const result = await reviewSpecs({ cwd: repo, dir: "slos", base: BASE_BRANCH, today: BENCH_TODAY });
    requireNoErrors(result, "diff");
    if (!result.diff) throw new Error("no review diff although no error was reported");
    const { slos, resources } = result.diff.summary;
    if (slos.changed !== 1 || slos.added + slos.removed + slos.renamed !== 0) throw new Error(`expected one changed SLO, got ${JSON.stringify(slos)}`);
    return { changedSlos: slos.changed, updatedResources: resources.update, risks: result.diff.summary.risks };
  },
);
