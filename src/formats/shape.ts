import { z } from "zod";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic, type Result } from "../diagnostics/diagnostic.js";
import { renamedAt, withKeysRenamed, type DataPath, type KeyRename, type SourceFile } from "../load/source-file.js";
import { closestMatch, didYouMean } from "../util/suggest.js";

/**
 * Spec data as far as its shape could be read: each value the schema refused is removed (an item
 * of a list becomes `undefined`, so the others keep their index and their position).
 */
export type Salvaged<T> = T extends string | number | boolean
  ? T
  : T extends readonly (infer Item)[]
    ? readonly (Salvaged<Item> | undefined)[]
    : T extends object
      ? { readonly [K in keyof T]?: Salvaged<T[K]> }
      : T;

/** A shape check's outcome, and the file as the check read it. */
export interface Shaped<T> extends Result<Salvaged<T> | undefined> {
  /**
   * The file with each misspelled key read as the key it was meant to be, at its own position:
   * what maps the value to the model reads this file, so a misspelling is not also reported as
   * the key it stands for missing.
   */
  readonly file: SourceFile;
}

/** How many times a misspelled key may reveal another inside its value (a misspelled `sli` holding a misspelled `good`). */
const MAX_RENAME_PASSES = 8;

/**
 * Checks `value` (found at `basePath` in `file`) against a zod schema, turns every issue into a
 * positioned diagnostic, and salvages the rest: a malformed value never hides the problems of the
 * values beside it. A misspelled key (an unknown key close to a known one that is absent) is one
 * UNKNOWN_KEY with its suggestion; its value is then checked as the key it was meant to be, so
 * neither a missing key nor a knock-on problem is reported for it. The value is undefined when
 * the whole has the wrong shape.
 */
export function checkShape<T>(schema: z.ZodType<T>, value: unknown, file: SourceFile, basePath: DataPath): Shaped<T> {
  const misspellings: Diagnostic[] = [];
  let current = value;
  let currentFile = file;
  for (let pass = 0; ; pass++) {
    const result = schema.safeParse(current, { reportInput: true });
    if (result.success) return { value: result.data as Salvaged<T>, diagnostics: misspellings, file: currentFile };
    const issues = result.error.issues.flatMap((issue) => leafIssues(issue, []));
    const renames = pass < MAX_RENAME_PASSES ? misspelledKeyRenames(issues, schema, current) : [];
    if (renames.length === 0) {
      const misspelled = misspelledKeys(issues, schema);
      const diagnostics = issues.flatMap((issue) => issueDiagnostics(issue, schema, currentFile, basePath, misspelled));
      return { value: salvage<T>(current, issues), diagnostics: [...misspellings, ...diagnostics], file: currentFile };
    }
    for (const { path, from, to } of renames) {
      misspellings.push(
        diagnostic(
          "UNKNOWN_KEY",
          `unknown key "${from}" in ${describePath([...basePath, ...path]) || "the file"}. Did you mean "${to}"? ` +
            `Its value is checked as \`${to}\`.`,
          currentFile.locate([...basePath, ...path, from], "key"),
        ),
      );
    }
    current = renameKeys(current, renames);
    currentFile = withKeysRenamed(
      currentFile,
      renames.map((rename) => ({ ...rename, path: [...basePath, ...rename.path] })),
    );
  }
}

/**
 * The unknown keys that are likely typos of a known key absent beside them, each with that key:
 * the only unknown key close to it. Several candidates for one key are left as they are.
 */
function misspelledKeyRenames(issues: readonly LeafIssue[], root: z.ZodType, value: unknown): KeyRename[] {
  const renames: KeyRename[] = [];
  for (const { issue, path } of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const holder = nodeAt(value, path);
    if (!isRecord(holder)) continue;
    const known = knownKeys(root, path);
    const meant = issue.keys.map((key) => ({ key, meant: closestMatch(key, known) }));
    for (const { key, meant: to } of meant) {
      if (to === undefined || Object.hasOwn(holder, to)) continue;
      if (meant.filter((other) => other.meant === to).length > 1) continue;
      renames.push({ path, from: key, to });
    }
  }
  return renames;
}

