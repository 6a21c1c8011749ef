import type { NamedSlo } from "./services.js";

/** Something left as it is in Datadog, and why: an SLO, or one alert or correction of an SLO. */
export interface Refusal {
  readonly sloId: string;
  readonly sloName?: string;
  readonly monitorId?: number;
  readonly correctionId?: string;
  readonly reason: string;
}

/** What `slocc import datadog` did: the files written, what it left in Datadog and why. */
export interface ImportReport {
  /** The Datadog API read. */
  readonly site: string;
  /** How many SLOs the API listed. */
  readonly listed: number;
  /** Each file written, by path, with its service, owner and SLOs. */
  readonly files: readonly AdoptedFile[];
  /** SLOs and alerts left as they are in Datadog. */
  readonly refusals: readonly Refusal[];
  /** SLOs a spec in the directory already adopts, with that spec's file. */
  readonly alreadyAdopted: readonly { readonly sloId: string; readonly file: string }[];
}

/** One spec file written by the import. */
export interface AdoptedFile {
  readonly path: string;
  readonly service: string;
  readonly owner: string;
  /** Sorted by name. */
  readonly slos: readonly NamedSlo[];
}
