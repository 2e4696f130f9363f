// The socio-economic section of a report (contract §10): the model in words with every parameter and
// the value used, said plainly to be the network's assumptions and not measured outcomes; the three
// figures per municipality and year; a chart of the latest year's net value per municipality; and a
// line of sensitivity — each value with every retention share halved and with the contract's defaults.
// The figures themselves come from pipeline/publish/socioeconomic.ts.
import * as Plot from "@observablehq/plot";
import { chartDocument, chartWidth, clean, maxFacets, tick } from "./chart.js";
import { html, raw, type Html } from "./html.js";
import { tableWrap } from "./frame.js";
import type { Figure, Indicator, Municipality, ReportPage, SocioeconomicSection } from "./model.js";
import type { Words } from "./words.js";

const money = (v: number, w: Words) => w.socio.money(w.n.fixed(v, 0));
const pct = (v: number, w: Words) => w.n.percent(v * 100, 1);
const list = (xs: readonly number[], w: Words) => xs.map((x) => w.n.fixed(x, 2)).join(" · ");

function parameters(s: SocioeconomicSection, w: Words): Html {
  const p = s.parameters;
  const t = w.socio.parameters;
  const rows: [string, string, string][] = [
    ["H", t.H, String(p.horizon_years)],
    ["r", t.r, pct(p.discount_rate, w)],
    ["R", t.R, money(p.public_revenue_per_work_year, w)],
    ["p", t.p, list(p.work_retention, w)],
    ["q", t.q, list(p.studies_retention, w)],
    ["d", t.d, pct(p.deadweight, w)]
  ];
  return tableWrap(w.table(w.socio.parametersLabel), html`<table class="params">
<caption>${w.socio.parametersCaption(s.defaults)}</caption>
<thead><tr>${w.socio.parametersHead.map((h, i) => html`<th scope="col"${i === 2 ? html` class="num"` : ""}>${h}</th>`)}</tr></thead>
<tbody>${rows.map(([k, what, v]) => html`<tr><th scope="row">${k}</th><td>${what}</td><td class="num">${v}</td></tr>`)}</tbody>
</table>`);
}

function figureText(ind: Indicator, f: Figure | undefined, w: Words): string {
  return w.n.figure(f, (v) => w.n.fixed(v, ind.decimals ?? 0));
}

/** A row of the report's tables: a municipality, or a mean (the network's, a comparison group's). */
export interface SectionRow { code: string; name: string; network: boolean }

function table(page: ReportPage, rows: readonly SectionRow[], defs: readonly Indicator[], get: (id: string, m: string, y: number) => Figure | undefined, w: Words): Html {
  const short = w.socio.short;
  return tableWrap(w.table(w.socio.tableLabel), html`<table class="figs g3">
<caption>${w.socio.tableCaption}</caption>
<thead>
<tr><th scope="col" rowspan="2">${w.municipality}</th>${page.years.map((y) => html`<th scope="colgroup" colspan="${defs.length}" class="ystart">${y}</th>`)}</tr>
<tr>${page.years.map(() => defs.map((d, i) => html`<th scope="col" class="num${i === 0 ? " ystart" : ""}">${short[d.id as keyof typeof short]}</th>`))}</tr>
</thead>
<tbody>${rows.map((r) => html`<tr${r.network ? html` class="network"` : ""}><th scope="row">${r.name}</th>${page.years.map((y) => defs.map((d) => html`<td>${figureText(d, get(d.id, r.code, y), w)}</td>`))}</tr>`)}</tbody>
</table>`);
}

function netChart(municipalities: readonly Municipality[], year: number, get: (id: string, m: string, y: number) => Figure | undefined, w: Words): Html {
  const t = w.socio;
  const bars = municipalities
    .map((m) => ({ name: m.name, f: get("socioeconomic_net_value", m.code, year) }))
    .filter((b): b is { name: string; f: Figure & { value: number } } => b.f?.status === "" && b.f.value !== null)
    .map((b) => ({ name: b.name, value: b.f.value }))
    .sort((a, b) => b.value - a.value);
  const without = municipalities.filter((m) => !bars.some((b) => b.name === m.name));
  const caption = html`<figcaption id="socio-net-desc"><strong>${t.netTitle(year)}</strong> ${t.netHow}${without.length ? html` ${t.netWithout}: ${without.map((m, k) => html`${k ? ", " : ""}${m.name}`)}.` : ""}</figcaption>`;
  if (bars.length === 0) return html`<figure class="chart" id="socio-net"><p class="muted">${t.noNet(year)}</p>${caption}</figure>`;
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
    x: { domain: [lo, hi], nice: true, grid: true, tickFormat: (v: number) => tick(v / 1e6, w), label: t.millions, labelAnchor: "right", labelArrow: "none" },
    y: { domain: bars.map((b) => b.name), label: null, tickSize: 0, padding: 0.25 },
    marks: [
      Plot.barX(bars, { x: "value", y: "name", fill: (b: { value: number }) => (b.value < 0 ? "#b3261e" : "#1f6f50") }),
      Plot.ruleX([0], { stroke: "#1b1b1b" })
    ]
  });
  clean(svg);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", w.chart.diagram(t.netTitle(year).toLowerCase()));
  svg.setAttribute("aria-describedby", "socio-net-desc");
  svg.setAttribute("focusable", "false");
  return html`<figure class="chart" id="socio-net">${raw(svg.outerHTML)}${caption}</figure>`;
}

/** The section, or nothing when the report has no socio-economic figures; `rows` are the report's table rows. */
export function socioeconomicSection(page: ReportPage, rows: readonly SectionRow[], w: Words, aside: (indicator: string) => Html = () => html``): Html {
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
  const t = w.socio;
  return html`<section class="indicator socioeconomic" id="socioekonomi" aria-labelledby="socioekonomi-h">
<h2 id="socioekonomi-h">${t.title}</h2>
<div class="box">
<p>${t.notMeasured}</p>
<p>${t.model(p.horizon_years, pct(p.discount_rate, w))}</p>
${p.deadweight === 0 ? html`<p>${t.noDeadweight}</p>` : ""}
<p>${t.protected(page.threshold)}</p>
</div>${defs.map((d) => aside(d.id))}
${parameters(s, w)}
${page.municipalities.length <= maxFacets * 3 ? netChart(page.municipalities, latest, get, w) : html`<p class="muted">${t.tooMany(page.municipalities.length)}</p>`}
${table(page, rows, defs, get, w)}
<h3>${t.sensitivityTitle}</h3>
${sensitivity.length === 0
    ? html`<p>${t.noValue(latest)}</p>`
    : html`<p>${t.sensitivityIntro(latest, s.defaults)}</p>
<ul class="sensitivity">${sensitivity.map((x) => html`<li><span class="nw">${names.get(x.municipality) ?? x.municipality}</span>: ${t.sensitivityLine(money(x.value, w), money(x.halfRetention, w), money(x.defaults, w))}</li>`)}</ul>`}
</section>`;
}
