// Contract §5–§7 on small hand-computed cases: tiny contract-format inboxes, two real `kas run`s (the
// second brings a corrected bistand file and a new insats snapshot), and every expected number
// written here with its arithmetic. Threshold 1, and each scenario person in 10 identical copies
// (own person id and household), so that no count is 1..threshold and no share's denominator is
// below 10: nothing in the asserted blocks is withheld, counts are 10 × the per-person arithmetic and
// shares and means are the per-person ones. Each municipality holds one scenario.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inReport, schema } from "../pipeline/contract/schema.js";
import type { RunSummary } from "../pipeline/run.js";
import {
  bistandHeader, bistandRows, copies, csvText, insatsHeader, insatsRows, measureCopies, runKas, Site, tempRoot, violations, writeFiles,
  type CsvFigure, type Measure, type Person
} from "./helpers/indicators.js";

const X = 10; // copies of every scenario person

/** Expects a figure's [value, numerator, denominator, status] for each gender given, in the order given. */
function expectCells(
  s: Site, group: string, indicator: string, municipality: string, year: number,
  byGender: Partial<Record<"K" | "M" | "T", readonly [string, string, string, string]>>
): void {
  for (const [gender, cells] of Object.entries(byGender)) {
    expect(s.cells(group, indicator, municipality, year, gender), `${group} ${indicator} ${municipality} ${year} ${gender}`).toEqual(cells);
  }
}

// 0114 — reason of the year (2024).
const reasons: Person[] = [
  // A: Jan–Apr sick_certified_no_benefit (4), May–Jul unemployed_no_benefit (3), Aug–Sep unemployed_awaiting_benefit (2).
  // Per code: sick 4 > 3 > 2 → ill_health. (Per group it would be unemployment 5 > 4; by latest month awaiting → unemployment.)
  { label: "A", gender: "K", born: 1980, years: { 2024: "SSSSUUUAA..." } },
  // B: social_reasons Jan–Feb (2), unemployed_no_benefit Mar–Apr (2), May–Jul rows without a reason (3).
  // Uncoded months do not count (else "none" 3 would win); tie 2–2 → code of the latest tied month (Apr) → unemployment.
  { label: "B", gender: "M", born: 1980, years: { 2024: "OOUU---....." } },
  // C: social Jan + Jun (2), unemployed Feb–Mar (2), sick Nov (1), Dec uncoded: 6 months, 5 coded.
  // Tie social/unemployed → the tied code of the latest month (Jun, social), not the latest coded month (Nov, sick) → social_reasons.
  { label: "C", gender: "K", born: 1980, years: { 2024: "OUU..O....S-" } },
  // D: 12 months, none coded: no reason of the year, in `all` only.
  { label: "D", gender: "M", born: 1980, years: { 2024: "------------" } }
];

// 0115 — several groups at once, long-term at 9 and 10 months, young adults at 17, 18, 29, 30 (2024).
const groups: Person[] = [
  // F: establishment_insufficient Jan–Jun (6), unemployed Jul–Oct (4): reason establishment → unemployment;
  // 10 months → long_term_unemployed; establishment_* → newly_arrived; 2024 − 2000 = 24 → young_adults.
  { label: "F", gender: "M", born: 2000, years: { 2024: "EEEEEEUUUU.." } },
  { label: "G", gender: "K", born: 1990, years: { 2024: "UUUUUUUUU..." } }, // 9 months: not long-term
  { label: "H", gender: "K", born: 1990, years: { 2024: "IIIIIIIIII.." } }, // 10 months: long-term
  { label: "J17", gender: "K", born: 2007, years: { 2024: "sss........." } }, // 17: not young
  { label: "J18", gender: "K", born: 2006, years: { 2024: "sss........." } }, // 18: young
  { label: "J29", gender: "M", born: 1995, years: { 2024: "sss........." } }, // 29: young
  { label: "J30", gender: "M", born: 1994, years: { 2024: "sss........." } } // 30: not young
];

// 0117 — reason_coded_share and rounding (not copied: the populations are large already).
const rounding: Person[] = [
  // 2024 women: 3 × 12 months (January coded) + 163 × 12 uncoded + 1 × 8 uncoded = 2000 person-months, 3 coded.
  ...Array.from({ length: 3 }, (_, i): Person => ({ label: `K24c${i}`, gender: "K", born: 1980, years: { 2024: "U-----------" } })),
  ...Array.from({ length: 163 }, (_, i): Person => ({ label: `K24u${i}`, gender: "K", born: 1980, years: { 2024: "------------" } })),
  { label: "K24s", gender: "K", born: 1980, years: { 2024: "--------...." } },
  // 2024 men: 10 × 8 months, one coded each: 80 person-months, 10 coded.
  ...Array.from({ length: 10 }, (_, i): Person => ({ label: `M24${i}`, gender: "M", born: 1980, years: { 2024: "O-------...." } })),
  // 2025 women: 29 × 12 (January coded) + 137 × 12 + 1 × 8 = 2000 person-months, 29 coded; no men.
  ...Array.from({ length: 29 }, (_, i): Person => ({ label: `K25c${i}`, gender: "K", born: 1980, years: { 2025: "U-----------" } })),
  ...Array.from({ length: 137 }, (_, i): Person => ({ label: `K25u${i}`, gender: "K", born: 1980, years: { 2025: "------------" } })),
  { label: "K25s", gender: "K", born: 1980, years: { 2025: "--------...." } }
];

