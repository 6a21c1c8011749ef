import { compareText } from "../util/text.js";
import type { Model } from "../model/model.js";
import type { CompiledPlan, CorrectionResource, MonitorResource, PlannedResource, SloResource } from "./resources.js";
import { planAlerts } from "./alerts.js";
import { planCorrections } from "./corrections.js";
import { planDashboard } from "./dashboard.js";
import { sloLogicalId } from "./logical-ids.js";
import { planSlo } from "./slo.js";

/**
 * Marks a renamed SLO's resources as moved from their old ids. A monitor's or a correction's id
 * starts with its SLO's id, so its old id is the same id under the old prefix; a move whose source
 * is not in state is ignored by Terraform, so monitors added in the same change are harmless.
 */
function withMovedFrom(
  resources: readonly (SloResource | MonitorResource | CorrectionResource)[],
  sloId: string,
  previousSloId: string,
): PlannedResource[] {
  return resources.map((resource) => ({
    ...resource,
    movedFrom: `${previousSloId}${resource.logicalId.slice(sloId.length)}`,
  }));
}

/** Plans every stack of the model: one per service, resources sorted by logical id. */
export function planModel(model: Model): CompiledPlan {
  return {
    stacks: model.services.map((service) => {
      const resources: PlannedResource[] = service.slos.flatMap((slo) => {
        const sloResource = planSlo(service, slo);
        const resources = [
          sloResource,
          ...planAlerts(service, slo, sloResource.logicalId),
          ...planCorrections(service, slo, sloResource.logicalId),
        ];
        return slo.renamedFrom === undefined
          ? resources
          : withMovedFrom(resources, sloResource.logicalId, sloLogicalId(service.name, slo.renamedFrom));
      });
      if (service.dashboard) resources.push(planDashboard(service));
      return { name: service.stack, resources: resources.sort((a, b) => compareText(a.logicalId, b.logicalId)) };
    }),
  };
}
