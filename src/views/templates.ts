/** One SLI template as `slocc templates` shows it. */
export interface TemplateEntry {
  readonly name: string;
  readonly params: readonly string[];
  /** `built-in`, or the file and line that declare the template. */
  readonly from: string;
  readonly description?: string;
  /** The SLI as written, placeholders unfilled. */
  readonly sli: unknown;
}
