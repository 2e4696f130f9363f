// Primary and secondary withholding of published rows (contract §8). A row is a publication unit
// that exposes counts; a count is hidden only when every unit exposing it is withheld. After the
// primaries, the attacker (attacker.ts) is run and, for each count it can pin down to within the
// threshold, the cheapest published unit that widens its range is withheld (or, when no single unit
// helps, the set a protection-level LP finds), until every hidden count is protected; then units that
// later steps made unnecessary are published again. Independent parts (counts linked by relations or
// by a shared unit) run side by side as generators, so that their LPs are solved in stacks.

import { checkThreshold, rangesTask, reaches, wide, widthsTask, type Range, type Witness } from "./attacker.js";
import { Intervals } from "./intervals.js";
import {
  compile,
  drive,
  linked,
  lpSolver,
  neighbours,
  subproblem,
  type Block,
  type Compiled,
  type Count,
  type Relation,
  type Task
} from "./lp.js";

export interface Unit {
  readonly id: string;
  /** ids of the counts this row shows (a share row: its numerator and denominator) */
  readonly counts: readonly string[];
  /**
   * must be withheld whatever happens (e.g. a share whose denominator is below 10); rows showing a
   * count in 1..threshold are withheld whether marked or not
   */
  readonly primary: boolean;
  /** price of withholding it; default the sum of its counts, so small rows go first */
  readonly cost?: number;
}

export interface Problem {
  readonly counts: readonly Count[];
  readonly units: readonly Unit[];
  readonly relations: readonly Relation[];
  readonly threshold: number;
  /**
   * true (the default): the result's ranges are the attacker's exact ranges of the final table; false:
   * parts of them wide enough to prove each count protected — what the reports need (the independent
   * checker computes its own), at a fraction of the LPs
   */
  readonly exactRanges?: boolean;
  /** receives the points the attacks found (attacker.ts Witness): the checker's to verify and use */
  readonly witnesses?: Witness[];
}

export interface Withheld {
  /** unit ids */
  readonly withheld: ReadonlySet<string>;
  /** count ids */
  readonly hidden: ReadonlySet<string>;
  /** the attacker's range of every hidden count of the final table: as attack() computes it, or a part of it wider than the threshold (Problem.exactRanges) */
  readonly ranges: ReadonlyMap<string, Range>;
  /** units withheld beyond the primaries (and beyond rows showing a count in 1..threshold) */
  readonly secondary: number;
}

