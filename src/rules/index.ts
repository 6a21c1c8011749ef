import { mergeAcrossEnvironments, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Draft, Model, Service } from "../model/model.js";
import { checkRatioAggregators } from "./aggregators.js";
import { checkAdoption } from "./adoption.js";
import { checkAlerts } from "./alerts.js";
import { checkReviewDue } from "./cadence.js";
import { checkCorrections } from "./corrections.js";
import { checkDuplicates } from "./duplicates.js";
import { checkAvailabilities, checkCeilings, checkJourneyReferences } from "./journeys.js";
import { checkNames } from "./names.js";
import { checkHandles, checkRouting } from "./notify.js";
import { checkObjectives } from "./objectives.js";
import { checkRenames } from "./renames.js";
import type { Rule, RuleContext } from "./rule.js";
import { checkSlis } from "./sli.js";
import { checkReservedTags, checkTagCount, checkTagSpelling } from "./tags.js";

export type { RuleContext } from "./rule.js";

/** Every semantic rule. */
const RULES: readonly Rule[] = [
  checkNames,
  checkDuplicates,
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
 * Runs every rule and returns every problem found. Rules run on each service file's instances one
 * by one (the shared catalogs beside them), so that a problem found in some of a file's
 * environments only says which; a problem found in all of them is reported once.
 */
export function checkModel(model: Draft<Model>, context: RuleContext): Diagnostic[] {
  const catalogs = model.catalogs ?? [];
  const run = (services: readonly Draft<Service>[]) => RULES.flatMap((rule) => rule({ services, catalogs }, context));
  // Rules across files: names and Datadog ids unique in every spec.
  const found = [...run([]), ...checkDuplicates(model, context), ...checkAdoption(model, context)];
  for (const instances of byFile(model.services ?? [])) {
    const perInstance = instances.map((instance) => ({
      environment: instance.environment,
      diagnostics: run([instance]),
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
