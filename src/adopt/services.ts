import { mergeTags, sloccTags } from "../model/tags.js";
import { SPEC_V1, type ServiceV1, type SloV1 } from "../formats/slocc-v1/schema.js";
import { compareText } from "../util/text.js";
import type { Refusal } from "./report.js";
import { ownTags, type AdoptedSlo, type AdoptionOptions } from "./slo.js";

/** The SLOs of one service, with the owner their `team:` tags give. */
export interface AdoptedService {
  readonly service: string;
  readonly owner: string;
  readonly slos: readonly AdoptedSlo[];
}

/** An adopted SLO under its final name, with every in-place change of its first apply. */
export interface NamedSlo {
  readonly slo: AdoptedSlo;
  readonly name: string;
  readonly changes: readonly string[];
}

/**
 * Groups adopted SLOs into services by their `service:` tag, and gives each service the owner
 * most of its SLOs' `team:` tags name (or `options.owner`).
 */
export function groupServices(
  slos: readonly AdoptedSlo[],
  options: AdoptionOptions,
): { readonly services: readonly AdoptedService[]; readonly refusals: readonly Refusal[] } {
  const byService = new Map<string, AdoptedSlo[]>();
  for (const slo of slos) byService.set(slo.service, [...(byService.get(slo.service) ?? []), slo]);
  const services: AdoptedService[] = [];
  const refusals: Refusal[] = [];
  for (const [service, members] of [...byService].sort(([a], [b]) => compareText(a, b))) {
    const owner = commonestTeam(members) ?? options.owner;
    if (owner === undefined) {
      refusals.push(
        ...members.map((slo) => ({
          sloId: slo.id,
          sloName: slo.datadogName,
          reason: `no SLO of service ${service} has a \`team:\` tag: give the owner with --owner <team>`,
        })),
      );
      continue;
    }
    services.push({ service, owner, slos: members });
  }
  return { services, refusals };
}

/**
 * Names the SLOs of a service uniquely (their Datadog names as slocc names, less a leading
 * service name, repeats numbered), sorted by name; the changes of each then include the tags slocc
 * adds, and what its alerts' tags become.
 */
export function nameSlos(service: AdoptedService): NamedSlo[] {
  return uniqueNames(service.service, service.slos)
    .map(({ slo, name }) => ({
      slo,
      name,
      changes: [...slo.changes, ...tagChanges(service.service, service.owner, name, slo)],
    }))
    .sort((a, b) => compareText(a.name, b.name));
}

/** The spec file of a service: every SLO adopted, no dashboard (nothing new is created). */
export function serviceDocument(service: string, owner: string, slos: readonly NamedSlo[]): ServiceV1 {
  return {
    apiVersion: SPEC_V1,
    service,
    owner,
    dashboard: false,
    slos: slos.map(({ slo, name }): SloV1 => ({ ...slo.spec, name })),
  };
}

function commonestTeam(slos: readonly AdoptedSlo[]): string | undefined {
  const counts = new Map<string, number>();
  for (const slo of slos) if (slo.team !== undefined) counts.set(slo.team, (counts.get(slo.team) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]?.[0];
}

/** Names in the order of their proposals (then ids), a leading `<service>-` dropped, repeats numbered. */
function uniqueNames(service: string, slos: readonly AdoptedSlo[]): { slo: AdoptedSlo; name: string }[] {
  const proposals = slos
    .map((slo) => {
      const proposal = slo.spec.name;
      const short = proposal.startsWith(`${service}-`) ? proposal.slice(service.length + 1) : proposal;
      return { slo, proposal: short || proposal };
    })
    .sort((a, b) => compareText(a.proposal, b.proposal) || compareText(a.slo.id, b.slo.id));
  const taken = new Set<string>();
  return proposals.map(({ slo, proposal }) => {
    let name = proposal;
    for (let count = 2; taken.has(name); count++) {
      const suffix = `-${count}`;
      name = `${proposal.slice(0, 63 - suffix.length).replace(/-+$/, "")}${suffix}`;
    }
    taken.add(name);
    return { slo, name };
  });
}

/**
 * The tags slocc adds to the SLO, those of its own keys it sets to other values, and the tags its
 * alerts lose (they carry the SLO's tags and a severity).
 */
function tagChanges(service: string, owner: string, name: string, slo: AdoptedSlo): string[] {
  const sloTags = mergeTags(sloccTags(service, owner, name, undefined), ownTags(slo.tags));
  const added = sloTags.filter((tag) => !slo.tags.includes(tag));
  const replaced = slo.tags.filter((tag) => !sloTags.includes(tag));
  const changes = [
    ...(added.length > 0 ? [`tags added: ${added.join(", ")}`] : []),
    ...(replaced.length > 0 ? [`tags slocc sets itself, replaced: ${replaced.join(", ")}`] : []),
  ];
  for (const alert of slo.alerts) {
    const kept = mergeTags(sloTags, [`severity:${alert.severity}`]);
    const removed = mergeTags(alert.tags).filter((tag) => !kept.includes(tag));
    const alertChanges = [...alert.changes, ...(removed.length > 0 ? [`tags removed: ${removed.join(", ")}`] : [])];
    changes.push(...alertChanges.map((change) => `alert ${alert.monitorId}: ${change}`));
  }
  return changes;
}
