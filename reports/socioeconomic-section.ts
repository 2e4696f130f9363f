// The socio-economic section of a report (contract §10): the model in words with every parameter and
// the value used, said plainly to be the network's assumptions and not measured outcomes; the three
// figures per municipality and year; a chart of the latest year's net value per municipality; and a
// line of sensitivity — each value with every retention share halved and with the contract's defaults.
// The figures themselves come from pipeline/publish/socioeconomic.ts.
import * as Plot from "@observablehq/plot";
import { chartDocument, chartWidth, clean, maxFacets, tick } from "./chart.js";
import { formatFigure, formatFixed, NO_DATA } from "./format.js";
import { html, raw, type Html } from "./html.js";
import { tableWrap } from "./frame.js";
import type { Figure, Indicator, Municipality, ReportPage, SocioeconomicSection } from "./model.js";


const kr = (v: number) => `${formatFixed(v, 0)} kr`;
const pct = (v: number) => `${formatFixed(v * 100, 1)} %`;
const list = (xs: readonly number[]) => xs.map((x) => formatFixed(x, 2)).join(" · ");

function parameters(s: SocioeconomicSection): Html {
  const p = s.parameters;
  const rows: [string, string, string][] = [
    ["H", "Horisont (år)", String(p.horizon_years)],
    ["r", "Diskonteringsränta", pct(p.discount_rate)],
    ["R", "Skatter och avgifter av ett års arbete", kr(p.public_revenue_per_work_year)],
    ["p", "Andel kvar utan bistånd år 1…H efter avslut till arbete", list(p.work_retention)],
    ["q", "Andel kvar utan bistånd år 1…H efter avslut till studier", list(p.studies_retention)],
    ["d", "Dödvikt (andel avslut som hade skett ändå)", pct(p.deadweight)]
  ];
  return tableWrap("Tabell: modellens antaganden", html`<table class="params">
<caption>Antaganden som värdena bygger på (${s.defaults ? "kontraktets standardvärden" : "nätverkets inställningar"})</caption>
<thead><tr><th scope="col">Parameter</th><th scope="col">Innebörd</th><th scope="col" class="num">Värde</th></tr></thead>
<tbody>${rows.map(([k, what, v]) => html`<tr><th scope="row">${k}</th><td>${what}</td><td class="num">${v}</td></tr>`)}</tbody>
</table>`);
}

function figureText(ind: Indicator, f: Figure | undefined): string {
  if (!f) return NO_DATA;
  return formatFigure(f.status, f.value, (v) => formatFixed(v, ind.decimals ?? 0));
}

/** A row of the report's tables: a municipality, or a mean (the network's, a comparison group's). */
export interface SectionRow { code: string; name: string; network: boolean }

function table(page: ReportPage, rows: readonly SectionRow[], defs: readonly Indicator[], get: (id: string, m: string, y: number) => Figure | undefined): Html {
  const short = { socioeconomic_value: "Värde, kr", socioeconomic_net_value: "Netto, kr", socioeconomic_return: "Kr per kr" } as const;
  return tableWrap("Tabell: socioekonomiskt värde per kommun och år", html`<table class="figs g3">
<caption>Socioekonomiskt värde, nettovärde och avkastning per kommun och år (totalt, modellberäkning)</caption>
<thead>
<tr><th scope="col" rowspan="2">Kommun</th>${page.years.map((y) => html`<th scope="colgroup" colspan="${defs.length}" class="ystart">${y}</th>`)}</tr>
<tr>${page.years.map(() => defs.map((d, i) => html`<th scope="col" class="num${i === 0 ? " ystart" : ""}">${short[d.id as keyof typeof short]}</th>`))}</tr>
</thead>
<tbody>${rows.map((r) => html`<tr${r.network ? html` class="network"` : ""}><th scope="row">${r.name}</th>${page.years.map((y) => defs.map((d) => html`<td>${figureText(d, get(d.id, r.code, y))}</td>`))}</tr>`)}</tbody>
</table>`);
}

