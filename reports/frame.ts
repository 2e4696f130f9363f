// The frame shared by every published page: one self-contained HTML file with inline CSS, no
// scripts and a Content-Security-Policy that forbids fetching anything, so a page opened from
// file:// or a share shows the same thing and leaks nothing. The page's language (contract §12) is
// its lang attribute and every word of the frame (reports/words.ts).
import { html, raw, type Html, type Part } from "./html.js";
import type { Freshness, RunInfo } from "./model.js";
import { cssString, stylesheet } from "./style.js";
import { formatDate, formatDateTime, formatMonth } from "./time.js";
import { words, type Words } from "./words.js";

export { cssString };

export const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export type PageName = "index" | "report" | "survey" | "quality" | "codes";

/** The pages every page links to; survey.html only where the run publishes it (contract §15). */
const nav: readonly { page: Exclude<PageName, "report">; href: string }[] = [
  { page: "index", href: "index.html" },
  { page: "survey", href: "survey.html" },
  { page: "quality", href: "quality.html" },
  { page: "codes", href: "codes.html" }
];

/** The run time as a <time> element in the run's own time zone, in the page's language (Swedish unless given). */
export function runTime(run: RunInfo, w: Words = words("sv")): Html {
  return html`<time datetime="${run.startedAt}">${formatDateTime(run.startedAt, run.timeZone, w.language)}</time> <span class="muted">(${run.timeZone})</span>`;
}

/** Printed, every page carries the page's title at the top (a margin box of CSS paged media,
 *  Chromium ≥ 131; the page numbers come from the shared stylesheet). */
function runningTitle(title: string): string {
  return `@media print { @page { @top-left { content: ${cssString(title)}; font-size: 8pt; color: #4f4f4f; } } }`;
}

/** Each language's stylesheet, made once. */
const stylesheets = new Map<string, string>();

/** The page: its language is the words' (`lang` attribute, the frame's words); Swedish where none are given. */
export function layout(options: { title: string; current: PageName; run: RunInfo; body: Part; base?: "" | "../"; words?: Words }): string {
  const { title, current, run, body, base = "" } = options; // base: "../" for a page in a sub-folder (municipality/)
  const w = options.words ?? words("sv");
  const links = nav.filter((n) => n.page !== "survey" || run.survey === true).map(
    (n) => html`<li><a href="${base}${n.href}"${n.page === current ? html` aria-current="page"` : ""}>${w.frame.nav[n.page]}</a></li>`
  );
  // the network's name where the settings give one (contract §9: on every page), else the site's
  const siteName = run.network ?? w.frame.siteName;
  let css = stylesheets.get(siteName);
  if (css === undefined) stylesheets.set(siteName, (css = stylesheet(siteName)));
  return `<!DOCTYPE html>\n${html`<html lang="${w.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title} – ${siteName}</title>
<style>${raw(css)}${raw(runningTitle(title))}</style>
</head>
<body>
<a class="skip" href="#main">${w.frame.skip}</a>
<header class="site"><div class="site-inner"><span class="site-name">${siteName}</span>
<nav aria-label="${w.frame.pages}"><ul>${links}</ul></nav></div></header>
<main id="main">
${body}
</main>
<footer class="page-foot"><p>${w.frame.footer(run.id, runTime(run, w))}</p></footer>
</body>
</html>
`}`;
}

/** A month and a day in the page's language. */
const month = (ym: string, w: Words) => formatMonth(ym, w.language);

/** When each municipality's data was last loaded and which months it covers. */
export function freshnessTable(rows: readonly Freshness[], run: RunInfo, w: Words, caption = w.frame.freshnessCaption): Html {
  const f = w.frame;
  if (rows.length === 0) return html`<p>${f.noData}</p>`;
  const body = [...rows]
    .sort((a, b) => a.name.localeCompare(b.name, w.locale) || a.municipality.localeCompare(b.municipality))
    .map((r) => {
      const { bistand, insats, loaded } = freshnessCells(r, run, w);
      return html`<tr><th scope="row">${r.name} <span class="muted">(${r.municipality})</span></th><td>${bistand}</td><td>${insats}</td><td>${loaded}</td></tr>`;
    });
  return tableWrap(caption, html`<table>
<caption>${caption}</caption>
<thead><tr>${f.freshnessHead.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${body}</tbody>
</table>`);
}

/** A municipality's months of assistance, its measures' snapshot and when it was last loaded, as the
 *  freshness table and a municipality's page show them. */
export function freshnessCells(r: Freshness, run: RunInfo, w: Words): { bistand: Html; insats: Html; loaded: Html } {
  const f = w.frame;
  const none = html`<span class="sym">${w.n.noData}</span>`;
  const bistand =
    r.bistandFrom && r.bistandTo
      ? html`${month(r.bistandFrom, w)} – <strong>${month(r.bistandTo, w)}</strong>`
      : r.bistandTo
        ? html`${f.upTo} <strong>${month(r.bistandTo, w)}</strong>`
        : html`${none} <span class="muted">${f.noBistand}</span>`;
  const insats = r.insatsSnapshot
    ? html`${f.snapshot(formatDate(r.insatsSnapshot, w.language))}${snapshotSource(r, w)}`
    : html`${none} <span class="muted">${f.noInsats}</span>`;
  const loaded = r.lastLoaded
    ? html`<time datetime="${r.lastLoaded}">${formatDateTime(r.lastLoaded, run.timeZone, w.language)}</time>`
    : none;
  return { bistand, insats, loaded };
}

/** Where an insats snapshot's date comes from, when not from its file name (sql/site/freshness.sql). */
export function snapshotSource(f: Freshness, w: Words): Html | "" {
  return f.insatsSnapshotSource === "rows"
    ? html` <span class="muted">${w.frame.fromRows}</span>`
    : f.insatsSnapshotSource === "first_seen"
      ? html` <span class="muted">${w.frame.fromFirstSeen}</span>`
      : "";
}

/** A table that may be wider than the page: it scrolls on its own, and because a scrolling box must
 *  be reachable by keyboard (WCAG 2.1.1) it is a focusable, named region — named by `label`, or by
 *  the element whose id is `labelledBy` (a heading whose words are marked with their own language). A
 *  short table (`keep`) is kept whole on one printed page; a long one breaks between rows. */
export function tableWrap(label: string | { labelledBy: string }, table: Html, keep = false): Html {
  const name = typeof label === "string" ? html`aria-label="${label}"` : html`aria-labelledby="${label.labelledBy}"`;
  return html`<div class="table-wrap${keep ? " keep" : ""}" role="region" tabindex="0" ${name}>${table}</div>`;
}

/** The symbols of the pages in the page's language, with the confidentiality threshold (null: the
 *  rule without a number, where a page has no threshold of its own). */
export function symbolsLegend(threshold: number | null, w: Words): Html {
  return html`<ul class="symbols">
${w.frame.symbols(threshold)}
</ul>`;
}
