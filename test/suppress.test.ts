// Primary and secondary withholding (pipeline/withhold/secondary.ts): hand-computed cases, properties on
// random tables checked against an independent brute-force attacker, and a national-scale benchmark.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attack, audit, type Range, type Witness } from "../pipeline/withhold/attacker.js";
import type { Count, Relation } from "../pipeline/withhold/lp.js";
import { withholdUnits, type Problem, type Withheld, type Unit } from "../pipeline/withhold/secondary.js";

const T = 3;
const sum = (parts: string[], total: string): Relation => ({
  terms: [...parts.map((id) => [id, 1] as const), [total, -1] as const],
  op: "=",
  rhs: 0
});
const atMost = (a: string, b: string): Relation => ({ terms: [[a, 1], [b, -1]], op: "<=", rhs: 0 });
const genders = ["K", "M", "T"] as const;

/** One row per count, primary when the count is in 1..threshold. */
function rowPerCount(counts: Count[], threshold = T): Unit[] {
  return counts.map((k) => ({ id: `row:${k.id}`, counts: [k.id], primary: k.value >= 1 && k.value <= threshold }));
}

/**
 * Recipients (R) and long-term recipients (L) by gender as a report shows them: a `recipients` row
 * per gender showing R, a `long_term_share` row per gender showing L and R, primary when its
 * denominator is in 1..9. Relations: K + M = T for both, and L ≤ R.
 */
function recipients(prefix: string, r: [number, number], l: [number, number]): Problem {
  const R = [r[0], r[1], r[0] + r[1]];
  const L = [l[0], l[1], l[0] + l[1]];
  const counts: Count[] = [];
  const units: Unit[] = [];
  const relations = [sum([`${prefix}RK`, `${prefix}RM`], `${prefix}RT`), sum([`${prefix}LK`, `${prefix}LM`], `${prefix}LT`)];
  genders.forEach((g, i) => {
    counts.push({ id: `${prefix}R${g}`, value: R[i] }, { id: `${prefix}L${g}`, value: L[i] });
    relations.push(atMost(`${prefix}L${g}`, `${prefix}R${g}`));
    units.push(
      { id: `${prefix}recipients/${g}`, counts: [`${prefix}R${g}`], primary: false },
      { id: `${prefix}long_term_share/${g}`, counts: [`${prefix}L${g}`, `${prefix}R${g}`], primary: R[i] >= 1 && R[i] < 10 }
    );
  });
  return { counts, units, relations, threshold: T };
}

/** An r × c table with row totals, column totals and the grand total; cell (i, j) is `i,j`. */
function table(inner: number[][], threshold = T): Problem {
  const r = inner.length;
  const c = inner[0].length;
  const full = inner.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  full.push(full[0].map((_, j) => full.reduce((a, row) => a + row[j], 0)));
  const counts = full.flatMap((row, i) => row.map((value, j) => ({ id: `${i},${j}`, value })));
  const relations: Relation[] = [];
  for (let i = 0; i <= r; i++) relations.push(sum(Array.from({ length: c }, (_, j) => `${i},${j}`), `${i},${c}`));
  for (let j = 0; j <= c; j++) relations.push(sum(Array.from({ length: r }, (_, i) => `${i},${j}`), `${r},${j}`));
  return { counts, units: rowPerCount(counts, threshold), relations, threshold };
}

function merge(...problems: Problem[]): Problem {
  return {
    counts: problems.flatMap((p) => p.counts),
    units: problems.flatMap((p) => p.units),
    relations: problems.flatMap((p) => p.relations),
    threshold: problems[0].threshold
  };
}

const sorted = (s: ReadonlySet<string>) => [...s].sort();

/** Counts K, M and T = K + M. */
const kmt = (k: number, m: number): Count[] => [
  { id: "K", value: k },
  { id: "M", value: m },
  { id: "T", value: k + m }
];
/** Withholds K, M and T, one row each, knowing K + M = T. */
const withholdKmt = (counts: Count[], units = rowPerCount(counts)) =>
  withholdUnits({ counts, units, relations: [sum(["K", "M"], "T")], threshold: T });

