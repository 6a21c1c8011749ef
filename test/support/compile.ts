import { mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileInputs, type CompileOptions, type Compilation } from "../../src/app/compile.js";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { RECORD_DIR } from "../../src/emit/output-record.js";
import { synthesizeTo } from "../../src/emit/synth.js";
import { loadSpecs } from "../../src/load/load-specs.js";
import type { CompiledPlan } from "../../src/plan/resources.js";
import { checkModel } from "../../src/rules/index.js";
import { specsToModel } from "../../src/formats/to-model.js";

/** Compiles in-memory spec files (path -> YAML text). */
export function compileTexts(files: Record<string, string>, options: CompileOptions = {}): Compilation {
  const encoder = new TextEncoder();
  return compileInputs(
    Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) })),
    options,
  );
}

/** What the rules find in in-memory spec files (path -> YAML text), as they return it: unsorted, repeats kept. */
export function checkTexts(files: Record<string, string>, today = "2026-01-15"): Diagnostic[] {
  const encoder = new TextEncoder();
  const loaded = loadSpecs(Object.entries(files).map(([path, text]) => ({ path, bytes: encoder.encode(text) })));
  return checkModel(specsToModel(loaded.value.files).value, { today });
}

/** Compiles one service spec given as YAML text, at `slos/service.yaml`. */
export function compileOne(yaml: string): Compilation {
  return compileTexts({ "slos/service.yaml": yaml });
}

/** The codes and positions of a result's diagnostics, the shape tests assert on. */
export function codesAt(result: Compilation): string[] {
  return result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);
}

/** A fresh temporary directory. */
export function tempDir(prefix = "slocc-test-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Synthesizes a plan into a temporary directory and returns every file cdktf would write (relative path -> text). */
export async function synthFiles(plan: CompiledPlan): Promise<Map<string, string>> {
  const out = join(await tempDir(), "cdktf.out");
  await synthesizeTo(plan, out);
  return withoutRecord(await readTree(out));
}

/** The files of an output directory less slocc's own record of it (`.slocc/`): what cdktf would write. */
export function withoutRecord(files: ReadonlyMap<string, string>): Map<string, string> {
  return new Map([...files].filter(([path]) => !path.startsWith(`${RECORD_DIR}/`)));
}

/** Every file below `root`, by path relative to it, in sorted order. */
export async function readTree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .sort();
  for (const path of paths) files.set(path, await readFile(join(root, path), "utf8"));
  return files;
}

/** Routing for both severities, so alerts of test specs notify someone. */
export const NOTIFY_HEADER = 'notify: { page: ["@pagerduty-web"], ticket: ["@slack-web"] }\n';

/**
 * A minimal valid service spec, with `slos` YAML appended verbatim (indented by the caller).
 * `header` holds the service-level keys between `owner` and `slos` (by default, the routing).
 */
export function serviceYaml(slos: string, header = NOTIFY_HEADER): string {
  return `apiVersion: slocc/v1\nservice: web\nowner: web-sre\n${header}slos:\n${slos}`;
}

/** A minimal valid ratio SLO entry. */
export const RATIO_SLO = `  - name: availability
    sli:
      ratio: { good: "sum:requests{status:ok}.as_count()", total: "sum:requests{*}.as_count()" }
    objectives:
      - { window: 30d, target: 99.9 }
`;

/**
 * `line:column` of a place in `text` named by a snippet with a `^` at the column, such as
 * `"warning: ^99 }"`. Fails loudly when the snippet is absent or ambiguous.
 */
export function positionOf(text: string, marked: string): string {
  const caret = marked.indexOf("^");
  const snippet = marked.replace("^", "");
  const index = text.indexOf(snippet);
  if (index < 0 || text.indexOf(snippet, index + 1) >= 0) throw new Error(`snippet not found once: ${marked}`);
  const offset = index + (caret < 0 ? 0 : caret);
  const before = text.slice(0, offset).split("\n");
  return `${before.length}:${(before[before.length - 1] ?? "").length + 1}`;
}
