import { Document, isMap, isPair, isScalar, isSeq, visit, type Node } from "yaml";
import type { ServiceV1 } from "./schema.js";

/** Comments a written spec carries: above the service, and above each SLO (by name). */
export interface SpecComments {
  readonly service?: readonly string[];
  readonly slos?: ReadonlyMap<string, readonly string[]>;
}

/** Lists whose items read best on one line each: `- { window: 30d, target: 99.9 }`. */
const ONE_LINE_ITEMS = new Set(["objectives", "burnRate", "queries"]);

/** Values that read best on one line: `tags: [env:prod]`, `errorBudget: { critical: 75% }`. */
const ONE_LINE_VALUES = new Set([
  "tags",
  "page",
  "ticket",
  "approvers",
  "review",
  "dependsOn",
  "latency",
  "monitors",
  "ids",
  "groups",
  "errorBudget",
]);

/**
 * The one writer of `slocc/v1` spec text, for every importer: keys in the order the data gives
 * them, short lists and small mappings on one line as the spec reference writes them, comments
 * above the service and above SLOs, strings that would read as another type quoted. The same data
 * always gives the same text.
 */
export function writeServiceV1(spec: ServiceV1, comments: SpecComments = {}): string {
  const document = new Document(spec);
  visit(document, {
    Map(_key, node, path) {
      const parent = path[path.length - 1];
      const inList = isSeq(parent) && ONE_LINE_ITEMS.has(keyOf(path[path.length - 2]) ?? "");
      const key = keyOf(parent);
      // A time slice over one query fits a line; one over named queries lists them below.
      const oneQuery = key === "timeSlice" && !node.has("queries");
      if (inList || ONE_LINE_VALUES.has(key ?? "") || oneQuery) node.flow = true;
    },
    Seq(_key, node, path) {
      if (ONE_LINE_VALUES.has(keyOf(path[path.length - 1]) ?? "")) node.flow = true;
    },
  });
  const header = commentText(comments.service);
  if (header !== undefined) document.commentBefore = header;
  const slos = document.get("slos", true);
  if (isSeq(slos)) {
    for (const node of slos.items as Node[]) {
      const name = isMap(node) ? node.get("name") : undefined;
      const above = typeof name === "string" ? commentText(comments.slos?.get(name)) : undefined;
      if (above !== undefined) node.commentBefore = above;
    }
  }
  return document.toString({ lineWidth: 0 });
}

function keyOf(node: unknown): string | undefined {
  if (!isPair(node)) return undefined;
  const key = isScalar(node.key) ? node.key.value : node.key;
  return typeof key === "string" ? key : undefined;
}

/** Comment lines as the YAML library writes them: one `#` per line, control characters as spaces. */
function commentText(lines: readonly string[] | undefined): string | undefined {
  if (lines === undefined || lines.length === 0) return undefined;
  // eslint-disable-next-line no-control-regex -- a control character in a comment would end it or garble the file
  return lines.map((line) => ` ${line.replace(/[\u0000-\u001f\u007f]/g, " ")}`).join("\n");
}
