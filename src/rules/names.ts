import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Position } from "../util/position.js";
import { eachSlo, type Rule } from "./rule.js";

/** Names of services, SLOs, journeys, dependencies and catalogs: lowercase words joined by single dashes. */
export const NAME_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_NAME_LENGTH = 63;

/** Owners are team handles: lowercase letters, digits, `.`, `_` or `-`. */
const OWNER_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
const MAX_OWNER_LENGTH = 100;

/** Every name a service writes follows the naming rule, so logical ids derived from names never collide. */
export const checkNames: Rule = (model) => {
  const found: Diagnostic[] = [];
  for (const service of model.services ?? []) {
    found.push(...nameProblems("service", service.name, service.at.name));
    found.push(...nameProblems("environment", service.environment, service.at.environment));
    if (
      service.owner !== undefined &&
      !(OWNER_PATTERN.test(service.owner) && service.owner.length <= MAX_OWNER_LENGTH)
    ) {
      found.push(
        diagnostic(
          "INVALID_NAME",
          `the owner ${JSON.stringify(service.owner)} is not a team handle: write it ` +
            `such as \`card-sre\`, with lowercase letters, digits, \`.\`, \`_\` or \`-\``,
          service.at.owner,
        ),
      );
    }
    for (const journey of service.journeys ?? []) found.push(...nameProblems("journey", journey.name, journey.at.self));
    for (const dependency of service.dependencies ?? [])
      found.push(...nameProblems("dependency", dependency.name, dependency.at.self));
  }
  for (const { slo } of eachSlo(model)) {
    found.push(...nameProblems("SLO", slo.name, slo.at.name));
    found.push(...nameProblems("previous SLO", slo.renamedFrom, slo.at.renamedFrom));
  }
  return found;
};

/** INVALID_NAME for a name that breaks the naming rule or is too long. */
export function nameProblems(what: string, name: string | undefined, at: Position): Diagnostic[] {
  if (name === undefined) return [];
  const problems: Diagnostic[] = [];
  if (!NAME_PATTERN.test(name)) {
    problems.push(
      diagnostic(
        "INVALID_NAME",
        `the ${what} name ${JSON.stringify(name)} breaks the naming rule: use lowercase letters, digits and single dashes, such as \`repayment-availability\``,
        at,
      ),
    );
  }
  if (name.length > MAX_NAME_LENGTH) {
    problems.push(
      diagnostic(
        "INVALID_NAME",
        `the ${what} name has ${name.length} characters: shorten it to at most ${MAX_NAME_LENGTH}`,
        at,
      ),
    );
  }
  return problems;
}
