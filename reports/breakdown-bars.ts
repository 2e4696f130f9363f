// A breakdown of a small network as one horizontal stacked bar per municipality and one for the
// network mean, in the categories' colours and order (Observable Plot on the server, inlined as
// SVG like chart.ts). Shares of a total (exit reasons, durations) fill a bar to 100 %; counts
// stack to the municipality's total. A segment wide enough carries its value in text.
// A withheld or missing value is never drawn as a number: a bar leaves it out. A share bar with
// some categories left out ends in a hatched rest (what is left of 100 %, which the table's
// published shares already tell); a bar with nothing published is an empty outline labelled
// "skyddat (..)" or "saknas (-)"; the caption names them all.
import * as Plot from "@observablehq/plot";
import { breakdownTitle, type Breakdown, type Gender } from "./breakdown-index.js";
import { categoryColours, categoryLegend, hatchSwatch, textOn } from "./breakdown-palette.js";
import type { TableRow } from "./breakdown-table.js";
import { chartDocument, chartWidth, clean, tick } from "./chart.js";
import { niceScale } from "./dot-chart.js";
import { html, raw, type Html } from "./html.js";
import type { Figure } from "./model.js";
import type { Words } from "./words.js";

export interface BreakdownChartInput {
  id: string;
  breakdown: Breakdown;
  /** the municipalities, then the network mean */
  rows: readonly TableRow[];
  year: number;
  gender: Gender;
  /** the page's words and notation */
  words: Words;
}

interface Segment { row: string; category: string; x1: number; x2: number; label: string; colour: string }

const rowHeight = 24;
const shortName = (name: string) => (name.length > 24 ? `${name.slice(0, 23).trimEnd()}…` : name);

const published = (f: Figure | undefined): f is Figure & { value: number } => f !== undefined && f.status === "" && f.value !== null;

