import { datadogMonitorUrl, datadogSloUrl } from "../datadog/app-url.js";
import { formatDuration } from "../human/duration.js";
import { formatBudgetShare, spentAsTime } from "../human/budget.js";
import { formatInstant, formatWallClock } from "../human/instant.js";
import {
  formatAvailability,
  formatNumber,
  formatPercent,
  formatPercentTenths,
  formatPoints,
} from "../human/numbers.js";
import { sloKey } from "../human/slo-key.js";
import type { PreviewAlert, PreviewSlo } from "../preview/report.js";
import { plural } from "../util/text.js";
import type { CatalogCorrection, CatalogJourney, CatalogService, CatalogSlo } from "../views/catalog.js";
import type { ObjectiveExplanation, TierExplanation } from "../views/explain.js";
import type { Occurrence } from "../views/occurrences.js";
import { formatSchedule } from "../views/schedule.js";
import { sliChart } from "./chart.js";
import { html, link, type Html } from "./html.js";
import { formatSli, primaryMeasurement, standing, type Standing } from "./measured.js";
import { reviewSentence, reviewStatusBadge } from "./review.js";
import { specLink, type SiteContext } from "./site-context.js";
import { sliWords } from "./sli-words.js";
import { optional } from "../util/optional.js";

/** The body of a service's page: its facts, its journeys, then each SLO, grouped by journey. */
export function serviceMain(service: CatalogService, site: SiteContext): Html {
  const environment =
    service.environment === undefined
      ? ""
      : html`<dt>Environment</dt><dd>${service.environment} (stack <code>${service.stack}</code>)</dd>\n`;
  const runbook =
    service.runbook === undefined ? "" : html`<dt>Runbook</dt><dd>${link(service.runbook, service.runbook)}</dd>\n`;
  const dashboard =
    service.dashboardTitle === undefined
      ? ""
      : html`<dt>Dashboard</dt><dd>“${service.dashboardTitle}” in Datadog</dd>\n`;
  const measured =
    site.preview === undefined
      ? ""
      : html`<dt>Measured</dt><dd>from ${formatInstant(site.preview.from)} to ${formatInstant(site.preview.to)}</dd>\n`;
  return html`<h1>${service.title}</h1>
${service.description === undefined ? "" : html`<p>${service.description}</p>\n`}<dl class="facts">
<dt>Owner</dt><dd>${service.owner}</dd>
${environment}<dt>Approvers</dt><dd>${service.approvers.length > 0 ? service.approvers.join(", ") : "none named"}</dd>
<dt>SLO review</dt><dd>${reviewStatusBadge(service.review)} ${reviewSentence(service.review)}</dd>
${runbook}${dashboard}<dt>Spec</dt><dd>${specLink(service.spec, site)}</dd>
${measured}</dl>
<h2 id="slos">SLOs</h2>
<ul>
${service.slos.map((slo) => html`<li><a href="#${sloAnchor(slo.name)}">${slo.title}</a>${summaryOf(slo, site)}</li>\n`)}</ul>
${service.journeys.length === 0 ? "" : journeysTable(service.journeys)}
${groupByJourney(service).map(
  ({
    journey,
    slos,
  }) => html`<h2 id="${journey === undefined ? "without-journey" : `journey-${journey.name}`}">${journey === undefined ? "SLOs without a journey" : html`Journey: ${journey.name}`}</h2>
${journey === undefined ? "" : journeyIntro(journey)}
${slos.map((slo) => sloSection(slo, site))}`,
)}`;
}

/** The id of an SLO's section in its service's page. */
export function sloAnchor(name: string): string {
  return `slo-${name}`;
}

/** The journeys in order, each with its SLOs; those without a journey last. */
function groupByJourney(service: CatalogService): { journey?: CatalogJourney; slos: CatalogSlo[] }[] {
  const groups: { journey?: CatalogJourney; slos: CatalogSlo[] }[] = [];
  for (const slo of service.slos) {
    const name = slo.explanation.journey?.name;
    const journey = service.journeys.find((candidate) => candidate.name === name);
    const group = groups.find((candidate) => candidate.journey?.name === journey?.name);
    if (group) group.slos.push(slo);
    else groups.push({ ...optional("journey", journey), slos: [slo] });
  }
  return groups;
}

/** `: 99.9% over 30d, error budget 43 min 12 s per 30 days` and, with measured data, the SLI. */
function summaryOf(slo: CatalogSlo, site: SiteContext): Html {
  const { objective, sli } = primaryMeasurement(slo, site.measured);
  const measured = site.preview === undefined ? "" : sli === null ? "; no data" : `; measured ${formatSli(sli)}`;
  return html`: ${formatPercent(objective.target)} over ${objective.window}, error budget ${budgetAsTime(objective)}${measured}`;
}

