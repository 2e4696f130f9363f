// The withholding model derived from the schemas (schemas/counts.json, indicators.json,
// target-groups.json → pipeline/withhold/model.ts) against the tables model.ts kept by hand before:
// the same counts per row, shares, zeros behind a `-` row, group facts and — in the same order —
// relations, so the same rows are withheld. Then what a new indicator needs (its declaration), and
// the schema's terse errors.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSchema, schema, type Schema } from "../pipeline/contract/schema.js";
import type { Relation } from "../pipeline/withhold/lp.js";
import { knownZeros, relationsOf, withholdingModel, type Gender } from "../pipeline/withhold/model.js";
import { packageRoot, schemasDir } from "../pipeline/system/paths.js";

// ---------------------------------------------------------------------------------------------
// The hand-kept tables of model.ts before the schemas declared them, copied as the expectation.

const oldShows: Record<string, readonly string[]> = {
  recipients: ["R"],
  long_term_share: ["L", "R"],
  reason_coded_share: ["C", "P"],
  amount_per_household_month: ["H"],
  measure_exits: ["E"],
  exit_work_studies_share: ["W", "E"]
};
const oldShares = new Set(["long_term_share", "reason_coded_share", "exit_work_studies_share"]);
type OldFact = "households_within_months" | "coded_members" | "all_long_term";
const oldGroupFacts: Readonly<Record<string, readonly OldFact[]>> = {
  all: ["households_within_months"],
  unemployment: ["coded_members"],
  ill_health: ["coded_members"],
  social_reasons: ["coded_members"],
  long_term_unemployed: ["coded_members", "all_long_term"],
  newly_arrived: ["coded_members"],
  young_adults: []
};
const factRelations: Readonly<Record<OldFact, (c: (f: string, g: Gender) => string) => [[string, number][], Relation["op"]][]>> = {
  households_within_months: (c) => [[[[c("H", "T"), 1], [c("P", "T"), -1]], "<="]],
  coded_members: (c) => (["K", "M", "T"] as const).map((g) => [[[c("C", g), 1], [c("R", g), -1]], ">="]),
  all_long_term: (c) => (["K", "M", "T"] as const).map((g) => [[[c("L", g), 1], [c("R", g), -1]], "="])
};

function oldRelationsOf(ids: ReadonlySet<string>, zeros: ReadonlySet<string> = new Set(), facts: (block: string, fact: string) => boolean = () => false): Relation[] {
  const out: Relation[] = [];
  const blocks = new Set([...ids].map((id) => id.split("|").slice(0, 2).join("|")));
  const add = (terms: [string, number][], op: Relation["op"], rhs = 0) => {
    const left = terms.filter(([id]) => ids.has(id) || !zeros.has(id));
    if (left.length > 0 && left.every(([id]) => ids.has(id))) out.push({ terms: left, op, rhs });
  };
  for (const b of blocks) {
    const c = (f: string, g: Gender) => `${b}|${f}|${g}`;
    for (const f of ["R", "L", "P", "C", "E", "W"]) add([[c(f, "K"), 1], [c(f, "M"), 1], [c(f, "T"), -1]], "=");
    for (const g of ["K", "M", "T"] as const) {
      add([[c("L", g), 1], [c("R", g), -1]], "<=");
      add([[c("C", g), 1], [c("P", g), -1]], "<=");
      add([[c("W", g), 1], [c("E", g), -1]], "<=");
      add([[c("R", g), 1], [c("P", g), -1]], "<=");
      add([[c("P", g), 1], [c("R", g), -12]], "<=");
      add([[c("P", g), 1], [c("L", g), -9], [c("R", g), -1]], ">=");
      add([[c("P", g), 1], [c("L", g), -3], [c("R", g), -9]], "<=");
    }
    for (const fact of Object.keys(factRelations) as OldFact[]) {
      if (facts(b, fact)) for (const [terms, op] of factRelations[fact](c)) add(terms, op);
    }
  }
  return out;
}

