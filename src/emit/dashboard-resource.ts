import type { DashboardConfig } from "@cdktf/provider-datadog/lib/dashboard";
import { TerraformResource, type TerraformProvider, type TerraformStack } from "cdktf";
import { DASHBOARD_RESOURCE } from "../plan/resources.js";

/** What slocc sets on a dashboard, typed by the provider's own `Dashboard` configuration. */
export type DashboardAttributes = Pick<DashboardConfig, "title" | "description" | "layoutType" | "widget">;

/**
 * A `datadog_dashboard`, written as the provider's `Dashboard` class writes it (the same JSON, byte
 * for byte). That class's module brings every widget type of the provider: 61 MB of JavaScript,
 * over 100 MB of memory once loaded, for the three widget types slocc uses. Only its types are
 * imported here.
 */
export class DatadogDashboard extends TerraformResource {
  private readonly attributes: DashboardAttributes;

  constructor(scope: TerraformStack, id: string, provider: TerraformProvider, attributes: DashboardAttributes) {
    super(scope, id, {
      terraformResourceType: DASHBOARD_RESOURCE,
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
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      snakeCaseKeys(item),
    ]),
  );
}
