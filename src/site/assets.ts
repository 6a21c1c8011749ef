/**
 * The files every page shares, written into the site beside the pages: nothing is loaded from
 * elsewhere (no CDN, no web font: the system's own fonts). Colours keep a contrast of at least
 * 4.5:1 against their background; nothing is told by colour alone.
 */

/** The stylesheet: readable on a phone (tables scroll sideways), and in print (no filter, links spelled out). */
export const STYLESHEET = `:root {
  --text: #1b1b1b;
  --muted: #4a4a4a;
  --line: #c8c8c8;
  --link: #0b57d0;
  --panel: #f4f5f7;
  --bad: #a1221b;
  --bad-panel: #fdecec;
  --warn: #6b4e00;
  --warn-panel: #fff4d6;
  --good: #1d5e20;
  --good-panel: #e8f5e9;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto;
  padding: 1rem;
  max-width: 72rem;
  color: var(--text);
  background: #fff;
  overflow-wrap: break-word;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
}
a { color: var(--link); }
a:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1 { font-size: 1.75rem; margin: 0.5rem 0; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
code, .query { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
.query { display: block; padding: 0.25rem 0.5rem; background: var(--panel); overflow-wrap: anywhere; white-space: pre-wrap; }
.muted, .note { color: var(--muted); }
.description { font-weight: normal; }
.crumbs { margin: 0; font-size: 0.9rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5rem 0; min-width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: var(--panel); }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.slo { border: 1px solid var(--line); border-radius: 6px; padding: 0 1rem 1rem; margin: 1.5rem 0; }
.status { display: inline-block; padding: 0 0.4rem; border-radius: 4px; font-weight: 600; }
.status.bad { color: var(--bad); background: var(--bad-panel); }
.status.warn { color: var(--warn); background: var(--warn-panel); }
.status.good { color: var(--good); background: var(--good-panel); }
.status.none { color: var(--muted); background: var(--panel); }
.filter { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 1rem 0; }
.filter input, .filter select { font: inherit; padding: 0.2rem 0.4rem; }
.chart { margin: 1rem 0; }
.chart svg { display: block; width: 100%; max-width: 48rem; height: auto; }
.chart figcaption { color: var(--muted); font-size: 0.9rem; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis { fill: var(--muted); font-size: 11px; font-family: inherit; }
.chart .target { stroke: var(--bad); stroke-width: 1.5; stroke-dasharray: 6 4; }
.chart .sli { fill: none; stroke: var(--link); stroke-width: 2; }
.chart .day { fill: var(--link); }
.chart .day.below { fill: var(--bad); }
.chart .episode.page { fill: #a1221b33; }
.chart .episode.ticket { fill: #6b4e0026; }
.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.9rem; color: var(--muted); margin: 0.25rem 0; padding: 0; list-style: none; }
footer { margin-top: 3rem; font-size: 0.9rem; color: var(--muted); }
@media (max-width: 40rem) {
  body { padding: 0.5rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.4rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .filter, .no-print { display: none !important; }
  tr[hidden] { display: table-row !important; }
  .slo { break-inside: avoid-page; border: none; padding: 0; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.8em; overflow-wrap: anywhere; }
}
`;

/**
 * Filters the index by text and owner. The page lists every service without it; the script only
 * shows the filter and hides the rows that do not match. It writes text with textContent only.
 */
export const FILTER_SCRIPT = `"use strict";
(function () {
  var form = document.getElementById("filter");
  var text = document.getElementById("filter-text");
  var owner = document.getElementById("filter-owner");
  var count = document.getElementById("filter-count");
  if (!form || !text || !owner || !count) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-text]"));
  function apply() {
    var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var chosen = owner.value;
    var shown = 0;
    rows.forEach(function (row) {
      var haystack = row.getAttribute("data-text") || "";
      var matches =
        (chosen === "" || row.getAttribute("data-owner") === chosen) &&
        words.every(function (word) { return haystack.indexOf(word) >= 0; });
      row.hidden = !matches;
      if (matches) shown += 1;
    });
    count.textContent = shown + " of " + rows.length + " shown";
  }
  form.hidden = false;
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
`;