/** What withholdUnits() decided: the rows withheld, the counts hidden (where given), the secondaries and every range. */
function expectWithheld(result: Withheld, want: { withheld: string[]; hidden?: string[]; secondary: number; ranges: [string, Range][] }): void {
  expect(sorted(result.withheld)).toEqual(want.withheld);
  if (want.hidden) expect(sorted(result.hidden)).toEqual(want.hidden);
  expect(result.secondary).toBe(want.secondary);
  expect(result.ranges).toEqual(new Map(want.ranges));
}

describe("protect: hand-computed cases", () => {
  it("K = 2 (primary), M = 10, T = 12: M goes too (cheaper than T) and both lie in 0..12", async () => {
    const counts = kmt(2, 10);
    const result = await withholdKmt(counts);
    const ranges: [string, Range][] = [["K", { lo: 0, hi: 12 }], ["M", { lo: 0, hi: 12 }]];
    expectWithheld(result, { withheld: ["row:K", "row:M"], hidden: ["K", "M"], secondary: 1, ranges });
  });

  it("publishes zero cells: 0 is no small count, and a table without primaries stays whole", async () => {
    const whole = table([
      [0, 12],
      [7, 0]
    ]);
    const result = await withholdUnits(whole);
    expect(result.withheld.size).toBe(0);
    expect(result.secondary).toBe(0);
    // K = 0, M = 2, T = 2: M and T are small; K = 0 stays, and M = T is all anyone learns.
    const counts = kmt(0, 2);
    const units = rowPerCount(counts).map((u) => ({ ...u, primary: false })); // withholdUnits() finds 1..3 itself
    const small = await withholdKmt(counts, units);
    const ranges: [string, Range][] = [["M", { lo: 0, hi: Infinity }], ["T", { lo: 0, hi: Infinity }]];
    expectWithheld(small, { withheld: ["row:M", "row:T"], secondary: 0, ranges });
  });

  it("cascade: a share row withheld for its denominator hides its numerator, which then needs cover", async () => {
    // R = 8 + 20 = 28, L = 5 + 12 = 17. long_term_share/K is primary (8 < 10) and hides L_K = 5,
    // which L_T − L_M gives back. Cheapest candidate recipients/K (8) hides R_K, which does not help;
    // long_term_share/M (32) hides L_M: L_K + L_M = 17 with L_K ≤ 8 gives L_K ∈ [0, 8], L_M ∈ [9, 17].
    const p = recipients("", [8, 20], [5, 12]);
    const result = await withholdUnits(p);
    const ranges: [string, Range][] = [["LK", { lo: 0, hi: 8 }], ["LM", { lo: 9, hi: 17 }]];
    expectWithheld(result, { withheld: ["long_term_share/K", "long_term_share/M"], hidden: ["LK", "LM"], secondary: 1, ranges });
  });

  it("a single withheld cell of a 2 × 2 table needs the whole inner cycle (no single cell helps)", async () => {
    // 1 5 | 6        Withholding 1 alone, or with any one other cell, leaves it determined by its
    // 6 8 | 14       row or column. The cheapest change that keeps every margin moves the inner cycle
    // 7 13 | 20      (+4 −4 −4 +4), so all four inner cells go: a = 0,0 ∈ [max(0, 6 − 13, 7 − 14), min(6, 7)].
    const result = await withholdUnits(
      table([
        [1, 5],
        [6, 8]
      ])
    );
    const ranges: [string, Range][] = [["0,0", { lo: 0, hi: 6 }], ["0,1", { lo: 0, hi: 6 }], ["1,0", { lo: 1, hi: 7 }], ["1,1", { lo: 7, hi: 13 }]];
    expectWithheld(result, { withheld: ["row:0,0", "row:0,1", "row:1,0", "row:1,1"], secondary: 3, ranges });
  });

  it("everything goes when all counts are small: K = 1, M = 2, T = 3", async () => {
    const counts = kmt(1, 2);
    const result = await withholdKmt(counts);
    expect(result.withheld.size).toBe(3);
    for (const id of ["K", "M", "T"]) expect(result.ranges.get(id)).toEqual({ lo: 0, hi: Infinity });
  });

  it("everything goes when a withheld zero is pinned by published zeros", async () => {
    // No recipients at all, but the caller withholds the three shares (denominator 0 < 10): their
    // numerators 0 are pinned by L ≤ R = 0 until every recipients row is withheld as well.
    const p = recipients("", [0, 0], [0, 0]);
    const result = await withholdUnits({ ...p, units: p.units.map((u) => ({ ...u, primary: u.id.startsWith("long_term_share") })) });
    expect(result.withheld.size).toBe(6);
    expect(result.secondary).toBe(3);
    for (const id of ["RK", "RM", "RT", "LK", "LM", "LT"]) expect(result.ranges.get(id)).toEqual({ lo: 0, hi: Infinity });
  });

  it("refuses a count that no withholding can protect", async () => {
    const counts: Count[] = [{ id: "a", value: 2 }];
    const units: Unit[] = [{ id: "u", counts: ["a"], primary: true }];
    // a relation with a constant pins a whatever is withheld
    await expect(withholdUnits({ counts, units, relations: [{ terms: [["a", 1]], op: "=", rhs: 2 }], threshold: T })).rejects.toThrow(
      "cannot protect a"
    );
  });

  it("honours caller costs: with T cheap, T goes instead of M", async () => {
    const counts = kmt(2, 10);
    const units = rowPerCount(counts).map((u) => (u.id === "row:T" ? { ...u, cost: 1 } : u));
    const result = await withholdKmt(counts, units);
    expect(sorted(result.withheld)).toEqual(["row:K", "row:T"]);
    expect(result.ranges.get("K")).toEqual({ lo: 0, hi: Infinity });
  });

  it("rejects malformed problems", async () => {
    const counts: Count[] = [{ id: "a", value: 5 }];
    const ok: Unit = { id: "u", counts: ["a"], primary: false };
    await expect(withholdUnits({ counts, units: [ok, ok], relations: [], threshold: T })).rejects.toThrow("duplicate unit id: u");
    await expect(withholdUnits({ counts, units: [{ ...ok, counts: ["b"] }], relations: [], threshold: T })).rejects.toThrow(
      "unknown count in unit u: b"
    );
    await expect(withholdUnits({ counts, units: [], relations: [], threshold: T })).rejects.toThrow("count exposed by no unit: a");
    await expect(withholdUnits({ counts, units: [{ ...ok, cost: -1 }], relations: [], threshold: T })).rejects.toThrow(
      "invalid cost of unit u: -1"
    );
    await expect(withholdUnits({ counts, units: [ok], relations: [], threshold: Number.NaN })).rejects.toThrow(
      "invalid threshold: NaN"
    );
  });
});

