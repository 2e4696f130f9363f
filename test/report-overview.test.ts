// The overview that opens a report (issue 12): every municipality in Swedish order linked to its page,
// the key indicators' latest values with their change and rank, the network mean with how many
// municipalities it averages (and ".." where every value is withheld), ranked charts; no rank among
// fewer than three; charts whose axes come from the data and that say when there is nothing to draw;
// the print stylesheet's running title and page numbers. Figures set by hand, ranks and means by
// the pipeline's own compare(), values checked by hand.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { schema } from "../pipeline/contract/schema.js";
import { compare } from "../pipeline/publish/comparison.js";
import type { PublishedRow } from "../pipeline/withhold/model.js";
import { chartGenders, genderStyle, maxFacets, meanCount, valueScale } from "../reports/chart.js";
import { renderDotCharts } from "../reports/dot-chart.js";
import { cssString, layout } from "../reports/frame.js";
import type { Figure, ReportPage } from "../reports/model.js";
import { changeText, keyIndicators } from "../reports/overview.js";
import { rankOrder } from "../reports/overview-chart.js";
import { renderReport } from "../reports/report.js";
import { css } from "../reports/style.js";
import { words } from "../reports/words.js";
import { syntheticReport } from "./report-fixture.js";

const sv = words("sv");

const s = schema();
const byId = new Map(s.indicators.map((i) => [i.id, i]));
const dom = (page: string) => new JSDOM(page).window.document;
const text = (e: Element | null | undefined) => (e?.textContent ?? "").replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();

// Swedish order: A … Z, Å, Ä, Ö (an English collation would put Åre and Ängelholm beside Avesta)
const municipalities = [
  { code: "1880", name: "Örebro" },
  { code: "2321", name: "Åre" },
  { code: "2084", name: "Avesta" },
  { code: "1292", name: "Ängelholm" }
];
const code = (name: string) => municipalities.find((m) => m.name === name)!.code;
type V = number | ".." | "-";
/** [indicator, year, values of Avesta, Åre, Ängelholm, Örebro], T only */
const data: [string, number, V, V, V, V][] = [
  // lower is better; 2024: Örebro 20,0 (1), Åre 29,7 (2), Avesta 41,2 (3); mean 90,9 / 3 = 30,3
  ["long_term_share", 2023, 40.0, 30.5, 25.0, ".."],
  ["long_term_share", 2024, 41.2, 29.7, "..", 20.0],
  // two published values: no rank; mean (50 + 60) / 2 = 55,0
  ["exit_work_studies_share", 2023, 45.0, "..", "-", "-"],
  ["exit_work_studies_share", 2024, 50.0, 60.0, "-", ".."],
  // every value withheld or missing: the network row is withheld
  ["no_return_3m_share", 2024, "..", "..", "-", ".."],
  // one published value: a mean of 1 municipality
  ["reason_coded_share", 2024, "-", 88.8, "..", "-"],
  // a count: changes, no rank
  ["recipients", 2023, 100, 100, 180, ".."],
  ["recipients", 2024, 120, 95, 200, 310],
  // every share 0: an axis of 0–10, not 0–1
  ["no_return_12m_share", 2023, 0, 0, 0, 0],
  ["no_return_12m_share", 2024, 0, 0, 0, 0]
];
const order = ["Avesta", "Åre", "Ängelholm", "Örebro"];

function handPage(): ReportPage {
  const rows: PublishedRow[] = data.flatMap(([indicator, year, ...values]) =>
    values.map((v, k) => ({
      indicator, municipality: code(order[k]), year, gender: "T" as const,
      value: typeof v === "number" ? v : null, numerator: typeof v === "number" ? v : null, denominator: null,
      status: typeof v === "number" ? ("" as const) : v
    }))
  );
  const figures: Figure[] = compare(rows, s.indicators);
  return {
    targetGroup: s.targetGroups[1], indicators: s.indicators, dimensions: [], municipalities, years: [2023, 2024], figures,
    freshness: [], run: { id: 7, startedAt: "2025-02-03T02:00:00+01:00", timeZone: "Europe/Stockholm" }, threshold: 3,
    protection: { withheld: 9, secondary: 0 }
  };
}

