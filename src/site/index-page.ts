import { formatInstant } from "../human/instant.js";
import { compareText, plural } from "../util/text.js";
import type { CatalogService } from "../views/catalog.js";
import { html, safeUrl, type Html } from "./html.js";
import { primaryMeasurement } from "./measured.js";
import { reviewStatusBadge } from "./review.js";
import type { SiteContext } from "./site-context.js";

/** The page of a service instance, relative to the site's root. */
export function servicePath(stack: string): string {
  return `services/${stack}.html`;
}

/**
 * The index: every service instance in a table (owner, SLOs, review status, journeys), all listed
 * without scripts; the filter by text and owner appears only where the script runs.
 */
export function indexMain(services: readonly CatalogService[], site: SiteContext): Html {
  const owners = [...new Set(services.map((service) => service.owner))].sort(compareText);
  const slos = services.reduce((sum, service) => sum + service.slos.length, 0);
  const overdue = services.filter((service) => service.review.status === "overdue").length;
  const names = new Set(services.map((service) => service.name)).size;
  const stacks = services.length === names ? "" : ` in ${plural(services.length, "stack")}`;
  const measured =
    site.preview === undefined
      ? ""
      : ` Measured from ${formatInstant(site.preview.from)} to ${formatInstant(site.preview.to)}.`;
  return html`<h1>Service level objectives</h1>
<p>${plural(names, "service")}${stacks}, ${plural(slos, "SLO")}${overdue > 0 ? html`; ${plural(overdue, "review")} <span class="status bad">overdue</span>` : ""}. Reviews are judged as of ${site.today}.${measured}</p>
<form class="filter" id="filter" role="search" hidden>
<label for="filter-text">Find</label>
<input id="filter-text" type="search" autocomplete="off" placeholder="service, owner, journey, SLO">
<label for="filter-owner">Owner</label>
<select id="filter-owner"><option value="">every owner</option>${owners.map((owner) => html`<option value="${owner}">${owner}</option>`)}</select>
<output id="filter-count" aria-live="polite"></output>
</form>
<div class="scroll"><table id="services">
<caption>Services</caption>
<thead><tr><th scope="col">service</th><th scope="col">owner</th><th scope="col" class="number">SLOs</th><th scope="col">review</th><th scope="col">journeys</th>${site.preview === undefined ? "" : html`<th scope="col">measured</th>`}</tr></thead>
<tbody>
${services.map((service) => serviceRow(service, site))}</tbody>
</table></div>`;
}

function serviceRow(service: CatalogService, site: SiteContext): Html {
  const searchable = [
    service.stack,
    service.title,
    service.owner,
    ...service.journeys.map((journey) => journey.name),
    ...service.slos.flatMap((slo) => [slo.name, slo.title]),
  ]
    .join(" ")
    .toLowerCase();
  const description =
    service.description === undefined ? "" : html`<br><span class="description">${service.description}</span>`;
  const due =
    service.review.due === undefined ? "" : html`<br><span class="muted">next due ${service.review.due}</span>`;
  const journeys = service.journeys.length === 0 ? "none" : service.journeys.map((journey) => journey.name).join(", ");
  const measured = site.preview === undefined ? "" : html`\n<td>${measuredSummary(service, site)}</td>`;
  return html`<tr data-owner="${service.owner}" data-text="${searchable}">
<th scope="row"><a href="${safeUrl(servicePath(service.stack))}">${service.title}</a>${description}</th>
<td>${service.owner}</td>
<td class="number">${service.slos.length}</td>
<td>${reviewStatusBadge(service.review)}${due}</td>
<td>${journeys}</td>${measured}
</tr>
`;
}

/** `2 of 5 below target`, with the SLOs without data counted, or `no data`. */
function measuredSummary(service: CatalogService, site: SiteContext): string {
  let below = 0;
  let missing = 0;
  for (const slo of service.slos) {
    const { objective, sli } = primaryMeasurement(slo, site.measured);
    if (sli === null) missing++;
    else if (sli < objective.target) below++;
  }
  const measured = service.slos.length - missing;
  if (measured === 0) return "no data";
  return `${below} of ${measured} below target${missing > 0 ? `, ${missing} without data` : ""}`;
}