// ------------------------------------------------------------------------------------------------
// An independent attacker for tiny tables: no LP, just integers. For each hidden count, the least
// and greatest value it takes in any integer table within [0, bound] that agrees with every published
// count and every relation, found by interval propagation and branching.

interface Linear {
  vars: number[];
  coefs: number[];
  lo: number;
  hi: number;
}

function bruteRanges(
  counts: readonly Count[],
  hidden: ReadonlySet<string>,
  relations: readonly Relation[],
  bound: number
): Map<string, Range> {
  const ids = counts.filter((k) => hidden.has(k.id)).map((k) => k.id);
  const at = new Map(ids.map((id, v) => [id, v]));
  const value = new Map(counts.map((k) => [k.id, k.value]));
  const rows: Linear[] = [];
  for (const r of relations) {
    const row: Linear = { vars: [], coefs: [], lo: r.op === "<=" ? -Infinity : r.rhs, hi: r.op === ">=" ? Infinity : r.rhs };
    for (const [id, coef] of r.terms) {
      const v = at.get(id);
      if (v === undefined) {
        row.lo -= coef * value.get(id)!;
        row.hi -= coef * value.get(id)!;
      } else {
        row.vars.push(v);
        row.coefs.push(coef);
      }
    }
    if (row.vars.length > 0) rows.push(row);
  }
  const propagate = (lo: number[], hi: number[]): boolean => {
    for (let changed = true; changed; ) {
      changed = false;
      for (const row of rows) {
        let min = 0;
        let max = 0;
        row.vars.forEach((v, k) => {
          const a = row.coefs[k];
          min += Math.min(a * lo[v], a * hi[v]);
          max += Math.max(a * lo[v], a * hi[v]);
        });
        if (min > row.hi || max < row.lo) return false;
        row.vars.forEach((v, k) => {
          const a = row.coefs[k];
          const restMin = min - Math.min(a * lo[v], a * hi[v]);
          const restMax = max - Math.max(a * lo[v], a * hi[v]);
          const [from, to] =
            a > 0 ? [(row.lo - restMax) / a, (row.hi - restMin) / a] : [(row.hi - restMin) / a, (row.lo - restMax) / a];
          const newLo = Math.max(lo[v], Math.ceil(from - 1e-9));
          const newHi = Math.min(hi[v], Math.floor(to + 1e-9));
          if (newLo !== lo[v] || newHi !== hi[v]) changed = true;
          lo[v] = newLo;
          hi[v] = newHi;
        });
        if (row.vars.some((v) => lo[v] > hi[v])) return false;
      }
    }
    return true;
  };
  const feasible = (lo: number[], hi: number[]): boolean => {
    if (!propagate(lo, hi)) return false;
    let pick = -1;
    for (let v = 0; v < ids.length; v++) if (lo[v] < hi[v] && (pick < 0 || hi[v] - lo[v] < hi[pick] - lo[pick])) pick = v;
    if (pick < 0) return true;
    const mid = Math.floor((lo[pick] + hi[pick]) / 2);
    const loA = lo.slice();
    const hiA = hi.slice();
    hiA[pick] = mid;
    if (feasible(loA, hiA)) return true;
    const loB = lo.slice();
    const hiB = hi.slice();
    loB[pick] = mid + 1;
    return feasible(loB, hiB);
  };
  const lo0 = ids.map(() => 0);
  const hi0 = ids.map(() => bound);
  if (!propagate(lo0, hi0)) throw new Error("brute force: the true table is infeasible");
  const fixed = (v: number, k: number) => {
    const lo = lo0.slice();
    const hi = hi0.slice();
    lo[v] = hi[v] = k;
    return feasible(lo, hi);
  };
  const out = new Map<string, Range>();
  ids.forEach((id, v) => {
    let lo = lo0[v];
    while (!fixed(v, lo)) lo++;
    let hi = hi0[v];
    while (!fixed(v, hi)) hi--;
    out.set(id, { lo, hi });
  });
  return out;
}