function journeysTable(journeys: readonly CatalogJourney[]): Html {
  return html`<h2 id="journeys">Journeys</h2>
<div class="scroll"><table>
<thead><tr><th scope="col">journey</th><th scope="col">serves</th><th scope="col" class="number">ceiling</th><th scope="col">weakest dependencies</th><th scope="col">SLOs</th></tr></thead>
<tbody>
${journeys.map((journey) => html`<tr><th scope="row"><a href="#journey-${journey.name}">${journey.name}</a></th><td>${journeyKind(journey.kind)}</td><td class="number">${journey.ceilingPercent === undefined ? "no dependencies named" : formatAvailability(journey.ceilingPercent)}</td><td>${weakest(journey)}</td><td>${journey.slos.length > 0 ? journey.slos.join(", ") : "none"}</td></tr>\n`)}</tbody>
</table></div>`;
}

function journeyKind(kind: CatalogJourney["kind"]): string {
  return kind === "user" ? "people (critical user journey)" : "machines (critical machine communication)";
}

/** The three weakest links: where redundancy or a better SLA would raise the ceiling most. */
function weakest(journey: CatalogJourney): string {
  return [...journey.links]
    .sort((a, b) => a.availability - b.availability)
    .slice(0, 3)
    .map((l) => `${l.label} ${formatAvailability(l.availability)}`)
    .join(", ");
}

function journeyIntro(journey: CatalogJourney): Html {
  const chain = journey.links.map((l) => `${l.label} (${formatAvailability(l.availability)})`).join(" × ");
  const ceiling =
    journey.ceilingPercent === undefined
      ? "No dependencies are named, so no ceiling is computed."
      : html`Dependency ceiling: <strong>${formatAvailability(journey.ceilingPercent)}</strong>, the best availability it can reach through ${chain}.`;
  return html`${journey.description === undefined ? "" : html`<p>${journey.description}</p>\n`}<p>Serves ${journeyKind(journey.kind)}. ${ceiling}</p>`;
}

function sloSection(slo: CatalogSlo, site: SiteContext): Html {
  const e = slo.explanation;
  const anchor = sloAnchor(slo.name);
  const measured = site.measured.get(sloKey(e.service, slo.name));
  const template = slo.template === undefined ? "" : html` from the template <code>${slo.template}</code>`;
  const datadog =
    slo.datadogId === undefined
      ? html`“${slo.title}”, created by slocc`
      : link(datadogSloUrl(site.datadogAppUrl, slo.datadogId, e.primaryWindow), html`the SLO ${slo.datadogId}`);
  const runbook = e.runbook === undefined ? "" : html`<li>Runbook: ${link(e.runbook, e.runbook)}</li>\n`;
  return html`<section class="slo" id="${anchor}" aria-labelledby="${anchor}-heading">
<h3 id="${anchor}-heading">${slo.title}</h3>
${slo.description === undefined ? "" : html`<p>${slo.description}</p>\n`}<dl class="facts">
<dt>SLO</dt><dd><code>${slo.name}</code>, ${e.sliKind} SLI${template}, primary window ${e.primaryWindow}</dd>
${journeyFact(slo)}<dt>In Datadog</dt><dd>${datadog}</dd>
<dt>Spec</dt><dd>${specLink(slo.spec, site)}</dd>
</dl>
<h4>What it measures</h4>
${sliSection(slo)}<h4>Objectives</h4>
${objectivesTable(slo, measured, site)}
${site.preview === undefined ? "" : measuredSection(slo, measured)}<h4>Alerts</h4>
${alertsSection(slo, site)}
<h4>Who is told</h4>
<ul>
<li>Paged: ${handles(e.notify.page)}</li>
<li>Ticketed: ${handles(e.notify.ticket)}</li>
${runbook}</ul>
${slo.corrections.length === 0 ? "" : correctionsSection(slo.corrections, site.today)}</section>
`;
}

function journeyFact(slo: CatalogSlo): Html {
  const journey = slo.explanation.journey;
  if (journey === undefined) return html``;
  const ceiling =
    journey.ceilingPercent === undefined
      ? ""
      : html`; dependency ceiling ${formatAvailability(journey.ceilingPercent)}`;
  const margin =
    journey.marginPoints === undefined
      ? ""
      : journey.marginPoints >= 0
        ? html`; margin under the ceiling ${formatPoints(journey.marginPoints)} points`
        : html`; <span class="status bad">target above the ceiling</span> by ${formatPoints(-journey.marginPoints)} points: it cannot be met without redundancy`;
  return html`<dt>Journey</dt><dd><a href="#journey-${journey.name}">${journey.name}</a>${ceiling}${margin}</dd>\n`;
}

