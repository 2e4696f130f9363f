// Contract v2 §6.1–§6.2, hand-computed: assistance flows (new and ended recipients, with their coverage
// rules), months per recipient, participants, starts, costs per exit and the follow-up after exits to
// work or studies — each on a few people copied ten times, so that no count is small enough to be
// withheld and every figure can be checked by hand.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bistandHeader, bistandRows, copies, csvText, insatsHeader, insatsRows, measureCopies, runKas, Site, tempRoot, violations, writeFiles,
  type Measure, type Person
} from "./helpers/indicators.js";

const X = 10;

// 0140 — flows. F covers every month 2023-01 … 2025-03, so 2023 (the first year of data) has no
// covered previous year, and 2025 no covered following January–March.
const flows: Person[] = [
  { label: "F", gender: "K", born: 1970, years: { 2023: "------------", 2024: "------------", 2025: "---........." } },
  // A: first rows Mar–May 2024, none before → new in 2024; May has no row Jun–Aug → ended in 2024
  { label: "A", gender: "M", born: 1980, years: { 2024: "..UUU......." } },
  // B: Jan–Feb 2023, then Mar–Apr 2024: the last row before March 2024 is 13 months earlier → new again; ended both years
  { label: "B", gender: "K", born: 1980, years: { 2023: "UU..........", 2024: "..UU........" } },
  // C: March 2023 and March 2024: a row exactly 12 months before → not new in 2024; ended both years
  { label: "C", gender: "M", born: 1980, years: { 2023: "..U.........", 2024: "..U........." } },
  // D: Dec 2023, Jan 2024, then May 2024 onwards: the gap Feb–Apr (three months) after January → ended in 2024
  { label: "D", gender: "K", born: 1980, years: { 2023: "...........U", 2024: "U...UUUUUUUU", 2025: "UUU........." } },
  // E: Dec 2023, Jan 2024, then April onwards: a gap of two months is no exit → neither new nor ended
  { label: "E", gender: "M", born: 1980, years: { 2023: "...........U", 2024: "U..UUUUUUUUU", 2025: "UUU........." } }
];

// 0160 — measures. G (uncoded, no measures) covers every month of 2024 and 2025.
const people: Person[] = [
  { label: "G", gender: "M", born: 1970, years: { 2024: "------------", 2025: "------------" } },
  { label: "P1", gender: "K", born: 1980, years: { 2024: "UUUUUU......" } },
  { label: "P2", gender: "M", born: 1980, years: { 2024: "UUU.....UUUU" } },
  { label: "P3", gender: "K", born: 1980, years: { 2024: "UUUUUUUUUUUU" } },
  { label: "P5", gender: "K", born: 1980, years: { 2025: "UU.........." } },
  { label: "P6", gender: "M", born: 1980, years: { 2024: "UUUUUUUUUUUU" } },
  { label: "P7", gender: "K", born: 1980, years: { 2025: "UUUUUUUUUUUU" } }
];
const measures: Measure[] = [
  // to work in June 2024, no assistance after: back neither within 3 nor 12 months
  { label: "P1", gender: "K", born: 1980, measure: "job_search", start: "2024-01-15", end: "2024-06-20", exit: "work", cost: "12000" },
  // to studies in April 2024, no cost; assistance again from September: not back within 3, back within 12
  { label: "P2", gender: "M", born: 1980, measure: "education", start: "2024-01-10", end: "2024-04-30", exit: "studies" },
  // to ill-health: not an exit to work or studies
  { label: "P3", gender: "K", born: 1980, measure: "work_training", start: "2024-03-01", end: "2024-11-30", exit: "ill_health", cost: "6000" },
  // a participant who never received assistance: in `all` only; to work in December, followed into 2025
  { label: "P4", gender: "M", born: 1980, measure: "internship", start: "2024-05-01", end: "2024-12-15", exit: "work", cost: "9000" },
  // assistance in 2025 only: the 2024 exit counts in `all` (v2 §5); back in January 2025, within 3 months
  { label: "P5", gender: "K", born: 1980, measure: "job_search", start: "2024-06-01", end: "2024-10-31", exit: "work", cost: "3000" },
  // ongoing since 2023: a participant in 2024 and 2025, a start in neither
  { label: "P6", gender: "M", born: 1980, measure: "motivational_support", start: "2023-11-01" },
  // to work in December 2025: the months after are not loaded, so it is not followed up
  { label: "P7", gender: "K", born: 1980, measure: "job_search", start: "2025-02-01", end: "2025-12-20", exit: "work", cost: "5000" }
];

