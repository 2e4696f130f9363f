// The attacker's view of a published table (the idea of R sdcTable's attack()): for every withheld
// count, the smallest and largest value consistent with the published counts, the known relations
// (K + M = T, numerator ≤ denominator …) and non-negativity. Each bound is one LP (lp.ts), solved
// stacked with the others.

import {
  compile,
  drive,
  linked,
  lpSolver,
  rowsOver,
  touching,
  type Block,
  type Compiled,
  type Count,
  type Relation,
  type Shape,
  type Task
} from "./lp.js";
import { inwards, Intervals, same } from "./intervals.js";

/** What an attacker can deduce about a count: lo ≤ value ≤ hi; hi may be Infinity. */
export interface Range {
  readonly lo: number;
  readonly hi: number;
}

export interface Audit {
  readonly ok: boolean;
  readonly ranges: Map<string, Range>;
  readonly failures: { id: string; value: number; range: Range }[];
}

/**
 * For every hidden count, the range an attacker can deduce from the published counts (their exact
 * values), the relations and non-negativity: the LP relaxation, rounded inwards to integers.
 */
export async function attack(
  counts: readonly Count[],
  hidden: ReadonlySet<string>,
  relations: readonly Relation[]
): Promise<Map<string, Range>> {
  return solveHidden(counts, hidden, relations, (c, unknown, targets) => rangesTask(c, unknown, targets));
}

/** Compiles the table, marks the hidden counts and runs one task over them: ranges by count id. */
async function solveHidden(
  counts: readonly Count[],
  hidden: ReadonlySet<string>,
  relations: readonly Relation[],
  task: (c: Compiled & { readonly index: ReadonlyMap<string, number> }, unknown: Uint8Array, targets: readonly number[]) => Task<Map<number, Range>>
): Promise<Map<string, Range>> {
  const c = compile(counts, relations);
  const unknown = new Uint8Array(c.ids.length);
  const targets: number[] = [];
  for (const id of hidden) {
    const i = c.index.get(id);
    if (i === undefined) throw new Error(`unknown hidden count: ${id}`);
    if (!unknown[i]) targets.push(i);
    unknown[i] = 1;
  }
  targets.sort((a, b) => a - b);
  const lp = await lpSolver();
  const [found] = drive(lp, [task(c, unknown, targets)]);
  const out = new Map<string, Range>();
  for (const i of targets) out.set(c.ids[i], found.get(i)!);
  return out;
}

/**
 * The audit: every hidden count's range must be wider than the threshold (hi − lo > threshold). A
 * range in the result is exact where the count is narrow, else at least as narrow as the exact one
 * (widthsTask): enough to prove it wide.
 */
export async function audit(
  counts: readonly Count[],
  hidden: ReadonlySet<string>,
  relations: readonly Relation[],
  threshold: number,
  witnesses: readonly Witness[] = []
): Promise<Audit> {
  checkThreshold(threshold);
  const ranges = await solveHidden(counts, hidden, relations, (c, unknown, targets) => auditTask(c, unknown, targets, threshold, witnesses));
  const value = new Map(counts.map((k) => [k.id, k.value]));
  const failures: Audit["failures"] = [];
  for (const [id, range] of ranges) {
    if (!wide(range, threshold)) failures.push({ id, value: value.get(id)!, range });
  }
  return { ok: failures.length === 0, ranges, failures };
}

/**
 * The audit's ranges: first what the witnesses show — each one that moves hidden counts only, is not
 * negative and satisfies every relation it touches (within the LP's tolerance) is a point the attacker
 * cannot rule out, whoever found it —; the targets they do not show wide are attacked (widthsTask).
 */
