import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Model, Service, Slo } from "../model/model.js";
import type { Position } from "../util/position.js";
import { compareText } from "../util/text.js";

/** What rules need beyond the model. */
export interface RuleContext {
  /** The day review deadlines are judged against, YYYY-MM-DD. */
  readonly today: string;
}

/** A semantic check of the model draft: every problem it finds, never thrown. */
export type Rule = (model: Draft<Model>, context: RuleContext) => Diagnostic[];

/** Every SLO of the draft with its service, in model order. */
export function eachSlo(model: Draft<Model>): { service: Draft<Service>; slo: Draft<Slo> }[] {
  return (model.services ?? []).flatMap((service) => (service.slos ?? []).map((slo) => ({ service, slo })));
}

/** Orders drafts by where they were written, for rules that name the first of several. */
export function byPosition<T extends { readonly at: { readonly self: Position } }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => comparePositions(a.at.self, b.at.self));
}

/** File, then line, then column. */
export function comparePositions(a: Position, b: Position): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}
