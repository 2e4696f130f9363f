// One breakdown (contract §6.3) of one year as tables: a row per municipality and the network mean,
// a column group per category with its genders. The categories are split into tables of at most
// nine figure columns (three categories of K, M and T), like the years of the total tables, so a
// table fits a screen and the printable width of A4; each scrolls on its own where it does not.
// A national page has some 50 000 of these cells, so a cell is built as a string of known-safe
// text (formatted numbers and symbols, escaped all the same) and carries no class or attribute.
import type { Breakdown, ByYear, Gender } from "./breakdown-index.js";
import { denominatorText, formatFigure, formatFixed, NO_DATA, numeratorText } from "./format.js";
import { escapeHtml, html, raw, type Html } from "./html.js";
import { tableWrap } from "./frame.js";
import { hyphenate } from "./hyphenate.js";
import { networkCount } from "./chart.js";
import { decimalsOf } from "../pipeline/contract/schema.js";
import type { Figure, Indicator } from "./model.js";

/** A row of the tables: a municipality, or the network mean (the last row). */
export interface TableRow { code: string; name: string; network: boolean }

const genderOrder: readonly Gender[] = ["K", "M", "T"];
const genderName: Record<Gender, string> = { K: "Kvinnor", M: "Män", T: "Totalt" };
/** Figure columns per table, as for the total tables (report.ts yearChunks). */
const maxColumns = 9;

export const gendersOf = (ind: Indicator): Gender[] => genderOrder.filter((g) => ind.genders.includes(g));

/** n items in as few chunks of at most `max` as possible, sizes differing by at most one: 10 → 3, 3, 2, 2. */
export function balancedChunks<T>(items: readonly T[], max: number): T[][] {
  if (!Number.isInteger(max) || max < 1) throw new Error(`invalid chunk size: ${max}`);
  const parts = Math.max(1, Math.ceil(items.length / max));
  const chunks: T[][] = [];
  let start = 0;
  for (let k = 0; k < parts; k++) {
    const size = Math.floor(items.length / parts) + (k < items.length % parts ? 1 : 0);
    chunks.push(items.slice(start, start + size));
    start += size;
  }
  return chunks;
}

/** A value in the page's notation; a network mean of a count is a mean, so it keeps one decimal. */
export function breakdownValueText(ind: Indicator, f: Figure | undefined, network: boolean): string {
  if (!f) return NO_DATA;
  return formatFigure(f.status, f.value, valueFormat(ind, network));
}

const valueFormat = (ind: Indicator, network: boolean): ((v: number) => string) => {
  const decimals = ind.kind === "count" && network ? 1 : decimalsOf(ind);
  return (v) => formatFixed(v, decimals);
};


/** A cell's content as markup: its texts escaped by whoever writes it. */
type CellMarkup = (f: Figure | undefined, network: boolean) => string;

interface TablesOptions {
  /** what the tables show, for the caption and the scrolling region's name */
  what: string;
  cell: CellMarkup;
}

/** The tables of one year: every row, the categories split into chunks. */
function categoryTables(b: Breakdown, rows: readonly TableRow[], year: number, o: TablesOptions): Html {
  const genders = gendersOf(b.indicator);
  const columns = b.categories.map((c, k) => ({ category: c, figures: b.figures[k] }));
  const chunks = balancedChunks(columns, Math.max(1, Math.floor(maxColumns / genders.length)));
  const genderHead = genders.map((g, i) => `<th scope="col" class="num${i === 0 ? " ystart" : ""}"><abbr title="${genderName[g]}">${g}</abbr></th>`).join("");
  const who = genders.length > 1 ? ` (${genders.map((g) => `${g} = ${genderName[g].toLowerCase()}`).join(", ")})` : "";
  return html`${chunks.map((chunk, k) => {
    const part = chunks.length > 1 ? `, del ${k + 1} av ${chunks.length}` : "";
    const body: string[] = [];
    for (const r of rows) {
      let cells = "";
      for (const { figures } of chunk) {
        const byGender = (figures.get(r.code) as ByYear | undefined)?.get(year);
        for (const g of genders) cells += `<td>${o.cell(byGender?.[g], r.network)}</td>`;
      }
      body.push(`<tr${r.network ? ` class="network"` : ""}><th scope="row">${escapeHtml(r.name)}</th>${cells}</tr>`);
    }
    // fixed column widths (style.ts, bd and n<columns>): the columns of a breakdown's tables line up
    return tableWrap(`Tabell: ${b.dimension.sv}, ${o.what}, ${year}${part}`, html`<table class="figs bd g${genders.length} n${chunk.length * genders.length}">
<caption>${b.dimension.sv}: ${o.what}, ${year}${part}${who}</caption>
<colgroup><col class="c-name"></colgroup>${raw(`<colgroup>${"<col>".repeat(genders.length)}</colgroup>`.repeat(chunk.length))}
<thead>
<tr><th scope="col" rowspan="2">Kommun</th>${chunk.map(({ category }) => html`<th scope="colgroup" colspan="${genders.length}" class="ystart">${hyphenate(category.sv, 14)}</th>`)}</tr>
<tr>${raw(genderHead.repeat(chunk.length))}</tr>
</thead>
<tbody>${raw(body.join("\n"))}</tbody>
</table>`);
  })}`;
}

/** The values of one year, with the same symbols and notation as the total tables; no ranks
 *  (breakdowns are not ranked). */
export function breakdownTable(b: Breakdown, rows: readonly TableRow[], year: number): Html {
  const ind = b.indicator;
  const unit = ind.kind === "share" ? "procent" : ind.kind === "count" ? `antal ${ind.unit}` : ind.unit;
  const own = valueFormat(ind, false), mean = valueFormat(ind, true);
  // under a network or group mean, how many municipalities it averages
  return categoryTables(b, rows, year, {
    what: `${ind.sv}, ${unit}`,
    cell: (f, network) => (f ? escapeHtml(formatFigure(f.status, f.value, network ? mean : own)) + (network ? String(networkCount(f)) : "") : NO_DATA)
  });
}

/** Numerators and denominators of one year in a fold: for a share every row, for a count (whose
 *  value is its numerator) only the network's sum and number of municipalities averaged. */
export function breakdownParts(b: Breakdown, rows: readonly TableRow[], year: number): Html {
  const ind = b.indicator;
  const networkOnly = ind.kind === "count";
  const shown = networkOnly ? rows.filter((r) => r.network) : rows;
  const denominator = b.how.denominator === "total"
    ? `${ind.denominator}, alla kategorier tillsammans (samma i varje kategori)`
    : `${ind.denominator} i kategorin`;
  const explain = networkOnly
    ? html`<p>Kommunernas värden är antal och har ingen nämnare. Nätverkets medelvärde är summan av de kommunvärden som ingår (täljare) delad med antalet kommuner som ingår (nämnare).</p>`
    : html`<p>Varje cell visar täljaren och under den / nämnaren. Täljare: ${ind.numerator}. Nämnare: ${denominator}. För nätverket: summan av de kommunvärden som ingår i medelvärdet / antalet kommuner som ingår.</p>`;
  const tables = categoryTables(b, shown, year, {
    what: `${ind.sv}: täljare / nämnare`,
    // numerator over denominator, as a fraction, as in the total tables
    cell: (f, network) => `${escapeHtml(numeratorText(ind, f, network))}<span class="den">/ ${escapeHtml(denominatorText(f))}</span>`
  });
  return html`<details><summary>${networkOnly ? "Täljare och nämnare för nätverkets medelvärde" : "Täljare och nämnare"}, ${year}</summary>
${explain}
${tables}
</details>`;
}
