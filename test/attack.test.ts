// The attacker (pipeline/withhold/attacker.ts): hand-computed ranges, sdcTable's leak through combinations of
// rows and columns, integer rounding, validation, and the stacking of many LPs into one (pipeline/withhold/lp.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attack, audit, rangesTask, widthsTask, wide } from "../pipeline/withhold/attacker.js";
import { compile, drive, linked, lpSolver, rowsOver, touching, type Block, type Count, type Relation } from "../pipeline/withhold/lp.js";
import { Intervals } from "../pipeline/withhold/intervals.js";
import { withholdUnits } from "../pipeline/withhold/secondary.js";

const sum = (parts: string[], total: string): Relation => ({
  terms: [...parts.map((id) => [id, 1] as const), [total, -1] as const],
  op: "=",
  rhs: 0
});
const atMost = (a: string, b: string): Relation => ({ terms: [[a, 1], [b, -1]], op: "<=", rhs: 0 });
const kmt = (prefix: string, k: number, m: number): Count[] => [
  { id: `${prefix}K`, value: k },
  { id: `${prefix}M`, value: m },
  { id: `${prefix}T`, value: k + m }
];

describe("attack: hand-computed ranges", () => {
  const counts = kmt("", 2, 10);
  const relations = [sum(["K", "M"], "T")];

  it("a count withheld alone beside its total and the other gender is known exactly", async () => {
    expect(await attack(counts, new Set(["K"]), relations)).toEqual(new Map([["K", { lo: 2, hi: 2 }]]));
  });

  it("K and M withheld under a published total T = 12 can each be anything in 0..12", async () => {
    expect(await attack(counts, new Set(["K", "M"]), relations)).toEqual(
      new Map([
        ["K", { lo: 0, hi: 12 }],
        ["M", { lo: 0, hi: 12 }]
      ])
    );
  });

  it("with the total withheld too nothing bounds them from above", async () => {
    const ranges = await attack(counts, new Set(["K", "M", "T"]), relations);
    for (const id of ["K", "M", "T"]) expect(ranges.get(id)).toEqual({ lo: 0, hi: Infinity });
  });

  it("numerators ≤ denominators narrow a sum: L_K + L_M = 9, L_K ≤ 7, L_M ≤ 5", async () => {
    // L_K = 9 − L_M ≥ 9 − 5 = 4 and L_K ≤ 7; L_M = 9 − L_K ∈ [2, 5].
    const all: Count[] = [...kmt("L", 5, 4), ...kmt("R", 7, 5)];
    const rel = [sum(["LK", "LM"], "LT"), atMost("LK", "RK"), atMost("LM", "RM"), atMost("LT", "RT")];
    expect(await attack(all, new Set(["LK", "LM"]), rel)).toEqual(
      new Map([
        ["LK", { lo: 4, hi: 7 }],
        ["LM", { lo: 2, hi: 5 }]
      ])
    );
  });

  it("rounds LP bounds inwards to integers: 20 person-months of persons with 1..12 months each", async () => {
    // R ≤ Q = 20 and Q ≤ 12 R, so R ≥ 20/12 = 1.67: at least 2 persons.
    const all: Count[] = [
      { id: "R", value: 3 },
      { id: "Q", value: 20 }
    ];
    const rel: Relation[] = [atMost("R", "Q"), { terms: [["Q", 1], ["R", -12]], op: "<=", rhs: 0 }];
    expect(await attack(all, new Set(["R"]), rel)).toEqual(new Map([["R", { lo: 2, hi: 20 }]]));
    // 3x ≤ 10 with x hidden: x ≤ 3.33, so x ≤ 3.
    const x: Count[] = [{ id: "x", value: 1 }];
    const third: Relation = { terms: [["x", 3]], op: "<=", rhs: 10 };
    expect(await attack(x, new Set(["x"]), [third])).toEqual(new Map([["x", { lo: 0, hi: 3 }]]));
  });

  it("a hidden count in no relation, and repeated terms of one count, are handled", async () => {
    const all: Count[] = [
      { id: "a", value: 4 },
      { id: "b", value: 6 },
      { id: "lone", value: 1 }
    ];
    // a + a − a + b = 10 is a + b = 10.
    const rel: Relation[] = [{ terms: [["a", 1], ["a", 1], ["a", -1], ["b", 1]], op: "=", rhs: 10 }];
    expect(await attack(all, new Set(["a", "lone"]), rel)).toEqual(
      new Map([
        ["a", { lo: 4, hi: 4 }],
        ["lone", { lo: 0, hi: Infinity }]
      ])
    );
    expect(await attack(all, new Set(), rel)).toEqual(new Map());
  });
});

