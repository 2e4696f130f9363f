// A comparison report for one target group (contract §6–§8): per indicator its definition, a chart
// and the same figures as a table with Kolada-style ranks, numerators and denominators. A small
// network gets one facet per municipality (chart.ts), a large one the network's years
// (trend-chart.ts) and compact row charts (dot-chart.ts). After the totals, one section per
// breakdown dimension (breakdown-section.ts); an indicator published only broken down has no total
// section.
// The tables of a national network have some 20 000 cells, so a cell carries only what differs
// from cell to cell; alignment and column-group borders come from the table's class.
import { BreakdownIndex } from "./breakdown-index.js";
import { breakdownSection, dimensionAnchor } from "./breakdown-section.js";
import { socioeconomicSection } from "./socioeconomic-section.js";
import { genderLabel, maxFacets, networkCount, renderChart, type ChartInput } from "./chart.js";
import { renderDotCharts } from "./dot-chart.js";
import { renderNetworkTrend } from "./trend-chart.js";
import { denominatorText, formatByIndicator, formatCount, formatFigure, formatFixed, NO_DATA, numeratorText } from "./format.js";
import { html, slug, type Html } from "./html.js";
import { freshnessTable, layout, runTime, symbolsLegend, tableWrap } from "./frame.js";
import type { Figure, Freshness, Indicator, Municipality, ReportPage } from "./model.js";
import { rankClass, rankText } from "./rank.js";
import { overviewSection } from "./overview.js";
import { formatMonth } from "./time.js";

export const networkLabel = "Nätverket (medel)";
const genderOrder = ["K", "M", "T"] as const;

type Row = { code: string; name: string; network: boolean };

/** The value in Swedish notation. A network mean of a count is a mean, so it keeps one decimal. */
function valueText(ind: Indicator, f: Figure | undefined, network: boolean): string {
  if (!f) return NO_DATA;
  const format = ind.kind === "count" && network ? (v: number) => formatFixed(v, 1) : (v: number) => formatByIndicator(ind, v);
  return formatFigure(f.status, f.value, format);
}


type Lookup = (m: string, y: number, g: string) => Figure | undefined;


/** An indicator with a section of its own among the totals: not one published only broken down, nor a model figure. */
const isTotalSection = (i: Indicator) => i.total !== false && i.kind !== "model";

/** The figures checked and indexed once: the totals by indicator → municipality → year → gender,
 *  and each indicator's own list; the breakdown rows (a non-empty dimension) into `breakdowns`.
 *  Nested maps, not joined string keys: a national page looks up some 20 000 total cells and
 *  50 000 breakdown cells, and building a key string per cell was the largest cost left. */
function indexFigures(figures: readonly Figure[], known: ReadonlySet<string>, indicators: readonly Indicator[], breakdowns: BreakdownIndex) {
  const totals = indicators.filter(isTotalSection);
  const index = new Map<string, Map<string, Map<number, Record<string, Figure>>>>(totals.map((i) => [i.id, new Map()]));
  const own = new Map<string, Figure[]>(totals.map((i) => [i.id, []]));
  const ids = new Set(indicators.map((i) => i.id));
  const models = new Set(indicators.filter((i) => i.kind === "model").map((i) => i.id));
  for (const f of figures) {
    if (f.municipality !== "network" && !known.has(f.municipality)) throw new Error(`figure for unknown municipality: ${f.municipality}`);
    if (f.status !== "" && f.status !== ".." && f.status !== "-") throw new Error(`invalid status: ${f.status}`);
    if (f.dimension) {
      breakdowns.add(f);
      continue;
    }
    if (models.has(f.indicator)) continue; // contract §10's figures have a section of their own (socioeconomic-section.ts)
    const byMunicipality = index.get(f.indicator);
    if (!byMunicipality) {
      throw new Error(ids.has(f.indicator) ? `total figure for an indicator published only broken down: ${f.indicator}` : `figure for unknown indicator: ${f.indicator}`);
    }
    let byYear = byMunicipality.get(f.municipality);
    if (!byYear) byMunicipality.set(f.municipality, (byYear = new Map()));
    let byGender = byYear.get(f.year);
    if (!byGender) byYear.set(f.year, (byGender = {}));
    if (Object.hasOwn(byGender, f.gender)) throw new Error(`duplicate figure: ${f.indicator}|${f.municipality}|${f.year}|${f.gender}`);
    byGender[f.gender] = f;
    if (!f.municipality.startsWith("group:")) own.get(f.indicator)!.push(f); // the charts show the municipalities and the network
  }
  const lookup = (indicator: string): Lookup => {
    const byMunicipality = index.get(indicator)!;
    return (m, y, g) => {
      const byGender = byMunicipality.get(m)?.get(y);
      return byGender && Object.hasOwn(byGender, g) ? byGender[g] : undefined;
    };
  };
  return { lookup, own };
}

