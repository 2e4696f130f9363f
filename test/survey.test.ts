// User surveys (contract §15), by hand: respondents, share of answers 5–6 and mean answer per
// municipality, year, question and gender from a real DuckDB database with the canonical schema and
// the marts; the respondent rule (29 withheld, 30 published; women and men withheld together, the
// total kept), §8 on top whatever the settings, the network mean skipping withheld values; what a
// reader could work out, tried by brute force over integers; and survey.html with its downloads, in
// Swedish, Norwegian and English, checked in jsdom and in headless Chromium.
import { JSDOM } from "jsdom";
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { tableFromIPC } from "apache-arrow";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "../pipeline/db/connection.js";
import { installMacros } from "../pipeline/db/macros.js";
import { initDatabase } from "../pipeline/db/tables.js";
import { lit } from "../pipeline/db/connection.js";
import { schema } from "../pipeline/contract/schema.js";
import { martsInOrder, refreshMarts } from "../pipeline/publish/marts.js";
import { checkSurvey, publishSurvey, questionDimension, surveyFigures, surveyRows, withholdSurvey, type SurveyWithheld } from "../pipeline/publish/survey.js";
import { parseSettings } from "../pipeline/settings.js";
import { unitId, type IndicatorRow, type PublishedRow } from "../pipeline/withhold/model.js";
import { csvHeader } from "../reports/csv.js";
import { browserAvailable, checkPages } from "./browser.js";
import { useScratch } from "./helpers/scratch.js";

const scratch = useScratch("survey");
const run = { id: 7, startedAt: "2026-01-15T02:00:00+01:00", timeZone: "Europe/Stockholm" };
type G = "K" | "M" | null;

/** Survey rows: per question, groups of respondents by gender, one answer each (null: "vet ej"). */
class Survey {
  readonly rows: string[] = [];
  private next = 0;
  add(municipality: string, year: number, question: string, gender: G, answers: readonly (number | null)[], file = 1): this {
    for (const a of answers) {
      const respondent = ++this.next; // the table holds keyed pseudonyms (UBIGINT), as the load writes them
      this.rows.push(`(${lit(municipality)}, ${year}, ${respondent}, ${gender === null ? "NULL" : lit(gender)}, ${lit(question)}, ${a ?? "NULL"}, ${file}, ${this.next + 1})`);
    }
    return this;
  }
}
const times = (n: number, answer: number | null) => Array<number | null>(n).fill(answer);

/** A database with the canonical schema, the survey rows, and the marts run (as kas run does). */
async function surveyDb(s: Survey): Promise<Db> {
  const db = await openDb(":memory:", { threads: 1 });
  await initDatabase(db, schema());
  await installMacros(db);
  await db.run(`INSERT INTO survey (municipality, "year", respondent, gender, question, answer, file_id, line) VALUES ${s.rows.join(", ")}`);
  await refreshMarts(db, schema(), null);
  return db;
}

const find = (rows: readonly PublishedRow[], m: string, year: number, q: string, indicator: string, g: "K" | "M" | "T") => {
  const r = rows.find((x) => x.municipality === m && x.year === year && x.category === q && x.indicator === indicator && x.gender === g);
  if (!r) throw new Error(`no row ${indicator} ${m} ${year} ${q} ${g}`);
  return r;
};
/** The three figures of a question and gender: [respondents, share, mean] as value or status. */
const cell = (rows: readonly PublishedRow[], m: string, year: number, q: string, g: "K" | "M" | "T") =>
  (["survey_respondents", "survey_positive_share", "survey_mean_score"] as const).map((i) => {
    const r = find(rows, m, year, q, i, g);
    return r.status === "" ? r.value : r.status;
  });

// The network of the tests: 0120 and 0128 in 2024, 0128 alone in 2023.
//   0120 2024 contact: K 30 (12×6, 6×5, 8×3, 4×1; and one "vet ej"), M 31 (10×5, 21×2), no gender 2 (6, 4)
//        respect: K 29 (all 5), M 40 (20×6, 20×4)
//   0128 2024 contact: K 35 (all 4), M 35 (all 6); respect: K 30 (all 3), M 30 (all 5)
//   0128 2023 contact: K 20 (all 5), M 20 (all 3)
function network(): Survey {
  return new Survey()
    .add("0120", 2024, "contact", "K", [...times(12, 6), ...times(6, 5), ...times(8, 3), ...times(4, 1), null])
    .add("0120", 2024, "contact", "M", [...times(10, 5), ...times(21, 2)])
    .add("0120", 2024, "contact", null, [6, 4])
    .add("0120", 2024, "respect", "K", times(29, 5))
    .add("0120", 2024, "respect", "M", [...times(20, 6), ...times(20, 4)])
    .add("0128", 2024, "contact", "K", times(35, 4))
    .add("0128", 2024, "contact", "M", times(35, 6))
    .add("0128", 2024, "respect", "K", times(30, 3))
    .add("0128", 2024, "respect", "M", times(30, 5))
    .add("0128", 2023, "contact", "K", times(20, 5), 2)
    .add("0128", 2023, "contact", "M", times(20, 3), 2);
}