// sdcTable's test of its SIMPLEHEURISTIC (sdcTools/sdcTable, tests/testthat/test-simpleheuristic.R):
// a 4×4 table (rows w..z, columns a..d) with margins where 9 cells are withheld, at least two in
// every row and column, and still w|b = 47 follows exactly: rows w + x give
// wa + wb + wc + xa + xc = (230 + 250) − (89 + 124 + 31) = 236, columns a + c give
// wa + xa + wc + xc = (1012 + 779) − (92 + 59 + 800 + 651) = 189, so wb = 236 − 189 = 47.
// sdcTable adds x|b and its attack() then gives w|b ∈ [0, 141]. (The R file also states column
// totals a = 1021 and c = 770, but makeProblem() sums the inner cells, which give 1012 and 779.)
const sdcRows = ["w", "x", "y", "z"];
const sdcCols = ["a", "b", "c", "d"];
const sdcInner: Record<string, number[]> = {
  w: [30, 47, 64, 89],
  x: [90, 124, 5, 31],
  y: [92, 100, 59, 85],
  z: [800, 991, 651, 685]
};
function sdcTable(): { counts: Count[]; relations: Relation[] } {
  const counts: Count[] = [];
  for (const r of sdcRows) sdcCols.forEach((c, j) => counts.push({ id: `${r}${c}`, value: sdcInner[r][j] }));
  for (const r of sdcRows) counts.push({ id: `${r}.`, value: sdcInner[r].reduce((a, b) => a + b) });
  sdcCols.forEach((c, j) => counts.push({ id: `.${c}`, value: sdcRows.reduce((a, r) => a + sdcInner[r][j], 0) }));
  counts.push({ id: "..", value: sdcRows.reduce((a, r) => a + sdcInner[r].reduce((x, y) => x + y), 0) });
  const relations: Relation[] = [];
  for (const r of [...sdcRows, "."]) relations.push(sum(sdcCols.map((c) => `${r}${c}`), `${r}.`));
  for (const c of [...sdcCols, "."]) relations.push(sum(sdcRows.map((r) => `${r}${c}`), `.${c}`));
  return { counts, relations };
}
const sdcPrimaries = ["wa", "wb", "wc", "xa", "xc", "yb", "yd", "zb", "zd"];