describe("the overview", () => {
  const page = handPage();
  const doc = dom(renderReport(page));
  const overview = doc.querySelector("section.overview")!;
  const table = overview.querySelector("table")!;
  const columns = [...table.querySelectorAll("thead th")].map((th) => th.querySelector("a")?.getAttribute("href") ?? null);
  const cell = (row: string, indicator: string) => {
    const tr = [...table.querySelectorAll("tbody tr")].find((r) => text(r.querySelector("th")) === row)!;
    return tr.children[columns.indexOf(`#ind-${indicator.replace(/_/g, "-")}`)];
  };
  const parts = (td: Element) => [text(td.querySelector(".cell-value")), text(td.querySelector(".ov-chg")), text(td.querySelector(".rank"))];

  it("opens the report: after the lead and its facts, before the indicators", () => {
    expect(overview).not.toBeNull();
    const all = [...doc.querySelectorAll("main > *")];
    expect(all.indexOf(overview)).toBeGreaterThan(all.indexOf(doc.querySelector("dl.meta")!));
    expect(all.indexOf(overview)).toBeLessThan(all.indexOf(doc.querySelector("section.indicator")!));
    expect(text(overview.querySelector("h2"))).toBe("Översikt 2024");
  });

  it("has the key indicators: the totals with a direction and recipients", () => {
    expect(keyIndicators(s.indicators).map((i) => i.id)).toEqual([
      "recipients", "long_term_share", "months_per_recipient", "reason_coded_share", "exit_work_studies_share",
      "no_return_3m_share", "no_return_12m_share", "cost_per_work_studies_exit"
    ]);
    expect(columns.slice(1)).toEqual(keyIndicators(s.indicators).map((i) => `#ind-${i.id.replace(/_/g, "-")}`));
  });

  it("lists every municipality once, in Swedish order, each linked to its own page", () => {
    const rows = [...table.querySelectorAll("tbody tr:not(.network)")];
    expect(rows.map((r) => text(r.querySelector("th")))).toEqual(["Avesta", "Åre", "Ängelholm", "Örebro"]);
    expect(rows.map((r) => r.querySelector("th a")!.getAttribute("href"))).toEqual(["2084", "2321", "1292", "1880"].map((c) => `municipality/${c}.html`));
    expect(table.querySelector("tbody tr")!.className).toBe("network");
  });

  it("shows the latest value, the change from the year before and the rank, by hand", () => {
    // long_term_share (%, change in percentage points): 41,2 − 40,0 = +1,2; 29,7 − 30,5 = −0,8 (U+2212)
    expect(parts(cell("Avesta", "long_term_share"))).toEqual(["41,2", "+1,2", "3 av 3"]);
    expect(parts(cell("Åre", "long_term_share"))).toEqual(["29,7", "\u22120,8", "2 av 3"]);
    expect(parts(cell("Ängelholm", "long_term_share"))).toEqual(["..", "-", "ej rankad"]);
    expect(parts(cell("Örebro", "long_term_share"))).toEqual(["20,0", "-", "1 av 3"]);
    expect(cell("Örebro", "long_term_share").querySelector(".rank")!.className).toBe("rank rank-good");
    expect(cell("Avesta", "long_term_share").querySelector(".rank")!.className).toBe("rank rank-bad");
    // a count: the change in persons, no rank at all
    expect(parts(cell("Avesta", "recipients"))).toEqual(["120", "+20", ""]);
    expect(parts(cell("Åre", "recipients"))).toEqual(["95", "\u22125", ""]);
    expect(parts(cell("Örebro", "recipients"))).toEqual(["310", "-", ""]);
    expect(parts(cell("Ängelholm", "no_return_12m_share"))).toEqual(["0,0", "±0,0", "1 av 4"]);
    expect(text(overview.querySelector("p"))).toContain("förändringen från 2023 (andelar i procentenheter");
  });

  it("ranks nothing among fewer than three published values", () => {
    expect(parts(cell("Avesta", "exit_work_studies_share"))).toEqual(["50,0", "+5,0", "ej rankad"]);
    expect(parts(cell("Åre", "exit_work_studies_share"))).toEqual(["60,0", "-", "ej rankad"]);
    const section = doc.querySelector("#ind-exit-work-studies-share table")!;
    const ranks = [...section.querySelectorAll("tbody tr:not(.network) .rank")].map((r) => r.textContent);
    expect(new Set(ranks)).toEqual(new Set(["ej rankad"]));
    expect(text(doc.querySelector("#ov-exit-work-studies-share figcaption"))).toContain("ej rankad (färre än tre publicerade värden)");
  });

  it("says how many municipalities each network mean averages, and marks a mean of one", () => {
    const net = (indicator: string) => [text(cell("Nätverket (medel)", indicator).querySelector(".cell-value")), text(cell("Nätverket (medel)", indicator).querySelector(".ov-n"))];
    expect(net("long_term_share")).toEqual(["30,3", "n = 3"]);
    expect(net("exit_work_studies_share")).toEqual(["55,0", "n = 2"]);
    expect(net("recipients")).toEqual(["181,3", "n = 4"]); // (120 + 95 + 200 + 310) / 4 = 181,25 → 181,3
    expect(net("reason_coded_share")).toEqual(["88,8", "1 kommun"]);
    expect(cell("Nätverket (medel)", "reason_coded_share").querySelector(".ov-n")!.className).toBe("ov-n ov-one");
    // the indicator's own table too: n under each network mean
    const tables = doc.querySelector("#ind-long-term-share table")!;
    const row = tables.querySelector("tr.network")!;
    expect([...row.querySelectorAll("td")].map((td) => [text(td.querySelector(".cell-value")), text(td.querySelector(".ov-n"))])).toEqual([
      ["-", ""], ["-", ""], ["31,8", "n = 3"], ["-", ""], ["-", ""], ["30,3", "n = 3"]
    ]);
    // the chart labels
    expect(text(doc.querySelector("#ov-long-term-share g.mean text"))).toBe("Nätverket 30,3 (n = 3)");
    expect(text(doc.querySelector("#ov-reason-coded-share figcaption"))).toContain("medelvärde av 1 kommun");
    expect(meanCount([5, 5], sv)).toBe("n = 5");
    expect(meanCount([3, 5, 4], sv)).toBe("n = 3–5");
    expect(meanCount([1], sv)).toBe("1 kommun");
  });

  it("shows .. for the network where every municipality's value is withheld", () => {
    expect(text(cell("Nätverket (medel)", "no_return_3m_share").querySelector(".cell-value"))).toBe("..");
    const row = doc.querySelector("#ind-no-return-3m-share table tr.network")!;
    expect(text(row.querySelectorAll("td")[5].querySelector(".cell-value"))).toBe(".."); // 2024 T
    expect(text(row.querySelectorAll("td")[2].querySelector(".cell-value"))).toBe("-"); // 2023 T: no data at all
  });

  it("draws one ranked chart per indicator with a direction, best first, the mean as a labelled rule", () => {
    const ranked = keyIndicators(s.indicators).filter((i) => i.direction !== "none");
    expect([...overview.querySelectorAll(".ov-charts > *")].map((e) => e.id)).toEqual(ranked.map((i) => `ov-${i.id.replace(/_/g, "-")}`));
    const chart = doc.querySelector("#ov-long-term-share")!;
    expect([...chart.querySelectorAll("g.names text")].map((t) => t.textContent)).toEqual(["1. Örebro", "2. Åre", "3. Avesta", "Ängelholm"]);
    expect([...chart.querySelectorAll("g.values text")].map((t) => t.textContent)).toEqual(["20,0", "29,7", "41,2", ".."]);
    expect(chart.querySelectorAll("g.bars rect")).toHaveLength(3);
    // higher is better: the highest first
    expect([...doc.querySelectorAll("#ov-exit-work-studies-share g.names text")].map((t) => t.textContent)).toEqual(["Åre", "Avesta", "Örebro", "Ängelholm"]);
    expect(rankOrder([{ name: "b", value: 1, status: "", rank: 1 }, { name: "a", value: 1, status: "", rank: 1 }, { name: "c", value: null, status: "-", rank: null }, { name: "d", value: null, status: "..", rank: null }], "higher").map((r) => r.name)).toEqual(["a", "b", "d", "c"]);
  });

  it("puts a note, not an axis of nothing, where no value is published", () => {
    // no_return_3m_share 2024: all withheld or missing; months_per_recipient: no figures at all
    for (const id of ["ov-no-return-3m-share", "ov-months-per-recipient", "ind-months-per-recipient-chart"]) {
      const note = doc.getElementById(id)!;
      expect(note.className, id).toBe("chart-empty");
      expect(note.querySelector("svg"), id).toBeNull();
      expect(text(note), id).toContain("inga publicerade värden");
    }
  });
});

