// Which months of a year a household has assistance, as a 12-bit mask (bit 0 = January): long-term
// spells of 10–12 months and short ones of 1–9, shaped like the national spell lengths; and the
// calendar arithmetic the generator needs.
import type { Random, Weighted } from "./random.js";

const longMissing: Weighted<number> = [[0, 55], [1, 25], [2, 20]];
const shortLengths: Weighted<number> = [[1, 10], [2, 14], [3, 14], [4, 13], [5, 12], [6, 11], [7, 10], [8, 9], [9, 7]];

/** A year of 10–12 months; fromJanuary: continued from December, so January is always in. */
export function longPattern(rng: Random, fromJanuary: boolean): number {
  const missing = rng.weighted(longMissing);
  let mask = 0xfff;
  if (missing === 0) return mask;
  const where = rng.weighted<"start" | "end" | "gap">(fromJanuary ? [["end", 1], ["gap", 1]] : [["start", 2], ["end", 1], ["gap", 1]]);
  const from = where === "start" ? 0 : where === "end" ? 12 - missing : rng.int(1, 11 - missing);
  for (let m = from; m < from + missing; m++) mask &= ~(1 << m);
  return mask;
}

/** A spell of 1–9 months (from January when fromJanuary), sometimes with a second short one. */
export function shortPattern(rng: Random, fromJanuary: boolean): number {
  const len = rng.weighted(shortLengths);
  const start = fromJanuary ? 0 : rng.int(0, 12 - len);
  let mask = ((1 << len) - 1) << start;
  // some have a second short spell later in the year
  const next = start + len + 1;
  if (len <= 6 && next < 12 && rng.chance(0.15)) {
    const len2 = rng.int(1, Math.min(3, 12 - next));
    mask |= ((1 << len2) - 1) << rng.int(next, 12 - len2);
  }
  return mask;
}

/** The number of months in a mask. */
export function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** Days in month (1–12) of year. */
export const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