function* auditTask(
  c: Compiled & { readonly index: ReadonlyMap<string, number> },
  unknown: Uint8Array,
  targets: readonly number[],
  t: number,
  witnesses: readonly Witness[]
): Task<Map<number, Range>> {
  const lo = new Float64Array(c.values), hi = new Float64Array(c.values);
  // the counts a witness moves and the rows they are in, marked with the witness's number (no clearing)
  const x = new Float64Array(c.values);
  const movedBy = new Int32Array(c.ids.length).fill(-1), rowSeen = new Int32Array(c.rowLo.length).fill(-1);
  const moved: number[] = [], rows: number[] = [];
  const holds = (): boolean => {
    for (const q of rows) {
      let s = 0, scale = 1;
      for (let k = c.rowStart[q]; k < c.rowStart[q + 1]; k++) {
        const term = c.rowVal[k] * x[c.rowIdx[k]];
        s += term;
        scale += Math.abs(term);
      }
      if (s < c.rowLo[q] - 1e-7 * scale || s > c.rowHi[q] + 1e-7 * scale) return false;
    }
    return true;
  };
  witnesses.forEach((w, n) => {
    moved.length = rows.length = 0;
    let ok = w.length > 0;
    for (const [id, v] of w) {
      const i = c.index.get(id);
      if (i === undefined || !unknown[i] || movedBy[i] === n || !(v >= -1e-7 * Math.max(1, Math.abs(v)))) {
        ok = false;
        break;
      }
      movedBy[i] = n;
      moved.push(i);
      x[i] = v;
      for (let q = c.ofStart[i]; q < c.ofStart[i + 1]; q++) if (rowSeen[c.ofRow[q]] !== n) (rowSeen[c.ofRow[q]] = n), rows.push(c.ofRow[q]);
    }
    if (ok && holds()) for (const i of moved) (lo[i] = Math.min(lo[i], x[i])), (hi[i] = Math.max(hi[i], x[i]));
    for (const i of moved) x[i] = c.values[i];
  });
  const out = new Map<number, Range>();
  const rest: number[] = [];
  for (const g of targets) {
    // a value at a thousandth of the cap or beyond: only an LP's cap bounds it (as widthsTask says)
    const r = inwards(lo[g], hi[g], c.cap * 1e-3);
    if (wide(r, t)) out.set(g, r);
    else rest.push(g);
  }
  if (rest.length > 0) for (const [g, r] of yield* widthsTask(c, unknown, rest, t)) out.set(g, r);
  return out;
}

/** Whether an attacker cannot pin a count down to within the threshold. */
export function wide(range: Range, threshold: number): boolean {
  return range.hi - range.lo > threshold;
}

export function checkThreshold(threshold: number): void {
  if (!Number.isFinite(threshold) || threshold < 0) throw new Error(`invalid threshold: ${threshold}`);
}

// ---------------------------------------------------------------------------------------------
// Ranges of hidden counts.

/**
 * The attacker's ranges of `targets` when the counts marked in `unknown` are hidden and all others
 * published. Only the components (hidden counts linked by relations) holding a target are solved;
 * a component of one count needs no LP.
 */
export function* rangesTask(c: Compiled, unknown: Uint8Array, targets: readonly number[]): Task<Map<number, Range>> {
  const out = new Map<number, Range>();
  const blocks: Block[] = [];
  const asked: number[] = [];
  const seen = new Uint8Array(c.ids.length);
  const isTarget = new Uint8Array(c.ids.length);
  for (const t of targets) {
    if (!unknown[t]) throw new Error(`not a hidden count: ${c.ids[t]}`);
    isTarget[t] = 1;
  }
  for (const t of targets) {
    if (seen[t]) continue;
    const members = component(c, unknown, t, seen);
    if (members.length === 1) {
      out.set(t, singleRange(c, t, shapeOf(c, members)));
      continue;
    }
    // a range whose outer bounds are both reached by points is exact without its LPs
    const iv = new Intervals(c, unknown, members);
    let shape: Shape | undefined;
    members.forEach((g, col) => {
      if (!isTarget[g]) return;
      if (reaches(iv, col, c.values[g])) return void out.set(g, iv.range(col));
      shape ??= shapeOf(c, members);
      blocks.push({ shape, costIdx: [col], costVal: [1] });
      blocks.push({ shape, costIdx: [col], costVal: [-1], capCol: col, cap: c.cap });
      asked.push(g, col);
    });
  }
  if (blocks.length === 0) return out;
  const solved = yield blocks;
  for (let a = 0; a < asked.length; a += 2) {
    const [min, max] = [solved[a], solved[a + 1]];
    const g = asked[a];
    const col = asked[a + 1];
    if (!min.ok || !max.ok) throw new Error(`attack: no feasible values for ${c.ids[g]}`);
    out.set(g, toRange(c, g, min.x[col], max.x[col]));
  }
  return out;
}