/** Withholds the primaries and as few further units as it can so that every hidden count is protected. */
export async function withholdUnits(problem: Problem): Promise<Withheld> {
  const t = problem.threshold;
  checkThreshold(t);
  const c = compile(problem.counts, problem.relations);
  const n = c.ids.length;

  const units = problem.units;
  const nu = units.length;
  // unitIdx[unitStart[u] ≤ k < unitStart[u + 1]]: the counts of unit u; flat to spare the GC.
  const unitStart = new Int32Array(nu + 1);
  for (let u = 0; u < nu; u++) unitStart[u + 1] = unitStart[u] + units[u].counts.length;
  const unitIdx = new Int32Array(unitStart[nu]);
  const cost = new Float64Array(nu);
  const unitIds = new Set<string>();
  const shown = new Int32Array(n + 1);
  for (let u = 0; u < nu; u++) {
    const unit = units[u];
    if (unitIds.has(unit.id)) throw new Error(`duplicate unit id: ${unit.id}`);
    unitIds.add(unit.id);
    let k = unitStart[u];
    let sum = 0;
    for (let j = 0; j < unit.counts.length; j++) {
      const id = unit.counts[j];
      const i = c.index.get(id);
      if (i === undefined) throw new Error(`unknown count in unit ${unit.id}: ${id}`);
      let seen = unitStart[u];
      while (seen < k && unitIdx[seen] !== i) seen++;
      if (seen < k) continue;
      unitIdx[k++] = i;
      shown[i + 1]++;
      sum += c.values[i];
    }
    unitStart[u + 1] = k; // shrinks over repeated ids; unitIdx keeps the slack unused
    const price = unit.cost ?? sum;
    if (!Number.isFinite(price) || price < 0) throw new Error(`invalid cost of unit ${unit.id}: ${price}`);
    cost[u] = price;
  }
  // … and unitsOf[ofStart[i] ≤ q < ofStart[i + 1]]: the units showing count i.
  const ofStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (shown[i + 1] === 0) throw new Error(`count exposed by no unit: ${c.ids[i]}`);
    ofStart[i + 1] = ofStart[i] + shown[i + 1];
  }
  const unitsOf = new Int32Array(ofStart[n]);
  const fill = ofStart.slice(0, n);
  for (let u = 0; u < nu; u++) for (let k = unitStart[u]; k < unitStart[u + 1]; k++) unitsOf[fill[unitIdx[k]]++] = u;

  // Primaries, and every row showing a count in 1..threshold whether the caller said so or not.
  const withheld = new Uint8Array(nu);
  for (let u = 0; u < nu; u++) if (units[u].primary) withheld[u] = 1;
  for (let i = 0; i < n; i++) {
    if (c.values[i] >= 1 && c.values[i] <= t) for (let q = ofStart[i]; q < ofStart[i + 1]; q++) withheld[unitsOf[q]] = 1;
  }
  const initial = withheld.slice();

  // Independent parts: counts linked by a relation or shown by the same unit. Only parts with a
  // withheld unit have anything to protect.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const join = (start: ArrayLike<number>, idx: ArrayLike<number>, count: number) => {
    for (let r = 0; r < count; r++) {
      for (let k = start[r] + 1; k < start[r + 1]; k++) parent[find(idx[k])] = find(idx[start[r]]);
    }
  };
  join(c.rowStart, c.rowIdx, c.rowStart.length - 1);
  join(unitStart, unitIdx, nu);
  const members = new Map<number, number[]>();
  for (let u = 0; u < nu; u++) {
    if (withheld[u] && unitStart[u + 1] > unitStart[u]) members.set(find(unitIdx[unitStart[u]]), []);
  }
  for (let i = 0; i < n; i++) members.get(find(i))?.push(i);

  const parts: Part[] = [];
  for (const list of members.values()) {
    const local = new Map<number, number>();
    list.forEach((g, l) => local.set(g, l));
    const partUnits: number[] = [];
    const localUnit = new Map<number, number>();
    const of = (g: number) => Array.from(unitsOf.subarray(ofStart[g], ofStart[g + 1]));
    for (const g of list) {
      for (const u of of(g)) {
        if (localUnit.has(u)) continue;
        localUnit.set(u, partUnits.length);
        partUnits.push(u);
      }
    }
    parts.push({
      c: subproblem(c, list),
      units: partUnits,
      unitCounts: partUnits.map((u) => Array.from(unitIdx.subarray(unitStart[u], unitStart[u + 1]), (g) => local.get(g)!)),
      cost: partUnits.map((u) => cost[u]),
      unitsOf: list.map((g) => of(g).map((u) => localUnit.get(u)!)),
      withheld: Uint8Array.from(partUnits, (u) => withheld[u]),
      threshold: t,
      exact: problem.exactRanges ?? true,
      witnesses: problem.witnesses
    });
  }

  const lp = await lpSolver();
  const results = drive(lp, parts.map(withholdPart));

  const ranges = new Map<string, Range>();
  const hidden = new Set<string>();
  parts.forEach((part, p) => {
    part.units.forEach((u, l) => {
      withheld[u] = results[p].withheld[l];
    });
    for (const [l, range] of results[p].ranges) {
      hidden.add(part.c.ids[l]);
      ranges.set(part.c.ids[l], range);
    }
  });
  let secondary = 0;
  const withheldIds = new Set<string>();
  units.forEach((unit, u) => {
    if (!withheld[u]) return;
    withheldIds.add(unit.id);
    if (!initial[u]) secondary++;
  });
  return { withheld: withheldIds, hidden, ranges, secondary };
}

/** One independent part, with its own numbering of counts (as in `c`) and units. */
interface Part {
  readonly c: Compiled;
  /** global unit indices */
  readonly units: readonly number[];
  readonly unitCounts: readonly (readonly number[])[];
  readonly cost: readonly number[];
  readonly unitsOf: readonly (readonly number[])[];
  readonly withheld: Uint8Array;
  readonly threshold: number;
  /** whether the final ranges must be exact (Problem.exactRanges) */
  readonly exact: boolean;
  readonly witnesses?: Witness[];
}

