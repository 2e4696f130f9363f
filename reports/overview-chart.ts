// One key indicator of the overview as a ranked bar chart: the latest year's totals, best first (the
// lowest first where lower is better), each bar with its rank and value in text, the network mean as
// a dashed rule labelled with its value and how many municipalities it averages. Narrow (two side by
// side on A4, one on a phone). A large network shows its ten best and ten worst and says how many
// lie between. Written as SVG text, like the row charts (dot-chart.ts): no DOM, fast at 290.
import { axisLabel, emptyChart, meanCount, tick, valueScale } from "./chart.js";
import { html, raw, slug, type Html } from "./html.js";
import type { Figure, Indicator, Municipality } from "./model.js";
import type { Words } from "./words.js";

export const rankChartWidth = 336;
/** Above this many published values a chart shows only the best and the worst `shownAtEachEnd`. */
export const allRowsUpTo = 25;
export const shownAtEachEnd = 10;
const rowHeight = 16;
const nameRight = 124;
const plotLeft = 130;
const plotRight = rankChartWidth - 54;
const valueRight = rankChartWidth - 4;
const top = 22;
const bottom = 22;
const barColour = "#4a6f96"; // 5.3:1 on white
const round = (v: number) => Math.round(v * 10) / 10;

export interface RankRow { name: string; value: number | null; status: Figure["status"] | "none"; rank: number | null;
  /** what a reader sees instead of an unpublished value */
  symbol?: string }

/** Published values best first (ties by name, in the collation given: Swedish unless said), then withheld, then missing. */
export function rankOrder(rows: readonly RankRow[], direction: Indicator["direction"], collator: Intl.Collator = new Intl.Collator("sv")): RankRow[] {
  const sign = direction === "lower" ? 1 : -1;
  const group = (r: RankRow) => (r.value !== null ? 0 : r.status === ".." ? 1 : 2);
  return [...rows].sort((a, b) => group(a) - group(b) || (a.value !== null && b.value !== null ? sign * (a.value - b.value) : 0) || collator.compare(a.name, b.name));
}

function shortName(name: string): string {
  return name.length > 19 ? `${name.slice(0, 18).trimEnd()}…` : name;
}

