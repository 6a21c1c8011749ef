/** `slocc/emit`: writes compiled plans as Terraform stacks through cdktf (the only part that loads it). */
export { buildApp } from "./stacks.js";
export { synthesizeTo, type SynthesisOptions, type SynthesisReport } from "./synth.js";
export { WorkerPool } from "./worker-pool.js";
export { LOCAL_BACKEND, backendChoice, type BackendChoice } from "../settings/backend.js";
export { DEFAULT_STACK_SETTINGS, type StackSettings } from "../settings/stack-settings.js";
export { DEFAULT_DATADOG_PROVIDER, datadogProviderConstraint } from "../settings/datadog-provider.js";