type ZeroRow = { indicator: string; municipality: string; year: number; gender: Gender; status: string };
function oldKnownZeros(rows: readonly ZeroRow[]): Set<string> {
  const withData = new Set(rows.filter((r) => r.status !== "-").map((r) => `${r.indicator}|${r.municipality}|${r.year}|${r.gender}`));
  const zeros = new Set<string>();
  for (const r of rows) {
    if (r.status !== "-" || !oldShows[r.indicator] || r.indicator === "recipients" || r.indicator === "measure_exits") continue;
    const base = r.indicator === "exit_work_studies_share" ? "measure_exits" : "recipients";
    if (!withData.has(`${base}|${r.municipality}|${r.year}|${r.gender}`)) continue;
    const families = r.indicator === "amount_per_household_month" ? ["H"] : oldShows[r.indicator];
    for (const f of families) zeros.add(`${r.municipality}|${r.year}|${f}|${r.gender}`);
  }
  return zeros;
}

// ---------------------------------------------------------------------------------------------

/** A linear congruential generator in [0, 1), so that the sampled id sets are the same every run. */
const random = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const blocks = ["0180|2024", "0180|2025", "0184|2025"];
/** every count the rows of today's indicators show in the blocks: H for T only */
const allIds = blocks.flatMap((b) =>
  ["R", "L", "P", "C", "H", "E", "W"].flatMap((f) => (["K", "M", "T"] as const).filter((g) => f !== "H" || g === "T").map((g) => `${b}|${f}|${g}`))
);

