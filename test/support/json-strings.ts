/** Every string value in a JSON value, depth first; with `skipMetadata`, cdktf's `//` entries are left out. */
export function stringsOf(value: unknown, skipMetadata: boolean): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap((item) => stringsOf(item, skipMetadata));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      skipMetadata && key === "//" ? [] : stringsOf(item, skipMetadata),
    );
  }
  return [];
}
