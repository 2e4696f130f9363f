// Contract v2 §6.3, hand-computed: every breakdown (need category, measure, referral, exit reason,
// duration) on six participants copied ten times, so that no count is small enough to be withheld; then
// a municipality where one exit reason has two exits, whose protection must reach beyond that one cell.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bistandHeader, bistandRows, copies, csvText, insatsHeader, insatsRows, measureCopies, runKas, Site, tempRoot, violations, writeFiles,
  type Measure, type Person
} from "./helpers/indicators.js";
import { schema } from "../pipeline/contract/schema.js";

const X = 10;
const year = "UUUUUUUUUUUU";

// 0162: everyone has assistance (unemployment) every month of 2024; G keeps 2025 a year of data.
const people: Person[] = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"].map((label, i) => ({
  label, gender: i % 2 === 0 ? "K" : "M", born: 1980, years: { 2024: year }
}));
people.push({ label: "G", gender: "K", born: 1970, years: { 2025: year } });
const measures: Measure[] = [
  // 1 whole month (14 March is before the 15th) → under_3
  { label: "Q1", gender: "K", born: 1980, measure: "job_search", need: "A_ready", start: "2024-01-15", end: "2024-03-14", exit: "work" },
  // 31 January → 30 April: 3 − 1 = 2 whole months (the end day is before the start day) → under_3
  { label: "Q2", gender: "M", born: 1980, measure: "education", need: "B_short_support", referred: "employment_service", start: "2024-01-31", end: "2024-04-30", exit: "studies" },
  // no need category, no referral: the `none` categories; exactly 3 whole months → 3_to_5
  { label: "Q3", gender: "K", born: 1980, measure: "internship", need: "", referred: "", start: "2024-02-10", end: "2024-05-10", exit: "municipal_employment" },
  // started 2022-03-01: exactly 24 whole months → 24_plus; not a 2024 start
  { label: "Q4", gender: "M", born: 1980, measure: "rehabilitation", need: "C_long_support", referred: "other", start: "2022-03-01", end: "2024-03-01", exit: "ill_health" },
  // 17 whole months → 6_to_23; then a measure started in December: Q5's need category of 2024 is that
  // of the measure started latest (A), not of the one that ended (D)
  { label: "Q5", gender: "K", born: 1980, measure: "work_training", need: "D_not_available", start: "2023-06-01", end: "2024-11-30", exit: "work" },
  { label: "Q5", gender: "K", born: 1980, measure: "motivational_support", need: "A_ready", start: "2024-12-01" },
  // two measures started the same day: the participant counts in the category first in order (B, not C);
  // 0 whole months → under_3
  { label: "Q6", gender: "M", born: 1980, measure: "job_search", need: "C_long_support", start: "2024-06-01", end: "2024-06-30", exit: "moved" },
  { label: "Q6", gender: "M", born: 1980, measure: "other", need: "B_short_support", referred: "other", start: "2024-06-01" }
];

// 0163: twenty exits to work and two to `moved` (K); the two must be withheld, and enough beside them
// that they cannot be worked out from the total.
const few: Person[] = [{ label: "R", gender: "K", born: 1980, years: { 2024: year } }, { label: "S", gender: "M", born: 1980, years: { 2024: year } }];
const fewMeasures: Measure[] = [
  ...measureCopies(10, [{ label: "R", gender: "K", born: 1980, measure: "job_search", need: "A_ready", start: "2024-02-01", end: "2024-08-31", exit: "work" }]),
  ...measureCopies(10, [{ label: "S", gender: "M", born: 1980, measure: "job_search", need: "A_ready", start: "2024-02-01", end: "2024-08-31", exit: "work" }]),
  ...measureCopies(2, [{ label: "R", gender: "K", born: 1980, measure: "job_search", need: "A_ready", start: "2024-03-01", end: "2024-04-15", exit: "moved" }])
];