export function renderStackedBars(input: BreakdownChartInput, document: Document = chartDocument()): Html {
  const { id, breakdown: b, rows, year, gender, words: w } = input;
  const c = w.chart, d = w.breakdown;
  const ind = b.indicator;
  const share = ind.kind === "share";
  const colours = categoryColours(b.categories);
  const valueText = (v: number, network: boolean) => w.n.valueOf(ind, v, network);

  const segments: Segment[] = [];
  const rests: { row: string; x1: number }[] = [];
  const empty: { row: string; text: string }[] = [];
  const partial: { row: string; x: number }[] = [];
  const notDrawn: { name: string; symbol: string }[] = [];
  const partly: { name: string; left: number }[] = [];
  let widest = 0;
  for (const r of rows) {
    let x = 0;
    const missing: { withheld: boolean; symbol: string }[] = [];
    b.categories.forEach((category, k) => {
      const f = b.figures[k].get(r.code)?.get(year)?.[gender];
      if (!published(f)) {
        missing.push({ withheld: f?.status === "..", symbol: w.n.symbol(f) });
        return;
      }
      if (f.value > 0) segments.push({ row: r.code, category: category.code, x1: x, x2: x + f.value, label: valueText(f.value, r.network), colour: colours[k] });
      x += Math.max(0, f.value);
    });
    widest = Math.max(widest, x);
    const drawn = missing.length < b.categories.length;
    if (!drawn) {
      // withheld where any category is; else the symbol they share (Norwegian: missing .. or not applicable .)
      const withheld = missing.some((m) => m.withheld);
      const symbol = withheld ? w.n.withheld : missing.every((m) => m.symbol === missing[0].symbol) ? missing[0].symbol : w.n.noData;
      empty.push({ row: r.code, text: d.barNotDrawn(withheld, symbol) });
      notDrawn.push({ name: r.name, symbol });
    } else if (missing.length > 0) {
      if (share && x < 100) rests.push({ row: r.code, x1: x });
      else partial.push({ row: r.code, x });
      partly.push({ name: r.name, left: missing.length });
    }
  }

  const { domain, ticks } = share ? { domain: [0, Math.max(100, Math.ceil(widest))] as [number, number], ticks: [0, 25, 50, 75, 100] } : niceScale(0, Math.max(1, widest), 5);
  const names = new Map(rows.map((r) => [r.code, shortName(r.name)]));
  const networkName = rows.find((r) => r.network)?.name;
  // names right-aligned beside the bars; the network's in bold is wider per character
  const marginLeft = Math.min(170, Math.max(90, 14 + Math.max(...rows.map((r) => shortName(r.name).length * (r.network ? 7.2 : 6.4)))));
  const marginRight = share ? 14 : 40;
  const perUnit = (chartWidth - marginLeft - marginRight) / (domain[1] - domain[0]);
  // a value in text where its segment is wide enough for it
  const fits = (s: Segment) => (s.x2 - s.x1) * perUnit >= s.label.length * 6.4 + 6;
  const labelled = segments.filter(fits);

  const svg = Plot.plot({
    document,
    className: "kas-chart",
    width: chartWidth,
    height: rows.length * rowHeight + 62,
    marginLeft,
    marginRight,
    marginTop: 26,
    marginBottom: 36,
    style: { fontSize: "11px", fontFamily: "inherit", background: "#ffffff", color: "#1b1b1b" },
    x: { domain, ticks, tickFormat: (v: number) => tick(v, w), label: share ? c.shareAxis : c.countAxis(w.unit(ind)), labelAnchor: "right", labelArrow: "none", grid: true },
    y: { domain: rows.map((r) => r.code), tickFormat: (code: string) => names.get(code) ?? code, label: null, padding: 0.22, tickSize: 0 },
    color: { domain: b.categories.map((c) => c.code), range: colours },
    marks: [
      // an empty outline where a share bar would be; a count has no length to outline
      Plot.barX(share ? empty : [], { x1: 0, x2: 100, y: "row", fill: "none", stroke: "#8a8a8a", strokeDasharray: "3 2" }),
      Plot.text(empty, { x: share ? 50 : 0, y: "row", text: "text", textAnchor: share ? "middle" : "start", dx: share ? 0 : 4, fill: "#1b1b1b" }),
      Plot.barX(rests, { x1: "x1", x2: 100, y: "row", fill: `url(#${id}-rest)`, stroke: "#6b6b6b", strokeWidth: 0.8 }),
      Plot.barX(segments, { x1: "x1", x2: "x2", y: "row", fill: "category", stroke: "#ffffff", strokeWidth: 1 }),
      Plot.text(partial, { x: "x", y: "row", text: () => `+ ${w.n.withheld}`, textAnchor: "start", dx: 4, fill: "#1b1b1b" }),
      ...["#ffffff", "#111111"].map((fill) =>
        Plot.text(labelled.filter((s) => textOn(s.colour) === fill), { x: (s: Segment) => (s.x1 + s.x2) / 2, y: "row", text: "label", fill, fontSize: 10.5 })
      ),
      Plot.ruleX([0], { stroke: "#1b1b1b" })
    ]
  });
  clean(svg);
  // the hatched rest of a share bar
  const defs = document.createElementNS("http://www.w3.org/2000/svg", "defs");
  defs.innerHTML = `<pattern id="${id}-rest" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><path d="M0 0V6" stroke="#6b6b6b" stroke-width="1.6"/></pattern>`;
  svg.insertBefore(defs, svg.firstChild);
  // the network's row stands out by its name
  if (networkName) for (const t of svg.querySelectorAll("text")) if (t.textContent === shortName(networkName)) t.setAttribute("font-weight", "700");

  const who = gender === "T" ? d.totalWho : w.gender[gender].toLowerCase();
  const title = share ? d.distributionTitle(breakdownTitle(b, w), year) : d.andMunicipalityTitle(breakdownTitle(b, w), year);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", c.diagram(title));
  svg.setAttribute("aria-describedby", `${id}-desc`);
  svg.setAttribute("focusable", "false");

  const how = share ? d.barsShareHow : d.barsCountHow;
  const missingText = html`${notDrawn.length > 0 ? html` ${d.withoutBar}: ${notDrawn.map((m, k) => html`${k > 0 ? "; " : ""}<span class="nw">${m.name} (<span class="sym">${m.symbol}</span>)</span>`)}.` : ""}${partly.length > 0 ? html` ${d.categoriesNotDrawn(share)}: ${partly.map((p, k) => html`${k > 0 ? ", " : ""}<span class="nw">${p.name}</span> ${w.outOf(p.left, b.categories.length)}`)}.` : ""}`;
  const extra = rests.length > 0 ? [html`<li>${hatchSwatch()}${d.hatchedKey}</li>`] : [];
  return html`<figure class="chart chart-breakdown" id="${id}">
${raw(svg.outerHTML)}
${categoryLegend(b.categories, colours, w, extra)}
<figcaption id="${id}-desc"><strong>${title}</strong>, ${who}. ${how}${missingText} ${d.tableShowsAll}</figcaption>
</figure>`;
}