describe("the brute-force attacker", () => {
  it("finds what the hand-computed cases say", () => {
    const counts = kmt(2, 10);
    const rel = [sum(["K", "M"], "T")];
    expect(bruteRanges(counts, new Set(["K"]), rel, 40)).toEqual(new Map([["K", { lo: 2, hi: 2 }]]));
    expect(bruteRanges(counts, new Set(["K", "M"]), rel, 40).get("K")).toEqual({ lo: 0, hi: 12 });
    expect(bruteRanges(counts, new Set(["K", "M", "T"]), rel, 40).get("K")).toEqual({ lo: 0, hi: 40 });
    // the 2 × 2 table's inner cycle, as in the hand-computed withholdUnits() case above
    const p = table([
      [1, 5],
      [6, 8]
    ]);
    expect(bruteRanges(p.counts, new Set(["0,0", "0,1", "1,0", "1,1"]), p.relations, 60).get("1,1")).toEqual({ lo: 7, hi: 13 });
  });
});

/** (a)–(d) and more, for any problem and its protection. */
async function checkWithholding(p: Problem, result: Withheld, brute: boolean): Promise<void> {
  const t = p.threshold;
  const value = new Map(p.counts.map((k) => [k.id, k.value]));
  // (c) every primary unit is withheld
  for (const u of p.units) if (u.primary) expect(result.withheld.has(u.id), u.id).toBe(true);
  // hidden is exactly the counts whose every unit is withheld
  const shownBy = new Map<string, string[]>();
  for (const u of p.units) for (const id of u.counts) shownBy.set(id, [...(shownBy.get(id) ?? []), u.id]);
  for (const k of p.counts) expect(result.hidden.has(k.id), k.id).toBe(shownBy.get(k.id)!.every((u) => result.withheld.has(u)));
  // (d) published counts are never in 1..threshold
  for (const k of p.counts) if (!result.hidden.has(k.id)) expect(k.value === 0 || k.value > t, `${k.id}=${k.value}`).toBe(true);
  // a secondary unit hides something (no `..` next to the same figure printed elsewhere)
  for (const u of p.units) {
    if (!result.withheld.has(u.id) || u.primary || u.counts.some((id) => value.get(id)! >= 1 && value.get(id)! <= t)) continue;
    expect(u.counts.some((id) => result.hidden.has(id)), u.id).toBe(true);
  }
  // (a) the audit passes, and withholdUnits() reports the attacker's exact ranges of the final table;
  // the audit's are parts of them, each wider than the threshold (enough to prove it)
  const check = await audit(p.counts, result.hidden, p.relations, t);
  expect(check.failures).toEqual([]);
  expect(result.ranges).toEqual(await attack(p.counts, result.hidden, p.relations));
  for (const [id, r] of check.ranges) {
    const e = result.ranges.get(id)!;
    expect(r.lo >= e.lo && r.hi <= e.hi && r.hi - r.lo > t, `${id}: [${r.lo}, ${r.hi}] in [${e.lo}, ${e.hi}]`).toBe(true);
  }
  // the same audit, given the points the protection found as witnesses (as the reports' checker is):
  // the same verdict, its ranges parts of the exact ones too
  const witnesses: Witness[] = [];
  const again = await withholdUnits({ ...p, exactRanges: false, witnesses });
  expect([...again.withheld].sort()).toEqual([...result.withheld].sort());
  const helped = await audit(p.counts, again.hidden, p.relations, t, witnesses);
  expect(helped.failures).toEqual([]);
  expect([...helped.ranges.keys()].sort()).toEqual([...check.ranges.keys()].sort());
  for (const [id, r] of helped.ranges) {
    const e = result.ranges.get(id)!;
    expect(r.lo >= e.lo && r.hi <= e.hi && r.hi - r.lo > t, `witnessed ${id}: [${r.lo}, ${r.hi}] in [${e.lo}, ${e.hi}]`).toBe(true);
  }
  // (b) the brute-force attacker agrees and never pins a hidden count down to within the threshold
  if (!brute || result.hidden.size === 0) return;
  const bound = 2 * Math.max(...p.counts.map((k) => k.value)) + 2 * (t + 1);
  const exact = bruteRanges(p.counts, result.hidden, p.relations, bound);
  for (const [id, r] of exact) {
    expect(r.hi - r.lo, `${id}: [${r.lo}, ${r.hi}]`).toBeGreaterThan(t);
    const lp = result.ranges.get(id)!;
    expect(r.lo, id).toBe(lp.lo);
    if (lp.hi <= bound) expect(r.hi, id).toBe(lp.hi);
  }
}

