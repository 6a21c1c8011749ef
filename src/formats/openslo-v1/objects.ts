import { diagnostic, type Diagnostic, type Result } from "../../diagnostics/diagnostic.js";
import type { DataPath, SourceFile } from "../../load/source-file.js";
import type { Position } from "../../util/position.js";
import { didYouMean } from "../../util/suggest.js";
import { Origin } from "../origin.js";
import { checkShape, isRecord, writtenValue, type Salvaged } from "../shape.js";
import { KINDS, OBJECT_SCHEMAS, OPENSLO_V1, type Kind, type ObjectData } from "./schema.js";
import { optional } from "../../util/optional.js";

/** One OpenSLO object as far as its shape could be read, and where it was written. */
export interface OpenSloObject<K extends Kind = Kind> {
  readonly kind: K;
  readonly name?: string;
  readonly origin: Origin;
  readonly data: Salvaged<ObjectData[K]>;
}

/**
 * Reads every OpenSLO object of the parsed documents: a document is one object or a list of them.
 * Each object is checked against the schema of its kind; what could be read is kept.
 */
export function readObjects(documents: readonly SourceFile[]): Result<OpenSloObject[]> {
  const objects: OpenSloObject[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const document of documents) {
    const data: unknown = document.data;
    const items: { value: unknown; path: DataPath }[] = Array.isArray(data)
      ? data.map((value: unknown, index) => ({ value, path: [index] }))
      : [{ value: data, path: [] }];
    for (const { value, path } of items) {
      const read = readObject(document, value, path);
      diagnostics.push(...read.diagnostics);
      if (read.value) objects.push(read.value);
    }
  }
  return { value: objects, diagnostics };
}

function readObject(document: SourceFile, value: unknown, path: DataPath): Result<OpenSloObject | undefined> {
  const refuse = (found: Diagnostic) => ({ value: undefined, diagnostics: [found] });
  if (!isRecord(value)) {
    return refuse(
      diagnostic(
        "WRONG_TYPE",
        "an OpenSLO document holds one object (apiVersion, kind, metadata, spec) or a list of them",
        document.locate(path),
      ),
    );
  }
  // A misspelled `apiVersion` or `kind` is read as it, and reported by the shape check.
  const apiVersion = writtenValue(value, "apiVersion");
  if (apiVersion !== OPENSLO_V1) {
    const found = apiVersion === undefined ? "no apiVersion" : `apiVersion ${JSON.stringify(apiVersion)}`;
    return refuse(
      diagnostic(
        "UNSUPPORTED_VERSION",
        `found ${found}: slocc imports \`apiVersion: ${OPENSLO_V1}\` (convert older versions to it first)`,
        document.locate(apiVersion === undefined ? path : [...path, "apiVersion"]),
      ),
    );
  }
  const kind = writtenValue(value, "kind");
  if (!isKind(kind)) {
    return refuse(
      diagnostic(
        kind === undefined ? "MISSING_KEY" : "INVALID_VALUE",
        `an OpenSLO object's kind is one of ${KINDS.join(", ")}, not ${JSON.stringify(kind) ?? "nothing"}.` +
          didYouMean(typeof kind === "string" ? kind : "", KINDS),
        document.locate(kind === undefined ? path : [...path, "kind"]),
      ),
    );
  }
  const shape = checkShape<ObjectData[Kind]>(OBJECT_SCHEMAS[kind], value, document, path);
  if (!shape.value) return { value: undefined, diagnostics: shape.diagnostics };
  const name = shape.value.metadata?.name;
  const object: OpenSloObject = {
    kind,
    ...optional("name", name),
    origin: new Origin(shape.file, path),
    data: shape.value,
  };
  return { value: object, diagnostics: shape.diagnostics };
}

function isKind(value: unknown): value is Kind {
  return (KINDS as readonly unknown[]).includes(value);
}

/**
 * The objects read, by kind and name, for resolving references across every file. Names are
 * unique per kind, except SLOs: slocc scopes an SLO's name to its service, as Datadog's SLO name
 * (`<service> <name>`) does.
 */
export class ObjectIndex {
  private readonly byKind = new Map<Kind, Map<string, OpenSloObject>>();
  private readonly slos: OpenSloObject<"SLO">[] = [];

  constructor(objects: readonly OpenSloObject[], diagnostics: Diagnostic[]) {
    for (const object of objects) {
      if (isOfKind(object, "SLO")) {
        this.slos.push(object);
        continue;
      }
      if (object.name === undefined) continue;
      const named = this.byKind.get(object.kind) ?? new Map<string, OpenSloObject>();
      this.byKind.set(object.kind, named);
      const first = named.get(object.name);
      if (first === undefined) named.set(object.name, object);
      else {
        const where = first.origin.at(["metadata", "name"]);
        diagnostics.push(
          diagnostic(
            "OPENSLO_DUPLICATE",
            `the ${object.kind} "${object.name}" is already declared at ${where.file}:${where.line}: rename one of them`,
            object.origin.at(["metadata", "name"]),
          ),
        );
      }
    }
  }

  /** The SLOs, in reading order. */
  allSlos(): readonly OpenSloObject<"SLO">[] {
    return this.slos;
  }