function headerRows(years: readonly number[], genders: readonly string[], first: string): Html {
  return html`<thead>
<tr><th scope="col" rowspan="2">${first}</th>${years.map((y) => html`<th scope="colgroup" colspan="${genders.length}" class="ystart">${y}</th>`)}</tr>
<tr>${years.map(() => genders.map((g, i) => html`<th scope="col" class="num${i === 0 ? " ystart" : ""}">${genderLabel(g as "K")}</th>`))}</tr>
</thead>`;
}

const genderCount = (ind: Indicator) => genderOrder.filter((g) => ind.genders.includes(g)).length;

/** Years split into tables of at most 9 figure columns, so a table fits the width of a screen and
 *  of an A4 page without scrolling or clipping; the latest years form the last, full table. */
export function yearChunks(years: readonly number[], genders: number): number[][] {
  const per = Math.max(1, Math.floor(9 / Math.max(1, genders)));
  const chunks: number[][] = [];
  for (let end = years.length; end > 0; end -= per) chunks.unshift(years.slice(Math.max(0, end - per), end));
  return chunks;
}

const span = (years: readonly number[]) => (years.length > 1 ? `${years[0]}–${years[years.length - 1]}` : String(years[0]));

/** A table of up to this many rows stays whole on one printed page; a longer one breaks between rows. */
const keepRows = 16;

/** The class of a figure table: its cells are numbers, and a border starts each year's columns. */
const tableClass = (genders: number) => `figs g${genders}`;

function figureTable(ind: Indicator, rows: readonly Row[], years: readonly number[], get: Lookup, partial = false): Html {
  const genders = genderOrder.filter((g) => ind.genders.includes(g));
  const body = rows.map((r) => {
    const cells = years.map((y) =>
      genders.map((g) => {
        const f = get(r.code, y, g);
        const rank = r.network
          ? networkCount(f)
          : html`<span class="rank rank-${rankClass(f?.rank ?? null, f?.ranked ?? null, ind.direction)}">${rankText(f?.rank ?? null, f?.ranked ?? null)}</span>`;
        return html`<td><span class="cell-value">${valueText(ind, f, r.network)}</span>${rank}</td>`;
      })
    );
    return html`<tr${r.network ? html` class="network"` : ""}><th scope="row">${r.name}</th>${cells}</tr>`;
  });
  const unit = ind.kind === "share" ? "procent" : ind.unit;
  const caption = `${ind.sv} (${unit}) per kommun, år${genders.length > 1 ? " och kön" : ""}, med rang; nätverkets medelvärde med antalet kommuner (n)${partial ? `, ${span(years)}` : ""}`;
  return tableWrap(`Tabell: ${ind.sv}${partial ? `, ${span(years)}` : ""}`, html`<table class="${tableClass(genders.length)}">
<caption>${caption}</caption>
${headerRows(years, genders, "Kommun")}
<tbody>${body}</tbody>
</table>`, rows.length <= keepRows);
}

