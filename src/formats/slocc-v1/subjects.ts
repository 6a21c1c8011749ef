import type { DiagnosticSubject } from "../../diagnostics/subject.js";
import type { DataPath, SourceFile } from "../../load/source-file.js";
import type { Position } from "../../model/model.js";
import { isRecord, nodeAt } from "../shape.js";

/**
 * Finds what a position in the parsed spec files is about. A position belongs to the node written
 * last at or before it: the node it points at, or the value it points into. That node's path names
 * the SLO (an item of `slos`, or an SLO's objectives or alerts in an environment) or, outside any
 * SLO, the service's top-level key. A position in no file read is about nothing in particular.
 */
export function subjectFinder(files: readonly SourceFile[]): (position: Position) => DiagnosticSubject {
  const byPath = new Map(files.map((file) => [file.path, { file, starts: nodeStarts(file) }]));
  return (position) => {
    const found = byPath.get(position.file);
    if (!found) return { file: position.file, stacks: [] };
    return subjectAt(found.file, pathAt(found.starts, position));
  };
}

/** Where a node starts (its key, or its value when it has no key), and its path. */
interface NodeStart {
  readonly line: number;
  readonly column: number;
  readonly path: DataPath;
}

/** Every node of a file by where it starts, in document order (deeper nodes after their parents at one place). */
function nodeStarts(file: SourceFile): NodeStart[] {
  const starts = Object.entries(file.positions).flatMap(([key, [, line, column, keyLine, keyColumn]]) => {
    const path = key === "" ? [] : key.slice(1).split("\u0000");
    const at = keyLine > 0 ? { line: keyLine, column: keyColumn } : { line, column };
    return at.line > 0 ? [{ ...at, path: typedPath(file.data, path) }] : [];
  });
  return starts.sort((a, b) => a.line - b.line || a.column - b.column || a.path.length - b.path.length);
}

/** The index's path segments with list indices as numbers, as the data holds them. */
function typedPath(data: unknown, segments: readonly string[]): DataPath {
  const path: (string | number)[] = [];
  let node = data;
  for (const segment of segments) {
    const item = Array.isArray(node) ? Number(segment) : segment;
    path.push(item);
    node = nodeAt(node, [item]);
  }
  return path;
}

/** The path of the node written last at or before `position`. */
function pathAt(starts: readonly NodeStart[], position: Position): DataPath {
  let path: DataPath = [];
  for (const start of starts) {
    if (start.line > position.line || (start.line === position.line && start.column > position.column)) break;
    path = start.path;
  }
  return path;
}

function subjectAt(file: SourceFile, path: DataPath): DiagnosticSubject {
  const data = isRecord(file.data) ? file.data : {};
  const service = typeof data["service"] === "string" ? data["service"] : undefined;
  if (service === undefined) return { file: file.path, stacks: [] };
  const environments = isRecord(data["environments"]) ? Object.keys(data["environments"]) : [];
  const stacks = environments.length > 0 ? environments.map((name) => `${service}-${name}`) : [service];
  const [key, second, third, fourth] = path;
  if (key === "slos" && typeof second === "number") {
    const name = nodeAt(data, ["slos", second, "name"]);
    if (typeof name === "string") return { file: file.path, stacks, slo: name };
  }
  if (key === "environments" && typeof second === "string") {
    const stack = [`${service}-${second}`];
    if ((third === "objectives" || third === "alerts") && typeof fourth === "string")
      return { file: file.path, stacks: stack, slo: fourth };
    return { file: file.path, stacks: stack, key: "environments" };
  }
  return { file: file.path, stacks, ...(typeof key === "string" ? { key } : {}) };
}