/** A copy of `value` with each renamed key under its new name, in its place among the others. */
function renameKeys(value: unknown, renames: readonly KeyRename[]): unknown {
  return renames.reduce((root, rename) => renamedAt(root, rename.path, rename.from, rename.to), value);
}

/** A zod issue with its full path from the checked value. */
interface LeafIssue {
  readonly issue: z.core.$ZodIssue;
  readonly path: DataPath;
}

/** The issues that say what is wrong: inside a union, those of the branch the value was meant for. */
function leafIssues(issue: z.core.$ZodIssue, prefix: DataPath): LeafIssue[] {
  const path = [...prefix, ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment))];
  if (issue.code === "invalid_union") {
    // When one branch matched the value's shape and failed only inside it, its issues are the real ones.
    const inside = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
    if (inside) return inside.flatMap((inner) => leafIssues(inner, path));
  }
  return [{ issue, path }];
}

/** `path -> key` for every missing key that an unknown key beside it is a likely typo of. */
function misspelledKeys(issues: readonly LeafIssue[], root: z.ZodType): Set<string> {
  const misspelled = new Set<string>();
  for (const { issue, path } of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeys(root, path);
    for (const key of issue.keys) {
      const meant = closestMatch(key, known);
      if (meant !== undefined) misspelled.add(pathKey([...path, meant]));
    }
  }
  return misspelled;
}

function issueDiagnostics(
  leaf: LeafIssue,
  root: z.ZodType,
  file: SourceFile,
  basePath: DataPath,
  misspelled: ReadonlySet<string>,
): Diagnostic[] {
  const { issue } = leaf;
  const path: DataPath = [...basePath, ...leaf.path];
  const fieldName = describePath(path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(root, leaf.path);
      return issue.keys.map((key) =>
        diagnostic(
          "UNKNOWN_KEY",
          `unknown key "${key}" in ${fieldName || "the file"}: remove it.${didYouMean(key, known)}${strayDigitsHint(key)}`,
          file.locate([...path, key], "key"),
        ),
      );
    }
    case "invalid_type": {
      if (issue.input === undefined) return missingKey(leaf, path, file, misspelled, "");
      return [
        diagnostic(
          "WRONG_TYPE",
          `${fieldName} must be ${article(issue.expected)}, not ${describeValue(issue.input)}${decimalCommaHint(issue)}`,
          file.locate(path),
        ),
      ];
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(", ");
      if (issue.input === undefined) return missingKey(leaf, path, file, misspelled, `: one of ${allowed}`);
      return [
        diagnostic(
          "INVALID_VALUE",
          `${fieldName} must be one of ${allowed}, not ${describeValue(issue.input)}`,
          file.locate(path),
        ),
      ];
    }
    case "invalid_union":
      if (issue.input === undefined) return missingKey(leaf, path, file, misspelled, `: ${issue.message}`);
      return [diagnostic("WRONG_TYPE", `${fieldName}: ${issue.message}`, file.locate(path))];
    case "custom": {
      const code = (issue.params?.["code"] ?? "INVALID_VALUE") as DiagnosticCode;
      return [diagnostic(code, `${fieldName}: ${issue.message}`, file.locate(path))];
    }
    case "too_small":
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") {
        const bound = String(issue.code === "too_small" ? issue.minimum : issue.maximum);
        return [
          diagnostic(
            "INVALID_VALUE",
            `${fieldName} must be ${issue.code === "too_small" ? "greater than" : "at most"} ${bound}`,
            file.locate(path),
          ),
        ];
      }
      return [diagnostic("INVALID_VALUE", `${fieldName}: ${issue.message}`, file.locate(path))];
    default:
      return [diagnostic("INVALID_VALUE", `${fieldName}: ${issue.message}`, file.locate(path))];
  }
}

/**
 * MISSING_KEY for a required key that is absent, at the key of the mapping that should hold it;
 * nothing when an unknown key beside it is its misspelling, which is reported instead.
 */
function missingKey(
  leaf: LeafIssue,
  path: DataPath,
  file: SourceFile,
  misspelled: ReadonlySet<string>,
  expected: string,
): Diagnostic[] {
  if (misspelled.has(pathKey(leaf.path))) return [];
  const key = path[path.length - 1];
  const parent = path.slice(0, -1);
  return [
    diagnostic(
      "MISSING_KEY",
      `add the required key "${String(key)}"${parent.length > 0 ? ` to ${describePath(parent)}` : ""}${expected}`,
      file.locate(parent, "key"),
    ),
  ];
}

