// Network mean and rank (contract §6, Kolada's conventions), by hand: ties share a rank, "lower is
// better" ranks from the lowest, withheld and missing values are neither ranked nor averaged; no rank
// among fewer than three published values; a network row of withheld values only is withheld.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, sortFigures, type Figure } from "../pipeline/publish/comparison.js";
import type { PublishedRow } from "../pipeline/withhold/model.js";
import { schema } from "../pipeline/contract/schema.js";

const indicators = schema().indicators;
const row = (indicator: string, municipality: string, value: number | null, status: PublishedRow["status"] = ""): PublishedRow => ({
  indicator, municipality, year: 2024, gender: "T", value, numerator: value === null ? null : 0, denominator: null, status
});

describe("compare", () => {
  const values: [string, number | null, PublishedRow["status"]][] = [
    ["0114", 40.5, ""], ["0115", 12.0, ""], ["0117", 40.5, ""], ["0120", null, ".."], ["0123", 7.3, ""], ["0125", null, "-"], ["0126", 12.0, ""]
  ];
  const lower = indicators.find((i) => i.direction === "lower")!;
  const higher = indicators.find((i) => i.direction === "higher")!;
  const figures = (indicator: string) => compare(values.map(([m, v, s]) => row(indicator, m, v, s)), indicators);
  const ranks = (indicator: string) => Object.fromEntries(figures(indicator).filter((f) => f.municipality !== "network").map((f) => [f.municipality, [f.rank, f.ranked]]));

  it("ranks from the highest where higher is better, ties sharing the better rank", () => {
    expect(ranks(higher.id)).toEqual({
      "0114": [1, 5], "0117": [1, 5], "0115": [3, 5], "0126": [3, 5], "0123": [5, 5], "0120": [null, null], "0125": [null, null]
    });
  });

  it("ranks from the lowest where lower is better", () => {
    expect(ranks(lower.id)).toEqual({
      "0123": [1, 5], "0115": [2, 5], "0126": [2, 5], "0114": [4, 5], "0117": [4, 5], "0120": [null, null], "0125": [null, null]
    });
  });

  it("keeps a mean's own decimals in the network mean (SEK in whole kronor, as the page shows it), and one for a mean of counts", () => {
    const mean = (indicator: string, vs: number[]) => compare(vs.map((v, k) => row(indicator, `011${k}`, v)), indicators).find((f) => f.municipality === "network")!;
    expect(mean("amount_per_household_month", [10931, 10932, 10932])).toMatchObject({ value: 10932, numerator: 32795, denominator: 3 }); // 10 931.67
    expect(mean("cost_per_exit", [1000, 1001])).toMatchObject({ value: 1001, numerator: 2001 }); // 1 000.5, half up
    expect(mean("recipients", [10, 11, 11]).value).toBe(10.7);
    expect(mean("months_per_recipient", [5.2, 5.3]).value).toBe(5.3); // 5.25, half up
  });

  it("averages the published values only, unweighted, half up: numerator their sum, denominator their number", () => {
    const net = figures(higher.id).find((f) => f.municipality === "network")!;
    // (40.5 + 12.0 + 40.5 + 7.3 + 12.0) / 5 = 112.3 / 5 = 22.46, one decimal: 22.5
    expect(net).toMatchObject({ numerator: 112.3, denominator: 5, status: "" });
    expect(net.value).toBe(22.5);
  });

  it("ranks no count and no indicator without a direction (v2 §6.4), but averages them", () => {
    for (const id of ["recipients", "measure_exits", "cost_per_exit"]) {
      expect(Object.values(ranks(id)).every(([rank, ranked]) => rank === null && ranked === null), id).toBe(true);
      expect(figures(id).find((f) => f.municipality === "network")).toMatchObject({ denominator: 5, status: "" });
    }
  });

  it("averages each breakdown category on its own, beside the total, and ranks no breakdown row", () => {
    const rows = [
      ...values.map(([m, v, s]) => row(higher.id, m, v, s)),
      ...values.map(([m, v, s]) => ({ ...row("exit_work_studies_share", m, v, s), dimension: "measure", category: "job_search" })),
      ...values.map(([m, v, s]) => ({ ...row("exit_work_studies_share", m, v === null ? null : 100 - v, s), dimension: "measure", category: "education" }))
    ];
    const out = compare(rows, indicators);
    const net = (category?: string) =>
      out.find((f) => f.municipality === "network" && f.indicator === "exit_work_studies_share" && f.category === category)!;
    // job_search: as the total, 22.5; education: (59.5 + 88 + 59.5 + 92.7 + 88) / 5 = 77.54 → 77.5
    expect(net("job_search")).toMatchObject({ dimension: "measure", value: 22.5, denominator: 5 });
    expect(net("education")).toMatchObject({ dimension: "measure", value: 77.5, denominator: 5 });
    expect(out.filter((f) => f.dimension).every((f) => f.rank === null)).toBe(true);
    expect(out.filter((f) => !f.dimension && f.municipality !== "network").some((f) => f.rank !== null)).toBe(true);
  });

  it("ranks nothing among two published values, and ranks three", () => {
    const two = compare([row(higher.id, "0114", 40.5), row(higher.id, "0115", 12.0), row(higher.id, "0117", null, "..")], indicators);
    expect(two.filter((f) => f.municipality !== "network").map((f) => [f.municipality, f.rank, f.ranked])).toEqual([
      ["0114", null, null], ["0115", null, null], ["0117", null, null]
    ]);
    // the mean is still there: (40.5 + 12.0) / 2 = 26.25 → 26.3 (half up)
    expect(two.find((f) => f.municipality === "network")).toMatchObject({ value: 26.3, numerator: 52.5, denominator: 2, status: "" });
    const three = compare([row(lower.id, "0114", 40.5), row(lower.id, "0115", 12.0), row(lower.id, "0117", 12.0), row(lower.id, "0120", null, "-")], indicators);
    // lower is better: 12.0 and 12.0 share rank 1, 40.5 is 3rd of 3
    expect(three.filter((f) => f.municipality !== "network").map((f) => [f.municipality, f.rank, f.ranked])).toEqual([
      ["0114", 3, 3], ["0115", 1, 3], ["0117", 1, 3], ["0120", null, null]
    ]);
  });

  it("averages a single published value, n = 1", () => {
    const one = compare([row(higher.id, "0114", 7.3), row(higher.id, "0115", null, "..")], indicators);
    expect(one.find((f) => f.municipality === "network")).toMatchObject({ value: 7.3, numerator: 7.3, denominator: 1, status: "" });
    expect(one.every((f) => f.rank === null)).toBe(true);
  });

  it("marks the network row withheld (..) where every value is withheld or missing and one is withheld; '-' where none is", () => {
    const withheld = compare([row(higher.id, "0114", null, ".."), row(higher.id, "0115", null, "-"), row(higher.id, "0117", null, "..")], indicators);
    expect(withheld.find((f) => f.municipality === "network")).toEqual({
      indicator: higher.id, municipality: "network", year: 2024, gender: "T", value: null, numerator: null, denominator: null, status: "..", rank: null, ranked: null
    });
    const missing = compare([row(higher.id, "0114", null, "-"), row(higher.id, "0115", null, "-")], indicators);
    expect(missing.find((f) => f.municipality === "network")).toMatchObject({ value: null, status: "-" });
    // a breakdown category likewise, per category
    const bd = compare([
      { ...row("measure_exits", "0114", null, ".."), dimension: "measure", category: "job_search" },
      { ...row("measure_exits", "0114", 12), dimension: "measure", category: "education" }
    ], indicators);
    const net = (c: string) => bd.find((f) => f.municipality === "network" && f.category === c)!;
    expect(net("job_search")).toMatchObject({ status: "..", value: null, denominator: null });
    expect(net("education")).toMatchObject({ status: "", value: 12, denominator: 1 });
  });
});

