import { compareText } from "../diagnostics/diagnostic.js";
import type { Model } from "../model/model.js";
import type { CompiledPlan, PlannedResource } from "./resources.js";
import { planAlerts } from "./alerts.js";
import { planSlo } from "./slo.js";

/** Plans every stack of the model: one per service, resources sorted by logical id. */
export function planModel(model: Model): CompiledPlan {
  return {
    stacks: model.services.map((service) => {
      const resources: PlannedResource[] = service.slos.flatMap((slo) => {
        const sloResource = planSlo(service, slo);
        return [sloResource, ...planAlerts(service, slo, sloResource.logicalId)];
      });
      return { name: service.name, resources: resources.sort((a, b) => compareText(a.logicalId, b.logicalId)) };
    }),
  };
}
