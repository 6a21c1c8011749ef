/**
 * What a diagnostic is about, found by where it is written: the part of a spec file that holds
 * its position. Commands that show part of the specs (a change diff, one SLO's explanation, the
 * review calendar) print the diagnostics about what they show, and only those.
 */
export interface DiagnosticSubject {
  /** The file the diagnostic is in. */
  readonly file: string;
  /**
   * The stacks of the service the file declares whose part holds the position: every instance of
   * the service (one per environment, or the service alone), or one environment's instance for a
   * position in that environment; none for a file that declares no service (templates, catalogs).
   */
  readonly stacks: readonly string[];
  /** The SLO whose part holds the position: its entry under `slos`, or its entries in an environment. */
  readonly slo?: string;
  /** Outside any SLO: the service's top-level key that holds the position (`review`, `notify`...). */
  readonly key?: string;
}
