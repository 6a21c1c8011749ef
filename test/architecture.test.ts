import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The stages import one way. Each folder of src/ may import only the folders listed here (its
 * leaves first); the files at the root of src/ are the entry points and may import anything.
 */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  util: [],
  // Numbers, durations, instants and tables written for people.
  human: ["util"],
  diagnostics: ["util"],
  datadog: ["util"],
  // Tables built into slocc: Datadog's recommended burn-rate tiers and the built-in SLI templates.
  builtin: [],
  // What a stack is written with besides its resources: backend and provider version.
  settings: ["util", "diagnostics"],
  terraform: ["util", "diagnostics", "datadog"],
  // Reading the Datadog API: I/O, like running terraform.
  "datadog-api": ["util", "diagnostics", "datadog"],
  model: ["util", "human", "datadog", "builtin"],
  load: ["util", "diagnostics"],
  // The input formats, one folder per format and version: schema, mapping to the model, writer back.
  formats: ["util", "diagnostics", "datadog", "human", "load", "model", "builtin"],
  rules: ["util", "diagnostics", "datadog", "human", "model"],
  plan: ["util", "datadog", "human", "model"],
  // Read models: explain, the review calendar, the templates list.
  views: ["util", "datadog", "human", "model", "plan"],
  // The change diff: a read model of two compilations, with its risks.
  diff: ["util", "diagnostics", "datadog", "human", "model", "plan", "views"],
  // Measuring SLOs against Datadog's metrics: what to read, and what the data says (pure), its problems coded.
  preview: ["util", "diagnostics", "datadog", "human", "model", "plan"],
  // Adopting what Datadog already has: API objects mapped to spec data (the model's tags, to report them).
  adopt: ["util", "diagnostics", "datadog", "human", "datadog-api", "formats", "model"],
  // The SLO catalog as a static site: pure functions from read models and a preview report to files.
  site: ["util", "human", "datadog", "model", "views", "preview"],
  // Renderers of every read model, the preview's report among them.
  render: ["util", "diagnostics", "datadog", "human", "views", "diff", "preview", "terraform", "adopt"],
  emit: ["util", "settings", "datadog", "plan"],
  app: [
    "util",
    "human",
    "datadog",
    "diagnostics",
    "settings",
    "terraform",
    "load",
    "formats",
    "model",
    "rules",
    "plan",
    "views",
    "diff",
    "preview",
    "render",
    "site",
    "emit",
    "datadog-api",
    "adopt",
  ],
  cli: ["util", "diagnostics", "settings", "app", "views", "diff", "render"],
};

/** Packages that load CDK for Terraform: only the emit stage may import them. */
const CDKTF_PACKAGES = /^(cdktf|constructs|@cdktf\/)/;

const SRC = join(__dirname, "..", "src");

interface ImportEdge {
  readonly file: string;
  readonly from: string;
  readonly to: string;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => relative(SRC, join(entry.parentPath, entry.name)));
}

/** Every import of every file of src/, static or dynamic, by top-level folder (`.` for the root files). */
async function importEdges(): Promise<ImportEdge[]> {
  const edges: ImportEdge[] = [];
  for (const file of await sourceFiles(SRC)) {
    const text = await readFile(join(SRC, file), "utf8");
    const from = folderOf(file);
    for (const match of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
      const specifier = match[1] ?? "";
      const to = specifier.startsWith(".")
        ? folderOf(normalize(join(dirname(file), specifier)))
        : `package ${specifier}`;
      if (to !== from) edges.push({ file, from, to });
    }
  }
  return edges;
}

function folderOf(path: string): string {
  const parts = path.split("/");
  return parts.length > 1 ? (parts[0] ?? ".") : ".";
}