interface PartResult {
  readonly withheld: Uint8Array;
  readonly ranges: Map<number, Range>;
}

/**
 * Secondary withholding for one part. Withholding more only widens every range (published values
 * turn into unknowns), so a count once protected stays protected: only failures and newly hidden
 * counts are attacked again, and the other ranges are refreshed once at the end.
 */
function* withholdPart(p: Part): Task<PartResult> {
  const { c, threshold: t } = p;
  const n = c.ids.length;
  const withheld = p.withheld.slice();
  const hidden = new Uint8Array(n);
  const hides = (u: number) => p.unitCounts[u].filter((i) => !hidden[i] && p.unitsOf[i].every((v) => v === u || withheld[v]));
  const range: (Range | undefined)[] = new Array(n);
  const stale = new Uint8Array(n);
  for (let i = 0; i < n; i++) hidden[i] = p.unitsOf[i].every((u) => withheld[u]) ? 1 : 0;

  // The failing counts are worked through one by one; each one's range is computed again only when
  // its turn comes and a unit was withheld since (two LPs), not every failing count after every step.
  // Withholding only widens ranges, so a count once wide stays wide: after a pass, only the counts
  // it newly hid need an attack.
  let version = 0;
  const at = new Int32Array(n).fill(-1); // the version each range was computed at
  const hiddenAt = new Int32Array(n).fill(-1); // the version at which a count became hidden
  // whether i's range may have changed since it was computed: a count of its component was hidden since
  // — or it is not known yet: a count interval reasoning showed narrow gets its exact range (its LPs)
  // only when its turn comes, and then only if it is still narrow
  const changedIn = (component: readonly number[], i: number) =>
    range[i] === undefined || (at[i] < version && component.some((j) => hiddenAt[j] > at[i]));
  let check = indices(hidden);
  for (;;) {
    const exact = new Set<number>();
    const narrow = new Set<number>();
    for (const [i, r] of yield* widthsTask(c, hidden, check, t, { exact, narrow, witnesses: p.witnesses })) {
      range[i] = r;
      at[i] = version;
      stale[i] = exact.has(i) ? 0 : 1; // a part of the range, enough to know it wide: made exact at the end
    }
    for (const i of narrow) range[i] = undefined;
    const failing = check.filter((i) => narrow.has(i) || !wide(range[i]!, t));
    if (failing.length === 0) break;
    const before = hidden.slice();
    const pending = new Uint8Array(n);
    for (const f of failing) pending[f] = 1;
    for (const f of failing) {
      pending[f] = 0;
      for (;;) {
        const component = linked(c, hidden, [f]);
        if (changedIn(component, f)) {
          // f's exact range (points at its outer bounds, else its two LPs), whose points may show later
          // failing counts of its component wide too
          const also = component.filter((i) => pending[i] && changedIn(component, i));
          const exact = new Set<number>();
          for (const [i, r] of yield* widthsTask(c, hidden, [f, ...also], t, { exact, solveOnly: new Set([f]), witnesses: p.witnesses })) {
            range[i] = r;
            at[i] = version;
            stale[i] = exact.has(i) ? 0 : 1;
          }
        }
        if (wide(range[f]!, t)) break;
        const pick = yield* widening(p, hidden, withheld, hides, f, range[f]!);
        const add = pick ? [pick.unit] : yield* protectionSet(p, hidden, withheld, f);
        for (let i = 0; i < n; i++) if (hidden[i]) stale[i] = 1;
        version++;
        for (const u of add) {
          for (const i of hides(u)) {
            hidden[i] = 1;
            hiddenAt[i] = version;
          }
          withheld[u] = 1;
        }
        if (pick) {
          range[f] = pick.range;
          at[f] = version;
          stale[f] = 0;
        }
      }
    }
    check = indices(hidden).filter((i) => !before[i]);
  }

  yield* prune(p, withheld, hidden, range, stale);
  // A secondary unit whose counts all stay shown by other rows hides nothing (pruning can leave
  // one): publish it, or a row would show `..` for a figure printed in the next row.
  for (let u = 0; u < withheld.length; u++) {
    if (withheld[u] && !p.withheld[u] && p.unitCounts[u].every((i) => !hidden[i])) withheld[u] = 0;
  }

  // Exact final ranges: refresh those computed before later withholdings widened them (a stale
  // range is still a part of the exact one: withholding only widens).
  if (p.exact) for (const [i, r] of yield* rangesTask(c, hidden, indices(stale))) range[i] = r;
  const ranges = new Map<number, Range>();
  for (const i of indices(hidden)) {
    const r = range[i]!;
    if (!wide(r, t)) throw new Error(`protect: ${c.ids[i]} is still exposed: [${r.lo}, ${r.hi}]`);
    ranges.set(i, r);
  }
  return { withheld, ranges };
}

