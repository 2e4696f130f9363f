// quality.html: what was loaded and what was not, and why — per municipality and file, every
// finding with line, column and value; coding completeness; couples where only one adult is coded;
// codes mapped through profiles; replaced rows. Counts of 1 … threshold are shown as ".." here too:
// this page is published like the reports. Words are Swedish: a finding's severity and title are the
// catalogue's (as in the terminal and the reason files), a shared code is shown by its label in
// schemas/codes.json with the code beside it; the English finding codes are for --json readers.
import { entries, severities as catalogueSeverities } from "../pipeline/contract/findings.js";
import { schema as packageSchema } from "../pipeline/contract/schema.js";
import { formatCount, formatWithheldCount, formatShare, isSmall, NO_DATA, WITHHELD } from "./format.js";
import { html, slug, type Html } from "./html.js";
import { freshnessTable, layout, runTime, tableWrap } from "./frame.js";
import type { Finding, QualityFile, QualityPage, Schema } from "./model.js";
import { formatDateTime, formatMonth } from "./time.js";

const severities = ["FATAL", "ERROR", "WARNING", "INFO"] as const;
type Shown = (typeof severities)[number];
const shownSeverity = (s: string): Shown => (severities.includes(s as Shown) ? (s as Shown) : "INFO");
/** A severity as the terminal and the reason files say it: FEL, VARNING … (the catalogue's word). */
const severityWord = (s: string): string => catalogueSeverities[shownSeverity(s)].label.sv.toLocaleUpperCase("sv");
const titles = new Map(entries.map((e) => [e.code as string, e.title.sv]));

/** A message as text, with the code list it points to (codes.html, "kas-webbplatsens codes.html") a link. */
function messageText(message: string): Html {
  const parts = message.split("codes.html");
  return html`${parts.map((p, i) => html`${i > 0 ? html`<a href="codes.html">codes.html</a>` : ""}${p}`)}`;
}
const kindLabel: Record<string, string> = { bistand: "Ekonomiskt bistånd", insats: "Insatser" };
const delimiterLabel: Record<string, string> = { ",": "komma (,)", ";": "semikolon (;)", "\t": "tabb" };
const encodingLabel: Record<string, string> = { "utf-8": "UTF-8", utf8: "UTF-8", "utf-8-bom": "UTF-8 med BOM", "windows-1252": "Windows-1252", latin1: "Latin-1" };

function findingsTable(file: QualityFile, id: string): Html {
  const total = Object.values(file.findingCounts).reduce((a, b) => a + b, 0);
  const rows = file.findings.map(
    (f: Finding) => html`<tr>
<td><span class="sev-${shownSeverity(f.severity)}">${severityWord(f.severity)}</span>${titles.has(f.code) ? html` <br><span class="muted">${titles.get(f.code)}</span>` : ""}</td>
<td class="num">${f.line === null ? NO_DATA : formatCount(f.line)}</td>
<td>${f.column === null ? NO_DATA : html`<code>${f.column}</code>`}</td>
<td>${f.value === null ? NO_DATA : html`<code>${f.value}</code>`}</td>
<td class="message">${messageText(f.message)}${f.count && f.count > 1 ? html` <span class="muted nw">(${formatCount(f.count)} rader, från rad ${f.line === null ? NO_DATA : formatCount(f.line)})</span>` : ""}</td>
</tr>`
  );
  const more = total > file.findings.length
    ? html`<p>Visar ${formatCount(file.findings.length)} av ${formatCount(total)} fynd, de allvarligaste först. Kontrollera filen med <code>kas validate</code> för att se alla.</p>`
    : "";
  return html`<h4 id="${id}">Fynd i <span class="filename">${file.name}</span></h4>
${more}${tableWrap(`Fynd i ${file.name}`, html`<table>
<caption>Allvarlighet, rad (rubrikraden är rad 1), kolumn (som filen skriver den), värde och vad som behöver rättas</caption>
<thead><tr><th scope="col">Allvar</th><th scope="col" class="num">Rad</th><th scope="col">Kolumn</th><th scope="col">Värde</th><th scope="col">Meddelande</th></tr></thead>
<tbody>${rows}</tbody>
</table>`)}`;
}

function countsText(counts: Record<string, number>): Html {
  const parts = severities.filter((s) => (counts[s] ?? 0) > 0).map((s) => html`<span class="nw"><span class="sev-${s}">${severityWord(s)}</span> ${formatCount(counts[s])}</span>`);
  return parts.length === 0 ? html`inga` : html`${parts.map((p, i) => html`${i > 0 ? ", " : ""}${p}`)}`;
}