// 0123 — amount per household-month (2024), in a `;` file with decimal commas.
const amounts: Person[] = [
  // Household HA, a couple: the amount is on the applicant's row only; 10 000,50 Jan–Jun, 8 000 Jul–Dec.
  { label: "J", household: "HA", role: "applicant", gender: "M", born: 1980, years: { 2024: "UUUUUUUUUUUU" },
    amount: 0 }, // replaced per month below
  // The co-applicant, 2024 − 1998 = 26 → young adult, on the rows Jan–Jun only (Jul–Dec are "outside the group").
  { label: "Jk", household: "HA", role: "co_applicant", gender: "K", born: 1998, years: { 2024: "UUUUUU......" }, amount: "" },
  // Household HB: a young woman (24) Mar–May, 5 000,25 a month.
  { label: "Y", household: "HB", gender: "K", born: 2000, years: { 2024: "..OOO......." }, amount: "5000,25" },
  // Household HC: a couple repeating the same amount (3 000) on both rows: one household-month each month.
  { label: "L1", household: "HC", role: "applicant", gender: "M", born: 1970, years: { 2024: "SSSSSSSSSSSS" }, amount: "3000" },
  { label: "L2", household: "HC", role: "co_applicant", gender: "K", born: 1972, years: { 2024: "SSSSSSSSSSSS" }, amount: "3000" }
];

// 0125 — measure exits (bistand 2024–2025, one insats snapshot).
const exitPeople: Person[] = [
  { label: "N1", gender: "K", born: 1980, years: { 2024: "UUUUUUUUUUUU" } }, // unemployment (and long-term) 2024
  { label: "N3", gender: "M", born: 1980, years: { 2024: "SSSSSSSSSSSS", 2025: "UUUUUU......" } }, // ill_health 2024, unemployment 2025
  { label: "N4", gender: "K", born: 1975, years: { 2024: "UUUU........" } } // assistance in 2024 only, a measure ending in 2025
  // N2 never receives assistance
];
const exitMeasures: Measure[] = [
  { label: "N1", gender: "K", born: 1980, measure: "job_search", start: "2024-02-01", end: "2024-05-31", exit: "work" },
  { label: "N1", gender: "K", born: 1980, measure: "work_training", start: "2024-06-01", end: "2024-09-30", exit: "municipal_employment" },
  { label: "N1", gender: "K", born: 1980, measure: "municipal_employment", start: "2024-10-01" }, // ongoing: not an exit
  { label: "N2", gender: "M", born: 1985, measure: "internship", start: "2024-03-01", end: "2024-08-31", exit: "studies" },
  { label: "N3", gender: "M", born: 1980, measure: "education", start: "2024-01-15", end: "2024-06-30", exit: "studies" },
  { label: "N3", gender: "M", born: 1980, measure: "job_search", start: "2025-02-01", end: "2025-04-30", exit: "work" },
  { label: "N3", gender: "M", born: 1980, measure: "rehabilitation", start: "2025-05-01", end: "2025-10-31", exit: "ill_health" },
  { label: "N4", gender: "K", born: 1975, measure: "job_search", start: "2025-01-15", end: "2025-03-31", exit: "work" }
];

// 0126 — gender and birth year from the latest row.
const changing: Person[] = [
  // Q1: 2024 rows say K, born 1994 (30); the latest row (2025-06) says M, born 1995 → M in 2024 too, aged 29 → young adult in 2024.
  { label: "Q1", gender: "K", born: 1994, years: { 2024: "UUUUUU......", 2025: "UUUUUU......" },
    genderIn: Object.fromEntries(["01", "02", "03", "04", "05", "06"].map((m) => [`2025-${m}`, "M" as const])),
    bornIn: Object.fromEntries(["01", "02", "03", "04", "05", "06"].map((m) => [`2025-${m}`, 1995])) },
  // Q2: M born 1970 Jan–Jun, K born 1971 Jul–Dec 2024 → K.
  { label: "Q2", gender: "K", born: 1971, years: { 2024: "SSSSSSSSSSSS" },
    genderIn: Object.fromEntries(["01", "02", "03", "04", "05", "06"].map((m) => [`2024-${m}`, "M" as const])),
    bornIn: Object.fromEntries(["01", "02", "03", "04", "05", "06"].map((m) => [`2024-${m}`, 1970])) }
];

