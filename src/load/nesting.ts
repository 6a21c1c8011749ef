import { CST } from "yaml";

/**
 * Collections nested deeper than this are refused before the document is built. The YAML library
 * reads nested collections, and runs of block indicators on one line (`- - - x`), recursively: a
 * few thousand levels overflow the call stack, while a spec nests a handful.
 */
export const MAX_NESTING_DEPTH = 64;

/**
 * A run of more than {@link MAX_NESTING_DEPTH} indicators (`-`, `?`, `:`, tags, anchors) separated
 * by blanks, starting after a blank, a flow bracket, a comma or the start of the text.
 */
const INDICATOR_RUN = new RegExp(`(?<![^\\s\\[{,])(?:(?:[-?:]|[!&][^\\s]*)[ \\t]+){${MAX_NESTING_DEPTH + 1}}`);

/**
 * Offset of the first long run of indicators in the raw text. The YAML lexer reads such a run one
 * recursive call per indicator, in time quadratic in its length, and overflows the stack past a
 * few thousand: the text is checked before it is lexed. A quoted text holding such a run is
 * refused too, which no spec needs.
 */
export function firstIndicatorRun(text: string): number | undefined {
  const match = INDICATOR_RUN.exec(text);
  return match ? match.index : undefined;
}

/** Offset of the first collection nested deeper than {@link MAX_NESTING_DEPTH}, found without recursion. */
export function firstTooDeepCollection(tokens: readonly CST.Token[]): number | undefined {
  // A stack, children pushed in reverse: tokens are visited in document order, so the first found is the earliest.
  const pending: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 })).reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { token, depth } = next;
    if (token.type === "document") {
      if (token.value) pending.push({ token: token.value, depth });
    } else if (CST.isCollection(token)) {
      if (depth >= MAX_NESTING_DEPTH) return token.offset;
      for (const item of [...token.items].reverse()) {
        if (item.value) pending.push({ token: item.value, depth: depth + 1 });
        if (item.key) pending.push({ token: item.key, depth: depth + 1 });
      }
    }
  }
  return undefined;
}
