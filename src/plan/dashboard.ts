import type { Service, Slo } from "../model/model.js";
import { formatAvailability, formatPercent } from "../human/numbers.js";
import { sloLogicalId } from "./logical-ids.js";
import { dashboardTitle, serviceTitle } from "./titles.js";
import { DASHBOARD_RESOURCE, type DashboardResource, type DashboardSloWidget } from "./resources.js";

/**
 * Plans a service's dashboard: a group per journey (critical user journeys and machine
 * communications, with their dependency ceiling), the SLOs without a journey in a group of their
 * own, and a note naming the owner, the approvers and the review cadence. Datadog colours each SLO
 * widget green above its warning, yellow between warning and target, red below the target.
 */
export function planDashboard(service: Service): DashboardResource {
  const widgetFor = (slo: Slo): DashboardSloWidget => ({
    sloLogicalId: sloLogicalId(service.name, slo.name),
    title: `${slo.name} (${formatPercent(slo.primary.target)} over ${slo.primary.window})`,
    timeWindows: slo.objectives.map((objective) => objective.window),
  });
  const groups = service.journeys
    .map((journey) => {
      const kind = journey.serves === "user" ? "critical user journey" : "critical machine communication";
      const ceiling = journey.ceiling ? `, ceiling ${formatAvailability(journey.ceiling.percent)}` : "";
      const widgets = service.slos.filter((slo) => slo.journey?.value === journey.name).map(widgetFor);
      return { title: `${journey.name}: ${kind}${ceiling}`, widgets };
    })
    .filter((group) => group.widgets.length > 0);
  const loose = service.slos.filter((slo) => slo.journey === undefined).map(widgetFor);
  if (loose.length > 0) groups.push({ title: "SLOs without a journey", widgets: loose });
  return {
    resourceType: DASHBOARD_RESOURCE,
    logicalId: `dashboard_${service.name.replace(/-/g, "_")}`,
    service: service.stack,
    config: {
      title: dashboardTitle(service),
      description: `Service level objectives of ${serviceTitle(service)}, grouped by journey. Managed by slocc: change the specs, not this dashboard.`,
      groups,
      note: dashboardNote(service),
    },
  };
}

function dashboardNote(service: Service): string {
  const review = service.review
    ? `every ${service.review.every}; last ${service.review.last}, next due ${service.review.due}`
    : "no review scheduled";
  return [
    `**Owner:** ${service.owner}`,
    `**Approvers:** ${service.approvers.length > 0 ? service.approvers.map((approver) => approver.value).join(", ") : "none named"}`,
    `**SLO review:** ${review}`,
    ...(service.description ? ["", service.description] : []),
  ].join("\n");
}
