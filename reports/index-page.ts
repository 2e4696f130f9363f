// index.html: the way in — every report, the user survey where the run publishes one (contract §15),
// the run, the files accepted and rejected, and how fresh each municipality's data is.
import { html } from "./html.js";
import { freshnessTable, layout, runTime, symbolsLegend } from "./frame.js";
import type { IndexPage } from "./model.js";
import { municipalityFile } from "./municipality-page.js";
import { words } from "./words.js";

export function renderIndex(page: IndexPage): string {
  const w = words(page.language ?? "sv"), t = w.index;
  const { accepted, rejected } = page.summary;
  // The links stay inside the published folder: a report file is a plain name, never a URL.
  for (const r of page.reports) if (!/^[a-z0-9_-]+\.html$/.test(r.file)) throw new Error(`invalid report file: ${r.file}`);
  const reports = page.reports.map(
    (r) => html`<li><a href="${r.file}">${w.name(r.targetGroup)}</a> <span class="muted">(<a href="data/${r.targetGroup.id}.csv">CSV</a>)</span><br><span class="muted">${w.text(r.targetGroup.definition)}</span></li>`
  );
  // one page per municipality with data (contract §7), by name; a long list is folded
  const municipalities = [...page.freshness]
    .sort((a, b) => a.name.localeCompare(b.name, w.locale) || a.municipality.localeCompare(b.municipality))
    .map((f) => html`<li><a href="${municipalityFile(f.municipality)}">${f.name}</a> <span class="muted">(${f.municipality})</span></li>`);
  const municipalityList = html`<ul class="toc">${municipalities}</ul>`;
  const body = html`<h1>${t.title}</h1>
<p class="lead">${t.lead}</p>
<dl class="meta">
<dt>${w.run}</dt><dd>${w.runLine(runTime(page.run, w), page.run.id)}</dd>
<dt>${t.files}</dt><dd>${t.filesLine(accepted, rejected)}</dd>
</dl>
<h2>${t.reports}</h2>
${page.reports.length === 0 ? html`<p>${t.noReports}</p>` : html`<ul class="reports">${reports}</ul>`}${page.run.survey ? html`
<h2>${w.survey.title}</h2>
<ul class="reports"><li><a href="survey.html">${w.survey.title}</a> <span class="muted">(<a href="data/survey.csv">CSV</a>)</span><br><span class="muted">${w.survey.indexLine}</span></li></ul>` : ""}
<h2>${t.municipalities}</h2>
${municipalities.length === 0
  ? html`<p>${t.noMunicipalities}</p>`
  : html`<p>${t.municipalitiesIntro}</p>
${municipalities.length > foldAbove ? html`<details><summary>${w.report.municipalityCount(municipalities.length)}</summary>${municipalityList}</details>` : municipalityList}`}
<h2>${t.otherPages}</h2>
<ul>
${t.otherPagesList}
</ul>
<h2>${t.dataTitle}</h2>
${freshnessTable(page.freshness, page.run, w)}
<div class="box"><p><strong>${t.symbols}</strong></p>${symbolsLegend(null, w)}</div>`;
  return layout({ title: w.frame.nav.index, current: "index", run: page.run, body, words: w });
}

/** Longer lists of municipalities are folded, as a report's list of names is beyond a small network. */
const foldAbove = 24;