/**
 * The cheapest published unit that exposes a count related to f and, withheld, widens f's range.
 * Units whose counts all stay shown by other rows cannot change anything and are not tried.
 */
function* widening(
  p: Part,
  hidden: Uint8Array,
  withheld: Uint8Array,
  hides: (u: number) => number[],
  f: number,
  now: Range
): Task<{ unit: number; range: Range } | null> {
  const { c } = p;
  const candidates = [...new Set(neighbours(c, f).flatMap((j) => p.unitsOf[j]))]
    .filter((u) => !withheld[u])
    .map((u) => ({ u, newly: hides(u) }))
    .filter((x) => x.newly.length > 0)
    .sort((a, b) => p.cost[a.u] - p.cost[b.u] || a.u - b.u);
  for (const { u, newly } of candidates) {
    const trial = hidden.slice();
    for (const i of newly) trial[i] = 1;
    // most candidates change nothing, and interval reasoning says so without the two LPs: f's outer
    // range with them withheld is no wider than its exact range now (an exact range is never wider)
    const iv = new Intervals(c, trial, linked(c, trial, [f]));
    const most = iv.range(0);
    if (most.hi - most.lo <= now.hi - now.lo) continue;
    // its exact range: the outer one where points reach both its ends, else its LPs
    const r = reaches(iv, 0, c.values[f]) ? most : (yield* rangesTask(c, trial, [f])).get(f)!;
    if (r.hi - r.lo > now.hi - now.lo) return { unit: u, range: r };
  }
  return null;
}

/**
 * When no single unit helps: the protection-level LP. Find the cheapest way to change the table
 * so that it stays consistent with every relation while f moves by more than the threshold (up or
 * down); hidden counts move for free, a published count costs the price of the units showing it
 * per unit of change. Withholding every unit of the counts that moved makes the changed table one
 * the attacker cannot rule out, so f's range then spans more than the threshold.
 */
