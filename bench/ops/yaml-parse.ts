import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { measureInChild } from "../child.js";

// Baseline: read every spec file and parse it with `yaml`, nothing else.
measureInChild(
  (args) => args.dir,
  async (dir) => {
    const names = (await readdir(dir)).filter((name) => name.endsWith(".yaml") || name.endsWith(".yml")).sort();
    let documents = 0;
    for (const name of names) {
      const data: unknown = parse(await readFile(join(dir, name), "utf8"));
      if (data !== null && typeof data === "object") documents++;
    }
    if (documents !== names.length) throw new Error(`only ${documents} of ${names.length} files parsed to a mapping`);
    return { files: names.length };
  },
);