/** A cycle among the folders, as a path, or undefined. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const visit = (node: string, path: string[]): string[] | undefined => {
    if (state.get(node) === "open") return [...path.slice(path.indexOf(node)), node];
    if (state.get(node) === "done") return undefined;
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...path, node]);
      if (cycle) return cycle;
    }
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return undefined;
}

const edges = await importEdges();
const folderEdges = edges.filter((edge) => !edge.to.startsWith("package "));

describe("the stages of src/", () => {
  it("reads at least one import of every stage, so the checks below look at real code", () => {
    const importing = new Set(folderEdges.map((edge) => edge.from));
    for (const folder of Object.keys(ALLOWED).filter((name) => !["util", "builtin"].includes(name)))
      expect(importing).toContain(folder);
  });

  it("import only the stages below them", () => {
    const unexpected = folderEdges
      .filter((edge) => edge.from !== "." && !(ALLOWED[edge.from] ?? []).includes(edge.to))
      .map((edge) => `${edge.file} imports ${edge.to}`);
    expect(unexpected).toEqual([]);
  });

  it("form no cycle when read by top-level folder", () => {
    const graph = new Map<string, Set<string>>();
    for (const edge of folderEdges) graph.set(edge.from, (graph.get(edge.from) ?? new Set()).add(edge.to));
    expect(findCycle(graph)).toBeUndefined();
  });

  it("leave the model free of every other stage", () => {
    expect(new Set(folderEdges.filter((edge) => edge.from === "model").map((edge) => edge.to))).toEqual(
      new Set(["util", "human", "datadog", "builtin"]),
    );
  });

  it("import cdktf, constructs and the provider only under emit", () => {
    const outside = edges
      .filter((edge) => CDKTF_PACKAGES.test(edge.to.replace("package ", "")) && edge.from !== "emit")
      .map((edge) => `${edge.file} imports ${edge.to}`);
    expect(outside).toEqual([]);
  });

  it("import the provider by deep paths, never its root", () => {
    expect(edges.filter((edge) => edge.to === "package @cdktf/provider-datadog").map((edge) => edge.file)).toEqual([]);
  });
});

describe("the package entries", () => {
  /** The packages a fresh Node.js process has loaded after requiring `entry` of the built package. */
  const loadedBy = (entry: string): string[] => {
    const script = `require(${JSON.stringify(entry)}); console.log(JSON.stringify(Object.keys(require.cache)))`;
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
    return [...new Set(loaded.flatMap((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? []))].sort();
  };
  const DIST = join(__dirname, "..", "dist");

  it("load no cdktf for `slocc`, the library API", () => {
    const loaded = loadedBy(join(DIST, "index.js"));
    expect(loaded).toContain("zod");
    expect(loaded.filter((name) => CDKTF_PACKAGES.test(name))).toEqual([]);
  });

  it("load cdktf for `slocc/emit`, the stage that writes stacks", () => {
    expect(loadedBy(join(DIST, "emit", "index.js"))).toEqual(expect.arrayContaining(["cdktf", "constructs"]));
  });
});

describe("the command line", () => {
  const DIST = join(__dirname, "..", "dist");

  /** The files of dist/ and the packages a fresh Node.js process has loaded once `slocc <args>` ran, output aside. */
  const loadedBy = (args: readonly string[]): { files: string[]; packages: string[] } => {
    const script = [
      `const { main } = require(${JSON.stringify(join(DIST, "cli", "main.js"))});`,
      `const { processContext } = require(${JSON.stringify(join(DIST, "app", "context.js"))});`,
      `const quiet = { ...processContext(), stdout: () => undefined, stderr: () => undefined };`,
      `main(${JSON.stringify(args)}, quiet).then(() => console.log(JSON.stringify(Object.keys(require.cache))));`,
    ].join("\n");
    const loaded = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })) as string[];
    return {
      files: loaded.filter((path) => path.startsWith(DIST)).map((path) => relative(DIST, path).split("\\").join("/")),
      packages: [...new Set(loaded.flatMap((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? []))],
    };
  };

  it("loads for `slocc --help` no package but commander", () => {
    expect(loadedBy(["--help"]).packages).toEqual(["commander"]);
  });

  it("loads for `slocc validate` what compiles specs, and none of what the other commands need", () => {
    const { files } = loadedBy(["validate", "--dir", join(__dirname, "..", "slos")]);
    expect(files).toEqual(expect.arrayContaining(["app/compile.js", "formats/to-model.js", "rules/index.js"]));
    const others = [
      "adopt/",
      "datadog-api/",
      "terraform/",
      "emit/",
      "formats/openslo-v1/",
      "render/diff-",
      "app/stacks.js",
    ];
    expect(files.filter((file) => others.some((other) => file.startsWith(other)))).toEqual([]);
  });
});
