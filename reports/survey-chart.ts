// One survey question as a chart (contract §15): the share of positive answers (5–6) of the latest
// year per municipality, one row each, best total first; women as a ring around men's square (equal
// values stay visible), the total as a tick, the network mean of the total as a dashed rule. Drawn
// with Observable Plot on the server (the shared jsdom document of chart.ts) and inlined as SVG.
// Colour never carries meaning alone: symbols, the legend and the caption say the same. Unpublished
// values (withheld or missing) are not drawn; the caption lists them. A large network gets chunks of
// at most maxRowsPerChart rows, each its own figure, as the row charts do (dot-chart.ts). The words
// come from the page's language (reports/words.ts, `survey.chart`).
import * as Plot from "@observablehq/plot";
import { chartDocument, chartWidth, clean, genderStyle, swatchLine } from "./chart.js";
import { rowChunks } from "./dot-chart.js";
import { html, raw, type Html } from "./html.js";

type Gender = "K" | "M" | "T";

export interface SurveyChartWords {
  readonly genders: Readonly<Record<Gender, string>>;
  readonly axis: string; // "Andel positiva svar (5–6), %"
  readonly legend: string; // aria-label of the legend
  readonly networkMean: string; // "Nätverkets medelvärde, totalt"
  readonly diagram: string; // "Diagram"
  readonly part: (k: number, of: number) => string; // ", del 1 av 2"
  readonly caption: (o: { question: string; year: number; from: number; to: number; total: number }) => string;
  readonly marks: string; // "ring = kvinnor, fyrkant = män, lodrätt streck = totalt; lika värden ligger i varandra"
  readonly mean: (value: string, n: string) => string; // value "71,3" → "Nätverkets medelvärde (streckad linje): 71,3 % (n = 5)."
  readonly missing: (list: Html, more: number) => Html; // "Visas inte (skyddat .. eller saknas -): …"
  readonly empty: (question: string) => string; // a chart without published values
}

export interface SurveyChartRow {
  readonly code: string;
  readonly name: string;
  /** the latest year's published value per gender; a symbol ("..", "-", …) where there is none */
  readonly values: Readonly<Record<Gender, number | string>>;
}

export interface SurveyChartInput {
  readonly id: string;
  readonly question: string;
  readonly year: number;
  readonly rows: readonly SurveyChartRow[];
  /** the network's mean of the total, with the number of municipalities averaged */
  readonly network: { readonly value: number; readonly n: string } | null;
  /** numbers in the page's notation */
  readonly number: (v: number, decimals: number) => string;
  readonly words: SurveyChartWords;
  readonly collator: Intl.Collator;
}

const rowHeight = 22;
const marginTop = 12;
const marginBottom = 40;
const marginLeft = 164;
const ticks = [0, 20, 40, 60, 80, 100];

const shortName = (name: string) => (name.length > 24 ? `${name.slice(0, 23).trimEnd()}…` : name);
const isValue = (v: number | string): v is number => typeof v === "number";

/** The chart(s) of one question: published totals best first, then the rest by name. */
export function renderSurveyChart(input: SurveyChartInput): Html {
  const { id, words } = input;
  const rows = [...input.rows].sort((a, b) => {
    const [x, y] = [a.values.T, b.values.T];
    return (isValue(x) ? 0 : 1) - (isValue(y) ? 0 : 1) || (isValue(x) && isValue(y) ? y - x : 0) || input.collator.compare(a.name, b.name);
  });
  if (rows.every((r) => !(["K", "M", "T"] as const).some((g) => isValue(r.values[g])))) {
    return html`<div class="chart-empty" id="${id}-1" role="note"><p>${words.empty(input.question)}</p></div>`;
  }
  const chunks = rowChunks(rows);
  let first = 1;
  return html`${chunks.map((chunk, k) => {
    const from = first;
    first += chunk.length;
    return chart(input, chunk, { id: `${id}-${k + 1}`, from, total: rows.length, part: k + 1, parts: chunks.length });
  })}`;
}

