// One indicator as a chart for a small network, drawn with Observable Plot on the server (in a jsdom
// document) and inlined as SVG: the page needs no script. Municipalities side by side in wrapped
// facets, women and men as lines with their own symbol, the network mean as a dashed mark per year
// and gender. Colour never carries meaning alone: symbols, dash patterns and a text legend say the
// same. Larger networks get the compact row charts of dot-chart.ts instead.
import * as Plot from "@observablehq/plot";
import type { JSDOM as JSDOMClass } from "jsdom";
import { createRequire } from "node:module";
import { formatFixed, NO_DATA, WITHHELD } from "./format.js";
import { html, raw, type Html } from "./html.js";
import type { Figure, Indicator, Municipality } from "./model.js";

export const chartWidth = 680; // px: fits the printable width of A4 (186 mm ≈ 703 px) unscaled

/** Up to this many municipalities a chart has one facet per municipality; more would be unreadable. */
export const maxFacets = 12;

export const genderStyle = {
  K: { label: "Kvinnor", colour: "#c2410c", symbol: "circle", dash: "6 3" },
  M: { label: "Män", colour: "#1d4ed8", symbol: "square", dash: "2 2.5" },
  T: { label: "Totalt", colour: "#333333", symbol: "diamond", dash: "6 3" }
} as const;
export type Gender = keyof typeof genderStyle;

export const genderLabel = (g: Gender): string => genderStyle[g].label;

/** The genders a chart draws: women and men, or only the total where that is all that is published. */
export function chartGenders(indicator: Indicator): Gender[] {
  const kAndM = indicator.genders.filter((g) => g !== "T");
  return kAndM.length > 0 ? kAndM : ["T"];
}

/** How many facet columns for n municipalities: at most 4 rows, so a chart fits on one A4 page. */
export function facetColumns(n: number): number {
  return Math.min(Math.max(n, 1), Math.max(3, Math.ceil(n / 4)));
}

/** Ticks in Swedish notation with as few decimals as the tick needs (at most two). */
export function tick(v: number): string {
  for (let d = 0; d <= 2; d++) if (Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-9) return formatFixed(v, d);
  return formatFixed(v, 2);
}

export function axisLabel(indicator: Indicator): string {
  if (indicator.kind === "share") return "Andel, %";
  if (indicator.kind === "mean") return indicator.unit === "kr" ? "Kronor" : indicator.unit;
  return `Antal ${indicator.unit}`;
}

interface Point { col: number; row: number; year: number; gender: Gender; value: number }

/** Plot's markup labels plain <g> elements with aria-label, which ARIA forbids on elements without a
 *  role (axe: aria-prohibited-attr). The chart is one image with its own name, so they go. Long
 *  coordinates are rounded, which keeps the markup small and identical across platforms. */
export function clean(svg: Element): void {
  for (const el of [svg, ...svg.querySelectorAll("*")]) {
    for (const name of ["aria-label", "aria-description", "aria-hidden"]) el.removeAttribute(name);
    for (const attr of [...el.attributes]) {
      if (/^(transform|d|x|y|x1|x2|y1|y2|width|height|points|viewBox|dx|dy)$/.test(attr.name)) {
        el.setAttribute(attr.name, attr.value.replace(/-?\d+\.\d{3,}/g, (n) => String(Number(Number(n).toFixed(2)))));
      }
    }
  }
  for (const style of svg.querySelectorAll("style")) style.remove();
}

export interface ChartInput {
  id: string; // unique on the page; ids of the figure's parts derive from it
  indicator: Indicator;
  municipalities: readonly Municipality[];
  years: readonly number[];
  /** this indicator's figures, municipalities' and the network's */
  figures: readonly Figure[];
}

let shared: Document | undefined;

/** One jsdom document for every chart of the process: Plot only creates detached elements in it,
 *  and creating a jsdom window costs more than drawing a small chart. jsdom is loaded on first use
 *  (half a second), so a run of only large networks, which draw no Plot chart, never loads it. */
export function chartDocument(): Document {
  if (!shared) {
    const { JSDOM } = createRequire(import.meta.url)("jsdom") as { JSDOM: typeof JSDOMClass };
    shared = new JSDOM("<!DOCTYPE html><html><body></body></html>").window.document;
  }
  return shared;
}

