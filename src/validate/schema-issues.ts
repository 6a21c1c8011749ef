import { z } from "zod";
import type { DiagnosticCode } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { DataPath, SourceFile } from "../load/source-file.js";
import { didYouMean } from "./suggest.js";

/**
 * Checks `value` (found at `basePath` in `file`) against a zod schema and turns every issue into a
 * positioned diagnostic. Returns the parsed value only when there was no issue.
 */
export function checkSchema<T>(
  schema: z.ZodType<T>,
  value: unknown,
  file: SourceFile,
  basePath: DataPath,
): { value?: T; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.flatMap((issue) => issueDiagnostics(issue, schema, file, basePath));
  return { diagnostics };
}

function issueDiagnostics(issue: z.core.$ZodIssue, root: z.ZodType, file: SourceFile, basePath: DataPath): Diagnostic[] {
  const path: DataPath = [...basePath, ...issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment))];
  const fieldName = describePath(path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(root, issue.path);
      return issue.keys.map((key) =>
        diagnostic("UNKNOWN_KEY", `unknown key "${key}" in ${describePath(path) || "the service"}: remove it.${didYouMean(key, known)}`, file.locate([...path, key], "key")),
      );
    }
    case "invalid_type": {
      if (issue.input === undefined) {
        const key = path[path.length - 1];
        return [diagnostic("MISSING_KEY", `add the required key "${String(key)}"${path.length > 1 ? ` to ${describePath(path.slice(0, -1))}` : ""}`, file.locate(path))];
      }
      return [diagnostic("WRONG_TYPE", `${fieldName} must be ${article(issue.expected)}, not ${describeValue(issue.input)}`, file.locate(path))];
    }
    case "invalid_value": {
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return [diagnostic("INVALID_VALUE", `${fieldName} must be one of ${allowed}, not ${describeValue(issue.input)}`, file.locate(path))];
    }
    case "invalid_union": {
      // When one branch matched the value's shape and failed only inside it, its issues are the real ones.
      const inside = issue.errors.find((branch) => branch.length > 0 && branch.every((inner) => inner.path.length > 0));
      if (inside) return inside.flatMap((inner) => issueDiagnostics({ ...inner, path: [...issue.path, ...inner.path] }, root, file, basePath));
      return [diagnostic("WRONG_TYPE", `${fieldName}: ${issue.message}`, file.locate(path))];
    }
    case "custom": {
      const code = (issue.params?.["code"] ?? "INVALID_VALUE") as DiagnosticCode;
      return [diagnostic(code, `${fieldName}: ${issue.message}`, file.locate(path))];
    }
    case "too_small":
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") {
        return [diagnostic("INVALID_VALUE", `${fieldName} must be ${issue.code === "too_small" ? "greater than" : "at most"} ${String(issue.code === "too_small" ? issue.minimum : issue.maximum)}`, file.locate(path))];
      }
      return [diagnostic("INVALID_VALUE", `${fieldName}: ${issue.message}`, file.locate(path))];
    default:
      return [diagnostic("INVALID_VALUE", `${fieldName}: ${issue.message}`, file.locate(path))];
  }
}

/** `slos[0].sli.ratio.good` */
export function describePath(path: DataPath): string {
  return path.map((segment, i) => (typeof segment === "number" ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join("");
}

function article(expected: string): string {
  const names: Record<string, string> = { object: "a mapping", array: "a list", string: "a string", number: "a number", int: "a whole number", boolean: "true or false" };
  return names[expected] ?? expected;
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** The keys an object schema accepts at a path, for "did you mean" suggestions. */
function knownKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    current = current ? childSchema(unwrap(current), segment) : undefined;
  }
  const target = current ? unwrap(current) : undefined;
  return target instanceof z.ZodObject ? Object.keys(target.shape) : [];
}

function childSchema(schema: z.ZodType, segment: PropertyKey): z.ZodType | undefined {
  if (schema instanceof z.ZodObject) return (schema.shape as Record<string, z.ZodType>)[String(segment)];
  if (schema instanceof z.ZodArray) return schema.element as z.ZodType;
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