// 0127 — a corrected bistand file and a new insats snapshot, loaded by the second run.
const original: Person[] = [
  { label: "S1", gender: "K", born: 1980, years: { 2024: "UUUUUUUUUUUU" } },
  { label: "S2", gender: "M", born: 1980, years: { 2024: "SSSSSSSSSSSS" } },
  { label: "S3", gender: "K", born: 1980, years: { 2024: "OOOO........" } }
];
const correction: Person[] = [
  // Mar–May only: S1 absent (loses 3 months), S2 unchanged, S3 recoded to unemployed and May added, S4 new.
  { label: "S2", gender: "M", born: 1980, years: { 2024: "..SSS......." } },
  { label: "S3", gender: "K", born: 1980, years: { 2024: "..UUU......." } },
  { label: "S4", gender: "M", born: 1980, years: { 2024: "..OOO......." } }
];
const snapshot1: Measure[] = [
  { label: "S1", gender: "K", born: 1980, measure: "job_search", start: "2024-01-10", end: "2024-05-15", exit: "work" },
  { label: "S2", gender: "M", born: 1980, measure: "rehabilitation", start: "2024-02-01", end: "2024-04-30", exit: "ill_health" }
];
const snapshot2: Measure[] = [
  { label: "S1", gender: "K", born: 1980, measure: "job_search", start: "2024-01-10", end: "2024-05-15", exit: "dropped_out" },
  { label: "S4", gender: "M", born: 1980, measure: "education", start: "2024-03-01", end: "2024-11-30", exit: "studies" }
];

// 0160, 0162, 0163 — the network mean and ranks (2023 only; no data in 2024–2025).
const taby: Person[] = [
  { label: "X1", gender: "K", born: 1980, years: { 2023: "UUUUUUUUUUUU" } },
  { label: "X2", gender: "K", born: 1980, years: { 2023: "UUUUUU......" } },
  { label: "X3", gender: "M", born: 1980, years: { 2023: "UUUUUUUUUUUU" } }
];
const danderyd: Person[] = [
  { label: "Y1", gender: "K", born: 1980, years: { 2023: "UUUUUUUUUUUU" } },
  { label: "Y2", gender: "K", born: 1980, years: { 2023: "UUU........." } },
  { label: "Y3", gender: "M", born: 1980, years: { 2023: "UUUUUUUUUUUU" } },
  { label: "Y4", gender: "M", born: 1980, years: { 2023: "UUUUUUUUUUUU" } },
  { label: "Y5", gender: "M", born: 1980, years: { 2023: "UUU........." } }
];
// one person, not copied: recipients 1 is withheld at threshold 1
const sollentuna: Person[] = [{ label: "Z", gender: "K", born: 1980, years: { 2023: "UUUUUUUUUUUU" } }];

function bistand(municipality: string, people: Person[], only?: (month: string) => boolean): string {
  return csvText(bistandHeader, bistandRows(municipality, people, only));
}

/** 0123's rows with J's amount per month, written with `;` and decimal commas. */
function amountsFile(): string {
  const rows = bistandRows("0123", copies(X, amounts)).map((r) => {
    if (r[4] === "applicant" && r[3].startsWith("0123-HA#")) r[9] = r[1] <= "2024-06" ? "10000,50" : "8000";
    return r;
  });
  return csvText(bistandHeader, rows, ";");
}

const firstInbox: Record<string, string> = {
  "0114/bistand-2024.csv": bistand("0114", copies(X, reasons)),
  "0115/bistand-2024.csv": bistand("0115", copies(X, groups)),
  "0117/bistand-2024.csv": bistand("0117", rounding.filter((p) => p.years[2024])),
  "0117/bistand-2025.csv": bistand("0117", rounding.filter((p) => p.years[2025])),
  "0123/bistand-2024.csv": amountsFile(),
  "0125/bistand-2024-2025.csv": bistand("0125", copies(X, exitPeople)),
  "0125/insats-2025-12-31.csv": csvText(insatsHeader, insatsRows("0125", measureCopies(X, exitMeasures))),
  "0126/bistand.csv": bistand("0126", copies(X, changing)),
  "0127/bistand-2024.csv": bistand("0127", copies(X, original)),
  "0127/insats-2024-06-30.csv": csvText(insatsHeader, insatsRows("0127", measureCopies(X, snapshot1))),
  "0160/bistand-2023.csv": bistand("0160", copies(X, taby)),
  "0162/bistand-2023.csv": bistand("0162", copies(X, danderyd)),
  "0163/bistand-2023.csv": bistand("0163", sollentuna)
};
const secondInbox: Record<string, string> = {
  "0127/bistand-2024-rattelse-03-05.csv": bistand("0127", copies(X, correction)),
  "0127/insats-2024-12-31.csv": csvText(insatsHeader, insatsRows("0127", measureCopies(X, snapshot2)))
};

