import type { SloV1 } from "../../spec/v1.js";
import type { Report } from "./report.js";

/** `renamedFrom` must name an old SLO that no current SLO still uses, once, and not itself. */
export function checkRenames(slos: readonly SloV1[], report: Report): void {
  const names = new Set(slos.map((slo) => slo.name));
  const claimed = new Map<string, number>();
  slos.forEach((slo, index) => {
    const previous = slo.renamedFrom;
    if (previous === undefined) return;
    const path = ["slos", index, "renamedFrom"];
    if (previous === slo.name || names.has(previous)) {
      report("RENAME_CONFLICT", `"${previous}" is the name of a current SLO: renamedFrom names the SLO's previous name, which no SLO may still use`, path);
    } else if (claimed.has(previous)) {
      report("RENAME_CONFLICT", `slos[${claimed.get(previous)}] is already renamed from "${previous}": one SLO only can take its history`, path);
    } else {
      claimed.set(previous, index);
    }
  });
}
