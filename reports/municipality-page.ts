// municipality/<code>.html (contract §7): the page a lead in one municipality opens first — all its
// figures in every report (target group), over the years, for women, men and in total, beside the
// network mean and with its rank; per report the latest year's breakdowns in a fold; and how fresh
// its data are. The page sits one folder down, so every link of its own starts with "../".
import { layout, runTime, snapshotSource, symbolsLegend } from "./frame.js";
import { html, slug, type Html } from "./html.js";
import type { Figure, Freshness, Indicator, MunicipalityPage, RunInfo } from "./model.js";
import { breakdownCells, breakdownsFold } from "./municipality-breakdowns.js";
import { addTotal, totalsTable, type Gender } from "./municipality-table.js";
import { formatDate, formatDateTime, formatMonth } from "./time.js";

type Report = MunicipalityPage["reports"][number];
type Totals = Map<string, Map<number, Partial<Record<Gender, Figure>>>>;

/** The page's path in the site: municipality/<code>.html; a code is always four digits (contract §1). */
export function municipalityFile(code: string): string {
  if (!/^\d{4}$/.test(code)) throw new Error(`invalid municipality code: ${code}`);
  return `municipality/${code}.html`;
}

/** An indicator with a section of its own among a report's totals (report.ts). */
const isTotalSection = (i: Indicator) => i.total !== false && i.kind !== "model";

function checkFigure(f: Figure, municipality: string, indicators: ReadonlyMap<string, Indicator>): void {
  if (f.municipality !== municipality) throw new Error(`figure of ${f.municipality} on the page of ${municipality}`);
  if (f.status !== "" && f.status !== ".." && f.status !== "-") throw new Error(`invalid status: ${f.status}`);
  if (f.gender !== "K" && f.gender !== "M" && f.gender !== "T") throw new Error(`invalid gender: ${String(f.gender)}`);
  const ind = indicators.get(f.indicator);
  if (!ind) throw new Error(`figure for unknown indicator: ${f.indicator}`);
  if (!f.dimension && ind.total === false) throw new Error(`total figure for an indicator published only broken down: ${f.indicator}`);
}

function totalsOf(figures: readonly Figure[], municipality: string, indicators: ReadonlyMap<string, Indicator>): Totals {
  const totals: Totals = new Map();
  for (const f of figures) {
    checkFigure(f, municipality, indicators);
    if (!f.dimension) addTotal(totals, f);
  }
  return totals;
}

interface Indexed { totals: Totals; cells: ReturnType<typeof breakdownCells> }
const shared = new WeakMap<readonly Figure[], { indicators: readonly Indicator[]; id: string; year: number; indexed: Indexed }>();

/** The figures of the network mean or a group's mean, indexed: the site passes the same arrays to
 *  every municipality's page, so they are indexed once, not 290 times (a cache of read-only data:
 *  the page stays a pure function of its input). */
function indexShared(figures: readonly Figure[], id: string, year: number, page: MunicipalityPage, byId: ReadonlyMap<string, Indicator>): Indexed {
  const hit = shared.get(figures);
  if (hit && hit.indicators === page.indicators && hit.id === id && hit.year === year) return hit.indexed;
  const indexed = { totals: totalsOf(figures, id, byId), cells: breakdownCells(figures, year) };
  shared.set(figures, { indicators: page.indicators, id, year, indexed });
  return indexed;
}

/** How fresh the municipality's data are (as in the freshness table of the other pages), as lines of the page's facts. */
function freshnessFacts(f: Freshness | null, run: RunInfo): Html {
  if (!f) return html`<dt>Data</dt><dd>Inga data är inlästa för kommunen.</dd>`;
  const bistand = f.bistandFrom && f.bistandTo
    ? html`${formatMonth(f.bistandFrom)} – <strong>${formatMonth(f.bistandTo)}</strong>`
    : f.bistandTo ? html`t.o.m. <strong>${formatMonth(f.bistandTo)}</strong>` : html`<span class="sym">-</span> <span class="muted">(inga biståndsdata)</span>`;
  const insats = f.insatsSnapshot ? html`ögonblicksbild ${formatDate(f.insatsSnapshot)}${snapshotSource(f)}` : html`<span class="sym">-</span> <span class="muted">(inga insatsdata)</span>`;
  const loaded = f.lastLoaded ? html`<time datetime="${f.lastLoaded}">${formatDateTime(f.lastLoaded, run.timeZone)}</time>` : html`<span class="sym">-</span>`;
  return html`<dt>Ekonomiskt bistånd</dt><dd>${bistand}</dd>
<dt>Insatser</dt><dd>${insats}</dd>
<dt>Senast inläst</dt><dd>${loaded}</dd>`;
}

const anchorOf = (r: Report) => `tg-${slug(r.targetGroup.id)}`;

function checkFile(file: string): string {
  // the links stay inside the published folder: a report file is a plain name, never a URL
  if (!/^[a-z0-9_-]+\.html$/.test(file)) throw new Error(`invalid report file: ${file}`);
  return `../${file}`;
}