export interface WidthsOptions {
  /** receives the targets whose range in the result is exact */
  readonly exact?: Set<number>;
  /**
   * stop at the first target found narrow, returning what it has (a caller that only wants to know
   * whether all are wide); interval reasoning (intervals.ts) finds most such targets without an LP
   */
  readonly untilNarrow?: boolean;
  /**
   * only these targets get LPs of their own; the others are returned where the witnesses show them
   * wide (or, alone in their component, exact: that needs no LP)
   */
  readonly solveOnly?: ReadonlySet<number>;
  /**
   * receives the targets interval reasoning alone shows narrow: they get no LPs and no range in the
   * result (a caller that must know their exact range asks rangesTask or solveOnly later)
   */
  readonly narrow?: Set<number>;
  /** receives every point found (Intervals.pointWith's and the LPs' solutions) as a Witness */
  readonly witnesses?: Witness[];
}

/**
 * A point the attacker cannot rule out, as the counts it moves away from their true values (every other
 * count at its true value): the protection's, handed to the independent checker, which verifies each
 * against its own relations before it believes it (audit).
 */
export type Witness = readonly (readonly [countId: string, value: number])[];

/** The counts x moves away from their true values: c's members by their ids. */
function witnessOf(c: Compiled, members: readonly number[], x: ArrayLike<number>): Witness {
  const out: [string, number][] = [];
  for (let j = 0; j < members.length; j++) {
    const v = c.values[members[j]];
    if (Math.abs(x[j] - v) > 1e-9 * Math.max(1, v)) out.push([c.ids[members[j]], x[j]]);
  }
  return out;
}

/**
 * Like rangesTask, but only as exact as deciding "wider than t" needs. Every point the attacker cannot
 * rule out — found without an LP (Intervals.pointWith), or an LP's solution — shows each hidden count
 * of its component a value besides the true one: a count shown two values more than t apart is wide
 * without LPs of its own, one shown at both its outer bounds exact. Per component, points first; then
 * the first target not yet shown wide gets its two LPs (its exact range), whose solutions witness for
 * the rest; then the next. A range returned is exact (added to `exact` where given), or a part of the
 * exact range wider than t.
 */
