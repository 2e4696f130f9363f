// The one stylesheet of every page, inlined (pages are single self-contained files; the CSP allows
// inline styles only). Kept as a string so the compiled package needs no asset copying.
// Contrast: every text colour on its background is at least 4.5:1 (WCAG AA), rank badges included.
import { commentaryCss } from "./commentary-html.js";

/** Breakdown tables (breakdown-table.ts) have fixed columns, so the columns of a breakdown's tables
 *  line up: a name column and 1–9 figure columns (class n1 … n9). On screen 12rem + 5rem each (a
 *  network mean of a count such as "12 345,6" fits); in print 8rem + 3.8rem, nine fit A4. */
function breakdownWidths(name: number, column: number): string {
  return Array.from({ length: 9 }, (_, k) => `table.bd.n${k + 1} { width: ${Number((name + (k + 1) * column).toFixed(2))}rem; }`).join("\n");
}

/** Text as a quoted CSS string that cannot end its string or the <style> element: every character
 *  but letters, digits, spaces and plain punctuation as a CSS escape ("<" → "\\3c "). */
export function cssString(text: string): string {
  return `"${[...text].map((c) => (/^[\p{L}\p{N} .,:;()–-]$/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join("")}"`;
}

/** The stylesheet of a page of the site named `siteName` (printed at the foot of every page). */
export function stylesheet(siteName: string): string {
  return `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #4f4f4f; --line: #c9c9c9; --soft: #f3f5f8; --accent: #0b4a80; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: #fff; font: 16px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
a { color: var(--accent); }
a:focus-visible, [tabindex]:focus-visible, summary:focus-visible { outline: 3px solid #c75b00; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; z-index: 1; }
.site { background: var(--accent); color: #fff; }
.site-inner { max-width: 72rem; margin: 0 auto; padding: .6rem 1.5rem; display: flex; flex-wrap: wrap; gap: .4rem 2rem; align-items: baseline; }
.site-name { font-weight: 700; }
.site nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; }
.site nav a { color: #fff; }
.site nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 1rem 0 .5rem; }
h2 { font-size: 1.35rem; line-height: 1.25; margin: 0 0 .4rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .4rem; }
p { margin: .4rem 0 .8rem; max-width: 48rem; }
.lead { font-size: 1.08rem; }
.muted { color: var(--muted); }
.meta { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .25rem 1rem; margin: .8rem 0 1rem; max-width: 56rem; }
.meta dt { font-weight: 600; }
.meta dd { margin: 0; }
.box { background: var(--soft); border-left: 4px solid var(--accent); padding: .6rem 1rem; margin: 1rem 0; max-width: 56rem; }
.box p { margin: .2rem 0; }
.symbols { margin: .3rem 0; padding-left: 1.2rem; }
.sym { font-weight: 700; font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; }
.nw, .num { white-space: nowrap; font-variant-numeric: tabular-nums; }
.toc { columns: 2 18rem; padding-left: 1.2rem; }
.table-wrap { overflow-x: auto; margin: .6rem 0 1rem; max-width: 100%; }
table { border-collapse: collapse; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .55rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); border-bottom: 2px solid #8a8a8a; vertical-align: bottom; }
th[scope="row"] { font-weight: 600; }
td.num, th.num { text-align: right; }
th[scope="colgroup"] { text-align: center; }
.ystart { border-left: 1px solid var(--line); }
table.figs td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.g1 td, .g2 td:nth-of-type(2n+1), .g3 td:nth-of-type(3n+1) { border-left: 1px solid var(--line); }
tr.network th, tr.network td { background: #eef2f7; border-top: 2px solid #8a8a8a; }
table.bd { table-layout: fixed; }
table.bd col.c-name { width: 12rem; }
table.bd thead th { overflow-wrap: break-word; hyphens: auto; }
table.bd th[scope="row"] { overflow-wrap: anywhere; }
table.bd abbr { text-decoration: none; }
${breakdownWidths(12, 5)}
.cell-value { display: block; }
.den { display: block; color: var(--muted); }
.rank { display: inline-block; margin-top: .15rem; padding: 0 .35rem; border-radius: .25rem; font-size: .78rem; line-height: 1.5; white-space: nowrap; border: 1px solid transparent; }
.rank-good { background: #cfeed6; color: #0b3d17; border-color: #5fa96f; }
.rank-mid { background: #fbeaa9; color: #453400; border-color: #c9a722; }
.rank-bad { background: #f8cfcf; color: #5e0b0b; border-color: #c96464; }
.rank-missing { background: #e6e6e6; color: #333; border-color: #a0a0a0; }
.rank-key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .9rem; }
section.indicator, section.breakdown { border-top: 3px solid var(--accent); margin-top: 2.2rem; padding-top: .8rem; }
section.breakdown-indicator { border-top: 1px solid var(--line); margin-top: 1.6rem; padding-top: .6rem; }
section.breakdown-indicator h3 { font-size: 1.2rem; margin: 0 0 .4rem; }
.legend-categories { gap: .2rem 1rem; }
.indicator-head { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr); gap: .5rem 2rem; align-items: start; }
@media (max-width: 48rem) { .indicator-head { grid-template-columns: minmax(0, 1fr); } }
.definition { margin: 0; font-size: .95rem; }
.definition dt { font-weight: 600; }
.definition dd { margin: 0 0 .3rem; }
figure.chart { margin: 1rem 0; padding: 0; max-width: 680px; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; max-width: 100%; height: auto; overflow: visible; }
figure.chart svg text { white-space: pre; }
figcaption { font-size: .9rem; margin-top: .4rem; }
.legend { list-style: none; margin: .4rem 0; padding: 0; display: flex; flex-wrap: wrap; gap: .2rem 1.2rem; font-size: .9rem; }
.legend li { display: flex; align-items: center; gap: .35rem; }
.legend svg { flex: none; }
details { margin: .4rem 0 1rem; }
details.inline { margin: 0; }
summary { cursor: pointer; color: var(--accent); font-weight: 600; }
.sev-FATAL, .sev-ERROR { color: #8f0d0d; font-weight: 700; }
.sev-WARNING { color: #6b4a00; font-weight: 700; }
.sev-INFO { color: #2d4a6b; }
.status-rejected { color: #8f0d0d; font-weight: 700; }
.status-accepted { color: #1d5c2b; font-weight: 700; }
.filename { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .88rem; overflow-wrap: anywhere; }
td.message { min-width: 20rem; max-width: 40rem; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: .9em; }
section.overview { margin-top: 1.6rem; }
.ov-table th, .ov-table td { padding: .25rem .5rem; }
.ov-table thead th { font-size: .85rem; line-height: 1.25; min-width: 6.5rem; text-align: right; hyphens: manual; }
.ov-table thead th:first-child { text-align: left; min-width: 0; }
.ov-table td { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.ov-table .cell-value { display: inline; font-weight: 600; }
.ov-unit { display: block; font-weight: 400; font-size: .78rem; color: var(--muted); }
.ov-chg { margin-left: .4rem; font-size: .8rem; color: var(--muted); }
.ov-table .rank { display: block; width: max-content; margin-left: auto; }
.ov-n { display: block; font-size: .78rem; color: var(--muted); white-space: nowrap; }
.ov-one { width: max-content; margin-left: auto; color: #5a3b00; background: #fff1c2; border: 1px dashed #a8832a; border-radius: .25rem; padding: 0 .3rem; font-style: italic; }
.ov-table th[scope="row"] { position: sticky; left: 0; z-index: 1; background: #fff; white-space: nowrap; }
.ov-table tr.network th[scope="row"] { background: #eef2f7; }
.ov-scroll { max-height: 36rem; overflow: auto; border: 1px solid var(--line); }
.ov-scroll thead th { position: sticky; top: 0; z-index: 2; }
.ov-scroll thead th:first-child { left: 0; z-index: 3; }
.ov-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr)); gap: .5rem 1.5rem; align-items: start; }
.ov-charts figure.chart { margin: .5rem 0; max-width: 336px; }
.chart-empty { margin: 1rem 0; padding: .5rem .8rem; max-width: 680px; border: 1px dashed #8a8a8a; color: var(--muted); }
.chart-empty p { margin: 0; }
section.commentaries { margin-top: 1.6rem; }
.see-comment { font-weight: 400; font-size: .85rem; white-space: nowrap; }
${commentaryCss.trim()}
footer.page-foot { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
@media print {
  @page {
    size: A4; margin: 12mm;
    @bottom-right { content: counter(page) " / " counter(pages); font-size: 8pt; color: #4f4f4f; }
    @bottom-left { content: ${cssString(siteName)}; font-size: 8pt; color: #4f4f4f; }
  }
  body { font-size: 10pt; }
  .site, .skip { display: none; }
  main, section.overview { margin-top: 1.6rem; }
  footer.page-foot { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, .indicator-head { break-after: avoid; page-break-after: avoid; }
  /* no forced page breaks: a section starts where the last one ended, its heading kept with what follows */
  section.indicator, section.breakdown { margin-top: 1.2rem; padding-top: .4rem; }
  section.breakdown-indicator { margin-top: 1rem; }
  .indicator-head, .definition { break-inside: avoid; page-break-inside: avoid; }
  .table-wrap.keep, .ov-charts figure.chart, .legend, figcaption { break-inside: avoid; page-break-inside: avoid; }
  .ov-scroll { max-height: none; overflow: visible; border: 0; }
  .ov-table th[scope="row"], .ov-scroll thead th { position: static; }
  .ov-table { width: 100%; table-layout: fixed; }
  .ov-table thead th { min-width: 0; font-size: 7pt; padding: .1rem .15rem; overflow-wrap: normal; }
  .ov-table thead th:first-child { width: 13%; }
  .ov-table th[scope="row"] { white-space: normal; font-size: 7.5pt; }
  .ov-chg { display: block; margin-left: 0; }
  .ov-table td, .ov-table th { padding: .1rem .25rem; }
  .ov-table td { font-size: 8pt; }
  .ov-unit, .ov-chg, .ov-n { font-size: 7pt; }
  .ov-charts { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 6mm; }
  .chart-empty { break-inside: avoid; }
  table.bd col.c-name { width: 8rem; }
  ${breakdownWidths(8, 3.8).replace(/\n/g, "\n  ")}
  figure.chart { break-inside: avoid; page-break-inside: avoid; max-width: 100%; }
  figure.chart svg { max-height: 230mm; width: auto; }
  figure.chart-rows svg { max-height: 210mm; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  th, td { padding: .12rem .3rem; }
  .rank { font-size: 7pt; padding: 0 .2rem; }
  td.message { min-width: 0; }
  code, .filename { overflow-wrap: anywhere; }
  td, th { overflow-wrap: anywhere; }
  td.num, th.num, .nw, table.figs td { overflow-wrap: normal; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  details > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: contents; }
  details.print-closed > :not(summary) { display: none; }
}
`;
}

/** The stylesheet of a Swedish page. */
export const css = stylesheet("KAS jämförelser");