describe("charts' axes and marks", () => {
  const page = handPage();
  const doc = dom(renderReport(page));
  const yTicks = (id: string) => [...doc.querySelectorAll(`#${id} svg g[aria-hidden], #${id} svg text`)].map((t) => t.textContent ?? "");

  it("takes the value axis from the data: a share of zeros is 0–10, none is no axis, a share stops at 100", () => {
    expect(valueScale(byId.get("long_term_share")!, [])).toBeNull();
    expect(valueScale(byId.get("long_term_share")!, [0, 0])!.domain).toEqual([0, 10]);
    expect(valueScale(byId.get("long_term_share")!, [97.3])!).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(valueScale(byId.get("long_term_share")!, [99.9], 3)!.domain).toEqual([0, 100]);
    expect(valueScale(byId.get("recipients")!, [1987])!.domain).toEqual([0, 2000]);
    expect(valueScale(byId.get("long_term_share")!, [41.2, 20])!.domain).toEqual([0, 50]);
    // the facet chart of a share that is 0 everywhere: ticks up to 10, never 0–1
    const ticks = yTicks("ind-no-return-12m-share-chart");
    expect(ticks).toContain("10");
    expect(ticks).not.toContain("0,2");
    expect(ticks).not.toContain("1");
    // a share with values: ticks from the data (0–60 in four steps for 20–41,2 %), not 0–100
    const share = yTicks("ind-long-term-share-chart");
    expect(share).toContain("60");
    expect(share).not.toContain("80");
  });

  it("writes the note into a facet without any published value", () => {
    // exit_work_studies_share: Ängelholm and Örebro have no published value in any year
    const facets = [...doc.querySelectorAll("#ind-exit-work-studies-share-chart svg text")].map((t) => t.textContent);
    expect(facets.filter((t) => t === "inga publicerade värden")).toHaveLength(2);
    // long_term_share: every municipality has a value: no note
    expect([...doc.querySelectorAll("#ind-long-term-share-chart svg text")].map((t) => t.textContent)).not.toContain("inga publicerade värden");
  });

  it("tells women, men and the total apart when their values are equal: symbol, dash, place; the network without a symbol", () => {
    const styles = (["K", "M", "T"] as const).map((g) => genderStyle[g]);
    expect(new Set(styles.map((x) => x.symbol)).size).toBe(3);
    expect(new Set(styles.map((x) => x.dash)).size).toBe(3);
    expect(new Set(styles.map((x) => x.dodge)).size).toBe(3);
    expect(chartGenders(byId.get("long_term_share")!)).toEqual(["K", "M", "T"]);
    // the legend names the total and the network mean with its n
    const legend = text(doc.querySelector("#ind-long-term-share-chart .legend"));
    expect(legend).toContain("Totalt (T)");
    expect(legend).toContain("Nätverkets medelvärde (n = 3)");
  });

  it("draws a row chart of a large network with nothing published as a note", () => {
    const big = syntheticReport(maxFacets + 1, [2024, 2025]);
    const ind = byId.get("long_term_share")!;
    const figures = big.figures.filter((f) => f.indicator === ind.id && !f.dimension).map((f) => (f.year === 2025 ? { ...f, status: ".." as const, value: null } : f));
    const out = dom(`<body>${renderDotCharts({ id: "x", indicator: ind, municipalities: big.municipalities, years: big.years, figures, words: sv }).value}</body>`);
    expect(out.querySelector("figure")).toBeNull();
    expect(text(out.querySelector(".chart-empty"))).toContain("inga publicerade värden");
  });
});

