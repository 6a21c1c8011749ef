/** A deep copy type with `readonly` removed, as cdktf's generated config types expect. */
export type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

/**
 * Terraform evaluates `${...}` and `%{...}` in every string of a `.tf.json` file, and cdktf does
 * not escape plain attribute values. A spec text such as `${file("/etc/passwd")}` would be read by
 * `terraform plan`; doubling the sigil makes Terraform print it literally.
 */
export function escapeTemplate(text: string): string {
  // A function replacer: in a replacement string, `$$` itself means one `$`.
  return text.replace(/([$%])\{/g, (_match, sigil: string) => `${sigil}${sigil}{`);
}

/** A deep copy of `value` in which every string is escaped with {@link escapeTemplate}. */
export function escapeStrings<T>(value: T): DeepMutable<T> {
  if (typeof value === "string") return escapeTemplate(value) as DeepMutable<T>;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeStrings(item)) as DeepMutable<T>;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, escapeStrings(item)])) as DeepMutable<T>;
  }
  return value as DeepMutable<T>;
}
