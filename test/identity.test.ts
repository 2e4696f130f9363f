// sql/macros/person_key.sql against the JS reference parseIdentity (pipeline/contract/identity.ts): every
// batch of values is checked in one set-based query, as the pipeline runs it.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../pipeline/db/connection.js";
import { makeFodselsnummer, makePersonnummer, parseIdentity } from "../pipeline/contract/identity.js";
import { installMacros, macroFiles } from "../pipeline/db/macros.js";

let db: Db;
beforeAll(async () => {
  db = await openDb(":memory:");
  await installMacros(db);
});
afterAll(() => db?.close());

interface Answer {
  norm: string | null;
  problem: string | null;
}

/** kas_person_norm / kas_person_problem for many (raw, year) pairs in one query. */
async function sqlParse(pairs: readonly (readonly [string | null, number | null])[]): Promise<Answer[]> {
  await db.run("CREATE OR REPLACE TEMP TABLE ids (i INTEGER, raw VARCHAR, yr INTEGER)");
  const appender = await db.conn.createAppender("ids");
  pairs.forEach(([raw, yr], i) => {
    appender.appendInteger(i);
    if (raw === null) appender.appendNull();
    else appender.appendVarchar(raw);
    if (yr === null) appender.appendNull();
    else appender.appendInteger(yr);
    appender.endRow();
  });
  appender.closeSync();
  return db.all<Answer>("SELECT kas_person_norm(raw, yr) AS norm, kas_person_problem(raw, yr) AS problem FROM ids ORDER BY i");
}

function reference(raw: string, year: number): Answer {
  const r = parseIdentity(raw, year);
  return r.ok ? { norm: r.normalised, problem: null } : { norm: null, problem: r.reason };
}

// Exactly what String.prototype.trim removes, and a few look-alikes that it keeps.
const jsWhitespace = ["\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff"];
const notWhitespace = ["\u0085", "\u180e", "\u200b", "\u0000", "_"];

const digit = fc.constantFrom(..."0123456789");
const year = fc.integer({ min: 1990, max: 2030 });
const birth = fc.record({ year: fc.integer({ min: 1880, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) });

/** A valid Swedish number (12 digits) in one of its notations, sometimes with a wrong check digit. */
const swedish = fc
  .tuple(birth, fc.integer({ min: 0, max: 999 }), fc.boolean(), fc.constantFrom("12", "12-", "12+", "10", "10-", "10+"), fc.integer({ min: 0, max: 9 }), fc.boolean())
  .map(([b, serial, coordination, notation, otherCheck, spoil]) => {
    let full = makePersonnummer(b, serial, coordination);
    if (spoil) full = full.slice(0, 11) + otherCheck;
    const digits = notation.startsWith("12") ? full : full.slice(2);
    const sep = notation.slice(2);
    return sep ? `${digits.slice(0, -4)}${sep}${digits.slice(-4)}` : digits;
  });

/** A valid Norwegian fødselsnummer or D-number, sometimes with one digit changed. */
const norwegian = fc
  .tuple(birth, fc.integer({ min: 0, max: 999 }), fc.boolean(), fc.integer({ min: 0, max: 10 }), digit)
  .map(([b, individual, dNumber, at, d]) => {
    const n = makeFodselsnummer(b, individual, dNumber);
    if (n === null) return `${String(b.day).padStart(2, "0")}${String(b.month).padStart(2, "0")}${b.year % 100}${individual}`;
    return at < 11 ? n.slice(0, at) + d + n.slice(at + 1) : n;
  });

const digits = fc.string({ unit: digit, minLength: 9, maxLength: 13 });
const digitsWithSeparator = fc
  .tuple(fc.string({ unit: digit, minLength: 4, maxLength: 9 }), fc.constantFrom("-", "+", " ", "--"), fc.string({ unit: digit, minLength: 3, maxLength: 5 }))
  .map(([a, s, b]) => a + s + b);
const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEFg"), minLength: 14, maxLength: 66 });
const garbage = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: fc.constantFrom(..."0123456789-+ aF", "\u00a0", "\u0660", "\uff11", "é"), maxLength: 16 })
);

/** Any of the above, sometimes wrapped in whitespace that JS trims or in characters it does not. */
const personId = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: swedish }, { weight: 2, arbitrary: norwegian }, { weight: 2, arbitrary: digits }, { weight: 1, arbitrary: digitsWithSeparator }, { weight: 2, arbitrary: hex }, { weight: 2, arbitrary: garbage }),
    fc.array(fc.constantFrom(...jsWhitespace, ...jsWhitespace, ...notWhitespace), { maxLength: 2 }),
    fc.array(fc.constantFrom(...jsWhitespace, ...notWhitespace), { maxLength: 2 }),
    fc.integer({ min: 0, max: 3 })
  )
  .map(([s, before, after, wrap]) => (wrap === 0 ? before.join("") + s + after.join("") : s));

