// The attacker's view of a published table (the idea of R sdcTable's attack()): for every withheld
// count, the smallest and largest value consistent with the published counts, the known relations
// (K + M = T, numerator ≤ denominator …) and non-negativity. Each bound is one LP, solved by HiGHS
// (WebAssembly, loaded once). Small LPs are dominated by per-solve overhead, so many of them are
// stacked into one block-diagonal LP: minimising the sum of independent objectives minimises each.

import highsModule from "highs";
import type { Highs, Model } from "highs";

/** A count and its true, non-negative integer value. */
export interface Count {
  readonly id: string;
  readonly value: number;
}

/** Σ coef × count  op  rhs, known to every reader of the report (e.g. K + M − T = 0, L − R ≤ 0). */
export interface Relation {
  readonly terms: readonly (readonly [countId: string, coef: number])[];
  readonly op: "=" | "<=" | ">=";
  readonly rhs: number;
}

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
  const [ranges] = drive(lp, [rangesTask(c, unknown, targets)]);
  const out = new Map<string, Range>();
  for (const i of targets) out.set(c.ids[i], ranges.get(i)!);
  return out;
}

/** The audit: every hidden count's range must be wider than the threshold (hi − lo > threshold). */
export async function audit(
  counts: readonly Count[],
  hidden: ReadonlySet<string>,
  relations: readonly Relation[],
  threshold: number
): Promise<Audit> {
  checkThreshold(threshold);
  const ranges = await attack(counts, hidden, relations);
  const value = new Map(counts.map((k) => [k.id, k.value]));
  const failures: Audit["failures"] = [];
  for (const [id, range] of ranges) {
    if (!wide(range, threshold)) failures.push({ id, value: value.get(id)!, range });
  }
  return { ok: failures.length === 0, ranges, failures };
}

/** Whether an attacker cannot pin a count down to within the threshold. */
export function wide(range: Range, threshold: number): boolean {
  return range.hi - range.lo > threshold;
}

export function checkThreshold(threshold: number): void {
  if (!Number.isFinite(threshold) || threshold < 0) throw new Error(`invalid threshold: ${threshold}`);
}

// ---------------------------------------------------------------------------------------------
// Compiled problems: counts by index, relations as sparse rows lo ≤ Σ coef·x ≤ hi. Flat arrays,
// because a national report has some 10⁵ counts and relations and small objects cost GC time.

export interface Compiled {
  readonly ids: readonly string[];
  readonly values: ArrayLike<number>;
  /** relation r has the terms relStart[r] ≤ k < relStart[r + 1]: count relIdx[k] times relCoef[k] */
  readonly relStart: ArrayLike<number>;
  readonly relIdx: ArrayLike<number>;
  readonly relCoef: ArrayLike<number>;
  readonly relLo: ArrayLike<number>;
  readonly relHi: ArrayLike<number>;
  /** count i appears in the relations ofRel[ofStart[i] ≤ q < ofStart[i + 1]] */
  readonly ofStart: ArrayLike<number>;
  readonly ofRel: ArrayLike<number>;
  /** a maximised count is capped here to keep stacked LPs bounded; reaching it means unbounded */
  readonly cap: number;
}

