import type { Draft, Model } from "./model.js";

/**
 * The model of a draft that passed every check. Each part a mapping leaves out of a draft comes
 * with an error diagnostic (a shape error, or a rule naming what cannot be resolved), so a draft
 * without errors is complete: callers plan only after checking that no error was found.
 */
export function completeModel(draft: Draft<Model>): Model {
  return draft as Model;
}
