/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether two lists hold the same texts in the same order. */
export function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, index) => text === b[index]);
}

/** `1 error`, `2 warnings`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** Names converted so far: attribute and field names, a few dozen, each converted once. */
const SNAKE_CASE = new Map<string, string>();

/** `targetThreshold` -> `target_threshold`: names as Terraform and the Datadog provider write them. */
export function snakeCase(name: string): string {
  let converted = SNAKE_CASE.get(name);
  if (converted === undefined) {
    converted = name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
    SNAKE_CASE.set(name, converted);
  }
  return converted;
}
