// The linear programs behind withholding (contract §8), as a general engine: counts and the linear
// relations among them compiled into flat sparse rows, the parts of such a problem, and a driver
// that lets many computations ask for small LPs and solves them stacked into one block-diagonal LP
// by HiGHS (WebAssembly, loaded once): small LPs are dominated by per-solve overhead, and minimising
// the sum of independent objectives minimises each. The attacker (attacker.ts) and secondary
// withholding (secondary.ts) are written on it.

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

/** Sparse rows rowLo[r] ≤ Σ rowVal[k]·x[rowIdx[k]] ≤ rowHi[r] over rowStart[r] ≤ k < rowStart[r + 1] (CSR). */
export interface Rows {
  readonly rowStart: ArrayLike<number>;
  readonly rowIdx: ArrayLike<number>;
  readonly rowVal: ArrayLike<number>;
  readonly rowLo: ArrayLike<number>;
  readonly rowHi: ArrayLike<number>;
}

// ---------------------------------------------------------------------------------------------
// Compiled problems: counts by index, relations as rows over them. Flat arrays, because a national
// report has some 10⁵ counts and relations and small objects cost GC time.

/** Counts by index and the relations as rows over them (row r is the r-th relation that names a count). */
export interface Compiled extends Rows {
  readonly ids: readonly string[];
  readonly values: ArrayLike<number>;
  /** count i appears in the rows ofRow[ofStart[i] ≤ q < ofStart[i + 1]] */
  readonly ofStart: ArrayLike<number>;
  readonly ofRow: ArrayLike<number>;
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
  const rowStart = new Int32Array(relations.length + 1);
  const rowIdx = new Int32Array(room);
  const rowVal = new Float64Array(room);
  const rowLo = new Float64Array(relations.length);
  const rowHi = new Float64Array(relations.length);
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
      while (at < k1 && rowIdx[at] !== i) at++;
      if (at < k1) rowVal[at] += a;
      else {
        rowIdx[k1] = i;
        rowVal[k1++] = a;
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
      lhs += rowVal[k] * values[rowIdx[k]];
      scale += Math.abs(rowVal[k] * values[rowIdx[k]]);
      if (rowVal[k] === 0) continue;
      rowIdx[kept] = rowIdx[k];
      rowVal[kept++] = rowVal[k];
    }
    if (lhs < lo - 1e-9 * Math.max(1, scale) || lhs > hi + 1e-9 * Math.max(1, scale)) {
      throw new Error(`relation does not hold for the true values: ${describe(r)} (left side ${lhs})`);
    }
    big = Math.max(big, Math.abs(r.rhs));
    if (kept === k0) continue;
    for (let k = k0; k < kept; k++) uses[rowIdx[k] + 1]++;
    rowLo[m] = lo;
    rowHi[m] = hi;
    rowStart[++m] = k0 = kept;
  }
  const ofStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) ofStart[i + 1] = ofStart[i] + uses[i + 1];
  const ofRow = new Int32Array(k0);
  const fill = ofStart.slice(0, n);
  for (let r = 0; r < m; r++) for (let k = rowStart[r]; k < rowStart[r + 1]; k++) ofRow[fill[rowIdx[k]]++] = r;
  return {
    ids,
    index,
    values,
    rowStart: rowStart.subarray(0, m + 1),
    rowIdx,
    rowVal,
    rowLo,
    rowHi,
    ofStart,
    ofRow,
    cap: Math.max(1e9, 1e3 * big)
  };
}

/** The rows of `c` that name a count of `members`, in the order the members name them. */
export function touching(c: Compiled, members: readonly number[]): number[] {
  const rows: number[] = [];
  const s = scratchOf(c);
  if (s.stamp === 0x7fffffff) (s.stamp = 0), s.rowSeen.fill(0); // an Int32Array holds stamps up to 2³¹ − 1
  const stamp = ++s.stamp;
  for (const g of members) {
    for (let q = c.ofStart[g]; q < c.ofStart[g + 1]; q++) {
      const r = c.ofRow[q];
      if (s.rowSeen[r] === stamp) continue;
      s.rowSeen[r] = stamp;
      rows.push(r);
    }
  }
  return rows;
}

/**
 * Working arrays sized to a compiled problem, reused by every call on it (one thread, no call yields
 * while it uses them): the components of a national report are many and small, and a Map or an array
 * search per call cost more than the work itself. `local` is -1 except while a caller numbers members.
 */
