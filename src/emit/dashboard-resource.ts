import type { DashboardConfig } from "@cdktf/provider-datadog/lib/dashboard";
import type { TerraformProvider, TerraformStack } from "cdktf";
import { DASHBOARD_RESOURCE } from "../plan/resources.js";
import { PlainResource } from "./plain-resource.js";

/** What slocc sets on a dashboard, typed by the provider's own `Dashboard` configuration. */
export type DashboardAttributes = Pick<DashboardConfig, "title" | "description" | "layoutType" | "widget">;

/**
 * A `datadog_dashboard`, written as the provider's `Dashboard` class writes it (the same JSON, byte
 * for byte). That class's module brings every widget type of the provider: 61 MB of JavaScript,
 * over 100 MB of memory once loaded, for the three widget types slocc uses. Only its types are
 * imported here.
 */
export class DatadogDashboard extends PlainResource {
  constructor(scope: TerraformStack, id: string, provider: TerraformProvider, attributes: DashboardAttributes) {
    super(scope, id, provider, DASHBOARD_RESOURCE, attributes);
  }
}
