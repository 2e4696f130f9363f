// The frame shared by every published page: one self-contained HTML file with inline CSS, no
// scripts and a Content-Security-Policy that forbids fetching anything, so a page opened from
// file:// or a share shows the same thing and leaks nothing.
import { html, raw, type Html, type Part } from "./html.js";
import type { Freshness, RunInfo } from "./model.js";
import { css } from "./style.js";
import { formatDate, formatDateTime, formatMonth } from "./time.js";

export const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export type PageName = "index" | "report" | "quality" | "codes";

const nav: readonly { page: PageName; href: string; label: string }[] = [
  { page: "index", href: "index.html", label: "Start" },
  { page: "quality", href: "quality.html", label: "Datakvalitet" },
  { page: "codes", href: "codes.html", label: "Kodlistor" }
];

/** The run time as a <time> element in the run's own time zone. */
export function runTime(run: RunInfo): Html {
  return html`<time datetime="${run.startedAt}">${formatDateTime(run.startedAt, run.timeZone)}</time> <span class="muted">(${run.timeZone})</span>`;
}

/** Text as a quoted CSS string that cannot end its string or the <style> element: every character
 *  but letters, digits, spaces and plain punctuation as a CSS escape ("<" → "\\3c "). */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/^[\p{L}\p{N} .,:;()–-]$/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join("")}"`;
}

/** Printed, every page carries the page's title at the top (a margin box of CSS paged media,
 *  Chromium ≥ 131; the page numbers come from the shared stylesheet). */
function runningTitle(title: string): string {
  return `@media print { @page { @top-left { content: ${cssString(title)}; font-size: 8pt; color: #4f4f4f; } } }`;
}

export function layout(options: { title: string; current: PageName; run: RunInfo; body: Part; base?: "" | "../" }): string {
  const { title, current, run, body, base = "" } = options; // base: "../" for a page in a sub-folder (municipality/)
  const links = nav.map(
    (n) => html`<li><a href="${base}${n.href}"${n.page === current ? html` aria-current="page"` : ""}>${n.label}</a></li>`
  );
  return `<!DOCTYPE html>\n${html`<html lang="sv">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title} – KAS jämförelser</title>
<style>${raw(css)}${raw(runningTitle(title))}</style>
</head>
<body>
<a class="skip" href="#main">Till innehållet</a>
<header class="site"><div class="site-inner"><span class="site-name">KAS jämförelser</span>
<nav aria-label="Sidor"><ul>${links}</ul></nav></div></header>
<main id="main">
${body}
</main>
<footer class="page-foot"><p>Körning nr ${run.id}, startad ${runTime(run)}. Sidan är genererad utan skript och hämtar inget från nätet.</p></footer>
</body>
</html>
`}`;
}

/** When each municipality's data was last loaded and which months it covers. */
export function freshnessTable(rows: readonly Freshness[], run: RunInfo, caption = "Datum för data per kommun"): Html {
  if (rows.length === 0) return html`<p>Inga data är inlästa ännu.</p>`;
  const body = [...rows]
    .sort((a, b) => a.name.localeCompare(b.name, "sv") || a.municipality.localeCompare(b.municipality))
    .map((f) => {
      const bistand =
        f.bistandFrom && f.bistandTo
          ? html`${formatMonth(f.bistandFrom)} – <strong>${formatMonth(f.bistandTo)}</strong>`
          : f.bistandTo
            ? html`t.o.m. <strong>${formatMonth(f.bistandTo)}</strong>`
            : html`<span class="sym">-</span> <span class="muted">(inga biståndsdata)</span>`;
      const insats = f.insatsSnapshot
        ? html`ögonblicksbild ${formatDate(f.insatsSnapshot)}${snapshotSource(f)}`
        : html`<span class="sym">-</span> <span class="muted">(inga insatsdata)</span>`;
      const loaded = f.lastLoaded
        ? html`<time datetime="${f.lastLoaded}">${formatDateTime(f.lastLoaded, run.timeZone)}</time>`
        : html`<span class="sym">-</span>`;
      return html`<tr><th scope="row">${f.name} <span class="muted">(${f.municipality})</span></th><td>${bistand}</td><td>${insats}</td><td>${loaded}</td></tr>`;
    });
  return tableWrap(caption, html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">Kommun</th><th scope="col">Ekonomiskt bistånd, månader</th><th scope="col">Insatser</th><th scope="col">Senast inläst</th></tr></thead>
<tbody>${body}</tbody>
</table>`);
}

/** A table that may be wider than the page: it scrolls on its own, and because a scrolling box must
 *  be reachable by keyboard (WCAG 2.1.1) it is a focusable, named region. A short table (`keep`) is
 *  kept whole on one printed page; a long one breaks between rows. */
/** Where an insats snapshot's date comes from, when not from its file name (sql/site/freshness.sql). */
export function snapshotSource(f: Freshness): Html | "" {
  return f.insatsSnapshotSource === "rows"
    ? html` <span class="muted">(senaste datum i filen)</span>`
    : f.insatsSnapshotSource === "first_seen"
      ? html` <span class="muted">(dagen filen lästes in: varken filnamnet eller raderna anger datum)</span>`
      : "";
}

export function tableWrap(label: string, table: Html, keep = false): Html {
  return html`<div class="table-wrap${keep ? " keep" : ""}" role="region" tabindex="0" aria-label="${label}">${table}</div>`;
}

/** The two symbols of the pages (Kolada's), with the confidentiality threshold. */
export function symbolsLegend(threshold: number): Html {
  return html`<ul class="symbols">
<li><span class="sym">..</span> = skyddat av sekretesskäl: uppgiften bygger på 1–${threshold} personer eller händelser, eller skulle kunna räknas fram ur andra uppgifter (t.ex. kvinnor + män = totalt).</li>
<li><span class="sym">-</span> = uppgift saknas (inga data för året).</li>
</ul>`;
}
