// One indicator for a large network (more than maxFacets municipalities) as compact row charts: one
// row per municipality, sorted by the latest year's total; women as a ring around men's square (so
// equal values stay visible), the total as a tick with an arrow from the previous year's total, the
// network mean as a dashed rule labelled with its value and number of municipalities. The axis comes
// from the data; a chart with no published value is a note instead. Chunks of at most maxRowsPerChart rows, each its own figure, so a printed chart stays
// whole on one A4 page (290 → 5 × 49 + 45). The SVG is written as text, not through Plot in jsdom: 290 rows × 6
// indicators took seconds there and milliseconds here.
import { axisLabel, chartGenders, chartWidth, emptyChart, genderStyle, meanCount, swatchLine, tick, valueScale, type ChartInput, type Gender } from "./chart.js";
import { html, raw, type Html } from "./html.js";
import type { Figure } from "./model.js";
import type { Words } from "./words.js";

/** Rows per chart: 55 rows of 13 px plus axes are 211 mm, which leaves room on an A4 page (273 mm
 *  inside the margins) for the legend and a caption of up to ten lines; 60 rows left 1 mm. */
export const maxRowsPerChart = 55;
const rowHeight = 13;
const nameRight = 152; // names are right-aligned next to the plot
const plotLeft = 160;
const plotRight = 606;
const valueRight = chartWidth - 4; // the latest total in text, right-aligned
const top = 44;
const bottom = 40;
const trendColour = "#5c5c5c"; // 6.6:1 on white, 6:1 on the row bands
const bandColour = "#f1f3f6";

/** Rows split into as few charts as needed, all of about the same size: 290 → 5 × 49 + 45. */
export function rowChunks<T>(rows: readonly T[], max = maxRowsPerChart): T[][] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`invalid chunk size: ${max}`);
  const parts = Math.max(1, Math.ceil(rows.length / max));
  const size = Math.max(1, Math.ceil(rows.length / parts));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks.length > 0 ? chunks : [[]];
}

/** A linear scale's domain extended to round steps (moved to chart.ts; here for its importers). */
export { niceScale } from "./chart.js";

