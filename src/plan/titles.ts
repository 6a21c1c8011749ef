import type { Service, Slo } from "../model/model.js";

/** How Datadog shows a service instance: its name, then its environment in parentheses. */
export function serviceTitle(service: Service): string {
  return service.environment === undefined ? service.name : `${service.name} (${service.environment})`;
}

/** An SLO's name in Datadog, unique across services and environments: `<service> <slo>`, then the environment. */
export function sloTitle(service: Service, slo: Slo): string {
  const title = `${service.name} ${slo.name}`;
  return service.environment === undefined ? title : `${title} (${service.environment})`;
}