/** Validates counts and relations (ids, integer values, relations that hold) and indexes them. */
export function compile(counts: readonly Count[], relations: readonly Relation[]): Compiled & { index: Map<string, number> } {
  const n = counts.length;
  const ids: string[] = new Array(n);
  const index = new Map<string, number>();
  const values = new Float64Array(n);
  let big = 0;
  for (let i = 0; i < n; i++) {
    const k = counts[i];
    if (index.has(k.id)) throw new Error(`duplicate count id: ${k.id}`);
    if (!Number.isSafeInteger(k.value) || k.value < 0) throw new Error(`invalid count value: ${k.id}=${k.value}`);
    index.set(k.id, i);
    values[i] = k.value;
    ids[i] = k.id;
    if (k.value > big) big = k.value;
  }
  let room = 0;
  for (let r = 0; r < relations.length; r++) room += relations[r].terms.length;
  const relStart = new Int32Array(relations.length + 1);
  const relIdx = new Int32Array(room);
  const relCoef = new Float64Array(room);
  const relLo = new Float64Array(relations.length);
  const relHi = new Float64Array(relations.length);
  const uses = new Int32Array(n + 1);
  let m = 0;
  let k0 = 0;
  for (let ri = 0; ri < relations.length; ri++) {
    const r = relations[ri];
    let k1 = k0;
    for (let j = 0; j < r.terms.length; j++) {
      // indexed loops, not destructuring: this runs once per term of a national report, mostly cold
      const id = r.terms[j][0];
      const a = r.terms[j][1];
      const i = index.get(id);
      if (i === undefined) throw new Error(`unknown count in relation: ${id}`);
      if (!Number.isFinite(a)) throw new Error(`invalid coefficient for ${id}: ${a}`);
      let at = k0;
      while (at < k1 && relIdx[at] !== i) at++;
      if (at < k1) relCoef[at] += a;
      else {
        relIdx[k1] = i;
        relCoef[k1++] = a;
      }
    }
    if (!Number.isFinite(r.rhs)) throw new Error(`invalid relation rhs: ${r.rhs}`);
    if (r.op !== "=" && r.op !== "<=" && r.op !== ">=") throw new Error(`invalid relation op: ${String(r.op)}`);
    const lo = r.op === "<=" ? -Infinity : r.rhs;
    const hi = r.op === ">=" ? Infinity : r.rhs;
    let lhs = 0;
    let scale = Math.abs(r.rhs);
    let kept = k0;
    for (let k = k0; k < k1; k++) {
      lhs += relCoef[k] * values[relIdx[k]];
      scale += Math.abs(relCoef[k] * values[relIdx[k]]);
      if (relCoef[k] === 0) continue;
      relIdx[kept] = relIdx[k];
      relCoef[kept++] = relCoef[k];
    }
    if (lhs < lo - 1e-9 * Math.max(1, scale) || lhs > hi + 1e-9 * Math.max(1, scale)) {
      throw new Error(`relation does not hold for the true values: ${describe(r)} (left side ${lhs})`);
    }
    big = Math.max(big, Math.abs(r.rhs));
    if (kept === k0) continue;
    for (let k = k0; k < kept; k++) uses[relIdx[k] + 1]++;
    relLo[m] = lo;
    relHi[m] = hi;
    relStart[++m] = k0 = kept;
  }
  const ofStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ofStart[i + 1] = ofStart[i] + uses[i + 1];
  const ofRel = new Int32Array(k0);
  const fill = ofStart.slice(0, n);
  for (let r = 0; r < m; r++) for (let k = relStart[r]; k < relStart[r + 1]; k++) ofRel[fill[relIdx[k]]++] = r;
  return {
    ids,
    index,
    values,
    relStart: relStart.subarray(0, m + 1),
    relIdx,
    relCoef,
    relLo,
    relHi,
    ofStart,
    ofRel,
    cap: Math.max(1e9, 1e3 * big)
  };
}

