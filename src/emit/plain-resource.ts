import { TerraformResource, type TerraformProvider, type TerraformStack } from "cdktf";
import { snakeCase } from "../util/text.js";

/**
 * A Datadog resource written from plain data, as the provider's generated class writes it (the same
 * JSON, byte for byte, checked by the golden fixtures). The generated classes build a tree of token
 * objects per resource in their constructor (a monitor makes dozens, each capturing a stack trace)
 * only to be resolved back into the same values at synthesis: most of synth's time went there.
 * Attribute types come from the provider's configuration types, so the data keeps their shape.
 */
export class PlainResource extends TerraformResource {
  private readonly attributes: object;

  constructor(
    scope: TerraformStack,
    id: string,
    provider: TerraformProvider,
    resourceType: string,
    attributes: object,
  ) {
    super(scope, id, {
      terraformResourceType: resourceType,
      ...(provider.terraformGeneratorMetadata
        ? { terraformGeneratorMetadata: provider.terraformGeneratorMetadata }
        : {}),
    });
    this.attributes = attributes;
  }

  protected override synthesizeAttributes(): Record<string, unknown> {
    return snakeCaseKeys(this.attributes) as Record<string, unknown>;
  }

  protected override synthesizeHclAttributes(): Record<string, unknown> {
    throw new Error("slocc writes Terraform JSON (cdk.tf.json) only: synthesize without --hcl");
  }
}

/** `layoutType` -> `layout_type` at every depth, as the provider's classes name attributes in JSON. */
function snakeCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeCaseKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [snakeCase(key), snakeCaseKeys(item)]));
}
