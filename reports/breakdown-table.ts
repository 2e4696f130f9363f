// One breakdown (contract §6.3) of one year as tables: a row per municipality and the network mean,
// a column group per category with its genders. The categories are split into tables of at most
// nine figure columns (three categories of K, M and T), like the years of the total tables, so a
// table fits a screen and the printable width of A4; each scrolls on its own where it does not.
// A national page has some 50 000 of these cells, so a cell is built as a string of known-safe
// text (formatted numbers and symbols, escaped all the same) and carries no class or attribute.
import type { Breakdown, ByYear, Gender } from "./breakdown-index.js";
import { escapeHtml, html, raw, type Html } from "./html.js";
import { tableWrap } from "./frame.js";
import { hyphenate } from "./hyphenate.js";
import { networkCount } from "./chart.js";
import type { Figure, Indicator } from "./model.js";
import type { Words } from "./words.js";

/** A row of the tables: a municipality, or the network mean (the last row). */
export interface TableRow { code: string; name: string; network: boolean }

const genderOrder: readonly Gender[] = ["K", "M", "T"];
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

/** A cell's content as markup: its texts escaped by whoever writes it. */
type CellMarkup = (f: Figure | undefined, network: boolean) => string;

interface TablesOptions {
  /** what the tables show, for the caption and the scrolling region's name */
  what: string;
  cell: CellMarkup;
}

/** The tables of one year: every row, the categories split into chunks. */
function categoryTables(b: Breakdown, rows: readonly TableRow[], year: number, o: TablesOptions, w: Words): Html {
  const genders = gendersOf(b.indicator);
  const columns = b.categories.map((c, k) => ({ category: c, figures: b.figures[k] }));
  const chunks = balancedChunks(columns, Math.max(1, Math.floor(maxColumns / genders.length)));
  const genderHead = genders.map((g, i) => `<th scope="col" class="num${i === 0 ? " ystart" : ""}"><abbr title="${escapeHtml(w.gender[g])}">${g}</abbr></th>`).join("");
  const who = genders.length > 1 ? ` (${genders.map((g) => `${g} = ${w.gender[g].toLowerCase()}`).join(", ")})` : "";
  const dimension = w.name(b.dimension);
  return html`${chunks.map((chunk, k) => {
    const part = chunks.length > 1 ? w.part(k + 1, chunks.length) : "";
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
    return tableWrap(w.table(`${dimension}, ${o.what}, ${year}${part}`), html`<table class="figs bd g${genders.length} n${chunk.length * genders.length}">
<caption>${dimension}: ${o.what}, ${year}${part}${who}</caption>
<colgroup><col class="c-name"></colgroup>${raw(`<colgroup>${"<col>".repeat(genders.length)}</colgroup>`.repeat(chunk.length))}
<thead>
<tr><th scope="col" rowspan="2">${w.municipality}</th>${chunk.map(({ category }) => html`<th scope="colgroup" colspan="${genders.length}" class="ystart">${hyphenate(w.name(category), 14)}</th>`)}</tr>
<tr>${raw(genderHead.repeat(chunk.length))}</tr>
</thead>
<tbody>${raw(body.join("\n"))}</tbody>
</table>`);
  })}`;
}

/** The values of one year, with the same symbols and notation as the total tables; no ranks
 *  (breakdowns are not ranked). */
export function breakdownTable(b: Breakdown, rows: readonly TableRow[], year: number, w: Words): Html {
  const ind = b.indicator;
  const unit = ind.kind === "count" ? w.breakdown.countUnit(w.unit(ind)) : w.valueUnit(ind);
  // under a network or group mean, how many municipalities it averages
  return categoryTables(b, rows, year, {
    what: `${w.name(ind)}, ${unit}`,
    cell: (f, network) => escapeHtml(w.n.value(ind, f, network)) + (f && network ? String(networkCount(f, w)) : "")
  }, w);
}

/** Numerators and denominators of one year in a fold: for a share every row, for a count (whose
 *  value is its numerator) only the network's sum and number of municipalities averaged. */
export function breakdownParts(b: Breakdown, rows: readonly TableRow[], year: number, w: Words): Html {
  const ind = b.indicator;
  const r = w.report;
  const networkOnly = ind.kind === "count";
  const shown = networkOnly ? rows.filter((row) => row.network) : rows;
  const denominator = b.how.denominator === "total"
    ? w.breakdown.totalDenominator(w.text(ind.denominator))
    : w.breakdown.categoryDenominator(w.text(ind.denominator));
  const explain = networkOnly
    ? html`<p>${r.partsNetworkOnly}</p>`
    : html`<p>${r.partsExplain(w.text(ind.numerator), denominator)}</p>`;
  const tables = categoryTables(b, shown, year, {
    what: w.breakdown.partsWhat(w.name(ind)),
    // numerator over denominator, as a fraction, as in the total tables
    cell: (f, network) => `${escapeHtml(w.n.numerator(ind, f, network))}<span class="den">/ ${escapeHtml(w.n.denominator(f))}</span>`
  }, w);
  return html`<details><summary>${networkOnly ? r.partsNetworkSummary : r.partsSummary}, ${year}</summary>
${explain}
${tables}
</details>`;
}