describe("the withholding model derived from the schemas", () => {
  const m = withholdingModel(schema());

  it("shows the counts, shares and group facts the hand-kept tables did, for the indicators of contract v1", () => {
    const v1 = (id: string) => id in oldShows;
    const shows = Object.fromEntries([...m.shows].filter(([id]) => v1(id)).map(([id, s]) => [id, [s.numerator, s.denominator].filter((f) => f !== undefined)]));
    expect(shows).toEqual(oldShows);
    expect(new Set([...m.shares].filter(v1))).toEqual(oldShares);
    // the facts of v1's counts (v2 adds all_of_ages, RA = R, on the recipients of the group's ages)
    const v1Facts = new Set(Object.keys(factRelations));
    expect(Object.fromEntries([...m.groupFacts].map(([g, facts]) => [g, facts.filter((f) => v1Facts.has(f))]))).toEqual(oldGroupFacts);
    expect(m.groupFacts.get("young_adults")).toEqual(["all_of_ages"]);
    // a rate's '-' says there is no population, not that its numerator is 0: no base (knownZeros)
    expect(m.base.has("recipients_per_1000") || m.base.has("participants_per_1000")).toBe(false);
    expect(Object.fromEntries([...m.base].filter(([id]) => v1(id)))).toEqual({
      long_term_share: "recipients", reason_coded_share: "recipients", amount_per_household_month: "recipients", exit_work_studies_share: "measure_exits"
    });
  });

  it("derives the version 2 totals from their declarations", () => {
    const shows = (id: string) => m.shows.get(id);
    expect(shows("months_per_recipient")).toEqual({ numerator: "P", denominator: "R" }); // shares P and R with the shares above
    expect(shows("cost_per_exit")).toEqual({ denominator: "Ec" }); // a cost is no count
    expect(shows("no_return_12m_share")).toEqual({ numerator: "N12", denominator: "D12" });
    expect(m.base.get("months_per_recipient")).toBe("recipients");
    expect(m.base.get("no_return_3m_share")).toBe("participants"); // no count indicator shows D3: the first one of measures
    expect(m.shares.has("no_return_3m_share") && !m.shares.has("cost_per_exit")).toBe(true);
    const ids = new Set(["D3", "N3", "D12", "N12", "W"].flatMap((f) => ["K", "M", "T"].map((g) => `0180|2025|${f}|${g}`)));
    const relations = relationsOf(ids, new Set(), () => false);
    const has = (terms: [string, number][], op: string) => relations.some((r) => r.op === op && JSON.stringify(r.terms) === JSON.stringify(terms));
    expect(has([["0180|2025|N12|T", 1], ["0180|2025|N3|T", -1]], "<=")).toBe(true); // no return in 12 months is no return in 3
    expect(has([["0180|2025|D3|K", 1], ["0180|2025|D3|M", 1], ["0180|2025|D3|T", -1]], "=")).toBe(true);
  });

  it("gives the same relations, in the same order, for every id set, zeros and facts", () => {
    const ids = new Set(allIds);
    const factSets: ((b: string, f: string) => boolean)[] = [
      () => false,
      () => true,
      ...Object.values(oldGroupFacts).map((facts) => (_: string, f: string) => (facts as readonly string[]).includes(f)),
      (b, f) => b !== "0180|2025" || f === "coded_members"
    ];
    for (const facts of factSets) expect(relationsOf(ids, new Set(), facts)).toEqual(oldRelationsOf(ids, new Set(), facts));
    const rnd = random(2024);
    for (let run = 0; run < 200; run++) {
      const some = new Set(allIds.filter(() => rnd() < 0.7));
      const zeros = new Set(allIds.filter((id) => !some.has(id) && rnd() < 0.5));
      const facts = factSets[Math.floor(rnd() * factSets.length)];
      expect(relationsOf(some, zeros, facts), `run ${run}`).toEqual(oldRelationsOf(some, zeros, facts));
    }
    expect(relationsOf(ids, new Set(), () => true)).toHaveLength(3 * (6 + 3 * 7 + 1 + 3 + 3));
  });

  it("knows the same zeros behind `-` rows", () => {
    const rnd = random(7);
    for (let run = 0; run < 100; run++) {
      const rows: ZeroRow[] = [];
      for (const b of blocks) {
        const [municipality, year] = b.split("|");
        for (const indicator of Object.keys(oldShows)) {
          for (const gender of indicator === "amount_per_household_month" ? (["T"] as const) : (["K", "M", "T"] as const)) {
            rows.push({ indicator, municipality, year: Number(year), gender, status: rnd() < 0.5 ? "-" : "" });
          }
        }
      }
      expect(knownZeros(rows), `run ${run}`).toEqual(oldKnownZeros(rows));
    }
  });

  it("declares each family's column of indicator_counts (sql/schema/marts.sql)", () => {
    const table = /CREATE TABLE IF NOT EXISTS indicator_counts \(([^;]*)\);/.exec(readFileSync(join(packageRoot, "sql", "schema", "marts.sql"), "utf8"))![1];
    for (const f of schema().counts!.families) expect(table, f.id).toMatch(new RegExp(`\\b${f.column} BIGINT\\b`));
  });

  it("needs only a declaration for a new indicator", () => {
    const s = schema();
    const counts = s.counts!;
    const next: Schema = {
      ...s,
      counts: { ...counts, families: [...counts.families, { id: "Z", column: "zeta", from: "insats", additive: true, what: "zetas" }] },
      indicators: [
        ...s.indicators,
        { ...s.indicators[0], id: "zetas", kind: "count", counts: { numerator: "Z" } },
        { ...s.indicators[0], id: "zeta_share", kind: "share", counts: { numerator: "W", denominator: "Z" } }
      ]
    };
    const m2 = withholdingModel(next);
    expect(m2.base.get("zeta_share")).toBe("zetas");
    expect(m2.base.get("exit_work_studies_share")).toBe("measure_exits");
    expect(m2.shares.has("zeta_share")).toBe(true);
    expect(m2.additive).toEqual([...m.additive, "Z"]);
    // a `-` mean in a year with recipients: its person-months and recipients are 0
    const rows: ZeroRow[] = [
      { indicator: "recipients", municipality: "0180", year: 2025, gender: "M", status: "" },
      { indicator: "months_per_recipient", municipality: "0180", year: 2025, gender: "M", status: "-" }
    ];
    expect(knownZeros(rows, m2)).toEqual(new Set(["0180|2025|P|M", "0180|2025|R|M"]));
    const ids = new Set(["0180|2025|Z|K", "0180|2025|Z|M", "0180|2025|Z|T"]);
    expect(relationsOf(ids, new Set(), () => false, m2)).toEqual([
      { terms: [["0180|2025|Z|K", 1], ["0180|2025|Z|M", 1], ["0180|2025|Z|T", -1]], op: "=", rhs: 0 }
    ]);
  });
});