describe("protect: properties on random tables", () => {
  // Values 0..14 so that small counts and small denominators occur often.
  const pair = fc.tuple(fc.nat(14), fc.nat(14));
  const group = fc.record({ r: pair, l: fc.tuple(fc.nat(14), fc.nat(14)) });

  it("1-D K/M/T blocks (recipients and long-term shares, a few municipalities)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(group, { minLength: 1, maxLength: 3 }), fc.array(fc.nat(17), { maxLength: 3 }), async (groups, extra) => {
        const blocks = groups.map((g, m) => recipients(`${m}/`, g.r, [Math.min(g.l[0], g.r[0]), Math.min(g.l[1], g.r[1])]));
        const p0 = merge(...blocks);
        // a few more primaries, as the caller may know of other reasons
        const p = { ...p0, units: p0.units.map((u, i) => (extra.includes(i) ? { ...u, primary: true } : u)) };
        const result = await withholdUnits(p);
        await checkWithholding(p, result, true);
      }),
      { numRuns: 120 }
    );
  });

  it("2-D tables with margins (2..3 × 2..3 inner cells)", async () => {
    const rows = (r: number, c: number) => fc.array(fc.array(fc.nat(9), { minLength: c, maxLength: c }), { minLength: r, maxLength: r });
    const inner = fc.integer({ min: 2, max: 3 }).chain((r) => fc.integer({ min: 2, max: 3 }).chain((c) => rows(r, c)));
    await fc.assert(
      fc.asyncProperty(inner, fc.array(fc.nat(15), { maxLength: 2 }), async (cells, extra) => {
        const p0 = table(cells);
        const p = { ...p0, units: p0.units.map((u, i) => (extra.includes(i) ? { ...u, primary: true } : u)) };
        const result = await withholdUnits(p);
        await checkWithholding(p, result, true);
      }),
      { numRuns: 120 }
    );
  });

  it("a larger threshold, and independent tables in one problem", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.array(fc.nat(20), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }), {
        minLength: 1,
        maxLength: 4
      }), async (tables) => {
        const parts = tables.map((cells, k) => {
          const p = table(cells, 5);
          const rename = (id: string) => `${k}:${id}`;
          return {
            counts: p.counts.map((c) => ({ ...c, id: rename(c.id) })),
            units: p.units.map((u) => ({ ...u, id: rename(u.id), counts: u.counts.map(rename) })),
            relations: p.relations.map((r) => ({ ...r, terms: r.terms.map(([id, a]) => [rename(id), a] as const) })),
            threshold: 5
          };
        });
        const p = merge(...parts);
        const result = await withholdUnits(p);
        await checkWithholding(p, result, false);
        // parts are independent: protecting them together changes nothing
        const alone = await Promise.all(parts.map((q) => withholdUnits(q)));
        expect(sorted(result.withheld)).toEqual(alone.flatMap((a) => [...a.withheld]).sort());
      }),
      { numRuns: 40 }
    );
  });
});