describe("sortFigures", () => {
  const s = schema();
  // the order of the tables and downloads, field by field: dimension (totals first, then declared
  // order), indicator, category (declared order), the network last, municipality code (groups after the
  // codes), year, gender K M T; equal places keep the figures' order
  const g = { K: 0, M: 1, T: 2 };
  const dim = (f: Figure) => (f.dimension ? 1 + s.dimensions.findIndex((d) => d.id === f.dimension) : 0);
  const cat = (f: Figure) => (f.dimension ? s.dimensions.find((d) => d.id === f.dimension)!.categories.findIndex((c) => c.code === f.category) : 0);
  const byFields = (a: Figure, b: Figure) =>
    dim(a) - dim(b) || s.indicators.findIndex((i) => i.id === a.indicator) - s.indicators.findIndex((i) => i.id === b.indicator) ||
    cat(a) - cat(b) || +(a.municipality === "network") - +(b.municipality === "network") ||
    (a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0) || a.year - b.year || g[a.gender] - g[b.gender];
  const breakdowns = s.dimensions.flatMap((d) => d.categories.map((c) => ({ dimension: d.id, category: c.code })));
  const figure = fc.record({
    // a few of each, so that figures share most of their place and ties occur
    indicator: fc.constantFrom(...s.indicators.slice(0, 3).map((i) => i.id), s.indicators.at(-1)!.id),
    breakdown: fc.option(fc.constantFrom(...breakdowns.slice(0, 2), ...breakdowns.slice(-2)), { nil: undefined }),
    municipality: fc.constantFrom("0114", "0120", "0180", "1280", "group:north", "group:a", "network"),
    year: fc.integer({ min: 2024, max: 2026 }),
    gender: fc.constantFrom("K" as const, "M" as const, "T" as const),
    value: fc.integer({ min: 0, max: 1000 })
  }).map(({ breakdown, value, ...f }): Figure => ({ ...f, ...breakdown, value, numerator: value, denominator: null, status: "", rank: null, ranked: null }));

  it("orders figures as the tables do, field by field, ties in the order given", () => {
    fc.assert(fc.property(fc.array(figure, { minLength: 1, maxLength: 400, size: "max" }), (figures) => {
      const sorted = sortFigures(figures, s);
      expect(sorted.map((f) => f.value)).toEqual([...figures].sort(byFields).map((f) => f.value));
      expect(sorted.map((f) => [f.indicator, f.dimension, f.category, f.municipality, f.year, f.gender])).toEqual(
        [...figures].sort(byFields).map((f) => [f.indicator, f.dimension, f.category, f.municipality, f.year, f.gender]));
      // where the places are too many to number exactly, compared part by part: the same order
      expect(sortFigures(figures, s, 1)).toEqual(sorted);
    }), { numRuns: 200 });
  });

  it("refuses a figure of an indicator or category the schema does not know", () => {
    const f: Figure = { indicator: "recipients", municipality: "0114", year: 2024, gender: "T", value: 1, numerator: 1, denominator: null, status: "", rank: null, ranked: null };
    expect(() => sortFigures([{ ...f, indicator: "no_such" }], s)).toThrow(/unknown no_such/);
    expect(() => sortFigures([{ ...f, dimension: s.dimensions[0].id, category: "no_such" }], s)).toThrow(/unknown/);
  });
});
