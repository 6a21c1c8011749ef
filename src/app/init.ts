import { appendFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { isSpecFileName } from "../load/read-directory.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { fileExists } from "./output-files.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { SCHEMA_FILE, schemaModeline } from "./schema.js";

/** Where `init` puts the specs, as the CLI's commands read them by default. */
const SPEC_DIR = "slos";

/** A file `init` writes: where it goes in the repository, and where its content comes from in the package. */
interface ScaffoldFile {
  readonly target: string;
  readonly source: string;
  /** What the file is for, in the report. */
  readonly purpose: string;
}

const SCAFFOLD: readonly ScaffoldFile[] = [
  {
    target: "cdktf.json",
    source: "scaffold/cdktf.json",
    purpose: "`cdktf synth` and `cdktf diff` run the installed slocc, for teams that add cdktf-cli",
  },
  {
    target: ".github/workflows/slo.yml",
    source: ".github/workflows/slo.yml",
    purpose: "validate, diff comment and plan on pull requests; apply on main (see the README for its secrets)",
  },
];

/** What `init` did to one file. */
type Outcome =
  | { readonly path: string; readonly action: "wrote"; readonly note: string }
  | { readonly path: string; readonly action: "skipped"; readonly note: string };

/**
 * `slocc init`: sets up the repository in `context.cwd` to keep its SLOs with slocc: an example spec
 * in `slos/` naming the installed JSON Schema for editors, `cdktf.json`, the GitHub workflow and the
 * `.gitignore` entries for what synthesizing and planning leave behind. It never overwrites a file:
 * what exists is skipped (a `.gitignore` only gains the lines it lacks), and the report says which.
 */
export async function initRepository(context: AppContext): Promise<ExitCode> {
  const outcomes = [await writeExample(context.cwd)];
  for (const template of SCAFFOLD) {
    const text = await readFile(join(PACKAGE_ROOT, template.source), "utf8");
    outcomes.push(await writeNew(context.cwd, template.target, text, template.purpose));
  }
  outcomes.push(await extendGitignore(context.cwd));
  const lines = outcomes.map((outcome) => `${outcome.action.padEnd(7)} ${outcome.path}: ${outcome.note}`);
  if (!(await fileExists(resolve(context.cwd, "node_modules", "slocc", SCHEMA_FILE)))) {
    lines.push(
      "note: slocc is not installed in this repository, so editors cannot find its schema yet: npm install --save-dev slocc",
    );
  }
  lines.push("", "Next: npx slocc validate && npx slocc synth");
  context.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** The example spec, unless `slos/` already holds a spec: an example beside real specs would be applied too. */
async function writeExample(cwd: string): Promise<Outcome> {
  const path = `${SPEC_DIR}/example.yaml`;
  const specs = await readdir(resolve(cwd, SPEC_DIR)).then(
    (names) => names.filter(isSpecFileName),
    () => [],
  );
  if (specs.length > 0)
    return { path, action: "skipped", note: `${SPEC_DIR}/ already holds specs (${specs.join(", ")})` };
  const template = await readFile(join(PACKAGE_ROOT, "scaffold", SPEC_DIR, "example.yaml"), "utf8");
  return writeNew(
    cwd,
    path,
    `# ${schemaModeline(SPEC_DIR, cwd)}\n${template}`,
    "an example service spec: rename it and edit it for your service",
  );
}

async function writeNew(cwd: string, path: string, text: string, purpose: string): Promise<Outcome> {
  const target = resolve(cwd, path);
  if (await fileExists(target)) return { path, action: "skipped", note: "it exists" };
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, { flag: "wx" });
  return { path, action: "wrote", note: purpose };
}

/** Adds the entries `.gitignore` lacks, after its own lines; creates it when absent. */
async function extendGitignore(cwd: string): Promise<Outcome> {
  const path = ".gitignore";
  const entries = (await readFile(join(PACKAGE_ROOT, "scaffold", "gitignore"), "utf8")).split("\n").filter(Boolean);
  const current = await readFile(resolve(cwd, path), "utf8").catch(() => undefined);
  const present = new Set((current ?? "").split(/\r?\n/).map((line) => line.trim()));
  const missing = entries.filter((entry) => !present.has(entry));
  if (missing.length === 0)
    return { path, action: "skipped", note: "it already ignores slocc's output and local state" };
  const note = `ignores ${missing.join(", ")} (synthesized stacks, local Terraform state and providers)`;
  if (current === undefined) return writeNew(cwd, path, `${missing.join("\n")}\n`, note);
  const separator = current.length === 0 || current.endsWith("\n") ? "" : "\n";
  await appendFile(resolve(cwd, path), `${separator}# slocc\n${missing.join("\n")}\n`);
  return { path, action: "wrote", note: `added: ${note}` };
}
