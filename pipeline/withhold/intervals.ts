// What an attacker can deduce without an LP, and points it cannot rule out found without one.
//
// Interval reasoning: each relation bounds each of its hidden counts by the others' bounds (K = T − M
// with T and M published; K ≤ T − 0 …), repeated while any bound tightens. The bounds hold every value
// the LP allows — outer bounds of the attacker's range — so a count whose outer bounds are within the
// threshold is narrow for sure (on the national reports: 99.5 % of the narrow counts of a table of
// primaries, and never falsely).
//
// Points: fix one hidden count at a value, then the counts it moves (those sharing a relation with a
// count that left its true value, and any whose bounds no longer hold their true value) at the value
// nearest their true one that the bounds still allow, reasoning again after each, every other count
// staying at its true value — or, where that fails, every count in turn; a point that comes out is
// checked against every relation. Such a point is one the attacker cannot rule out, just like an LP's
// solution: it shows each count a value it may have. A point at each outer bound shows the range
// exact; a point more than the threshold from the true value shows it wide. The search does not
// backtrack: when it fails, an LP decides (attacker.ts).

import { numbered, touching, type Compiled } from "./lp.js";
import type { Range } from "./attacker.js";

/** Rows a reasoning may look at, per row of the component: a chain settles in a few; a cycle may only creep. */
const VISITS_PER_ROW = 30;

/** The relations among a component's hidden counts (published counts moved to the bounds) and their outer bounds. */
export class Intervals {
  /** outer bounds, by member */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  private readonly start: Int32Array;
  private readonly idx: Int32Array;
  private readonly val: Float64Array;
  private readonly rlo: Float64Array;
  private readonly rhi: Float64Array;
  /** rows of member l: colRow[colStart[l] ≤ k < colStart[l + 1]] */
  private readonly colStart: Int32Array;
  private readonly colRow: Int32Array;
  /** the members' true values */
  readonly truth: Float64Array;
  private ring?: Int32Array;
  private queued?: Uint8Array;
  /** a search's bounds (working()) */
  private work?: [Float64Array, Float64Array];
  /** nearPoint's marks of the members it has queued (all 0 between calls) */
  private queuedMember?: Uint8Array;
  /**
   * whether every relation, published counts moved to its bounds, bounds its hidden counts' sum by 0 or
   * nothing (e.g. a block whose rows are all withheld): then any multiple of the true values is a point
   * too — every count above 0 is unbounded, and may be 0
   */
  readonly homogeneous: boolean;

  /** `members`: hidden counts every count of whose relations is a member or published (a component, or a union of them). */
  constructor(c: Compiled, unknown: Uint8Array, readonly members: readonly number[]) {
    const n = members.length;
    const rows = touching(c, members);
    let room = 0;
    for (let q = 0; q < rows.length; q++) room += c.rowStart[rows[q] + 1] - c.rowStart[rows[q]];
    // plain loops over locals: a national report builds some 10⁵ of these
    const start = (this.start = new Int32Array(rows.length + 1));
    const idx = (this.idx = new Int32Array(room));
    const val = (this.val = new Float64Array(room));
    const rlo = (this.rlo = new Float64Array(rows.length));
    const rhi = (this.rhi = new Float64Array(rows.length));
    const uses = new Int32Array(n + 1);
    const k = numbered(c, members, (local) => {
      let k = 0;
      for (let q = 0; q < rows.length; q++) {
        const r = rows[q];
        let known = 0;
        for (let e = c.rowStart[r]; e < c.rowStart[r + 1]; e++) {
          const g = c.rowIdx[e];
          const l = local[g];
          if (l >= 0) {
            idx[k] = l;
            val[k++] = c.rowVal[e];
            uses[l + 1]++;
          } else if (unknown[g]) throw new Error(`Intervals: ${c.ids[g]} is hidden but not a member`);
          else known += c.rowVal[e] * c.values[g];
        }
        rlo[q] = c.rowLo[r] - known;
        rhi[q] = c.rowHi[r] - known;
        start[q + 1] = k;
      }
      return k;
    });
    const colStart = (this.colStart = new Int32Array(n + 1));
    for (let l = 0; l < n; l++) colStart[l + 1] = colStart[l] + uses[l + 1];
    const colRow = (this.colRow = new Int32Array(k));
    const fill = colStart.slice(0, n);
    for (let q = 0; q < rows.length; q++) for (let e = start[q]; e < start[q + 1]; e++) colRow[fill[idx[e]]++] = q;
    this.truth = new Float64Array(n);
    for (let l = 0; l < n; l++) this.truth[l] = c.values[members[l]];
    const coneBound = (b: number) => b === 0 || b === Infinity || b === -Infinity;
    this.homogeneous = rows.every((_, q) => coneBound(this.rlo[q]) && coneBound(this.rhi[q]));
    this.lo = new Float64Array(n);
    this.hi = new Float64Array(n).fill(Infinity);
    this.tighten(this.lo, this.hi, Int32Array.from(rows.keys()), 0, rows.length); // the true table satisfies them: never a contradiction
  }

