import type { AdoptedService } from "./services.js";
import type { Refusal } from "./slo.js";

/** What `slocc import datadog` did: the files written, what it left in Datadog and why. */
export interface ImportReport {
  /** The Datadog API read. */
  readonly site: string;
  /** How many SLOs the API listed. */
  readonly listed: number;
  /** Each file written, by path, with its service. */
  readonly files: readonly { readonly path: string; readonly service: AdoptedService }[];
  /** SLOs and alerts left as they are in Datadog. */
  readonly refusals: readonly Refusal[];
  /** SLOs a spec in the directory already adopts, with that spec's file. */
  readonly alreadyAdopted: readonly { readonly sloId: string; readonly file: string }[];
}