describe("the schema's declarations of counts", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  /** schemas/ copied, one file changed by `edit` */
  const withEdit = (file: string, edit: (json: any) => void): string => {
    const dir = mkdtempSync(join(tmpdir(), "kas-schemas-"));
    dirs.push(dir);
    cpSync(schemasDir, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, file), "utf8"));
    edit(json);
    writeFileSync(join(dir, file), JSON.stringify(json));
    return dir;
  };

  it("parses relations as left side minus right side, per gender", () => {
    const c = schema().counts!;
    expect(c.relations.find((r) => r.holds === "P >= 9 L + R")).toMatchObject({ terms: [["P", 1], ["L", -9], ["R", -1]], op: ">=", genders: ["K", "M", "T"] });
    expect(c.facts.find((f) => f.id === "households_within_months")).toMatchObject({ terms: [["H", 1], ["P", -1]], op: "<=", genders: ["T"] });
  });

  it("refuses what it does not know, tersely", () => {
    const lts = (j: any) => j.indicators.find((i: { id: string }) => i.id === "long_term_share");
    const cases: [string, (j: any) => void, RegExp | string][] = [
      ["counts.json", (j) => j.relations.push({ holds: "P <= 12 Qz", why: "x" }), 'invalid schemas/counts.json: "P <= 12 Qz" names unknown count family Qz'],
      ["counts.json", (j) => j.relations.push({ holds: "P < R", why: "x" }), /invalid schemas\/counts.json: .*a relation is terms/s],
      ["counts.json", (j) => j.relations.push({ holds: "R <= R + P", why: "x" }), 'invalid schemas/counts.json: "R <= R + P" names R twice'],
      ["counts.json", (j) => j.counts.push({ ...j.counts[0] }), "invalid schemas/counts.json: duplicate count family R"],
      ["counts.json", (j) => (j.counts[0].colour = "red"), /invalid schemas\/counts.json: .*colour/s],
      ["indicators.json", (j) => delete lts(j).counts, "invalid schemas/indicators.json: long_term_share names no counts"],
      ["indicators.json", (j) => (lts(j).counts.numerator = "X9"), "invalid schemas/indicators.json: long_term_share counts unknown family X9"],
      ["indicators.json", (j) => delete lts(j).counts.denominator, "invalid schemas/indicators.json: share long_term_share counts a numerator and a denominator"],
      ["indicators.json", (j) => (j.indicators[0].counts.denominator = "P"), "invalid schemas/indicators.json: count recipients counts a numerator and no denominator"],
      ["target-groups.json", (j) => delete j.targetGroups[0].facts, "invalid schemas/target-groups.json: all names no facts"],
      ["target-groups.json", (j) => j.targetGroups[0].facts.push("all_adults"), "invalid schemas/target-groups.json: all names unknown fact all_adults"],
      ["target-groups.json", (j) => j.targetGroups[0].facts.push("followed_three_months"),
        "invalid schemas/target-groups.json: all names followed_three_months, which coverage tells in every report"]
    ];
    for (const [file, edit, error] of cases) expect(() => loadSchema(withEdit(file, edit)), String(error)).toThrow(error);
  });

  it("without schemas/counts.json, names no counts (a schema that only renders pages)", () => {
    const dir = withEdit("counts.json", () => {});
    rmSync(join(dir, "counts.json"));
    expect(() => loadSchema(dir)).toThrow("invalid schemas: recipients names counts, but there is no schemas/counts.json");
    expect(loadSchema(join(packageRoot, "test", "input", "report-basic", "schemas")).counts).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Breakdowns (contract §6.3): the categories add up to their total, and a `-` row's zeros are known
// even where the rows showing them are withheld.

describe("breakdowns in the withholding model", () => {
  const row = (indicator: string, gender: Gender, numerator: number | null, denominator: number | null, status: "" | "-" | ".." = "", dimension = "", category = "") => ({
    indicator, dimension, category, municipality: "0188", year: 2024, gender, value: numerator, numerator, denominator, status
  });

  it("derives, per dimension, the families it breaks down and the share of the total's denominator", () => {
    const m = withholdingModel(schema());
    expect(m.dimensions.get("need_category")!.families).toEqual(["Q", "E", "W"]);
    expect(m.dimensions.get("exit_reason")!.families).toEqual(["E"]);
    expect(m.dimensions.get("exit_reason")!.denominators.get("exit_reason_share")).toBe("total");
    expect(m.dimensions.get("measure")!.denominators.get("exit_work_studies_share")).toBe("category");
  });

  it("knows that the categories add up to the total, per category K + M = T, W ≤ E per category, and W = work + studies", () => {
    const ids = new Set<string>();
    for (const g of ["K", "M", "T"]) {
      ids.add(`0188|2024|E|${g}`).add(`0188|2024|W|${g}`);
      for (const c of schema().dimensions.find((d) => d.id === "measure")!.categories) ids.add(`0188|2024|E.measure.${c.code}|${g}`).add(`0188|2024|W.measure.${c.code}|${g}`);
      for (const c of ["work", "studies"]) ids.add(`0188|2024|E.exit_reason.${c}|${g}`);
    }
    const text = relationsOf(ids).map((r) => `${r.terms.map(([id, k]) => `${k}·${id.split("|").slice(2).join("|")}`).join(" ")} ${r.op}`);
    expect(text).toContain("1·E.measure.education|K 1·E.measure.education|M -1·E.measure.education|T =");
    expect(text.filter((t) => t.endsWith("-1·E|T =") && t.includes("E.measure.other|T"))).toHaveLength(1);
    expect(text).toContain("1·W.measure.job_search|M -1·E.measure.job_search|M <=");
    // the exits to work or studies are the exits to work and to studies (schemas/breakdowns.json relations)
    expect(text).toContain("1·W|T -1·E.exit_reason.work|T -1·E.exit_reason.studies|T =");
  });

  it("gives, breakdowns included, the relations their definition gives, in its order, for every id set, zeros and facts", () => {
    const m = withholdingModel(schema());
    // the definition, block by block, every relation spelt out with its ids (model.ts before it built
    // each block's relations from templates)
    const definition = (ids: ReadonlySet<string>, zeros: ReadonlySet<string>, facts: (block: string, fact: string) => boolean): Relation[] => {
      const out: Relation[] = [];
      const add = (terms: [string, number][], op: Relation["op"]) => {
        const left = terms.filter(([id]) => !zeros.has(id));
        if (left.length > 0 && left.every(([id]) => ids.has(id))) out.push({ terms: left, op, rhs: 0 });
      };
      const gs = ["K", "M", "T"] as const;
      for (const b of new Set([...ids].map((id) => id.split("|").slice(0, 2).join("|")))) {
        const c = (f: string, g: Gender) => `${b}|${f}|${g}`;
        const terms = (rel: { terms: readonly (readonly [string, number])[] }, g: Gender, f = (x: string) => x) => rel.terms.map(([x, k]): [string, number] => [c(f(x), g), k]);
        for (const f of m.additive) add([[c(f, "K"), 1], [c(f, "M"), 1], [c(f, "T"), -1]], "=");
        for (const g of gs) for (const rel of m.relations) if (rel.genders.includes(g)) add(terms(rel, g), rel.op);
        for (const [fact, rel] of m.facts) if (facts(b, fact)) for (const g of rel.genders) add(terms(rel, g), rel.op);
        for (const [dim, d] of m.dimensions) {
          const cat = (k: string) => (f: string) => `${f}.${dim}.${k}`;
          for (const f of d.families) {
            for (const k of d.categories) if (m.additive.includes(f)) add([[c(cat(k)(f), "K"), 1], [c(cat(k)(f), "M"), 1], [c(cat(k)(f), "T"), -1]], "=");
            for (const g of gs) add([...d.categories.map((k): [string, number] => [c(cat(k)(f), g), 1]), [c(f, g), -1]], "=");
          }
          for (const rel of m.relations) {
            if (rel.terms.every(([f]) => d.families.includes(f))) for (const g of rel.genders) for (const k of d.categories) add(terms(rel, g, cat(k)), rel.op);
          }
          for (const rel of d.relations) for (const g of rel.genders) add(terms(rel, g), rel.op);
        }
      }
      return out;
    };
    const families = [
      ...schema().counts!.families.map((f) => f.id),
      ...[...m.dimensions].flatMap(([dim, d]) => d.families.flatMap((f) => d.categories.map((k) => `${f}.${dim}.${k}`)))
    ];
    const universe = ["0188|2024", "0188|2025", "1860|2025"].flatMap((b) => families.flatMap((f) => ["K", "M", "T"].map((g) => `${b}|${f}|${g}`)));
    const rnd = random(11);
    const factSets = [() => false, () => true, (b: string, f: string) => b === "0188|2025" && f !== "coded_members"];
    const full = relationsOf(new Set(universe), new Set(), () => true);
    expect(full).toEqual(definition(new Set(universe), new Set(), () => true));
    expect(full.length).toBeGreaterThan(500);
    for (let run = 0; run < 60; run++) {
      const some = new Set(universe.filter(() => rnd() < 0.85));
      const zeros = new Set(universe.filter(() => rnd() < 0.1)); // some of them shown too: a zero drops out all the same
      const facts = factSets[run % factSets.length];
      expect(relationsOf(some, zeros, facts), `run ${run}`).toEqual(definition(some, zeros, facts));
    }
  });

  it("a count a `-` share tells is 0 stays known when the rows showing it are withheld (no K + M = T leak)", async () => {
    const { checkPublished } = await import("../pipeline/withhold/model.js");
    // education: K 0 (its share is `-`), M 4, T 4; withholding K and M while publishing T gives M away
    const truth = [
      row("measure_exits", "K", 20, null), row("measure_exits", "M", 24, null), row("measure_exits", "T", 44, null),
      row("measure_exits", "K", 0, null, "", "measure", "education"), row("measure_exits", "M", 4, null, "", "measure", "education"),
      row("measure_exits", "T", 4, null, "", "measure", "education"),
      row("exit_work_studies_share", "K", null, null, "-", "measure", "education")
    ] as const;
    const published = truth.map((r) => (r.category === "education" && r.indicator === "measure_exits" && r.gender !== "T" ? { ...r, value: null, numerator: null, denominator: null, status: ".." as const } : r));
    const check = await checkPublished(published as never, truth as never, 3);
    expect(check.ok).toBe(false);
    expect(check.failures.map((f) => f.id)).toContain("0188|2024|E.measure.education|M");
  });
});

describe("what the data's coverage tells a reader (schemas/counts.json, coverage facts)", () => {
  const row = (indicator: string, gender: Gender, numerator: number | null, denominator: number | null) => ({
    indicator, dimension: "", category: "", municipality: "0192", year: 2024, gender, value: numerator, numerator, denominator, status: "" as const
  });
  // Exits to work or studies W: K 3, M 9, T 12 of exits E: K 15, M 19, T 34; followed for three months D3:
  // `followed` (T), of which 8 without a return. Where every following month is loaded, D3 = W, and a
  // reader of the published 8 / 12 knows W_T = 12, so W_K = 12 − 9 = 3 (a leak found on the sample reports).
  const truth = (followed: readonly [number, number, number]) => [
    row("measure_exits", "K", 15, null), row("measure_exits", "M", 19, null), row("measure_exits", "T", 34, null),
    row("exit_work_studies_share", "K", 3, 15), row("exit_work_studies_share", "M", 9, 19), row("exit_work_studies_share", "T", 12, 34),
    row("no_return_3m_share", "K", 2, followed[0]), row("no_return_3m_share", "M", 6, followed[1]), row("no_return_3m_share", "T", 8, followed[2])
  ];
  const withheld = (rows: ReturnType<typeof truth>, ids: readonly string[]) =>
    rows.map((r) => (ids.includes(`${r.indicator}|${r.gender}`) ? { ...r, value: null, numerator: null, denominator: null, status: ".." as const } : r));
  const before = ["exit_work_studies_share|K", "exit_work_studies_share|T", "no_return_3m_share|K", "no_return_3m_share|M"]; // withheld before

  it("is declared once, for every report, and named by no target group", () => {
    const m = withholdingModel(schema());
    expect([...m.coverageFacts]).toEqual(["followed_three_months", "followed_twelve_months"]);
    for (const facts of m.groupFacts.values()) for (const f of m.coverageFacts) expect(facts).not.toContain(f);
  });

  it("knows D3 = W where the values show every exit followed: the publication that gave W_K away fails, the protection's passes", async () => {
    const { checkPublished, withholdReport } = await import("../pipeline/withhold/model.js");
    const covered = truth([3, 9, 12]);
    const old = await checkPublished(withheld(covered, before) as never, covered as never, 3, { targetGroup: "all" });
    expect(old.ok).toBe(false);
    expect(old.failures.map((f) => f.id)).toContain("0192|2024|W|K");
    const protection = await withholdReport(covered as never, 3, { targetGroup: "all" });
    const check = await checkPublished(protection.rows, covered as never, 3, { targetGroup: "all" });
    expect(check.ok).toBe(true);
    expect(check.ranges.get("0192|2024|W|K")!.hi - check.ranges.get("0192|2024|W|K")!.lo).toBeGreaterThan(3);
  });

  it("withholds a follow-up's `-` where it would tell a withheld count is 0 (no exit of women followed: D3 = W = 0)", async () => {
    const { checkPublished, withholdReport } = await import("../pipeline/withhold/model.js");
    // women: 0 of 4 exits to work or studies (a share of fewer than 10: withheld), so none followed: `-`
    const dash = { ...row("no_return_3m_share", "K", null, null), value: null, status: "-" as const };
    const rows = [
      row("participants", "K", 30, null), row("participants", "M", 40, null), row("participants", "T", 70, null), // the year has data
      row("measure_exits", "K", 4, null), row("measure_exits", "M", 19, null), row("measure_exits", "T", 23, null),
      row("exit_work_studies_share", "K", 0, 4), row("exit_work_studies_share", "M", 9, 19), row("exit_work_studies_share", "T", 9, 23),
      dash, row("no_return_3m_share", "M", 6, 9), row("no_return_3m_share", "T", 6, 9)
    ];
    const protection = await withholdReport(rows as never, 3, { targetGroup: "all" });
    const published = (indicator: string, g: Gender) => protection.rows.find((r) => r.indicator === indicator && r.gender === g)!.status;
    expect(published("exit_work_studies_share", "K")).toBe("..");
    expect(published("no_return_3m_share", "K")).toBe(".."); // its `-` would say W_K = D3_K = 0
    const check = await checkPublished(protection.rows, rows as never, 3, { targetGroup: "all" });
    expect(check.ok).toBe(true);
    expect(check.ranges.get("0192|2024|W|K")!.hi).toBeGreaterThan(3);
    // published as it was, the `-` gives the 0 away, and the checker says so
    const before = protection.rows.map((r) => (r.indicator === dash.indicator && r.gender === "K" ? dash : r));
    const seen = await checkPublished(before as never, rows as never, 3, { targetGroup: "all" });
    expect(seen.ok).toBe(false);
    expect(seen.failures.map((f) => f.id)).toContain("0192|2024|W|K");
  });

  it("assumes nothing where some exits were not followed (the months after them not loaded): D3 < W", async () => {
    const { checkPublished } = await import("../pipeline/withhold/model.js");
    const partly = truth([3, 7, 10]);
    const check = await checkPublished(withheld(partly, before) as never, partly as never, 3, { targetGroup: "all" });
    expect(check.ok).toBe(true);
  });
});
