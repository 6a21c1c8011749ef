/** The longest service or SLO name (`src/rules/names.ts`). */
const MAX_NAME_LENGTH = 63;

/** A service or SLO name from free text: lowercase words of letters and digits joined by single dashes. */
export function nameFrom(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_NAME_LENGTH)
    .replace(/-+$/, "");
}

/** A team handle from free text: lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export function ownerFrom(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[^a-z0-9]+/, "")
    .slice(0, 100);
}