export function* widthsTask(
  c: Compiled,
  unknown: Uint8Array,
  targets: readonly number[],
  t: number,
  options: WidthsOptions = {}
): Task<Map<number, Range>> {
  const { exact, untilNarrow = false, solveOnly, narrow, witnesses } = options;
  const out = new Map<number, Range>();
  const seen = new Uint8Array(c.ids.length);
  const isTarget = new Uint8Array(c.ids.length);
  for (const g of targets) {
    if (!unknown[g]) throw new Error(`not a hidden count: ${c.ids[g]}`);
    isTarget[g] = 1;
  }
  interface Open { members: number[]; shape?: Shape; lo: Float64Array; hi: Float64Array; todo: number[]; spread: boolean; rounds: number; capped?: Shape }
  let open: Open[] = [];
  // a point shows a count at c.cap / 1 000 or more (a million, or more than any count of the table)
  // only because nothing bounds it — the spread points cap every count at c.cap, and a count tied to a
  // capped one lands at a fraction of it: said as unbounded, which it is for every purpose here (wide;
  // the checker's narrowest range)
  const witnessed = (o: Open, col: number): Range => inwards(o.lo[col], o.hi[col], c.cap * 1e-3);
  // a point's values widen what each member is shown to take
  const absorb = (o: Open, x: ArrayLike<number>) => {
    witnesses?.push(witnessOf(c, o.members, x));
    for (let j = 0; j < o.members.length; j++) {
      if (x[j] < o.lo[j]) o.lo[j] = x[j];
      if (x[j] > o.hi[j]) o.hi[j] = x[j];
    }
  };
  for (const g of targets) {
    if (seen[g]) continue;
    const members = component(c, unknown, g, seen);
    if (members.length === 1) {
      const r = singleRange(c, g, shapeOf(c, members));
      out.set(g, r);
      exact?.add(g);
      if (untilNarrow && !wide(r, t)) return out;
      continue;
    }
    let todo = members.map((_, col) => col).filter((col) => isTarget[members[col]]);
    const iv = new Intervals(c, unknown, members);
    if (untilNarrow || narrow) {
      // the targets interval reasoning shows narrow need no LP to say so
      const shown = todo.filter((col) => {
        const r = iv.range(col);
        return r.hi - r.lo <= t;
      });
      if (shown.length > 0) {
        if (untilNarrow) return out;
        for (const col of shown) narrow!.add(members[col]);
        todo = todo.filter((col) => !narrow!.has(members[col]));
        if (todo.length === 0) continue;
      }
    }
    const lo = Float64Array.from(members, (m) => c.values[m]);
    const o: Open = { members, lo, hi: lo.slice(), todo, spread: false, rounds: 0 };
    // points found without LPs: a target more than t from its true value is wide, one shown at both
    // outer bounds is exact
    if (iv.homogeneous) {
      // every multiple of the true values is a point: each count above 0 may be 0 or anything above
      for (const col of todo) if (iv.truth[col] > 0) [o.lo[col], o.hi[col]] = [0, Infinity];
    }
    for (const col of todo) {
      if (wide(witnessed(o, col), t)) continue;
      for (const x of pointsToTry(iv, col, c.values[members[col]], t)) {
        const point = iv.pointWith(col, x);
        if (point) absorb(o, point);
        if (wide(witnessed(o, col), t)) break;
      }
    }
    let narrowFound = false;
    o.todo = todo.filter((col) => {
      const r = witnessed(o, col);
      const outer = iv.range(col);
      if (r.lo === outer.lo && r.hi === outer.hi) {
        exact?.add(members[col]);
        if (!wide(r, t)) narrowFound = true;
      } else if (!wide(r, t)) return true;
      out.set(members[col], r);
      return false;
    });
    if (untilNarrow && narrowFound) return out;
    if (o.todo.length === 0) continue;
    o.shape = shapeOf(c, members);
    o.spread = o.todo.length >= SPREAD_FROM;
    open.push(o);
  }
  // the targets the points so far show wide are done: their ranges out, the rest still to do
  const dropWide = (o: Open) => {
    o.todo = o.todo.filter((col) => {
      const r = witnessed(o, col);
      if (wide(r, t)) out.set(o.members[col], r);
      return !wide(r, t);
    });
  };
  while (open.length > 0) {
    // each open component's next target not yet shown wide: its two LPs
    const asked: { o: Open; col: number }[] = [];
    const blocks: Block[] = [];
    // a component with many targets not yet shown wide gets two points that move all of them at once:
    // the least and the greatest total of those targets (every count capped, so that the total is
    // bounded); again while a round shows a third of them wide
    const spread: { o: Open; before: number }[] = [];
    for (const o of open) {
      if (!o.spread) continue;
      dropWide(o);
      if (o.todo.length < SPREAD_FROM) {
        o.spread = false;
        continue;
      }
      o.capped ??= { ...o.shape!, colHi: new Array<number>(o.members.length).fill(c.cap) };
      // signs that differ from round to round and from count to count, so that counts tied by a
      // relation (K + M = T with T published) are pushed apart as well as together
      const signs = o.todo.map((col) => (o.rounds === 0 || ((Math.imul(col + 1, 0x9e3779b1) ^ Math.imul(o.rounds, 0x85ebca6b)) >>> 0) & 4 ? 1 : -1));
      o.rounds++;
      blocks.push({ shape: o.capped, costIdx: o.todo, costVal: signs }, { shape: o.capped, costIdx: o.todo, costVal: signs.map((v) => -v) });
      spread.push({ o, before: o.todo.length });
    }
    if (spread.length > 0) {
      const solved = yield blocks;
      spread.forEach(({ o, before }, k) => {
        for (const x of [solved[2 * k], solved[2 * k + 1]]) {
          if (!x.ok) throw new Error(`attack: no feasible values for ${c.ids[o.members[0]]}`);
          absorb(o, x.x);
        }
        const left = o.todo.filter((col) => !wide(witnessed(o, col), t)).length;
        o.spread = before - left >= before / 3;
      });
      blocks.length = 0;
      continue;
    }
    for (const o of open) {
      dropWide(o);
      const k = solveOnly ? o.todo.findIndex((col) => solveOnly.has(o.members[col])) : 0;
      if (k < 0) o.todo = [];
      if (o.todo.length === 0) continue;
      const [col] = o.todo.splice(k, 1);
      asked.push({ o, col });
      blocks.push({ shape: o.shape!, costIdx: [col], costVal: [1] });
      blocks.push({ shape: o.shape!, costIdx: [col], costVal: [-1], capCol: col, cap: c.cap });
    }
    open = open.filter((o) => o.todo.length > 0 || asked.some((a) => a.o === o));
    if (blocks.length === 0) break;
    const solved = yield blocks;
    let narrow = false;
    asked.forEach(({ o, col }, k) => {
      const [min, max] = [solved[2 * k], solved[2 * k + 1]];
      const g = o.members[col];
      if (!min.ok || !max.ok) throw new Error(`attack: no feasible values for ${c.ids[g]}`);
      const r = toRange(c, g, min.x[col], max.x[col]);
      out.set(g, r);
      exact?.add(g);
      if (!wide(r, t)) narrow = true;
      absorb(o, min.x);
      absorb(o, max.x);
    });
    if (narrow && untilNarrow) return out;
    open = open.filter((o) => o.todo.length > 0);
  }
  return out;
}

