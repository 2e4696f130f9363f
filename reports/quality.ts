// quality.html: what was loaded and what was not, and why — per municipality and file, every
// finding with line, column and value; coding completeness; couples where only one adult is coded;
// codes mapped through profiles; replaced rows. Counts of 1 … threshold are withheld here too:
// this page is published like the reports. Words are the page's language (contract §12): a
// finding's severity and title are the findings catalogue's (as in the terminal and the reason
// files), a shared code is
// shown by its label in schemas/codes.json with the code beside it; the English finding codes are
// for --json readers. A finding's message is in the page's language where the finding was stored with
// its parameters (findingMessage); one stored by an older database keeps its Swedish words, marked
// lang="sv".
import { findingMessage } from "../pipeline/contract/finding.js";
import { entries, severities as catalogueSeverities } from "../pipeline/contract/findings.js";
import { schema as packageSchema } from "../pipeline/contract/schema.js";
import { networkFolder } from "../pipeline/ingest/discover.js";
import { isSmall } from "./format.js";
import { html, slug, type Html } from "./html.js";
import { freshnessTable, layout, runTime, tableWrap } from "./frame.js";
import type { Finding, QualityFile, QualityPage, Schema } from "./model.js";
import { formatDateTime, formatMonth } from "./time.js";
import { words, type Words } from "./words.js";

const severities = ["FATAL", "ERROR", "WARNING", "INFO"] as const;
type Shown = (typeof severities)[number];
const shownSeverity = (s: string): Shown => (severities.includes(s as Shown) ? (s as Shown) : "INFO");
const titles = new Map(entries.map((e) => [e.code as string, e.title]));

/** A severity as the terminal and the reason files say it: FEL, VARNING … (the catalogue's word). */
const severityWord = (s: string, w: Words): string => catalogueSeverities[shownSeverity(s)].label[w.language].toLocaleUpperCase(w.locale);

/** A message as text, with the code list it points to (codes.html, "kas-webbplatsens codes.html") a link. */
function messageText(message: string): Html {
  const parts = message.split("codes.html");
  return html`${parts.map((p, i) => html`${i > 0 ? html`<a href="codes.html">codes.html</a>` : ""}${p}`)}`;
}