describe("attack: sdcTable's 4×4 table", () => {
  const { counts, relations } = sdcTable();

  it("has the margins the R test states (apart from the two it gets wrong)", () => {
    const v = new Map(counts.map((k) => [k.id, k.value]));
    expect([v.get("w."), v.get("x."), v.get("y."), v.get("z."), v.get(".b"), v.get(".d"), v.get("..")]).toEqual([
      230, 250, 336, 3127, 1262, 890, 3943
    ]);
  });

  it("two withheld cells per row and column still leak w|b = 47 exactly", async () => {
    const ranges = await attack(counts, new Set(sdcPrimaries), relations);
    expect(ranges.get("wb")).toEqual({ lo: 47, hi: 47 });
    const result = await audit(counts, new Set(sdcPrimaries), relations, 3);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([{ id: "wb", value: 47, range: { lo: 47, hi: 47 } }]);
  });

  it("withholding x|b as well gives sdcTable's bounds for w|b: 0 and 141", async () => {
    const hidden = new Set([...sdcPrimaries, "xb"]);
    const ranges = await attack(counts, hidden, relations);
    expect(ranges.get("wb")).toEqual({ lo: 0, hi: 141 });
    // x|b: rows w + x give wb + xb = 360 − 189 = 171, so xb ∈ [171 − 141, 171].
    expect(ranges.get("xb")).toEqual({ lo: 30, hi: 171 });
    expect((await audit(counts, hidden, relations, 3)).ok).toBe(true);
  });

  it("withholdUnits() finds the leak and closes it with the cheapest cell that helps: w|d = 89", async () => {
    // Candidates for w|b are the published cells of row w and column b: w|d (89), x|b (124) and the
    // margins. Withholding w|d: rows w + x give wb + wd = 325 − 189 = 136, so w|b ∈ [0, 136].
    const units = counts.map((k) => ({ id: k.id, counts: [k.id], primary: sdcPrimaries.includes(k.id) }));
    const result = await withholdUnits({ counts, units, relations, threshold: 3 });
    expect([...result.withheld].sort()).toEqual([...sdcPrimaries, "wd"].sort());
    expect(result.secondary).toBe(1);
    expect(result.ranges.get("wb")).toEqual({ lo: 0, hi: 136 });
    expect(result.ranges.get("wd")).toEqual({ lo: 0, hi: 136 });
    expect(result.ranges).toEqual(await attack(counts, result.hidden, relations));
  });
});

describe("audit: the protection's points as witnesses", () => {
  const ok = async (...a: Parameters<typeof audit>) => (await audit(...a)).failures;

  it("believes a witness only where it holds: hidden counts only, none negative, every relation kept", async () => {
    // K = 2 withheld beside published M = 10 and T = 12: K is known exactly, whatever a witness claims
    const counts = kmt("", 2, 10);
    const relations = [sum(["K", "M"], "T")];
    const leak = [{ id: "K", value: 2, range: { lo: 2, hi: 2 } }];
    expect(await ok(counts, new Set(["K"]), relations, 3)).toEqual(leak);
    for (const forged of [[["K", 20]], [["K", 20], ["T", 30]], [["K", 20], ["M", -8]], [["X", 1]], []] as const) {
      expect(await ok(counts, new Set(["K"]), relations, 3, [forged]), JSON.stringify(forged)).toEqual(leak);
    }
    // K = M = 2 withheld under T = 4: each in 0..4, not wider than a threshold of 4 — a negative K would
    // let M reach 5
    const small = kmt("", 2, 2);
    const narrow = await ok(small, new Set(["K", "M"]), relations, 4);
    expect(narrow.map((f) => f.id).sort()).toEqual(["K", "M"]);
    expect(await ok(small, new Set(["K", "M"]), relations, 4, [[["K", -1], ["M", 5]]])).toEqual(narrow);
  });

  it("shows counts wide from a verified witness: the range it witnesses, within the attacker's", async () => {
    // K = 2, M = 10 withheld under T = 12: the witness K = 12, M = 0 holds, and shows both wide
    const counts = kmt("", 2, 10);
    const relations = [sum(["K", "M"], "T")];
    const result = await audit(counts, new Set(["K", "M"]), relations, 3, [[["K", 12], ["M", 0]]]);
    expect(result.ok).toBe(true);
    expect(result.ranges).toEqual(new Map([["K", { lo: 2, hi: 12 }], ["M", { lo: 0, hi: 10 }]]));
    // a witness that breaks K + M = T by a hair beyond the LP's tolerance is not believed: the search's own ranges
    const searched = await audit(counts, new Set(["K", "M"]), relations, 3, [[["K", 12.001], ["M", 0]]]);
    expect(searched.ok).toBe(true);
    expect(searched.ranges).toEqual(await audit(counts, new Set(["K", "M"]), relations, 3).then((r) => r.ranges));
  });
});