/**
 * A copy of `value` without what the issues refuse: unknown keys go (and a mapping that held
 * nothing else), refused values go; a missing key or a list of the wrong length leaves the rest
 * as it is.
 */
function salvage<T>(value: unknown, issues: readonly LeafIssue[]): Salvaged<T> | undefined {
  const holder: { root: unknown } = { root: structuredClone(value) };
  for (const { issue, path } of issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const target = nodeAt(holder.root, path);
    if (!isRecord(target)) continue;
    for (const key of issue.keys) Reflect.deleteProperty(target, key);
    if (Object.keys(target).length === 0) removeAt(holder, path);
  }
  const refused = issues.filter(({ issue }) => refusesValue(issue)).sort((a, b) => b.path.length - a.path.length);
  for (const { path } of refused) removeAt(holder, path);
  // What is left is what the schema accepted, less the refused parts: the salvaged shape.
  return holder.root as Salvaged<T> | undefined;
}

function refusesValue(issue: z.core.$ZodIssue): boolean {
  if (issue.code === "unrecognized_keys") return false;
  if (issue.code === "invalid_type" || issue.code === "invalid_union" || issue.code === "invalid_value")
    return issue.input !== undefined;
  if (issue.code === "too_small" || issue.code === "too_big")
    return issue.origin === "number" || issue.origin === "int";
  return true;
}

function removeAt(holder: { root: unknown }, path: DataPath): void {
  if (path.length === 0) {
    holder.root = undefined;
    return;
  }
  const parent = nodeAt(holder.root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === "number") parent[last] = undefined;
  else if (isRecord(parent) && last !== undefined) Reflect.deleteProperty(parent, String(last));
}

/** The value at `path` inside `root`, if there is one. */
export function nodeAt(root: unknown, path: DataPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === "number") node = node[segment];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/**
 * The value of `key` in a mapping, or of the one key written there that is a likely misspelling of
 * it: the value a shape check will read under `key`, reporting the misspelling.
 */
export function writtenValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  if (Object.hasOwn(record, key)) return record[key];
  const misspellings = Object.keys(record).filter((written) => closestMatch(written, [key]) === key);
  const [only] = misspellings;
  return misspellings.length === 1 && only !== undefined ? record[only] : undefined;
}

/** Whether a parsed YAML value is a mapping. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function pathKey(path: DataPath): string {
  return path.join("\u0000");
}

/** `slos[0].sli.ratio.good` */
export function describePath(path: DataPath): string {
  return path
    .map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`))
    .join("");
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: "a mapping",
    array: "a list",
    string: "a string",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
  };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return JSON.stringify(value) ?? typeof value;
}

/** `99,9` reads as text in YAML: say how to write the number. */
function decimalCommaHint(issue: z.core.$ZodIssueInvalidType): string {
  if (issue.expected !== "number" || typeof issue.input !== "string") return "";
  const match = /^\s*(-?\d+),(\d+)\s*$/.exec(issue.input);
  return match ? `: write ${match[1]}.${match[2]} with a decimal point` : "";
}

/** In a flow mapping, `target: 99,9` reads as `target: 99` and a key `9`: say how to write the number. */
function strayDigitsHint(key: string): string {
  return /^\d+$/.test(key)
    ? " A decimal comma splits a number in two inside `{ }`: write it with a decimal point, such as 99.9."
    : "";
}

/** The keys an object schema accepts at a path, for "did you mean" suggestions. */
function knownKeys(schema: z.ZodType, path: DataPath): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = current ? childSchema(unwrap(current), segment) : undefined;
  }
  const target = current ? unwrap(current) : undefined;
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

function childSchema(schema: z.ZodType, segment: string | number): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(segment)];
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
  if (schema instanceof z.ZodRecord) return schema.valueType as z.ZodType;
  if (schema instanceof z.ZodUnion) {
    const options = schema.options as readonly z.ZodType[];
    return options.map((option) => childSchema(unwrap(option), segment)).find((child) => child !== undefined);
  }
  return undefined;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}