function* protectionSet(p: Part, hidden: Uint8Array, withheld: Uint8Array, f: number): Task<number[]> {
  const { c, threshold: t } = p;
  const n = c.ids.length;
  // Columns: up_i = 2i, down_i = 2i + 1; count i becomes value_i + up_i − down_i.
  const colLo = new Float64Array(2 * n);
  const colHi = new Float64Array(2 * n).fill(Infinity);
  const costIdx: number[] = [];
  const costVal: number[] = [];
  let top = 0;
  for (let i = 0; i < n; i++) {
    colHi[2 * i + 1] = c.values[i];
    if (hidden[i]) continue;
    for (const u of p.unitsOf[i]) if (!withheld[u]) top = Math.max(top, p.cost[u]);
  }
  const tie = 1e-6 * (1 + top); // a small price per unit so that free units are not scattered about
  for (let i = 0; i < n; i++) {
    if (hidden[i]) continue;
    let price = 0;
    for (const u of p.unitsOf[i]) if (!withheld[u]) price += p.cost[u] + tie;
    costIdx.push(2 * i, 2 * i + 1);
    costVal.push(price, price);
  }
  const rels = c.rowLo.length;
  const rows = rels + 1;
  const rowStart = new Int32Array(rows + 1);
  const rowLo = new Float64Array(rows);
  const rowHi = new Float64Array(rows);
  const idx: number[] = [];
  const val: number[] = [];
  for (let r = 0; r < rels; r++) {
    let at = 0;
    for (let k = c.rowStart[r]; k < c.rowStart[r + 1]; k++) {
      const i = c.rowIdx[k];
      idx.push(2 * i, 2 * i + 1);
      val.push(c.rowVal[k], -c.rowVal[k]);
      at += c.rowVal[k] * c.values[i];
    }
    rowLo[r] = c.rowLo[r] - at;
    rowHi[r] = c.rowHi[r] - at;
    rowStart[r + 1] = idx.length;
  }
  idx.push(2 * f, 2 * f + 1);
  val.push(1, -1);
  rowStart[rows] = idx.length;
  const rowIdx = Int32Array.from(idx);
  const rowVal = Float64Array.from(val);
  const shape = (lo: number, hi: number) => {
    const rl = rowLo.slice();
    const rh = rowHi.slice();
    rl[rows - 1] = lo;
    rh[rows - 1] = hi;
    const s = { numCols: 2 * n, colLo, colHi, rowStart, rowIdx, rowVal, rowLo: rl, rowHi: rh };
    return { shape: s, costIdx, costVal, alone: true } satisfies Block;
  };
  const blocks = [shape(t + 1, Infinity)];
  if (c.values[f] >= t + 1) blocks.push(shape(-Infinity, -(t + 1)));
  const solved = yield blocks;
  let best: Float64Array | undefined;
  let bestCost = Infinity;
  for (const s of solved) {
    if (!s.ok) continue;
    let total = 0;
    for (let k = 0; k < costIdx.length; k++) total += costVal[k] * s.x[costIdx[k]];
    if (total < bestCost) [best, bestCost] = [s.x, total];
  }
  if (!best) {
    throw new Error(`cannot protect ${c.ids[f]}: the relations pin it down even with every unit withheld`);
  }
  const add = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (hidden[i] || Math.abs(best[2 * i] - best[2 * i + 1]) <= 1e-7 * Math.max(1, c.values[i])) continue;
    for (const u of p.unitsOf[i]) if (!withheld[u]) add.add(u);
  }
  if (add.size === 0) throw new Error(`protect: no unit to withhold for ${c.ids[f]}`);
  return [...add].sort((a, b) => a - b);
}

/**
 * Greedy steps can leave units withheld that later ones made unnecessary. Try to publish each
 * secondary unit again, largest first; keep it published if every hidden count stays protected.
 * Only the hidden counts linked to what it reveals need a new attack. A single secondary unit is
 * always needed (the primaries alone were not safe), so there is nothing to try then. Each try
 * attacks the linked part again, the counts next to what it reveals first, and gives up at the first
 * count found narrow (most tries fail: 2 032 of 2 357 in the 1 M rows benchmark's young_adults). Only
 * the PRUNE_TRIES largest are tried: they are the ones worth publishing, and a breakdown's many small
 * cells would otherwise cost more than all the rest of the protection.
 */
const PRUNE_TRIES = 3;
function* prune(p: Part, withheld: Uint8Array, hidden: Uint8Array, range: (Range | undefined)[], stale: Uint8Array): Task<void> {
  const { c, threshold: t } = p;
  const secondary = indices(withheld).filter((u) => !p.withheld[u]);
  if (secondary.length < 2) return;
  secondary.sort((a, b) => p.cost[b] - p.cost[a] || a - b);
  for (const u of secondary.slice(0, PRUNE_TRIES)) {
    const trial = withheld.slice();
    trial[u] = 0;
    const revealed = p.unitCounts[u].filter((i) => hidden[i]);
    const still = hidden.slice();
    for (const i of revealed) still[i] = 0;
    const seeds = new Set<number>();
    for (const r of revealed) for (const j of neighbours(c, r)) if (still[j]) seeds.add(j);
    const targets = linked(c, still, [...seeds].sort((a, b) => a - b)).sort((a, b) => a - b);
    const exact = new Set<number>();
    const got = yield* widthsTask(c, still, targets, t, { exact, untilNarrow: true, witnesses: p.witnesses });
    if (got.size < targets.length || ![...got.values()].every((r) => wide(r, t))) continue;
    withheld.set(trial);
    hidden.set(still);
    for (const i of revealed) {
      range[i] = undefined;
      stale[i] = 0;
    }
    for (const [i, r] of got) {
      range[i] = r;
      stale[i] = exact.has(i) ? 0 : 1;
    }
  }
}

function indices(mask: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i]) out.push(i);
  return out;
}