/** The part of a compiled problem spanned by `members` (closed under relations), renumbered. */
export function subproblem(c: Compiled, members: readonly number[]): Compiled {
  const local = new Map<number, number>();
  members.forEach((g, l) => local.set(g, l));
  const relIds: number[] = [];
  for (const g of members) {
    for (let q = c.ofStart[g]; q < c.ofStart[g + 1]; q++) if (!relIds.includes(c.ofRel[q])) relIds.push(c.ofRel[q]);
  }
  relIds.sort((a, b) => a - b);
  const relStart = [0];
  const relIdx: number[] = [];
  const relCoef: number[] = [];
  const relLo: number[] = [];
  const relHi: number[] = [];
  const of: number[][] = members.map(() => []);
  for (const ri of relIds) {
    for (let k = c.relStart[ri]; k < c.relStart[ri + 1]; k++) {
      const l = local.get(c.relIdx[k]);
      if (l === undefined) throw new Error(`subproblem is not closed under relations: ${c.ids[c.relIdx[k]]}`);
      relIdx.push(l);
      relCoef.push(c.relCoef[k]);
      of[l].push(relLo.length);
    }
    relLo.push(c.relLo[ri]);
    relHi.push(c.relHi[ri]);
    relStart.push(relIdx.length);
  }
  const ofStart = [0];
  for (const list of of) ofStart.push(ofStart[ofStart.length - 1] + list.length);
  return {
    ids: members.map((g) => c.ids[g]),
    values: members.map((g) => c.values[g]),
    relStart,
    relIdx,
    relCoef,
    relLo,
    relHi,
    ofStart,
    ofRel: of.flat(),
    cap: c.cap
  };
}

/** Counts that share a relation with count i (i excluded). */
export function neighbours(c: Compiled, i: number): number[] {
  const out: number[] = [];
  for (let q = c.ofStart[i]; q < c.ofStart[i + 1]; q++) {
    const r = c.ofRel[q];
    for (let k = c.relStart[r]; k < c.relStart[r + 1]; k++) {
      const j = c.relIdx[k];
      if (j !== i && !out.includes(j)) out.push(j);
    }
  }
  return out;
}

function describe(r: Relation): string {
  return `${r.terms.map(([id, coef]) => `${coef}·${id}`).join(" + ")} ${r.op} ${r.rhs}`;
}

// ---------------------------------------------------------------------------------------------
// LP blocks and the driver that stacks them.

/** One small LP: minimise Σ cost·x over lo ≤ x ≤ hi, rowLo ≤ A x ≤ rowHi (A in CSR). */
export interface Shape {
  readonly numCols: number;
  readonly colLo: ArrayLike<number>;
  readonly colHi: ArrayLike<number>;
  readonly rowStart: ArrayLike<number>;
  readonly rowIdx: ArrayLike<number>;
  readonly rowVal: ArrayLike<number>;
  readonly rowLo: ArrayLike<number>;
  readonly rowHi: ArrayLike<number>;
}

export interface Block {
  readonly shape: Shape;
  readonly costIdx: readonly number[];
  readonly costVal: readonly number[];
  /** an extra upper bound on one column (a maximised count), overriding the shape's */
  readonly capCol?: number;
  readonly cap?: number;
  /**
   * Solve it in a stack of its own: for an LP with several optimal solutions, which one the solver
   * returns can depend on its neighbours in a stack, and a caller may want the same answer for the
   * same LP whatever else is solved with it.
   */
  readonly alone?: boolean;
}

/** ok = an optimum was found; false = infeasible. x is the block's part of the solution. */
export interface Solved {
  readonly ok: boolean;
  readonly x: Float64Array;
}

/** A computation that asks for LPs by yielding blocks and gets their solutions back. */
export type Task<R> = Generator<readonly Block[], R, readonly Solved[]>;

/** Runs tasks side by side, solving the blocks they ask for together, round by round. */
export function drive<R>(lp: LpSolver, tasks: readonly Task<R>[]): R[] {
  const results = new Array<R>(tasks.length);
  let pending: { t: number; blocks: readonly Block[] }[] = [];
  const step = (t: number, s: IteratorResult<readonly Block[], R>) => {
    if (s.done) results[t] = s.value;
    else pending.push({ t, blocks: s.value });
  };
  tasks.forEach((task, t) => step(t, task.next()));
  while (pending.length > 0) {
    const round = pending;
    pending = [];
    const solved = lp.solve(round.flatMap((p) => p.blocks));
    let k = 0;
    for (const p of round) {
      const mine = solved.slice(k, k + p.blocks.length);
      k += p.blocks.length;
      step(p.t, tasks[p.t].next(mine));
    }
  }
  return results;
}

