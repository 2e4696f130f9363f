// Contract §10, by hand: the model's value per exit (discounting, retention lists), the three figures
// (no value without an amount mean, no return when the cost is 0), the withholding rule, the settings
// that carry its parameters (§9), and one run with non-default settings.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditSocioeconomic, socioeconomicFigures, socioeconomicRows, valuePerExit } from "../pipeline/publish/socioeconomic.js";
import { parseSettings, readSettings, socioeconomicDefaults, type SocioeconomicParameters } from "../pipeline/settings.js";
import { runConfig, UsageError } from "../pipeline/config.js";
import { run } from "../pipeline/run.js";
import { silentLogger, testContext } from "../pipeline/system/context.js";
import { main } from "../pipeline/cli.js";
import { JSDOM } from "jsdom";
import type { IndicatorRow, PublishedRow } from "../pipeline/withhold/model.js";
import {
  bistandHeader, bistandRows, copies, csvText, insatsHeader, insatsRows, measureCopies, Site, tempRoot, testKey, writeFiles,
  type Measure, type Person
} from "./helpers/indicators.js";

const simple: SocioeconomicParameters = {
  horizon_years: 1, discount_rate: 0, public_revenue_per_work_year: 100, work_retention: [1], studies_retention: [1], deadweight: 0
};

describe("the model (§10)", () => {
  it("values an exit over the horizon: retention × (A + R) for work, retention × A for studies, discounted from year 2", () => {
    expect(valuePerExit(1200, simple)).toEqual({ work: 1300, studies: 1200 });
    // H = 2, r = 10 %: year 1 whole, year 2 ÷ 1.1
    const two = { ...simple, horizon_years: 2, discount_rate: 0.1, work_retention: [1, 0.5], studies_retention: [1, 0] };
    const v = valuePerExit(1200, two);
    expect(v.work).toBeCloseTo(1300 + (0.5 * 1300) / 1.1, 9); // 1890.909…
    expect(v.studies).toBe(1200);
  });

  it("uses the contract's defaults: five years at 3.5 %, R = 150 000", () => {
    const a = 120_000; // 10 000 kr per household-month
    const work = 270_000 * (1 + 0.8 / 1.035 + 0.7 / 1.035 ** 2 + 0.65 / 1.035 ** 3 + 0.6 / 1.035 ** 4);
    const studies = 120_000 * (1 + 0.9 / 1.035 + 0.6 / 1.035 ** 2 + 0.3 / 1.035 ** 3 + 0.1 / 1.035 ** 4);
    const v = valuePerExit(a, socioeconomicDefaults);
    expect(v.work).toBeCloseTo(work, 6);
    expect(v.studies).toBeCloseTo(studies, 6);
    expect(Math.round(v.work)).toBe(954_594); // 270 000 × (1 + 0.7729 + 0.6535 + 0.5863 + 0.5229 = 3.5355…)
  });

  it("gives value, net value and return; deadweight takes its share off; no return on a cost of 0; nothing without an amount", () => {
    const f = socioeconomicFigures({ a: 1200, work: 10, studies: 5, cost: 5000 }, { ...simple, deadweight: 0.1 })!;
    expect(f.value).toBeCloseTo((10 * 1300 + 5 * 1200) * 0.9, 9); // 17 100
    expect(f.net).toBeCloseTo(12_100, 9);
    expect(f.ret).toBeCloseTo(3.42, 9);
    expect(socioeconomicFigures({ a: 1200, work: 10, studies: 5, cost: 0 }, simple)!.ret).toBeNull();
    expect(socioeconomicFigures({ a: null, work: 10, studies: 5, cost: 10 }, simple)).toBeNull();
  });
});