  /** The outer range of member l, rounded as the attacker's LP ranges are (inwards): an exact range is never wider. */
  range(l: number): Range {
    return inwards(this.lo[l], this.hi[l]);
  }

  /**
   * A point with member l at `value` that satisfies every relation, or null when the search finds none
   * (which does not mean there is none). The point is this object's working array: read it before the
   * next call (the attacks take its values at once).
   */
  pointWith(l: number, value: number): Float64Array | null {
    return this.nearPoint(l, value) ?? this.everyPoint(l, value);
  }

  /**
   * The search most points come from, at a fraction of its cost: only the counts next to one that left
   * its true value are fixed (each at the value nearest its true one, reasoning again after each), and
   * those whose bounds no longer hold their true value; every other count keeps its true value. Null
   * when that is no point (everyPoint then tries every count in turn).
   */
  private nearPoint(l: number, value: number): Float64Array | null {
    const n = this.lo.length;
    const { truth, start, idx, colStart, colRow } = this;
    const [lo, hi] = this.working();
    if (!this.fix(lo, hi, l, value)) return null;
    const queued = (this.queuedMember ??= new Uint8Array(n));
    const queue: number[] = [];
    const near = (j: number) => {
      // the counts of j's relations: they may have to move with it
      for (let k = colStart[j]; k < colStart[j + 1]; k++) {
        const q = colRow[k];
        for (let e = start[q]; e < start[q + 1]; e++) if (!queued[idx[e]]) (queued[idx[e]] = 1), queue.push(idx[e]);
      }
    };
    queued[l] = 1;
    near(l);
    let ok = true;
    for (let at = 0; ok; ) {
      for (; ok && at < queue.length; at++) {
        const j = queue[at];
        if (lo[j] !== hi[j]) ok = this.fix(lo, hi, j, Math.min(Math.max(truth[j], lo[j]), hi[j]));
        if (ok && !same(lo[j], truth[j])) near(j);
      }
      if (!ok) break;
      // a count whose bounds the reasoning moved off its true value, out of reach of the queue: it moves too
      const before = queue.length;
      for (let j = 0; j < n; j++) if (!queued[j] && (truth[j] < lo[j] || truth[j] > hi[j])) (queued[j] = 1), queue.push(j);
      if (queue.length === before) break;
    }
    for (const j of queue) queued[j] = 0;
    queued[l] = 0;
    if (!ok) return null;
    for (let j = 0; j < n; j++) if (lo[j] !== hi[j]) lo[j] = truth[j];
    return this.holds(lo) ? lo : null;
  }

  /** The outer bounds in the working arrays, for a search to narrow (two arrays per object, not per point). */
  private working(): [Float64Array, Float64Array] {
    const w = (this.work ??= [new Float64Array(this.lo.length), new Float64Array(this.lo.length)]);
    w[0].set(this.lo);
    w[1].set(this.hi);
    return w;
  }

  /** Every count in turn, in the members' order, at the value nearest its true one. */
  private everyPoint(l: number, value: number): Float64Array | null {
    const [lo, hi] = this.working();
    if (!this.fix(lo, hi, l, value)) return null;
    for (let j = 0; j < lo.length; j++) {
      if (lo[j] === hi[j]) continue;
      if (!this.fix(lo, hi, j, Math.min(Math.max(this.truth[j], lo[j]), hi[j]))) return null;
    }
    return this.holds(lo) ? lo : null;
  }

  private fix(lo: Float64Array, hi: Float64Array, l: number, value: number): boolean {
    const slack = 1e-9 * Math.max(1, Math.abs(value));
    if (value < lo[l] - slack || value > hi[l] + slack || value < 0) return false;
    lo[l] = hi[l] = value;
    return this.tighten(lo, hi, this.colRow, this.colStart[l], this.colStart[l + 1]);
  }

  /** Whether x satisfies every relation and non-negativity (with a solver's allowance for rounding). */
  private holds(x: Float64Array): boolean {
    for (let l = 0; l < x.length; l++) if (!(x[l] >= 0)) return false;
    for (let q = 0; q < this.rlo.length; q++) {
      let s = 0;
      let scale = 1;
      for (let e = this.start[q]; e < this.start[q + 1]; e++) {
        s += this.val[e] * x[this.idx[e]];
        scale += Math.abs(this.val[e] * x[this.idx[e]]);
      }
      const tol = 1e-9 * scale;
      if (s < this.rlo[q] - tol || s > this.rhi[q] + tol) return false;
    }
    return true;
  }