function reportSection(page: MunicipalityPage, r: Report, indicators: ReadonlyMap<string, Indicator>): Html {
  const code = page.municipality.code;
  const href = checkFile(r.file);
  const own = totalsOf(r.figures, code, indicators);
  const reportYears = new Set(r.years);
  // the municipality's years: those it has figures for (contract §6.4: the years of its bistand rows)
  const years = [...new Set([...own.values()].flatMap((byYear) => [...byYear.keys()]))].filter((y) => reportYears.size === 0 || reportYears.has(y)).sort((a, b) => a - b);
  const id = anchorOf(r);
  const tg = r.targetGroup;
  const name = page.municipality.name;
  const head = html`<h2 id="${id}-h">${tg.sv}</h2>
<p><span class="muted">Målgrupp:</span> ${tg.definition} <a href="${href}">Hela rapporten: ${tg.sv}</a></p>`;
  if (years.length === 0) {
    return html`<section class="indicator" id="${id}" aria-labelledby="${id}-h">
${head}
<p>Kommunen har inga uppgifter i rapporten.</p>
</section>`;
  }
  const totals = page.indicators.filter(isTotalSection);
  const models = page.indicators.filter((i) => i.kind === "model" && own.has(i.id));
  const latest = years[years.length - 1];
  const network = indexShared(r.network, "network", latest, page, indicators);
  const groups = (r.groups ?? []).map((g) => ({ name: g.name, ...indexShared(g.figures, `group:${g.id}`, latest, page, indicators) }));
  const span = years.length > 1 ? `${years[0]}–${latest}` : String(latest);
  return html`<section class="indicator" id="${id}" aria-labelledby="${id}-h">
${head}
${totalsTable({
  caption: `${name} och nätverket, ${span}`, label: `${tg.sv}, ${name} och nätverkets medelvärde, ${span}`,
  municipality: name, indicators: totals, years, own, network: network.totals, groups, href: (ind) => `${href}#ind-${slug(ind.id)}`
})}
${models.length === 0 ? "" : html`<p>Socioekonomiskt värde av avslut till arbete eller studier: en modellberäkning på nätverkets antaganden, inte mätta utfall (<a href="${href}#socioekonomi">modellen och antagandena</a>).</p>
${totalsTable({
  caption: `Socioekonomiskt värde, ${span}`, label: `${tg.sv}, socioekonomiskt värde (modellberäkning), ${name} och nätverkets medelvärde, ${span}`,
  municipality: name, indicators: models, years, own, network: network.totals, groups, href: () => `${href}#socioekonomi`
})}`}
${breakdownsFold({ href, municipality: name, dimensions: page.dimensions, indicators: page.indicators, year: latest, own: breakdownCells(r.figures, latest), network: network.cells, groups })}
</section>`;
}

/** The page of one municipality as one self-contained HTML document. */
export function renderMunicipalityPage(page: MunicipalityPage): string {
  if (!Number.isInteger(page.threshold) || page.threshold < 0) throw new Error(`invalid threshold: ${page.threshold}`);
  const { code, name } = page.municipality;
  municipalityFile(code);
  const indicators = new Map(page.indicators.map((i) => [i.id, i]));
  const groupNames = [...new Set(page.reports.flatMap((r) => (r.groups ?? []).map((g) => g.name)))];
  const reports = page.reports.map((r) => html`<li><a href="#${anchorOf(r)}">${r.targetGroup.sv}</a> <span class="muted">(<a href="${checkFile(r.file)}">rapporten</a>)</span></li>`);
  const body = html`<p class="muted"><a href="../index.html">Start</a> › Kommunernas sidor</p>
<h1>${name} <span class="muted">(${code})</span></h1>
<p class="lead">Kommunens uppgifter i nätverkets alla rapporter: per målgrupp, år och kön, bredvid nätverkets medelvärde och med kommunens rang. Indikatorns namn leder till rapportens avsnitt med definition, diagram och alla kommuner.</p>
<dl class="meta">
<dt>Körning</dt><dd>${runTime(page.run)}, körning nr ${page.run.id}</dd>
${freshnessFacts(page.freshness, page.run)}
</dl>
<div class="box">
<p><strong>Symboler</strong></p>
${symbolsLegend(page.threshold)}
<p><strong>Nätverket (medel)</strong> är det ovägda medelvärdet av de kommuner vars värde är publicerat; för antal med en decimal.${groupNames.length === 0 ? "" : html` Jämförelsegruppernas medelvärden (${groupNames.join(", ")}) räknas på samma sätt över gruppens kommuner i nätverket.`} <strong>Rang</strong>: 1 = bäst bland kommunerna med publicerat värde (<span class="rank rank-good">grön</span> bästa tredjedelen, <span class="rank rank-mid">gul</span> mittersta, <span class="rank rank-bad">röd</span> sämsta, <span class="rank rank-neutral">blå</span> ingen riktning, <span class="rank rank-missing">grå</span> ej rankad: värdet saknas eller är skyddat).</p>
</div>
<nav aria-label="Rapporter"><h2>Rapporter per målgrupp</h2>
${page.reports.length === 0 ? html`<p>Inga rapporter ännu.</p>` : html`<ol class="toc">${reports}</ol>`}</nav>
${page.reports.map((r) => reportSection(page, r, indicators))}`;
  return layout({ title: `${name} (${code})`, current: "report", run: page.run, body, base: "../" });
}
