// One report's totals on a municipality's page (municipality-page.ts): a table with a row group per
// indicator — its name linking to the indicator's section of the report — and a row per year with
// the municipality's total value, the network mean and the means of its comparison groups (§13)
// beside it and the municipality's rank where the report ranks one, then its values for women and for
// men, each beside the network's mean for women or men (§7: all its figures beside the network's).
// Values, symbols and notation as in the reports.
import { html, type Html } from "./html.js";
import { tableWrap } from "./frame.js";
import type { Figure, Indicator } from "./model.js";
import { rankClass, rankText } from "./rank.js";
import type { Words } from "./words.js";

export type Gender = "K" | "M" | "T";
/** A total figure of the municipality or the network: indicator → year → gender. */
export type Totals = ReadonlyMap<string, ReadonlyMap<number, Readonly<Partial<Record<Gender, Figure>>>>>;

export interface TotalsTable {
  /** the table's caption: short, as a phone shows only what fits its width */
  caption: string;
  /** the name of its scrolling region, complete */
  label: string;
  /** the municipality's name, over its columns */
  municipality: string;
  indicators: readonly Indicator[];
  years: readonly number[];
  own: Totals;
  network: Totals;
  /** the means of the municipality's comparison groups (§13), beside the network mean */
  groups: readonly { name: string; totals: Totals }[];
  /** the href of an indicator's section in the report, relative to the page */
  href: (ind: Indicator) => string;
  /** what follows an indicator's name (a link to the municipality's comment on it), if anything */
  after?: (ind: Indicator) => Html | "";
  /** the page's words and notation */
  words: Words;
}

/** Files a total figure; throws for a second figure of one cell. */
export function addTotal(totals: Map<string, Map<number, Partial<Record<Gender, Figure>>>>, f: Figure): void {
  let byYear = totals.get(f.indicator);
  if (!byYear) totals.set(f.indicator, (byYear = new Map()));
  let cell = byYear.get(f.year);
  if (!cell) byYear.set(f.year, (cell = {}));
  if (cell[f.gender]) throw new Error(`duplicate figure: ${f.indicator}|${f.municipality}|${f.year}|${f.gender}`);
  cell[f.gender] = f;
}

/** The rank as in the reports ("2 av 6", coloured by third); nothing for an indicator the reports do
 *  not rank and a figure without a rank, "ej rankad" where a ranked indicator's value is missing or withheld. */
function rankCell(ind: Indicator, f: Figure | undefined, w: Words): Html {
  const rank = f?.rank ?? null, ranked = f?.ranked ?? null;
  if (rank === null && ind.direction === "none") return html`<td></td>`;
  return html`<td><span class="rank rank-${rankClass(rank, ranked, ind.direction)}">${rankText(rank, ranked, w)}</span></td>`;
}

/** Women and men, in that order: each gets the municipality's value and the network mean beside it. */
export const splitGenders = ["K", "M"] as const;

/** The headers of a gender's two columns: the municipality's value and the network mean beside it. */
export const ownAndNetwork = (municipality: string, w: Words): Html =>
  html`<th scope="col" class="num ystart">${municipality}</th><th scope="col" class="num">${w.municipalityPage.networkHead}</th>`;

/** Over each gender's two columns, the gender's name. */
export const genderHeads = (genders: readonly Gender[], w: Words): Html[] =>
  genders.map((g) => html`<th scope="colgroup" colspan="2" class="ystart">${w.gender[g]}</th>`);

/** The header of a comparison group's column: its name may be long, so it wraps. */
export const groupHeads = (groups: readonly { name: string }[], w: Words): Html[] => groups.map((g) => html`<th scope="col">${g.name}<br>${w.municipalityPage.meanMark}</th>`);

/** A name in lines of at most ~44 characters: an indicator's name spans the totals' columns, and a
 *  long name on one line would widen them on a wide screen (the table grows to the name's width),
 *  pulling the figures apart; on a phone the lines fit the screen. */
function lines(name: string, max = 44): Html[] {
  const out: string[] = [];
  for (const word of name.split(" ")) {
    const last = out.length - 1;
    if (last >= 0 && out[last].length + 1 + word.length <= max) out[last] += ` ${word}`;
    else out.push(word);
  }
  // the space stays before each break, so the name's text (and what a screen reader says) is unchanged
  return out.map((line, i) => html`${line}${i < out.length - 1 ? html` <br>` : ""}`);
}

/** Which columns a table has: a rank where the reports rank one of its indicators (not the model's
 *  figures, which no report ranks), women and men where one of its indicators is published by gender. */
interface Columns { ranks: boolean; genders: boolean }

function indicatorRows(t: TotalsTable, ind: Indicator, c: Columns): Html {
  const w = t.words, n = w.n;
  const split = ind.genders.includes("K") || ind.genders.includes("M");
  const rows = t.years.map((y) => {
    const own = t.own.get(ind.id)?.get(y);
    const mean = t.network.get(ind.id)?.get(y);
    const byGender = !c.genders ? "" : split
      ? splitGenders.map((g) => ind.genders.includes(g)
        ? html`<td>${n.value(ind, own?.[g], false)}</td><td>${n.value(ind, mean?.[g], true)}</td>`
        : html`<td></td><td></td>`)
      : html`<td colspan="4" class="muted">${w.municipalityPage.totalOnly}</td>`;
    const groups = t.groups.map((g) => html`<td>${n.value(ind, g.totals.get(ind.id)?.get(y)?.T, true)}</td>`);
    return html`<tr><th scope="row">${y}</th><td>${n.value(ind, own?.T, false)}</td><td>${n.value(ind, mean?.T, true)}</td>${groups}${c.ranks ? rankCell(ind, own?.T, w) : ""}${byGender}</tr>`;
  });
  return html`<tbody>
<tr><th scope="rowgroup" colspan="${3 + t.groups.length + (c.ranks ? 1 : 0)}"><a href="${t.href(ind)}">${lines(w.name(ind))}</a> <span class="muted">(${w.valueUnit(ind)})</span>${t.after?.(ind) ?? ""}</th>${c.genders ? html`<td colspan="4"></td>` : ""}</tr>
${rows}
</tbody>`;
}

/** The table: a row group per indicator, a row per year. The totals come first — the municipality,
 *  the network mean and the rank — so a phone shows them without scrolling; women and men follow,
 *  each beside the network's mean.
 *  An indicator's name spans the totals' columns only, so on a phone it wraps within the screen. */
export function totalsTable(t: TotalsTable): Html {
  const c: Columns = {
    ranks: t.indicators.some((i) => i.direction !== "none"),
    genders: t.indicators.some((i) => i.genders.includes("K") || i.genders.includes("M"))
  };
  const w = t.words, m = w.municipalityPage;
  return tableWrap(w.table(t.label), html`<table class="figs">
<caption>${t.caption}</caption>
<thead>
<tr><th scope="col" rowspan="2">${m.year}</th><th scope="colgroup" colspan="${2 + t.groups.length + (c.ranks ? 1 : 0)}" class="ystart">${w.gender.T}</th>${c.genders ? genderHeads(splitGenders, w) : ""}</tr>
<tr>${ownAndNetwork(t.municipality, w)}${groupHeads(t.groups, w)}${c.ranks ? html`<th scope="col">${m.rank}</th>` : ""}${c.genders ? splitGenders.map(() => ownAndNetwork(t.municipality, w)) : ""}</tr>
</thead>
${t.indicators.map((ind) => indicatorRows(t, ind, c))}
</table>`);
}