function municipalitySection(code: string, name: string, files: readonly QualityFile[], page: QualityPage): Html {
  const t = page.threshold;
  // in the order the pipeline first saw them (the model's order): the order that decides replacements
  const sorted = files;
  const id = (i: number) => `m${slug(code)}-f${i + 1}`;
  const rows = sorted.map(
    (f, i) => html`<tr>
<th scope="row"><span class="filename">${f.name}</span></th>
<td>${f.kind === null ? html`<span class="muted">okänd</span>` : (kindLabel[f.kind] ?? f.kind)}</td>
<td><span class="status-${f.status}">${f.status === "accepted" ? "Inläst" : "Avvisad"}</span></td>
<td class="nw"><time datetime="${f.firstSeen}">${formatDateTime(f.firstSeen, page.run.timeZone)}</time></td>
<td class="num">${f.status === "rejected" && f.rows === null ? NO_DATA : formatWithheldCount(f.rows, t)}</td>
<td>${f.encoding === null ? NO_DATA : (encodingLabel[f.encoding.toLowerCase()] ?? f.encoding)}</td>
<td>${f.delimiter === null ? NO_DATA : (delimiterLabel[f.delimiter] ?? f.delimiter)}</td>
<td>${f.profile === null ? html`<span class="muted">ingen</span>` : f.profile}</td>
<td>${f.findings.length > 0 ? html`<a href="#${id(i)}">${countsText(f.findingCounts)}</a>` : countsText(f.findingCounts)}</td>
</tr>`
  );
  const rejected = sorted.filter((f) => f.status === "rejected").length;
  return html`<section class="municipality" aria-labelledby="m${slug(code)}-h">
<h3 id="m${slug(code)}-h">${name} <span class="muted">(${code})</span></h3>
<p>${formatCount(sorted.length)} ${sorted.length === 1 ? "fil" : "filer"}, varav ${formatCount(rejected)} ${rejected === 1 ? "avvisad" : "avvisade"}.</p>
${tableWrap(`Filer från ${name}`, html`<table>
<caption>Filer från ${name}, i den ordning de lästes in</caption>
<thead><tr><th scope="col">Fil</th><th scope="col">Typ</th><th scope="col">Status</th><th scope="col">Först sedd</th><th scope="col" class="num">Rader</th><th scope="col">Teckenkodning</th><th scope="col">Avgränsare</th><th scope="col">Profil</th><th scope="col">Fynd</th></tr></thead>
<tbody>${rows}</tbody>
</table>`)}
${sorted.map((f, i) => (f.findings.length > 0 ? findingsTable(f, id(i)) : ""))}
</section>`;
}

/** A share of two counts, withheld where either count is small (it would reveal it). */
function protectedShare(part: number, whole: number, t: number): string {
  if (whole === 0) return NO_DATA;
  if (isSmall(part, t) || isSmall(whole, t) || isSmall(whole - part, t)) return WITHHELD;
  return formatShare(Math.round((1000 * part) / whole) / 10);
}

/** A shared code as readers know it: its Swedish label (schemas/codes.json), the code beside it. */
function codeLabel(s: Schema, column: string, code: string): Html {
  const list = Object.values(s.kinds).flatMap((k) => k.columns).find((c) => c.name === column)?.list;
  const label = list ? s.lists[list]?.codes.find((c) => c.code === code)?.sv : undefined;
  return label && label !== code ? html`${label} <span class="muted nw">(<code>${code}</code>)</span>` : html`<code>${code}</code>`;
}

/** A contract column as readers know it: the title of its code list (Försörjningshinder), the name beside it. */
function columnLabel(s: Schema, column: string): Html {
  const list = Object.values(s.kinds).flatMap((k) => k.columns).find((c) => c.name === column)?.list;
  const title = list ? s.lists[list]?.title.sv : column === "municipality" ? "Kommunkod" : undefined;
  return title ? html`${title} <span class="muted nw">(<code>${column}</code>)</span>` : html`<code>${column}</code>`;
}