  /**
   * Tightens lo/hi by the rows, starting from from[begin ≤ k < end] and following every bound that
   * moves; false when they contradict each other.
   */
  private tighten(lo: Float64Array, hi: Float64Array, from: ArrayLike<number>, begin: number, end: number): boolean {
    // a ring of the rows to look at, each at most once at a time (queued)
    const rows = this.rlo.length;
    const ring = (this.ring ??= new Int32Array(rows));
    const queued = (this.queued ??= new Uint8Array(rows));
    let head = 0;
    let size = 0;
    for (let k = begin; k < end; k++) {
      if (queued[from[k]]) continue;
      queued[from[k]] = 1;
      ring[size++] = from[k];
    }
    // the arrays in locals, and no closure over head and size: they stay in registers in the hot loop
    const { start, idx, val, rlo, rhi, colStart, colRow } = this;
    /** empties the ring (a contradiction or the visits spent): every queued row unmarked */
    const clear = (head: number, size: number) => {
      for (; size > 0; size--, head = (head + 1) % rows) queued[ring[head]] = 0;
    };
    let visits = VISITS_PER_ROW * rows + size;
    for (; size > 0; size--, head = (head + 1) % rows) {
      if (visits-- <= 0) return clear(head, size), true;
      const q = ring[head];
      queued[q] = 0;
      // the least and greatest left side the bounds allow, infinite terms counted apart
      let least = 0;
      let greatest = 0;
      let leastInf = 0;
      let greatestInf = 0;
      let widest = 0; // the widest term: none can be tightened by more than the row's slack allows
      for (let e = start[q]; e < start[q + 1]; e++) {
        const a = val[e];
        const l = idx[e];
        const min = a > 0 ? a * lo[l] : a * hi[l];
        const max = a > 0 ? a * hi[l] : a * lo[l];
        if (min === -Infinity) leastInf++;
        else least += min;
        if (max === Infinity) greatestInf++;
        else greatest += max;
        if (max - min > widest) widest = max - min;
      }
      const tol = 1e-9 * (1 + Math.abs(least) + Math.abs(greatest));
      if ((leastInf === 0 && least > rhi[q] + tol) || (greatestInf === 0 && greatest < rlo[q] - tol)) return clear(head, size), false;
      // a term's bound moves only where the term is wider than the row's slack on that side (a row of
      // fixed counts, or one with room to spare, tightens nothing)
      if (leastInf === 0 && greatestInf === 0 && widest <= Math.min(rhi[q] - least, greatest - rlo[q])) continue;
      for (let e = start[q]; e < start[q + 1]; e++) {
        const a = val[e];
        const l = idx[e];
        if (lo[l] === hi[l]) continue; // fixed: nothing to tighten
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
        let moved = false;
        if (newLo > lo[l] + 1e-9 * Math.max(1, Math.abs(newLo))) {
          lo[l] = newLo;
          moved = true;
        }
        if (newHi < hi[l] - 1e-9 * Math.max(1, Math.abs(newHi))) {
          hi[l] = newHi;
          moved = true;
        }
        if (!moved) continue;
        if (lo[l] > hi[l]) {
          if (lo[l] > hi[l] + 1e-9 * Math.max(1, Math.abs(hi[l]))) return clear(head, size), false;
          lo[l] = hi[l] = (lo[l] + hi[l]) / 2; // the same value, but for rounding
        }
        for (let k = colStart[l]; k < colStart[l + 1]; k++) {
          const r = colRow[k];
          if (r === q || queued[r]) continue;
          queued[r] = 1;
          ring[(head + size++) % rows] = r;
        }
      }
    }
    return true;
  }
}

/** Whether x is v, but for rounding. */
export const same = (x: number, v: number): boolean => Math.abs(x - v) <= 1e-9 * Math.max(1, Math.abs(v));

/**
 * Real bounds of a count (an LP's, points', interval reasoning's) as the integer range they allow:
 * rounded inwards, with a solver's allowance for noise; a bound at `unboundedFrom` or above is no bound.
 */
export function inwards(lo: number, hi: number, unboundedFrom = Infinity): Range {
  return {
    lo: Math.max(0, Math.ceil(lo - 1e-6 * Math.max(1, Math.abs(lo)))),
    hi: hi >= unboundedFrom ? Infinity : Math.floor(hi + 1e-6 * Math.max(1, Math.abs(hi)))
  };
}