/** Columns per stacked LP. Stacks of 200–1600 columns measured alike; single LPs cost ~10× more each. */
const STACK_COLS = 400;

const MODEL_OPTIMAL = 7;
const MODEL_INFEASIBLE = 8;
const MODEL_UNBOUNDED_OR_INFEASIBLE = 9;

export class LpSolver {
  private readonly model: Model;
  /** LPs and HiGHS runs so far (for measurements). */
  lps = 0;
  runs = 0;

  constructor(highs: Highs) {
    this.model = highs.createModel();
    this.model.options.set({ output_flag: false, presolve: "off" });
  }

  solve(blocks: readonly Block[]): Solved[] {
    const out: Solved[] = new Array(blocks.length);
    let from = 0;
    while (from < blocks.length) {
      let to = from;
      let cols = 0;
      const fits = (b: Block) => !b.alone && cols + b.shape.numCols <= STACK_COLS;
      while (to < blocks.length && (to === from || (!blocks[from].alone && fits(blocks[to])))) {
        cols += blocks[to].shape.numCols;
        to++;
      }
      this.solveStack(blocks, from, to, out);
      from = to;
    }
    this.lps += blocks.length;
    return out;
  }

  private solveStack(blocks: readonly Block[], from: number, to: number, out: Solved[]): void {
    let numCols = 0;
    let numRows = 0;
    let nnz = 0;
    for (let b = from; b < to; b++) {
      const s = blocks[b].shape;
      numCols += s.numCols;
      numRows += s.rowLo.length;
      nnz += s.rowIdx.length;
    }
    const colCost = new Float64Array(numCols);
    const colLower = new Float64Array(numCols);
    const colUpper = new Float64Array(numCols);
    const rowLower = new Float64Array(numRows);
    const rowUpper = new Float64Array(numRows);
    const starts = new Int32Array(numRows + 1);
    const indices = new Int32Array(nnz);
    const values = new Float64Array(nnz);
    let c0 = 0;
    let r0 = 0;
    let k0 = 0;
    for (let b = from; b < to; b++) {
      const blk = blocks[b];
      const s = blk.shape;
      for (let j = 0; j < s.numCols; j++) {
        colLower[c0 + j] = s.colLo[j];
        colUpper[c0 + j] = s.colHi[j];
      }
      for (let j = 0; j < blk.costIdx.length; j++) colCost[c0 + blk.costIdx[j]] += blk.costVal[j];
      if (blk.capCol !== undefined) colUpper[c0 + blk.capCol] = Math.min(colUpper[c0 + blk.capCol], blk.cap!);
      for (let r = 0; r < s.rowLo.length; r++) {
        rowLower[r0 + r] = s.rowLo[r];
        rowUpper[r0 + r] = s.rowHi[r];
        starts[r0 + r] = k0 + s.rowStart[r];
      }
      for (let k = 0; k < s.rowIdx.length; k++) {
        indices[k0 + k] = c0 + s.rowIdx[k];
        values[k0 + k] = s.rowVal[k];
      }
      c0 += s.numCols;
      r0 += s.rowLo.length;
      k0 += s.rowIdx.length;
    }
    starts[numRows] = nnz;
    this.model.passModel({
      numCols,
      numRows,
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      matrix: { format: "csr", numRows, numCols, starts, indices, values }
    });
    this.model.run();
    this.runs++;
    const status = this.model.getModelStatus();
    if (status === MODEL_OPTIMAL) {
      const x = this.model.getSolution().colValue;
      let c = 0;
      for (let b = from; b < to; b++) {
        out[b] = { ok: true, x: x.subarray(c, c + blocks[b].shape.numCols) };
        c += blocks[b].shape.numCols;
      }
    } else if (to - from > 1) {
      // One infeasible block spoils the stack: find out which by solving them one by one.
      for (let b = from; b < to; b++) this.solveStack(blocks, b, b + 1, out);
    } else if (status === MODEL_INFEASIBLE || status === MODEL_UNBOUNDED_OR_INFEASIBLE) {
      out[from] = { ok: false, x: new Float64Array(0) };
    } else {
      throw new Error(`HiGHS ended with model status ${status}`);
    }
  }
}

