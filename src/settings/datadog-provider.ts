import { failed, succeeded, type Outcome } from "../diagnostics/outcome.js";

/** Where Terraform finds the Datadog provider. */
export const DATADOG_PROVIDER_SOURCE = "DataDog/datadog";

/**
 * Why each provider version below the one slocc needs cannot run its stacks, oldest first: the
 * first version that fixes each problem, and the problem (terraform-provider-datadog's source and
 * recorded API responses). Since early 2026 Datadog returns `sli_specification.count` on every
 * metric SLO, which clients of 3.88 and older leave unparsed, failing every read (issue #3479).
 */
const PROVIDER_PROBLEMS: readonly { readonly fixedIn: string; readonly problem: string }[] = [
  {
    fixedIn: "3.89.0",
    problem: "it cannot read the metric SLOs Datadog returns today (sli_specification.count): every plan fails",
  },
  { fixedIn: "4.4.0", problem: "it cannot read SLOs counted as total minus bad events (bad_events_formula)" },
  {
    fixedIn: "4.5.0",
    problem: "it plans a change of restricted_roles on every monitor at every run (fixed by #3645)",
  },
];

/** The oldest provider that reads today's API and plans no change for unchanged stacks. */
const MINIMUM_DATADOG_PROVIDER = "4.5.0";

/** What the stacks require by default: the newest 4.x Terraform can find, from the minimum on. */
export const DEFAULT_DATADOG_PROVIDER = `>= ${MINIMUM_DATADOG_PROVIDER}, < 5.0.0`;

/** A version as Terraform compares them: three numbers, missing ones zero. */
type Version = readonly [number, number, number];

/** One clause of a constraint, such as `>= 4.4.0` or `~> 4.10`. */
interface Clause {
  readonly operator: "=" | "!=" | ">" | ">=" | "<" | "<=" | "~>";
  readonly version: Version;
  /** How many numbers were written: `~>` keeps the last one's parent fixed. */
  readonly written: number;
}

const CLAUSE = /^(=|!=|>=|<=|>|<|~>)?\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/;

/**
 * Checks a Terraform version constraint for the Datadog provider (`>= 4.5.0, < 5.0.0`, `~> 4.19`,
 * `4.19.0`) and returns it as written, trimmed. A constraint that a version below
 * {@link MINIMUM_DATADOG_PROVIDER} satisfies is refused with the reason, as is one no version
 * satisfies. Pre-release versions are not accepted: they are never a team's pin.
 */
export function datadogProviderConstraint(text: string): Outcome<string> {
  const constraint = text.trim();
  const clauses = constraint.split(",").map((part) => parseClause(part.trim()));
  if (clauses.some((clause) => clause === undefined))
    return failed(
      "INVALID_SETTING",
      `"${constraint}" is not a Terraform version constraint such as "${DEFAULT_DATADOG_PROVIDER}" or "~> 4.19"`,
    );
  const lowest = lowestAllowed(clauses as Clause[]);
  if (lowest === undefined)
    return failed("INVALID_SETTING", `no version of the Datadog provider satisfies "${constraint}"`);
  const problem = PROVIDER_PROBLEMS.find(({ fixedIn }) => compareVersions(lowest, parseVersion(fixedIn)) < 0);
  if (problem)
    return failed(
      "INVALID_SETTING",
      `the Datadog provider constraint "${constraint}" allows ${lowest.join(".")}, and ${problem.problem}: ` +
        `slocc's stacks need ${MINIMUM_DATADOG_PROVIDER} or later, such as "${DEFAULT_DATADOG_PROVIDER}"`,
    );
  return succeeded(constraint);
}

/** One clause such as `>= 4.4.0`, or undefined when it is not one Terraform reads. */
function parseClause(text: string): Clause | undefined {
  const match = CLAUSE.exec(text);
  if (!match) return undefined;
  const [, operator, major, minor, patch] = match;
  return {
    operator: (operator ?? "=") as Clause["operator"],
    version: [Number(major), Number(minor ?? 0), Number(patch ?? 0)],
    written: [major, minor, patch].filter((part) => part !== undefined).length,
  };
}

/**
 * The lowest version every clause allows, or undefined when none does. The allowed versions are
 * an interval (less the points `!=` excludes), so the lowest is the highest lower bound, moved past
 * excluded and strictly-bounded points.
 */
function lowestAllowed(clauses: readonly Clause[]): Version | undefined {
  const allows = (version: Version) => clauses.every((clause) => satisfies(version, clause));
  const candidates: Version[] = [[0, 0, 0]];
  for (const { operator, version } of clauses) {
    if (operator === "=" || operator === ">=" || operator === "~>") candidates.push(version);
    if (operator === ">" || operator === "!=") candidates.push(advance(version, 1));
  }
  // Each `!=` may push the lowest one step further; at most that many steps past any candidate.
  const steps = clauses.filter((clause) => clause.operator === "!=").length;
  const allowed = candidates
    .flatMap((candidate) => Array.from({ length: steps + 1 }, (_, step) => advance(candidate, step)))
    .filter(allows)
    .sort(compareVersions);
  return allowed[0];
}

function satisfies(version: Version, { operator, version: bound, written }: Clause): boolean {
  const order = compareVersions(version, bound);
  switch (operator) {
    case "=":
      return order === 0;
    case "!=":
      return order !== 0;
    case ">":
      return order > 0;
    case ">=":
      return order >= 0;
    case "<":
      return order < 0;
    case "<=":
      return order <= 0;
    case "~>": {
      // `~> 4.4` allows 4.x from 4.4; `~> 4.4.0` allows 4.4.x from 4.4.0; `~> 4` anything from 4.0.0.
      const fixed = Math.max(0, written - 1);
      return order >= 0 && version.slice(0, fixed).every((part, index) => part === bound[index]);
    }
  }
}

function advance(version: Version, steps: number): Version {
  return [version[0], version[1], version[2] + steps];
}

function parseVersion(text: string): Version {
  const [major, minor, patch] = text.split(".").map(Number);
  return [major ?? 0, minor ?? 0, patch ?? 0];
}

function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