let root: string;
let first: RunSummary;
let second: RunSummary;
let before: Site; // after the first run
let site: Site; // after the second run

beforeAll(async () => {
  root = tempRoot("indicators");
  writeFiles(join(root, "inbox"), firstInbox);
  first = await runKas(root, 1);
  before = new Site(join(root, "site"));
  writeFiles(join(root, "inbox"), secondInbox, new Date("2026-01-12T12:00:00Z"));
  second = await runKas(root, 1);
  site = new Site(join(root, "site"));
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the runs", () => {
  it("accept every file, and the second run loads only the two new ones and records the replacements", () => {
    expect(first.files.rejected).toEqual([]);
    expect(first.files.accepted.map((f) => f.file).sort()).toEqual(Object.keys(firstInbox).sort());
    expect(second.files.rejected).toEqual([]);
    expect(second.files.accepted.map((f) => f.file).sort()).toEqual(Object.keys(secondInbox).sort());
    expect(second.files.unchanged).toBe(Object.keys(firstInbox).length);
    // bistand Mar, Apr and May of the original file, and the whole first insats snapshot
    expect(second.replacements).toBe(4);
  });
});

describe("every published figure (§6–§8)", () => {
  it("has the contract's statuses and empty cells, exact rounding, no count of 1, and network means of the published values", () => {
    expect(violations(before, 1)).toEqual([]);
    expect(violations(site, 1)).toEqual([]);
  });

  it("the invariants catch a wrong figure (the check itself can fail)", () => {
    const broken = Object.create(site) as Site;
    const copy = new Map([...site.groups].map(([g, fs]) => [g, fs.map((f) => ({ ...f }))]));
    const patch = (group: string, pick: (f: CsvFigure) => boolean, change: Partial<CsvFigure>) => {
      const list = copy.get(group)!;
      const i = list.findIndex(pick);
      list[i] = { ...list[i], ...change };
    };
    // 52.9 → 53.0, a withheld row that shows its numerator, a network denominator off by one
    patch("all", (f) => f.indicator === "reason_coded_share" && f.municipality === "0114" && f.year === 2024 && f.gender === "T", { value: "53" });
    patch("all", (f) => f.status === "..", { numerator: "1" });
    patch("all", (f) => f.municipality === "network" && f.indicator === "recipients" && f.year === 2024 && f.gender === "T", { denominator: "8" });
    Object.defineProperty(broken, "groups", { value: copy });
    const found = violations(broken, 1);
    expect(found.filter((v) => v.startsWith("all reason_coded_share 0114 2024 T: share is not"))).toHaveLength(1);
    expect(found.filter((v) => v.includes(": withheld or missing row with cells"))).toHaveLength(1);
    expect(found.filter((v) => v.startsWith("all recipients network 2024 T: [61,427,8,]"))).toHaveLength(1);
    // and the mean of reason_coded_share T 2024 no longer matches the changed municipal value
    expect(found.filter((v) => v.startsWith("all reason_coded_share network 2024 T:"))).toHaveLength(1);
    expect(found).toHaveLength(4);
  });
});

describe("reason of the year (§5), 0114 2024", () => {
  it("counts months per code, ignores months without a reason, breaks ties by the tied code's latest month", () => {
    // unemployment: B only (M) → [K, M, T] = [0, 10, 10]
    expect(site.counts("unemployment", "recipients", "0114", 2024)).toEqual([0, 10, 10]);
    // ill_health: A only (K)
    expect(site.counts("ill_health", "recipients", "0114", 2024)).toEqual([10, 0, 10]);
    // social_reasons: C only (K)
    expect(site.counts("social_reasons", "recipients", "0114", 2024)).toEqual([10, 0, 10]);
    // all: A, C (K) + B, D (M)
    expect(site.counts("all", "recipients", "0114", 2024)).toEqual([20, 20, 40]);
    expect(site.counts("newly_arrived", "recipients", "0114", 2024)).toEqual([0, 0, 0]);
  });

  it("reason_coded_share is coded person-months over all person-months of the group's recipients", () => {
    // K: A 9/9 + C 5/6 → 140/150 = 93.33… → 93.3; M: B 4/7 + D 0/12 → 40/190 = 21.05… → 21.1; T: 180/340 = 52.94… → 52.9
    expectCells(site, "all", "reason_coded_share", "0114", 2024, { K: ["93.3", "140", "150", ""], M: ["21.1", "40", "190", ""], T: ["52.9", "180", "340", ""] });
    // unemployment (B): 40/70 = 57.14… → 57.1; K has no recipients: no share
    expectCells(site, "unemployment", "reason_coded_share", "0114", 2024, { M: ["57.1", "40", "70", ""], K: ["", "", "", "-"] });
  });

  it("long_term_share counts recipients with ≥ 10 months (D, 12 months)", () => {
    // K 0/20 = 0.0; M 10/20 = 50.0; T 10/40 = 25.0
    expectCells(site, "all", "long_term_share", "0114", 2024, { K: ["0", "0", "20", ""], M: ["50", "10", "20", ""], T: ["25", "10", "40", ""] });
  });
});

