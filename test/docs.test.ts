import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { cp, mkdir, writeFile } from "node:fs/promises";
import { dirname, join, normalize } from "node:path";
import { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AppContext } from "../src/app/context.js";
import { main } from "../src/cli/main.js";
import { DIAGNOSTIC_CODES } from "../src/diagnostics/codes.js";
import { compileOne, tempDir } from "./support/compile.js";
import { DOC_FILES, ROOT, docText, fencedBlocks, specExamples, type FencedBlock } from "./support/docs.js";

const examples = specExamples();

describe("the spec examples of the documentation", () => {
  it("are many, in the README and in the pages", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    expect(examples.some((example) => example.file === "README.md")).toBe(true);
  });

  it.each(examples)("example $index of $file compiles without a diagnostic", ({ yaml }) => {
    const result = compileOne(yaml);
    expect(result.diagnostics).toEqual([]);
    expect(result.value?.plan).toBeDefined();
  });

  it("are slocc specs, or OpenSLO documents where test/openslo.test.ts imports them", () => {
    const other = DOC_FILES.flatMap((file) => fencedBlocks(file, docText(file)))
      .filter((block) => block.lang === "yaml" && block.text.startsWith("apiVersion:"))
      .filter((block) => !block.text.startsWith("apiVersion: slocc/v1"));
    expect(other.length).toBeGreaterThan(0);
    for (const block of other)
      expect(`${block.file}: ${block.text.split("\n")[0] ?? ""}`).toBe("docs/openslo.md: apiVersion: openslo/v1");
  });
});

/** A new project directory made for a transcript, in which its commands run. */
type Project = (dir: string) => Promise<void>;

/** A project holding a copy of the repository's example specs in `slos/`, and a package.json at its root. */
const withExamples: Project = async (dir) => {
  await cp(join(ROOT, "slos"), join(dir, "slos"), { recursive: true });
  await writeFile(join(dir, "package.json"), '{ "private": true }\n');
};

/** A project holding the first spec the README writes, `slos/matching.yaml`. */
const withFirstSlo: Project = async (dir) => {
  const spec = examples.find((example) => example.file === "README.md" && example.yaml.includes("service: matching"));
  expect(spec, "the README's first SLO").toBeDefined();
  await mkdir(join(dir, "slos"));
  await writeFile(join(dir, "slos", "matching.yaml"), spec?.yaml ?? "");
  await writeFile(join(dir, "package.json"), '{ "private": true }\n');
};

/**
 * Where each transcript of the documentation runs, by its file and first command: a project made
 * for it, or the test file that runs it (against a stand-in Datadog API). A transcript missing
 * here fails, so that none is shown without being run.
 */
const TRANSCRIPTS: Readonly<Record<string, Project | { readonly checkedIn: string }>> = {
  "README.md: slocc validate --today 2027-01-15": withExamples,
  "README.md: npx slocc validate": withFirstSlo,
  "docs/commands.md: slocc reviews --today 2027-03-20": withExamples,
  "docs/openslo.md: slocc export openslo --dir slos --out openslo": withExamples,
  "docs/site.md: slocc site --out site --today 2027-05-01": withExamples,
  "docs/working-directory.md: cd slos": withExamples,
  "docs/working-directory.md: touch cdktf.out": withExamples,
  "docs/diff.md: slocc diff --base main": { checkedIn: "test/diff.test.ts" },
  "docs/preview.md: slocc preview --to 2026-12-06T00:00:00Z": { checkedIn: "test/preview-docs.test.ts" },
  "docs/preview.md: slocc preview --to 2026-12-06T00:00:00Z --format json": { checkedIn: "test/preview-docs.test.ts" },
};

/** One command of a transcript and the lines it is shown to print. */
interface Step {
  readonly command: string;
  readonly shown: readonly string[];
}

/** A transcript: a block whose lines starting with `$ ` are commands, each followed by what it prints. */
function stepsOf(block: FencedBlock): Step[] {
  const found: { command: string; shown: string[] }[] = [];
  for (const line of block.text.replace(/\n$/, "").split("\n")) {
    if (line.startsWith("$ ")) found.push({ command: line.slice(2), shown: [] });
    else found.at(-1)?.shown.push(line);
  }
  return found;
}

const transcripts = DOC_FILES.flatMap((file) => fencedBlocks(file, docText(file)))
  .filter((block) => block.text.split("\n").some((line) => line.startsWith("$ ")))
  .map((block) => ({ block, steps: stepsOf(block), key: `${block.file}: ${stepsOf(block)[0]?.command ?? ""}` }));

