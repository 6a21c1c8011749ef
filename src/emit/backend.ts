import { LocalBackend, TerraformBackend, TerraformRemoteState, type TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { BackendChoice } from "../settings/backend.js";
import { escapeTemplate } from "./escape.js";

/**
 * Local state, relative to the stack's working directory (`<out>/stacks/<name>`): beside the output
 * directory, so re-synthesizing never touches state and the path is the same on every machine.
 */
export function localStatePath(stack: string): string {
  return `../../../terraform.${stack}.tfstate`;
}

/** Gives a stack its backend: local state by default, else the configured type and settings. */
export function addBackend(stack: TerraformStack, name: string, choice: BackendChoice): void {
  if (choice.type === "local" && Object.keys(choice.config).length === 0) {
    new LocalBackend(stack, { path: localStatePath(name) });
    return;
  }
  const config = Object.fromEntries(
    Object.entries(choice.config).map(([key, value]) => [key, escapeTemplate(value.split("{stack}").join(name))]),
  );
  new ConfiguredBackend(stack, choice.type, config);
}

/** Any Terraform backend, written as given: cdktf's typed classes cover only some, one by one. */
class ConfiguredBackend extends TerraformBackend {
  constructor(
    scope: Construct,
    type: string,
    private readonly settings: Readonly<Record<string, string>>,
  ) {
    super(scope, "backend", type);
  }

  protected override synthesizeAttributes(): Record<string, string> {
    return { ...this.settings };
  }

  override getRemoteStateDataSource(scope: Construct, name: string): TerraformRemoteState {
    return new ConfiguredRemoteState(scope, name, this.name, this.settings);
  }
}

/** Reads another stack's outputs through the same backend settings. */
class ConfiguredRemoteState extends TerraformRemoteState {
  constructor(scope: Construct, id: string, type: string, settings: Readonly<Record<string, string>>) {
    super(scope, id, type, { ...settings });
  }
}