export interface Scratch {
  stamp: number;
  readonly rowSeen: Int32Array;
  readonly local: Int32Array;
}
const scratches = new WeakMap<Compiled, Scratch>();
export function scratchOf(c: Compiled): Scratch {
  let s = scratches.get(c);
  if (!s) scratches.set(c, (s = { stamp: 0, rowSeen: new Int32Array(c.rowLo.length), local: new Int32Array(c.ids.length).fill(-1) }));
  return s;
}

/**
 * The rows `rows` of `c` over `members` alone (member l is column l). A count outside `members` is
 * taken at its value into the bounds, or refused when the members are to be `closed` under them.
 */
export function rowsOver(c: Compiled, members: readonly number[], rows: readonly number[], closed: boolean): Rows {
  return numbered(c, members, (local) => rowsOfMembers(c, local, rows, closed));
}

/** Runs fn with each member's number in `local` (its index in members; -1 for every other count), reset after. */
export function numbered<T>(c: Compiled, members: readonly number[], fn: (local: Int32Array) => T): T {
  const { local } = scratchOf(c);
  for (let l = 0; l < members.length; l++) local[members[l]] = l;
  try {
    return fn(local);
  } finally {
    for (const g of members) local[g] = -1;
  }
}

function rowsOfMembers(c: Compiled, local: Int32Array, rows: readonly number[], closed: boolean): Rows {
  const rowStart = [0];
  const rowIdx: number[] = [];
  const rowVal: number[] = [];
  const rowLo: number[] = [];
  const rowHi: number[] = [];
  for (const r of rows) {
    let known = 0;
    for (let k = c.rowStart[r]; k < c.rowStart[r + 1]; k++) {
      const g = c.rowIdx[k];
      const l = local[g];
      if (l >= 0) {
        rowIdx.push(l);
        rowVal.push(c.rowVal[k]);
      } else if (closed) {
        throw new Error(`subproblem is not closed under relations: ${c.ids[g]}`);
      } else {
        known += c.rowVal[k] * c.values[g];
      }
    }
    rowLo.push(c.rowLo[r] - known);
    rowHi.push(c.rowHi[r] - known);
    rowStart.push(rowIdx.length);
  }
  return { rowStart, rowIdx, rowVal, rowLo, rowHi };
}

/** The part of a compiled problem spanned by `members` (closed under relations), renumbered. */
export function subproblem(c: Compiled, members: readonly number[]): Compiled {
  const rows = rowsOver(c, members, touching(c, members).sort((a, b) => a - b), true);
  const of: number[][] = members.map(() => []);
  for (let r = 0; r < rows.rowLo.length; r++) for (let k = rows.rowStart[r]; k < rows.rowStart[r + 1]; k++) of[rows.rowIdx[k]].push(r);
  const ofStart = [0];
  for (const list of of) ofStart.push(ofStart[ofStart.length - 1] + list.length);
  return {
    ids: members.map((g) => c.ids[g]),
    values: members.map((g) => c.values[g]),
    ...rows,
    ofStart,
    ofRow: of.flat(),
    cap: c.cap
  };
}

/** Counts that share a relation with count i (i excluded). */
export function neighbours(c: Compiled, i: number): number[] {
  const out: number[] = [];
  for (let q = c.ofStart[i]; q < c.ofStart[i + 1]; q++) {
    const r = c.ofRow[q];
    for (let k = c.rowStart[r]; k < c.rowStart[r + 1]; k++) {
      const j = c.rowIdx[k];
      if (j !== i && !out.includes(j)) out.push(j);
    }
  }
  return out;
}

/** The counts marked in `unknown` linked to any of `seeds` (such counts) through relations, seeds first. */
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
      const r = c.ofRow[q];
      for (let k = c.rowStart[r]; k < c.rowStart[r + 1]; k++) {
        const j = c.rowIdx[k];
        if (unknown[j] && !seen[j]) {
          seen[j] = 1;
          members.push(j);
        }
      }
    }
  }
  return members;
}

function describe(r: Relation): string {
  return `${r.terms.map(([id, coef]) => `${coef}·${id}`).join(" + ")} ${r.op} ${r.rhs}`;
}

// ---------------------------------------------------------------------------------------------
// LP blocks and the driver that stacks them.

/** One small LP: minimise Σ cost·x over colLo ≤ x ≤ colHi and the rows. */
export interface Shape extends Rows {
  readonly numCols: number;
  readonly colLo: ArrayLike<number>;
  readonly colHi: ArrayLike<number>;
}

