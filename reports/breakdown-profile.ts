// A breakdown of a large network (more than maxFacets municipalities), where a bar per municipality
// would be hundreds of bars: one row per category, in the dimension's order and colours, with the
// network mean as a bar and the spread of the municipalities' published values as a line from the
// first to the third quartile. Shares of a total thus read as the network's composition. Written as
// SVG text like dot-chart.ts (no DOM): a national page draws it in well under a millisecond.
import type { BreakdownChartInput } from "./breakdown-bars.js";
import { breakdownTitle } from "./breakdown-index.js";
import { categoryColours, swatch } from "./breakdown-palette.js";
import { axisLabel, chartWidth, tick } from "./chart.js";
import { niceScale } from "./dot-chart.js";
import { escapeHtml, html, raw, type Html } from "./html.js";
import { quantile } from "./trend-chart.js";

const rowHeight = 24;
const nameRight = 274;
const plotLeft = 284;
const plotRight = 604;
const valueRight = chartWidth - 4;
const top = 40;
const bottom = 40;
const bandColour = "#f1f3f6";
const round = (v: number) => Math.round(v * 10) / 10;
const shortLabel = (s: string) => (s.length > 47 ? `${s.slice(0, 46).trimEnd()}…` : s);

export function renderCategoryProfile(input: BreakdownChartInput): Html {
  const { id, breakdown: b, year, gender, words: w } = input;
  const d = w.breakdown;
  const ind = b.indicator;
  const colours = categoryColours(b.categories);
  const municipalities = input.rows.filter((r) => !r.network);
  const network = input.rows.find((r) => r.network);
  let unpublished = 0;
  const stats = b.categories.map((_, k) => {
    const values: number[] = [];
    for (const m of municipalities) {
      const f = b.figures[k].get(m.code)?.get(year)?.[gender];
      if (f && f.status === "" && f.value !== null) values.push(f.value);
      else unpublished++;
    }
    values.sort((x, y) => x - y);
    const n = network ? b.figures[k].get(network.code)?.get(year)?.[gender] : undefined;
    const mean = n && n.status === "" && n.value !== null ? n.value : null;
    return { mean, symbol: w.n.symbol(n), q1: values.length ? quantile(values, 0.25) : null, q3: values.length ? quantile(values, 0.75) : null, n: values.length };
  });
  const all = stats.flatMap((s) => [s.mean, s.q3].filter((v): v is number => v !== null));
  const { domain, ticks } = niceScale(0, Math.max(0, ...all), 5);
  const x = (v: number) => round(plotLeft + ((v - domain[0]) / (domain[1] - domain[0])) * (plotRight - plotLeft));
  const meanText = (v: number) => w.n.valueOf(ind, v, true);
  const height = top + b.categories.length * rowHeight + bottom;
  const rowsBottom = top + b.categories.length * rowHeight;
  const cy = (k: number) => top + k * rowHeight + rowHeight / 2;

  const parts: string[] = [];
  parts.push(`<g fill="${bandColour}">`);
  for (let k = 1; k < b.categories.length; k += 2) parts.push(`<rect x="0" y="${top + k * rowHeight}" width="${chartWidth}" height="${rowHeight}"/>`);
  parts.push("</g>");
  parts.push(`<path stroke="#d4d4d4" d="${ticks.map((t) => `M${x(t)},${top - 4}V${rowsBottom + 4}`).join("")}"/>`);
  parts.push(`<g class="axis" text-anchor="middle" fill="currentColor">`);
  for (const t of ticks) parts.push(`<text x="${x(t)}" y="${top - 8}">${escapeHtml(tick(t, w))}</text><text x="${x(t)}" y="${rowsBottom + 16}">${escapeHtml(tick(t, w))}</text>`);
  parts.push("</g>");
  parts.push(`<text x="${plotRight}" y="${rowsBottom + 32}" text-anchor="end" fill="currentColor">${escapeHtml(`${axisLabel(ind, w)} ${year} →`)}</text>`);
  parts.push(`<g text-anchor="end" fill="currentColor" font-weight="600"><text x="${valueRight}" y="14">${escapeHtml(w.chart.meanShort)}</text><text x="${valueRight}" y="${top - 8}">${year}</text></g>`);
  const names: string[] = [], values: string[] = [], bars: string[] = [], spreads: string[] = [];
  b.categories.forEach((c, k) => {
    const s = stats[k];
    const y = cy(k);
    names.push(`<text x="${nameRight}" y="${round(y + 3.8)}">${escapeHtml(shortLabel(w.name(c)))}</text>`);
    values.push(`<text x="${valueRight}" y="${round(y + 3.8)}">${escapeHtml(s.mean === null ? s.symbol : meanText(s.mean))}</text>`);
    if (s.mean !== null && s.mean > 0) bars.push(`<rect x="${x(0)}" y="${round(y - 7)}" width="${round(x(s.mean) - x(0))}" height="14" fill="${colours[k]}"/>`);
    if (s.q1 !== null && s.q3 !== null) spreads.push(`M${x(s.q1)},${y}H${x(s.q3)}M${x(s.q1)},${y - 5}v10M${x(s.q3)},${y - 5}v10`);
  });
  parts.push(`<g class="names" text-anchor="end" fill="currentColor">${names.join("")}</g>`);
  parts.push(`<g class="means">${bars.join("")}</g>`);
  parts.push(`<path class="spread" stroke="#ffffff" stroke-width="3.2" d="${spreads.join("")}"/><path class="spread" stroke="#1b1b1b" stroke-width="1.6" d="${spreads.join("")}"/>`);
  parts.push(`<g class="values" text-anchor="end" fill="currentColor">${values.join("")}</g>`);

  const who = gender === "T" ? d.totalWho : w.gender[gender].toLowerCase();
  const title = d.networkTitle(breakdownTitle(b, w), year);
  const svg = `<svg class="kas-chart kas-profile" width="${chartWidth}" height="${height}" viewBox="0 0 ${chartWidth} ${height}" role="img" aria-label="${escapeHtml(w.chart.diagram(title))}" aria-describedby="${id}-desc" focusable="false" font-size="11" style="background:#ffffff;color:#1b1b1b">${parts.join("")}</svg>`;
  const fewest = Math.min(...stats.map((s) => s.n));
  const spreadKey = `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false"><path d="M4 7H24M4 2v10M24 2v10" stroke="#1b1b1b" stroke-width="1.6"/></svg>`;
  return html`<figure class="chart chart-breakdown chart-profile" id="${id}">
${raw(svg)}
<ul class="legend" aria-label="${w.chart.legend}"><li>${swatch(colours[0])}${d.profileBarKey}</li><li>${raw(spreadKey)}${w.chart.middleHalf}</li></ul>
<figcaption id="${id}-desc"><strong>${title}</strong>, ${who}: ${d.profileHow(unpublished, municipalities.length * b.categories.length, fewest > 0 && fewest < municipalities.length ? fewest : null)}</figcaption>
</figure>`;
}
