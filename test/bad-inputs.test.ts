import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBinary, runCli } from "./support/cli.js";
import { tempDir } from "./support/compile.js";
import { readCorpus, showsCrash, type CorpusCase } from "./support/corpus.js";

/**
 * The bad-input corpus: every case must make `slocc validate` and `slocc synth` exit 1 with exactly
 * the expected error diagnostics (code and position), write nothing and print no stack trace (nor
 * the CLI's "internal error", which means an exception escaped the compiler).
 * Warnings are not part of an expectation: they may come and go as rules are added.
 */
const CORPUS = join(__dirname, "bad-inputs");

/** A case as the runner uses it: a name, the expected errors and a way to lay it out. */
interface BadInputCase {
  readonly name: string;
  /** Error diagnostics as `CODE file line:column`, in the order slocc reports them. */
  readonly expected: readonly string[];
  /** Creates `slos/` (or deliberately not) and its content inside `project`. */
  readonly build: (project: string) => Promise<void>;
}

const VALID_SPEC = `apiVersion: slocc/v1
service: web
owner: web-sre
slos:
  - name: availability
    sli:
      ratio: { good: "sum:requests{status:ok}.as_count()", total: "sum:requests{*}.as_count()" }
    objectives:
      - { window: 30d, target: 100 }
`;