/**
 * Values of member col (true value v) to look for points at (Intervals.pointWith): more than t from v
 * where its outer bounds allow it (a point there shows it wide), else its outer bounds (points at both
 * show its range exact).
 */
function pointsToTry(iv: Intervals, col: number, v: number, t: number): number[] {
  const out: number[] = [];
  const r = iv.range(col);
  if (r.hi - r.lo > t) {
    if (iv.hi[col] >= v + t + 1) out.push(v + t + 1);
    if (iv.lo[col] <= v - t - 1) out.push(v - t - 1);
    if (out.length > 0) return out;
  }
  for (const x of [iv.hi[col], iv.lo[col]]) if (Number.isFinite(x) && !same(x, v)) out.push(x);
  return out;
}

/** Whether points reach both outer bounds of member col (the true value v reaches one it sits on): its outer range is exact then. */
export function reaches(iv: Intervals, col: number, v: number): boolean {
  for (const x of [iv.hi[col], iv.lo[col]]) {
    if (!Number.isFinite(x)) return false;
    if (!same(x, v) && !iv.pointWith(col, x)) return false;
  }
  return true;
}

/** Targets of one component from which two points moving all of them at once are worth their LPs. */
const SPREAD_FROM = 4;

/** The hidden counts linked to `start` through relations, in discovery order. */
function component(c: Compiled, unknown: Uint8Array, start: number, seen: Uint8Array): number[] {
  return linked(c, unknown, [start], seen);
}

/** The LP of one component: its hidden counts as columns ≥ 0, published counts moved to the bounds. */
function shapeOf(c: Compiled, members: readonly number[]): Shape {
  const colLo = new Array<number>(members.length).fill(0);
  const colHi = new Array<number>(members.length).fill(Infinity);
  return { numCols: members.length, colLo, colHi, ...rowsOver(c, members, touching(c, members), false) };
}

/** A lone hidden count: each relation bounds it directly. */
function singleRange(c: Compiled, g: number, s: Shape): Range {
  let lo = 0;
  let hi = Infinity;
  for (let r = 0; r < s.rowLo.length; r++) {
    const a = s.rowVal[r];
    const [from, to] = a > 0 ? [s.rowLo[r] / a, s.rowHi[r] / a] : [s.rowHi[r] / a, s.rowLo[r] / a];
    lo = Math.max(lo, from);
    hi = Math.min(hi, to);
  }
  return toRange(c, g, lo, hi);
}

/** Rounds LP bounds inwards to integers, allowing for solver noise; checks they hold the true value. */
function toRange(c: Compiled, g: number, min: number, max: number): Range {
  const { lo, hi } = inwards(min, max, c.cap * (1 - 1e-9));
  const v = c.values[g];
  if (lo > v || hi < v) throw new Error(`attack: the range [${lo}, ${hi}] of ${c.ids[g]} misses its value ${v}`);
  return { lo, hi };
}