describe("a large network's overview", () => {
  const big = syntheticReport(60, [2024, 2025]);
  const doc = dom(renderReport(big));
  const overview = doc.querySelector("section.overview")!;

  it("scrolls its table in a box, lists every municipality, and charts the ten best and ten worst", () => {
    expect(overview.querySelector(".table-wrap")!.classList.contains("ov-scroll")).toBe(true);
    expect(overview.querySelectorAll("tbody tr:not(.network)")).toHaveLength(60);
    const chart = overview.querySelector("#ov-long-term-share")!;
    const published = big.figures.filter((f) => f.indicator === "long_term_share" && !f.dimension && f.year === 2025 && f.gender === "T" && f.municipality !== "network" && f.status === "").length;
    expect(chart.querySelectorAll("g.names text")).toHaveLength(20);
    expect(chart.querySelectorAll("g.bars rect")).toHaveLength(20);
    expect(text(chart.querySelector("text.gap"))).toBe(`… ${published - 20} kommuner till …`);
    expect(text(chart.querySelector("figcaption"))).toContain(`de 10 bästa och de 10 sämsta av ${published} kommuner`);
  });
});

describe("change", () => {
  const share = byId.get("long_term_share")!, count = byId.get("recipients")!, kr = byId.get("cost_per_work_studies_exit")!;
  const f = (value: number | null, status: Figure["status"] = ""): Figure => ({ indicator: "x", municipality: "0114", year: 2024, gender: "T", value, numerator: null, denominator: null, status, rank: null, ranked: null });
  it("is the difference of the published values in the indicator's notation, '-' without both", () => {
    expect(changeText(share, f(12.3), f(11.1), sv)).toBe("+1,2");
    expect(changeText(share, f(10.2), f(11.0), sv)).toBe("\u22120,8");
    expect(changeText(share, f(0.3), f(0.1), sv)).toBe("+0,2"); // not 0.19999…
    expect(changeText(share, f(5), f(5), sv)).toBe("±0,0");
    expect(changeText(count, f(1200), f(80), sv)).toBe("+1 120");
    expect(changeText(kr, f(10500), f(12000), sv)).toBe("\u22121 500");
    expect(changeText(share, f(null, ".."), f(11), sv)).toBe("-");
    expect(changeText(share, f(12), f(null, "-"), sv)).toBe("-");
    expect(changeText(share, f(12), undefined, sv)).toBe("-");
  });
});