function partsTable(ind: Indicator, rows: readonly Row[], allYears: readonly number[], get: Lookup): Html {
  const genders = genderOrder.filter((g) => ind.genders.includes(g));
  const chunks = yearChunks(allYears, genders.length);
  const tables = chunks.map((years) => {
    const body = rows.map((r) => {
      const cells = years.map((y) =>
        genders.map((g) => {
          const f = get(r.code, y, g);
          // numerator over denominator, as a fraction: narrow enough for nine columns on A4
          return html`<td>${numeratorText(ind, f, r.network)}<span class="den">/ ${denominatorText(f)}</span></td>`;
        })
      );
      return html`<tr${r.network ? html` class="network"` : ""}><th scope="row">${r.name}</th>${cells}</tr>`;
    });
    const which = chunks.length > 1 ? `, ${span(years)}` : "";
    return tableWrap(`Tabell: täljare och nämnare, ${ind.sv}${which}`, html`<table class="${tableClass(genders.length)}">
<caption>${ind.sv}: täljare / nämnare per kommun, år${genders.length > 1 ? " och kön" : ""}${which}</caption>
${headerRows(years, genders, "Kommun")}
<tbody>${body}</tbody>
</table>`);
  });
  const networkOnly = rows.every((r) => r.network);
  const explain = networkOnly
    ? html`<p>Kommunernas värden är antal och har ingen nämnare. Nätverkets medelvärde är summan av de kommunvärden som ingår (täljare) delad med antalet kommuner som ingår (nämnare).</p>`
    : html`<p>Varje cell visar täljaren och under den / nämnaren. Täljare: ${ind.numerator}. Nämnare: ${ind.denominator}. För nätverket: summan av de kommunvärden som ingår i medelvärdet / antalet kommuner som ingår.</p>`;
  return html`<details><summary>${networkOnly ? "Täljare och nämnare för nätverkets medelvärde" : "Täljare och nämnare"}</summary>
${explain}
${tables}
</details>`;
}

/** The charts of one indicator: facets for a small network; for a large one the network over the
 *  years, then row charts of every municipality. */
export function indicatorChart(input: ChartInput): Html {
  return input.municipalities.length > maxFacets ? html`${renderNetworkTrend(input)}${renderDotCharts(input)}` : renderChart(input);
}

/** The table rows of a report: the municipalities, the network mean, then the comparison groups' means (§13). */
function tableRows(page: ReportPage): Row[] {
  return [
    ...page.municipalities.map((m) => ({ code: m.code, name: m.name, network: false })),
    { code: "network", name: networkLabel, network: true },
    ...(page.comparisonGroups ?? []).map((g) => ({ code: `group:${g.id}`, name: `${g.name} (medel)`, network: true }))
  ];
}

function indicatorSection(page: ReportPage, ind: Indicator, get: Lookup, own: readonly Figure[]): Html {
  const id = `ind-${slug(ind.id)}`;
  const rows = tableRows(page);
  const isCount = ind.kind === "count";
  const direction = ind.direction === "higher" ? "Högre värde är bättre." : ind.direction === "lower" ? "Lägre värde är bättre." : "Värdet rankas från högsta till lägsta men färgas neutralt: högre är inte bättre eller sämre.";
  return html`<section class="indicator" id="${id}" aria-labelledby="${id}-h">
<div class="indicator-head">
<h2 id="${id}-h">${ind.sv}</h2>
<dl class="definition">
<dt>Definition</dt><dd>${ind.definition}</dd>
${isCount ? "" : html`<dt>Täljare</dt><dd>${ind.numerator}</dd><dt>Nämnare</dt><dd>${ind.denominator}</dd>`}
<dt>Rangordning</dt><dd>${direction}</dd>
</dl>
</div>
${indicatorChart({ id: `${id}-chart`, indicator: ind, municipalities: page.municipalities, years: page.years, figures: own })}
${yearChunks(page.years, genderCount(ind)).map((years) => figureTable(ind, rows, years, get, years.length < page.years.length))}
${partsTable(ind, isCount ? rows.filter((r) => r.network) : rows, page.years, get)}
</section>`;
}

