// A comparison report for one target group (contract §6–§8): per indicator its definition, a chart
// and the same figures as a table with Kolada-style ranks, numerators and denominators. A small
// network gets one facet per municipality (chart.ts), a large one the network's years
// (trend-chart.ts) and compact row charts (dot-chart.ts). After the totals, one section per
// breakdown dimension (breakdown-section.ts); an indicator published only broken down has no total
// section. The municipalities' commentary (contract §14) stands beside the report and in the
// sections of the indicators it names (report-commentary.ts).
// The tables of a national network have some 20 000 cells, so a cell carries only what differs
// from cell to cell; alignment and column-group borders come from the table's class.
import { BreakdownIndex } from "./breakdown-index.js";
import { breakdownSection, dimensionAnchor } from "./breakdown-section.js";
import { socioeconomicSection } from "./socioeconomic-section.js";
import { maxFacets, networkCount, renderChart, type ChartInput } from "./chart.js";
import { renderDotCharts } from "./dot-chart.js";
import { renderNetworkTrend } from "./trend-chart.js";
import { html, slug, type Html } from "./html.js";
import { freshnessTable, layout, runTime, symbolsLegend, tableWrap } from "./frame.js";
import type { Figure, Freshness, Indicator, Municipality, ReportPage } from "./model.js";
import { rankClass, rankText } from "./rank.js";
import { overviewSection } from "./overview.js";
import { formatMonth } from "./time.js";
import { definitionList } from "./definition-list.js";
import { ReportComments } from "./report-commentary.js";
import { words, type Words } from "./words.js";

const genderOrder = ["K", "M", "T"] as const;

type Row = { code: string; name: string; network: boolean };



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

