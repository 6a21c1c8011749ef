/**
 * `{ [key]: value }`, or `{}` when `value` is undefined: an optional property spread into an object
 * (`{ name, ...optional("description", description) }`), so that it is absent rather than undefined.
 */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}