describe("target groups (§5), 0115 2024", () => {
  it("puts one person in several groups", () => {
    // all: K = G, H, J17, J18 (40); M = F, J29, J30 (30)
    expect(site.counts("all", "recipients", "0115", 2024)).toEqual([40, 30, 70]);
    // unemployment: G, H (K) + F (M: establishment_insufficient is an unemployment code)
    expect(site.counts("unemployment", "recipients", "0115", 2024)).toEqual([20, 10, 30]);
    // newly_arrived: F
    expect(site.counts("newly_arrived", "recipients", "0115", 2024)).toEqual([0, 10, 10]);
    // ill_health: J17, J18 (K), J29, J30 (M)
    expect(site.counts("ill_health", "recipients", "0115", 2024)).toEqual([20, 20, 40]);
  });

  it("long_term_unemployed needs 10 months: H (10) and F (10) in, G (9) out", () => {
    expect(site.counts("long_term_unemployed", "recipients", "0115", 2024)).toEqual([10, 10, 20]);
    // unemployment long_term_share: K 10/20 = 50.0, M 10/10 = 100.0, T 20/30 = 66.66… → 66.7
    expectCells(site, "unemployment", "long_term_share", "0115", 2024, { K: ["50", "10", "20", ""], M: ["100", "10", "10", ""], T: ["66.7", "20", "30", ""] });
    // all: K 10/40 = 25.0, M 10/30 = 33.33… → 33.3, T 20/70 = 28.57… → 28.6
    expectCells(site, "all", "long_term_share", "0115", 2024, { M: ["33.3", "10", "30", ""], T: ["28.6", "20", "70", ""] });
  });

  it("young_adults: 2024 − birth year in 18..29 (18 and 29 in, 17 and 30 out)", () => {
    // K: J18; M: J29, F (24)
    expect(site.counts("young_adults", "recipients", "0115", 2024)).toEqual([10, 20, 30]);
    // of them only F has ≥ 10 months: M 10/20 = 50.0, T 10/30 = 33.3
    expectCells(site, "young_adults", "long_term_share", "0115", 2024, { T: ["33.3", "10", "30", ""] });
  });
});

describe("rounding: shares to one decimal, half up, exact (0117)", () => {
  it("3/2000 = 0.15 % → 0.2; 10/80 = 12.5 %; 13/2080 = 0.625 % → 0.6", () => {
    expectCells(site, "all", "reason_coded_share", "0117", 2024, { K: ["0.2", "3", "2000", ""], M: ["12.5", "10", "80", ""], T: ["0.6", "13", "2080", ""] });
  });

  it("29/2000 = 1.45 % → 1.5 (a double would give 1.4), and 166/167 = 99.40… → 99.4", () => {
    expectCells(site, "all", "reason_coded_share", "0117", 2025, { T: ["1.5", "29", "2000", ""] });
    expectCells(site, "all", "long_term_share", "0117", 2025, { K: ["99.4", "166", "167", ""] });
    // no men in 2025: 0 recipients, and no share at all
    expectCells(site, "all", "recipients", "0117", 2025, { M: ["0", "0", "", ""] });
    expectCells(site, "all", "long_term_share", "0117", 2025, { M: ["", "", "", "-"] });
  });
});

describe("amount_per_household_month (§6), 0123 2024, T only", () => {
  // HA: 6 × 10 000.50 + 6 × 8 000 = 108 003.00 over 12 household-months (the amount on one row of the couple);
  // HB: 3 × 5 000.25 = 15 000.75 over 3; HC: 12 × 3 000 = 36 000 over 12 (the amount repeated on both rows counts once).
  it("young_adults (Jk in HA, Y in HB) includes HA's months without Jk", () => {
    // (108 003 + 15 000.75) × 10 / ((12 + 3) × 10) = 1 230 037.5 / 150 = 8 200.25
    expectCells(site, "young_adults", "amount_per_household_month", "0123", 2024, { T: ["8200", "1230037.5", "150", ""] });
  });

  it("all, unemployment, social_reasons, ill_health", () => {
    // all: (108 003 + 15 000.75 + 36 000) × 10 / 270 = 1 590 037.5 / 270 = 5 889.0277… → 5 889.03
    expectCells(site, "all", "amount_per_household_month", "0123", 2024, { T: ["5889", "1590037.5", "270", ""] });
    // unemployment (J, Jk): HA: 1 080 030 / 120 = 9 000.25
    expectCells(site, "unemployment", "amount_per_household_month", "0123", 2024, { T: ["9000", "1080030", "120", ""] });
    // social_reasons (Y): 150 007.5 / 30 = 5 000.25
    expectCells(site, "social_reasons", "amount_per_household_month", "0123", 2024, { T: ["5000", "150007.5", "30", ""] });
    // ill_health (L1, L2): 360 000 / 120 = 3 000
    expectCells(site, "ill_health", "amount_per_household_month", "0123", 2024, { T: ["3000", "360000", "120", ""] });
  });

  it("is published for T only, in every report", () => {
    for (const [group, figures] of site.groups) {
      const genders = new Set(figures.filter((f) => f.indicator === "amount_per_household_month").map((f) => f.gender));
      expect([...genders], group).toEqual(["T"]);
    }
  });
});