let root: string;
let site: Site;
beforeAll(async () => {
  root = tempRoot("flows");
  writeFiles(`${root}/inbox`, {
    "0140/bistand.csv": csvText(bistandHeader, bistandRows("0140", copies(X, flows))),
    "0160/bistand.csv": csvText(bistandHeader, bistandRows("0160", copies(X, people))),
    "0160/insats.csv": csvText(insatsHeader, insatsRows("0160", measureCopies(X, measures)))
  });
  const summary = await runKas(root);
  expect(summary.files.rejected).toEqual([]);
  site = new Site(`${root}/site`);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cells = (group: string, indicator: string, municipality: string, year: number, gender = "T") => site.cells(group, indicator, municipality, year, gender);

describe("new and ended recipients (§6.1)", () => {
  it("counts new recipients where the previous year is covered: a gap of 13 months is new, of 12 is not", () => {
    expect(site.counts("all", "new_recipients", "0140", 2024)).toEqual([10, 10, 20]); // B (K), A (M)
    expect(site.counts("all", "new_recipients", "0140", 2025)).toEqual([0, 0, 0]);
  });

  it("is `-` in the first year of data, whose previous twelve months are not covered", () => {
    expect(cells("all", "new_recipients", "0140", 2023)).toEqual(["", "", "", "-"]);
  });

  it("counts ended recipients: three months without a row after a month of the year, a gap in the year included", () => {
    expect(site.counts("all", "ended_recipients", "0140", 2024)).toEqual([20, 20, 40]); // B, D (K); A, C (M) — not E (two months)
    expect(site.counts("all", "ended_recipients", "0140", 2023)).toEqual([10, 10, 20]); // B, C
  });

  it("is `-` where the following January–March is not covered", () => {
    expect(cells("all", "ended_recipients", "0140", 2025)).toEqual(["", "", "", "-"]);
  });

  it("gives months per recipient to one decimal, rounded half up", () => {
    // 2024: F 12, B 2, D 9 (women: 23 per copy); A 3, C 1, E 10 (men: 14 per copy)
    expect(cells("all", "months_per_recipient", "0140", 2024, "K")).toEqual(["7.7", "230", "30", ""]);
    expect(cells("all", "months_per_recipient", "0140", 2024, "M")).toEqual(["4.7", "140", "30", ""]);
    expect(cells("all", "months_per_recipient", "0140", 2024, "T")).toEqual(["6.2", "370", "60", ""]);
  });
});

describe("participants, starts and exits (§6.2)", () => {
  it("counts every participant of a year in `all`, also one who never received assistance or only in another year", () => {
    expect(site.counts("all", "participants", "0160", 2024)).toEqual([30, 30, 60]); // P1 P3 P5 | P2 P4 P6
    expect(site.counts("all", "participants", "0160", 2025)).toEqual([10, 10, 20]); // P7 | P6 (ongoing)
  });

  it("counts a target group's participants and starts by the bistand rows of the year", () => {
    expect(site.counts("unemployment", "participants", "0160", 2024)).toEqual([20, 20, 40]); // P1 P3 | P2 P6
    expect(site.counts("unemployment", "measure_starts", "0160", 2024)).toEqual([20, 10, 30]); // P1 P3 | P2 (P6 started in 2023)
    expect(site.counts("all", "measure_starts", "0160", 2024)).toEqual([30, 20, 50]);
  });

  it("counts every exit of the municipality in `all`, and the share to work or studies", () => {
    expect(site.counts("all", "measure_exits", "0160", 2024)).toEqual([30, 20, 50]);
    expect(cells("all", "exit_work_studies_share", "0160", 2024, "K")).toEqual(["66.7", "20", "30", ""]);
    expect(cells("all", "exit_work_studies_share", "0160", 2024, "M")).toEqual(["100", "20", "20", ""]);
    expect(cells("all", "exit_work_studies_share", "0160", 2024, "T")).toEqual(["80", "40", "50", ""]);
    expect(site.counts("unemployment", "measure_exits", "0160", 2024)).toEqual([20, 10, 30]); // not P4 (never), not P5 (2025 only)
  });
});

describe("costs (§6.2), T only, whole kronor", () => {
  it("divides the cost of the exits that carry one by their number, and by those to work or studies among them", () => {
    // all 2024: P1 12 000, P3 6 000, P4 9 000, P5 3 000 (P2 has no cost): 300 000 over 40 exits, 30 of them to work or studies
    expect(cells("all", "cost_per_exit", "0160", 2024)).toEqual(["7500", "300000", "40", ""]);
    expect(cells("all", "cost_per_work_studies_exit", "0160", 2024)).toEqual(["10000", "300000", "30", ""]);
    // unemployment 2024: P1 and P3 (P2 has no cost): 180 000 over 20, of which P1's 10 to work
    expect(cells("unemployment", "cost_per_exit", "0160", 2024)).toEqual(["9000", "180000", "20", ""]);
    expect(cells("unemployment", "cost_per_work_studies_exit", "0160", 2024)).toEqual(["18000", "180000", "10", ""]);
  });

  it("publishes the cost figures for T only", () => {
    const rows = site.groups.get("all")!.filter((f) => f.indicator.startsWith("cost_per_"));
    expect(new Set(rows.map((f) => f.gender))).toEqual(new Set(["T"]));
  });
});

describe("follow-up after exits to work or studies (§6.2)", () => {
  it("counts exits not followed by assistance within 3 and 12 months, among those whose months after are covered", () => {
    // followed: P1 (June), P2 (April), P4 (December, into 2025), P5 (October)
    expect(cells("all", "no_return_3m_share", "0160", 2024, "K")).toEqual(["50", "10", "20", ""]); // P1 stays, P5 is back in January
    expect(cells("all", "no_return_3m_share", "0160", 2024, "M")).toEqual(["100", "20", "20", ""]); // P2, P4
    expect(cells("all", "no_return_3m_share", "0160", 2024, "T")).toEqual(["75", "30", "40", ""]);
    expect(cells("all", "no_return_12m_share", "0160", 2024, "T")).toEqual(["50", "20", "40", ""]); // P1, P4 (P2 back in September)
  });

  it("does not follow an exit in December whose following months are not loaded: no denominator, `-`", () => {
    expect(cells("all", "no_return_3m_share", "0160", 2025)).toEqual(["", "", "", "-"]);
    expect(cells("all", "no_return_12m_share", "0160", 2025)).toEqual(["", "", "", "-"]);
    expect(site.counts("all", "measure_exits", "0160", 2025)).toEqual([10, 0, 10]);
  });
});

it("obeys the contract's invariants everywhere (§6–§8)", () => {
  expect(violations(site, 3)).toEqual([]);
});
