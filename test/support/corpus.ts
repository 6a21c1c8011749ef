import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { isSpecFileName } from "../../src/load/read-directory.js";

/** One file of a corpus case: its name inside `slos/` and its exact bytes. */
export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** A bad input kept as text in the corpus folder: its files and the diagnostics it must produce. */
export interface CorpusCase {
  /** The file or folder name in the corpus. */
  readonly name: string;
  readonly files: readonly CorpusFile[];
  /** Error diagnostics as `CODE slos/<file> line:column`, in the order slocc reports them. */
  readonly expected: readonly string[];
}

const EXPECT_PREFIX = "# expect: ";

/**
 * Reads an expectation line: `# expect: CODE line:column, CODE other.yaml line:column`. A pair
 * without a file name is in `defaultFile`; positions count the expectation line itself.
 */
export function parseExpectation(line: string, defaultFile: string | undefined, where: string): string[] {
  if (!line.startsWith(EXPECT_PREFIX)) throw new Error(`${where}: the first line must start with "${EXPECT_PREFIX}"`);
  return line
    .slice(EXPECT_PREFIX.length)
    .trim()
    .split(", ")
    .map((entry) => {
      const parts = entry.split(" ");
      const [code, ...rest] = parts;
      const position = rest.pop();
      const file = rest.length === 1 ? rest[0] : rest.length === 0 ? defaultFile : undefined;
      if (!code || !/^[A-Z_]+$/.test(code) || !position || !/^\d+:\d+$/.test(position) || file === undefined) {
        throw new Error(`${where}: cannot read the expectation "${entry}"`);
      }
      return `${code} slos/${file} ${position}`;
    });
}

/**
 * Every case of a corpus folder: each `.yaml`/`.yml` file is a case whose first line states its
 * expectation; each sub-folder is a case of several files with its expectation in a file `expect`.
 */
export async function readCorpus(dir: string): Promise<CorpusCase[]> {
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (name): Promise<CorpusCase> => {
      const path = join(dir, name);
      if ((await stat(path)).isDirectory()) {
        const inner = (await readdir(path)).filter(isSpecFileName).sort();
        const files = await Promise.all(
          inner.map(async (file) => ({ name: file, bytes: await readFile(join(path, file)) })),
        );
        const expect = await readFile(join(path, "expect"), "utf8");
        return { name, files, expected: parseExpectation(firstLine(expect), undefined, `${name}/expect`) };
      }
      if (!isSpecFileName(name)) throw new Error(`${name}: corpus files end in .yaml or .yml`);
      const bytes = await readFile(path);
      return {
        name,
        files: [{ name, bytes }],
        expected: parseExpectation(firstLine(bytes.toString("utf8")), name, name),
      };
    }),
  );
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]?.replace(/\r$/, "") ?? "";
}

/** A line of a Node.js stack trace, such as `    at main (/x/cli.js:1:2)`. */
export const STACK_TRACE_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** What the CLI prints when an exception escaped the compiler: a crash, even without a stack trace. */
export const INTERNAL_ERROR = /internal error/i;

/** Whether a run's output shows a crash: a stack trace or an internal error. */
export function showsCrash(output: string): boolean {
  return STACK_TRACE_LINE.test(output) || INTERNAL_ERROR.test(output);
}