function chart(input: SurveyChartInput, chunk: readonly SurveyChartRow[], o: { id: string; from: number; total: number; part: number; parts: number }): Html {
  const { words, number, year } = input;
  const points = (g: Gender) => chunk.flatMap((r) => (isValue(r.values[g]) ? [{ code: r.code, value: r.values[g] as number }] : []));
  const names = new Map(chunk.map((r) => [r.code, shortName(r.name)]));
  const svg = Plot.plot({
    document: chartDocument(),
    className: "kas-chart",
    width: chartWidth,
    height: marginTop + chunk.length * rowHeight + marginBottom,
    marginLeft,
    marginRight: 16,
    marginTop,
    marginBottom,
    style: { fontSize: "11px", fontFamily: "inherit", background: "#ffffff", color: "#1b1b1b" },
    x: { domain: [0, 100], ticks, tickFormat: (v: number) => number(v, 0), label: words.axis, labelAnchor: "right", labelArrow: "none", grid: true },
    y: { type: "band", domain: chunk.map((r) => r.code), tickFormat: (code: string) => names.get(code) ?? code, label: null, tickSize: 0, padding: 0 },
    marks: [
      input.network === null ? null : Plot.ruleX([input.network.value], { stroke: "#1b1b1b", strokeWidth: 1.5, strokeDasharray: "6 3" }),
      Plot.tickX(points("T"), { x: "value", y: "code", stroke: genderStyle.T.colour, strokeWidth: 2, inset: 3 }),
      Plot.dot(points("M"), { x: "value", y: "code", symbol: "square", r: 3.3, fill: genderStyle.M.colour, stroke: "#ffffff", strokeWidth: 0.6 }),
      Plot.dot(points("K"), { x: "value", y: "code", symbol: "circle", r: 4.4, fill: "none", stroke: genderStyle.K.colour, strokeWidth: 1.7 })
    ]
  });
  clean(svg);
  const title = `${input.question}, ${year}${o.parts > 1 ? words.part(o.part, o.parts) : ""}`;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${words.diagram}: ${title}`);
  svg.setAttribute("aria-describedby", `${o.id}-desc`);
  svg.setAttribute("focusable", "false");

  const swatch = (content: string) => `<svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">${content}</svg>`;
  const legend = [
    html`<li>${raw(swatch(`<circle cx="14" cy="7" r="4.4" fill="none" stroke="${genderStyle.K.colour}" stroke-width="1.7"/>`))}${words.genders.K} (K)</li>`,
    html`<li>${raw(swatchLine(genderStyle.M.colour, genderStyle.M.symbol, null, false))}${words.genders.M} (M)</li>`,
    html`<li>${raw(swatch(`<path d="M14 2v10" stroke="${genderStyle.T.colour}" stroke-width="2"/>`))}${words.genders.T} (T)</li>`,
    input.network === null ? "" : html`<li>${raw(swatchLine(genderStyle.T.colour, null, "6 3"))}${words.networkMean} <span class="nw">(${input.network.n})</span></li>`
  ];
  const missing = chunk.flatMap((r) =>
    (["K", "M", "T"] as const).flatMap((g) => (isValue(r.values[g]) ? [] : [html`<span class="nw">${r.name} ${words.genders[g].toLowerCase()} (<span class="sym">${r.values[g] as string}</span>)</span>`]))
  );
  const missingText = missing.length === 0 ? "" : html` ${words.missing(html`${missing.slice(0, 12).map((m, k) => html`${k > 0 ? "; " : ""}${m}`)}`, Math.max(0, missing.length - 12))}`;
  const meanText = input.network === null ? "" : ` ${words.mean(number(input.network.value, 1), input.network.n)}`;
  return html`<figure class="chart chart-rows" id="${o.id}">
${raw(svg.outerHTML)}
<ul class="legend" aria-label="${words.legend}">${legend}</ul>
<figcaption id="${o.id}-desc"><strong>${title}</strong>: ${words.caption({ question: input.question, year, from: o.from, to: o.from + chunk.length - 1, total: o.total })} (${words.marks}).${meanText}${missingText}</figcaption>
</figure>`;
}
