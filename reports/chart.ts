// One indicator as a chart for a small network, drawn with Observable Plot on the server (in a jsdom
// document) and inlined as SVG: the page needs no script. Municipalities side by side in wrapped
// facets; women, men and the total as lines with their own symbol and dash pattern, side by side
// within each year so that equal values stay apart; the network mean as a short flat bar per year
// and gender (no symbol), its number of municipalities in the legend. Colour never carries meaning
// alone: symbols, dash patterns, position and a text legend say the same. The value axis comes
// from the data (0 to the largest value, rounded up); a facet without a published value says so,
// and a chart without any is a note instead. Larger networks get the compact row charts of
// dot-chart.ts instead.
import * as Plot from "@observablehq/plot";
import type { JSDOM as JSDOMClass } from "jsdom";
import { createRequire } from "node:module";
import { html, raw, type Html } from "./html.js";
import type { Figure, Indicator, Municipality } from "./model.js";
import type { Words } from "./words.js";

export const chartWidth = 680; // px: fits the printable width of A4 (186 mm ≈ 703 px) unscaled

/** Up to this many municipalities a chart has one facet per municipality; more would be unreadable. */
export const maxFacets = 12;

/** Each gender's colour, symbol, line dash pattern ("" = solid) and place within a year (dodge, in
 *  years: women left, the total in the middle, men right); its name is the page's (Words.gender). */
export const genderStyle = {
  K: { colour: "#c2410c", symbol: "circle", dash: "", dodge: -0.22 },
  M: { colour: "#1d4ed8", symbol: "square", dash: "6 2.5", dodge: 0.22 },
  T: { colour: "#333333", symbol: "diamond", dash: "1.5 2", dodge: 0 }
} as const;
export type Gender = keyof typeof genderStyle;

/** The genders a chart draws: every one the indicator publishes, women, men and the total. */
export function chartGenders(indicator: Indicator): Gender[] {
  return (["K", "M", "T"] as const).filter((g) => indicator.genders.includes(g));
}

/** "n = 5" for a mean of 5 municipalities, "n = 3–5" where it varies, "1 kommun" (the page's words) for one. */
export function meanCount(counts: readonly number[], w: Words): string {
  const ns = counts.filter((n) => Number.isInteger(n) && n > 0);
  if (ns.length === 0) return "";
  const lo = Math.min(...ns), hi = Math.max(...ns);
  if (hi === 1) return w.chart.oneMunicipality;
  return lo === hi ? `n = ${lo}` : `n = ${lo}–${hi}`;
}

/** Under a network (or group) mean in a table, how many municipalities it averages: "n = 5", or "1 kommun" marked. */
export function networkCount(f: Figure | undefined, w: Words): Html | "" {
  if (!f || f.status !== "" || f.value === null || f.denominator === null) return "";
  const n = meanCount([f.denominator], w);
  return html`<span class="ov-n${f.denominator === 1 ? " ov-one" : ""}" title="${w.chart.meanOfTitle(f.denominator)}">${n}</span>`;
}

/** In place of a chart that would have nothing to draw: a note, not an axis of nothing. */
export function emptyChart(id: string, title: string, w: Words): Html {
  return html`<div class="chart-empty" id="${id}" role="note"><p><strong>${title}</strong>: ${w.chart.empty} ${w.chart.emptyWhy}</p></div>`;
}

/** A linear scale's domain extended to round steps of 1, 2, 2.5 or 5 × 10^k, with its ticks. */
export function niceScale(lo: number, hi: number, count = 5): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new Error(`invalid scale: ${lo}–${hi}`);
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw * (1 - 1e-12))!;
  const first = Math.floor(lo / step + 1e-9), last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** The value axis of an indicator's values, from the data: from 0 (or the lowest value, if
 *  negative) to the largest, rounded up, a share at most to 100. Values all 0 get a span of 10 in
 *  the indicator's unit, not 0–1; no values, no axis (null: the chart is a note). */
