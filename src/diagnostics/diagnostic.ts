import { compareText } from "../util/text.js";
import type { Position } from "../util/position.js";
import { severityOf, type DiagnosticCode, type Severity } from "./codes.js";

/** One problem found in the specs, with where it is and how to fix it. */
export interface Diagnostic extends Position {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
}

/**
 * A value and the problems found while computing it: the one way every stage returns its work.
 * A stage that can be left with nothing usable says so in its type (`Result<X | undefined>`).
 */
export interface Result<T> {
  readonly value: T;
  readonly diagnostics: readonly Diagnostic[];
}

/** Builds a diagnostic whose severity comes from the closed code list. */
export function diagnostic(code: DiagnosticCode, message: string, at: Position): Diagnostic {
  return { code, severity: severityOf(code), message, file: at.file, line: at.line, column: at.column };
}

/** Whether diagnostics fail a run: any error does, and with `strict` any warning too. */
export function failsRun(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === "error" || strict);
}

/** Orders diagnostics by file, line, column, then code, so output never depends on discovery order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

/** The diagnostics without repeats: the same code, place and message reported twice counts once. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = diagnosticKey(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The diagnostics found in one instance of a service: one of its environments, or the service without any. */
export interface InstanceDiagnostics {
  readonly environment: string | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The diagnostics of a service's instances, each distinct problem once: one found in every
 * instance as it is, one found in some of them with the environments that have it.
 */
export function mergeAcrossEnvironments(perInstance: readonly InstanceDiagnostics[]): Diagnostic[] {
  const seen = new Map<string, { diagnostic: Diagnostic; environments: Set<string> }>();
  for (const { environment, diagnostics } of perInstance) {
    for (const d of diagnostics) {
      const key = diagnosticKey(d);
      const entry = seen.get(key) ?? { diagnostic: d, environments: new Set<string>() };
      if (environment !== undefined) entry.environments.add(environment);
      seen.set(key, entry);
    }
  }
  return [...seen.values()].map(({ diagnostic, environments }) => {
    if (environments.size === 0 || environments.size === perInstance.length) return diagnostic;
    const names = [...environments].sort(compareText);
    return {
      ...diagnostic,
      message: `${diagnostic.message} (in environment${names.length === 1 ? "" : "s"} ${names.join(", ")})`,
    };
  });
}

/** What makes two diagnostics one: the same code, place and message. */
function diagnosticKey(d: Diagnostic): string {
  return `${d.file}\u0000${d.line}:${d.column}\u0000${d.code}\u0000${d.message}`;
}
