import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { terraformBinary } from "./terraform.js";

/**
 * The attributes of each Datadog resource type that the provider cannot update in place
 * (`ForceNew` in terraform-provider-datadog 4.19.0): a change of one replaces the resource.
 * Read from the provider's schema, independently of the compiler's own list.
 */
const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
  datadog_service_level_objective: ["type"],
  datadog_monitor: ["type"],
  datadog_dashboard: [],
  datadog_slo_correction: [],
};

interface StackJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
}

/** `datadog_slo_correction.x` -> `terraform_data.datadog_slo_correction__x`. */
function standInAddress(address: string): string {
  const dot = address.indexOf(".");
  return `terraform_data.${address.slice(0, dot)}__${address.slice(dot + 1)}`;
}

/** References to Datadog resources inside `${...}` templates and lifecycle expressions, pointed at the stand-ins. */
function repointed(text: string): string {
  return text.replace(/\b(datadog_[a-z_]+)\.([A-Za-z0-9_-]+)\.id\b/g, (_match, type: string, id: string) => {
    return `${standInAddress(`${type}.${id}`)}.id`;
  });
}

/**
 * A synthesized stack rewritten over Terraform's built-in `terraform_data` resource, which needs
 * no provider: each Datadog resource becomes one whose ForceNew attributes are `triggers_replace`
 * and whose other attributes are its `input` (updated in place), references and `lifecycle` kept.
 * Terraform then plans the stack's own change semantics (replace, update, replace_triggered_by)
 * as it would with the provider.
 */
export function standInConfiguration(stack: StackJson): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const [type, byId] of Object.entries(stack.resource ?? {})) {
    const forceNew = FORCE_NEW[type];
    if (!forceNew) throw new Error(`no stand-in known for ${type}`);
    for (const [id, attributes] of Object.entries(byId)) {
      const { lifecycle, ...rest } = Object.fromEntries(Object.entries(attributes).filter(([key]) => key !== "//"));
      const replacing = Object.fromEntries(Object.entries(rest).filter(([key]) => forceNew.includes(key)));
      const updating = Object.fromEntries(Object.entries(rest).filter(([key]) => !forceNew.includes(key)));
      resources[`${type}__${id}`] = JSON.parse(
        repointed(
          JSON.stringify({
            triggers_replace: replacing,
            input: updating,
            ...(lifecycle === undefined ? {} : { lifecycle }),
          }),
        ),
      ) as unknown;
    }
  }
  return {
    resource: { terraform_data: resources },
    ...(stack.moved
      ? { moved: stack.moved.map(({ from, to }) => ({ from: standInAddress(from), to: standInAddress(to) })) }
      : {}),
  };
}

/** A Terraform working directory holding a stand-in configuration, with its state, applied or planned by the real binary. */
export class StandInWorkspace {
  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  /** Replaces the configuration with the stand-in of `stack`. */
  configure(stack: StackJson): this {
    writeFileSync(join(this.dir, "main.tf.json"), JSON.stringify(standInConfiguration(stack), null, 2));
    return this;
  }

  apply(): void {
    this.terraform("init", "-input=false");
    this.terraform("apply", "-auto-approve", "-input=false");
  }

  /** The actions Terraform plans, by stand-in address, such as `["delete", "create"]` for a replacement. */
  plannedActions(): Record<string, readonly string[]> {
    this.terraform("plan", "-input=false", "-out=tfplan");
    const plan = JSON.parse(this.terraform("show", "-json", "tfplan")) as {
      resource_changes?: { address: string; change: { actions: string[] } }[];
    };
    return Object.fromEntries((plan.resource_changes ?? []).map((change) => [change.address, change.change.actions]));
  }

  private terraform(...args: string[]): string {
    return execFileSync(terraformBinary ?? "terraform", [...args, "-no-color"], {
      cwd: this.dir,
      encoding: "utf8",
      env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" },
    });
  }
}
