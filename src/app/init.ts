import { appendFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
import { displayPath, isSpecFileName } from "../load/read-directory.js";
import type { AppContext } from "./context.js";
import { EXIT, type ExitCode } from "./exit.js";
import { gitIgnoreRule } from "./git-ignore.js";
import { checkInstall } from "./install-route.js";
import { fileExists } from "./output-files.js";
import { fileOnTheWay } from "./output-path.js";
import { PACKAGE_ROOT } from "./package-root.js";
import { findProject } from "./project-root.js";
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
    purpose:
      "validate, diff comment, preview and plan on pull requests; apply and the SLO catalog on main (see slocc's docs/ci.md for its secrets)",
  },
];

/** What `init` did to one file. */
type Outcome =
  | { readonly path: string; readonly action: "wrote"; readonly note: string }
  | { readonly path: string; readonly action: "skipped"; readonly note: string };

/**
 * `slocc init`: sets up the project (the {@link findProject | project root} of `context.cwd`)
 * to keep its SLOs with slocc: an example spec in `slos/` naming the installed JSON Schema for
 * editors, `cdktf.json`, the GitHub workflow and the `.gitignore` entries for what synthesizing and
 * planning leave behind. It never overwrites a file: what exists is skipped (a `.gitignore` only
 * gains the lines it lacks), and the report says which, with paths relative to `context.cwd`. It
 * then checks that CI, cloning the repository and running `npm ci`, installs the same slocc, and
 * says what to run when it would not.
 */
export async function initRepository(context: AppContext): Promise<ExitCode> {
  const { root, repositoryTop: top } = await findProject(context.cwd);
  const outcomes = [await writeExample(root)];
  for (const template of SCAFFOLD) {
    const text = await readFile(join(PACKAGE_ROOT, template.source), "utf8");
    outcomes.push(await writeNew(root, template.target, text, template.purpose));
  }
  outcomes.push(await extendGitignore(root));
  const shown = (path: string) => displayPath(resolve(root, path), context.cwd);
  const lines = outcomes.map((outcome) => `${outcome.action.padEnd(7)} ${shown(outcome.path)}: ${outcome.note}`);
  const installProblems = await checkInstall(root, top);
  lines.push(...installProblems.map((problem) => `warning: ${problem}`));
  if (top !== undefined && top !== root) {
    lines.push(
      `warning: GitHub runs only the workflows at the top of the repository (${displayPath(top, context.cwd)}/.github/workflows): ` +
        `move ${shown(".github/workflows/slo.yml")} there, with \`defaults.run.working-directory\` and its paths made relative to the top`,
    );
  }
  if (installProblems.length === 0 && !(await fileExists(resolve(root, "node_modules", "slocc", SCHEMA_FILE)))) {
    lines.push("note: slocc is not in node_modules yet, so editors cannot find its schema: run npm install");
  }
  lines.push(...(await lockFilesIgnored(root, top, context.cwd)));
  if (installProblems.length > 0 && root !== context.cwd) {
    lines.push(
      `note: run those commands in the project root, ${displayPath(root, context.cwd)} (the nearest directory upward with cdktf.json or package.json)`,
    );
  }
  lines.push("", "Next: npx slocc validate && npx slocc synth");
  context.stdout(`${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** The example spec, unless `slos/` already holds a spec: an example beside real specs would be applied too. */
async function writeExample(root: string): Promise<Outcome> {
  const path = `${SPEC_DIR}/example.yaml`;
  const specs = await readdir(resolve(root, SPEC_DIR)).then(
    (names) => names.filter(isSpecFileName),
    () => [],
  );
  if (specs.length > 0)
    return { path, action: "skipped", note: `${SPEC_DIR}/ already holds specs (${specs.join(", ")})` };
  const template = await readFile(join(PACKAGE_ROOT, "scaffold", SPEC_DIR, "example.yaml"), "utf8");
  return writeNew(
    root,
    path,
    `# ${schemaModeline(SPEC_DIR, root)}\n${template}`,
    "an example service spec: rename it and edit it for your service",
  );
}

async function writeNew(root: string, path: string, text: string, purpose: string): Promise<Outcome> {
  const target = resolve(root, path);
  if (await fileExists(target)) return { path, action: "skipped", note: "it exists" };
  const blocking = await fileOnTheWay(target);
  if (blocking !== undefined)
    return {
      path,
      action: "skipped",
      note: `${displayPath(blocking, root)} is a file, where a directory would hold it`,
    };
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text, { flag: "wx" });
  return { path, action: "wrote", note: purpose };
}

/** Adds the entries `.gitignore` lacks, after its own lines; creates it when absent. */
async function extendGitignore(root: string): Promise<Outcome> {
  const path = ".gitignore";
  const entries = (await readFile(join(PACKAGE_ROOT, "scaffold", "gitignore"), "utf8")).split("\n").filter(Boolean);
  const current = await readFile(resolve(root, path), "utf8").catch(() => undefined);
  const present = new Set((current ?? "").split(/\r?\n/).map((line) => line.trim()));
  const missing = entries.filter((entry) => !present.has(entry));
  if (missing.length === 0)
    return { path, action: "skipped", note: "it already ignores packages, slocc's output and local state" };
  const note =
    "ignores node_modules/, cdktf.out/ but the stacks' .terraform.lock.hcl (commit those), local Terraform state and .terraform/";
  if (current === undefined) return writeNew(root, path, `${missing.join("\n")}\n`, note);
  const separator = current.length === 0 || current.endsWith("\n") ? "" : "\n";
  await appendFile(resolve(root, path), `${separator}# slocc\n${missing.join("\n")}\n`);
  return { path, action: "wrote", note: `added ${missing.join(" ")}` };
}

/**
 * A warning when git ignores the stacks' `.terraform.lock.hcl`, which are to be committed (so that
 * every run uses the same provider build, and CI's provider cache is keyed by them): a `.gitignore`
 * line such as `cdktf.out/` ignores the directory as a whole, and git cannot take back a file in it.
 */
async function lockFilesIgnored(root: string, top: string | undefined, cwd: string): Promise<string[]> {
  if (top === undefined) return [];
  const lockFile = relative(top, join(root, "cdktf.out", "stacks", "any", ".terraform.lock.hcl"));
  const rule = await gitIgnoreRule(top, lockFile.split(sep).join("/"));
  if (rule === undefined) return [];
  return [
    `warning: git ignores the stacks' .terraform.lock.hcl, which are to be committed, by the line ${rule.line} of ${displayPath(rule.file, cwd)}, ${rule.pattern}: remove that line (slocc's lines ignore the rest of cdktf.out/)`,
  ];
}
