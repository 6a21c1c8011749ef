import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { byPosition, type Rule } from "./rule.js";

/** `renamedFrom` names an old SLO that no current SLO still uses, once, and not itself. */
export const checkRenames: Rule = (model) =>
  (model.services ?? []).flatMap((service) => {
    const slos = byPosition(service.slos ?? []);
    const names = new Set(slos.flatMap((slo) => (slo.name === undefined ? [] : [slo.name])));
    const claimed = new Map<string, number>();
    return slos.flatMap((slo): Diagnostic[] => {
      const previous = slo.renamedFrom;
      if (previous === undefined) return [];
      const at = slo.at.renamedFrom;
      if (names.has(previous)) {
        return [
          diagnostic(
            "RENAME_CONFLICT",
            `"${previous}" is the name of a current SLO: renamedFrom names the SLO's previous name, which no SLO may still use`,
            at,
          ),
        ];
      }
      const first = claimed.get(previous);
      if (first !== undefined)
        return [
          diagnostic(
            "RENAME_CONFLICT",
            `the SLO on line ${first} is already renamed from "${previous}": one SLO only can take its history`,
            at,
          ),
        ];
      claimed.set(previous, slo.at.self.line);
      return [];
    });
  });
