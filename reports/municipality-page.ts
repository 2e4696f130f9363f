// municipality/<code>.html (contract §7): the page a lead in one municipality opens first — all its
// figures in every report (target group), over the years, for women, men and in total, beside the
// network mean and with its rank; per report the latest year's breakdowns in a fold; and how fresh
// its data are; and the municipality's own commentary (contract §14): the text before its first
// heading at the top, and each section under the report or indicator it names (commentaryBlock: its
// own words under its name and the date the file was first seen). The page sits one folder down, so
// every link of its own starts with "../".
import { dimensionAnchor } from "./breakdown-section.js";
import { commentaryBlock } from "./commentary-html.js";
import { freshnessCells, layout, runTime, symbolsLegend } from "./frame.js";
import { html, slug, type Html } from "./html.js";
import type { Figure, Freshness, Indicator, MunicipalityPage, RunInfo } from "./model.js";
import { breakdownCells, breakdownsFold } from "./municipality-breakdowns.js";
import { addTotal, totalsTable, type Gender } from "./municipality-table.js";
import { words, type Words } from "./words.js";

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
function freshnessFacts(f: Freshness | null, run: RunInfo, w: Words): Html {
  const m = w.municipalityPage;
  if (!f) return html`<dt>${w.report.data}</dt><dd>${m.noData}</dd>`;
  const { bistand, insats, loaded } = freshnessCells(f, run, w);
  return html`<dt>${m.bistand}</dt><dd>${bistand}</dd>
<dt>${m.insats}</dt><dd>${insats}</dd>
<dt>${m.lastLoaded}</dt><dd>${loaded}</dd>`;
}

const anchorOf = (r: Report) => `tg-${slug(r.targetGroup.id)}`;

function checkFile(file: string): string {
  // the links stay inside the published folder: a report file is a plain name, never a URL
  if (!/^[a-z0-9_-]+\.html$/.test(file)) throw new Error(`invalid report file: ${file}`);
  return `../${file}`;
}

type Sections = NonNullable<MunicipalityPage["commentary"]>["sections"];

/** The municipality's comment, as every page shows commentary. */
function comment(page: MunicipalityPage, text: string, w: Words): Html {
  const c = page.commentary!;
  return commentaryBlock({ municipalityName: page.municipality.name, municipality: page.municipality.code, firstSeen: c.firstSeen, text, lang: w.language, timeZone: page.run.timeZone });
}

/** Where an indicator is in a report: its total's section, its first breakdown's block, or the model's section. */
function indicatorHref(ind: Indicator, href: string, page: MunicipalityPage): string | null {
  if (ind.kind === "model") return `${href}#socioekonomi`;
  if (isTotalSection(ind)) return `${href}#ind-${slug(ind.id)}`;
  const d = page.dimensions.find((x) => x.indicators.some((b) => b.id === ind.id));
  return d ? `${href}#${dimensionAnchor(d)}-${slug(ind.id)}` : null;
}

/** The municipality's comments on one report: on the report as a whole, and on each indicator (in the
 *  schema's order, each under the indicator's name, linked to its place in the report). */
function reportComments(page: MunicipalityPage, sections: Sections, href: string, all: ReadonlyMap<string, Indicator>, inReport: readonly Indicator[], w: Words): { whole: Html; indicators: Html } {
  const order = new Map([...all.keys()].map((id, k) => [id, k]));
  const onIndicators = sections.filter((s) => s.indicator !== null).sort((a, b) => (order.get(a.indicator!) ?? 0) - (order.get(b.indicator!) ?? 0));
  const whole = sections.filter((s) => s.indicator === null).map((s) => html`
${comment(page, s.text, w)}`);
  const anchors = new Set<string>(); // a second section on the same indicator: no second id
  const indicators = onIndicators.map((s) => {
    const ind = all.get(s.indicator!);
    // an indicator of other reports has no place in this one to link to
    const to = ind && inReport.includes(ind) ? indicatorHref(ind, href, page) : null;
    const name = ind ? w.name(ind) : s.indicator!;
    const id = commentAnchor(s);
    const first = !anchors.has(id);
    anchors.add(id);
    return html`
<h3${first ? html` id="${id}"` : ""}>${w.commentary.about(to ? html`<a href="${to}">${name}</a>` : name)}</h3>
${comment(page, s.text, w)}`;
  });
  return { whole: html`${whole}`, indicators: html`${indicators}` };
}

const commentAnchor = (s: { targetGroup: string; indicator: string | null }) => `c-${slug(s.targetGroup)}${s.indicator ? `-${slug(s.indicator)}` : ""}`;

