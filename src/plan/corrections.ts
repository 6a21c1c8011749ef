import { correctionIdentity } from "../model/corrections.js";
import type { Service, Slo } from "../model/model.js";
import { correctionLogicalId } from "./logical-ids.js";
import { CORRECTION_RESOURCE, type CorrectionResource } from "./resources.js";
import { optional } from "../util/optional.js";

/** Plans a `datadog_slo_correction` for each correction that applies to an SLO, the service's included. */
export function planCorrections(service: Service, slo: Slo, sloLogicalId: string): CorrectionResource[] {
  return slo.corrections.map((correction) => ({
    resourceType: CORRECTION_RESOURCE,
    logicalId: correctionLogicalId(sloLogicalId, correctionIdentity(correction)),
    service: service.stack,
    slo: slo.name,
    sloLogicalId,
    ...optional("importId", correction.datadogId),
    config: {
      category: correction.category,
      ...optional("description", correction.description),
      start: correction.start,
      ...optional("end", correction.end),
      ...optional("rrule", correction.rrule),
      ...optional("duration", correction.durationSeconds),
      timezone: correction.timezone,
    },
  }));
}
