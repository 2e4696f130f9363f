// The breakdown rows of a report (contract §6.3) checked and indexed once: indicator → dimension →
// category → municipality → year → gender, in nested maps. A national page has some 290
// municipalities × 50 categories × 3 genders per year, so a cell is a few map lookups and never a
// joined string key. The maps of every (indicator, dimension, category) the page shows are made up
// front: a row that finds none is one the page cannot place, and is an error.
import type { BreakdownIndicator, Category, Dimension, Figure, Indicator } from "./model.js";
import type { Words } from "./words.js";

export type Gender = "K" | "M" | "T";
/** One municipality's (or the network's) figures of one category: year → gender → figure. */
export type ByYear = ReadonlyMap<number, Readonly<Partial<Record<Gender, Figure>>>>;
/** One category's figures: municipality code or "network" → year → gender. */
export type ByMunicipality = ReadonlyMap<string, ByYear>;

/** An indicator broken down by one dimension, as the page shows it. */
export interface Breakdown {
  readonly dimension: Dimension;
  readonly indicator: Indicator;
  /** how the dimension breaks the indicator down (which event, which denominator) */
  readonly how: BreakdownIndicator;
  readonly categories: readonly Category[];
  /** aligned with categories */
  readonly figures: readonly ByMunicipality[];
}

type Cell = Partial<Record<Gender, Figure>>;

/** "Deltagare i insatser per behovskategori" (nb "… etter …", en "… by …"); an indicator named
 *  after its dimension ("Andel avslut per avslutsorsak") keeps its name. */
export function breakdownTitle(b: Pick<Breakdown, "dimension" | "indicator">, w: Words): string {
  const name = w.name(b.indicator);
  const by = `${w.breakdown.by} ${w.name(b.dimension).toLowerCase()}`;
  return name.toLowerCase().includes(by) ? name : `${name} ${by}`;
}

export class BreakdownIndex {
  private readonly index = new Map<string, Map<string, Map<string, Map<string, Map<number, Cell>>>>>();
  private readonly shown: Breakdown[] = [];

  /** Prepares the breakdowns of the page: each dimension's indicators that the page has, in the
   *  dimension's order; dimensions without any are left out. */
  constructor(dimensions: readonly Dimension[], indicators: readonly Indicator[]) {
    const byId = new Map(indicators.map((i) => [i.id, i]));
    for (const dimension of dimensions) {
      for (const how of dimension.indicators) {
        const indicator = byId.get(how.id);
        if (!indicator) continue;
        let byDimension = this.index.get(indicator.id);
        if (!byDimension) this.index.set(indicator.id, (byDimension = new Map()));
        const byCategory = new Map(dimension.categories.map((c) => [c.code, new Map<string, Map<number, Cell>>()]));
        byDimension.set(dimension.id, byCategory);
        this.shown.push({ dimension, indicator, how, categories: dimension.categories, figures: dimension.categories.map((c) => byCategory.get(c.code)!) });
      }
    }
  }

  /** Files one breakdown row; throws for a row the page cannot place or a second row of one cell.
   *  The municipality and status are checked by the caller, as for the totals. */
  add(f: Figure): void {
    const byDimension = this.index.get(f.indicator);
    if (!byDimension) throw new Error(`breakdown figure for an indicator without breakdowns: ${f.indicator}`);
    const byCategory = byDimension.get(f.dimension!);
    if (!byCategory) throw new Error(`breakdown figure for unknown dimension of ${f.indicator}: ${f.dimension}`);
    const byMunicipality = byCategory.get(f.category ?? "");
    if (!byMunicipality) throw new Error(`breakdown figure for unknown category of ${f.dimension}: ${f.category}`);
    if (f.gender !== "K" && f.gender !== "M" && f.gender !== "T") throw new Error(`invalid gender: ${String(f.gender)}`);
    let byYear = byMunicipality.get(f.municipality);
    if (!byYear) byMunicipality.set(f.municipality, (byYear = new Map()));
    let cell = byYear.get(f.year);
    if (!cell) byYear.set(f.year, (cell = {}));
    if (cell[f.gender]) throw new Error(`duplicate figure: ${f.indicator}|${f.dimension}|${f.category}|${f.municipality}|${f.year}|${f.gender}`);
    cell[f.gender] = f;
  }

  /** The breakdowns of one dimension the page shows, in the dimension's order of indicators. */
  of(dimension: string): Breakdown[] {
    return this.shown.filter((b) => b.dimension.id === dimension);
  }
}