describe("measure exits (§5, §6), 0125", () => {
  it("all 2024: every ended measure of the year's recipients and of people who never had assistance; ongoing ones are not exits", () => {
    // K: N1 job_search (work) + work_training (municipal_employment) = 2 × 10; the ongoing measure is not counted.
    // M: N2 internship (studies, no assistance) + N3 education (studies) = 2 × 10.
    expect(site.counts("all", "measure_exits", "0125", 2024)).toEqual([20, 20, 40]);
    // work or studies: K 10/20 = 50.0 (municipal_employment does not count); M 20/20 = 100.0; T 30/40 = 75.0
    expectCells(site, "all", "exit_work_studies_share", "0125", 2024, { K: ["50", "10", "20", ""], M: ["100", "20", "20", ""], T: ["75", "30", "40", ""] });
  });

  it("a target group counts the exits of a year by the bistand rows of that year", () => {
    // 2024: N1 is unemployed (2 exits, 1 to work); N3 ill_health (1 exit, studies); N2 in no group
    expect(site.counts("unemployment", "measure_exits", "0125", 2024)).toEqual([20, 0, 20]);
    expectCells(site, "unemployment", "exit_work_studies_share", "0125", 2024, { T: ["50", "10", "20", ""] });
    expect(site.counts("ill_health", "measure_exits", "0125", 2024)).toEqual([0, 10, 10]);
    expectCells(site, "ill_health", "exit_work_studies_share", "0125", 2024, { M: ["100", "10", "10", ""] });
    expect(site.counts("long_term_unemployed", "measure_exits", "0125", 2024)).toEqual([20, 0, 20]);
    // 2025: N3 is unemployed (job_search → work, rehabilitation → ill_health): 10/20 = 50.0
    expect(site.counts("unemployment", "measure_exits", "0125", 2025)).toEqual([0, 20, 20]);
    expectCells(site, "unemployment", "exit_work_studies_share", "0125", 2025, { M: ["50", "10", "20", ""] });
    expect(site.counts("ill_health", "measure_exits", "0125", 2025)).toEqual([0, 0, 0]);
    expectCells(site, "ill_health", "exit_work_studies_share", "0125", 2025, { T: ["", "", "", "-"] });
    // all 2025: N3's two exits and N4's exit — N4 had assistance, but not in 2025, so N4 is in no other
    // group that year; "all" counts every measure of the municipality, whoever the participant (v2 §5)
    expect(site.counts("all", "measure_exits", "0125", 2025)).toEqual([10, 20, 30]);
    expect(site.counts("unemployment", "measure_exits", "0125", 2025)).toEqual([0, 20, 20]);
  });

  it("participants without assistance are no recipients", () => {
    // 2024: N1, N4 (K), N3 (M); N2 never had assistance
    expect(site.counts("all", "recipients", "0125", 2024)).toEqual([20, 10, 30]);
  });

  it("a municipality without an insats file has no exits: `-`, never 0", () => {
    expectCells(site, "all", "measure_exits", "0114", 2024, { T: ["", "", "", "-"] });
    expectCells(site, "all", "exit_work_studies_share", "0114", 2024, { T: ["", "", "", "-"] });
  });
});

describe("gender and birth year from the latest row (§6), 0126", () => {
  it("counts Q1 as a man born 1995 also in 2024, and Q2 by the gender of July–December", () => {
    expect(site.counts("all", "recipients", "0126", 2024)).toEqual([10, 10, 20]);
    expect(site.counts("unemployment", "recipients", "0126", 2024)).toEqual([0, 10, 10]); // Q1
    expect(site.counts("ill_health", "recipients", "0126", 2024)).toEqual([10, 0, 10]); // Q2
    // Q1: 2024 − 1995 = 29 → young in 2024; 2025 − 1995 = 30 → not
    expect(site.counts("young_adults", "recipients", "0126", 2024)).toEqual([0, 10, 10]);
    expect(site.counts("young_adults", "recipients", "0126", 2025)).toEqual([0, 0, 0]);
  });
});