describe("kas_person_norm / kas_person_problem equal parseIdentity", () => {
  it("for random identity numbers, digit strings, hex strings and garbage in every notation", async () => {
    let compared = 0;
    const seen = { ok: 0, format: 0, checksum: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(personId, year), { minLength: 100, maxLength: 400 }), async (pairs) => {
        const got = await sqlParse(pairs);
        pairs.forEach(([raw, yr], i) => {
          const want = reference(raw, yr);
          expect(got[i], JSON.stringify({ raw, yr })).toEqual(want);
          seen[want.problem === null ? "ok" : (want.problem as "format" | "checksum")]++;
        });
        compared += pairs.length;
      }),
      { numRuns: 60 }
    );
    // The generators must reach every outcome, or the comparison proves little.
    expect(compared).toBeGreaterThan(5000);
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(compared / 20);
  });

  it("gives one normalised value for every notation of one person, where the row year leaves no doubt", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.record({ year: fc.integer({ min: 1890, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) }), fc.integer({ min: 0, max: 999 }), fc.boolean(), fc.integer({ min: 0, max: 99 })),
          { minLength: 20, maxLength: 200 }
        ),
        async (people) => {
          const pairs: [string, number][] = [];
          const expected: string[] = [];
          for (const [b, serial, coordination, age] of people) {
            const full = makePersonnummer(b, serial, coordination);
            const ten = full.slice(2);
            const yr = Math.min(b.year + age, 2030); // the person is 0–99 that year
            const over100 = b.year + 100 + (age % 30); // and at least 100 in this one
            const notations: [string, number][] = [
              [full, yr],
              [`${full.slice(0, 8)}-${full.slice(8)}`, yr],
              [ten, yr],
              [`${ten.slice(0, 6)}-${ten.slice(6)}`, yr],
              [` ${ten.slice(0, 6)}-${ten.slice(6)}\n`, yr],
              [`${ten.slice(0, 6)}+${ten.slice(6)}`, over100],
              [`${full.slice(0, 8)}+${full.slice(8)}`, over100]
            ];
            for (const n of notations) {
              pairs.push(n);
              expected.push(`se:${full}`);
            }
          }
          const got = await sqlParse(pairs);
          got.forEach((g, i) => expect(g, JSON.stringify(pairs[i])).toEqual({ norm: expected[i], problem: null }));
          pairs.forEach(([raw, yr], i) => expect(reference(raw, yr).norm).toBe(expected[i]));
        }
      ),
      { numRuns: 20 }
    );
  });
});

