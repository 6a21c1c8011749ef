import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Model } from "../model/model.js";
import { checkAdoption } from "./adoption.js";
import { checkAlerts } from "./alerts.js";
import { checkReviewDue } from "./cadence.js";
import { checkDuplicates } from "./duplicates.js";
import { checkAvailabilities, checkCeilings, checkJourneyReferences } from "./journeys.js";
import { checkNames } from "./names.js";
import { checkHandles, checkRouting } from "./notify.js";
import { checkObjectives } from "./objectives.js";
import { checkRenames } from "./renames.js";
import type { Rule, RuleContext } from "./rule.js";
import { checkSlis } from "./sli.js";
import { checkTagCount, checkTagSpelling } from "./tags.js";

export type { RuleContext } from "./rule.js";

/** Every semantic rule, each run on the whole model draft. */
const RULES: readonly Rule[] = [
  checkNames,
  checkDuplicates,
  checkSlis,
  checkObjectives,
  checkAlerts,
  checkHandles,
  checkRouting,
  checkTagSpelling,
  checkTagCount,
  checkAvailabilities,
  checkJourneyReferences,
  checkCeilings,
  checkRenames,
  checkReviewDue,
  checkAdoption,
];

/** Runs every rule on the model draft and returns every problem found. */
export function checkModel(model: Draft<Model>, context: RuleContext): Diagnostic[] {
  return RULES.flatMap((rule) => rule(model, context));
}
