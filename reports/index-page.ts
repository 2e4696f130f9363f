// index.html: the way in — every report, the run, the files accepted and rejected, and how fresh
// each municipality's data is.
import { formatCount } from "./format.js";
import { html } from "./html.js";
import { freshnessTable, layout, runTime } from "./frame.js";
import type { IndexPage } from "./model.js";
import { municipalityFile } from "./municipality-page.js";

export function renderIndex(page: IndexPage): string {
  const { accepted, rejected } = page.summary;
  // The links stay inside the published folder: a report file is a plain name, never a URL.
  for (const r of page.reports) if (!/^[a-z0-9_-]+\.html$/.test(r.file)) throw new Error(`invalid report file: ${r.file}`);
  const reports = page.reports.map(
    (r) => html`<li><a href="${r.file}">${r.targetGroup.sv}</a> <span class="muted">(<a href="data/${r.targetGroup.id}.csv">CSV</a>)</span><br><span class="muted">${r.targetGroup.definition}</span></li>`
  );
  // one page per municipality with data (contract §7), by name; a long list is folded
  const municipalities = [...page.freshness]
    .sort((a, b) => a.name.localeCompare(b.name, "sv") || a.municipality.localeCompare(b.municipality))
    .map((f) => html`<li><a href="${municipalityFile(f.municipality)}">${f.name}</a> <span class="muted">(${f.municipality})</span></li>`);
  const municipalityList = html`<ul class="toc">${municipalities}</ul>`;
  const files = html`<span class="nw">${formatCount(accepted)}</span> ${accepted === 1 ? "fil godkänd" : "filer godkända"}, <span class="nw">${formatCount(rejected)}</span> ${rejected === 1 ? "fil avvisad" : "filer avvisade"}`;
  const body = html`<h1>Jämförelser mellan nätverkets kommuner</h1>
<p class="lead">Ekonomiskt bistånd och kommunala arbetsmarknadsinsatser, per målgrupp. Varje rapport jämför kommunerna med nätverkets medelvärde och rangordnar dem, med diagram och tabeller.</p>
<dl class="meta">
<dt>Körning</dt><dd>${runTime(page.run)}, körning nr ${page.run.id}</dd>
<dt>Filer</dt><dd>${files}${rejected > 0 ? html` – <a href="quality.html">se skälen på sidan Datakvalitet</a>` : html` (<a href="quality.html">datakvalitet</a>)`}</dd>
</dl>
<h2>Rapporter per målgrupp</h2>
${page.reports.length === 0 ? html`<p>Inga rapporter ännu.</p>` : html`<ul class="reports">${reports}</ul>`}
<h2>Kommunernas sidor</h2>
${municipalities.length === 0
  ? html`<p>Inga kommuner har data ännu.</p>`
  : html`<p>En sida per kommun med alla dess uppgifter i rapporterna, bredvid nätverkets medelvärde.</p>
${municipalities.length > foldAbove ? html`<details><summary>${formatCount(municipalities.length)} kommuner</summary>${municipalityList}</details>` : municipalityList}`}
<h2>Övriga sidor</h2>
<ul>
<li><a href="quality.html">Datakvalitet</a>: inlästa och avvisade filer, alla fel med rad och kolumn, kodningens fullständighet.</li>
<li><a href="codes.html">Kodlistor</a>: de gemensamma koderna (försörjningshinder, insatser, avslutsorsaker m.m.) och indikatorernas definitioner.</li>
</ul>
<h2>Data per kommun</h2>
${freshnessTable(page.freshness, page.run)}
<div class="box"><p><strong>Symboler i rapporterna</strong></p>${symbolsLegendGeneric()}</div>`;
  return layout({ title: "Start", current: "index", run: page.run, body });
}

/** Longer lists of municipalities are folded, as a report's list of names is beyond a small network. */
const foldAbove = 24;

/** The index has no threshold of its own (IndexPage carries none), so the legend states the rule. */
function symbolsLegendGeneric() {
  return html`<ul class="symbols">
<li><span class="sym">..</span> = skyddat av sekretesskäl: uppgiften bygger på för få personer eller händelser, eller skulle kunna räknas fram ur andra uppgifter.</li>
<li><span class="sym">-</span> = uppgift saknas.</li>
</ul>`;
}
