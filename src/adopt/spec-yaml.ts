import { Document, isPair, isScalar, isSeq, visit } from "yaml";
import type { ServiceV1 } from "../formats/slocc-v1/schema.js";

/** Lists whose items read best on one line each: `- { window: 30d, target: 99.9 }`. */
const ONE_LINE_ITEMS = new Set(["objectives", "burnRate", "queries"]);

/** Values that read best on one line: `tags: [ env:prod ]`, `errorBudget: { critical: 75% }`. */
const ONE_LINE_VALUES = new Set(["tags", "page", "ticket", "ids", "groups", "errorBudget", "monitors"]);

/**
 * A service spec as YAML text, laid out as the spec reference writes specs, after `comments`
 * (each a line, without its `#`). Strings that would read as another type are quoted.
 */
export function specYaml(spec: ServiceV1, comments: readonly string[]): string {
  const document = new Document(spec);
  visit(document, {
    Map(_key, node, path) {
      const parent = path[path.length - 1];
      const inList = isSeq(parent) && ONE_LINE_ITEMS.has(keyOf(path[path.length - 2]) ?? "");
      if (inList || ONE_LINE_VALUES.has(keyOf(parent) ?? "")) node.flow = true;
    },
    Seq(_key, node, path) {
      if (ONE_LINE_VALUES.has(keyOf(path[path.length - 1]) ?? "")) node.flow = true;
    },
  });
  document.commentBefore = comments.map((line) => ` ${line}`).join("\n");
  return document.toString({ lineWidth: 0 });
}

function keyOf(node: unknown): string | undefined {
  if (!isPair(node)) return undefined;
  const key = isScalar(node.key) ? node.key.value : node.key;
  return typeof key === "string" ? key : undefined;
}
