/**
 * Logical ids derive only from names, never from positions, so reordering a file changes nothing
 * in Terraform. Names are `[a-z0-9]+(-[a-z0-9]+)*`, so mapping `-` to `_` and joining parts with
 * `__` cannot make two different names collide.
 */
export function sloLogicalId(service: string, slo: string): string {
  return `slo_${identifierPart(service)}__${identifierPart(slo)}`;
}

function identifierPart(name: string): string {
  return name.replace(/-/g, "_");
}
