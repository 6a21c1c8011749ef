import { formatInstant } from "../human/instant.js";
import { formatPercent } from "../human/numbers.js";
import type { PreviewAlert, PreviewDay } from "../preview/report.js";
import { plural } from "../util/text.js";
import { html, type Html } from "./html.js";
import { formatSli } from "./measured.js";

/** What the chart of one SLO draws. */
export interface ChartInput {
  /** A prefix for the ids of the chart's parts, unique in the page. */
  readonly id: string;
  /** What the chart is of, for its text alternative: the SLO's title. */
  readonly subject: string;
  /** The target of the window the days cover, in percent. */
  readonly target: number;
  readonly days: readonly PreviewDay[];
  readonly alerts: readonly PreviewAlert[];
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 64;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 30;
const PLOT_WIDTH = WIDTH - LEFT - RIGHT;
const PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;
const DAY_MS = 86_400_000;

/** A coordinate to a tenth of a pixel: enough for the eye, and the same bytes on every machine. */
function coordinate(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * The daily SLI against the target line, as an inline SVG: one dot a day (red below the target),
 * joined by a line where days follow each other, gaps where a day has no data, and the stretches
 * where an alert would have fired shaded. Its text alternative is a title and a summary sentence
 * (also shown as the caption), and the values are in a table below it. Undefined without any measured day.
 */
export function sliChart(input: ChartInput): Html | undefined {
  const { days, target } = input;
  const measured = days.flatMap((day, index) => (day.sli === null ? [] : [{ date: day.date, sli: day.sli, index }]));
  const lowest = measured.reduce<(typeof measured)[number] | undefined>(
    (low, day) => (low === undefined || day.sli < low.sli ? day : low),
    undefined,
  );
  if (lowest === undefined) return undefined;
  // From a little below the lowest of the target and the days, up to 100%: the target line always shows.
  const floor = Math.min(target, lowest.sli);
  const bottom = Math.max(0, floor - Math.max((100 - floor) * 0.25, 0.01));
  const y = (sli: number) => TOP + ((100 - sli) / (100 - bottom)) * PLOT_HEIGHT;
  const x = (index: number) => LEFT + ((index + 0.5) * PLOT_WIDTH) / days.length;
  const firstDay = Date.parse(`${days[0]?.date ?? ""}T00:00:00Z`);
  const xAt = (iso: string) =>
    LEFT + Math.min(1, Math.max(0, (Date.parse(iso) - firstDay) / (days.length * DAY_MS))) * PLOT_WIDTH;

  const runs: { x: number; y: number }[][] = [];
  days.forEach((day, index) => {
    if (day.sli === null) return;
    const point = { x: x(index), y: y(day.sli) };
    const run = runs[runs.length - 1];
    if (run !== undefined && index > 0 && days[index - 1]?.sli !== null) run.push(point);
    else runs.push([point]);
  });
  const lines = runs
    .filter((run) => run.length > 1)
    .map(
      (run) =>
        html`<polyline class="sli" points="${run.map((p) => `${coordinate(p.x)},${coordinate(p.y)}`).join(" ")}"/>\n`,
    );
  const dots = measured.map(
    (day) =>
      html`<circle class="${day.sli < target ? "day below" : "day"}" cx="${coordinate(x(day.index))}" cy="${coordinate(y(day.sli))}" r="3"><title>${day.date}: ${formatSli(day.sli)}</title></circle>\n`,
  );
  const episodes = input.alerts.flatMap((alert) =>
    alert.episodes.flatMap((episode) => {
      const from = xAt(episode.start);
      const width = Math.max(xAt(episode.end) - from, 2);
      if (from >= LEFT + PLOT_WIDTH) return [];
      return [
        html`<rect class="episode ${alert.severity}" x="${coordinate(from)}" y="${TOP}" width="${coordinate(width)}" height="${PLOT_HEIGHT}"><title>${alert.severity} alert firing from ${formatInstant(episode.start)} to ${formatInstant(episode.end)}</title></rect>\n`,
      ];
    }),
  );
  const gridAt = (sli: number, label: string, className: string) =>
    html`<line class="${className}" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${coordinate(y(sli))}" y2="${coordinate(y(sli))}"/><text class="axis" x="${LEFT - 6}" y="${coordinate(y(sli) + 4)}" text-anchor="end">${label}</text>\n`;
  const first = days[0]?.date ?? "";
  const last = days[days.length - 1]?.date ?? "";
  const title = `Daily SLI of ${input.subject} against its ${formatPercent(target)} target, ${first} to ${last}`;
  const summary = chartSummary(input, measured.length, lowest);
  const legendEpisodes = episodes.length > 0 ? html`<li>shaded: when an alert would have fired</li>` : "";
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${input.id}-title">${title}</title>
<desc id="${input.id}-desc">${summary}</desc>
${episodes}${gridAt(100, "100%", "grid")}${gridAt(bottom, formatPercent(Number(bottom.toFixed(3))), "grid")}${gridAt(target, formatPercent(target), "target")}${lines}${dots}<text class="axis" x="${LEFT}" y="${HEIGHT - 8}">${first}</text>
<text class="axis" x="${WIDTH - RIGHT}" y="${HEIGHT - 8}" text-anchor="end">${last}</text>
</svg>
<figcaption>${summary}</figcaption>
<ul class="legend"><li>dots: the SLI of each day (red: below the target)</li><li>dashed line: the ${formatPercent(target)} target</li>${legendEpisodes}</ul>
<details class="no-print"><summary>The SLI of each day</summary>
<div class="scroll"><table><thead><tr><th scope="col">day</th><th scope="col" class="number">SLI</th></tr></thead><tbody>
${days.map((day) => html`<tr><td>${day.date}</td><td class="number">${day.sli === null ? "no data" : formatSli(day.sli)}</td></tr>\n`)}</tbody></table></div>
</details>
</figure>`;
}

/** `Lowest 99.12% on 2026-10-20; 3 of 30 days below the 99.9% target; 1 day without data; alerts would have fired 2 times.` */
function chartSummary(input: ChartInput, measuredDays: number, lowest: { date: string; sli: number }): string {
  const below = input.days.filter((day) => day.sli !== null && day.sli < input.target).length;
  const missing = input.days.length - measuredDays;
  const firings = input.alerts.reduce((sum, alert) => sum + alert.episodes.length, 0);
  const parts = [
    `Lowest ${formatSli(lowest.sli)} on ${lowest.date}`,
    `${below} of ${plural(input.days.length, "day")} below the ${formatPercent(input.target)} target`,
    ...(missing > 0 ? [`${plural(missing, "day")} without data`] : []),
    firings > 0 ? `alerts would have fired ${plural(firings, "time")}` : "no alert would have fired",
  ];
  return `${parts.join("; ")}.`;
}