let solverPromise: Promise<LpSolver> | undefined;

/** The one HiGHS runtime and model of this process. */
export function lpSolver(): Promise<LpSolver> {
  // The package's types describe a CommonJS module; Node's ESM import yields the loader itself.
  type Loader = (typeof highsModule)["default"];
  const m = highsModule as unknown as Loader | { default: Loader };
  const load: Loader = typeof m === "function" ? m : m.default;
  solverPromise ??= load().then((highs) => new LpSolver(highs));
  return solverPromise;
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
    const shape = shapeOf(c, unknown, members);
    if (members.length === 1) {
      out.set(t, singleRange(c, t, shape));
      continue;
    }
    members.forEach((g, col) => {
      if (!isTarget[g]) return;
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

/** The hidden counts linked to `start` through relations, in discovery order. */
function component(c: Compiled, unknown: Uint8Array, start: number, seen: Uint8Array): number[] {
  return linked(c, unknown, [start], seen);
}

/** The hidden counts linked to any of `seeds` (hidden counts) through relations, seeds first. */
export function linked(
  c: Compiled,
  unknown: Uint8Array,
  seeds: readonly number[],
  seen: Uint8Array = new Uint8Array(c.ids.length)
): number[] {
  const members: number[] = [];
  for (const s of seeds) {
    if (seen[s]) continue;
    seen[s] = 1;
    members.push(s);
  }
  for (let m = 0; m < members.length; m++) {
    const g = members[m];
    for (let q = c.ofStart[g]; q < c.ofStart[g + 1]; q++) {
      const r = c.ofRel[q];
      for (let k = c.relStart[r]; k < c.relStart[r + 1]; k++) {
        const j = c.relIdx[k];
        if (unknown[j] && !seen[j]) {
          seen[j] = 1;
          members.push(j);
        }
      }
    }
  }
  return members;
}

/** The LP of one component: its hidden counts as columns ≥ 0, published counts moved to the bounds. */
function shapeOf(c: Compiled, unknown: Uint8Array, members: readonly number[]): Shape {
  const local = new Map<number, number>();
  members.forEach((g, l) => local.set(g, l));
  const relIds: number[] = [];
  for (const g of members) {
    for (let q = c.ofStart[g]; q < c.ofStart[g + 1]; q++) if (!relIds.includes(c.ofRel[q])) relIds.push(c.ofRel[q]);
  }
  const rowStart = [0];
  const rowLo: number[] = [];
  const rowHi: number[] = [];
  const rowIdx: number[] = [];
  const rowVal: number[] = [];
  for (const r of relIds) {
    let known = 0;
    for (let k = c.relStart[r]; k < c.relStart[r + 1]; k++) {
      const g = c.relIdx[k];
      if (unknown[g]) {
        rowIdx.push(local.get(g)!);
        rowVal.push(c.relCoef[k]);
      } else {
        known += c.relCoef[k] * c.values[g];
      }
    }
    rowLo.push(c.relLo[r] - known);
    rowHi.push(c.relHi[r] - known);
    rowStart.push(rowIdx.length);
  }
  const colLo = new Array<number>(members.length).fill(0);
  const colHi = new Array<number>(members.length).fill(Infinity);
  return { numCols: members.length, colLo, colHi, rowStart, rowIdx, rowVal, rowLo, rowHi };
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
  const lo = Math.max(0, Math.ceil(min - 1e-6 * Math.max(1, Math.abs(min))));
  const hi = max >= c.cap * (1 - 1e-9) ? Infinity : Math.floor(max + 1e-6 * Math.max(1, Math.abs(max)));
  const v = c.values[g];
  if (lo > v || hi < v) throw new Error(`attack: the range [${lo}, ${hi}] of ${c.ids[g]} misses its value ${v}`);
  return { lo, hi };
}