export function valueScale(indicator: Pick<Indicator, "kind">, values: readonly number[], count = 5): { domain: [number, number]; ticks: number[] } | null {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  let lo = 0, hi = 0;
  for (const v of finite) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!(hi > lo)) hi = lo + 10;
  const scale = niceScale(lo, hi, count);
  if (indicator.kind === "share" && hi <= 100 && scale.domain[1] > 100) {
    const ticks = scale.ticks.filter((t) => t <= 100);
    if (ticks[ticks.length - 1] < 100) ticks.push(100);
    return { domain: [scale.domain[0], 100], ticks };
  }
  return scale;
}

/** How many facet columns for n municipalities: at most 4 rows, so a chart fits on one A4 page. */
export function facetColumns(n: number): number {
  return Math.min(Math.max(n, 1), Math.max(3, Math.ceil(n / 4)));
}

/** Ticks in the page's notation with as few decimals as the tick needs (at most two). */
export function tick(v: number, w: Words): string {
  for (let d = 0; d <= 2; d++) if (Math.abs(v * 10 ** d - Math.round(v * 10 ** d)) < 1e-9) return w.n.fixed(v, d);
  return w.n.fixed(v, 2);
}

/** The value axis's label: "Andel, %", "Kronor", "Antal personer" … in the page's words. */
export function axisLabel(indicator: Indicator, w: Words): string {
  if (indicator.kind === "share") return w.chart.shareAxis;
  if (indicator.kind === "mean") return isMoney(indicator) ? w.chart.moneyAxis : w.unit(indicator);
  if (indicator.kind === "rate") return w.unit(indicator).replace(/^\p{Ll}/u, (c) => c.toLocaleUpperCase(w.locale));
  return w.chart.countAxis(w.unit(indicator));
}

