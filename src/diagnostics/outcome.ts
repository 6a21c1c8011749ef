import type { DiagnosticCode } from "./codes.js";

/**
 * What stops a step outside the spec pipeline (a missing key, an API that refuses, no terraform):
 * a code from the closed list and one line that says what to do. A diagnostic is a problem found
 * at a place in a spec.
 */
export interface Problem {
  readonly code: DiagnosticCode;
  readonly message: string;
}

/** The one way a step outside the spec pipeline returns: its value, or the problems that stopped it. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

/** A step that succeeded with `value`. */
export function succeeded<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

/** A step stopped by one problem, or by several. */
export function failed(code: DiagnosticCode, message: string): Outcome<never>;
export function failed(problems: readonly Problem[]): Outcome<never>;
export function failed(first: DiagnosticCode | readonly Problem[], message = ""): Outcome<never> {
  return { ok: false, problems: typeof first === "string" ? [{ code: first, message }] : first };
}

/** The messages of `problems` as one line, for a report that gives one reason. */
export function problemsText(problems: readonly Problem[]): string {
  return problems.map((problem) => problem.message).join("; ");
}