function sliSection(slo: CatalogSlo): Html {
  const words = sliWords(slo.sli);
  return html`<p>${words.sentence}</p>
${words.queries.map((q) => html`<p class="muted">${q.label}:</p>\n<code class="query">${q.query}</code>\n`)}`;
}

/** `4 min 19 s per 30 days`. */
function budgetAsTime(objective: ObjectiveExplanation): string {
  return `${formatDuration(objective.budgetSeconds)} per ${objective.windowDays} days`;
}

function objectivesTable(slo: CatalogSlo, measured: PreviewSlo | undefined, site: SiteContext): Html {
  const e = slo.explanation;
  const withData = site.preview !== undefined;
  const badShare = (o: ObjectiveExplanation) =>
    o.badSlices === undefined
      ? `${formatPercent(o.budgetPercent)} of events (1 in ${o.oneBadIn})`
      : `${formatPercent(o.budgetPercent)} of the time (${plural(o.badSlices.count, "bad slice")} of ${formatDuration(o.badSlices.sliceSeconds)})`;
  const measuredHeadings = withData
    ? html`<th scope="col" class="number">measured SLI</th><th scope="col">budget spent</th>`
    : "";
  const row = (o: ObjectiveExplanation) => {
    const window = measured?.windows.find((w) => w.window === o.window);
    const cells = withData ? measuredCells(o, window?.sli ?? null, window?.budgetSpent ?? null) : "";
    return html`<tr><th scope="row">${o.window}</th><td class="number">${formatPercent(o.target)}</td><td class="number">${o.warning === undefined ? "none" : formatPercent(o.warning)}</td><td>${budgetAsTime(o)}</td><td>${badShare(o)}</td>${cells}</tr>\n`;
  };
  return html`<div class="scroll"><table>
<thead><tr><th scope="col">window</th><th scope="col" class="number">target</th><th scope="col" class="number">warning</th><th scope="col">error budget</th><th scope="col">may be bad</th>${measuredHeadings}</tr></thead>
<tbody>
${e.objectives.map(row)}</tbody>
</table></div>`;
}

const STANDING_WORDS: Readonly<Record<Standing, { readonly text: string; readonly tone: string }>> = {
  "below-target": { text: "below target", tone: "bad" },
  "below-warning": { text: "below warning", tone: "warn" },
  meets: { text: "meets target", tone: "good" },
};

function measuredCells(objective: ObjectiveExplanation, sli: number | null, spent: number | null): Html {
  if (sli === null) return html`<td class="number">no data</td><td>no data</td>`;
  const words = STANDING_WORDS[standing(sli, objective.target, objective.warning)];
  const budget =
    spent === null
      ? "no data"
      : `${formatBudgetShare(spent)}${spent > 1 ? " (overspent)" : ""}: ${spentAsTime(spent, objective.budgetSeconds)}`;
  return html`<td class="number">${formatSli(sli)} <span class="status ${words.tone}">${words.text}</span></td><td>${budget}</td>`;
}

const NO_DATA_REASONS: Readonly<Record<Exclude<PreviewSlo["status"], "ok">, string>> = {
  "no-data": "Datadog has no data for its queries over the window",
  skipped: "it was not measured",
  error: "measuring it failed",
};

function measuredSection(slo: CatalogSlo, measured: PreviewSlo | undefined): Html {
  const e = slo.explanation;
  if (measured === undefined)
    return html`<h4>Measured</h4>\n<p><strong>No data</strong>: the preview does not measure this SLO.</p>\n`;
  const problems =
    measured.problems.length === 0
      ? ""
      : html`<ul>\n${measured.problems.map((p) => html`<li><code>${p.code}</code> ${p.message}</li>\n`)}</ul>\n`;
  if (measured.status !== "ok")
    return html`<h4>Measured</h4>\n<p><strong>No data</strong>: ${NO_DATA_REASONS[measured.status]}.</p>\n${problems}`;
  const chart = sliChart({
    id: `${sloAnchor(slo.name)}-chart`,
    subject: slo.title,
    target: e.primary.target,
    days: measured.days,
    alerts: measured.alerts,
  });
  const drawn =
    chart === undefined
      ? html`<p>No data for any single day of the ${e.primaryWindow} window: no chart.</p>\n`
      : html`${chart}\n`;
  return html`<h4>Measured</h4>
${problems}${drawn}${measured.alerts.length === 0 ? "" : firingList(measured.alerts)}`;
}

