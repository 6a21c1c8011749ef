import type { CorrectionIdentity } from "../model/corrections.js";

/**
 * Logical ids derive only from names, never from positions, so reordering a file changes nothing
 * in Terraform. Names are `[a-z0-9]+(-[a-z0-9]+)*`, so mapping `-` to `_` and joining parts with
 * `__` cannot make two different names collide.
 */
export function sloLogicalId(service: string, slo: string): string {
  return `slo_${identifierPart(service)}__${identifierPart(slo)}`;
}

/**
 * `slo_x__y__correction_<name>` for a named correction, `slo_x__y__correction__<digest>` for an
 * unnamed one: a name never starts with `_`, so the two cannot collide.
 */
export function correctionLogicalId(sloLogicalId: string, identity: CorrectionIdentity): string {
  return "name" in identity
    ? `${sloLogicalId}__correction_${identifierPart(identity.name)}`
    : `${sloLogicalId}__correction__${identity.digest}`;
}

function identifierPart(name: string): string {
  return name.replace(/-/g, "_");
}