describe("attack: validation", () => {
  const counts = kmt("", 2, 10);
  it("rejects relations that the true values break, unknown ids and bad values", async () => {
    await expect(attack(counts, new Set(["K"]), [sum(["K", "M"], "M")])).rejects.toThrow(/relation does not hold/);
    await expect(attack(counts, new Set(["K"]), [sum(["K", "X"], "T")])).rejects.toThrow("unknown count in relation: X");
    await expect(attack(counts, new Set(["X"]), [])).rejects.toThrow("unknown hidden count: X");
    await expect(attack([...counts, { id: "K", value: 1 }], new Set(), [])).rejects.toThrow("duplicate count id: K");
    await expect(attack([{ id: "a", value: 1.5 }], new Set(), [])).rejects.toThrow("invalid count value: a=1.5");
    await expect(attack([{ id: "a", value: -1 }], new Set(), [])).rejects.toThrow("invalid count value: a=-1");
    await expect(audit(counts, new Set(), [], -1)).rejects.toThrow("invalid threshold: -1");
  });
});

describe("attack: stacked LPs", () => {
  it("solves stacked blocks as if alone, and tells which of them is infeasible", async () => {
    const lp = await lpSolver();
    // minimise x0 subject to x0 + x1 = rhs, x1 ≤ 3 (colHi); infeasible when rhs < 0.
    const block = (rhs: number, sign: number): Block => ({
      shape: {
        numCols: 2,
        colLo: [0, 0],
        colHi: [Infinity, 3],
        rowStart: [0, 2],
        rowIdx: [0, 1],
        rowVal: [1, 1],
        rowLo: [rhs],
        rowHi: [rhs]
      },
      costIdx: [0],
      costVal: [sign],
      ...(sign < 0 ? { capCol: 0, cap: 1e9 } : {})
    });
    const solved = lp.solve([block(10, 1), block(-1, 1), block(10, -1), block(2, 1)]);
    expect(solved.map((s) => s.ok)).toEqual([true, false, true, true]);
    expect(solved[0].x[0]).toBeCloseTo(7, 9);
    expect(solved[2].x[0]).toBeCloseTo(10, 9);
    expect(solved[3].x[0]).toBeCloseTo(0, 9);
  });

  it("many independent K/M/T blocks attacked together give what each gives alone", async () => {
    const block = fc.record({
      k: fc.nat(30),
      m: fc.nat(30),
      l: fc.nat(30),
      hide: fc.subarray(["K", "M", "T", "LK", "LM", "LT"], { minLength: 1 })
    });
    await fc.assert(
      fc.asyncProperty(fc.array(block, { minLength: 1, maxLength: 40 }), async (blocks) => {
        const all: Count[] = [];
        const rel: Relation[] = [];
        const hidden = new Set<string>();
        const alone: Map<string, { lo: number; hi: number }>[] = [];
        for (const [b, x] of blocks.entries()) {
          const lk = Math.min(x.l, x.k);
          const lm = Math.min(Math.max(x.l - lk, 0), x.m);
          const counts = [...kmt(`${b}/`, x.k, x.m), ...kmt(`${b}/L`, lk, lm)];
          const relations = [
            sum([`${b}/K`, `${b}/M`], `${b}/T`),
            sum([`${b}/LK`, `${b}/LM`], `${b}/LT`),
            ...["K", "M", "T"].map((g) => atMost(`${b}/L${g}`, `${b}/${g}`))
          ];
          const mine = new Set(x.hide.map((h) => `${b}/${h}`));
          alone.push(await attack(counts, mine, relations));
          all.push(...counts);
          rel.push(...relations);
          for (const id of mine) hidden.add(id);
        }
        const together = await attack(all, hidden, rel);
        expect(together).toEqual(new Map(alone.flatMap((m) => [...m])));
      }),
      { numRuns: 30 }
    );
  });
});