/** Runs slocc in-process in `cwd`, with an empty environment, and returns what a terminal shows: both streams in the order written. */
async function terminal(args: readonly string[], cwd: string): Promise<string> {
  let shown = "";
  const context: AppContext = {
    cwd,
    env: {},
    stdin: Readable.from([]),
    stdout: (text) => void (shown += text),
    stderr: (text) => void (shown += text),
    color: { stdout: false, stderr: false },
  };
  await main(args, context);
  return shown;
}

/**
 * Whether `shown` is `printed` with runs of whole lines left out where it says `...` (a line of
 * its own). Without `...`, it must be all of it; a leading or trailing `...` may stand for nothing.
 */
function showsLinesOf(shown: readonly string[], printed: readonly string[]): boolean {
  const segments: string[][] = [[]];
  for (const line of shown) {
    if (line.trim() === "...") segments.push([]);
    else segments.at(-1)?.push(line);
  }
  const runAt = (run: readonly string[], at: number) => run.every((line, index) => printed[at + index] === line);
  if (segments.length === 1) return printed.length === shown.length && runAt(shown, 0);
  const first = segments[0] ?? [];
  const last = segments.at(-1) ?? [];
  if (!runAt(first, 0)) return false;
  let at = first.length;
  for (const run of segments.slice(1, -1)) {
    let found = at;
    while (found + run.length <= printed.length && !runAt(run, found)) found++;
    if (found + run.length > printed.length) return false;
    at = found + run.length;
  }
  return printed.length - last.length >= at && runAt(last, printed.length - last.length);
}

