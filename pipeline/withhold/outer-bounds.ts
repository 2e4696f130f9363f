// What an attacker can deduce without an LP: bounds of hidden counts by interval reasoning alone.
// Each relation bounds each of its hidden counts by the others' bounds (K = T − M with T and M
// published; K ≤ T − 0 …), repeated while any bound tightens. The bounds hold every value the LP
// allows (they are outer bounds of the attacker's range), so a count whose outer bounds are within
// the threshold is narrow for sure and needs no LP to say so. On the national reports they tell
// 99.5 % of the narrow counts of a table of primaries, and none falsely.

import { touching, type Compiled } from "./lp.js";
import type { Range } from "./attacker.js";

/** Rounds of tightening at most: a chain of relations settles in a few; a cycle may only creep. */
const ROUNDS = 30;

/**
 * Outer bounds of the hidden counts `members` (a component: every count linked to them by a relation
 * is a member or published), by member: lo[l] ≤ every value the relations and non-negativity allow
 * for members[l] ≤ hi[l] (hi may be Infinity).
 */
export function outerBounds(c: Compiled, unknown: Uint8Array, members: readonly number[]): { lo: Float64Array; hi: Float64Array } {
  const n = members.length;
  const local = new Map<number, number>();
  members.forEach((g, l) => local.set(g, l));
  const rows = touching(c, members);
  // the rows over the members alone, published counts moved to the bounds
  const start = new Int32Array(rows.length + 1);
  const idx = new Int32Array(rows.reduce((s, r) => s + c.rowStart[r + 1] - c.rowStart[r], 0));
  const val = new Float64Array(idx.length);
  const rlo = new Float64Array(rows.length);
  const rhi = new Float64Array(rows.length);
  let k = 0;
  rows.forEach((r, q) => {
    let known = 0;
    for (let e = c.rowStart[r]; e < c.rowStart[r + 1]; e++) {
      const g = c.rowIdx[e];
      const l = local.get(g);
      if (l !== undefined) {
        idx[k] = l;
        val[k++] = c.rowVal[e];
      } else if (unknown[g]) throw new Error(`outerBounds: ${c.ids[g]} is hidden but not a member`);
      else known += c.rowVal[e] * c.values[g];
    }
    rlo[q] = c.rowLo[r] - known;
    rhi[q] = c.rowHi[r] - known;
    start[q + 1] = k;
  });
  const lo = new Float64Array(n);
  const hi = new Float64Array(n).fill(Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    let changed = false;
    for (let q = 0; q < rows.length; q++) {
      // the least and greatest left side the bounds allow, infinite terms counted apart
      let least = 0;
      let greatest = 0;
      let leastInf = 0;
      let greatestInf = 0;
      for (let e = start[q]; e < start[q + 1]; e++) {
        const a = val[e];
        const l = idx[e];
        const min = a > 0 ? a * lo[l] : a * hi[l];
        const max = a > 0 ? a * hi[l] : a * lo[l];
        if (min === -Infinity) leastInf++;
        else least += min;
        if (max === Infinity) greatestInf++;
        else greatest += max;
      }
      for (let e = start[q]; e < start[q + 1]; e++) {
        const a = val[e];
        const l = idx[e];
        const min = a > 0 ? a * lo[l] : a * hi[l];
        const max = a > 0 ? a * hi[l] : a * lo[l];
        // the others' least and greatest sums bound a·x from above and below
        const othersLeast = min === -Infinity ? (leastInf > 1 ? -Infinity : least) : leastInf > 0 ? -Infinity : least - min;
        const othersGreatest = max === Infinity ? (greatestInf > 1 ? Infinity : greatest) : greatestInf > 0 ? Infinity : greatest - max;
        const below = rhi[q] - othersLeast; // a·x ≤ below
        const above = rlo[q] - othersGreatest; // a·x ≥ above
        let newLo = lo[l];
        let newHi = hi[l];
        if (a > 0) {
          if (below < Infinity) newHi = Math.min(newHi, below / a);
          if (above > -Infinity) newLo = Math.max(newLo, above / a);
        } else {
          if (below < Infinity) newLo = Math.max(newLo, below / a);
          if (above > -Infinity) newHi = Math.min(newHi, above / a);
        }
        // only a real tightening counts: float noise would otherwise keep a cycle going
        if (newLo > lo[l] + 1e-9 * Math.max(1, Math.abs(newLo))) {
          lo[l] = newLo;
          changed = true;
        }
        if (newHi < hi[l] - 1e-9 * Math.max(1, Math.abs(newHi))) {
          hi[l] = newHi;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { lo, hi };
}

/**
 * The widest range the attacker's LP could give (attacker.ts rounds its bounds inwards to integers
 * with the same allowance for noise): an exact range is never wider.
 */
export function outerRange(lo: number, hi: number): Range {
  return {
    lo: Math.max(0, Math.ceil(lo - 1e-6 * Math.max(1, Math.abs(lo)))),
    hi: hi === Infinity ? Infinity : Math.floor(hi + 1e-6 * Math.max(1, Math.abs(hi)))
  };
}