export function renderQuality(page: QualityPage, s: Schema = packageSchema()): string {
  const t = page.threshold;
  if (!Number.isInteger(t) || t < 0) throw new Error(`invalid threshold: ${t}`);
  const names = new Map(page.freshness.map((f) => [f.municipality, f.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  const codes = [...new Set([...page.files.map((f) => f.municipality)])].sort(
    (a, b) => nameOf(a).localeCompare(nameOf(b), "sv") || a.localeCompare(b)
  );
  const byName = <T extends { municipality: string; year?: number }>(rows: readonly T[]) =>
    [...rows].sort(
      (a, b) =>
        nameOf(a.municipality).localeCompare(nameOf(b.municipality), "sv") || a.municipality.localeCompare(b.municipality) || (a.year ?? 0) - (b.year ?? 0)
    );
  const accepted = page.files.filter((f) => f.status === "accepted").length;
  const rejected = page.files.length - accepted;
  const cell = (v: number) => html`<td class="num">${formatWithheldCount(v, t)}</td>`;
  const muni = (code: string) => html`<th scope="row">${nameOf(code)} <span class="muted">(${code})</span></th>`;
  const table = (label: string, head: readonly string[], numeric: readonly boolean[], rows: readonly Html[]) =>
    rows.length === 0
      ? html`<p>Inget att redovisa.</p>`
      : tableWrap(label, html`<table>
<caption>${label}</caption>
<thead><tr>${head.map((h, i) => html`<th scope="col"${numeric[i] ? html` class="num"` : ""}>${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`);

  const completeness = byName(page.completeness).map(
    (c) => html`<tr>${muni(c.municipality)}<td class="num">${c.year}</td>${cell(c.personMonths)}${cell(c.coded)}<td class="num">${protectedShare(c.coded, c.personMonths, t)}</td></tr>`
  );
  const couples = byName(page.couples).map(
    (c) => html`<tr>${muni(c.municipality)}<td class="num">${c.year}</td>${cell(c.couples)}${cell(c.coApplicantUncoded)}</tr>`
  );
  const mappings = byName(page.mappings).map(
    (m) => html`<tr>${muni(m.municipality)}<td>${m.profile}</td><td>${columnLabel(s, m.column)}</td><td><code>${m.source}</code></td><td>${codeLabel(s, m.column, m.code)}</td></tr>`
  );
  const replacements = byName(page.replacements).map(
    (r) => html`<tr>${muni(r.municipality)}<td>${kindLabel[r.kind] ?? r.kind}</td><td class="nw">${r.month === null ? html`hela ögonblicksbilden` : formatMonth(r.month)}</td><td><span class="filename">${r.oldFile}</span></td><td><span class="filename">${r.newFile}</span></td>${cell(r.rows)}</tr>`
  );

  const body = html`<h1>Datakvalitet</h1>
<p class="lead">Vilka filer som lästes in och vilka som avvisades, med varje skäl (rad och kolumn), hur fullständigt försörjningshindren är kodade och vilka koder som översatts.</p>
<dl class="meta">
<dt>Körning</dt><dd>${runTime(page.run)}, körning nr ${page.run.id}</dd>
<dt>Filer</dt><dd>${formatCount(accepted)} inlästa, ${formatCount(rejected)} avvisade</dd>
<dt>Sekretess</dt><dd>Antal personer, hushåll, personmånader och rader från 1 till ${t} visas som <span class="sym">..</span> även här; <span class="sym">-</span> = uppgift saknas.</dd>
</dl>
<nav aria-label="Innehåll"><ul>
<li><a href="#files">Filer per kommun</a></li><li><a href="#completeness">Kodningens fullständighet</a></li><li><a href="#couples">Par där bara en vuxen är kodad</a></li>
<li><a href="#mappings">Koder översatta via profiler</a></li><li><a href="#replacements">Ersatta rader</a></li><li><a href="#freshness">Datum för data per kommun</a></li>
</ul></nav>
<h2 id="files">Filer per kommun</h2>
<p>En avvisad fil läses inte in alls. Rätta felen som anges (rubrikraden är rad 1) och ladda upp filen igen; övriga filer från kommunen påverkas inte.</p>
${codes.length === 0 ? html`<p>Inga filer har lästs ännu.</p>` : codes.map((c) => municipalitySection(c, nameOf(c), page.files.filter((f) => f.municipality === c), page))}
<h2 id="completeness">Kodningens fullständighet</h2>
<p>Andelen personmånader med ett försörjningshinder angivet. Månader utan hinder räknas inte när årets hinder bestäms, så en låg andel gör målgrupperna ofullständiga.</p>
${table("Personmånader med försörjningshinder per kommun och år", ["Kommun", "År", "Personmånader", "Med försörjningshinder", "Andel, %"], [false, true, true, true, true], completeness)}
<h2 id="couples">Par där bara en vuxen är kodad</h2>
<p>Hushåll med två vuxna (sökande och medsökande) där medsökande saknar försörjningshinder.</p>
${table("Par per kommun och år", ["Kommun", "År", "Par", "Medsökande utan försörjningshinder"], [false, true, true, true], couples)}
<h2 id="mappings">Koder översatta via profiler</h2>
<p>Kommunens egna beteckningar och de gemensamma koder (se <a href="codes.html">Kodlistor</a>) som de översatts till, med kodens svenska benämning. Antalet rader per kod visas inte: bredvid filens radantal skulle det avslöja små antal.</p>
${table("Översatta koder", ["Kommun", "Profil", "Kolumn", "Kommunens kod", "Kontraktets kod"], [false, false, false, false, false], mappings)}
<h2 id="replacements">Ersatta rader</h2>
<p>En nyare biståndsfil ersätter kommunens tidigare rader för de månader den innehåller; en nyare insatsfil ersätter hela den tidigare ögonblicksbilden.</p>
${table("Ersatta rader", ["Kommun", "Typ", "Månad", "Tidigare fil", "Ny fil", "Rader"], [false, false, false, false, false, true], replacements)}
<h2 id="freshness">Datum för data per kommun</h2>
${freshnessTable(page.freshness, page.run)}`;
  return layout({ title: "Datakvalitet", current: "quality", run: page.run, body });
}