describe("the transcripts of the documentation", () => {
  // Far ahead, so that a transcript whose output depends on the day shows it unless it says `--today`.
  beforeAll(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2031-06-15T12:00:00Z") });
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it("are there to run: in the README and in the pages", () => {
    expect(transcripts.length).toBeGreaterThanOrEqual(7);
    expect(transcripts.filter((transcript) => transcript.block.file === "README.md")).toHaveLength(2);
  });

  it.each(transcripts)("$key prints what it shows", async ({ key, steps }) => {
    const project = TRANSCRIPTS[key];
    expect(project, `where ${key} runs: add it to TRANSCRIPTS`).toBeDefined();
    if (project === undefined) return;
    if (typeof project !== "function") {
      expect(docText(project.checkedIn)).toContain(`"$ ${key.slice(key.indexOf(": ") + 2)}\\n"`);
      return;
    }
    let cwd = await tempDir("slocc-docs-");
    await project(cwd);
    for (const { command, shown } of steps) {
      const words = command.split(" ");
      expect(command, "a command without quotes or shell syntax").toMatch(/^[\w./:= -]+$/);
      if (words[0] === "cd") {
        cwd = join(cwd, words[1] ?? "");
        continue;
      }
      if (words[0] === "touch") {
        await writeFile(join(cwd, words[1] ?? ""), "");
        continue;
      }
      const args = words[0] === "npx" ? words.slice(1) : words;
      expect(args[0]).toBe("slocc");
      const printed = (await terminal(args.slice(1), cwd)).replace(/\n$/, "").split("\n");
      expect(showsLinesOf(shown, printed), `${command} printed:\n${printed.join("\n")}`).toBe(true);
    }
  });

  it.each([
    { shown: ["a", "b"], printed: ["a", "b"], matches: true },
    { shown: ["a"], printed: ["a", "b"], matches: false },
    { shown: ["a", "...", "c"], printed: ["a", "b", "c"], matches: true },
    { shown: ["...", "c"], printed: ["c"], matches: true },
    { shown: ["a", "...", "b", "...", "d"], printed: ["a", "b", "c", "d"], matches: true },
    { shown: ["a", "...", "c", "...", "b"], printed: ["a", "b", "c", "d"], matches: false },
    { shown: ["...", "b", "..."], printed: ["a", "c"], matches: false },
    { shown: ["a", "...", "a"], printed: ["a"], matches: false },
  ])("are compared line by line, `...` standing for lines left out: $shown against $printed", (example) => {
    expect(showsLinesOf(example.shown, example.printed)).toBe(example.matches);
  });
});

/** The anchors GitHub gives the headings of a Markdown text, fenced blocks left out. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const text = (heading ?? "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

/** A Markdown text without its fenced blocks, where no heading is. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^( *)```[\s\S]*?^\1```$/gm, "");
}

/** A Markdown text without its fenced blocks and inline code, where no link is. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, "");
}

/** The files the package ships, as package.json's `files` names them, with README.md, which npm always ships. */
const SHIPPED = (JSON.parse(docText("package.json")) as { files: string[] }).files;

const links = DOC_FILES.flatMap((file) =>
  [...withoutCode(docText(file)).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? "")
    .filter((target) => !/^[a-z]+:/.test(target))
    .map((target) => {
      const [path = "", anchor] = target.split("#");
      return { file, target, path: path === "" ? file : normalize(join(dirname(file), path)), anchor };
    }),
);

describe("the links of the documentation", () => {
  it("are many", () => {
    expect(links.length).toBeGreaterThan(60);
  });

  it.each(DOC_FILES)("%s is linked from another page, or is the README", (file) => {
    if (file === "README.md") return;
    expect(links.filter((link) => link.path === file && link.file !== file)).not.toEqual([]);
  });

  it("lead to files of the repository that the package ships", () => {
    const broken = links.filter((link) => !existsSync(join(ROOT, link.path)));
    expect(broken).toEqual([]);
    const unshipped = links.filter(
      (link) =>
        link.path !== "README.md" && !SHIPPED.some((entry) => link.path === entry || link.path.startsWith(`${entry}/`)),
    );
    expect(unshipped).toEqual([]);
  });

  it("lead to headings that are there, as GitHub names their anchors", () => {
    const byFile = new Map(DOC_FILES.map((file) => [file, anchors(docText(file))]));
    const linked = links.filter((link) => link.anchor !== undefined);
    expect(linked.length).toBeGreaterThan(30);
    const missing = linked.filter((link) => !(byFile.get(link.path) ?? new Set()).has(link.anchor ?? ""));
    expect(missing).toEqual([]);
  });

  it.each([
    ["## Terraform's working files and the lock file", "terraforms-working-files-and-the-lock-file"],
    ["## What `slocc init` writes", "what-slocc-init-writes"],
    ["## Secrets, variables and state", "secrets-variables-and-state"],
    ["## Journeys and dependency ceilings", "journeys-and-dependency-ceilings"],
  ])("name a heading's anchor as GitHub does: %s", (heading, anchor) => {
    expect([...anchors(heading)]).toEqual([anchor]);
  });
});

describe("the pages about slocc itself", () => {
  it("list every diagnostic code with its severity in the spec reference", () => {
    const spec = docText("docs/spec.md");
    for (const [code, { severity }] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(spec).toContain(`| \`${code}\` | ${severity} |`);
    }
  });

  it("name every folder of src/ in docs/contributing.md", () => {
    const folders = readdirSync(join(ROOT, "src")).filter((name) => statSync(join(ROOT, "src", name)).isDirectory());
    expect(folders.length).toBeGreaterThan(15);
    const page = docText("docs/contributing.md");
    expect(folders.filter((folder) => !page.includes(`\`${folder}/\``))).toEqual([]);
  });

  it("quote in docs/ci.md every slocc command the shipped workflow runs", () => {
    const workflow = docText(".github/workflows/slo.yml");
    const commands = [...new Set([...workflow.matchAll(/npx slocc [^;\n]*/g)].map((match) => match[0].trim()))];
    expect(commands.length).toBeGreaterThanOrEqual(6);
    const page = docText("docs/ci.md");
    expect(commands.filter((command) => !page.includes(command))).toEqual([]);
  });

  it("show in docs/library.md a program that runs as written, against the package's entry points", async () => {
    const program = fencedBlocks("docs/library.md", docText("docs/library.md")).find((block) => block.lang === "ts");
    const { exports } = JSON.parse(docText("package.json")) as { exports: Record<string, { default: string }> };
    const entry = (subpath: string) => pathToFileURL(join(ROOT, exports[subpath]?.default ?? "")).href;
    const text = (program?.text ?? "")
      .replace('from "slocc";', `from "${entry(".")}";`)
      .replace('from "slocc/emit";', `from "${entry("./emit")}";`);
    expect(text).not.toMatch(/from "slocc/);
    const dir = await tempDir("slocc-library-");
    await withExamples(dir);
    await writeFile(join(dir, "program.mjs"), text);
    const run = spawnSync(process.execPath, ["program.mjs"], { cwd: dir, encoding: "utf8", timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(join(dir, "cdktf.out", "stacks")).sort()).toEqual(["card-platform", "e-scooter"]);
  });
});
