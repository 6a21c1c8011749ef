import { readFile } from "node:fs/promises";
import type { CorpusShape } from "../corpus.js";
import { buildHandwrittenApp } from "../handwritten.js";
import { measureInChild } from "../child.js";

// Baseline: a hand-written cdktf program creating the same resources, synthesized to disk.
measureInChild(
  async (args) => ({ shape: JSON.parse(await readFile(args.shape, "utf8")) as CorpusShape, out: args.out }),
  ({ shape, out }) => {
    buildHandwrittenApp(shape, out).synth();
    return Promise.resolve({ stacks: shape.services.length });
  },
);