/** Whether an indicator's values are amounts of money (its Swedish unit is "kr"). */
export const isMoney = (indicator: Pick<Indicator, "unit">): boolean => indicator.unit.sv === "kr";

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
  /** the page's words and notation */
  words: Words;
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
  const { id, indicator, municipalities, years, words: w } = input;
  const c = w.chart;
  const genders = chartGenders(indicator);
  const byKey = new Map(input.figures.map((f) => [`${f.municipality}|${f.year}|${f.gender}`, f]));
  const cols = facetColumns(municipalities.length);
  const rows = Math.max(1, Math.ceil(municipalities.length / cols));
  const facetHeight = rows <= 2 ? 170 : 140;
  const dodge = (g: Gender) => (genders.length === 1 ? 0 : genderStyle[g].dodge);

  const points: Point[] = [];
  const missing: { name: string; year: number; gender: Gender; symbol: string }[] = [];
  const empty: { col: number; row: number }[] = [];
  municipalities.forEach((m, i) => {
    const col = i % cols, row = Math.floor(i / cols);
    let any = false;
    for (const gender of genders) {
      for (const year of years) {
        const f = byKey.get(`${m.code}|${year}|${gender}`);
        const shown = f !== undefined && f.status === "" && f.value !== null;
        any ||= shown;
        // NaN keeps the point in the line's data so the line breaks there instead of bridging a gap.
        points.push({ col, row, year, gender, value: shown ? f.value! : NaN });
        if (!shown) missing.push({ name: m.name, year, gender, symbol: w.n.symbol(f) });
      }
    }
    if (!any) empty.push({ col, row });
  });
  const network = genders.flatMap((gender) =>
    years.flatMap((year) => {
      const f = byKey.get(`network|${year}|${gender}`);
      return f && f.status === "" && f.value !== null ? [{ year, gender, value: f.value, n: f.denominator ?? 0 }] : [];
    })
  );
  const title = c.byMunicipalityAndYear(w.name(indicator));
  const shown = points.filter((p) => !Number.isNaN(p.value));
  const scale = valueScale(indicator, [...shown.map((p) => p.value), ...network.map((n) => n.value)], 4);
  if (scale === null) return emptyChart(id, title, w);
  const names = municipalities.map((m, i) => ({ col: i % cols, row: Math.floor(i / cols), name: m.name }));
  const x0 = Math.min(...years), x1 = Math.max(...years);
  const facetWidth = chartWidth / cols;
  // A year label needs about 30 px; in narrow facets only every 2nd (3rd …) year is labelled,
  // always including the latest.
  const tickStride = Math.max(1, Math.ceil(30 / ((((chartWidth - 70) / cols) * 0.88) / (x1 - x0 + 1))));
  const half = genders.length === 1 ? 0.3 : 0.1; // half the width of a network mean's bar, in years

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
      domain: scale.domain,
      insetTop: 20,
      ticks: scale.ticks,
      tickFormat: (v: number) => tick(v, w),
      label: axisLabel(indicator, w),
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
      Plot.text(empty, { fx: "col", fy: "row", text: () => c.empty, frameAnchor: "middle", fill: "#4f4f4f", fontStyle: "italic" }),
      ...genders.map((g) =>
        Plot.ruleY(network.filter((n) => n.gender === g), {
          x1: (d: { year: number }) => d.year + dodge(g) - half, x2: (d: { year: number }) => d.year + dodge(g) + half, y: "value",
          stroke: genderStyle[g].colour, strokeWidth: 3.5, strokeOpacity: 0.55
        })
      ),
      ...genders.map((g) =>
        Plot.line(points.filter((p) => p.gender === g), {
          fx: "col", fy: "row", x: (p: Point) => p.year + dodge(g), y: "value",
          stroke: genderStyle[g].colour, strokeWidth: 1.8, strokeDasharray: genderStyle[g].dash || undefined
        })
      ),
      Plot.dot(points, { fx: "col", fy: "row", x: (p: Point) => p.year + dodge(p.gender), y: "value", fill: "gender", symbol: "gender", r: 3.4, stroke: "white", strokeWidth: 0.8 })
    ]
  });
  clean(svg);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", c.diagram(title));
  svg.setAttribute("aria-describedby", `${id}-desc`);
  svg.setAttribute("focusable", "false");

  const lower = (g: Gender) => w.gender[g].toLowerCase();
  const who = w.and(genders.map(lower));
  const missingText =
    missing.length === 0
      ? html`${c.allShown}`
      : html`${c.notShown(empty.length > 0)}:
${missing.slice(0, 12).map((m, k) => html`${k > 0 ? "; " : ""}<span class="nw">${m.name} ${m.year} ${lower(m.gender)} (<span class="sym">${m.symbol}</span>)</span>`)}${missing.length > 12 ? html`${c.andMore(missing.length - 12)}` : ""}. ${c.tableBelowShowsAll}`;

  const counts = meanCount(network.map((n) => n.n), w);
  const legend = [
    ...genders.map(
      (g) => html`<li>${raw(swatchLine(genderStyle[g].colour, genderStyle[g].symbol, genderStyle[g].dash))}${w.gender[g]} (${g})</li>`
    ),
    network.length === 0 ? "" : html`<li>${raw(swatchBar(genders.map((g) => genderStyle[g].colour)))}${c.networkMean}${counts ? html` <span class="nw">(${counts})</span>` : ""}</li>`
  ];
  const single = network.filter((n) => n.n === 1);
  const singleText = single.length === 0 ? "" : c.singleMean(single.map((n) => `${n.year} ${lower(n.gender)}`).join(", "));
  const order = genders.length > 1 ? c.genderOrder(w.and(genders.map(lower))) : "";
  return html`<figure class="chart" id="${id}">
${raw(svg.outerHTML)}
<ul class="legend" aria-label="${c.legend}">${legend}</ul>
<figcaption id="${id}-desc"><strong>${title}</strong>, ${years.length > 1 ? `${x0}–${x1}` : String(x0)}, ${who}. ${c.facetsHow(counts ? c.meanOf(counts) : "")}${singleText}${order} ${missingText}</figcaption>
</figure>`;
}

/** A legend sample of the network mean: short flat bars in the genders' colours. Decorative. */
export function swatchBar(colours: readonly string[]): string {
  const w = 24 / Math.max(1, colours.length);
  const bars = colours.map((c, i) => `<line x1="${2 + i * w}" y1="7" x2="${2 + (i + 1) * w - 2}" y2="7" stroke="${c}" stroke-width="3.5" stroke-opacity="0.55"/>`).join("");
  return `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">${bars}</svg>`;
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