// ------------------------------------------------------------------------------------------------
// National scale: ~290 municipalities × 3 years × 7 target groups, one report per target group, each
// municipality-year a part of 22 counts and 16 rows as the report shows them.

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nationalReport(rand: () => number, share: number, populations: number[]): Problem {
  const counts: Count[] = [];
  const units: Unit[] = [];
  const relations: Relation[] = [];
  const binomial = (n: number, p: number) =>
    Math.max(0, Math.min(n, Math.round(n * p + (rand() - 0.5) * 2 * Math.sqrt(n * p * (1 - p) + 0.25))));
  populations.forEach((population, m) => {
    for (const year of [2022, 2023, 2024]) {
      const key = `${1000 + m}/${year}`;
      const total = Math.round(population * 0.045 * share * (0.7 + 0.6 * rand()));
      const rk = binomial(total, 0.46);
      const R = [rk, total - rk];
      const L = R.map((r) => binomial(r, 0.4)); // long-term recipients
      const Q = R.map((r) => Math.min(12 * r, Math.max(r, Math.round(r * (4 + 5 * rand()))))); // person-months
      const P = Q.map((q) => binomial(q, 0.95)); // person-months with a reason code
      const E = R.map((r) => binomial(r, 0.15)); // measure exits
      const W = E.map((e) => binomial(e, 0.4)); // exits to work or studies
      const family = (name: string, v: number[]) => {
        const all = [v[0], v[1], v[0] + v[1]];
        genders.forEach((g, i) => counts.push({ id: `${name}/${key}/${g}`, value: all[i] }));
        relations.push(sum([`${name}/${key}/K`, `${name}/${key}/M`], `${name}/${key}/T`));
        return all;
      };
      const r = family("R", R);
      family("L", L);
      const q = family("Q", Q);
      family("P", P);
      const e = family("E", E);
      family("W", W);
      counts.push({ id: `H/${key}/T`, value: Math.floor(q[2] * 0.7) }); // household-months
      relations.push(atMost(`H/${key}/T`, `Q/${key}/T`));
      genders.forEach((g, i) => {
        const id = (name: string) => `${name}/${key}/${g}`;
        relations.push(atMost(id("L"), id("R")), atMost(id("P"), id("Q")), atMost(id("W"), id("E")), atMost(id("R"), id("Q")));
        relations.push({ terms: [[id("Q"), 1], [id("R"), -12]], op: "<=", rhs: 0 });
        const below10 = (v: number) => v >= 1 && v < 10;
        units.push(
          { id: `recipients/${key}/${g}`, counts: [id("R")], primary: false },
          { id: `long_term_share/${key}/${g}`, counts: [id("L"), id("R")], primary: below10(r[i]) },
          { id: `reason_coded_share/${key}/${g}`, counts: [id("P"), id("Q")], primary: below10(q[i]) },
          { id: `measure_exits/${key}/${g}`, counts: [id("E")], primary: false },
          { id: `exit_work_studies_share/${key}/${g}`, counts: [id("W"), id("E")], primary: below10(e[i]) }
        );
      });
      units.push({ id: `amount_per_household_month/${key}/T`, counts: [`H/${key}/T`], primary: false });
    }
  });
  return { counts, units, relations, threshold: T };
}

