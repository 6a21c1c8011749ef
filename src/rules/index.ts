import { mergeAcrossEnvironments, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Model, Service } from "../model/model.js";
import { checkRatioAggregators } from "./aggregators.js";
import { checkAdoption } from "./adoption.js";
import { checkAlerts } from "./alerts.js";
import { checkReviewDue } from "./cadence.js";
import { checkCatalogs } from "./catalogs.js";
import { checkCorrections } from "./corrections.js";
import { checkDuplicateServices, checkDuplicateSlos } from "./duplicates.js";
import { checkAvailabilities, checkCeilings, checkJourneyReferences } from "./journeys.js";
import { checkNames } from "./names.js";
import { checkHandles, checkRouting } from "./notify.js";
import { checkObjectives } from "./objectives.js";
import { checkRenames } from "./renames.js";
import type { Rule, RuleContext } from "./rule.js";
import { checkSlis } from "./sli.js";
import { checkReservedTags, checkTagCount, checkTagSpelling } from "./tags.js";

export type { RuleContext } from "./rule.js";

/** Rules across every spec, run once on the whole model: what must be unique, and the shared catalogs. */
const MODEL_RULES: readonly Rule[] = [checkDuplicateServices, checkAdoption, checkCatalogs];

/** Rules on one service instance, which look dependencies up in the shared catalogs but do not check them. */
const SERVICE_RULES: readonly Rule[] = [
  checkNames,
  checkDuplicateSlos,
  checkSlis,
  checkRatioAggregators,
  checkObjectives,
  checkAlerts,
  checkHandles,
  checkRouting,
  checkTagSpelling,
  checkTagCount,
  checkReservedTags,
  checkAvailabilities,
  checkJourneyReferences,
  checkCeilings,
  checkRenames,
  checkReviewDue,
  checkCorrections,
];

/**
 * Runs every rule and returns every problem found. Service rules run on each service file's
 * instances one by one, so that a problem found in some of a file's environments only says which;
 * a problem found in all of them is reported once. Model rules run once.
 */
export function checkModel(model: Draft<Model>, context: RuleContext): Diagnostic[] {
  const catalogs = model.catalogs ?? [];
  const found = MODEL_RULES.flatMap((rule) => rule(model, context));
  for (const instances of byFile(model.services ?? [])) {
    const perInstance = instances.map((instance) => ({
      environment: instance.environment,
      diagnostics: SERVICE_RULES.flatMap((rule) => rule({ services: [instance], catalogs }, context)),
    }));
    found.push(...mergeAcrossEnvironments(perInstance));
  }
  return found;
}

/** Service instances grouped by the file that declares them. */
function byFile(services: readonly Draft<Service>[]): Draft<Service>[][] {
  const groups = new Map<string, Draft<Service>[]>();
  for (const service of services)
    groups.set(service.at.self.file, [...(groups.get(service.at.self.file) ?? []), service]);
  return [...groups.values()];
}