/** Writes files into `<project>/slos`, creating it. */
async function writeSpecs(project: string, files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
  await mkdir(join(project, "slos"), { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(project, "slos", name), content);
}

const TEN_MEGABYTES = 10 * 1024 * 1024;

/** Cases that cannot be text files in the corpus folder: the runner builds them. */
const generated: readonly BadInputCase[] = [
  {
    name: "an empty file",
    expected: ["EMPTY_FILE slos/empty.yaml 1:1"],
    build: (p) => writeSpecs(p, { "empty.yaml": "" }),
  },
  {
    name: "Latin-1 bytes that are not UTF-8",
    expected: ["INVALID_ENCODING slos/latin1.yaml 1:1"],
    build: (p) =>
      writeSpecs(p, {
        "latin1.yaml": Buffer.concat([
          Buffer.from("apiVersion: slocc/v1\nservice: caf"),
          Buffer.from([0xe9]),
          Buffer.from("\n"),
        ]),
      }),
  },
  {
    name: "binary content (an image header)",
    expected: ["INVALID_ENCODING slos/image.yaml 1:1"],
    build: (p) =>
      writeSpecs(p, {
        "image.yaml": new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
      }),
  },
  {
    name: "UTF-8 text holding a NUL byte",
    expected: ["INVALID_ENCODING slos/nul.yaml 1:1"],
    build: (p) => writeSpecs(p, { "nul.yaml": "apiVersion: slocc/v1\nservice: web\u0000\n" }),
  },
  {
    name: "UTF-16 text with a byte-order mark",
    expected: ["INVALID_ENCODING slos/utf16.yaml 1:1"],
    build: (p) => writeSpecs(p, { "utf16.yaml": Buffer.from(`\uFEFF${VALID_SPEC}`, "utf16le") }),
  },
  {
    name: "a 10 MB file",
    expected: ["FILE_TOO_LARGE slos/huge.yaml 1:1"],
    build: (p) => writeSpecs(p, { "huge.yaml": `# ${"x".repeat(TEN_MEGABYTES)}\n` }),
  },
  {
    name: "a directory named like a spec",
    expected: ["UNREADABLE_FILE slos/folder.yaml 1:1"],
    build: async (p) => {
      await mkdir(join(p, "slos", "folder.yaml"), { recursive: true });
    },
  },
  {
    name: "a broken symbolic link",
    expected: ["UNREADABLE_FILE slos/link.yaml 1:1"],
    build: async (p) => {
      await mkdir(join(p, "slos"));
      await symlink(join(p, "missing.yaml"), join(p, "slos", "link.yaml"));
    },
  },
  {
    name: "a symbolic link to itself",
    expected: ["UNREADABLE_FILE slos/loop.yaml 1:1"],
    build: async (p) => {
      await mkdir(join(p, "slos"));
      await symlink("loop.yaml", join(p, "slos", "loop.yaml"));
    },
  },
  {
    name: "a named pipe, which must not be opened",
    expected: ["UNREADABLE_FILE slos/pipe.yaml 1:1"],
    build: async (p) => {
      await mkdir(join(p, "slos"));
      const made = spawnSync("mkfifo", [join(p, "slos", "pipe.yaml")]);
      if (made.status !== 0) throw new Error("mkfifo failed");
    },
  },
  { name: "an empty spec directory", expected: ["NO_SPECS slos 1:1"], build: (p) => writeSpecs(p, {}) },
  {
    name: "a spec directory with no .yaml or .yml file",
    expected: ["NO_SPECS slos 1:1"],
    build: (p) => writeSpecs(p, { "README.md": "# SLOs\n", "web.json": "{}", "web.yaml.bak": VALID_SPEC }),
  },
  { name: "a missing spec directory", expected: ["NO_SPECS slos 1:1"], build: () => Promise.resolve() },
  {
    name: "a byte-order mark before an error",
    expected: ["TARGET_RANGE slos/bom.yaml 9:32"],
    build: (p) => writeSpecs(p, { "bom.yaml": `\uFEFF${VALID_SPEC}` }),
  },
  {
    name: "Windows line endings before an error",
    expected: ["TARGET_RANGE slos/crlf.yaml 9:32"],
    build: (p) => writeSpecs(p, { "crlf.yaml": VALID_SPEC.replace(/\n/g, "\r\n") }),
  },
];

const corpus: readonly CorpusCase[] = await readCorpus(CORPUS);

const cases: readonly BadInputCase[] = [
  ...corpus.map((c) => ({
    name: c.name,
    expected: c.expected,
    build: (project: string) => writeSpecs(project, Object.fromEntries(c.files.map((file) => [file.name, file.bytes]))),
  })),
  ...generated,
];

/** Lays a case out in a fresh project directory, runs `check` on it, then removes it. */
async function withProject<T>(c: BadInputCase, check: (project: string) => Promise<T>): Promise<T> {
  const project = await tempDir("slocc-bad-input-");
  try {
    await c.build(project);
    return await check(project);
  } finally {
    await rm(project, { recursive: true, force: true });
  }
}

/** The error diagnostics of a `validate --format json` run, as `CODE file line:column`. */
function errorsOf(stdout: string): string[] {
  const document = JSON.parse(stdout) as {
    diagnostics: { code: string; severity: string; file: string; line: number; column: number }[];
  };
  return document.diagnostics
    .filter((d) => d.severity === "error")
    .map((d) => `${d.code} ${d.file} ${d.line}:${d.column}`);
}

/** Cases the built binary is spawned for, one of each kind of failure. */
const SPAWNED_CASES = new Set([
  "binary content (an image header)",
  "a broken symbolic link",
  "yaml-tab-indentation.yaml",
  "yaml-alias-bomb.yaml",
  "wrong-types-slo.yaml",
  "independent-mistakes-in-one-file.yaml",
  "duplicate-service",
]);

/** Cases that stress the parser's resources: each must be refused quickly. */
const RESOURCE_CASES = new Set([
  "yaml-alias-bomb.yaml",
  "yaml-deep-nesting.yaml",
  "yaml-long-indicator-run.yaml",
  "a 10 MB file",
]);

describe("the bad-input corpus", () => {
  it("holds at least 40 cases, each expecting at least one error, and every spawned case among them", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.expected.length, c.name).toBeGreaterThan(0);
    expect(cases.filter((c) => SPAWNED_CASES.has(c.name))).toHaveLength(SPAWNED_CASES.size);
  });

  it.each(cases)(
    "refuses $name with exactly the expected errors, writes nothing and prints no stack trace",
    async (c) => {
      await withProject(c, async (project) => {
        const validate = await runCli(["validate", "--format", "json"], project);
        expect(validate.code).toBe(1);
        expect(errorsOf(validate.stdout)).toEqual(c.expected);
        expect(showsCrash(validate.stderr)).toBe(false);

        const out = join(project, "cdktf.out");
        const synth = await runCli(["synth", "--out", out], project);
        expect(synth.code).toBe(1);
        expect(showsCrash(`${synth.stdout}${synth.stderr}`)).toBe(false);
        expect(existsSync(out)).toBe(false);
        expect((await readdir(project)).filter((name) => name !== "slos")).toEqual([]);
      });
    },
  );

  // CPU time, not wall time: what the parse costs, whatever else a busy machine is running.
  it.each(cases.filter((c) => RESOURCE_CASES.has(c.name)))("refuses $name within a second of CPU time", async (c) => {
    await withProject(c, async (project) => {
      const started = process.cpuUsage();
      const run = await runCli(["validate", "--format", "json"], project);
      const used = process.cpuUsage(started);
      expect((used.user + used.system) / 1e6).toBeLessThan(1);
      expect(run.code).toBe(1);
    });
    expect.assertions(2);
  });

  it("suggests the key a misspelled key was meant to be", async () => {
    const misspelled = cases.find((c) => c.name === "unknown-key-misspelled-service.yaml");
    expect(misspelled).toBeDefined();
    await withProject(misspelled!, async (project) => {
      const run = await runCli(["validate", "--format", "json"], project);
      const document = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string }[] };
      const unknown = document.diagnostics.find((d) => d.code === "UNKNOWN_KEY");
      expect(unknown?.message).toContain('"service"');
    });
  });

  // Every case runs in-process above; the built binary is spawned for one case of each kind of
  // failure (bytes, files, YAML, resources, shape, rules, several files), which is what it adds.
  it.each(cases.filter((c) => SPAWNED_CASES.has(c.name)))(
    "never makes the installed binary crash on $name: exit 1 without a stack trace or an internal error",
    async (c) => {
      const run = await withProject(c, (project) =>
        runBinary(["validate"], project, { ...process.env, NO_COLOR: "1" }),
      );
      expect(showsCrash(run.stderr)).toBe(false);
      expect(run.code).toBe(1);
    },
  );
});