interface Row {
  name: string;
  /** the latest year's value of the sort gender (the total where published) */
  key: number | null;
  keyText: string;
  /** the previous year's value of the sort gender */
  previous: number | null;
  marks: { gender: Gender; value: number }[];
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Municipality names longer than the name column are cut; the table shows them in full. */
function shortName(name: string): string {
  return name.length > 24 ? `${name.slice(0, 23).trimEnd()}…` : name;
}

/** The row charts of one indicator: one <figure> per chunk of municipalities. */
export function renderDotCharts(input: ChartInput): Html {
  const { id, indicator, municipalities, years, words: w } = input;
  const genders = chartGenders(indicator);
  const keyGender: Gender = indicator.genders.includes("T") ? "T" : genders[0];
  const latest = years[years.length - 1];
  const previousYear = years.length > 1 ? years[years.length - 2] : null;
  const byKey = new Map<string, Figure>();
  for (const f of input.figures) byKey.set(`${f.municipality}|${f.year}|${f.gender}`, f);
  const published = (m: string, y: number | null, g: Gender): number | null => {
    if (y === null) return null;
    const f = byKey.get(`${m}|${y}|${g}`);
    return f !== undefined && f.status === "" && f.value !== null ? f.value : null;
  };

  const rows: Row[] = municipalities.map((m) => {
    const marks: Row["marks"] = [];
    for (const g of genders) {
      const v = published(m.code, latest, g);
      if (v !== null) marks.push({ gender: g, value: v });
    }
    const key = published(m.code, latest, keyGender);
    const keyText = key !== null ? w.n.byIndicator(indicator, key) : w.n.symbol(byKey.get(`${m.code}|${latest}|${keyGender}`));
    return { name: m.name, key, keyText, previous: published(m.code, previousYear, keyGender), marks };
  });
  rows.sort((a, b) => (a.key === null ? 1 : 0) - (b.key === null ? 1 : 0) || (b.key ?? 0) - (a.key ?? 0) || w.collator.compare(a.name, b.name));

  const means = new Map<Gender, number>();
  for (const g of new Set<Gender>([...genders, keyGender])) {
    const v = published("network", latest, g);
    if (v !== null) means.set(g, v);
  }
  const mean = means.get(keyGender) ?? null;
  const n = mean === null ? "" : meanCount([byKey.get(`network|${latest}|${keyGender}`)?.denominator ?? 0], w);
  const values = rows.flatMap((r) => [...r.marks.map((m) => m.value), ...(r.key === null ? [] : [r.key]), ...(r.previous === null ? [] : [r.previous])]);
  const scale = valueScale(indicator, mean === null ? values : [...values, mean]);
  if (scale === null || rows.every((r) => r.key === null && r.marks.length === 0)) return emptyChart(`${id}-1`, w.chart.byMunicipalityIn(w.name(indicator), latest, ""), w);
  const { domain, ticks } = scale;
  const x = (v: number) => round(plotLeft + ((v - domain[0]) / (domain[1] - domain[0])) * (plotRight - plotLeft));

  const chunks = rowChunks(rows);
  let first = 1;
  return html`${chunks.map((chunk, k) => {
    const from = first;
    first += chunk.length;
    return figure({ id: `${id}-${k + 1}`, words: w, indicator, genders, keyGender, latest, previousYear, chunk, from, total: rows.length, part: k + 1, parts: chunks.length, x, ticks, mean, means, n, missing: countMissing(chunk, genders) });
  })}`;
}

/** The unpublished values of women and men in a chunk (the total's are written out as .. or -). */
function countMissing(chunk: readonly Row[], genders: readonly Gender[]): number {
  const kAndM = genders.filter((g) => g !== "T");
  return chunk.reduce((n, r) => n + kAndM.filter((g) => !r.marks.some((m) => m.gender === g)).length, 0);
}

interface FigureInput {
  id: string; words: Words; indicator: ChartInput["indicator"]; genders: Gender[]; keyGender: Gender; latest: number; previousYear: number | null;
  chunk: readonly Row[]; from: number; total: number; part: number; parts: number;
  x: (v: number) => number; ticks: number[]; mean: number | null; means: ReadonlyMap<Gender, number>; n: string; missing: number;
}

function figure(o: FigureInput): Html {
  const { id, words: w, indicator, genders, keyGender, latest, previousYear, chunk, x, ticks, mean } = o;
  const c = w.chart;
  const meanText = (v: number) => w.n.valueOf(indicator, v, true);
  const height = top + chunk.length * rowHeight + bottom;
  const rowsBottom = top + chunk.length * rowHeight;
  const cy = (i: number) => top + i * rowHeight + rowHeight / 2;
  const parts: string[] = [];

  // zebra bands across names, marks and values, so a row can be followed by eye
  parts.push(`<g fill="${bandColour}">`);
  for (let i = 1; i < chunk.length; i += 2) parts.push(`<rect x="0" y="${top + i * rowHeight}" width="${chartWidth}" height="${rowHeight}"/>`);
  parts.push("</g>");
  // grid and ticks, above and below the rows
  parts.push(`<path stroke="#d4d4d4" d="${ticks.map((t) => `M${x(t)},${top - 4}V${rowsBottom + 4}`).join("")}"/>`);
  parts.push(`<g class="axis" text-anchor="middle" fill="currentColor">`);
  for (const t of ticks) parts.push(html`<text x="${x(t)}" y="${top - 8}">${tick(t, w)}</text><text x="${x(t)}" y="${rowsBottom + 16}">${tick(t, w)}</text>`.value);
  parts.push("</g>");
  parts.push(html`<text x="${plotRight}" y="${rowsBottom + 32}" text-anchor="end" fill="currentColor">${axisLabel(indicator, w)} ${latest} →</text>`.value);
  parts.push(html`<g text-anchor="end" fill="currentColor" font-weight="600"><text x="${valueRight}" y="14">${w.gender[keyGender]}</text><text x="${valueRight}" y="${top - 8}">${latest}</text></g>`.value);

  // the network mean: a dashed rule through every row with its value on top
  if (mean !== null) {
    const mx = x(mean);
    const label = `${c.meanShort} ${meanText(mean)}${o.n ? ` (${o.n})` : ""}`;
    const lx = Math.min(Math.max(mx, plotLeft + label.length * 3.3), plotRight - label.length * 3.3);
    parts.push(html`<g class="mean"><path stroke="#1b1b1b" stroke-width="1.5" stroke-dasharray="6 3" d="M${mx},${top - 26}V${rowsBottom + 4}"/><text x="${round(lx)}" y="14" text-anchor="middle" font-weight="600" fill="currentColor">${label}</text></g>`.value);
  }

  // names and the latest value of the sort gender in text
  const names: string[] = [], texts: string[] = [];
  chunk.forEach((r, i) => {
    const y = round(cy(i) + 3.8);
    names.push(html`<text x="${nameRight}" y="${y}">${shortName(r.name)}</text>`.value);
    texts.push(html`<text x="${valueRight}" y="${y}">${r.keyText}</text>`.value);
  });
  parts.push(`<g class="names" text-anchor="end" fill="currentColor">${names.join("")}</g><g class="values" text-anchor="end" fill="currentColor">${texts.join("")}</g>`);

  // the trend of the sort gender: an arrow from the previous year's value to the latest
  const shafts: string[] = [], heads: string[] = [];
  chunk.forEach((r, i) => {
    if (r.key === null || r.previous === null) return;
    const x1 = x(r.previous), x2 = x(r.key), dir = Math.sign(x2 - x1);
    if (Math.abs(x2 - x1) < 6) return; // too small to show as an arrow at this scale
    const y = cy(i);
    shafts.push(`M${x1},${y}H${round(x2 - dir * 5)}`);
    heads.push(`M${x2},${y}l${-dir * 6},-3.5v7z`);
  });
  if (shafts.length > 0) parts.push(`<g class="trend"><path stroke="${trendColour}" stroke-width="1.5" d="${shafts.join("")}"/><path fill="${trendColour}" d="${heads.join("")}"/></g>`);
  // the total as a tick where women and men are drawn; alone it is the only mark
  const ticksOfKey = chunk.flatMap((r, i) => (r.key === null ? [] : [`M${x(r.key)},${cy(i) - 5}v10`]));
  if (ticksOfKey.length > 0) parts.push(`<path class="marks-${keyGender}" stroke="${genderStyle.T.colour}" stroke-width="2" d="${ticksOfKey.join("")}"/>`);
  // men's filled square under women's ring: where the two are equal the ring circles the square
  for (const g of (["M", "K"] as const).filter((g) => genders.includes(g))) {
    const s = genderStyle[g];
    parts.push(g === "K" ? `<g class="marks-K" fill="none" stroke="${s.colour}" stroke-width="1.7">` : `<g class="marks-M" fill="${s.colour}" stroke="#ffffff" stroke-width="0.6">`);
    chunk.forEach((r, i) => {
      const m = r.marks.find((p) => p.gender === g);
      if (!m) return;
      parts.push(g === "K" ? `<circle cx="${x(m.value)}" cy="${cy(i)}" r="4.4"/>` : `<rect x="${round(x(m.value) - 2.9)}" y="${round(cy(i) - 2.9)}" width="5.8" height="5.8"/>`);
    });
    parts.push("</g>");
  }

  const title = c.byMunicipalityIn(w.name(indicator), latest, o.parts > 1 ? w.part(o.part, o.parts) : "");
  const svg = `<svg class="kas-chart kas-rows" width="${chartWidth}" height="${height}" viewBox="0 0 ${chartWidth} ${height}" role="img" aria-label="${html`${c.diagram(title)}`.value}" aria-describedby="${id}-desc" focusable="false" font-size="11" style="background:#ffffff;color:#1b1b1b">${parts.join("")}</svg>`;

  const kAndM = genders.filter((g) => g !== "T");
  const lower = (g: Gender) => w.gender[g].toLowerCase();
  const key = lower(keyGender);
  const legend = [
    ...kAndM.map((g) => html`<li>${raw(g === "K" ? swatch(`<circle cx="14" cy="7" r="4.4" fill="none" stroke="${genderStyle.K.colour}" stroke-width="1.7"/>`) : swatchLine(genderStyle[g].colour, genderStyle[g].symbol, null, false))}${w.gender[g]} (${g}) ${latest}</li>`),
    html`<li>${raw(swatch(`<path d="M14 2v10" stroke="${genderStyle.T.colour}" stroke-width="2"/>`))}${w.gender[keyGender]} (${keyGender}) ${latest}</li>`,
    previousYear === null ? "" : html`<li>${raw(swatch(`<path d="M3 7H19" stroke="${trendColour}" stroke-width="1.5"/><path d="M24 7l-6-3.5v7z" fill="${trendColour}"/>`))}${c.rowsChangeKey(key, previousYear)}</li>`,
    o.mean === null ? "" : html`<li>${raw(swatchLine(genderStyle.T.colour, null, "6 3"))}${c.networkMean}, ${key} ${latest} <span class="nw">(${o.n})</span></li>`
  ];
  const markText = kAndM.length > 0 ? c.rowsMarks(kAndM.map((g) => [g === "K" ? "ring" : "square", lower(g)] as const), key) : c.rowsMarkTotal(key);
  const trendText = previousYear === null ? "" : c.rowsTrend(previousYear);
  const others = kAndM.filter((g) => o.means.has(g));
  const meanPart = o.mean === null
    ? html` ${c.rowsNoMean(latest)}`
    : html` ${c.rowsMean(latest, c.meanOf(o.n))}: ${key} <span class="nw">${meanText(o.mean)}</span>${others.map((g) => html`, ${lower(g)} <span class="nw">${meanText(o.means.get(g)!)}</span>`)}.`;
  const missingText = o.missing === 0 ? "" : html` ${c.rowsMissing(o.missing, kAndM.length > 0 ? null : key)}`;
  return html`<figure class="chart chart-rows" id="${id}">
${raw(svg)}
<ul class="legend" aria-label="${c.legend}">${legend}</ul>
<figcaption id="${id}-desc"><strong>${title}</strong>: ${c.rowsHow(o.from, o.from + chunk.length - 1, o.total, key, latest, markText)}${trendText}${meanPart}${missingText} ${c.rowsTableShowsAll}</figcaption>
</figure>`;
}

function swatch(content: string): string {
  return `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">${content}</svg>`;
}