describe("survey figures (sql/marts/survey_values.sql)", () => {
  let db: Db;
  let rows: IndicatorRow[];
  beforeAll(async () => {
    db = await surveyDb(network());
    rows = await surveyRows(db);
  });
  afterAll(() => db?.close());

  it("is a mart of its own, run by refreshMarts", () => {
    expect(martsInOrder().map((m) => m.name)).toContain("survey_values");
  });

  it("counts respondents with an answer 1–6, answers 5–6 and the sum of answers, per gender; the total also counts respondents without a gender", () => {
    // K: 30 respondents (the "vet ej" is not counted), 18 answered 5 or 6: 60.0 %; sum 12×6 + 6×5 + 8×3 + 4×1 = 130: 130 / 30 = 4.33
    expect(find(rows, "0120", 2024, "contact", "survey_respondents", "K")).toMatchObject({ dimension: "question", value: 30, numerator: 30, denominator: null, status: "" });
    expect(find(rows, "0120", 2024, "contact", "survey_positive_share", "K")).toMatchObject({ value: 60, numerator: 18, denominator: 30, status: "" });
    expect(find(rows, "0120", 2024, "contact", "survey_mean_score", "K")).toMatchObject({ value: 4.33, numerator: 130, denominator: 30, status: "" });
    // M: 31, 10 positive: 1000 / 31 = 32.26 → 32.3; sum 10×5 + 21×2 = 92: 92 / 31 = 2.968 → 2.97
    expect(cell(rows, "0120", 2024, "contact", "M")).toEqual([31, 32.3, 2.97]);
    // T: 30 + 31 + the two without a gender = 63; positive 18 + 10 + 1 = 29: 2900 / 63 = 46.03 → 46.0; sum 130 + 92 + 10 = 232: 3.68
    expect(find(rows, "0120", 2024, "contact", "survey_positive_share", "T")).toMatchObject({ value: 46, numerator: 29, denominator: 63 });
    expect(find(rows, "0120", 2024, "contact", "survey_mean_score", "T")).toMatchObject({ value: 3.68, numerator: 232, denominator: 63 });
    // 0128: K all 4 → 0 positive (0.0 %, published: 0 is no secret), mean 4.00; M all 6 → 100.0 %, 6.00; T 70, 35 positive: 50.0 %, 350 / 70 = 5.00
    expect(cell(rows, "0128", 2024, "contact", "K")).toEqual([35, 0, 4]);
    expect(cell(rows, "0128", 2024, "contact", "T")).toEqual([70, 50, 5]);
  });

  it("rounds half up in exact arithmetic: 100 × 2 / 3 is 66.7, a mean of 14 / 3 is 4.67, of 21 / 8 = 2.625 is 2.63", async () => {
    const s = new Survey()
      .add("0183", 2024, "contact", "K", [6, 5, 3]) // 2 of 3 positive; sum 14
      .add("0183", 2024, "contact", "M", [6, 3, 2, 2, 2, 2, 2, 2]); // sum 21 of 8
    const small = await surveyDb(s);
    try {
      const r = await surveyRows(small);
      expect(find(r, "0183", 2024, "contact", "survey_positive_share", "K").value).toBe(66.7);
      expect(find(r, "0183", 2024, "contact", "survey_mean_score", "K").value).toBe(4.67);
      expect(find(r, "0183", 2024, "contact", "survey_mean_score", "M").value).toBe(2.63);
    } finally {
      small.close();
    }
  });

  it("lists every question of schemas/codes.json, a question nobody answered with 0 respondents and no share or mean", () => {
    const questions = schema().lists.question.codes.map((c) => c.code);
    expect(questions).toHaveLength(7);
    for (const q of questions) for (const g of ["K", "M", "T"] as const) expect(find(rows, "0120", 2024, q, "survey_respondents", g).status).not.toBe("-");
    expect(cell(rows, "0120", 2024, "influence", "T")).toEqual([0, "-", "-"]);
    // 7 questions × 3 figures × 3 genders × 2 municipalities × 2 years
    expect(rows).toHaveLength(7 * 3 * 3 * 2 * 2);
  });

  it("gives a municipality's year without a survey '-' in every row, with nothing in value, numerator or denominator", () => {
    const none = rows.filter((r) => r.municipality === "0120" && r.year === 2023);
    expect(none).toHaveLength(7 * 3 * 3);
    expect(none.every((r) => r.status === "-" && r.value === null && r.numerator === null && r.denominator === null)).toBe(true);
  });
});