/** One line for the folded freshness table of a large network: how far the data reach. */
export function freshnessSummary(rows: readonly Freshness[]): string {
  const ends = rows.map((f) => f.bistandTo).filter((m): m is string => m !== null).sort();
  const without = rows.length - ends.length;
  const reach = ends.length === 0 ? "inga biståndsdata" : ends[0] === ends[ends.length - 1] ? `biståndsdata t.o.m. ${formatMonth(ends[0])}` : `biståndsdata t.o.m. ${formatMonth(ends[0])} – ${formatMonth(ends[ends.length - 1])}`;
  return `${formatCount(rows.length)} kommuner, ${reach}${without > 0 && ends.length > 0 ? `, ${formatCount(without)} utan biståndsdata` : ""}`;
}

function checkPage(page: ReportPage): void {
  if (!Number.isInteger(page.threshold) || page.threshold < 0) throw new Error(`invalid threshold: ${page.threshold}`);
  for (const y of page.years) if (!Number.isInteger(y)) throw new Error(`invalid year: ${y}`);
}

/** The report page of one target group as one self-contained HTML document. */
export function renderReport(input: ReportPage): string {
  checkPage(input);
  if (input.years.length === 0) return renderEmpty(input);
  // a page written before contract v2 (a fixture's JSON) has no dimensions
  const page: ReportPage = { ...input, dimensions: input.dimensions ?? [], years: [...new Set(input.years)].sort((a, b) => a - b) };
  const municipalities: readonly Municipality[] = page.municipalities;
  const breakdowns = new BreakdownIndex(page.dimensions, page.indicators);
  const known = new Set([...municipalities.map((m) => m.code), ...(page.comparisonGroups ?? []).map((g) => `group:${g.id}`)]);
  const figures = indexFigures(page.figures, known, page.indicators, breakdowns);
  const totals = page.indicators.filter(isTotalSection);
  const dimensions = page.dimensions.map((d) => ({ dimension: d, breakdowns: breakdowns.of(d.id) })).filter((d) => d.breakdowns.length > 0);
  const rows = tableRows(page);
  const totalAnchor = (id: string) => (totals.some((i) => i.id === id) ? `ind-${slug(id)}` : null);
  const tg = page.targetGroup;
  const large = municipalities.length > maxFacets;
  const names = html`${municipalities.map((m, i) => html`${i > 0 ? ", " : ""}${m.name}`)}`;
  const freshness = freshnessTable(page.freshness, page.run, "Senast inlästa data per kommun");
  const yearsText = page.years.length > 1 ? `${Math.min(...page.years)}–${Math.max(...page.years)}` : String(page.years[0]);
  const { withheld, secondary } = page.protection;
  const body = html`<h1>${tg.sv}</h1>
<p class="lead">Jämförelse mellan nätverkets kommuner, ${yearsText}. Målgrupp: ${tg.definition}</p>
<dl class="meta">
<dt>Körning</dt><dd>${runTime(page.run)}, körning nr ${page.run.id}</dd>
<dt>Kommuner</dt><dd>${large ? html`<details class="inline"><summary>${formatCount(municipalities.length)} kommuner</summary>${names}</details>` : names}</dd>
<dt>Data</dt><dd><a href="data/${tg.id}.csv">Alla siffror i rapporten som CSV</a> (punkt som decimaltecken), <a href="data/${tg.id}.xlsx">som Excel-fil</a> (för Excel: svenska rubriker, kommun- och indikatornamn) och <a href="data/${tg.id}.arrow">som Apache Arrow-fil</a> (typade kolumner, för R, Python och andra analysverktyg)</dd>
</dl>
${overviewSection({ municipalities, years: page.years, indicators: totals, lookup: figures.lookup })}
<div class="box">
<p><strong>Symboler</strong></p>
${symbolsLegend(page.threshold)}
<p>${withheld === 0 ? "Inga värden i rapporten är skyddade." : html`<span class="nw">${formatCount(withheld)}</span> ${withheld === 1 ? "värde" : "värden"} i rapporten är skyddade (<span class="sym">..</span>)${secondary > 0 ? html`, varav <span class="nw">${formatCount(secondary)}</span> för att andra skyddade värden inte ska kunna räknas fram` : ""}.`}</p>
<p><strong>Rang</strong>: 1 = bäst bland kommunerna med publicerat värde. Färgen följer Kolada och rangen står alltid också i text:</p>
<ul class="rank-key">
<li><span class="rank rank-good">grön</span> bästa tredjedelen</li>
<li><span class="rank rank-mid">gul</span> mittersta tredjedelen</li>
<li><span class="rank rank-bad">röd</span> sämsta tredjedelen</li>
<li><span class="rank rank-neutral">blå</span> ingen riktning (t.ex. antal)</li>
<li><span class="rank rank-missing">grå</span> ej rankad (värdet saknas eller är skyddat, eller färre än tre kommuner har ett publicerat värde)</li>
</ul>
<p><strong>Nätverkets medelvärde</strong> är medelvärdet av kommunernas publicerade värden; under det står hur många kommuner det bygger på (<span class="nw">n = 5</span>), och <span class="ov-n ov-one">1 kommun</span> där det är en enda kommuns värde. Är alla kommuners värden skyddade visar nätverket <span class="sym">..</span>.</p>
</div>
${large ? html`<details class="print-closed"><summary>Senast inlästa data per kommun (${freshnessSummary(page.freshness)})</summary>${freshness}</details>` : freshness}
<nav aria-label="Indikatorer"><h2>Indikatorer</h2><ol class="toc">${totals.map((i) => html`<li><a href="#ind-${slug(i.id)}">${i.sv}</a></li>`)}</ol>${dimensions.length === 0 ? "" : html`
<h3>Uppdelningar</h3><ol class="toc">${dimensions.map(({ dimension: d, breakdowns: b }) => html`<li><a href="#${dimensionAnchor(d)}">${d.sv}</a> <span class="muted">(${b.map((x) => x.indicator.sv).join(", ").toLowerCase()})</span></li>`)}</ol>`}${page.socioeconomic ? html`
<h3>Modellberäkning</h3><ol class="toc"><li><a href="#socioekonomi">Socioekonomiskt värde av avslut till arbete eller studier</a></li></ol>` : ""}</nav>
${totals.map((ind) => indicatorSection(page, ind, figures.lookup(ind.id), figures.own.get(ind.id)!))}${dimensions.map(({ dimension, breakdowns: b }) => html`
${breakdownSection(dimension, b, rows, page.years, totalAnchor)}`)}
${socioeconomicSection(page, rows)}`;
  return layout({ title: tg.sv, current: "report", run: page.run, body });
}

/** Before any file has been accepted there is nothing to compare: the page says so, and where to look. */
function renderEmpty(page: ReportPage): string {
  const tg = page.targetGroup;
  const body = html`<h1>${tg.sv}</h1>
<p class="lead">Målgrupp: ${tg.definition}</p>
<dl class="meta">
<dt>Körning</dt><dd>${runTime(page.run)}, körning nr ${page.run.id}</dd>
</dl>
<div class="box">
<p><strong>Inga uppgifter ännu.</strong> Ingen kommuns extrakt har godkänts, så det finns inget att jämföra. Se <a href="quality.html">Datakvalitet</a> för filer som har avvisats och varför.</p>
</div>
<section aria-label="Indikatorer"><h2>Indikatorer</h2>
<dl>${page.indicators.map((i) => html`<dt>${i.sv}</dt><dd>${i.definition}</dd>`)}</dl>
</section>`;
  return layout({ title: tg.sv, current: "report", run: page.run, body });
}
