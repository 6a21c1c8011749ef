/** A 1-based place in a file: where a spec element was written, and where a diagnostic points. */
export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}