/** The ranked chart of one indicator's total in `year`, or a note where nothing is published. */
export function renderRankChart(input: { indicator: Indicator; municipalities: readonly Municipality[]; year: number; get: (m: string) => Figure | undefined; words: Words }): Html {
  const { indicator, year, words: w } = input;
  const c = w.chart;
  const meanText = (v: number) => w.n.valueOf(indicator, v, true);
  const id = `ov-${slug(indicator.id)}`;
  const all = rankOrder(input.municipalities.map((m) => {
    const f = input.get(m.code);
    const published = f !== undefined && f.status === "" && f.value !== null;
    return { name: m.name, value: published ? f.value : null, status: f?.status ?? "none", rank: published ? f.rank : null, symbol: w.n.symbol(f) };
  }), indicator.direction, w.collator);
  const published = all.filter((r) => r.value !== null);
  const title = `${w.name(indicator)} ${year}`;
  const net = input.get("network");
  const mean = net && net.status === "" && net.value !== null ? net.value : null;
  const n = mean === null ? "" : meanCount([net?.denominator ?? 0], w);
  const scale = valueScale(indicator, mean === null ? published.map((r) => r.value!) : [...published.map((r) => r.value!), mean], 3);
  if (scale === null || published.length === 0) return emptyChart(id, title, w);
  const { domain, ticks } = scale;
  const x = (v: number) => round(plotLeft + ((v - domain[0]) / (domain[1] - domain[0])) * (plotRight - plotLeft));

  // the rows drawn: every municipality, or the best and the worst ten with a gap row between
  const cut = published.length > allRowsUpTo;
  const between = cut ? published.length - 2 * shownAtEachEnd : 0;
  const lines: (RankRow | "gap")[] = cut ? [...published.slice(0, shownAtEachEnd), "gap", ...published.slice(-shownAtEachEnd)] : all;
  const height = top + lines.length * rowHeight + bottom;
  const rowsBottom = top + lines.length * rowHeight;
  const cy = (i: number) => top + i * rowHeight + rowHeight / 2;
  const parts: string[] = [];
  parts.push(`<path stroke="#d4d4d4" d="${ticks.map((t) => `M${x(t)},${top}V${rowsBottom + 4}`).join("")}"/>`);
  parts.push(`<g class="axis" text-anchor="middle" fill="currentColor" font-size="10">${ticks.map((t) => html`<text x="${x(t)}" y="${rowsBottom + 16}">${tick(t, w)}</text>`.value).join("")}</g>`);
  const bars: string[] = [], names: string[] = [], values: string[] = [];
  let gap = "";
  lines.forEach((r, i) => {
    const y = round(cy(i) + 3.8);
    if (r === "gap") {
      gap = html`<text class="gap" x="${rankChartWidth / 2}" y="${y}" text-anchor="middle" font-style="italic" fill="currentColor" stroke="#ffffff" stroke-width="4" paint-order="stroke">${c.rankGap(between)}</text>`.value;
      return;
    }
    const label = r.rank !== null ? `${r.rank}. ${shortName(r.name)}` : shortName(r.name);
    names.push(html`<text x="${nameRight}" y="${y}">${label}</text>`.value);
    if (r.value === null) {
      values.push(html`<text x="${valueRight}" y="${y}">${r.symbol ?? w.n.noData}</text>`.value);
      return;
    }
    const x0 = x(Math.max(domain[0], 0)), x1 = x(r.value);
    bars.push(`<rect x="${Math.min(x0, x1)}" y="${round(cy(i) - 5)}" width="${round(Math.max(1, Math.abs(x1 - x0)))}" height="10"/>`);
    values.push(html`<text x="${valueRight}" y="${y}">${w.n.byIndicator(indicator, r.value)}</text>`.value);
  });
  parts.push(`<g class="bars" fill="${barColour}">${bars.join("")}</g>`);
  parts.push(`<g class="names" text-anchor="end" fill="currentColor">${names.join("")}</g>`);
  parts.push(`<g class="values" text-anchor="end" fill="currentColor">${values.join("")}</g>${gap}`);
  if (mean !== null) {
    const mx = x(mean);
    const label = c.rankMeanLabel(meanText(mean), n);
    const half = label.length * 2.9;
    const lx = Math.min(Math.max(mx, half + 2), rankChartWidth - half - 2);
    parts.push(html`<g class="mean"><path stroke="#1b1b1b" stroke-width="1.5" stroke-dasharray="5 3" d="M${mx},${top - 6}V${rowsBottom + 4}"/><text x="${round(lx)}" y="12" text-anchor="middle" font-weight="600" fill="currentColor" stroke="#ffffff" stroke-width="3" paint-order="stroke">${label}</text></g>`.value);
  }
  const svg = `<svg class="kas-chart kas-rank" width="${rankChartWidth}" height="${height}" viewBox="0 0 ${rankChartWidth} ${height}" role="img" aria-label="${html`${c.diagram(c.rankTitle(title))}`.value}" aria-describedby="${id}-desc" focusable="false" font-size="11" style="background:#ffffff;color:#1b1b1b">${parts.join("")}</svg>`;

  const unpublished = all.length - published.length;
  const ranked = published.some((r) => r.rank !== null);
  return html`<figure class="chart chart-rank" id="${id}">
${raw(svg)}
<figcaption id="${id}-desc"><strong><a href="#ind-${slug(indicator.id)}">${w.name(indicator)}</a></strong> ${c.rankHow(year, axisLabel(indicator, w).toLowerCase(), indicator.direction === "lower", ranked)} ${mean === null ? c.rankNoMean : c.rankMean(meanText(mean), c.meanOf(n))}${cut ? c.rankCut(shownAtEachEnd, published.length) : ""}${unpublished > 0 ? c.rankUnpublished(unpublished, cut) : ""}</figcaption>
</figure>`;
}
