// The overview that opens a report ("at a glance"): for the latest year, every municipality (sorted by
// name, Swedish collation, each linked to its own page municipality/<code>.html) against the key
// indicators — the totals where higher or lower is better, and the first count (recipients) for size
// — with the value, the change from the year before and the rank where ranked; the network mean on
// top with how many municipalities it averages. Then one ranked chart per indicator with a direction
// (overview-chart.ts). A large network's table scrolls inside its box with its header and names kept
// in view, and its charts show the ten best and ten worst.
import { maxFacets, networkCount } from "./chart.js";
import { html, slug, type Html } from "./html.js";
import { hyphenate } from "./hyphenate.js";
import type { Figure, Indicator, Municipality } from "./model.js";
import { allRowsUpTo, renderRankChart, shownAtEachEnd } from "./overview-chart.js";
import { rankClass, rankText } from "./rank.js";
import { decimalsOf } from "../pipeline/contract/schema.js";
import type { Words } from "./words.js";

export const overviewId = "oversikt";

/** (municipality code or "network", year, gender) → the figure of one indicator's total. */
export type Lookup = (m: string, y: number, g: string) => Figure | undefined;

/** The indicators of the overview, in schema order: totals with a direction, and the first count. */
export function keyIndicators(indicators: readonly Indicator[]): Indicator[] {
  const totals = indicators.filter((i) => i.total !== false && i.kind !== "model" && i.genders.includes("T"));
  const size = totals.find((i) => i.kind === "count");
  return totals.filter((i) => i.direction !== "none" || i === size);
}

const published = (f: Figure | undefined): f is Figure & { value: number } => f !== undefined && f.status === "" && f.value !== null;

/** The change of a published value from the year before in the indicator's notation, with its sign
 *  ("+1,2", "−0,8", "±0,0"): shares in percentage points. Computed on the values as published
 *  (rounded), so it is exactly the difference a reader gets from the two. The no-data symbol where
 *  either value is withheld or missing, or there is no year before. */
export function changeText(indicator: Pick<Indicator, "kind" | "decimals">, latest: Figure | undefined, previous: Figure | undefined, w: Words): string {
  if (!published(latest) || !published(previous)) return w.n.noData;
  const d = decimalsOf(indicator);
  const scaled = Math.round(latest.value * 10 ** d) - Math.round(previous.value * 10 ** d);
  const text = w.n.fixed(Math.abs(scaled) / 10 ** d, d);
  return scaled > 0 ? `+${text}` : scaled < 0 ? `\u2212${text}` : `±${text}`;
}

/** A municipality's page, where its code is one (4 digits): the name as text otherwise. */
function municipalityLink(m: Municipality): Html {
  return /^\d{4}$/.test(m.code) ? html`<a href="municipality/${m.code}.html">${m.name}</a>` : html`${m.name}`;
}


export interface OverviewInput {
  municipalities: readonly Municipality[];
  years: readonly number[];
  indicators: readonly Indicator[];
  /** the lookup of one indicator's totals */
  lookup: (indicator: string) => Lookup;
  /** the page's words and notation */
  words: Words;
}

/** The overview section, or nothing when the page has no year or no key indicator. */
export function overviewSection(input: OverviewInput): Html {
  const { years, words: w } = input;
  const o = w.overview;
  const inds = keyIndicators(input.indicators);
  if (years.length === 0 || inds.length === 0) return html``;
  const latest = years[years.length - 1];
  const previous = years.length > 1 ? years[years.length - 2] : null;
  const municipalities = [...input.municipalities].sort((a, b) => w.collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  const large = municipalities.length > maxFacets;
  const gets = inds.map((i) => input.lookup(i.id));

  const head = html`<thead><tr><th scope="col">${w.municipality}</th>${inds.map((ind) => html`<th scope="col"><a href="#ind-${slug(ind.id)}">${hyphenate(w.name(ind), 14)}</a><span class="ov-unit">${w.valueUnit(ind)}, ${o.direction[ind.direction]}</span></th>`)}</tr></thead>`;
  const networkRow = html`<tr class="network"><th scope="row">${w.networkLabel}</th>${inds.map((ind, k) => {
    const f = gets[k]("network", latest, "T");
    return html`<td><span class="cell-value">${w.n.value(ind, f, true)}</span>${published(f) ? networkCount(f, w) : ""}</td>`;
  })}</tr>`;
  // one string per row: a national overview has some 2 300 cells
  const body = municipalities.map((m) => {
    const cells = inds.map((ind, k) => {
      const f = gets[k](m.code, latest, "T");
      const change = previous === null ? w.n.noData : changeText(ind, f, gets[k](m.code, previous, "T"), w);
      const rank = ind.direction === "none" ? "" : html`<span class="rank rank-${rankClass(f?.rank ?? null, f?.ranked ?? null, ind.direction)}">${rankText(f?.rank ?? null, f?.ranked ?? null, w)}</span>`;
      return html`<td><span class="cell-value">${w.n.value(ind, f, false)}</span><span class="ov-chg">${change}</span>${rank}</td>`;
    });
    return html`<tr><th scope="row">${municipalityLink(m)}</th>${cells}</tr>`;
  });
  const caption = o.caption(latest, previous);
  const table = html`<div class="table-wrap ov-wrap${large ? " ov-scroll" : ""}" role="region" tabindex="0" aria-label="${w.table(caption)}">
<table class="ov-table">
<caption>${caption}</caption>
${head}
<tbody>${networkRow}${body}</tbody>
</table></div>`;

  const ranked = inds.filter((i) => i.direction !== "none");
  const charts = ranked.map((ind) => {
    const get = input.lookup(ind.id);
    return renderRankChart({ indicator: ind, municipalities, year: latest, get: (m) => get(m, latest, "T"), words: w });
  });
  return html`<section class="overview" id="${overviewId}" aria-labelledby="${overviewId}-h">
<h2 id="${overviewId}-h">${o.title(latest)}</h2>
<p>${o.intro(latest, previous, inds.some((i) => i.kind === "share"), large)}</p>
${table}
${charts.length === 0 ? "" : html`<h3>${o.rankingTitle(latest)}</h3>
<p class="muted">${o.rankingIntro(allRowsUpTo, shownAtEachEnd)}</p>
<div class="ov-charts">${charts}</div>`}
</section>`;
}