  /** The object of `kind` named `name`, if there is one. */
  find<K extends Exclude<Kind, "SLO">>(kind: K, name: string): OpenSloObject<K> | undefined {
    const found = this.byKind.get(kind)?.get(name);
    return found && isOfKind(found, kind) ? found : undefined;
  }

  /**
   * The object a reference written at `at` names; an unknown name is a diagnostic with a
   * suggestion. Only {@link checkReferences} reports: mapping looks objects up with {@link find}.
   */
  resolve<K extends Exclude<Kind, "SLO">>(
    kind: K,
    name: string,
    at: Position,
    diagnostics: Diagnostic[],
  ): OpenSloObject<K> | undefined {
    const found = this.find(kind, name);
    if (found) return found;
    const names = [...(this.byKind.get(kind)?.keys() ?? [])];
    diagnostics.push(
      diagnostic(
        "OPENSLO_REFERENCE",
        `no ${kind} named "${name}" in the files read: give the file that declares it, or fix the name.` +
          didYouMean(name, names),
        at,
      ),
    );
    return undefined;
  }
}

/** The kind each reference key names. */
const REFERENCES: Readonly<Record<string, Exclude<Kind, "SLO">>> = {
  indicatorRef: "SLI",
  alertPolicyRef: "AlertPolicy",
  conditionRef: "AlertCondition",
  targetRef: "AlertNotificationTarget",
  metricSourceRef: "DataSource",
};

/**
 * Resolves every reference every object writes, whether an SLO uses the object or not, so a
 * misspelled name is reported wherever it is. Free-form areas (a metric source's `spec`, a data
 * source's `connectionDetails`) hold no references, and a metric source with its own `type` may
 * name a DataSource that is not among the files read.
 */
export function checkReferences(
  objects: readonly OpenSloObject[],
  index: ObjectIndex,
  diagnostics: Diagnostic[],
): void {
  for (const { origin, data } of objects) {
    const visit = (value: unknown, path: DataPath): void => {
      if (Array.isArray(value)) value.forEach((item: unknown, position) => visit(item, [...path, position]));
      if (!isRecord(value)) return;
      for (const [key, inner] of Object.entries(value)) {
        const kind = REFERENCES[key];
        // A metric source that gives its own `type` needs nothing of its DataSource, which may live elsewhere.
        const typed = key === "metricSourceRef" && typeof value["type"] === "string";
        if (kind !== undefined && typeof inner === "string") {
          if (!typed) index.resolve(kind, inner, origin.at([...path, key]), diagnostics);
        } else if (!(key === "spec" && path[path.length - 1] === "metricSource") && key !== "connectionDetails")
          visit(inner, [...path, key]);
      }
    };
    visit(data, []);
  }
}

function isOfKind<K extends Kind>(object: OpenSloObject, kind: K): object is OpenSloObject<K> {
  return object.kind === kind;
}

/** The spec of an object, where it was written: in a document of its own, or inline in another object. */
export interface Placed<K extends Kind> {
  readonly origin: Origin;
  /** The path of the object's `spec` from the origin. */
  readonly path: DataPath;
  readonly spec: Salvaged<ObjectData[K]["spec"]> | undefined;
}

/** A list item that names an object by reference or holds it inline, as far as its shape could be read. */
type RefOrInlineItem = Readonly<Record<string, unknown>>;

/**
 * The object a list item stands for: `{ <refKey>: name }` resolved through the index, or the
 * object written inline (`kind`, `metadata`, `spec`). Giving both, or an inline object without its
 * spec, is a diagnostic; an unknown name too.
 */
export function refOrInline<K extends Exclude<Kind, "SLO">>(
  index: ObjectIndex,
  kind: K,
  refKey: string,
  item: { origin: Origin; path: DataPath; data: RefOrInlineItem },
  diagnostics: Diagnostic[],
): Placed<K> | undefined {
  const { origin, path, data } = item;
  const written = origin.keysAt(path);
  const inline = written.filter((key) => key !== refKey);
  if (written.includes(refKey)) {
    if (inline.length > 0) {
      diagnostics.push(
        diagnostic(
          "INVALID_VALUE",
          `give either \`${refKey}\` or the ${kind} inline (kind, metadata, spec), not both`,
          origin.at([...path, refKey], "key"),
        ),
      );
    }
    const name = data[refKey];
    if (typeof name !== "string") return undefined;
    // An unknown name is reported once, by checkReferences.
    const found = index.find(kind, name);
    return found && { origin: found.origin, path: ["spec"], spec: found.data.spec as Placed<K>["spec"] };
  }
  const missing = ["kind", "metadata", "spec"].filter((key) => !written.includes(key));
  if (missing.length > 0) {
    diagnostics.push(
      diagnostic(
        "MISSING_KEY",
        `write \`${refKey}: <name>\`, or the ${kind} inline with ${missing.map((key) => `\`${key}\``).join(" and ")} too`,
        origin.at(path),
      ),
    );
  }
  return { origin, path: [...path, "spec"], spec: data["spec"] as Placed<K>["spec"] };
}