describe("the rows of a report and their withholding", () => {
  const r = (indicator: string, numerator: number | null, denominator: number | null, status: "" | "-" = "", extra: Partial<IndicatorRow> = {}): IndicatorRow =>
    ({ indicator, municipality: "0114", year: 2024, gender: "T", value: numerator, numerator, denominator, status, ...extra });
  const truth = (work: number, studies: number): IndicatorRow[] => [
    r("measure_exits", 40, null),
    r("exit_reason_share", work, 40, "", { dimension: "exit_reason", category: "work" }),
    r("exit_reason_share", studies, 40, "", { dimension: "exit_reason", category: "studies" }),
    r("amount_per_household_month", 100 * 50, 50), // 100 kr per household-month → A = 1 200
    r("cost_per_exit", 5000, 20)
  ];
  const asPublished = (rows: IndicatorRow[], withhold: string[] = []): PublishedRow[] =>
    rows.map((x) => (withhold.includes(x.category ?? x.indicator) ? { ...x, value: null, numerator: null, denominator: null, status: ".." } : x));
  const cells = (rows: PublishedRow[]) => Object.fromEntries(rows.map((x) => [x.indicator, x.status === "" ? x.value : x.status]));

  it("computes the figures where W, S and the exits are published and above the threshold", () => {
    const t = truth(10, 5);
    const out = socioeconomicRows(t, asPublished(t), 3, simple);
    expect(cells(out.rows)).toEqual({ socioeconomic_value: 19_000, socioeconomic_net_value: 14_000, socioeconomic_return: 3.8 });
    expect(out.sensitivity).toEqual([{ municipality: "0114", year: 2024, value: 19_000, halfRetention: 9_500, defaults: 19_000 }]);
    expect(auditSocioeconomic([...asPublished(t), ...out.rows], 3)).toEqual([]);
  });

  it("withholds all three where W or S is from 1 to the threshold, or withheld, or the amount is withheld", () => {
    for (const [t, withhold] of [[truth(10, 2), []], [truth(10, 5), ["work"]], [truth(10, 5), ["amount_per_household_month"]]] as const) {
      const out = socioeconomicRows(t, asPublished(t, [...withhold]), 3, simple);
      expect(cells(out.rows)).toEqual({ socioeconomic_value: "..", socioeconomic_net_value: "..", socioeconomic_return: ".." });
      expect(out.sensitivity).toEqual([]);
    }
    // 0 is no secret: no studies at all still gives a value
    const zero = truth(10, 0);
    expect(cells(socioeconomicRows(zero, asPublished(zero), 3, simple).rows).socioeconomic_value).toBe(13_000);
  });

  it("the audit finds a published figure resting on a withheld count", () => {
    const t = truth(10, 5);
    const out = socioeconomicRows(t, asPublished(t), 3, simple);
    expect(auditSocioeconomic([...asPublished(t, ["studies"]), ...out.rows], 3)).toHaveLength(3);
  });
});