function reportSection(page: MunicipalityPage, r: Report, indicators: ReadonlyMap<string, Indicator>, w: Words): Html {
  const m = w.municipalityPage;
  const code = page.municipality.code;
  const href = checkFile(r.file);
  const sections = (page.commentary?.sections ?? []).filter((s) => s.targetGroup === r.targetGroup.id);
  // the report's indicators (one of some reports only is not listed in the others)
  const inReport = r.indicators ?? page.indicators;
  const comments = reportComments(page, sections, href, indicators, inReport, w);
  const commented = new Set(sections.map((s) => s.indicator).filter((i): i is string => i !== null));
  const after = (ind: Indicator) => (commented.has(ind.id) ? html` <a href="#${commentAnchor({ targetGroup: r.targetGroup.id, indicator: ind.id })}" class="see-comment">${w.commentary.see}</a>` : "");
  const own = totalsOf(r.figures, code, indicators);
  const reportYears = new Set(r.years);
  // the municipality's years: those it has figures for (contract §6.4: the years of its bistand rows)
  const years = [...new Set([...own.values()].flatMap((byYear) => [...byYear.keys()]))].filter((y) => reportYears.size === 0 || reportYears.has(y)).sort((a, b) => a - b);
  const id = anchorOf(r);
  const tg = r.targetGroup;
  const name = page.municipality.name;
  const head = html`<h2 id="${id}-h">${w.name(tg)}</h2>
<p><span class="muted">${w.report.targetGroup}:</span> ${w.text(tg.definition)} <a href="${href}">${m.wholeReport(w.name(tg))}</a></p>${comments.whole}`;
  if (years.length === 0) {
    return html`<section class="indicator" id="${id}" aria-labelledby="${id}-h">
${head}
<p>${m.nothingInReport}</p>${comments.indicators}
</section>`;
  }
  const totals = inReport.filter(isTotalSection);
  const models = inReport.filter((i) => i.kind === "model" && own.has(i.id));
  const latest = years[years.length - 1];
  const network = indexShared(r.network, "network", latest, page, indicators);
  const groups = (r.groups ?? []).map((g) => ({ name: g.name, ...indexShared(g.figures, `group:${g.id}`, latest, page, indicators) }));
  const span = years.length > 1 ? `${years[0]}–${latest}` : String(latest);
  return html`<section class="indicator" id="${id}" aria-labelledby="${id}-h">
${head}
${totalsTable({
  caption: m.totalsCaption(name, span), label: m.totalsLabel(w.name(tg), name, span),
  municipality: name, indicators: totals, years, own, network: network.totals, groups, href: (ind) => `${href}#ind-${slug(ind.id)}`, after, words: w
})}
${models.length === 0 ? "" : html`<p>${m.modelNote(`${href}#socioekonomi`)}</p>
${totalsTable({
  caption: m.modelCaption(span), label: m.modelLabel(w.name(tg), name, span),
  municipality: name, indicators: models, years, own, network: network.totals, groups, href: () => `${href}#socioekonomi`, after, words: w
})}`}${comments.indicators}
${breakdownsFold({ href, municipality: name, dimensions: page.dimensions, indicators: inReport, year: latest, own: breakdownCells(r.figures, latest), network: network.cells, groups, words: w })}
</section>`;
}

/**
 * One report's section of a municipality's page (what renderMunicipalityPage shows for each of
 * page.reports): rendered on its own as soon as the report is done (municipality-pages.ts), the
 * page's other parts do not change it.
 */
export function municipalitySection(page: MunicipalityPage, r: Report): Html {
  return reportSection(page, r, new Map(page.indicators.map((i) => [i.id, i])), words(page.language ?? "sv"));
}

/**
 * The page of one municipality as one self-contained HTML document. `sections`: its reports'
 * sections already rendered (municipalitySection, one per page.reports in their order, whose figures
 * are then not read); by default each is rendered here.
 */
export function renderMunicipalityPage(page: MunicipalityPage, sections?: readonly Html[]): string {
  if (!Number.isInteger(page.threshold) || page.threshold < 0) throw new Error(`invalid threshold: ${page.threshold}`);
  if (sections && sections.length !== page.reports.length) throw new Error(`${sections.length} sections for ${page.reports.length} reports`);
  const w = words(page.language ?? "sv"), m = w.municipalityPage;
  const { code, name } = page.municipality;
  municipalityFile(code);
  const indicators = new Map(page.indicators.map((i) => [i.id, i]));
  const groupNames = [...new Set(page.reports.flatMap((r) => (r.groups ?? []).map((g) => g.name)))];
  const commented = (r: Report) => (page.commentary?.sections ?? []).filter((s) => s.targetGroup === r.targetGroup.id).length;
  const reports = page.reports.map((r) => html`<li><a href="#${anchorOf(r)}">${w.name(r.targetGroup)}</a> <span class="muted">(<a href="${checkFile(r.file)}">${m.theReport}</a>${commented(r) > 0 ? html`; ${w.commentary.mark(commented(r))}` : ""})</span></li>`);
  const intro = page.commentary && page.commentary.intro.trim() !== "" ? html`
${comment(page, page.commentary.intro, w)}` : "";
  const body = html`<p class="muted"><a href="../index.html">${w.frame.nav.index}</a> › ${m.crumb}</p>
<h1>${name} <span class="muted">(${code})</span></h1>
<p class="lead">${m.lead}</p>
<dl class="meta">
<dt>${w.run}</dt><dd>${w.runLine(runTime(page.run, w), page.run.id)}</dd>
${freshnessFacts(page.freshness, page.run, w)}
</dl>${intro}
<div class="box">
<p><strong>${w.report.symbols}</strong></p>
${symbolsLegend(page.threshold, w)}
<p>${m.key(groupNames.join(", "))}</p>
</div>
<nav aria-label="${m.reportsNav}"><h2>${m.reportsTitle}</h2>
${page.reports.length === 0 ? html`<p>${m.noReports}</p>` : html`<ol class="toc">${reports}</ol>`}</nav>
${sections ?? page.reports.map((r) => reportSection(page, r, indicators, w))}`;
  return layout({ title: `${name} (${code})`, current: "report", run: page.run, body, base: "../", words: w });
}
