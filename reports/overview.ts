// The overview that opens a report ("at a glance"): for the latest year, every municipality (sorted by
// name, Swedish collation, each linked to its own page municipality/<code>.html) against the key
// indicators — the totals where higher or lower is better, and the first count (recipients) for size
// — with the value, the change from the year before and the rank where ranked; the network mean on
// top with how many municipalities it averages. Then one ranked chart per indicator with a direction
// (overview-chart.ts). A large network's table scrolls inside its box with its header and names kept
// in view, and its charts show the ten best and ten worst.
import { maxFacets } from "./chart.js";
import { formatByIndicator, formatFixed, NO_DATA, WITHHELD } from "./format.js";
import { html, slug, type Html } from "./html.js";
import { hyphenate } from "./hyphenate.js";
import type { Figure, Indicator, Municipality } from "./model.js";
import { allRowsUpTo, renderRankChart, shownAtEachEnd } from "./overview-chart.js";
import { rankClass, rankText } from "./rank.js";
import { decimalsOf } from "../pipeline/contract/schema.js";

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
 *  (rounded), so it is exactly the difference a reader gets from the two. "-" where either value is
 *  withheld or missing, or there is no year before. */
export function changeText(indicator: Pick<Indicator, "kind" | "decimals">, latest: Figure | undefined, previous: Figure | undefined): string {
  if (!published(latest) || !published(previous)) return NO_DATA;
  const d = decimalsOf(indicator);
  const scaled = Math.round(latest.value * 10 ** d) - Math.round(previous.value * 10 ** d);
  const text = formatFixed(Math.abs(scaled) / 10 ** d, d);
  return scaled > 0 ? `+${text}` : scaled < 0 ? `\u2212${text}` : `±${text}`;
}

/** A municipality's page, where its code is one (4 digits): the name as text otherwise. */
function municipalityLink(m: Municipality): Html {
  return /^\d{4}$/.test(m.code) ? html`<a href="municipality/${m.code}.html">${m.name}</a>` : html`${m.name}`;
}

function unitText(ind: Indicator): string {
  return ind.kind === "share" ? "procent" : ind.unit;
}

const directionText = (ind: Indicator) => (ind.direction === "lower" ? "lägre är bättre" : ind.direction === "higher" ? "högre är bättre" : "ej rankad");

function valueText(ind: Indicator, f: Figure | undefined, network: boolean): string {
  if (!f || f.status === "-" || (f.status === "" && f.value === null)) return NO_DATA;
  if (f.status === "..") return WITHHELD;
  return ind.kind === "count" && network ? formatFixed(f.value!, 1) : formatByIndicator(ind, f.value!);
}

export interface OverviewInput {
  municipalities: readonly Municipality[];
  years: readonly number[];
  indicators: readonly Indicator[];
  /** the lookup of one indicator's totals */
  lookup: (indicator: string) => Lookup;
}

/** The overview section, or nothing when the page has no year or no key indicator. */
export function overviewSection(input: OverviewInput): Html {
  const { years } = input;
  const inds = keyIndicators(input.indicators);
  if (years.length === 0 || inds.length === 0) return html``;
  const latest = years[years.length - 1];
  const previous = years.length > 1 ? years[years.length - 2] : null;
  const collator = new Intl.Collator("sv");
  const municipalities = [...input.municipalities].sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
  const large = municipalities.length > maxFacets;
  const gets = inds.map((i) => input.lookup(i.id));

  const head = html`<thead><tr><th scope="col">Kommun</th>${inds.map((ind) => html`<th scope="col"><a href="#ind-${slug(ind.id)}">${hyphenate(ind.sv, 14)}</a><span class="ov-unit">${unitText(ind)}, ${directionText(ind)}</span></th>`)}</tr></thead>`;
  const networkRow = html`<tr class="network"><th scope="row">Nätverket (medel)</th>${inds.map((ind, k) => {
    const f = gets[k]("network", latest, "T");
    const n = published(f) && f.denominator !== null ? f.denominator : null;
    return html`<td><span class="cell-value">${valueText(ind, f, true)}</span>${n === null ? "" : n === 1 ? html`<span class="ov-n ov-one" title="medelvärde av en enda kommun">1 kommun</span>` : html`<span class="ov-n" title="medelvärde av ${n} kommuner">n = ${n}</span>`}</td>`;
  })}</tr>`;
  // one string per row: a national overview has some 2 300 cells
  const body = municipalities.map((m) => {
    const cells = inds.map((ind, k) => {
      const f = gets[k](m.code, latest, "T");
      const change = previous === null ? NO_DATA : changeText(ind, f, gets[k](m.code, previous, "T"));
      const rank = ind.direction === "none" ? "" : html`<span class="rank rank-${rankClass(f?.rank ?? null, f?.ranked ?? null, ind.direction)}">${rankText(f?.rank ?? null, f?.ranked ?? null)}</span>`;
      return html`<td><span class="cell-value">${valueText(ind, f, false)}</span><span class="ov-chg">${change}</span>${rank}</td>`;
    });
    return html`<tr><th scope="row">${municipalityLink(m)}</th>${cells}</tr>`;
  });
  const caption = `Nyckeltal ${latest} per kommun, totalt: värde, förändring från ${previous ?? "föregående år"} och rang`;
  const table = html`<div class="table-wrap ov-wrap${large ? " ov-scroll" : ""}" role="region" tabindex="0" aria-label="Tabell: ${caption}">
<table class="ov-table">
<caption>${caption}</caption>
${head}
<tbody>${networkRow}${body}</tbody>
</table></div>`;

  const ranked = inds.filter((i) => i.direction !== "none");
  const charts = ranked.map((ind) => {
    const get = input.lookup(ind.id);
    return renderRankChart({ indicator: ind, municipalities, year: latest, get: (m) => get(m, latest, "T") });
  });
  const units = [...new Set(inds.map((i) => (i.kind === "share" ? "andelar i procentenheter" : null)).filter((u) => u !== null))];
  return html`<section class="overview" id="${overviewId}" aria-labelledby="${overviewId}-h">
<h2 id="${overviewId}-h">Översikt ${latest}</h2>
<p>Nyckeltalen ${latest} för kvinnor och män tillsammans (totalt). Under varje värde: ${previous === null ? "förändringen från året före (finns inte i rapporten, därför -)" : html`förändringen från ${previous} (${units.length > 0 ? `${units.join(", ")}, övriga i indikatorns enhet` : "i indikatorns enhet"})`} och rangen bland kommunerna med publicerat värde (1 = bäst; ingen rang bland färre än tre). Överst nätverkets medelvärde och hur många kommuner det bygger på (n). Kommunens namn leder till alla dess siffror; nyckeltalets namn till dess avsnitt nedan. <span class="sym">..</span> = skyddat, <span class="sym">-</span> = saknas.${large ? " Tabellen rullar inom sin ruta; rubrikraden och kommunnamnen står kvar." : ""}</p>
${table}
${charts.length === 0 ? "" : html`<h3>Rangordning ${latest}</h3>
<p class="muted">Per nyckeltal kommunerna med publicerat värde, bäst först (med fler än ${allRowsUpTo} de ${shownAtEachEnd} bästa och de ${shownAtEachEnd} sämsta), och nätverkets medelvärde som streckad linje. Diagrammen visar totalt; värdena per kön står i avsnitten nedan.</p>
<div class="ov-charts">${charts}</div>`}
</section>`;
}