describe("corrected files (§1): the figures follow the newest data, 0127 2024", () => {
  it("before the correction", () => {
    // all: S1, S3 (K), S2 (M); long-term S1, S2
    expect(before.counts("all", "recipients", "0127", 2024)).toEqual([20, 10, 30]);
    expectCells(before, "all", "long_term_share", "0127", 2024, { T: ["66.7", "20", "30", ""] });
    expect(before.counts("unemployment", "recipients", "0127", 2024)).toEqual([10, 0, 10]);
    expect(before.counts("social_reasons", "recipients", "0127", 2024)).toEqual([10, 0, 10]);
    expect(before.counts("long_term_unemployed", "recipients", "0127", 2024)).toEqual([10, 0, 10]);
    // snapshot 1: S1 → work (K 10/10), S2 → ill_health (M 0/10)
    expectCells(before, "all", "exit_work_studies_share", "0127", 2024, { K: ["100", "10", "10", ""], M: ["0", "0", "10", ""] });
  });

  it("a newer bistand file replaces only its months (Mar–May)", () => {
    // S1 loses Mar–May (9 months: not long-term); S3 = social Jan–Feb + unemployed Mar–May → unemployment; S4 new (social).
    expect(site.counts("all", "recipients", "0127", 2024)).toEqual([20, 20, 40]);
    // long-term: S2 only: K 0/20, M 10/20 = 50.0, T 10/40 = 25.0
    expectCells(site, "all", "long_term_share", "0127", 2024, { T: ["25", "10", "40", ""] });
    expect(site.counts("unemployment", "recipients", "0127", 2024)).toEqual([20, 0, 20]);
    expect(site.counts("social_reasons", "recipients", "0127", 2024)).toEqual([0, 10, 10]);
    expect(site.counts("long_term_unemployed", "recipients", "0127", 2024)).toEqual([0, 0, 0]);
    // person-months: K S1 9 + S3 5 = 14, M S2 12 + S4 3 = 15 (× 10), all coded
    expectCells(site, "all", "reason_coded_share", "0127", 2024, { T: ["100", "290", "290", ""] });
  });

  it("a newer insats snapshot replaces all earlier measures", () => {
    // snapshot 2: S1 → dropped_out (K 0/10), S2's measure gone, S4 → studies (M 10/10)
    expectCells(site, "all", "exit_work_studies_share", "0127", 2024, { K: ["0", "0", "10", ""], M: ["100", "10", "10", ""], T: ["50", "10", "20", ""] });
  });

  it("leaves the other municipalities' figures as they were", () => {
    for (const [group, figures] of before.groups) {
      const others = (fs: CsvFigure[]) => fs.filter((f) => f.municipality !== "0127" && f.municipality !== "network");
      expect(others(site.groups.get(group)!), group).toEqual(others(figures));
    }
  });
});

describe("no data (§7)", () => {
  /** rows per municipality and year: every indicator with a total × its genders (K, M, T; the T-only
   *  ones once), and every breakdown's indicators × categories × genders (§6.3) */
  const genders = new Map(schema().indicators.map((i) => [i.id, i.genders]));
  // an indicator of some reports only (target_groups, e.g. participants_per_1000 in `all`) is in those
  const perYear = (group: string) =>
    schema().indicators.filter((i) => i.total !== false && inReport(i, group)).reduce((n, i) => n + i.genders.length, 0) +
    schema().dimensions.reduce((n, d) => n + d.indicators.reduce((m, i) => m + d.categories.length * genders.get(i.id)!.length, 0), 0);
  it("a municipality's year without data is `-` for every indicator and gender, never 0", () => {
    for (const [group, figures] of site.groups) {
      for (const [municipality, year] of [["0160", 2024], ["0160", 2025], ["0114", 2023], ["0127", 2025]] as const) {
        const rows = figures.filter((f) => f.municipality === municipality && f.year === year);
        expect(rows.length, `${group} ${municipality} ${year}`).toBe(perYear(group)); // every indicator × its genders
        for (const f of rows) expect([f.value, f.numerator, f.denominator, f.status], `${group} ${f.indicator} ${municipality} ${year} ${f.gender}`).toEqual(["", "", "", "-"]);
      }
    }
  });

  it("every report has every municipality × year × gender of every indicator", () => {
    const municipalities = ["0114", "0115", "0117", "0123", "0125", "0126", "0127", "0160", "0162", "0163", "network"];
    for (const [group, figures] of site.groups) {
      const keys = new Set(figures.map((f) => `${f.indicator}|${f.dimension}|${f.category}|${f.municipality}|${f.year}|${f.gender}`));
      for (const m of municipalities) {
        for (const y of [2023, 2024, 2025]) {
          for (const ind of schema().indicators.filter((i) => i.total !== false && inReport(i, group))) {
            for (const g of ind.genders) expect(keys.has(`${ind.id}|||${m}|${y}|${g}`), `${group} ${ind.id}|${m}|${y}|${g}`).toBe(true);
          }
          for (const d of schema().dimensions) {
            for (const i of d.indicators) {
              for (const c of d.categories) {
                for (const g of genders.get(i.id)!) expect(keys.has(`${i.id}|${d.id}|${c.code}|${m}|${y}|${g}`), `${group} ${i.id} ${d.id}=${c.code}|${m}|${y}|${g}`).toBe(true);
              }
            }
          }
        }
      }
      expect(keys.size, group).toBe(figures.length);
      expect(figures.length, group).toBe(municipalities.length * 3 * perYear(group));
    }
  });
});