/** A <figure> with the chart as SVG (role img, named and described by its caption) and a legend. */
export function renderChart(input: ChartInput, document: Document = chartDocument()): Html {
  const { id, indicator, municipalities, years } = input;
  const genders = chartGenders(indicator);
  const byKey = new Map(input.figures.map((f) => [`${f.municipality}|${f.year}|${f.gender}`, f]));
  const cols = facetColumns(municipalities.length);
  const rows = Math.max(1, Math.ceil(municipalities.length / cols));
  const facetHeight = rows <= 2 ? 170 : 140;

  const points: Point[] = [];
  const missing: { name: string; year: number; gender: Gender; symbol: string }[] = [];
  municipalities.forEach((m, i) => {
    for (const gender of genders) {
      for (const year of years) {
        const f = byKey.get(`${m.code}|${year}|${gender}`);
        const shown = f !== undefined && f.status === "" && f.value !== null;
        // NaN keeps the point in the line's data so the line breaks there instead of bridging a gap.
        points.push({ col: i % cols, row: Math.floor(i / cols), year, gender, value: shown ? f.value! : NaN });
        if (!shown) missing.push({ name: m.name, year, gender, symbol: f?.status === ".." ? WITHHELD : NO_DATA });
      }
    }
  });
  const network = genders.flatMap((gender) =>
    years.flatMap((year) => {
      const f = byKey.get(`network|${year}|${gender}`);
      return f && f.status === "" && f.value !== null ? [{ year, gender, value: f.value }] : [];
    })
  );
  const names = municipalities.map((m, i) => ({ col: i % cols, row: Math.floor(i / cols), name: m.name }));
  const shown = points.filter((p) => !Number.isNaN(p.value));
  const yMax = Math.max(0, ...shown.map((p) => p.value), ...network.map((n) => n.value));
  const x0 = Math.min(...years), x1 = Math.max(...years);
  const facetWidth = chartWidth / cols;
  // A year label needs about 30 px; in narrow facets only every 2nd (3rd …) year is labelled,
  // always including the latest.
  const tickStride = Math.max(1, Math.ceil(30 / ((((chartWidth - 70) / cols) * 0.88) / (x1 - x0 + 1))));

  const svg = Plot.plot({
    document,
    className: "kas-chart",
    width: chartWidth,
    height: rows * facetHeight + 64,
    marginLeft: 58,
    marginRight: 12,
    marginTop: 26,
    marginBottom: 38,
    style: { fontSize: "11px", fontFamily: "inherit", background: "#ffffff", color: "#1b1b1b" },
    fx: { axis: null, padding: 0.12 },
    fy: { axis: null, padding: 0.16 },
    x: {
      type: "linear",
      domain: [x0 - 0.5, x1 + 0.5],
      ticks: years.filter((y) => (x1 - y) % tickStride === 0),
      tickFormat: (y: number) => String(y),
      label: null
    },
    y: {
      domain: [0, yMax > 0 ? yMax : 1],
      nice: true,
      insetTop: 20,
      ticks: 4,
      tickFormat: tick,
      label: axisLabel(indicator),
      labelAnchor: "top",
      labelArrow: "none",
      grid: true
    },
    color: { domain: genders, range: genders.map((g) => genderStyle[g].colour) },
    symbol: { domain: genders, range: genders.map((g) => genderStyle[g].symbol) },
    marks: [
      Plot.frame({ stroke: "#b5b5b5" }),
      Plot.text(names, {
        fx: "col", fy: "row", text: "name", frameAnchor: "top-left", dx: 5, dy: 4, lineAnchor: "top",
        fontWeight: "bold", fontSize: 11.5, lineWidth: Math.max(4, (facetWidth - 16) / 7), textOverflow: "ellipsis-end"
      }),
      ...genders.map((g) =>
        Plot.ruleY(network.filter((n) => n.gender === g), {
          x1: (d: { year: number }) => d.year - 0.32, x2: (d: { year: number }) => d.year + 0.32, y: "value",
          stroke: genderStyle[g].colour, strokeWidth: 2, strokeDasharray: genderStyle[g].dash
        })
      ),
      Plot.line(points, { fx: "col", fy: "row", x: "year", y: "value", z: "gender", stroke: "gender", strokeWidth: 2 }),
      Plot.dot(points, { fx: "col", fy: "row", x: "year", y: "value", fill: "gender", symbol: "gender", r: 3.6, stroke: "white", strokeWidth: 0.8 })
    ]
  });
  clean(svg);
  const title = `${indicator.sv} per kommun och år`;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Diagram: ${title}`);
  svg.setAttribute("aria-describedby", `${id}-desc`);
  svg.setAttribute("focusable", "false");

  const who = genders.length === 1 ? "totalt (kvinnor och män)" : genders.map((g) => genderStyle[g].label.toLowerCase()).join(" och ");
  const missingText =
    missing.length === 0
      ? html`Alla värden finns med i diagrammet.`
      : html`Skyddade värden (<span class="sym">..</span>) och värden som saknas (<span class="sym">-</span>) visas inte i diagrammet:
${missing.slice(0, 12).map((m, k) => html`${k > 0 ? "; " : ""}<span class="nw">${m.name} ${m.year} ${genderStyle[m.gender].label.toLowerCase()} (<span class="sym">${m.symbol}</span>)</span>`)}${missing.length > 12 ? html` och ${missing.length - 12} till` : ""}. Tabellen nedan visar alla värden.`;

  const legend = [
    ...genders.map(
      (g) => html`<li>${raw(swatchLine(genderStyle[g].colour, genderStyle[g].symbol, null))}${genderStyle[g].label} (${g})</li>`
    ),
    ...genders.map(
      (g) => html`<li>${raw(swatchLine(genderStyle[g].colour, null, genderStyle[g].dash))}Nätverkets medelvärde, ${genderStyle[g].label.toLowerCase()}</li>`
    )
  ];
  return html`<figure class="chart" id="${id}">
${raw(svg.outerHTML)}
<ul class="legend" aria-label="Teckenförklaring">${legend}</ul>
<figcaption id="${id}-desc"><strong>${title}</strong>, ${years.length > 1 ? `${x0}–${x1}` : String(x0)}, ${who}. En ruta per kommun; heldragen linje med symbol = kommunens värde, streckat streck = nätverkets medelvärde samma år. ${missingText}</figcaption>
</figure>`;
}

/** A small legend sample: a line with a symbol, a symbol alone, or a dashed line. Decorative (the
 *  text says it). */
export function swatchLine(colour: string, symbol: string | null, dash: string | null, line = true): string {
  const marker =
    symbol === "circle"
      ? `<circle cx="14" cy="7" r="4" fill="${colour}" stroke="#fff" stroke-width="0.8"/>`
      : symbol === "square"
        ? `<rect x="10" y="3" width="8" height="8" fill="${colour}" stroke="#fff" stroke-width="0.8"/>`
        : symbol === "diamond"
          ? `<path d="M14 2L19 7L14 12L9 7Z" fill="${colour}"/>`
          : "";
  const stroke = line ? `<line x1="1" y1="7" x2="27" y2="7" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>` : "";
  return `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">${stroke}${marker}</svg>`;
}