function findingsTable(file: QualityFile, id: string, w: Words): Html {
  const q = w.quality, n = w.n;
  const total = Object.values(file.findingCounts).reduce((a, b) => a + b, 0);
  const line = (f: Finding) => (f.line === null ? n.noData : n.count(f.line));
  const rows = file.findings.map((f: Finding) => {
    const message = findingMessage(f, w.language);
    // the count's words are the page's: marked only inside a message in another language
    const marked = message.lang === w.language ? "" : html` lang="${message.lang}"`;
    const own = message.lang === w.language ? "" : html` lang="${w.language}"`;
    return html`<tr>
<td><span class="sev-${shownSeverity(f.severity)}">${severityWord(f.severity, w)}</span>${titles.has(f.code) ? html` <br><span class="muted">${titles.get(f.code)![w.language]}</span>` : ""}</td>
<td class="num">${line(f)}</td>
<td>${f.column === null ? n.noData : html`<code>${f.column}</code>`}</td>
<td>${f.value === null ? n.noData : html`<code>${f.value}</code>`}</td>
<td class="message"${marked}>${messageText(message.text)}${f.count && f.count > 1 ? html` <span class="muted nw"${own}>${q.rowsFrom(f.count, line(f))}</span>` : ""}</td>
</tr>`;
  });
  const more = total > file.findings.length ? html`<p>${q.showing(file.findings.length, total)}</p>` : "";
  return html`<h4 id="${id}">${q.findingsIn} <span class="filename">${file.name}</span></h4>
${more}${tableWrap(`${q.findingsIn} ${file.name}`, html`<table>
<caption>${q.findingsCaption}</caption>
<thead><tr>${q.findingsHead.map((h, i) => html`<th scope="col"${i === 1 ? html` class="num"` : ""}>${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`)}`;
}

function countsText(counts: Record<string, number>, w: Words): Html {
  const parts = severities.filter((s) => (counts[s] ?? 0) > 0).map((s) => html`<span class="nw"><span class="sev-${s}">${severityWord(s, w)}</span> ${w.n.count(counts[s])}</span>`);
  return parts.length === 0 ? html`${w.quality.none}` : html`${parts.map((p, i) => html`${i > 0 ? ", " : ""}${p}`)}`;
}

/** An inbox folder's files (a municipality's, or the network's): `name` heads the section, `from` says whose files they are ("Filer från Nacka"). */
function folderSection(code: string, name: string, files: readonly QualityFile[], page: QualityPage, w: Words, from = name): Html {
  const t = page.threshold, q = w.quality, n = w.n;
  // in the order the pipeline first saw them (the model's order): the order that decides replacements
  const sorted = files;
  const id = (i: number) => `m${slug(code)}-f${i + 1}`;
  const rows = sorted.map(
    (f, i) => html`<tr>
<th scope="row"><span class="filename">${f.name}</span></th>
<td>${f.kind === null ? html`<span class="muted">${q.unknownKind}</span>` : (q.kind[f.kind] ?? f.kind)}</td>
<td><span class="status-${f.status}">${q.status[f.status]}</span></td>
<td class="nw"><time datetime="${f.firstSeen}">${formatDateTime(f.firstSeen, page.run.timeZone, w.language)}</time></td>
<td class="num">${f.status === "rejected" && f.rows === null ? n.noData : n.withheldCount(f.rows, t)}</td>
<td>${f.encoding === null ? n.noData : (q.encoding[f.encoding.toLowerCase()] ?? f.encoding)}</td>
<td>${f.delimiter === null ? n.noData : (q.delimiter[f.delimiter] ?? f.delimiter)}</td>
<td>${f.profile === null ? html`<span class="muted">${q.noProfile}</span>` : f.profile}</td>
<td>${f.findings.length > 0 ? html`<a href="#${id(i)}">${countsText(f.findingCounts, w)}</a>` : countsText(f.findingCounts, w)}</td>
</tr>`
  );
  const rejected = sorted.filter((f) => f.status === "rejected").length;
  return html`<section class="municipality" aria-labelledby="m${slug(code)}-h">
<h3 id="m${slug(code)}-h">${name} <span class="muted">(${code})</span></h3>
<p>${q.filesOf(sorted.length, rejected)}</p>
${tableWrap(q.filesFrom(from), html`<table>
<caption>${q.filesCaption(from)}</caption>
<thead><tr>${q.filesHead.map((h, i) => html`<th scope="col"${i === 4 ? html` class="num"` : ""}>${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`)}
${sorted.map((f, i) => (f.findings.length > 0 ? findingsTable(f, id(i), w) : ""))}
</section>`;
}

/** A share of two counts, withheld where either count is small (it would reveal it). */
function protectedShare(part: number, whole: number, t: number, w: Words): string {
  if (whole === 0) return w.n.notApplicable;
  if (isSmall(part, t) || isSmall(whole, t) || isSmall(whole - part, t)) return w.n.withheld;
  return w.n.share(Math.round((1000 * part) / whole) / 10);
}

/** A shared code as readers know it: its label in the page's language (schemas/codes.json), the code beside it. */
function codeLabel(s: Schema, column: string, code: string, w: Words): Html {
  const list = Object.values(s.kinds).flatMap((k) => k.columns).find((c) => c.name === column)?.list;
  const entry = list ? s.lists[list]?.codes.find((c) => c.code === code) : undefined;
  const label = entry ? w.name(entry) : undefined;
  return label && label !== code ? html`${label} <span class="muted nw">(<code>${code}</code>)</span>` : html`<code>${code}</code>`;
}

/** A contract column as readers know it: the title of its code list (Försörjningshinder), the name beside it. */
function columnLabel(s: Schema, column: string, w: Words): Html {
  const list = Object.values(s.kinds).flatMap((k) => k.columns).find((c) => c.name === column)?.list;
  const def = list ? s.lists[list] : undefined;
  const title = def ? w.name(def.title) : column === "municipality" ? w.quality.municipalityCode : undefined;
  return title ? html`${title} <span class="muted nw">(<code>${column}</code>)</span>` : html`<code>${column}</code>`;
}

export function renderQuality(page: QualityPage, s: Schema = packageSchema()): string {
  const t = page.threshold;
  if (!Number.isInteger(t) || t < 0) throw new Error(`invalid threshold: ${t}`);
  const w = words(page.language ?? "sv"), q = w.quality;
  const names = new Map(page.freshness.map((f) => [f.municipality, f.name]));
  const nameOf = (code: string) => names.get(code) ?? code;
  // the municipalities by name, and the network's folder of reference data after them (contract §1)
  const codes = [...new Set([...page.files.map((f) => f.municipality)])].filter((c) => c !== networkFolder).sort(
    (a, b) => nameOf(a).localeCompare(nameOf(b), w.locale) || a.localeCompare(b)
  );
  const networkFiles = page.files.filter((f) => f.municipality === networkFolder);
  const byName = <T extends { municipality: string; year?: number }>(rows: readonly T[]) =>
    [...rows].sort(
      (a, b) =>
        nameOf(a.municipality).localeCompare(nameOf(b.municipality), w.locale) || a.municipality.localeCompare(b.municipality) || (a.year ?? 0) - (b.year ?? 0)
    );
  const accepted = page.files.filter((f) => f.status === "accepted").length;
  const rejected = page.files.length - accepted;
  const cell = (v: number) => html`<td class="num">${w.n.withheldCount(v, t)}</td>`;
  const muni = (code: string) => html`<th scope="row">${nameOf(code)} <span class="muted">(${code})</span></th>`;
  const table = ([label, head]: readonly [string, readonly string[]], numeric: readonly boolean[], rows: readonly Html[]) =>
    rows.length === 0
      ? html`<p>${q.nothing}</p>`
      : tableWrap(label, html`<table>
<caption>${label}</caption>
<thead><tr>${head.map((h, i) => html`<th scope="col"${numeric[i] ? html` class="num"` : ""}>${h}</th>`)}</tr></thead>
<tbody>${rows}</tbody>
</table>`);

  const completeness = byName(page.completeness).map(
    (c) => html`<tr>${muni(c.municipality)}<td class="num">${c.year}</td>${cell(c.personMonths)}${cell(c.coded)}<td class="num">${protectedShare(c.coded, c.personMonths, t, w)}</td></tr>`
  );
  const couples = byName(page.couples).map(
    (c) => html`<tr>${muni(c.municipality)}<td class="num">${c.year}</td>${cell(c.couples)}${cell(c.coApplicantUncoded)}</tr>`
  );
  const mappings = byName(page.mappings).map(
    (m) => html`<tr>${muni(m.municipality)}<td>${m.profile}</td><td>${columnLabel(s, m.column, w)}</td><td><code>${m.source}</code></td><td>${codeLabel(s, m.column, m.code, w)}</td></tr>`
  );
  const replacements = byName(page.replacements).map(
    (r) => html`<tr>${muni(r.municipality)}<td>${q.kind[r.kind] ?? r.kind}</td><td class="nw">${r.month === null ? html`${q.wholeSnapshot}` : /^\d{4}$/.test(r.month) ? r.month : formatMonth(r.month, w.language)}</td><td><span class="filename">${r.oldFile}</span></td><td><span class="filename">${r.newFile}</span></td>${cell(r.rows)}</tr>`
  );

  const body = html`<h1>${w.frame.nav.quality}</h1>
<p class="lead">${q.lead}</p>
<dl class="meta">
<dt>${w.run}</dt><dd>${w.runLine(runTime(page.run, w), page.run.id)}</dd>
<dt>${w.index.files}</dt><dd>${q.filesLine(accepted, rejected)}</dd>
<dt>${q.confidentiality}</dt><dd>${q.confidentialityRule(t)}</dd>
</dl>
<nav aria-label="${q.contents}"><ul>
<li><a href="#files">${q.sections.files}</a></li><li><a href="#completeness">${q.sections.completeness}</a></li><li><a href="#couples">${q.sections.couples}</a></li>
<li><a href="#mappings">${q.sections.mappings}</a></li><li><a href="#replacements">${q.sections.replacements}</a></li><li><a href="#freshness">${w.frame.freshnessCaption}</a></li>
</ul></nav>
<h2 id="files">${q.sections.files}</h2>
<p>${q.filesIntro}</p>
${page.files.length === 0 ? html`<p>${q.noFiles}</p>` : codes.map((c) => folderSection(c, nameOf(c), page.files.filter((f) => f.municipality === c), page, w))}${
  networkFiles.length === 0 ? "" : html`
${folderSection(networkFolder, q.networkFolder.title, networkFiles, page, w, q.networkFolder.from)}`}
<h2 id="completeness">${q.sections.completeness}</h2>
<p>${q.completenessIntro}</p>
${table(q.completenessTable, [false, true, true, true, true], completeness)}
<h2 id="couples">${q.sections.couples}</h2>
<p>${q.couplesIntro}</p>
${table(q.couplesTable, [false, true, true, true], couples)}
<h2 id="mappings">${q.sections.mappings}</h2>
<p>${q.mappingsIntro}</p>
${table(q.mappingsTable, [false, false, false, false, false], mappings)}
<h2 id="replacements">${q.sections.replacements}</h2>
<p>${q.replacementsIntro}</p>
${table(q.replacementsTable, [false, false, false, false, false, true], replacements)}
<h2 id="freshness">${w.frame.freshnessCaption}</h2>
${freshnessTable(page.freshness, page.run, w)}`;
  return layout({ title: w.frame.nav.quality, current: "quality", run: page.run, body, words: w });
}
