import { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import { DATADOG_PROVIDER_SOURCE } from "../settings/datadog-provider.js";

/**
 * The Datadog provider of a stack, required at `constraint`. The provider's generated class pins
 * the version it was generated from (3.82.0, which cannot read today's API); resources are written
 * as plain data, so only the provider block and `required_providers` come from here. Keys and site
 * come from DD_API_KEY, DD_APP_KEY and DD_HOST at plan time and are never written.
 */
export class DatadogProvider extends TerraformProvider {
  constructor(scope: Construct, constraint: string) {
    super(scope, "datadog", {
      terraformResourceType: "datadog",
      terraformGeneratorMetadata: { providerName: "datadog", providerVersion: constraint },
      terraformProviderSource: DATADOG_PROVIDER_SOURCE,
    });
  }
}