describe("print", () => {
  it("runs the page's title at the top of every printed page and numbers the pages", () => {
    const out = layout({ title: "Unga vuxna 18–29 år", current: "report", run: { id: 1, startedAt: "2025-02-03T02:00:00+01:00", timeZone: "Europe/Stockholm" }, body: "", words: sv });
    expect(out).toContain('@top-left { content: "Unga vuxna 18–29 år"');
    expect(css).toMatch(/@bottom-right \{ content: counter\(page\) " \/ " counter\(pages\)/);
    // a title cannot end the string or the style element
    expect(cssString('a"</style><b>\\')).toBe('"a\\22 \\3c \\2f style\\3e \\3c b\\3e \\5c "');
    const evil = layout({ title: 'x"</style><script>alert(1)</script>', current: "report", run: { id: 1, startedAt: "2025-02-03T02:00:00+01:00", timeZone: "Europe/Stockholm" }, body: "", words: sv });
    expect(dom(evil).querySelectorAll("script")).toHaveLength(0);
  });

  it("forces no page break before a section, and keeps figures and short tables whole", () => {
    const print = css.slice(css.indexOf("@media print"));
    expect(print).not.toMatch(/break-before:\s*page|page-break-before:\s*always/);
    expect(print).toMatch(/\.table-wrap\.keep[^{]*\{ break-inside: avoid/);
    expect(print).toMatch(/figure\.chart \{ break-inside: avoid/);
    const doc = dom(renderReport(handPage()));
    expect(doc.querySelectorAll("section.indicator .table-wrap.keep").length).toBeGreaterThan(0);
    const national = dom(renderReport(syntheticReport(maxFacets + 8, [2025])));
    expect(national.querySelectorAll("section.indicator > .table-wrap.keep")).toHaveLength(0);
  });
});
