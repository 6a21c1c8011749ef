import { withoutFloatNoise } from "../util/float.js";

/**
 * One step of a journey: the names of the dependencies it crosses there. One name is a dependency
 * crossed in series; several are redundant ones, of which any one suffices.
 */
export type DependencyStep = readonly string[];

/** One link of a journey's chain: a dependency, or a group of redundant ones, with its availability in percent. */
export interface DependencyLink {
  readonly label: string;
  readonly availability: number;
}

/** The best availability a journey can have, given what it depends on. */
export interface Ceiling {
  /** Percent: the product of the links' availabilities. */
  readonly percent: number;
  readonly links: readonly DependencyLink[];
}

/**
 * The ceiling of a chain of dependencies crossed in series: the product of their availabilities. A
 * group of redundant dependencies (any one suffices) is down only when all are: 1 - the product of
 * their unavailabilities. Undefined when a name cannot be resolved.
 */
export function chainCeiling(
  steps: readonly DependencyStep[],
  availabilityOf: (name: string) => number | undefined,
): Ceiling | undefined {
  const links: DependencyLink[] = [];
  for (const names of steps) {
    const values = names.map(availabilityOf);
    if (values.some((value) => value === undefined)) return undefined;
    const down = (values as number[]).reduce((product, value) => product * (1 - value / 100), 1);
    links.push({
      label: names.length === 1 ? String(names[0]) : `any of ${names.join(", ")}`,
      availability: withoutFloatNoise((1 - down) * 100),
    });
  }
  const up = links.reduce((product, link) => product * (link.availability / 100), 1);
  return { percent: withoutFloatNoise(up * 100), links };
}

/** The weakest links first: where redundancy or a better SLA would raise the ceiling most. */
export function weakestLinks(ceiling: Ceiling, count = 3): DependencyLink[] {
  return [...ceiling.links].sort((a, b) => a.availability - b.availability).slice(0, count);
}