describe("protect: national scale", () => {
  it("protects 7 reports × 290 municipalities × 3 years (timing printed, not asserted)", async () => {
    const rand = rng(20240101);
    // municipality sizes log-uniform between 2 500 and 1 000 000 inhabitants
    const populations = Array.from({ length: 290 }, () => Math.round(2500 * Math.pow(400, rand())));
    const shares = [1, 0.5, 0.12, 0.12, 0.2, 0.06, 0.35]; // all, unemployment, ill health, …
    const reports = shares.map((s) => nationalReport(rand, s, populations));
    const pass = async () => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      const results: Withheld[] = [];
      for (const report of reports) results.push(await withholdUnits(report));
      const used = process.cpuUsage(cpu);
      return { results, wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
    };
    const cold = await pass(); // first touch of every id string, JIT warm-up
    const warm = await pass();
    const { results } = cold;
    const parts = reports.length * populations.length * 3;
    const tally = (f: (p: Problem, r: Withheld) => number) => results.reduce((a, r, i) => a + f(reports[i], r), 0);
    const primaries = tally((p) => p.units.filter((u) => u.primary).length);
    const ms = (x: { wall: number; cpu: number }) => `${x.wall.toFixed(0)} ms wall, ${x.cpu.toFixed(0)} ms CPU`;
    console.log(
      `withholdUnits(): ${reports.length} reports, ${parts} municipality-years, ${tally((p) => p.units.length)} rows, ` +
        `${primaries} primary by denominator, ${tally((_, r) => r.withheld.size)} withheld ` +
        `(${tally((_, r) => r.secondary)} secondary), ${tally((_, r) => r.hidden.size)} hidden counts\n` +
        `  cold: ${ms(cold)}; warm: ${ms(warm)}`
    );
    expect(warm.results.map((r) => sorted(r.withheld))).toEqual(results.map((r) => sorted(r.withheld)));
    for (const [i, report] of reports.entries()) {
      const check = await audit(report.counts, results[i].hidden, report.relations, T);
      expect(check.failures).toEqual([]);
      for (const k of report.counts) if (!results[i].hidden.has(k.id)) expect(k.value === 0 || k.value > T).toBe(true);
    }
  });
});