function headerRows(years: readonly number[], genders: readonly ("K" | "M" | "T")[], first: string, w: Words): Html {
  return html`<thead>
<tr><th scope="col" rowspan="2">${first}</th>${years.map((y) => html`<th scope="colgroup" colspan="${genders.length}" class="ystart">${y}</th>`)}</tr>
<tr>${years.map(() => genders.map((g, i) => html`<th scope="col" class="num${i === 0 ? " ystart" : ""}">${w.gender[g]}</th>`))}</tr>
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

function figureTable(ind: Indicator, rows: readonly Row[], years: readonly number[], get: Lookup, w: Words, partial = false): Html {
  const genders = genderOrder.filter((g) => ind.genders.includes(g));
  const body = rows.map((r) => {
    const cells = years.map((y) =>
      genders.map((g) => {
        const f = get(r.code, y, g);
        const rank = r.network
          ? networkCount(f, w)
          : html`<span class="rank rank-${rankClass(f?.rank ?? null, f?.ranked ?? null, ind.direction)}">${rankText(f?.rank ?? null, f?.ranked ?? null, w)}</span>`;
        return html`<td><span class="cell-value">${w.n.value(ind, f, r.network)}</span>${rank}</td>`;
      })
    );
    return html`<tr${r.network ? html` class="network"` : ""}><th scope="row">${r.name}</th>${cells}</tr>`;
  });
  const name = w.name(ind);
  const which = partial ? `, ${span(years)}` : "";
  return tableWrap(w.table(`${name}${which}`), html`<table class="${tableClass(genders.length)}">
<caption>${w.report.figuresCaption(name, w.valueUnit(ind), genders.length > 1, which)}</caption>
${headerRows(years, genders, w.municipality, w)}
<tbody>${body}</tbody>
</table>`, rows.length <= keepRows);
}

function partsTable(ind: Indicator, rows: readonly Row[], allYears: readonly number[], get: Lookup, w: Words): Html {
  const genders = genderOrder.filter((g) => ind.genders.includes(g));
  const chunks = yearChunks(allYears, genders.length);
  const tables = chunks.map((years) => {
    const body = rows.map((r) => {
      const cells = years.map((y) =>
        genders.map((g) => {
          const f = get(r.code, y, g);
          // numerator over denominator, as a fraction: narrow enough for nine columns on A4
          return html`<td>${w.n.numerator(ind, f, r.network)}<span class="den">/ ${w.n.denominator(f)}</span></td>`;
        })
      );
      return html`<tr${r.network ? html` class="network"` : ""}><th scope="row">${r.name}</th>${cells}</tr>`;
    });
    const which = chunks.length > 1 ? `, ${span(years)}` : "";
    return tableWrap(w.table(w.report.partsLabel(w.name(ind), which)), html`<table class="${tableClass(genders.length)}">
<caption>${w.report.partsCaption(w.name(ind), genders.length > 1, which)}</caption>
${headerRows(years, genders, w.municipality, w)}
<tbody>${body}</tbody>
</table>`);
  });
  const networkOnly = rows.every((r) => r.network);
  const explain = networkOnly
    ? html`<p>${w.report.partsNetworkOnly}</p>`
    : html`<p>${w.report.partsExplain(w.text(ind.numerator), w.text(ind.denominator))}</p>`;
  return html`<details><summary>${networkOnly ? w.report.partsNetworkSummary : w.report.partsSummary}</summary>
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
function tableRows(page: ReportPage, w: Words): Row[] {
  return [
    ...page.municipalities.map((m) => ({ code: m.code, name: m.name, network: false })),
    { code: "network", name: w.networkLabel, network: true },
    ...(page.comparisonGroups ?? []).map((g) => ({ code: `group:${g.id}`, name: w.groupLabel(g.name), network: true }))
  ];
}

function indicatorSection(page: ReportPage, ind: Indicator, get: Lookup, own: readonly Figure[], comments: ReportComments, w: Words): Html {
  const id = `ind-${slug(ind.id)}`;
  const rows = tableRows(page, w);
  const isCount = ind.kind === "count";
  return html`<section class="indicator" id="${id}" aria-labelledby="${id}-h">
<div class="indicator-head">
<h2 id="${id}-h">${w.name(ind)}</h2>
${definitionList(ind, w, [[w.report.ranking, w.report.direction[ind.direction]]])}
</div>${comments.indicator(ind.id)}
${indicatorChart({ id: `${id}-chart`, indicator: ind, municipalities: page.municipalities, years: page.years, figures: own, words: w })}
${yearChunks(page.years, genderCount(ind)).map((years) => figureTable(ind, rows, years, get, w, years.length < page.years.length))}
${partsTable(ind, isCount ? rows.filter((r) => r.network) : rows, page.years, get, w)}
</section>`;
}

/** One line for the folded freshness table of a large network: how far the data reach. */
export function freshnessSummary(rows: readonly Freshness[], w: Words): string {
  const ends = rows.map((f) => f.bistandTo).filter((m): m is string => m !== null).sort();
  const without = rows.length - ends.length;
  const month = (ym: string) => formatMonth(ym, w.language);
  const reach = ends.length === 0 ? null : ends[0] === ends[ends.length - 1] ? month(ends[0]) : `${month(ends[0])} – ${month(ends[ends.length - 1])}`;
  return w.report.freshnessSummary(rows.length, reach, ends.length > 0 ? without : 0);
}

function checkPage(page: ReportPage): void {
  if (!Number.isInteger(page.threshold) || page.threshold < 0) throw new Error(`invalid threshold: ${page.threshold}`);
  for (const y of page.years) if (!Number.isInteger(y)) throw new Error(`invalid year: ${y}`);
}

/** The report page of one target group as one self-contained HTML document, in the page's language. */
export function renderReport(input: ReportPage): string {
  checkPage(input);
  const w = words(input.language ?? "sv");
  if (input.years.length === 0) return renderEmpty(input, w);
  // a page written before contract v2 (a fixture's JSON) has no dimensions
  const page: ReportPage = { ...input, dimensions: input.dimensions ?? [], years: [...new Set(input.years)].sort((a, b) => a - b) };
  const municipalities: readonly Municipality[] = page.municipalities;
  const breakdowns = new BreakdownIndex(page.dimensions, page.indicators);
  const known = new Set([...municipalities.map((m) => m.code), ...(page.comparisonGroups ?? []).map((g) => `group:${g.id}`)]);
  const figures = indexFigures(page.figures, known, page.indicators, breakdowns);
  const totals = page.indicators.filter(isTotalSection);
  const dimensions = page.dimensions.map((d) => ({ dimension: d, breakdowns: breakdowns.of(d.id) })).filter((d) => d.breakdowns.length > 0);
  const rows = tableRows(page, w);
  const totalAnchor = (id: string) => (totals.some((i) => i.id === id) ? `ind-${slug(id)}` : null);
  const tg = page.targetGroup;
  const r = w.report;
  const large = municipalities.length > maxFacets;
  const names = html`${municipalities.map((m, i) => html`${i > 0 ? ", " : ""}${m.name}`)}`;
  const freshness = freshnessTable(page.freshness, page.run, w, r.freshnessCaption);
  const yearsText = page.years.length > 1 ? `${Math.min(...page.years)}–${Math.max(...page.years)}` : String(page.years[0]);
  const { withheld, secondary } = page.protection;
  // the commentary: beside its indicator's section where the page has one (a total, a breakdown, the model), else beside the report
  const comments = new ReportComments(page.commentary, page.run, w);
  const brokenDown = dimensions.flatMap((d) => d.breakdowns.map((b) => b.indicator.id)).filter((id) => !totals.some((i) => i.id === id));
  const socio = socioeconomicSection(page, rows, w, (id) => comments.indicator(id));
  const models = socio.value === "" ? [] : page.indicators.filter((i) => i.kind === "model").map((i) => i.id);
  const shown = new Set([...totals.map((i) => i.id), ...brokenDown, ...models]);
  const placed = new Set<string>(); // an indicator broken down in several dimensions: its comments in the first
  const breakdownComments = (id: string) => (placed.has(id) || totals.some((i) => i.id === id) ? html`` : (placed.add(id), comments.indicator(id)));
  const body = html`<h1>${w.name(tg)}</h1>
<p class="lead">${r.lead(yearsText, w.text(tg.definition))}</p>
<dl class="meta">
<dt>${w.run}</dt><dd>${w.runLine(runTime(page.run, w), page.run.id)}</dd>
<dt>${w.municipalities}</dt><dd>${large ? html`<details class="inline"><summary>${r.municipalityCount(municipalities.length)}</summary>${names}</details>` : names}</dd>
<dt>${r.data}</dt><dd>${r.downloads(tg.id)}</dd>
</dl>${comments.report(page.indicators, shown)}
${overviewSection({ municipalities, years: page.years, indicators: totals, lookup: figures.lookup, words: w })}
<div class="box">
<p><strong>${r.symbols}</strong></p>
${symbolsLegend(page.threshold, w)}
<p>${r.protection(withheld, secondary)}</p>
${r.rankKey}
${r.networkMeanKey}
</div>
${large ? html`<details class="print-closed"><summary>${r.freshnessCaption} (${freshnessSummary(page.freshness, w)})</summary>${freshness}</details>` : freshness}
<nav aria-label="${r.indicators}"><h2>${r.indicators}</h2><ol class="toc">${totals.map((i) => html`<li><a href="#ind-${slug(i.id)}">${w.name(i)}</a>${comments.mark(i.id)}</li>`)}</ol>${dimensions.length === 0 ? "" : html`
<h3>${r.breakdowns}</h3><ol class="toc">${dimensions.map(({ dimension: d, breakdowns: b }) => html`<li><a href="#${dimensionAnchor(d)}">${w.name(d)}</a> <span class="muted">(${b.map((x) => w.name(x.indicator)).join(", ").toLowerCase()})</span></li>`)}</ol>`}${page.socioeconomic ? html`
<h3>${r.model}</h3><ol class="toc"><li><a href="#socioekonomi">${w.socio.title}</a></li></ol>` : ""}</nav>
${totals.map((ind) => indicatorSection(page, ind, figures.lookup(ind.id), figures.own.get(ind.id)!, comments, w))}${dimensions.map(({ dimension, breakdowns: b }) => html`
${breakdownSection(dimension, b, rows, page.years, totalAnchor, w, breakdownComments)}`)}
${socio}`;
  return layout({ title: w.name(tg), current: "report", run: page.run, body, words: w });
}

/** Before any file has been accepted there is nothing to compare: the page says so, and where to look. */
function renderEmpty(page: ReportPage, w: Words): string {
  const tg = page.targetGroup;
  const body = html`<h1>${w.name(tg)}</h1>
<p class="lead">${w.report.targetGroup}: ${w.text(tg.definition)}</p>
<dl class="meta">
<dt>${w.run}</dt><dd>${w.runLine(runTime(page.run, w), page.run.id)}</dd>
</dl>
<div class="box">
<p>${w.report.nothingYet}</p>
</div>${new ReportComments(page.commentary, page.run, w).report(page.indicators, new Set())}
<section aria-label="${w.report.indicators}"><h2>${w.report.indicators}</h2>
<dl>${page.indicators.map((i) => html`<dt>${w.name(i)}</dt><dd>${w.text(i.definition)}</dd>`)}</dl>
</section>`;
  return layout({ title: w.name(tg), current: "report", run: page.run, body, words: w });
}