describe("attack: widths, only as exact as deciding wide needs", () => {
  // blocks of K/M/T with long-term L ≤ R and a two-category breakdown R = A + B per gender: components
  // of up to 15 hidden counts, so the spread points (SPREAD_FROM targets) are used too
  const table = fc.array(
    fc.record({
      a: fc.tuple(fc.nat(12), fc.nat(12)),
      b: fc.tuple(fc.nat(12), fc.nat(12)),
      l: fc.tuple(fc.nat(12), fc.nat(12)),
      hide: fc.subarray(["K", "M", "T", "LK", "LM", "LT", "AK", "AM", "AT", "BK", "BM", "BT"], { minLength: 1 })
    }),
    { minLength: 1, maxLength: 6 }
  );
  type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;
  const build = (blocks: Table) => {
    const counts: Count[] = [];
    const relations: Relation[] = [];
    const hidden: string[] = [];
    for (const [b, x] of blocks.entries()) {
      const [ak, am] = x.a;
      const [bk, bm] = x.b;
      const k = ak + bk;
      const m = am + bm;
      counts.push(...kmt(`${b}/`, k, m), ...kmt(`${b}/A`, ak, am), ...kmt(`${b}/B`, bk, bm), ...kmt(`${b}/L`, Math.min(x.l[0], k), Math.min(x.l[1], m)));
      for (const f of ["", "A", "B", "L"]) relations.push(sum([`${b}/${f}K`, `${b}/${f}M`], `${b}/${f}T`));
      for (const g of ["K", "M", "T"]) relations.push(sum([`${b}/A${g}`, `${b}/B${g}`], `${b}/${g}`), atMost(`${b}/L${g}`, `${b}/${g}`));
      hidden.push(...x.hide.map((h) => `${b}/${h}`));
    }
    return { counts, relations, hidden: new Set(hidden) };
  };
  const widths = async (t: ReturnType<typeof build>, threshold: number, untilNarrow = false, solveOnly?: string[]) => {
    const c = compile(t.counts, t.relations);
    const unknown = new Uint8Array(c.ids.length);
    for (const id of t.hidden) unknown[c.index.get(id)!] = 1;
    const targets = [...t.hidden].map((id) => c.index.get(id)!).sort((a, b) => a - b);
    const only = solveOnly && new Set(solveOnly.map((id) => c.index.get(id)!));
    const [got] = drive(await lpSolver(), [widthsTask(c, unknown, targets, threshold, { untilNarrow, solveOnly: only })]);
    return new Map([...got].map(([i, r]) => [c.ids[i], r]));
  };

  it("says wide exactly where the exact ranges are wide, each range within the exact one", async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.integer({ min: 0, max: 5 }), async (blocks, threshold) => {
        const t = build(blocks);
        const exact = await attack(t.counts, t.hidden, t.relations);
        const got = await widths(t, threshold);
        expect([...got.keys()].sort()).toEqual([...exact.keys()].sort());
        for (const [id, r] of got) {
          const e = exact.get(id)!;
          expect(wide(r, threshold)).toBe(wide(e, threshold));
          expect(r.lo).toBeGreaterThanOrEqual(e.lo);
          expect(r.hi).toBeLessThanOrEqual(e.hi);
          if (!wide(r, threshold)) expect(r).toEqual(e); // a narrow range is exact
        }
      }),
      { numRuns: 40 }
    );
  });

  it("untilNarrow stops with a narrow count when there is one; solveOnly returns the others only when shown wide", async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.integer({ min: 0, max: 5 }), async (blocks, threshold) => {
        const t = build(blocks);
        const exact = await attack(t.counts, t.hidden, t.relations);
        const anyNarrow = [...exact.values()].some((r) => !wide(r, threshold));
        const stopped = await widths(t, threshold, true);
        expect([...stopped.values()].some((r) => !wide(r, threshold)) || stopped.size < exact.size).toBe(anyNarrow);
        const first = [...t.hidden].sort()[0];
        const only = await widths(t, threshold, false, [first]);
        expect(only.get(first)).toBeDefined();
        // the others: shown wide by the witnesses, or exact where they need no LP (alone in their component)
        for (const [id, r] of only) if (id !== first) expect(wide(r, threshold) || JSON.stringify(r) === JSON.stringify(exact.get(id))).toBe(true);
      }),
      { numRuns: 40 }
    );
  });

  it("interval reasoning bounds every exact range from outside, and the counts it shows narrow are narrow", async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.integer({ min: 0, max: 5 }), async (blocks, threshold) => {
        const t = build(blocks);
        const exact = await attack(t.counts, t.hidden, t.relations);
        const c = compile(t.counts, t.relations);
        const unknown = new Uint8Array(c.ids.length);
        for (const id of t.hidden) unknown[c.index.get(id)!] = 1;
        const seen = new Uint8Array(c.ids.length);
        for (const id of [...t.hidden].sort()) {
          const members = linked(c, unknown, [c.index.get(id)!], seen);
          if (members.length === 0) continue;
          const iv = new Intervals(c, unknown, members);
          members.forEach((g, l) => {
            const outer = iv.range(l);
            const e = exact.get(c.ids[g])!;
            expect(outer.lo).toBeLessThanOrEqual(e.lo);
            expect(outer.hi).toBeGreaterThanOrEqual(e.hi);
          });
        }
        // widthsTask's narrow: those get no range and are narrow; every other target gets its range
        const targets = [...t.hidden].map((id) => c.index.get(id)!).sort((a, b) => a - b);
        const narrow = new Set<number>();
        const [got] = drive(await lpSolver(), [widthsTask(c, unknown, targets, threshold, { narrow })]);
        for (const i of targets) {
          const e = exact.get(c.ids[i])!;
          if (narrow.has(i)) {
            expect(got.has(i)).toBe(false);
            expect(wide(e, threshold)).toBe(false);
          } else expect(wide(got.get(i)!, threshold)).toBe(wide(e, threshold));
        }
      }),
      { numRuns: 60 }
    );
  });

  it("the points interval reasoning finds satisfy every relation; ranges with points at both outer bounds are the LP's", async () => {
    let found = 0;
    await fc.assert(
      fc.asyncProperty(table, fc.integer({ min: 0, max: 5 }), async (blocks, threshold) => {
        const t = build(blocks);
        const c = compile(t.counts, t.relations);
        const unknown = new Uint8Array(c.ids.length);
        for (const id of t.hidden) unknown[c.index.get(id)!] = 1;
        const seen = new Uint8Array(c.ids.length);
        const lp = await lpSolver();
        for (const id of [...t.hidden].sort()) {
          const members = linked(c, unknown, [c.index.get(id)!], seen);
          if (members.length === 0) continue;
          const iv = new Intervals(c, unknown, members);
          // the LP's own bounds of every member, solved here without interval reasoning
          const shape = { numCols: members.length, colLo: members.map(() => 0), colHi: members.map(() => Infinity), ...rowsOver(c, members, touching(c, members), false) };
          const solved = lp.solve(members.flatMap((_, col): Block[] => [
            { shape, costIdx: [col], costVal: [1] },
            { shape, costIdx: [col], costVal: [-1], capCol: col, cap: c.cap }
          ]));
          const value = new Map(t.counts.map((k) => [k.id, k.value]));
          for (const [col, g] of members.entries()) {
            const min = solved[2 * col].x[col];
            const max = solved[2 * col + 1].x[col];
            expect(iv.lo[col]).toBeLessThanOrEqual(min + 1e-6);
            expect(iv.hi[col]).toBeGreaterThanOrEqual(max - 1e-6);
            for (const x of [iv.lo[col], iv.hi[col], c.values[g] + threshold + 1]) {
              if (!Number.isFinite(x)) continue;
              const point = iv.pointWith(col, x);
              if (!point) continue;
              found++;
              expect(point[col]).toBeCloseTo(x, 9);
              // every relation holds at the point, the published counts at their values
              const at = (cid: string) => (members.includes(c.index.get(cid)!) ? point[members.indexOf(c.index.get(cid)!)] : value.get(cid)!);
              for (const r of t.relations) {
                const lhs = r.terms.reduce((sum, [cid, coef]) => sum + coef * at(cid), 0);
                if (r.op === "=") expect(lhs).toBeCloseTo(r.rhs, 6);
                else if (r.op === "<=") expect(lhs).toBeLessThanOrEqual(r.rhs + 1e-6);
                else expect(lhs).toBeGreaterThanOrEqual(r.rhs - 1e-6);
              }
              for (const v of point) expect(v).toBeGreaterThanOrEqual(0);
            }
          }
          // rangesTask (points first, LPs where they fail) gives the LP's ranges
          const targets = members.filter((g) => t.hidden.has(c.ids[g]));
          const [ranges] = drive(lp, [rangesTask(c, unknown, targets)]);
          for (const g of targets) {
            const col = members.indexOf(g);
            const max = solved[2 * col + 1].x[col];
            expect(ranges.get(g)).toEqual({ lo: Math.max(0, Math.ceil(solved[2 * col].x[col] - 1e-6)), hi: max >= c.cap * (1 - 1e-9) ? Infinity : Math.floor(max + 1e-6) });
          }
        }
      }),
      { numRuns: 60 }
    );
    expect(found).toBeGreaterThan(100); // the search finds points, not only nulls
  });

  it("a hand-computed case: K hidden beside published M and T is pinned; K and M under T = 12 are 0..12", () => {
    const c = compile([...kmt("", 2, 10), ...kmt("A", 5, 1)], [sum(["K", "M"], "T"), sum(["AK", "AM"], "AT"), atMost("AT", "T")]);
    const only = (ids: string[]) => {
      const unknown = new Uint8Array(c.ids.length);
      for (const id of ids) unknown[c.index.get(id)!] = 1;
      const members = ids.map((id) => c.index.get(id)!);
      const iv = new Intervals(c, unknown, members);
      return ids.map((_, l) => iv.range(l));
    };
    expect(only(["K"])).toEqual([{ lo: 2, hi: 2 }]);
    expect(only(["K", "M"])).toEqual([{ lo: 0, hi: 12 }, { lo: 0, hi: 12 }]);
    // AT ≤ T = 12 bounds the hidden total of A, and through it AK and AM
    expect(only(["AK", "AM", "AT"])).toEqual([{ lo: 0, hi: 12 }, { lo: 0, hi: 12 }, { lo: 0, hi: 12 }]);
    // nothing bounds T from above once K, M and T are all hidden (AT ≤ T only from below)
    expect(only(["K", "M", "T"])[2]).toEqual({ lo: 6, hi: Infinity });
  });

  it("a component whose relations involve no published count is homogeneous: every multiple of the table is a point", () => {
    const c = compile([...kmt("", 2, 10), ...kmt("A", 5, 1)], [sum(["K", "M"], "T"), sum(["AK", "AM"], "AT"), atMost("AT", "T")]);
    const of = (ids: string[]) => {
      const unknown = new Uint8Array(c.ids.length);
      for (const id of ids) unknown[c.index.get(id)!] = 1;
      return new Intervals(c, unknown, ids.map((id) => c.index.get(id)!));
    };
    expect(of(["K", "M", "T", "AK", "AM", "AT"]).homogeneous).toBe(true);
    // with A published, AT ≤ T bounds T below by 6: not a cone
    expect(of(["K", "M", "T"]).homogeneous).toBe(false);
    expect(of(["AK", "AM", "AT"]).homogeneous).toBe(false);
  });
});
