import type { Service, Slo } from "../model/model.js";

/** How Datadog shows a service instance: its name, then its environment in parentheses. */
export function serviceTitle(service: Service): string {
  return service.environment === undefined ? service.name : `${service.name} (${service.environment})`;
}

/** The title of a service instance's Datadog dashboard: `SLOs: web (staging)`. */
export function dashboardTitle(service: Service): string {
  return `SLOs: ${serviceTitle(service)}`;
}

/**
 * An SLO's name in Datadog: the display name it keeps (an adopted SLO's), else `<service> <slo>`
 * and the environment, unique across services and environments.
 */
export function sloTitle(service: Service, slo: Slo): string {
  if (slo.displayName !== undefined) return slo.displayName;
  const title = `${service.name} ${slo.name}`;
  return service.environment === undefined ? title : `${title} (${service.environment})`;
}
