// A share within each category (e.g. exits to work or studies per need category) for a small
// network as small multiples: one panel per category, in the dimension's order, each a bar per
// municipality on the same 0–100 % scale and the network mean as a dashed rule. Observable Plot on
// the server like chart.ts. A withheld or missing value is no bar but its symbol, in text.
import * as Plot from "@observablehq/plot";
import type { BreakdownChartInput } from "./breakdown-bars.js";
import { breakdownTitle } from "./breakdown-index.js";
import { categoryColours } from "./breakdown-palette.js";
import { chartDocument, chartWidth, clean, swatchLine, tick } from "./chart.js";
import { niceScale } from "./dot-chart.js";
import { html, raw, type Html } from "./html.js";
import { hyphenate } from "./hyphenate.js";

interface Bar { col: number; row: number; code: string; value: number; colour: string }
interface Gap { col: number; row: number; code: string; symbol: string }

const shortName = (name: string) => (name.length > 22 ? `${name.slice(0, 21).trimEnd()}…` : name);

/** Panels per line: at most five, so a panel keeps some 110 px for its bars; lines of equal length. */
export const panelColumns = (n: number): number => Math.min(Math.max(n, 1), n > 5 ? Math.ceil(n / Math.ceil(n / 5)) : n);

const titleFont = 10.5;
/** Characters of a bold title that fit a line of the given width (a generous average width). */
const charsIn = (px: number) => Math.floor(px / (titleFont * 0.7));

/** How many lines a title takes when wrapped at `chars` characters (soft hyphens break words). */
function linesOf(title: string, chars: number): number {
  let lines = 1, used = 0;
  for (const word of title.split(/[ \u00ad]/)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need > chars && used > 0) { lines++; used = word.length; } else used = need;
  }
  return lines;
}
export function renderCategoryPanels(input: BreakdownChartInput, document: Document = chartDocument()): Html {
  const { id, breakdown: b, year, gender, words: w } = input;
  const d = w.breakdown;
  const ind = b.indicator;
  const municipalities = input.rows.filter((r) => !r.network);
  const network = input.rows.find((r) => r.network);
  const colours = categoryColours(b.categories);
  const cols = panelColumns(b.categories.length);
  const panelRows = Math.ceil(b.categories.length / cols);

  const bars: Bar[] = [];
  const gaps: Gap[] = [];
  const means: { col: number; row: number; k: number; value: number }[] = [];
  let max = 0;
  b.categories.forEach((_, k) => {
    const col = k % cols, row = Math.floor(k / cols);
    for (const m of municipalities) {
      const f = b.figures[k].get(m.code)?.get(year)?.[gender];
      if (f && f.status === "" && f.value !== null) {
        bars.push({ col, row, code: m.code, value: f.value, colour: colours[k] });
        max = Math.max(max, f.value);
      } else gaps.push({ col, row, code: m.code, symbol: w.n.symbol(f) });
    }
    const n = network && b.figures[k].get(network.code)?.get(year)?.[gender];
    if (n && n.status === "" && n.value !== null) {
      means.push({ col, row, k, value: n.value });
      max = Math.max(max, n.value);
    }
  });
  const scale = ind.kind === "share" ? { domain: [0, 100] as [number, number], ticks: [0, 50, 100] } : niceScale(0, Math.max(1, max), 2);
  const names = new Map(municipalities.map((m) => [m.code, shortName(m.name)]));
  const marginLeft = Math.min(150, Math.max(80, 12 + 6.2 * Math.max(...[...names.values()].map((n) => n.length))));
  const panelWidth = (chartWidth - marginLeft - 8) / cols * 0.9;
  const titles = b.categories.map((c, k) => ({ col: k % cols, row: Math.floor(k / cols), text: hyphenate(w.name(c), charsIn(panelWidth - 8)) }));
  const titleLines = Math.max(...titles.map((t) => linesOf(t.text, charsIn(panelWidth - 8))));
  const panelHeight = municipalities.length * 15 + titleLines * 12 + 14;

  const svg = Plot.plot({
    document,
    className: "kas-chart",
    width: chartWidth,
    height: panelRows * panelHeight + 58,
    marginLeft,
    marginRight: 8,
    marginTop: 8,
    marginBottom: 38,
    style: { fontSize: "10.5px", fontFamily: "inherit", background: "#ffffff", color: "#1b1b1b" },
    fx: { axis: null, padding: 0.1 },
    fy: { axis: null, padding: 0.1 },
    x: { domain: scale.domain, ticks: scale.ticks, tickFormat: (v: number) => tick(v, w), insetLeft: 4, insetRight: 14, label: ind.kind === "share" ? w.chart.shareAxis : w.unit(ind), labelAnchor: "right", labelArrow: "none", grid: true },
    y: { domain: municipalities.map((m) => m.code), tickFormat: (code: string) => names.get(code) ?? code, label: null, padding: 0.25, tickSize: 0, insetTop: titleLines * 12 + 6 },
    color: { type: "identity" },
    marks: [
      Plot.frame({ stroke: "#b5b5b5" }),
      Plot.text(titles, {
        fx: "col", fy: "row", text: "text", frameAnchor: "top-left", dx: 4, dy: 4, lineAnchor: "top",
        fontWeight: "bold", fontSize: titleFont, fill: "#1b1b1b", stroke: "#ffffff", strokeWidth: 3, paintOrder: "stroke", lineWidth: (panelWidth - 8) / titleFont, textOverflow: null
      }),
      Plot.barX(bars, { fx: "col", fy: "row", x1: 0, x2: "value", y: "code", fill: (d: Bar) => d.colour }),
      Plot.text(gaps, { fx: "col", fy: "row", x: 0, y: "code", text: "symbol", textAnchor: "start", dx: 3, fill: "#1b1b1b", fontWeight: "bold" }),
      // the network mean: a dashed tick in every municipality's row, so it stays clear of the title
      Plot.tickX(means.flatMap((m) => municipalities.map((r) => ({ ...m, code: r.code }))), { fx: "col", fy: "row", x: "value", y: "code", stroke: "#1b1b1b", strokeWidth: 1.6, strokeDasharray: "4 2" })
    ]
  });
  clean(svg);
  const who = gender === "T" ? d.totalWho : w.gender[gender].toLowerCase();
  const title = d.andMunicipalityTitle(breakdownTitle(b, w), year);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", w.chart.diagram(title));
  svg.setAttribute("aria-describedby", `${id}-desc`);
  svg.setAttribute("focusable", "false");

  const meanText = means.length === 0 ? "" : html` ${d.panelsMean}: ${means.map((m, k) => html`${k > 0 ? ", " : ""}${w.name(b.categories[m.k])} <span class="nw">${w.n.byIndicator(ind, m.value)}</span>`)}.`;
  const gapText = gaps.length === 0 ? "" : html` ${d.panelsGaps}`;
  return html`<figure class="chart chart-breakdown chart-panels" id="${id}">
${raw(svg.outerHTML)}
<ul class="legend" aria-label="${w.chart.legend}"><li>${raw(swatchLine("#1b1b1b", null, "4 2"))}${d.categoryMeanKey}</li></ul>
<figcaption id="${id}-desc"><strong>${title}</strong>, ${who}. ${d.panelsHow}${meanText}${gapText} ${d.tableShowsAll}</figcaption>
</figure>`;
}