describe("the settings (§9)", () => {
  it("fills in every default", () => {
    const s = parseSettings({}, "x.json");
    expect(s).toMatchObject({ language: "sv", surveyMinRespondents: 30, socioeconomic: socioeconomicDefaults });
  });

  it("is wrong usage, naming the key, for an unknown key, a share outside 0–1, a negative rate or lists not of H entries", () => {
    const bad = (raw: unknown) => () => parseSettings(raw, "nätverk.json");
    expect(bad({ colour: "red" })).toThrow(UsageError);
    expect(bad({ colour: "red" })).toThrow(/okänd nyckel colour/);
    expect(bad({ socioeconomic: { deadweight: 1.5 } })).toThrow(/socioeconomic\.deadweight/);
    expect(bad({ socioeconomic: { discount_rate: -0.01 } })).toThrow(/socioeconomic\.discount_rate/);
    expect(bad({ socioeconomic: { horizon_years: 3 } })).toThrow(/work_retention har 5 värden, men horizon_years är 3/);
    expect(bad({ socioeconomic: { wage: 1 } })).toThrow(/okänd nyckel socioeconomic\.wage/);
    expect(bad({ language: "de" })).toThrow(/language/);
  });

  it("reads a file; a missing file or bad JSON is wrong usage too", () => {
    const dir = tempRoot("settings");
    try {
      writeFileSync(join(dir, "ok.json"), JSON.stringify({ name: "KNUT", threshold: 4 }));
      expect(readSettings(join(dir, "ok.json"))).toMatchObject({ name: "KNUT", threshold: 4 });
      writeFileSync(join(dir, "bad.json"), "{ name: ");
      expect(() => readSettings(join(dir, "bad.json"))).toThrow(/inte giltig JSON/);
      expect(() => readSettings(join(dir, "none.json"))).toThrow(UsageError);
      // the command line's --threshold wins over the file's
      expect(runConfig({ settings: join(dir, "ok.json") }).threshold).toBe(4);
      expect(runConfig({ settings: join(dir, "ok.json"), threshold: 5 }).threshold).toBe(5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// A run with non-default parameters: 0184 has 20 exits to work and 10 to studies in 2024, 30 households
// paid 10 000 kr a month all year, and a cost of 6 000 kr on each of the 40 exits.
describe("a run with non-default settings", () => {
  const people: Person[] = [{ label: "A", gender: "K", born: 1980, years: { 2024: "UUUUUUUUUUUU" }, amount: 10_000 }];
  const measures: Measure[] = [
    ...measureCopies(20, [{ label: "A", gender: "K", born: 1980, measure: "job_search", start: "2024-01-10", end: "2024-06-30", exit: "work", cost: "6000" }]),
    ...measureCopies(10, [{ label: "A", gender: "K", born: 1980, measure: "education", start: "2024-01-10", end: "2024-06-30", exit: "studies", cost: "6000" }]),
    ...measureCopies(10, [{ label: "A", gender: "K", born: 1980, measure: "internship", start: "2024-01-10", end: "2024-06-30", exit: "moved", cost: "6000" }])
  ];
  let root: string;
  let site: Site;
  beforeAll(async () => {
    root = tempRoot("socio");
    writeFiles(join(root, "inbox"), {
      "0184/bistand.csv": csvText(bistandHeader, bistandRows("0184", copies(30, people))),
      "0184/insats.csv": csvText(insatsHeader, insatsRows("0184", measures))
    });
    const settings = { socioeconomic: { horizon_years: 2, discount_rate: 0.1, public_revenue_per_work_year: 60_000, work_retention: [1, 0.5], studies_retention: [1, 0], deadweight: 0.25 } };
    writeFileSync(join(root, "settings.json"), JSON.stringify(settings));
    const cfg = runConfig({ inbox: join(root, "inbox"), out: join(root, "site"), db: join(root, "state", "kas.duckdb"), settings: join(root, "settings.json") });
    const summary = await run(cfg, testContext({ env: { KAS_KEY: testKey } }));
    expect(summary.files.rejected).toEqual([]);
    site = new Site(join(root, "site"));
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("publishes the three figures as the settings' model computes them, with the network mean", () => {
    // A = 12 × 10 000 = 120 000; V_work = 180 000 + 0.5 × 180 000 ÷ 1.1 = 261 818.18…; V_studies = 120 000
    // value = (20 × 261 818.18 + 10 × 120 000) × 0.75 = 4 827 272.7 → 4 827 273; C = 40 × 6 000 = 240 000
    expect(site.cells("all", "socioeconomic_value", "0184", 2024, "T")).toEqual(["4827273", "", "", ""]);
    expect(site.cells("all", "socioeconomic_net_value", "0184", 2024, "T")).toEqual(["4587273", "", "", ""]);
    expect(site.cells("all", "socioeconomic_return", "0184", 2024, "T")).toEqual(["20.11", "", "", ""]);
    expect(site.cells("all", "socioeconomic_value", "network", 2024, "T")).toEqual(["4827273", "4827273", "1", ""]);
    // the year without measures' data: no value
    expect(site.groups.get("all")!.filter((f) => f.indicator.startsWith("socioeconomic_") && f.gender !== "T")).toEqual([]);
  });

  it("shows the model, its parameters as used and the sensitivity line on the report page", () => {
    const doc = new JSDOM(readFileSync(join(root, "site", "all.html"), "utf8")).window.document;
    const section = doc.querySelector("#socioekonomi")!;
    expect(section.textContent).toContain("inte uppmätta utfall");
    const params = Object.fromEntries([...section.querySelectorAll("table.params tbody tr")].map((tr) => [tr.querySelector("th")!.textContent, tr.querySelectorAll("td")[1].textContent]));
    expect(params).toEqual({ H: "2", r: "10,0 %", R: "60 000 kr", p: "1,00 · 0,50", q: "1,00 · 0,00", d: "25,0 %" });
    expect(section.querySelector("table.params caption")!.textContent).toContain("nätverkets inställningar");
    // halved retention: V_work = 90 000 + 0.25 × 180 000 ÷ 1.1, V_studies = 60 000 → (20 × 130 909.09 + 10 × 60 000) × 0.75 = 2 413 636
    const line = [...section.querySelectorAll("ul.sensitivity li")].map((li) => li.textContent!.replace(/\s+/g, " "));
    expect(line).toHaveLength(1);
    expect(line[0]).toContain("4 827 273 kr; halverade andelar 2 413 636 kr");
    expect(section.querySelector("svg[role=img]")).not.toBeNull();
  });

  it("republishes when the settings change, with nothing new in the inbox", async () => {
    writeFileSync(join(root, "settings.json"), JSON.stringify({ socioeconomic: { horizon_years: 2, discount_rate: 0.1, public_revenue_per_work_year: 60_000, work_retention: [1, 0.5], studies_retention: [1, 0], deadweight: 0 } }));
    const cfg = runConfig({ inbox: join(root, "inbox"), out: join(root, "site"), db: join(root, "state", "kas.duckdb"), settings: join(root, "settings.json") });
    await run(cfg, testContext({ env: { KAS_KEY: testKey } }));
    // no deadweight: 20 × 261 818.18 + 10 × 120 000 = 6 436 363.6
    expect(new Site(join(root, "site")).cells("all", "socioeconomic_value", "0184", 2024, "T")).toEqual(["6436364", "", "", ""]);
  });

  it("a bad settings file is wrong usage (exit 2) naming the key", async () => {
    writeFileSync(join(root, "bad.json"), JSON.stringify({ socioeconomic: { work_retention: [1, 2, 0, 0, 0] } }));
    const out: string[] = [];
    const code = await main(["run", "--inbox", join(root, "inbox"), "--out", join(root, "site"), "--db", join(root, "state", "kas.duckdb"), "--settings", join(root, "bad.json")],
      testContext({ env: { KAS_KEY: testKey }, log: silentLogger, print: (t) => out.push(t) }));
    expect(code).toBe(2);
  });
});
