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

export const dimensionAnchor = (d: Dimension): string => `dim-${slug(d.id)}`;

/** What the breakdown's categories count, and how they relate to the total. */
function howText(b: Breakdown, totalAnchor: string | null): Html {
  const ind = b.indicator;
  const event = b.how.event === "participant"
    ? "En deltagare räknas en gång, i kategorin för den av årets pågående insatser som började senast. "
    : "";
  const total = totalAnchor ? html`<a href="#${totalAnchor}">${ind.sv}</a>` : html`${ind.sv}`;
  const sums = ind.kind === "count"
    ? html`Kategorierna summerar till totalen (${total}).`
    : ind.kind === "share" && b.how.denominator === "total"
      ? html`Nämnaren är alla ${ind.denominator}; kategoriernas andelar summerar till 100 % (avrundat).`
      : html`Andelen räknas inom varje kategori: nämnaren är kategorins ${ind.denominator}.`;
  return html`${event}${sums} Uppdelningar rangordnas inte.`;
}

function breakdownBlock(b: Breakdown, rows: readonly TableRow[], years: readonly number[], totalAnchor: string | null): Html {
  const ind = b.indicator;
  const id = `${dimensionAnchor(b.dimension)}-${slug(ind.id)}`;
  const latest = years[years.length - 1];
  const earlier = years.slice(0, -1).reverse();
  const small = rows.filter((r) => !r.network).length <= maxFacets;
  return html`<section class="breakdown-indicator" id="${id}" aria-labelledby="${id}-h">
<div class="indicator-head">
<h3 id="${id}-h">${ind.sv}</h3>
<dl class="definition">
<dt>Definition</dt><dd>${ind.definition}</dd>
${ind.kind === "count" ? "" : html`<dt>Täljare</dt><dd>${ind.numerator}</dd><dt>Nämnare</dt><dd>${ind.denominator}</dd>`}
<dt>Uppdelning</dt><dd>${howText(b, totalAnchor)}</dd>
</dl>
</div>
${breakdownChart(`${id}-chart`, b, rows, latest)}
${breakdownTable(b, rows, latest)}
${breakdownParts(b, rows, latest)}
${earlier.length === 0 ? "" : small
  ? html`<details class="print-closed"><summary>Tidigare år (${earlier.length > 1 ? `${earlier[earlier.length - 1]}–${earlier[0]}` : earlier[0]})</summary>${earlier.map((y) => breakdownTable(b, rows, y))}</details>`
  : html`<p class="muted">Tidigare år (${earlier.length > 1 ? `${earlier[earlier.length - 1]}–${earlier[0]}` : earlier[0]}) finns i datafilerna (CSV, Excel, Arrow).</p>`}
</section>`;
}

/** The section of one dimension: its indicators in the dimension's order. `totalAnchor` gives the
 *  id of an indicator's total section on the page, or null where it has none. */
export function breakdownSection(dimension: Dimension, breakdowns: readonly Breakdown[], rows: readonly TableRow[], years: readonly number[], totalAnchor: (indicator: string) => string | null): Html {
  const id = dimensionAnchor(dimension);
  const categories = dimension.categories.map((c) => c.sv);
  return html`<section class="breakdown" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${dimension.sv}</h2>
<p>${categories.length} kategorier, i den här ordningen: ${categories.join("; ")}. Varje kategori redovisas, också när den är 0. Diagrammen visar ${years[years.length - 1]} totalt; tabellerna kvinnor, män och totalt.</p>
${breakdowns.map((b) => breakdownBlock(b, rows, years, totalAnchor(b.indicator.id)))}
</section>`;
}