function firingList(alerts: readonly PreviewAlert[]): Html {
  const item = (alert: PreviewAlert) => {
    const what =
      alert.kind === "burn-rate"
        ? `The ${alert.severity} alert at ${formatNumber(alert.factor)}x over ${alert.longWindow ?? "?"}/${alert.shortWindow ?? "?"}`
        : `The ${alert.severity} error-budget alert at ${formatPercent(alert.factor)} of the budget spent`;
    if (alert.episodes.length === 0) return html`<li>${what} would not have fired.</li>\n`;
    const times = alert.episodes.map(
      (episode) => `from ${formatInstant(episode.start)} to ${formatInstant(episode.end)}`,
    );
    return html`<li>${what} would have fired ${plural(alert.episodes.length, "time")}: ${times.join("; ")}.</li>\n`;
  };
  return html`<ul>\n${alerts.map(item)}</ul>\n`;
}

function alertsSection(slo: CatalogSlo, site: SiteContext): Html {
  const e = slo.explanation;
  const monitor = (id: number | undefined) =>
    id === undefined ? "" : html` (${link(datadogMonitorUrl(site.datadogAppUrl, id), html`monitor ${id}`)})`;
  const tiers = e.tiers.map(
    (tier, index) => html`<li>${tierSentence(tier)}${monitor(slo.tierMonitorIds[index])}</li>\n`,
  );
  const dropped = e.droppedTiers.map(
    (d) =>
      html`<li>Left out: the ${d.severity} tier at ${formatNumber(d.factor)}x over ${d.longWindowHours} h/${d.shortWindowMinutes} min, which ${d.reason}.</li>\n`,
  );
  const alert = e.errorBudgetAlert;
  const budget =
    alert === undefined
      ? ""
      : html`<li>Error budget alert: ${alert.warningPercent === undefined ? "" : `warns at ${formatPercent(alert.warningPercent)}, `}fires at ${formatPercent(alert.criticalPercent)} of the ${alert.window} budget spent${monitor(slo.errorBudgetMonitorId)}.</li>\n`;
  if (tiers.length === 0 && dropped.length === 0 && budget === "")
    return html`<p>No alerts: nobody is paged or ticketed when its budget burns.</p>`;
  return html`${tiers.length === 0 ? html`<p>No burn-rate alerts.</p>\n` : ""}<ul>\n${tiers}${dropped}${budget}</ul>`;
}

/** When a tier fires, how fast, and who hears it. */
function tierSentence(tier: TierExplanation): Html {
  const who = tier.severity === "page" ? "Pages" : "Opens a ticket";
  const origin = tier.origin === "default" ? " (Datadog's recommended tier.)" : "";
  return html`<strong>${who}</strong> when the ${tier.window} budget burns ${formatNumber(tier.factor)} times too fast over ${tier.longWindowHours} h (confirmed over the last ${tier.shortWindowMinutes} min): by then ${formatPercent(tier.budgetConsumedPercent)} of the budget is spent. A full outage fires it after ${formatDuration(tier.secondsToFireAtFullOutage)}; at that rate the budget is gone in ${formatDuration(tier.secondsToExhaustion)}.${origin}`;
}

function handles(list: readonly string[]): Html {
  if (list.length === 0) return html`nobody`;
  return html`${list.map((handle, index) => html`${index > 0 ? ", " : ""}<code>${handle}</code>`)}`;
}

function correctionsSection(corrections: readonly CatalogCorrection[], today: string): Html {
  const item = ({ correction: c, state, next }: CatalogCorrection) => {
    const name = c.name === undefined ? "" : html`<strong>${c.name}</strong>: `;
    const scope = c.scope === "service" ? ", for every SLO of the service" : "";
    const description = c.description === undefined ? "" : html` “${c.description}”`;
    const excluded = (c.excluded ?? []).map(
      (x) =>
        html`<li>takes ${formatDuration(x.seconds)} out of the ${x.window} window, ${formatPercentTenths(x.budgetPercent)} of its error budget (${formatDuration(x.budgetSeconds)})</li>`,
    );
    return html`<li>${name}${c.category}${scope}${description}<br>${formatSchedule(c)}. ${correctionState(state, next, c.timezone, today)}${excluded.length > 0 ? html`<ul>${excluded}</ul>` : ""}</li>\n`;
  };
  return html`<h4>Corrections</h4>
<p class="muted">Planned time that does not count against the budget.</p>
<ul>
${corrections.map(item)}</ul>
`;
}

function correctionState(
  state: CatalogCorrection["state"],
  next: readonly Occurrence[],
  zone: string,
  today: string,
): string {
  const when = (o: Occurrence) => `${formatWallClock(o.start, zone)} to ${formatWallClock(o.end, zone)}`;
  switch (state) {
    case "past":
      return `Over before ${today}.`;
    case "finished":
      return `Its last time was before ${today}.`;
    case "ongoing":
      return `Going on as of ${today}.`;
    case "upcoming":
      return `Upcoming as of ${today}.`;
    case "recurring":
      return `Next times from ${today} (${zone}): ${next.map(when).join("; ")}.`;
  }
}