function netChart(municipalities: readonly Municipality[], year: number, get: (id: string, m: string, y: number) => Figure | undefined): Html {
  const bars = municipalities
    .map((m) => ({ name: m.name, f: get("socioeconomic_net_value", m.code, year) }))
    .filter((b): b is { name: string; f: Figure & { value: number } } => b.f?.status === "" && b.f.value !== null)
    .map((b) => ({ name: b.name, value: b.f.value }))
    .sort((a, b) => b.value - a.value);
  const without = municipalities.filter((m) => !bars.some((b) => b.name === m.name));
  const caption = html`<figcaption id="socio-net-desc"><strong>Socioekonomiskt nettovärde per kommun, ${year}</strong> (kronor, modellberäkning), högst först.${without.length ? html` Utan stapel (värdet är skyddat eller saknas): ${without.map((m, k) => html`${k ? ", " : ""}${m.name}`)}.` : ""}</figcaption>`;
  if (bars.length === 0) return html`<figure class="chart" id="socio-net"><p class="muted">Inget publicerat nettovärde för ${year}.</p>${caption}</figure>`;
  const document = chartDocument();
  const lo = Math.min(0, ...bars.map((b) => b.value));
  const hi = Math.max(0, ...bars.map((b) => b.value));
  const svg = Plot.plot({
    document,
    className: "kas-chart",
    width: chartWidth,
    height: bars.length * 22 + 50,
    marginLeft: 150,
    marginRight: 20,
    style: { fontSize: "11px", fontFamily: "inherit", background: "#ffffff", color: "#1b1b1b" },
    x: { domain: [lo, hi], nice: true, grid: true, tickFormat: (v: number) => tick(v / 1e6), label: "Miljoner kronor", labelAnchor: "right", labelArrow: "none" },
    y: { domain: bars.map((b) => b.name), label: null, tickSize: 0, padding: 0.25 },
    marks: [
      Plot.barX(bars, { x: "value", y: "name", fill: (b: { value: number }) => (b.value < 0 ? "#b3261e" : "#1f6f50") }),
      Plot.ruleX([0], { stroke: "#1b1b1b" })
    ]
  });
  clean(svg);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `Diagram: socioekonomiskt nettovärde per kommun, ${year}`);
  svg.setAttribute("aria-describedby", "socio-net-desc");
  svg.setAttribute("focusable", "false");
  return html`<figure class="chart" id="socio-net">${raw(svg.outerHTML)}${caption}</figure>`;
}

/** The section, or nothing when the report has no socio-economic figures; `rows` are the report's table rows. */
export function socioeconomicSection(page: ReportPage, rows: readonly SectionRow[]): Html {
  const s = page.socioeconomic;
  const defs = page.indicators.filter((i) => i.kind === "model"); // value, net value, return (schemas/indicators.json)
  if (!s || defs.length === 0 || page.years.length === 0) return html``;
  const ids = new Set(defs.map((d) => d.id));
  const index = new Map<string, Figure>();
  for (const f of page.figures) if (ids.has(f.indicator) && f.gender === "T") index.set(`${f.indicator}|${f.municipality}|${f.year}`, f);
  const get = (id: string, m: string, y: number) => index.get(`${id}|${m}|${y}`);
  const latest = page.years[page.years.length - 1];
  const names = new Map(page.municipalities.map((m) => [m.code, m.name]));
  const sensitivity = s.sensitivity.filter((x) => x.year === latest);
  const p = s.parameters;
  return html`<section class="indicator socioeconomic" id="socioekonomi" aria-labelledby="socioekonomi-h">
<h2 id="socioekonomi-h">Socioekonomiskt värde av avslut till arbete eller studier</h2>
<div class="box">
<p><strong>Detta är en modellberäkning med nätverkets antaganden, inte uppmätta utfall.</strong> Ingen person har följts upp för att ta fram de här värdena: de visar vad årets avslut till arbete eller studier är värda <em>om</em> antagandena nedan stämmer.</p>
<p>Modellen: ett hushålls bistånd under ett år, A, är 12 gånger målgruppens utbetalda bistånd per hushållsmånad i kommunen samma år. Varje avslut till arbete antas ge, år 1 till ${p.horizon_years}, andelen p<sub>t</sub> av (A + R) — biståndet som inte betalas ut och skatter och avgifter av arbetet — och varje avslut till studier andelen q<sub>t</sub> av A, diskonterat med ${pct(p.discount_rate)} per år från år 2. Värdet är summan för årets avslut till arbete och till studier, minskat med dödvikten d. Nettovärdet är värdet minus den sammanlagda kostnaden för årets avslutade insatser; avkastningen är värdet delat med kostnaden (kronor tillbaka per satsad krona, saknas när kostnaden är 0).</p>
${p.deadweight === 0 ? html`<p>Dödvikten är 0: modellen tillskriver insatserna <em>varje</em> avslut, också de som kanske hade skett ändå. Värdena är därför en övre gräns för vad insatserna ger.</p>` : ""}
<p>Värdena skyddas som antalen de bygger på: de visas som <span class="sym">..</span> när avsluten till arbete eller studier eller årets avslut är få (1–${page.threshold}) eller skyddade i rapporten.</p>
</div>
${parameters(s)}
${page.municipalities.length <= maxFacets * 3 ? netChart(page.municipalities, latest, get) : html`<p class="muted">Nätverket har ${page.municipalities.length} kommuner: nettovärdena står i tabellen nedan och i datafilerna.</p>`}
${table(page, rows, defs, get)}
<h3>Hur mycket vilar på antagandena?</h3>
${sensitivity.length === 0
    ? html`<p>Inget värde för ${latest} är publicerat.</p>`
    : html`<p>Värdet ${latest} med andelarna kvar utan bistånd (p och q) halverade, och med kontraktets standardvärden${s.defaults ? " (som används ovan)" : ""}:</p>
<ul class="sensitivity">${sensitivity.map((x) => html`<li><span class="nw">${names.get(x.municipality) ?? x.municipality}</span>: ${kr(x.value)}; halverade andelar ${kr(x.halfRetention)}; standardvärden ${kr(x.defaults)}</li>`)}</ul>`}
</section>`;
}
