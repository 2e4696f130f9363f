// One report's breakdowns (contract §6.3) on a municipality's page, in a fold: for the latest year,
// per dimension and indicator broken down a small table of the categories with the municipality's
// total value, the network mean and its comparison groups' means beside it, then its values for
// women and for men, each beside the network's. Breakdowns are not ranked. Each title links to the
// breakdown's block in the report.
import { breakdownTitle } from "./breakdown-index.js";
import { dimensionAnchor } from "./breakdown-section.js";
import { html, slug, type Html } from "./html.js";
import { hyphenate } from "./hyphenate.js";
import { tableWrap } from "./frame.js";
import type { Dimension, Figure, Indicator } from "./model.js";
import { genderHeads, groupHeads, ownAndNetwork, splitGenders, type Gender } from "./municipality-table.js";
import type { Words } from "./words.js";

type Cells = Map<string, Partial<Record<Gender, Figure>>>;

/** A category's or dimension's name with soft hyphens, so the name column of a phone's table stays
 *  narrow enough for the values beside it (the same few names on every page: computed once). */
const hyphenated = new Map<string, string>();
function label(name: string): string {
  let out = hyphenated.get(name);
  if (out === undefined) hyphenated.set(name, (out = hyphenate(name, 12)));
  return out;
}

const key = (indicator: string, dimension: string, category: string) => `${indicator}|${dimension}|${category}`;

/** Files the breakdown rows of one year by indicator, dimension and category; throws for a second figure of one cell. */
export function breakdownCells(figures: readonly Figure[], year: number): Cells {
  const cells: Cells = new Map();
  for (const f of figures) {
    if (!f.dimension || f.year !== year) continue;
    const k = key(f.indicator, f.dimension, f.category ?? "");
    let cell = cells.get(k);
    if (!cell) cells.set(k, (cell = {}));
    if (cell[f.gender]) throw new Error(`duplicate figure: ${f.indicator}|${f.dimension}|${f.category}|${f.municipality}|${f.year}|${f.gender}`);
    cell[f.gender] = f;
  }
  return cells;
}

export interface BreakdownsFold {
  /** the report's page, relative to the municipality's page */
  href: string;
  /** the municipality's name, over its columns */
  municipality: string;
  dimensions: readonly Dimension[];
  indicators: readonly Indicator[];
  year: number;
  own: Cells;
  network: Cells;
  /** the means of the municipality's comparison groups (§13) */
  groups: readonly { name: string; cells: Cells }[];
  /** the page's words and notation */
  words: Words;
}

/** The fold, or nothing when the municipality has no breakdown figure that year. */
export function breakdownsFold(b: BreakdownsFold): Html {
  if (b.own.size === 0) return html``;
  const w = b.words, n = w.n, m = w.municipalityPage;
  const byId = new Map(b.indicators.map((i) => [i.id, i]));
  const blocks = b.dimensions.flatMap((dimension) =>
    dimension.indicators.flatMap((how) => {
      const indicator = byId.get(how.id);
      if (!indicator) return [];
      const title = breakdownTitle({ dimension, indicator }, w);
      const split = splitGenders.filter((g) => indicator.genders.includes(g));
      const rows = dimension.categories.map((c) => {
        const own = b.own.get(key(indicator.id, dimension.id, c.code));
        const mean = b.network.get(key(indicator.id, dimension.id, c.code));
        return html`<tr><th scope="row">${label(w.name(c))}</th><td>${n.value(indicator, own?.T, false)}</td><td>${n.value(indicator, mean?.T, true)}</td>${b.groups.map((g) => html`<td>${n.value(indicator, g.cells.get(key(indicator.id, dimension.id, c.code))?.T, true)}</td>`)}${split.map((g) => html`<td>${n.value(indicator, own?.[g], false)}</td><td>${n.value(indicator, mean?.[g], true)}</td>`)}</tr>`;
      });
      const anchor = `${dimensionAnchor(dimension)}-${slug(indicator.id)}`;
      return [tableWrap(w.table(`${title}, ${b.year}`), html`<table class="figs">
<caption><a href="${b.href}#${anchor}">${title}</a>, ${b.year} <span class="muted">(${w.valueUnit(indicator)})</span></caption>
<thead>
<tr><th scope="col" rowspan="2">${label(w.name(dimension))}</th><th scope="colgroup" colspan="${2 + b.groups.length}" class="ystart">${w.gender.T}</th>${genderHeads(split, w)}</tr>
<tr>${ownAndNetwork(b.municipality, w)}${groupHeads(b.groups, w)}${split.map(() => ownAndNetwork(b.municipality, w))}</tr>
</thead>
<tbody>${rows}</tbody>
</table>`)];
    })
  );
  return html`<details class="print-closed"><summary>${m.breakdownsTitle(b.year)}</summary>
<p>${m.breakdownsIntro}</p>
${blocks}
</details>`;
}