describe("withholding survey figures (§15, §8)", () => {
  let db: Db;
  let truth: IndicatorRow[];
  let w: SurveyWithheld;
  beforeAll(async () => {
    db = await surveyDb(network());
    truth = await surveyRows(db);
    w = await withholdSurvey(truth, { threshold: 3, minRespondents: 30 });
  });
  afterAll(() => db?.close());

  it("publishes 30 respondents and withholds 29", () => {
    expect(cell(w.rows, "0120", 2024, "contact", "K")).toEqual([30, 60, 4.33]);
    expect(cell(w.rows, "0120", 2024, "respect", "K")).toEqual(["..", "..", ".."]);
  });

  it("withholds men with women (K 29, M 40) and keeps the total, which has 69", () => {
    expect(cell(w.rows, "0120", 2024, "respect", "M")).toEqual(["..", "..", ".."]);
    // T: 69 respondents, 29 + 20 = 49 positive: 4900 / 69 = 71.01 → 71.0; sum 145 + 200 = 345: 5.00
    expect(cell(w.rows, "0120", 2024, "respect", "T")).toEqual([69, 71, 5]);
    // and the reasons: the respondent rule, for the six rows of K and M
    const why = (g: "K" | "M" | "T", i: string) => w.reasons.get(unitId(find(w.rows, "0120", 2024, "respect", i, g)));
    expect([why("K", "survey_respondents"), why("M", "survey_mean_score"), why("T", "survey_respondents")]).toEqual(["respondents", "respondents", undefined]);
  });

  it("withholds both genders of a year where each has 20, keeps the total of 40, and blanks what is withheld", () => {
    expect(cell(w.rows, "0128", 2023, "contact", "K")).toEqual(["..", "..", ".."]);
    expect(cell(w.rows, "0128", 2023, "contact", "M")).toEqual(["..", "..", ".."]);
    expect(cell(w.rows, "0128", 2023, "contact", "T")).toEqual([40, 50, 4]);
    const withheld = w.rows.filter((r) => r.status === "..");
    expect(withheld.every((r) => r.value === null && r.numerator === null && r.denominator === null)).toBe(true);
    // 0120 respect K, M and 0128 2023 contact K, M: 4 cells × 3 rows
    expect(w.withheld).toBe(12);
    expect(w.byRespondents).toBe(12);
  });

  it("withholds the 0 of women's respondents where men's are withheld, and leaves '-' as it was", async () => {
    const s = new Survey().add("0181", 2024, "contact", "M", times(12, 5)).add("0181", 2024, "contact", null, times(30, 3));
    const d = await surveyDb(s);
    try {
      const r = await withholdSurvey(await surveyRows(d), { threshold: 3, minRespondents: 30 });
      expect(cell(r.rows, "0181", 2024, "contact", "K")).toEqual(["..", "-", "-"]);
      expect(cell(r.rows, "0181", 2024, "contact", "M")).toEqual(["..", "..", ".."]);
      // T: 42 respondents, 12 positive: 28.6 %; sum 60 + 90 = 150: 3.57
      expect(cell(r.rows, "0181", 2024, "contact", "T")).toEqual([42, 28.6, 3.57]);
    } finally {
      d.close();
    }
  });

  it("withholds a share of 1 to 3 positive answers (§8), and the mean too where it would pin that count down", async () => {
    // contact: T 40, 2 positive (K 20 × 3; M 2 × 5 + 18 × 3): sum 124, so 2 ≤ … the mean 3.10 leaves 0–21 positive: published
    // information: T 40, 2 positive (K 2 × 5 + 18 × 1; M 20 × 1): sum 48, at most (48 − 40) / 4 = 2 positive: the mean is withheld
    const s = new Survey()
      .add("0181", 2024, "contact", "K", times(20, 3)).add("0181", 2024, "contact", "M", [5, 5, ...times(18, 3)])
      .add("0181", 2024, "information", "K", [5, 5, ...times(18, 1)]).add("0181", 2024, "information", "M", times(20, 1));
    const d = await surveyDb(s);
    try {
      const t = await surveyRows(d);
      const r = await withholdSurvey(t, { threshold: 3, minRespondents: 30 });
      expect(cell(r.rows, "0181", 2024, "contact", "T")).toEqual([40, "..", 3.1]);
      expect(cell(r.rows, "0181", 2024, "information", "T")).toEqual([40, "..", ".."]);
      expect(r.reasons.get(unitId(find(r.rows, "0181", 2024, "information", "survey_mean_score", "T")))).toBe("confidentiality");
      expect((await checkSurvey(r.rows, t, 3)).ok).toBe(true);
    } finally {
      d.close();
    }
  });

  it("keeps §8 when survey_min_respondents is set below the threshold: 3 respondents are withheld (with the other gender), 4 are not", async () => {
    // contact: K 3 × 5, M 4 × 2: K's 3 is a count from 1 to 3, so K and M go; T 7, 3 positive (share on 7 < 10 respondents: withheld),
    //   sum 15 + 8 = 23: the mean 3.29 leaves 0–4 positive, wider than 3: published
    // respect: K 4 × 6, M 5 × 3: 4 and 5 are published, their shares (on fewer than 10) are not; K's mean 6.00 would tell that all 4
    //   answered 6 (positive ≥ (24 − 16) / 2 = 4), so it goes, and M's with it; T 9: share withheld, mean 39 / 9 = 4.33 published
    const s = new Survey()
      .add("0182", 2024, "contact", "K", times(3, 5)).add("0182", 2024, "contact", "M", times(4, 2))
      .add("0182", 2024, "respect", "K", times(4, 6)).add("0182", 2024, "respect", "M", times(5, 3));
    const d = await surveyDb(s);
    try {
      const t = await surveyRows(d);
      const r = await withholdSurvey(t, { threshold: 3, minRespondents: 2 });
      expect(cell(r.rows, "0182", 2024, "contact", "K")).toEqual(["..", "..", ".."]);
      expect(cell(r.rows, "0182", 2024, "contact", "M")).toEqual(["..", "..", ".."]);
      expect(cell(r.rows, "0182", 2024, "contact", "T")).toEqual([7, "..", 3.29]);
      expect(cell(r.rows, "0182", 2024, "respect", "K")).toEqual([4, "..", ".."]);
      expect(cell(r.rows, "0182", 2024, "respect", "M")).toEqual([5, "..", ".."]);
      expect(cell(r.rows, "0182", 2024, "respect", "T")).toEqual([9, "..", 4.33]);
      expect(r.byRespondents).toBe(0);
      // every count published is 0 or above the threshold
      for (const row of r.rows.filter((x) => x.status === "")) {
        for (const v of [row.numerator, row.denominator]) if (v !== null && row.indicator !== "survey_mean_score") expect(v === 0 || v > 3, unitId(row)).toBe(true);
      }
      expect((await checkSurvey(r.rows, t, 3)).ok).toBe(true);
    } finally {
      d.close();
    }
  });

  it("lets no withheld count be worked out to within the threshold (the audit)", async () => {
    const check = await checkSurvey(w.rows, truth, 3);
    expect(check.ok).toBe(true);
    expect(check.hidden).toBe(4 * 3); // n, p and s of K and M in two questions
    expect(check.narrowest).toBeGreaterThan(3);
  });

  it("averages the published values only (the network mean skips the withheld), and comparison groups alike", () => {
    const dimension = questionDimension(schema());
    const figures = surveyFigures(w.rows, dimension, [{ id: "north", members: ["0128"] }]);
    const net = (year: number, q: string, i: string, g: "K" | "M" | "T", m = "network") =>
      figures.find((f) => f.municipality === m && f.year === year && f.category === q && f.indicator === i && f.gender === g)!;
    // contact 2024, T: (46.0 + 50.0) / 2 = 48.0 of 2; K: (60.0 + 0.0) / 2 = 30.0; M: (32.3 + 100.0) / 2 = 66.15 → 66.2
    expect(net(2024, "contact", "survey_positive_share", "T")).toMatchObject({ value: 48, numerator: 96, denominator: 2, status: "", dimension: "question" });
    expect(net(2024, "contact", "survey_positive_share", "K").value).toBe(30);
    expect(net(2024, "contact", "survey_positive_share", "M").value).toBe(66.2);
    // respect 2024, K: 0120 is withheld, so the mean is 0128's 0.0 alone (n = 1); T: (71.0 + 50.0) / 2 = 60.5, mean score (5.00 + 4.00) / 2 = 4.50
    expect(net(2024, "respect", "survey_positive_share", "K")).toMatchObject({ value: 0, denominator: 1, status: "" });
    expect(net(2024, "respect", "survey_positive_share", "T")).toMatchObject({ value: 60.5, denominator: 2 });
    expect(net(2024, "respect", "survey_mean_score", "T")).toMatchObject({ value: 4.5, numerator: 9, denominator: 2 });
    // respondents T: (69 + 60) / 2 = 64.5, a mean of counts with one decimal
    expect(net(2024, "respect", "survey_respondents", "T").value).toBe(64.5);
    // 2023 K: 0128 withheld, 0120 has no survey: withheld, not "no data"
    expect(net(2023, "contact", "survey_positive_share", "K")).toMatchObject({ value: null, status: ".." });
    expect(net(2023, "contact", "survey_positive_share", "T")).toMatchObject({ value: 50, denominator: 1 });
    // the group of 0128 alone: its values
    expect(net(2024, "contact", "survey_mean_score", "T", "group:north")).toMatchObject({ value: 5, denominator: 1 });
    // no rank for survey rows (breakdown rows are not ranked)
    expect(figures.every((f) => f.rank === null)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// What a reader can work out, by brute force over integers.

type Known = { n: number | null; p: number | null; s: number | null };

/** The published n, p and s of one question and gender (null: hidden). */
function known(rows: readonly PublishedRow[], m: string, year: number, q: string, g: "K" | "M" | "T"): Known {
  const r = (i: string) => find(rows, m, year, q, i, g);
  const [resp, share, mean] = [r("survey_respondents"), r("survey_positive_share"), r("survey_mean_score")];
  const n = resp.status === "" ? resp.numerator : share.status === "" ? share.denominator : mean.status === "" ? mean.denominator : null;
  return { n, p: share.status === "" ? share.numerator : null, s: mean.status === "" ? mean.numerator : null };
}

/** Whether n respondents, p of them answering 5 or 6, can give a sum of answers s (answers 1–6). */
const feasible = (n: number, p: number, s: number) => n >= 0 && p >= 0 && p <= n && s >= n + 4 * p && s <= 4 * n + 2 * p;

/**
 * Every integer world consistent with what is published of one question: K, M and T each n, p, s
 * (feasible), and the respondents without a gender, T − K − M, a feasible group too. Returns each
 * hidden count's smallest and largest value over those worlds (up to `cap` respondents).
 */
function bruteForce(pub: Record<"K" | "M" | "T", Known>, cap: number): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  const see = (id: string, v: number) => {
    const r = ranges.get(id);
    ranges.set(id, r ? [Math.min(r[0], v), Math.max(r[1], v)] : [v, v]);
  };
  const values = (k: Known, limit: number) => {
    const out: [number, number, number][] = [];
    for (let n = k.n ?? 0; n <= (k.n ?? limit); n++)
      for (let p = k.p ?? 0; p <= (k.p ?? n); p++)
        for (let s = k.s ?? n + 4 * p; s <= (k.s ?? 4 * n + 2 * p); s++) if (feasible(n, p, s)) out.push([n, p, s]);
    return out;
  };
  for (const t of values(pub.T, cap)) {
    for (const k of values(pub.K, t[0])) {
      for (const m of values(pub.M, t[0] - k[0])) {
        if (!feasible(t[0] - k[0] - m[0], t[1] - k[1] - m[1], t[2] - k[2] - m[2])) continue;
        (["n", "p", "s"] as const).forEach((f, i) => {
          if (pub.T[f] === null) see(`T.${f}`, t[i]);
          if (pub.K[f] === null) see(`K.${f}`, k[i]);
          if (pub.M[f] === null) see(`M.${f}`, m[i]);
        });
      }
    }
  }
  return ranges;
}

describe("what a reader can work out of a withheld count (brute force)", () => {
  // min 6: K 2 (5, 6), M 7 (1, 2, 3, 4, 5, 5, 6), one without a gender (3). K has too few, so K and M go;
  // T: 10 respondents, 2 + 3 = 5 positive (50.0 %), sum 11 + 26 + 3 = 40 (4.00) is published
  const tiny = () => new Survey()
    .add("0192", 2024, "contact", "K", [5, 6])
    .add("0192", 2024, "contact", "M", [1, 2, 3, 4, 5, 5, 6])
    .add("0192", 2024, "contact", null, [3]);

  it("cannot pin women's or men's counts down when both are withheld and the total is published", async () => {
    const d = await surveyDb(tiny());
    try {
      const t = await surveyRows(d);
      const r = await withholdSurvey(t, { threshold: 3, minRespondents: 6 });
      const pub = { K: known(r.rows, "0192", 2024, "contact", "K"), M: known(r.rows, "0192", 2024, "contact", "M"), T: known(r.rows, "0192", 2024, "contact", "T") };
      expect(pub).toEqual({ K: { n: null, p: null, s: null }, M: { n: null, p: null, s: null }, T: { n: 10, p: 5, s: 40 } });
      const ranges = bruteForce(pub, 10);
      // K could have had anyone from none to all ten, none to all five positive, any sum up to 40
      expect(Object.fromEntries(ranges)).toEqual({ "K.n": [0, 10], "K.p": [0, 5], "K.s": [0, 40], "M.n": [0, 10], "M.p": [0, 5], "M.s": [0, 40] });
      for (const [id, [lo, hi]] of ranges) expect(hi - lo, id).toBeGreaterThan(3);
      // the project's checker sees them wide too: each range it gives is a part of the brute force's
      // (it looks only as far as it needs to see more than the threshold)
      const audit = await checkSurvey(r.rows, t, 3);
      expect(audit.ok).toBe(true);
      for (const [id, exact] of [["0192|2024|contact|n|K", [0, 10]], ["0192|2024|contact|p|M", [0, 5]]] as const) {
        const got = audit.ranges.get(id)!;
        expect(got.lo).toBeGreaterThanOrEqual(exact[0]);
        expect(got.hi).toBeLessThanOrEqual(exact[1]);
        expect(got.hi - got.lo).toBeGreaterThan(3);
      }
    } finally {
      d.close();
    }
  });

  it("would pin women down if men were published beside the total (why both go)", async () => {
    const d = await surveyDb(tiny());
    try {
      const t = await surveyRows(d);
      const r = await withholdSurvey(t, { threshold: 3, minRespondents: 6 });
      // the same table with men's figures published again, as a rule without the pairing would
      const men = new Map(t.filter((x) => x.gender === "M").map((x) => [unitId(x), x]));
      const unpaired = r.rows.map((x) => men.get(unitId(x)) ?? x);
      const pub = { K: known(unpaired, "0192", 2024, "contact", "K"), M: known(unpaired, "0192", 2024, "contact", "M"), T: known(unpaired, "0192", 2024, "contact", "T") };
      const ranges = bruteForce(pub, 10);
      // K + M ≤ T: at most 10 − 7 = 3 women, at most 5 − 3 = 2 positive
      expect(ranges.get("K.n")).toEqual([0, 3]);
      expect(ranges.get("K.p")).toEqual([0, 2]);
      expect((await checkSurvey(unpaired, t, 3)).ok).toBe(false);
    } finally {
      d.close();
    }
  });

  it("cannot pin positive answers down where §8 withholds every share and mean (min 1)", async () => {
    // K 5 (one 5, four 1), M 5 (all 1): T 10, 1 positive, sum 14. Every share has fewer than 10 respondents or 1 positive;
    // each mean would pin its positive count (K: 9 ≤ 5 + 4p ≤ … gives p ≤ 1; M: p = 0; T: p ≤ 1), so only respondents are published
    const d = await surveyDb(new Survey().add("0192", 2024, "contact", "K", [5, 1, 1, 1, 1]).add("0192", 2024, "contact", "M", [1, 1, 1, 1, 1]));
    try {
      const t = await surveyRows(d);
      const r = await withholdSurvey(t, { threshold: 3, minRespondents: 1 });
      expect([cell(r.rows, "0192", 2024, "contact", "K"), cell(r.rows, "0192", 2024, "contact", "M"), cell(r.rows, "0192", 2024, "contact", "T")])
        .toEqual([[5, "..", ".."], [5, "..", ".."], [10, "..", ".."]]);
      const pub = { K: known(r.rows, "0192", 2024, "contact", "K"), M: known(r.rows, "0192", 2024, "contact", "M"), T: known(r.rows, "0192", 2024, "contact", "T") };
      const ranges = bruteForce(pub, 10);
      expect(ranges.get("K.p")).toEqual([0, 5]);
      expect(ranges.get("T.p")).toEqual([0, 10]);
      for (const [id, [lo, hi]] of ranges) expect(hi - lo, id).toBeGreaterThan(3);
      expect((await checkSurvey(r.rows, t, 3)).ok).toBe(true);
    } finally {
      d.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// survey.html and the downloads.

describe("survey.html and data/survey.csv, .xlsx, .arrow", () => {
  let db: Db;
  const sites = { sv: "", nb: "", en: "" };
  const docs: Record<string, Document> = {};
  beforeAll(async () => {
    db = await surveyDb(network());
    for (const language of ["sv", "nb", "en"] as const) {
      const dir = join(scratch.dir, language);
      mkdirSync(dir, { recursive: true });
      const settings = parseSettings({ language, comparison_groups: { north: { sv: "Norra", nb: "Nord", en: "North", municipalities: ["0128"] } } }, "test");
      const summary = await publishSurvey(db, dir, { schema: schema(), run, threshold: 3, settings });
      expect(summary).toMatchObject({ file: "survey.html", withheld: 12, byRespondents: 12, byConfidentiality: 0 });
      sites[language] = dir;
      docs[language] = new JSDOM(readFileSync(join(dir, "survey.html"), "utf8")).window.document;
    }
  }, 120_000);
  afterAll(() => db?.close());

  it("writes nothing where no municipality has survey data", async () => {
    const empty = await openDb(":memory:", { threads: 1 });
    try {
      await initDatabase(empty, schema());
      await installMacros(empty);
      await refreshMarts(empty, schema(), null);
      const dir = join(scratch.dir, "none");
      expect(await publishSurvey(empty, dir, { schema: schema(), run, threshold: 3, settings: parseSettings({}, "test") })).toBeNull();
      expect(existsSync(join(dir, "survey.html"))).toBe(false);
    } finally {
      empty.close();
    }
  });

  it("names a municipality whose latest survey is older than the page's year, and shows its row as no data", async () => {
    const d = await surveyDb(new Survey()
      .add("0128", 2024, "contact", "K", times(35, 4)).add("0128", 2024, "contact", "M", times(35, 6))
      .add("0181", 2023, "contact", "K", times(30, 5)).add("0181", 2023, "contact", "M", times(30, 2)));
    try {
      const dir = join(scratch.dir, "older");
      await publishSurvey(d, dir, { schema: schema(), run, threshold: 3, settings: parseSettings({ language: "nb" }, "test") });
      const doc = new JSDOM(readFileSync(join(dir, "survey.html"), "utf8")).window.document;
      expect(doc.querySelector(".meta dd:nth-of-type(2)")!.textContent).toBe("Salem, Södertälje (ingen undersøkelse 2024)");
      const row = [...doc.querySelectorAll("#q-contact tbody tr")].find((tr) => tr.querySelector("th")!.textContent === "Södertälje")!;
      // SSB's ".." for no data on a Norwegian page
      expect([...row.querySelectorAll(".cell-value")].map((c) => c.textContent)).toEqual(Array(9).fill(".."));
      // 2023 stays in the CSV
      expect(readFileSync(join(dir, "data", "survey.csv"), "utf8")).toContain("survey_positive_share,question,contact,0181,2023,T,50,30,60,");
    } finally {
      d.close();
    }
  });

  it("writes the CSV with §7's header, every figure and the network's and the group's means; withheld rows empty", () => {
    const lines = readFileSync(join(sites.sv, "data", "survey.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(csvHeader);
    expect(lines).toContain("survey_positive_share,question,contact,0120,2024,K,60,18,30,");
    expect(lines).toContain("survey_mean_score,question,contact,0120,2024,T,3.68,232,63,");
    expect(lines).toContain("survey_respondents,question,respect,0120,2024,K,,,,..");
    expect(lines).toContain("survey_positive_share,question,contact,network,2024,T,48,96,2,");
    expect(lines).toContain("survey_mean_score,question,contact,group:north,2024,T,5,5,1,");
    expect(lines).toContain("survey_respondents,question,contact,0120,2023,T,,,,-");
    // municipalities × years × questions × figures × genders, then per (year, question, figure, gender) the network and one group
    expect(lines.length - 1).toBe(2 * 2 * 7 * 3 * 3 + 2 * 7 * 3 * 3 * 2);
    // the first rows: respondents of the first question, 0120 first
    expect(lines[1]).toBe("survey_respondents,question,contact,0120,2023,K,,,,-");
  });

  it("writes the same rows to Excel and Arrow", async () => {
    const csvRows = readFileSync(join(sites.sv, "data", "survey.csv"), "utf8").trimEnd().split("\n").length - 1;
    const table = tableFromIPC(readFileSync(join(sites.sv, "data", "survey.arrow")));
    expect(table.numRows).toBe(csvRows);
    expect(table.get(0)!.toJSON()).toMatchObject({ indicator: "survey_respondents", dimension: "question", category: "contact", municipality: "0120", year: 2023, status: "-" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(sites.sv, "data", "survey.xlsx"));
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(csvRows + 1);
    const texts = sheet.getSheetValues().flat().filter((v): v is string => typeof v === "string");
    expect(texts).toContain("Det är lätt att komma i kontakt med min handläggare");
    expect(texts).toContain("Andel positiva svar");
    expect(statSync(join(sites.sv, "data", "survey.xlsx")).size).toBeGreaterThan(5_000);
  });

  it("shows each question in the page's language, with a chart and a table of the latest year", () => {
    const sv = docs.sv;
    expect(sv.documentElement.lang).toBe("sv");
    const headings = [...sv.querySelectorAll("section.indicator h2")].map((h) => h.textContent);
    expect(headings.slice(0, 7)).toEqual(schema().lists.question.codes.map((c) => c.sv));
    expect(docs.nb.querySelector("#q-contact h2")!.textContent).toBe("Det er lett å komme i kontakt med veilederen min");
    expect(docs.en.querySelector("#q-contact h2")!.textContent).toBe("It is easy to get in touch with my case worker");
    expect(docs.nb.documentElement.lang).toBe("nb");
    for (const doc of Object.values(docs)) {
      expect(doc.querySelectorAll("section.indicator figure.chart svg[role=img]").length).toBe(7 - 5); // contact and respect have values
      expect(doc.querySelectorAll(".chart-empty").length).toBe(5); // nobody answered the other five
      expect(doc.querySelectorAll("section.indicator table.figs").length).toBe(7);
      expect(doc.querySelectorAll("script").length).toBe(0);
    }
  });

  it("fills the table: values in the language's notation, withheld and missing with its symbols, the network mean with its n", () => {
    const row = (doc: Document, q: string, name: string) =>
      [...doc.querySelectorAll(`#q-${q} table.figs tbody tr`)].find((tr) => tr.querySelector("th")!.textContent!.startsWith(name))!;
    const cells = (tr: Element) => [...tr.querySelectorAll("td .cell-value")].map((c) => c.textContent);
    const v = "Värmdö";
    // K, M, T × respondents, share, mean
    expect(cells(row(docs.sv, "contact", v))).toEqual(["30", "60,0", "4,33", "31", "32,3", "2,97", "63", "46,0", "3,68"]);
    expect(cells(row(docs.en, "contact", v))).toEqual(["30", "60.0", "4.33", "31", "32.3", "2.97", "63", "46.0", "3.68"]);
    expect(cells(row(docs.sv, "respect", v))).toEqual(["..", "..", "..", "..", "..", "..", "69", "71,0", "5,00"]);
    expect(cells(row(docs.nb, "respect", v))).toEqual([":", ":", ":", ":", ":", ":", "69", "71,0", "5,00"]);
    // nobody answered: 0 respondents, share and mean not applicable (SSB's "." on a Norwegian page)
    expect(cells(row(docs.sv, "influence", v))).toEqual(["0", "-", "-", "0", "-", "-", "0", "-", "-"]);
    expect(cells(row(docs.nb, "influence", v))).toEqual(["0", ".", ".", "0", ".", ".", "0", ".", "."]);
    const net = row(docs.sv, "contact", "Nätverket");
    expect(cells(net)).toEqual(["32,5", "30,0", "4,17", "33,0", "66,2", "4,49", "66,5", "48,0", "4,34"]);
    expect(net.querySelector(".ov-n")!.textContent).toBe("n = 2");
    expect(cells(row(docs.sv, "respect", "Nätverket")).slice(0, 3)).toEqual(["30,0", "0,0", "3,00"]);
    expect(row(docs.sv, "respect", "Nätverket").querySelector(".ov-one")!.textContent).toBe("1 kommun");
    expect(row(docs.en, "contact", "North (mean)")).toBeDefined();
  });

  it("explains the rule of 30 and lists what was withheld on the page and why, without telling which gender had too few", () => {
    const box = docs.sv.querySelector(".box")!.textContent!;
    expect(box).toContain("Minst 30 svarande");
    expect(box).toContain("färre än 30 svarande");
    const note = docs.sv.querySelector("#skyddat")!;
    expect(note.querySelector("p")!.textContent).toBe("6 uppgifter för 2024 på sidan är skyddade (..): 6 för att de bygger på färre än 30 svarande (eller hör ihop med en sådan uppgift för det andra könet), 0 enligt sekretessregeln.");
    const lines = [...note.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(lines).toEqual([[
      "Värmdö", "Jag blir bemött med respekt", "kvinnor och män: alla uppgifter",
      "färre än 30 svarande bland kvinnor eller män: båda skyddas, så att ingen av dem kan räknas fram ur totalt och den andra"
    ]]);
    expect(docs.en.querySelector("#skyddat tbody tr td:nth-of-type(2)")!.textContent).toBe("women and men: every figure");
  });

  const chromium = browserAvailable();
  it.skipIf(!chromium)("opens in headless Chromium: no console error, no request, no serious accessibility finding, charts whole on A4", async () => {
    const pages = join(scratch.dir, "pages");
    mkdirSync(pages, { recursive: true });
    for (const l of ["sv", "nb", "en"] as const) {
      const { copyFileSync } = await import("node:fs");
      copyFileSync(join(sites[l], "survey.html"), join(pages, `survey-${l}.html`));
    }
    const results = await checkPages(pages, { screenshotDir: join(scratch.dir, "screenshots") });
    expect(results).toHaveLength(3);
    for (const r of results) {
      expect(r.consoleErrors, r.file).toEqual([]);
      expect(r.requests, r.file).toEqual([]);
      expect(r.axe.filter((v) => v.impact === "serious" || v.impact === "critical"), r.file).toEqual([]);
      expect(r.charts.length, r.file).toBe(2);
      for (const c of r.charts) expect(c.fits, `${r.file} ${c.id}`).toBe(true);
      expect(statSync(r.screenshot).size).toBeGreaterThan(10_000);
    }
  }, 120_000);
});
