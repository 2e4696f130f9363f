// The page's section of one breakdown dimension (contract §6.3), after the totals: per indicator
// broken down its definition, a chart of the latest year (breakdown-chart.ts) and the latest
// year's table of every municipality and the network mean (breakdown-table.ts), with numerators
// and denominators in a fold. Earlier years follow in a fold for a small network; a national page
// leaves them to the data files, which hold every year.
import { breakdownChart } from "./breakdown-chart.js";
import type { Breakdown } from "./breakdown-index.js";
import { breakdownParts, breakdownTable, type TableRow } from "./breakdown-table.js";
import { maxFacets } from "./chart.js";
import { html, slug, type Html } from "./html.js";
import type { Dimension } from "./model.js";
import { definitionList } from "./definition-list.js";
import type { Words } from "./words.js";

export const dimensionAnchor = (d: Dimension): string => `dim-${slug(d.id)}`;

/** What the breakdown's categories count, and how they relate to the total. */
function howText(b: Breakdown, totalAnchor: string | null, w: Words): Html {
  const ind = b.indicator;
  const d = w.breakdown;
  const event = b.how.event === "participant" ? d.participantOnce : "";
  const total = totalAnchor ? html`<a href="#${totalAnchor}">${w.name(ind)}</a>` : html`${w.name(ind)}`;
  const sums = ind.kind === "count"
    ? d.sumsToTotal(total)
    : ind.kind === "share" && b.how.denominator === "total"
      ? d.sharesOfTotal(w.text(ind.denominator))
      : d.sharesWithin(w.text(ind.denominator));
  return html`${event}${sums} ${d.notRanked}`;
}

function breakdownBlock(b: Breakdown, rows: readonly TableRow[], years: readonly number[], totalAnchor: string | null, w: Words, aside: Html): Html {
  const ind = b.indicator;
  const id = `${dimensionAnchor(b.dimension)}-${slug(ind.id)}`;
  const latest = years[years.length - 1];
  const earlier = years.slice(0, -1).reverse();
  const small = rows.filter((r) => !r.network).length <= maxFacets;
  return html`<section class="breakdown-indicator" id="${id}" aria-labelledby="${id}-h">
<div class="indicator-head">
<h3 id="${id}-h">${w.name(ind)}</h3>
${definitionList(ind, w, [[w.breakdown.breakdown, howText(b, totalAnchor, w)]])}
</div>${aside}
${breakdownChart(`${id}-chart`, b, rows, latest, w)}
${breakdownTable(b, rows, latest, w)}
${breakdownParts(b, rows, latest, w)}
${earlier.length === 0 ? "" : small
  ? html`<details class="print-closed"><summary>${w.breakdown.earlierYears(earlier.length > 1 ? `${earlier[earlier.length - 1]}–${earlier[0]}` : String(earlier[0]))}</summary>${earlier.map((y) => breakdownTable(b, rows, y, w))}</details>`
  : html`<p class="muted">${w.breakdown.earlierInFiles(earlier.length > 1 ? `${earlier[earlier.length - 1]}–${earlier[0]}` : String(earlier[0]))}</p>`}
</section>`;
}

/** The section of one dimension: its indicators in the dimension's order. `totalAnchor` gives the
 *  id of an indicator's total section on the page, or null where it has none; `aside` what stands
 *  under an indicator's definition (the municipalities' commentary on it, report-commentary.ts). */
export function breakdownSection(dimension: Dimension, breakdowns: readonly Breakdown[], rows: readonly TableRow[], years: readonly number[], totalAnchor: (indicator: string) => string | null, w: Words, aside: (indicator: string) => Html = () => html``): Html {
  const id = dimensionAnchor(dimension);
  const categories = dimension.categories.map((c) => w.name(c));
  return html`<section class="breakdown" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${w.name(dimension)}</h2>
<p>${w.breakdown.intro(categories.length, categories.join("; "), years[years.length - 1])}</p>
${breakdowns.map((b) => breakdownBlock(b, rows, years, totalAnchor(b.indicator.id), w, aside(b.indicator.id)))}
</section>`;
}