let root: string;
let site: Site;
beforeAll(async () => {
  root = tempRoot("breakdowns");
  writeFiles(`${root}/inbox`, {
    "0162/bistand.csv": csvText(bistandHeader, bistandRows("0162", copies(X, people))),
    "0162/insats.csv": csvText(insatsHeader, insatsRows("0162", measureCopies(X, measures))),
    "0163/bistand.csv": csvText(bistandHeader, bistandRows("0163", copies(10, few))),
    "0163/insats.csv": csvText(insatsHeader, insatsRows("0163", fewMeasures))
  });
  const summary = await runKas(root);
  expect(summary.files.rejected).toEqual([]);
  site = new Site(`${root}/site`);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bd = (indicator: string, dimension: string, gender = "T", group = "all", municipality = "0162") =>
  site.breakdown(group, indicator, dimension, municipality, 2024, gender);

describe("breakdowns (§6.3), hand-computed", () => {
  it("lists every category of every dimension in the declared order, also at 0", () => {
    for (const d of schema().dimensions) {
      for (const i of d.indicators) {
        expect(Object.keys(bd(i.id, d.id)), `${i.id} by ${d.id}`).toEqual(d.categories.map((c) => c.code));
      }
    }
  });

  it("counts participants once, in the need category of the measure started latest (a tie: the category first in order)", () => {
    expect(bd("participants", "need_category")).toEqual({ A_ready: "20", B_short_support: "20", C_long_support: "10", D_not_available: "0", none: "10" });
    expect(bd("participants", "need_category", "K")).toEqual({ A_ready: "20", B_short_support: "0", C_long_support: "0", D_not_available: "0", none: "10" });
    expect(site.counts("all", "participants", "0162", 2024)).toEqual([30, 30, 60]);
  });

  it("breaks exits and their share to work or studies down by need category", () => {
    expect(bd("measure_exits", "need_category")).toEqual({ A_ready: "10", B_short_support: "10", C_long_support: "20", D_not_available: "10", none: "10" });
    expect(bd("exit_work_studies_share", "need_category")).toEqual({ A_ready: "100", B_short_support: "100", C_long_support: "0", D_not_available: "100", none: "0" });
    // men have no exits in A, D or none: no share there (`-`), not 0
    expect(bd("exit_work_studies_share", "need_category", "M")).toEqual({ A_ready: "-", B_short_support: "100", C_long_support: "0", D_not_available: "-", none: "-" });
  });

  it("breaks exits and their share to work or studies down by measure, every measure listed", () => {
    const exits = bd("measure_exits", "measure");
    expect(exits).toMatchObject({ job_search: "20", education: "10", internship: "10", rehabilitation: "10", work_training: "10", assessment_guidance: "0", other: "0" });
    expect(Object.values(exits).reduce((s, v) => s + Number(v), 0)).toBe(60);
    expect(bd("exit_work_studies_share", "measure")).toMatchObject({ job_search: "50", education: "100", internship: "0", rehabilitation: "0", work_training: "100", other: "-" });
    expect(site.get("all", "exit_work_studies_share", "0162", 2024, "T", "measure", "job_search")).toMatchObject({ numerator: "10", denominator: "20" });
  });

  it("breaks the year's starts down by referral, empty as `none`", () => {
    expect(bd("measure_starts", "referred_by")).toEqual({ social_services: "30", employment_service: "10", other: "10", none: "10" });
    expect(site.counts("all", "measure_starts", "0162", 2024)).toEqual([30, 30, 60]);
  });

  it("gives every exit reason's share of all exits, with no total row", () => {
    expect(bd("exit_reason_share", "exit_reason")).toEqual({
      work: "33.3", studies: "16.7", municipal_employment: "16.7", other_measure: "0", employment_service: "0",
      ill_health: "16.7", moved: "16.7", dropped_out: "0", other: "0", unknown: "0"
    });
    expect(site.get("all", "exit_reason_share", "0162", 2024, "T", "exit_reason", "work")).toMatchObject({ numerator: "20", denominator: "60" });
    expect(() => site.get("all", "exit_reason_share", "0162", 2024, "T")).toThrow(/no figure/);
    expect(() => site.get("all", "exit_duration_share", "0162", 2024, "T")).toThrow(/no figure/);
  });

  it("bands durations in whole months: less one when the end day is before the start day", () => {
    expect(bd("exit_duration_share", "duration")).toEqual({ under_3: "50", "3_to_5": "16.7", "6_to_23": "16.7", "24_plus": "16.7" });
    expect(bd("exit_duration_share", "duration", "M")).toEqual({ under_3: "66.7", "3_to_5": "0", "6_to_23": "0", "24_plus": "33.3" });
  });

  it("counts a target group's breakdowns by the bistand rows of the year", () => {
    // everyone is unemployed in 2024, so the group's breakdowns are `all`'s
    expect(bd("measure_exits", "need_category", "T", "unemployment")).toEqual(bd("measure_exits", "need_category"));
    expect(bd("measure_exits", "need_category", "T", "ill_health")).toEqual({ A_ready: "0", B_short_support: "0", C_long_support: "0", D_not_available: "0", none: "0" });
  });

  it("withholds a small exit reason and enough beside it that it cannot be worked out", () => {
    const reasons = bd("exit_reason_share", "exit_reason", "T", "all", "0163");
    expect(reasons.moved).toBe("..");
    expect(Object.values(reasons).filter((v) => v === "..").length).toBeGreaterThanOrEqual(2);
    const women = bd("exit_reason_share", "exit_reason", "K", "all", "0163");
    expect(women.moved).toBe("..");
  });

  it("publishes nothing that breaks §6–§8, and every published breakdown adds up to its total", () => {
    expect(violations(site, 3)).toEqual([]);
  });
});
