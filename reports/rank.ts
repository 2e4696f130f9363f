// Kolada's rank colours: the best third green, the middle yellow, the worst third red, grey where a
// municipality has no rank. An indicator without a direction (a count, an amount) has none (contract
// §6.4; pipeline/publish/comparison.ts). The rank is always written out too.
import type { Indicator } from "./model.js";
import type { Words } from "./words.js";

export type RankClass = "good" | "mid" | "bad" | "missing";

/** The colour class of rank `rank` of `ranked` (1 = best). Thirds are rounded, and with two or more
 *  ranked the best and the worst always get their colour: 2 → green, red; 4 → green, 2 × yellow, red. */
export function rankClass(rank: number | null, ranked: number | null, direction: Indicator["direction"]): RankClass {
  if (rank === null || ranked === null || ranked < 1) return "missing";
  if (!Number.isInteger(rank) || rank < 1 || rank > ranked) throw new Error(`invalid rank: ${rank} of ${ranked}`);
  if (direction === "none") throw new Error("rankClass: an indicator without a direction is not ranked");
  const third = ranked >= 2 ? Math.max(1, Math.round(ranked / 3)) : 0;
  if (rank <= third) return "good";
  if (rank > ranked - third) return "bad";
  return "mid";
}

/** "1 av 6"; "ej rankad" without a rank (in the page's words). */
export function rankText(rank: number | null, ranked: number | null, w: Words): string {
  return rank === null || ranked === null ? w.notRanked : w.rankOf(rank, ranked);
}