describe("hand-checked identity numbers", () => {
  // Luhn by hand, weights 2,1,2,1,2,1,2,1,2 over YYMMDDNNN, a product ≥ 10 counting as its digit sum:
  //   811218-987: 8·2=16→7, 1, 1·2=2, 2, 1·2=2, 8, 9·2=18→9, 8, 7·2=14→5; sum 44 → check (10−4) = 6.
  //   121212-121: 2,2,2,2,2,2,2,2,2; sum 18 → check 2 (Skatteverket's "Tolvan" 121212-1212).
  //   701063-239 (samordningsnummer, day 03 + 60): 14→5, 0, 2, 0, 12→3, 3, 4, 3, 18→9; sum 29 → check 1.
  //   240101-123: 4, 4, 0, 1, 0, 1, 2, 2, 6; sum 20 → check 0.
  // Norway, k1 = 11 − (Σ w1·d mod 11), weights 3 7 6 1 8 9 4 5 2 (11 → 0, 10 → no valid number):
  //   010101123: 0+7+0+1+0+9+4+10+6 = 37 ≡ 4 → k1 = 7; k2 over 0101011237 with 5 4 3 2 7 6 5 4 3 2:
  //              0+4+0+2+0+6+5+8+9+14 = 48 ≡ 4 → k2 = 7: 01010112377.
  //   010101121: 37 − 2·3 + 2·1 = 33 ≡ 0 → k1 = 11 → 0; k2: 0+4+0+2+0+6+5+8+3+0 = 28 ≡ 6 → 5: 01010112105.
  //   410101123 (D-number, 4 added to the first digit): 37 + 12 = 49 ≡ 5 → k1 = 6;
  //              k2: 20+4+0+2+0+6+5+8+9+12 = 66 ≡ 0 → 11 → 0: 41010112360.
  //   010101127: 37 − 6 + 14 = 45 ≡ 1 → k1 = 10: no valid check digit, every completion is wrong.
  const cases: [string, number, Answer][] = [
    ["811218-9876", 2024, { norm: "se:198112189876", problem: null }],
    ["8112189876", 2024, { norm: "se:198112189876", problem: null }],
    ["19811218-9876", 2024, { norm: "se:198112189876", problem: null }],
    ["198112189876", 1990, { norm: "se:198112189876", problem: null }],
    ["811218-9877", 2024, { norm: null, problem: "checksum" }],
    ["19811218-9875", 2024, { norm: null, problem: "checksum" }],
    ["701063-2391", 2024, { norm: "se:197010632391", problem: null }],
    // a + person aged over 100: 1912, not 2012 or 1812
    ["121212+1212", 2024, { norm: "se:191212121212", problem: null }],
    ["121212-1212", 2024, { norm: "se:201212121212", problem: null }],
    // the century boundary: born '12 is 2012 in a 2012 row, 1912 in a 2011 row
    ["1212121212", 2012, { norm: "se:201212121212", problem: null }],
    ["1212121212", 2011, { norm: "se:191212121212", problem: null }],
    // exactly 100: + in 2024 means 1924; - means born this year
    ["240101+1230", 2024, { norm: "se:192401011230", problem: null }],
    ["240101-1230", 2024, { norm: "se:202401011230", problem: null }],
    ["240101+1230", 2023, { norm: "se:182401011230", problem: null }],
    // the century is given: the separator no longer matters
    ["19121212+1212", 2024, { norm: "se:191212121212", problem: null }],
    ["\u00a0811218-9876\ufeff", 2024, { norm: "se:198112189876", problem: null }],
    ["811218 9876", 2024, { norm: null, problem: "format" }],
    ["811218–9876", 2024, { norm: null, problem: "format" }], // en dash
    ["８１１２１８-９８７６", 2024, { norm: null, problem: "format" }], // full-width digits
    ["811218-98760", 2024, { norm: null, problem: "format" }],
    ["01010112377", 2024, { norm: "no:01010112377", problem: null }],
    ["01010112105", 2024, { norm: "no:01010112105", problem: null }],
    ["41010112360", 2024, { norm: "no:41010112360", problem: null }],
    ["01010112378", 2024, { norm: null, problem: "checksum" }],
    ["ABCDEF0123456789", 2024, { norm: "p:abcdef0123456789", problem: null }],
    ["abcdef012345678", 2024, { norm: null, problem: "format" }],
    ["a".repeat(64), 2024, { norm: `p:${"a".repeat(64)}`, problem: null }],
    ["a".repeat(65), 2024, { norm: null, problem: "format" }],
    ["", 2024, { norm: null, problem: "format" }]
  ];

  it.each(cases)("%j in %i", async (raw, yr, want) => {
    expect(reference(raw, yr)).toEqual(want);
    expect((await sqlParse([[raw, yr]]))[0]).toEqual(want);
  });

  it("rejects every completion of a Norwegian number whose first check digit would be 10", async () => {
    const pairs = Array.from({ length: 100 }, (_, k) => [`010101127${String(k).padStart(2, "0")}`, 2024] as const);
    for (const [raw, yr] of pairs) expect(reference(raw, yr)).toEqual({ norm: null, problem: "checksum" });
    for (const got of await sqlParse(pairs)) expect(got).toEqual({ norm: null, problem: "checksum" });
    // …while the neighbour 010101123 has exactly one valid completion
    const valid = (await sqlParse(Array.from({ length: 100 }, (_, k) => [`010101123${String(k).padStart(2, "0")}`, 2024] as const))).filter((g) => g.problem === null);
    expect(valid).toEqual([{ norm: "no:01010112377", problem: null }]);
  });

  it("treats NULL as a format problem, and a 10-digit number without a year as one too", async () => {
    expect(await sqlParse([[null, 2024], ["8112189876", null], ["811218-9877", null], ["198112189876", null], ["01010112377", null]])).toEqual([
      { norm: null, problem: "format" },
      { norm: null, problem: "format" },
      { norm: null, problem: "checksum" },
      { norm: "se:198112189876", problem: null },
      { norm: "no:01010112377", problem: null }
    ]);
  });

  it("works whatever the caller's columns are called and whatever integer type the year has", async () => {
    const rows = await db.all(
      `SELECT kas_person_norm(m, ok) AS a, kas_person_problem(x, d) AS b, kas_person(kas_ds, year(make_date(i, 1, 1))) AS c
       FROM (VALUES ('8112189876', 2024, '811218-9877', 2024, '121212+1212', 2024)) t(m, ok, x, d, kas_ds, i)`
    );
    expect(rows).toEqual([{ a: "se:198112189876", b: "checksum", c: { norm: "se:191212121212", problem: null } }]);
  });
});

describe("installMacros", () => {
  it("installs every sql/macros file, in name order, on the connection", async () => {
    const files = macroFiles();
    expect(files).toContain("person_key.sql");
    expect([...files].sort()).toEqual(files);
    const fresh = await openDb(":memory:");
    try {
      const before = await fresh.all("SELECT function_name FROM duckdb_functions() WHERE function_name LIKE 'kas_person%'");
      expect(before).toEqual([]);
      await installMacros(fresh);
      await installMacros(fresh); // CREATE OR REPLACE: installing twice is harmless
      const names = (await fresh.all<{ function_name: string }>("SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_name LIKE 'kas_person%'")).map((r) => r.function_name);
      expect(names).toEqual(expect.arrayContaining(["kas_person", "kas_person_norm", "kas_person_problem"]));
    } finally {
      fresh.close();
    }
  });
});
