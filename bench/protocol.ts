/** What the orchestrator and the measured child processes exchange. */

/** The measured operations: slocc's four and the two baselines. */
export const OPERATIONS = ["yaml-parse", "validate", "cdktf-baseline", "synth", "synth-incremental", "diff"] as const;
export type Operation = (typeof OPERATIONS)[number];

/** Where a child finds its input and writes its output. */
export interface ChildArgs {
  /** The spec directory (the working tree of the diff's repository). */
  readonly dir: string;
  /** The repository whose `base` branch holds the corpus as committed, for the diff. */
  readonly repo: string;
  /** The corpus shape as JSON, for the hand-written cdktf program. */
  readonly shape: string;
  /** The output directory of a synthesis. */
  readonly out: string;
}

/** Counts an operation reports about its work, to check it did what it should. */
export type Detail = Readonly<Record<string, number>>;

/** One measurement, printed by the child as a single JSON line on stdout. */
export interface ChildReport {
  /** Wall time of the operation itself, modules already loaded. */
  readonly ms: number;
  /** Peak resident set size of the whole child process, in kilobytes. */
  readonly maxRssKb: number;
  readonly detail: Detail;
}

/** The branch of the diff's repository holding the corpus as committed; the working tree changes one file. */
export const BASE_BRANCH = "base";