/** An LP to solve: a shape and the costs of its columns. */
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
/**
 * LPs of one shape with at least this many columns are solved one after the other on one model, each
 * starting from the last one's basis: a changed objective needs a few pivots, a fresh solve of a large
 * LP many. Below, a run's own cost outweighs the pivots saved: on the national reports (components of
 * 24–119 counts) a warm LP took 0.37 ms and one in a stack of fresh ones 0.18 ms, so such LPs are
 * stacked (the 10 M rows ill_health report: protection 12.5 → 10.4 s, its check 5.8 → 4.6 s).
 */
const WARM_COLS = 200;
/** Shapes held by warm models at once (each a HiGHS instance in the WebAssembly memory). */
const WARM_MODELS = 8;

const MODEL_OPTIMAL = 7;
const MODEL_INFEASIBLE = 8;
const MODEL_UNBOUNDED_OR_INFEASIBLE = 9;

export class LpSolver {
  private readonly model: Model;
  /** LPs and HiGHS runs so far (for measurements). */
  lps = 0;
  runs = 0;

  /**
   * Models holding a shape, most recently used last: the rounds of one attack ask for LPs of the same
   * component again and again, and a model that still holds it keeps its basis too.
   */
  private readonly warm: { shape: Shape | null; model: Model; colLower: Float64Array; colUpper: Float64Array }[] = [];

  constructor(private readonly highs: Highs) {
    this.model = highs.createModel();
    this.model.options.set({ output_flag: false, presolve: "off" });
  }

  /** The model holding this shape, passing it to the least recently used one when none does. */
  private warmModel(s: Shape): (typeof this.warm)[number] {
    let k = this.warm.findIndex((w) => w.shape === s);
    if (k < 0) {
      if (this.warm.length < WARM_MODELS) {
        const model = this.highs.createModel();
        model.options.set({ output_flag: false, presolve: "off" });
        this.warm.unshift({ shape: null, model, colLower: new Float64Array(0), colUpper: new Float64Array(0) });
      }
      k = 0;
      const w = this.warm[0];
      const numCols = s.numCols;
      const numRows = s.rowLo.length;
      w.colLower = Float64Array.from(s.colLo);
      w.colUpper = Float64Array.from(s.colHi);
      w.model.passModel({
        numCols,
        numRows,
        colCost: new Float64Array(numCols),
        colLower: w.colLower,
        colUpper: w.colUpper,
        rowLower: Float64Array.from(s.rowLo),
        rowUpper: Float64Array.from(s.rowHi),
        matrix: { format: "csr", numRows, numCols, starts: Int32Array.from(s.rowStart), indices: Int32Array.from(s.rowIdx), values: Float64Array.from(s.rowVal) }
      });
      w.shape = s;
    }
    const [w] = this.warm.splice(k, 1);
    this.warm.push(w);
    return w;
  }

  solve(blocks: readonly Block[]): Solved[] {
    const out: Solved[] = new Array(blocks.length);
    let from = 0;
    while (from < blocks.length) {
      const shape = blocks[from].shape;
      if (!blocks[from].alone && shape.numCols >= WARM_COLS) {
        let to = from + 1;
        while (to < blocks.length && blocks[to].shape === shape && !blocks[to].alone) to++;
        if (to - from > 1 || this.warm.some((w) => w.shape === shape)) {
          this.solveWarm(blocks, from, to, out);
          from = to;
          continue;
        }
      }
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

  /** Blocks from..to of one shape, in turn on one model: only the objective and a cap change between them. */
  private solveWarm(blocks: readonly Block[], from: number, to: number, out: Solved[]): void {
    const { model, colLower, colUpper } = this.warmModel(blocks[from].shape);
    for (let b = from; b < to; b++) {
      const blk = blocks[b];
      for (let j = 0; j < blk.costIdx.length; j++) model.changeColCost(blk.costIdx[j], blk.costVal[j]);
      const capped = blk.capCol !== undefined && blk.cap! < colUpper[blk.capCol];
      if (capped) model.changeColBounds(blk.capCol!, colLower[blk.capCol!], blk.cap!);
      model.run();
      this.runs++;
      const status = model.getModelStatus();
      if (status === MODEL_OPTIMAL) out[b] = { ok: true, x: Float64Array.from(model.getSolution().colValue) };
      else if (status === MODEL_INFEASIBLE || status === MODEL_UNBOUNDED_OR_INFEASIBLE) out[b] = { ok: false, x: new Float64Array(0) };
      else throw new Error(`HiGHS ended with model status ${status}`);
      for (let j = 0; j < blk.costIdx.length; j++) model.changeColCost(blk.costIdx[j], 0);
      if (capped) model.changeColBounds(blk.capCol!, colLower[blk.capCol!], colUpper[blk.capCol!]);
    }
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