describe("network mean and rank (§6), 2023", () => {
  // 0160 Täby ×10: X1 K 12 m, X2 K 6 m, X3 M 12 m → R [20, 10, 30], long-term [10, 10, 20]
  // 0162 Danderyd ×10: Y1 K 12, Y2 K 3, Y3 M 12, Y4 M 12, Y5 M 3 → R [20, 30, 50], long-term [10, 20, 30]
  // 0163 Sollentuna: one woman, 12 months → recipients K and T withheld (1 ≤ threshold)
  it("withheld values are not averaged", () => {
    expect(site.get("all", "recipients", "0163", 2023, "T").status).toBe("..");
    expect(site.get("all", "recipients", "0163", 2023, "K").status).toBe("..");
    // T: (30 + 50) / 2 = 40, numerator 80, denominator 2
    expectCells(site, "all", "recipients", "network", 2023, { T: ["40", "80", "2", ""], K: ["20", "40", "2", ""] });
  });

  it("the mean of shares rounds half up exactly", () => {
    // long_term_share T: 0160 20/30 = 66.7, 0162 30/50 = 60.0, 0163 withheld (denominator 1 < 10)
    expectCells(site, "all", "long_term_share", "0160", 2023, { T: ["66.7", "20", "30", ""] });
    expectCells(site, "all", "long_term_share", "0162", 2023, { T: ["60", "30", "50", ""] });
    expect(site.get("all", "long_term_share", "0163", 2023, "T").status).toBe("..");
    // (66.7 + 60.0) / 2 = 63.35 → 63.4 (in doubles 63.349999… → 63.3)
    expectCells(site, "all", "long_term_share", "network", 2023, { T: ["63.4", "126.7", "2", ""] });
    // M: 0160 10/10 = 100.0, 0162 20/30 = 66.7, 0163 has no men (`-`): (100.0 + 66.7) / 2 = 83.35 → 83.4
    expectCells(site, "all", "long_term_share", "0163", 2023, { M: ["", "", "", "-"] });
    expectCells(site, "all", "long_term_share", "network", 2023, { M: ["83.4", "166.7", "2", ""] });
  });

  it("a network year is the mean over the municipalities with data that year", () => {
    // all recipients T 2024: 0114 40 + 0115 70 + 0117 177 + 0123 50 + 0125 30 + 0126 20 + 0127 40 = 427 over 7 → 61.0
    expectCells(site, "all", "recipients", "network", 2024, { T: ["61", "427", "7", ""] });
    // no municipality has data: the network has none either
    expectCells(site, "newly_arrived", "exit_work_studies_share", "network", 2023, { T: ["", "", "", "-"] });
  });

  it("the report ranks published values where higher or lower is better, and leaves withheld ones and counts unranked (HTML)", () => {
    const doc = new JSDOM(readFileSync(join(root, "site", "all.html"), "utf8")).window.document;
    const cell = (indicator: string, name: string, column: number) => {
      const table = doc.querySelector(`#ind-${indicator.replace(/_/g, "-")} table`)!;
      const row = [...table.querySelectorAll("tbody tr")].find((tr) => tr.querySelector("th")?.textContent === name)!;
      const td = row.querySelectorAll("td")[column];
      return [td.querySelector(".cell-value")?.textContent, td.querySelector(".rank")?.textContent ?? null];
    };
    // columns: 2023 K, M, T, 2024 K, M, T, 2025 K, M, T → 2023 T is column 2
    // long_term_share: lower is better, but two published values are too few to rank (fewer than three)
    expect(cell("long_term_share", "Danderyd", 2)).toEqual(["60,0", "ej rankad"]);
    expect(cell("long_term_share", "Täby", 2)).toEqual(["66,7", "ej rankad"]);
    expect(cell("long_term_share", "Sollentuna", 2)).toEqual(["..", "ej rankad"]);
    expect(cell("long_term_share", "Upplands Väsby", 2)).toEqual(["-", "ej rankad"]);
    expect(cell("long_term_share", "Nätverket (medel)", 2)[0]).toBe("63,4");
    // recipients: a count, not ranked (v2 §6.4: only where higher or lower is better)
    expect(cell("recipients", "Danderyd", 2)).toEqual(["50", "ej rankad"]);
    expect(cell("recipients", "Täby", 2)).toEqual(["30", "ej rankad"]);
  });
});
