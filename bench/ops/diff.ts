import { diffSpecs } from "../../src/app/change-diff.js";
import { BENCH_TODAY } from "../corpus.js";
import { requireNoErrors } from "../checks.js";
import { measureInChild } from "../child.js";
import { BASE_BRANCH } from "../protocol.js";

// slocc diff --base base: both sides read (base from git objects), compiled and compared.
measureInChild(
  (args) => args.repo,
  async (repo) => {
    const read = await diffSpecs({ cwd: repo, dir: "slos", base: BASE_BRANCH, today: BENCH_TODAY });
    if (!read.ok) throw new Error(`the diff could not read git: ${read.problems.map((p) => p.message).join("; ")}`);
    const result = read.value;
    requireNoErrors(result, "diff");
    if (!result.value) throw new Error("no change diff although no error was reported");
    const { slos, resources } = result.value.summary;
    if (slos.changed !== 1 || slos.added + slos.removed + slos.renamed !== 0)
      throw new Error(`expected one changed SLO, got ${JSON.stringify(slos)}`);
    return { changedSlos: slos.changed, updatedResources: resources.update, risks: result.value.summary.risks };
  },
);
