import { chainCeiling } from "./ceiling.js";
import type { Catalog, Dependency, Draft, Model, Service } from "./model.js";

/**
 * Resolves what crosses files: each journey's dependency ceiling, from the service's own
 * dependencies first, then the shared catalogs. A journey naming an unknown dependency gets no
 * ceiling (the rules report the name).
 */
export function resolveAcrossFiles(model: Draft<Model>): Draft<Model> {
  const catalogs = model.catalogs ?? [];
  return {
    ...model,
    services: (model.services ?? []).map((service) => withCeilings(service, catalogs)),
  };
}

/** Looks a dependency up in the service's own list first, then in the shared catalogs. */
export function dependencyLookup(
  service: Draft<Service>,
  catalogs: readonly Draft<Catalog>[],
): (name: string) => Draft<Dependency> | undefined {
  const sources = [service.dependencies ?? [], ...catalogs.map((catalog) => catalog.dependencies ?? [])];
  return (name) => {
    for (const dependencies of sources) {
      const found = dependencies.find((dependency) => dependency.name === name);
      if (found) return found;
    }
    return undefined;
  };
}

function withCeilings(service: Draft<Service>, catalogs: readonly Draft<Catalog>[]): Draft<Service> {
  const lookup = dependencyLookup(service, catalogs);
  const journeys = (service.journeys ?? []).map((journey) => {
    const steps = (journey.dependsOn ?? []).map((step) =>
      step.flatMap((name) => (name.value === undefined ? [] : [name.value])),
    );
    const readable = steps.length > 0 && steps.every((names) => names.length > 0);
    const ceiling = readable ? chainCeiling(steps, (name) => lookup(name)?.availability) : undefined;
    return ceiling === undefined ? journey : { ...journey, ceiling };
  });
  return { ...service, journeys };
}
