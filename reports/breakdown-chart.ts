// The chart of one breakdown: for a small network a bar per municipality, stacked by category
// (breakdown-bars.ts) or, for a share within each category, a panel per category
// (breakdown-panels.ts); for a large network one row per category with the network mean and the
// municipalities' spread (breakdown-profile.ts). The latest year, in total where published.
import { renderStackedBars, type BreakdownChartInput } from "./breakdown-bars.js";
import type { Breakdown, Gender } from "./breakdown-index.js";
import { renderCategoryPanels } from "./breakdown-panels.js";
import { renderCategoryProfile } from "./breakdown-profile.js";
import type { TableRow } from "./breakdown-table.js";
import { maxFacets } from "./chart.js";
import type { Html } from "./html.js";
import type { Words } from "./words.js";

/** The gender a breakdown's chart draws: the total, or the first published where there is none. */
export const chartGender = (b: Breakdown): Gender => (b.indicator.genders.includes("T") ? "T" : (b.indicator.genders[0] as Gender));

/** Whether a breakdown stacks to a whole: counts, and shares of the indicator's total. */
export const stacks = (b: Breakdown): boolean => b.indicator.kind === "count" || (b.indicator.kind === "share" && b.how.denominator === "total");

export function breakdownChart(id: string, b: Breakdown, rows: readonly TableRow[], year: number, w: Words): Html {
  const input: BreakdownChartInput = { id, breakdown: b, rows, year, gender: chartGender(b), words: w };
  if (rows.filter((r) => !r.network).length > maxFacets) return renderCategoryProfile(input);
  return stacks(b) ? renderStackedBars(input) : renderCategoryPanels(input);
}
