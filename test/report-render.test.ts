// The page renderers: escaping of everything from outside, the CSV, confidentiality of withheld
// figures, chart markup (ARIA, what is drawn), self-containment and determinism.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { decimalsOf, schema } from "../pipeline/contract/schema.js";
import { chartGenders, facetColumns, maxFacets } from "../reports/chart.js";
import { maxRowsPerChart, niceScale, rowChunks } from "../reports/dot-chart.js";
import { quantile } from "../reports/trend-chart.js";
import { renderCodes } from "../reports/codes.js";
import { csvHeader, csvText, figuresCsv } from "../reports/csv.js";
import { escapeHtml, html, raw } from "../reports/html.js";
import { renderIndex } from "../reports/index-page.js";
import type { Figure, IndexPage, QualityPage, ReportPage } from "../reports/model.js";
import { renderQuality } from "../reports/quality.js";
import { freshnessSummary, renderReport, yearChunks } from "../reports/report.js";
import { words } from "../reports/words.js";
import { syntheticReport } from "./report-fixture.js";

const input = join(import.meta.dirname, "input", "report-basic");
const load = <T>(name: string): T => JSON.parse(readFileSync(join(input, name), "utf8")) as T;
const dom = (page: string) => new JSDOM(page).window.document;
const evil = "<script>alert(1)</script>.csv";

function withMunicipalityName(page: ReportPage, code: string, name: string): ReportPage {
  return { ...page, municipalities: page.municipalities.map((m) => (m.code === code ? { ...m, name } : m)) };
}

/** Nothing in a page may run or fetch: no script, no event handler, no resource reference, no
 *  link that leaves the published folder. Checked on the parsed document, as a browser sees it. */
function expectSelfContained(page: string): void {
  expect(page).not.toMatch(/<script/i);
  const doc = dom(page);
  expect(doc.querySelectorAll("script, img, link, iframe, object, embed, base, form, audio, video, source, image, use, foreignObject")).toHaveLength(0);
  for (const el of doc.querySelectorAll("*")) {
    for (const a of el.attributes) {
      expect(a.name, `${el.tagName} ${a.name}`).not.toMatch(/^(on|src|srcset|xlink:href|formaction|background)/i);
      if (a.name === "href") expect(a.value).toMatch(/^(#[\w-]+|[a-z_]+\.html|municipality\/\d{4}\.html|data\/[a-z_]+\.(csv|xlsx|arrow))$/);
      if (a.name === "style") expect(a.value).not.toMatch(/url\(|@import/i);
    }
  }
  for (const style of doc.querySelectorAll("style")) expect(style.textContent).not.toMatch(/url\(|@import/i);
}

describe("escaping", () => {
  it("escapes interpolated text and keeps known markup", () => {
    expect(html`<td>${evil}</td>`.value).toBe("<td>&lt;script&gt;alert(1)&lt;/script&gt;.csv</td>");
    expect(html`<a title="${`" onclick="x`}">`.value).toBe('<a title="&quot; onclick=&quot;x">');
    expect(html`<p>${raw("<b>ok</b>")} ${[1, "&", null]}</p>`.value).toBe("<p><b>ok</b> 1&amp;</p>");
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });

  it("keeps a malicious file name, profile, finding value and message inert on the quality page", () => {
    const page = load<QualityPage>("quality.json");
    const q: QualityPage = {
      ...page,
      files: page.files.map((f, i) => (i === 0 ? { ...f, profile: "<img src=x onerror=alert(2)>" } : f))
    };
    const out = renderQuality(q);
    expectSelfContained(out);
    expect(out).toContain("1441/&lt;script&gt;alert(1)&lt;/script&gt;.csv");
    expect(out).toContain("&lt;b&gt;Rätta&lt;/b&gt; värdet &amp; ladda upp");
    const doc = dom(out);
    expect(doc.querySelectorAll("script, img, b")).toHaveLength(0);
    const names = [...doc.querySelectorAll(".filename")].map((e) => e.textContent);
    expect(names).toContain("1441/" + evil);
    expect(doc.body.textContent).toContain("<img src=x onerror=alert(2)>");
  });

  it("keeps a municipality name with & and markup inert in the table and in the chart", () => {
    const name = 'Å & <i>Ö</i> "x"';
    const out = renderReport(withMunicipalityName(load<ReportPage>("report.json"), "0181", name));
    expectSelfContained(out);
    const doc = dom(out);
    expect(doc.querySelectorAll("i")).toHaveLength(0);
    const rowHeads = [...doc.querySelectorAll("tbody th[scope=row]")].map((e) => e.textContent);
    expect(rowHeads).toContain(name);
    const chartTexts = [...doc.querySelectorAll("figure svg text")].map((e) => e.textContent);
    expect(chartTexts).toContain(name);
  });
});

describe("CSV", () => {
  const page = load<ReportPage>("report.json");

  it("has the contract's header and one row per figure", () => {
    const lines = figuresCsv(page.figures).split("\n");
    expect(lines[0]).toBe("indicator,dimension,category,municipality,year,gender,value,numerator,denominator,status");
    expect(lines[0]).toBe(csvHeader);
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(page.figures.length + 2);
  });

  it("neutralises text cells a spreadsheet would run as formulas, and leaves numbers alone", () => {
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(["+1", "-1", "@SUM(A1)", "\tx", "\rx", "0181", "a,b"].map(csvText)).toEqual(["'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`, "0181", '"a,b"']);
    const f: Figure = { indicator: "recipients", municipality: '=HYPERLINK("http://x")', year: 2024, gender: "T", value: -5, numerator: -5, denominator: null, status: "", rank: null, ranked: null };
    expect(figuresCsv([f]).split("\n")[1]).toBe(`recipients,,,"'=HYPERLINK(""http://x"")",2024,T,-5,-5,,`);
  });

  it("writes the status symbols as the contract spells them", () => {
    const rows = figuresCsv(page.figures).split("\n").slice(1, -1);
    const statuses = new Set(rows.map((r) => r.split(",").at(-1)));
    expect([...statuses].sort()).toEqual(["", "-", ".."]);
  });

  it("leaves value, numerator and denominator of a withheld row empty even if the input has them", () => {
    const f: Figure = { indicator: "recipients", municipality: "0181", year: 2024, gender: "K", value: 2, numerator: 2, denominator: 9, status: "..", rank: null, ranked: null };
    expect(figuresCsv([f]).split("\n")[1]).toBe("recipients,,,0181,2024,K,,,,..");
  });
});

describe("report page", () => {
  const page = load<ReportPage>("report.json");
  const out = renderReport(page);
  const doc = dom(out);

  it("is Swedish, self-contained, with a CSP that forbids fetching and scripts", () => {
    expect(out.startsWith("<!DOCTYPE html>\n<html lang=\"sv\">")).toBe(true);
    expectSelfContained(out);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).not.toMatch(/script-src|unsafe-eval/);
    // the policy must come before anything it governs
    expect(out.indexOf("Content-Security-Policy")).toBeLessThan(out.indexOf("<style"));
  });

  it("shows the run time in the run's time zone, the definition, the legend and the protection note", () => {
    const text = doc.body.textContent!.replace(/\s+/g, " ");
    expect(text).toContain("3 februari 2025 kl. 02:00 (Europe/Stockholm)");
    expect(text).toContain(page.targetGroup.definition.sv);
    expect(text).toContain("uppgiften bygger på 1–3 personer");
    expect(text).toContain("12 värden i rapporten är skyddade (..), varav 5 för att");
    expect(text).toContain("januari 2023 – december 2024");
  });

  it("has one section per indicator in schema order with its definition, chart and table", () => {
    const sections = [...doc.querySelectorAll("section.indicator")];
    expect(sections.map((s) => s.id)).toEqual(page.indicators.map((i) => `ind-${i.id.replace(/_/g, "-")}`));
    for (const [k, s] of sections.entries()) {
      expect(s.querySelector("h2")!.textContent).toBe(page.indicators[k].sv);
      expect(s.querySelector(".definition")!.textContent).toContain(page.indicators[k].definition.sv);
      expect(s.querySelectorAll("figure.chart > svg")).toHaveLength(1);
      expect(s.querySelector("table caption")!.textContent).toContain(page.indicators[k].sv);
    }
  });

  it("shows each figure in its table cell with the rank as text and class", () => {
    const table = doc.querySelector("#ind-long-term-share table")!;
    const row = [...table.querySelectorAll("tbody tr")].find((r) => r.querySelector("th")!.textContent === "Södertälje")!;
    const cells = [...row.querySelectorAll("td")].map((td) => [td.querySelector(".cell-value")!.textContent, td.querySelector(".rank")!.textContent, td.querySelector(".rank")!.className]);
    const fig = (y: number, g: string) => page.figures.find((f) => f.indicator === "long_term_share" && f.municipality === "0181" && f.year === y && f.gender === g)!;
    const expected = [2023, 2024].flatMap((y) => ["K", "M", "T"].map((g) => fig(y, g)));
    expect(cells.map((c) => c[0])).toEqual(expected.map((f) => f.value!.toFixed(1).replace(".", ",")));
    expect(cells.map((c) => c[1])).toEqual(expected.map((f) => `${f.rank} av ${f.ranked}`));
    for (const c of cells) expect(c[2]).toMatch(/^rank rank-(good|mid|bad)$/);
    const network = table.querySelector("tr.network")!;
    expect(network.querySelector("th")!.textContent).toBe("Nätverket (medel)");
    expect(network.querySelectorAll(".rank")).toHaveLength(0);
  });

  it("never shows a withheld figure's numbers, even if the input carries them", () => {
    const leaky: ReportPage = {
      ...page,
      figures: page.figures.map((f) => (f.status === ".." ? { ...f, value: 777777, numerator: 888888, denominator: 999999 } : f))
    };
    const text = renderReport(leaky);
    expect(text).not.toMatch(/777|888|999 999/);
  });

  it("shows numerators and denominators, for a count only the network's sum and number averaged", () => {
    const cell = (sel: string, muni: string, k: number) => {
      const rows = [...doc.querySelectorAll(`${sel} details tbody tr`)];
      const row = rows.find((r) => r.querySelector("th")!.textContent === muni)!;
      return row.querySelectorAll("td")[k].textContent;
    };
    // long_term_share, Södertälje 2023 K: 180 of 412; network 2023 K: sum of 2 shares over 2
    expect(cell("#ind-long-term-share", "Södertälje", 0)).toBe("180/ 412");
    const net = page.figures.find((f) => f.indicator === "long_term_share" && f.municipality === "network" && f.year === 2023 && f.gender === "K")!;
    expect(cell("#ind-long-term-share", "Nätverket (medel)", 0)).toBe(`${net.numerator!.toFixed(1).replace(".", ",")}/ 2`);
    expect(cell("#ind-long-term-share", "Huddinge", 3)).toBe("../ ..");
    const counts = [...doc.querySelectorAll("#ind-recipients details tbody tr")];
    expect(counts.map((r) => r.querySelector("th")!.textContent)).toEqual(["Nätverket (medel)"]);
    expect(cell("#ind-recipients", "Nätverket (medel)", 5)).toBe("1 658/ 3");
  });

  it("ranks no count (§6.4): its rank cells are grey and say so, and its definition says it is not ranked", () => {
    const ranks = [...doc.querySelectorAll("#ind-recipients .rank")];
    expect(ranks.length).toBeGreaterThan(0);
    expect(new Set(ranks.map((e) => `${e.className} ${e.textContent}`))).toEqual(new Set(["rank rank-missing ej rankad"]));
    expect(doc.querySelector("#ind-recipients")!.textContent).toContain("Rankas inte");
    expect(doc.querySelector("#ind-recipients")!.textContent).not.toContain("rankas från");
  });

  it("labels every chart and removes Plot's aria-label from plain groups", () => {
    for (const svg of doc.querySelectorAll("section.indicator figure.chart > svg")) {
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toMatch(/^Diagram: .+ per kommun och år$/);
      const desc = doc.getElementById(svg.getAttribute("aria-describedby")!);
      expect(desc?.tagName).toBe("FIGCAPTION");
      expect(svg.querySelectorAll("[aria-label], [aria-description], style")).toHaveLength(0);
    }
    for (const svg of doc.querySelectorAll("section.overview figure.chart > svg")) {
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toMatch(/^Diagram: .+ 2024, kommunerna i rangordning$/);
      expect(doc.getElementById(svg.getAttribute("aria-describedby")!)?.tagName).toBe("FIGCAPTION");
    }
    expect(out).not.toMatch(/<g[^>]*aria-label/);
  });

  it("draws only published values and says in text which are left out", () => {
    const colours = { K: "#c2410c", M: "#1d4ed8", T: "#333333" } as const;
    for (const ind of page.indicators) {
      const svg = doc.querySelector(`#ind-${ind.id.replace(/_/g, "-")}-chart svg`)!;
      expect(chartGenders(ind)).toEqual(ind.genders);
      for (const g of chartGenders(ind)) {
        const published = page.figures.filter((f) => f.indicator === ind.id && f.gender === g && f.municipality !== "network" && f.status === "");
        expect(svg.querySelectorAll(`[fill="${colours[g]}"]`).length, `${ind.id} ${g}`).toBe(published.length);
      }
    }
    const caption = doc.querySelector("#ind-recipients-chart figcaption")!.textContent!.replace(/\s+/g, " ");
    expect(caption).toContain("Huddinge 2024 kvinnor (..)");
    expect(caption).toContain("Lerum & Partille 2023 män (-)");
    expect(caption).not.toContain("Södertälje 2023");
  });

  it("draws women, men and the total, and only the total for an indicator published only in total", () => {
    const byId = new Map(page.indicators.map((i) => [i.id, i]));
    expect(chartGenders(byId.get("recipients")!)).toEqual(["K", "M", "T"]);
    expect(chartGenders(byId.get("amount_per_household_month")!)).toEqual(["T"]);
    expect(doc.querySelector("#ind-amount-per-household-month table thead")!.textContent).not.toContain("Kvinnor");
  });

  it("writes Swedish notation in the chart's ticks", () => {
    const ticks = [...doc.querySelectorAll("#ind-amount-per-household-month-chart svg text")].map((t) => t.textContent);
    expect(ticks).toContain("10 000");
    expect(ticks.some((t) => /\d,\d{3}|\d\.\d/.test(t!))).toBe(false);
  });

  it("renders identically after other charts were drawn (no global counters)", () => {
    renderReport(syntheticReport(5, [2022, 2023]));
    expect(renderReport(page)).toBe(out);
  });

  it("rejects figures it cannot place", () => {
    const bad = { ...page, figures: [...page.figures, { ...page.figures[0] }] };
    expect(() => renderReport(bad)).toThrow("duplicate figure: recipients|0181|2023|K");
    const unknown = { ...page, figures: [{ ...page.figures[0], municipality: "9999" }] };
    expect(() => renderReport(unknown)).toThrow("figure for unknown municipality: 9999");
  });
});

describe("table layout", () => {
  it("splits many years into tables of at most nine figure columns, the latest years full", () => {
    expect(yearChunks([2023, 2024], 3)).toEqual([[2023, 2024]]);
    expect(yearChunks([2019, 2020, 2021, 2022, 2023, 2024], 3)).toEqual([[2019, 2020, 2021], [2022, 2023, 2024]]);
    expect(yearChunks([2020, 2021, 2022, 2023, 2024], 3)).toEqual([[2020, 2021], [2022, 2023, 2024]]);
    expect(yearChunks([2020, 2021, 2022, 2023, 2024], 1)).toEqual([[2020, 2021, 2022, 2023, 2024]]);
  });

  it("shows every year once across the tables of a wide report", () => {
    const wide = syntheticReport(8, [2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    const doc = dom(renderReport(wide));
    const years = [...doc.querySelectorAll("#ind-recipients > .table-wrap thead th[scope=colgroup]")].map((th) => Number(th.textContent));
    expect(years).toEqual(wide.years);
    for (const t of doc.querySelectorAll("#ind-recipients > .table-wrap table")) {
      expect(t.querySelectorAll("tbody tr:first-child td").length).toBeLessThanOrEqual(9);
    }
  });
});

describe("chart layout", () => {
  it("wraps facets so that a chart has at most four rows", () => {
    expect([1, 2, 3, 6, 12, 13, 20, 40].map(facetColumns)).toEqual([1, 2, 3, 3, 3, 4, 5, 10]);
    for (let n = 1; n <= 80; n++) expect(Math.ceil(n / facetColumns(n))).toBeLessThanOrEqual(4);
  });
});

/** Swedish notation back to a number: "1 045,3" → 1045.3, "−2" → −2. */
const parseSv = (t: string) => Number(t.replace(/\s/g, "").replace("\u2212", "-").replace(",", "."));
const idOf = (indicator: string) => `ind-${indicator.replace(/_/g, "-")}`;

describe("chart layout for a large network", () => {
  const years = [2023, 2024, 2025];
  const page = syntheticReport(130, years);
  const out = renderReport(page);
  const doc = dom(out);
  const fig = (ind: string, m: string, y: number, g: string) => page.figures.find((f) => !f.dimension && f.indicator === ind && f.municipality === m && f.year === y && f.gender === g);
  const rowCharts = (ind: string) => [...doc.querySelectorAll(`#${idOf(ind)} figure.chart-rows`)];
  /** the indicators with a total section (the rest are published only broken down, or model figures with a section of their own) */
  const totals = page.indicators.filter((i) => i.total !== false && i.kind !== "model");

  it("draws facets up to maxFacets municipalities and row charts beyond", () => {
    const small = dom(renderReport(syntheticReport(maxFacets, years)));
    expect(small.querySelectorAll("figure.chart-rows, figure.chart-trend")).toHaveLength(0);
    expect(small.querySelectorAll("section.indicator figure.chart")).toHaveLength(totals.length);
    const large = dom(renderReport(syntheticReport(maxFacets + 1, years)));
    expect(large.querySelectorAll("figure.chart-rows")).toHaveLength(totals.length);
    expect(large.querySelectorAll("figure.chart-trend")).toHaveLength(totals.length);
  });

  it("splits rows into balanced charts of at most maxRowsPerChart", () => {
    expect(rowChunks(Array.from({ length: 290 }, (_, i) => i), 60).map((c) => c.length)).toEqual([58, 58, 58, 58, 58]);
    expect(rowChunks(Array.from({ length: 290 }, (_, i) => i)).map((c) => c.length)).toEqual([49, 49, 49, 49, 49, 45]);
    expect(rowChunks([1, 2, 3, 4, 5, 6, 7], 3).map((c) => c.length)).toEqual([3, 3, 1]);
    expect(rowChunks(Array.from({ length: 61 }, (_, i) => i), 60).map((c) => c.length)).toEqual([31, 30]);
    expect(rowChunks([1, 2], 60)).toEqual([[1, 2]]);
    expect(() => rowChunks([1], 0)).toThrow("invalid chunk size: 0");
  });

  it("shows every municipality once per indicator, sorted by the latest total, unpublished last", () => {
    for (const ind of totals) {
      const charts = rowCharts(ind.id);
      expect(charts).toHaveLength(Math.ceil(130 / maxRowsPerChart));
      const names = charts.flatMap((c) => [...c.querySelectorAll("g.names text")].map((t) => t.textContent));
      const values = charts.flatMap((c) => [...c.querySelectorAll("g.values text")].map((t) => t.textContent!));
      for (const c of charts) expect(c.querySelectorAll("g.names text").length).toBeLessThanOrEqual(maxRowsPerChart);
      expect([...names].sort()).toEqual(page.municipalities.map((m) => m.name).sort());
      // published totals first, in descending order, then .. and - (withheld, missing)
      const shown = values.filter((v) => v !== ".." && v !== "-").map(parseSv);
      expect(values.slice(0, shown.length).every((v) => v !== ".." && v !== "-")).toBe(true);
      expect(shown).toEqual([...shown].sort((a, b) => b - a));
      // each row's text is that municipality's own published total
      const byName = new Map(page.municipalities.map((m) => [m.name, m.code]));
      names.forEach((name, i) => {
        const f = fig(ind.id, byName.get(name!)!, 2025, "T")!;
        expect(values[i], `${ind.id} ${name}`).toBe(f.status === "" ? f.value!.toFixed(decimalsOf(ind)).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, " ") : f.status);
      });
    }
  });

  it("draws women and men as a circle and a square only where the latest value is published", () => {
    for (const ind of totals) {
      const charts = rowCharts(ind.id);
      for (const g of chartGenders(ind).filter((g) => g !== "T")) {
        const published = page.figures.filter((f) => !f.dimension && f.indicator === ind.id && f.gender === g && f.year === 2025 && f.municipality !== "network" && f.status === "").length;
        const shape = g === "K" ? "circle" : "rect";
        expect(charts.flatMap((c) => [...c.querySelectorAll(`g.marks-${g} ${shape}`)]).length, `${ind.id} ${g}`).toBe(published);
        expect(charts.flatMap((c) => [...c.querySelectorAll(`g.marks-${g} > *`)]).every((e) => e.tagName === shape)).toBe(true);
      }
    }
    // an indicator published only in total draws no circles or squares
    expect(rowCharts("amount_per_household_month").flatMap((c) => [...c.querySelectorAll("circle, g[class^=marks] rect")])).toHaveLength(0);
  });

  it("marks the network mean with a labelled rule and gives all means in the caption", () => {
    for (const ind of totals) {
      const mean = fig(ind.id, "network", 2025, "T")!;
      const text = mean.value!.toFixed(ind.kind === "count" ? 1 : decimalsOf(ind)); // a mean of counts keeps a decimal
      const sv = text.replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, " ");
      for (const c of rowCharts(ind.id)) {
        expect(c.querySelector("g.mean text")!.textContent).toBe(`Medel ${sv} (n = ${mean.denominator})`);
        expect(c.querySelector("figcaption")!.textContent!.replace(/\s+/g, " ")).toContain(`totalt ${sv}`);
      }
    }
  });

  it("names each chart, its part and its rows, and describes it by its caption", () => {
    const charts = rowCharts("long_term_share");
    charts.forEach((c, k) => {
      const svg = c.querySelector("svg")!;
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toBe(`Diagram: Andel långvariga biståndsmottagare per kommun 2025, del ${k + 1} av ${charts.length}`);
      expect(doc.getElementById(svg.getAttribute("aria-describedby")!)!.tagName).toBe("FIGCAPTION");
    });
    const caption = charts[1].querySelector("figcaption")!.textContent!.replace(/\s+/g, " ");
    expect(caption).toContain("kommun 45–88 av 130 i ordning efter värdet för totalt 2025, högst först");
    expect(caption).toContain("Pilen börjar vid värdet 2024");
    // the unpublished values of the part are counted in text
    const names = [...charts[1].querySelectorAll("g.names text")].map((t) => t.textContent);
    const codes = new Map(page.municipalities.map((m) => [m.name, m.code]));
    const hidden = names.flatMap((n) => ["K", "M"].map((g) => fig("long_term_share", codes.get(n!)!, 2025, g)!)).filter((f) => f.status !== "").length;
    expect(hidden).toBeGreaterThan(0);
    expect(caption).toContain(`${hidden} värden för kvinnor eller män här är skyddade (..) eller saknas (-)`);
  });

  it("shows each municipality's change from the previous year as an arrow in its direction", () => {
    const p = syntheticReport(maxFacets + 1, [2024, 2025]);
    const [up, down, flat] = p.municipalities;
    const set = (m: { code: string }, y: number, v: number) => Object.assign(p.figures.find((f) => f.indicator === "long_term_share" && f.municipality === m.code && f.year === y && f.gender === "T")!, { value: v, status: "" });
    set(up, 2024, 10); set(up, 2025, 50);
    set(down, 2024, 50); set(down, 2025, 10);
    set(flat, 2024, 30); set(flat, 2025, 30.2);
    const d = dom(renderReport(p));
    const svg = d.querySelector(`#${idOf("long_term_share")}-chart-1 svg`)!;
    // the scale from the axis's labels (above the rows): x of 0 and of the largest tick
    const axis = [...svg.querySelectorAll("g.axis text")];
    const tickTexts = axis.filter((t) => t.getAttribute("y") === axis[0].getAttribute("y"));
    const x0 = Number(tickTexts.find((t) => t.textContent === "0")!.getAttribute("x"));
    const last = tickTexts.at(-1)!;
    const scale = (v: number) => x0 + (v / parseSv(last.textContent!)) * (Number(last.getAttribute("x")) - x0);
    const heads = (svg.querySelector("g.trend path[fill]")!.getAttribute("d")!.match(/M[\d.]+,[\d.]+l-?6/g) ?? []).map((h) => {
      const [, x, y, dir] = /M([\d.]+),([\d.]+)l(-?)6/.exec(h)!;
      return { x: Number(x), y: Number(y), right: dir === "-" };
    });
    const rowY = (name: string) => Number([...svg.querySelectorAll("g.names text")].find((t) => t.textContent === name)!.getAttribute("y")) - 3.8;
    const at = (name: string) => heads.filter((h) => Math.abs(h.y - rowY(name)) < 0.2);
    expect(at(up.name)).toHaveLength(1);
    expect(at(up.name)[0].right).toBe(true);
    expect(at(up.name)[0].x).toBeCloseTo(scale(50), 0);
    expect(at(down.name)).toHaveLength(1);
    expect(at(down.name)[0].right).toBe(false);
    expect(at(down.name)[0].x).toBeCloseTo(scale(10), 0);
    expect(at(flat.name)).toHaveLength(0);
  });

  it("shows the network's years: mean per year and gender, and the quartiles of the municipalities", () => {
    const trend = doc.querySelector(`#${idOf("recipients")}-chart-trend`)!;
    expect(trend.querySelector("svg")!.getAttribute("aria-label")).toBe("Diagram: Biståndsmottagare, nätverket 2023–2025");
    for (const g of ["K", "M"] as const) {
      expect(trend.querySelectorAll(`g.spread-${g} rect`)).toHaveLength(years.length);
      const labels = [...trend.querySelectorAll(`g.label-${g} text`)].map((t) => t.textContent);
      expect(labels).toEqual(years.map((y) => fig("recipients", "network", y, g)!.value!.toFixed(1).replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, " ")));
    }
    expect(trend.querySelector("figcaption")!.textContent).toContain("första till tredje kvartilen");
    // no trend chart for a single year
    const one = dom(renderReport(syntheticReport(maxFacets + 1, [2025])));
    expect(one.querySelectorAll("figure.chart-trend")).toHaveLength(0);
    expect(one.querySelectorAll("figure.chart-rows")).toHaveLength(totals.length);
    expect(one.querySelectorAll("g.trend")).toHaveLength(0);
  });

  it("computes quartiles by linear interpolation and scales to round steps", () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25);
    expect(quantile([7], 0.25)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow("quantile of no values");
    expect(niceScale(0, 97.3)).toEqual({ domain: [0, 100], ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceScale(0, 1987)).toEqual({ domain: [0, 2000], ticks: [0, 500, 1000, 1500, 2000] });
    expect(niceScale(0, 0).domain).toEqual([0, 1]);
    expect(niceScale(0, 11).ticks).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
  });

  it("keeps a municipality name with markup inert in the row charts", () => {
    const name = 'Å & <i>Ö</i> "x"';
    const rows = syntheticReport(maxFacets + 1, [2024, 2025]); // row charts from maxFacets + 1 on
    const d = dom(renderReport(withMunicipalityName(rows, rows.municipalities[5].code, name)));
    expect(d.querySelectorAll("i")).toHaveLength(0);
    expect([...d.querySelectorAll("figure.chart-rows g.names text")].map((t) => t.textContent)).toContain(name);
  });

  it("keeps rank colours, ranks in text and the symbols in the tables, with lean cells", () => {
    const withheld = page.figures.find((f) => f.indicator === "long_term_share" && f.municipality !== "network" && f.status === ".." && f.year === 2025)!;
    const good = page.figures.find((f) => f.indicator === "long_term_share" && f.rank === 1 && f.year === 2025 && f.gender === "T")!;
    const table = doc.querySelector(`#${idOf("long_term_share")} table`)!;
    const cellOf = (f: Figure) => {
      const name = page.municipalities.find((m) => m.code === f.municipality)!.name;
      const row = [...table.querySelectorAll("tbody tr")].find((r) => r.querySelector("th")!.textContent === name)!;
      return row.querySelectorAll("td")[years.indexOf(f.year) * 3 + ["K", "M", "T"].indexOf(f.gender)];
    };
    expect(cellOf(withheld).querySelector(".cell-value")!.textContent).toBe("..");
    expect(cellOf(withheld).querySelector(".rank")!.className).toBe("rank rank-missing");
    expect(cellOf(good).querySelector(".rank")!.textContent).toBe(`1 av ${good.ranked}`);
    expect(cellOf(good).querySelector(".rank")!.className).toBe("rank rank-good");
    expect(table.querySelectorAll("tbody tr")).toHaveLength(131);
    // a cell says what differs from its neighbours; alignment and borders come from the table
    expect(table.className).toBe("figs g3");
    expect(table.querySelectorAll("td[class]")).toHaveLength(0);
    // the long lists at the top fold away
    expect(doc.querySelector(".meta details summary")!.textContent).toBe("130 kommuner");
    expect(doc.querySelector("details:not(.inline) > summary")!.textContent).toBe("Senast inlästa data per kommun (130 kommuner, biståndsdata t.o.m. december 2025)");
    const rows = (to: (string | null)[]) => to.map((bistandTo, i) => ({ municipality: String(1000 + i), name: `K${i}`, bistandFrom: null, bistandTo, insatsSnapshot: null, lastLoaded: null }));
    expect(freshnessSummary(rows(["2025-11", null, "2025-12", "2024-06"]), words("sv"))).toBe("4 kommuner, biståndsdata t.o.m. juni 2024 – december 2025, 1 utan biståndsdata");
    expect(freshnessSummary(rows([null, null]), words("sv"))).toBe("2 kommuner, inga biståndsdata");
  });
});

describe("quality page", () => {
  const page = load<QualityPage>("quality.json");
  const doc = dom(renderQuality(page));

  it("lists every finding with severity, line, column, value and message", () => {
    const rejected = page.files.find((f) => f.status === "rejected")!;
    const rows = [...doc.querySelectorAll("table")].find((t) => t.querySelector("caption")?.textContent?.startsWith("Allvarlighet") && t.closest("div")!.getAttribute("aria-label")!.includes(rejected.name))!.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(rejected.findings.length);
    const first = [...rows[0].querySelectorAll("td")].map((td) => td.textContent!.replace(/\s+/g, " ").trim());
    // the severity and the finding's title in Swedish, as the terminal says them; the English code only in --json
    expect(first[0]).toBe("FEL Okänd kod");
    expect(first.slice(1, 4)).toEqual(["12", "gender", "3"]);
    expect(first[4]).toContain(rejected.findings[0].message);
    expect(doc.body.textContent).toContain("Visar 3 av 6 fynd");
  });

  it("shows counts from 1 to the threshold as ..", () => {
    const cellsOf = (caption: string) => {
      const t = [...doc.querySelectorAll("table")].find((t) => t.querySelector("caption")!.textContent === caption)!;
      return [...t.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent));
    };
    expect(cellsOf("Personmånader med försörjningshinder per kommun och år")).toContainEqual(["2024", "..", "..", ".."]);
    expect(cellsOf("Personmånader med försörjningshinder per kommun och år")).toContainEqual(["2023", "9 900", "9 300", "93,9"]);
    expect(cellsOf("Par per kommun och år")).toContainEqual(["2024", "40", ".."]);
    // the mapped codes, but no row count per code: beside a file's rows it would give a small count away
    // each shared code by its Swedish label (schemas/codes.json), the code beside it
    expect(cellsOf("Översatta koder").map((r) => r.slice(-2))).toEqual([["Kvinna", "Kvinnor (K)"], ["Man", "Män (M)"], ["ARB1", "Arbetslös – ingen ersättning (unemployed_no_benefit)"]]);
    const files = [...doc.querySelectorAll("table")].find((t) => t.querySelector("caption")!.textContent!.startsWith("Filer från Huddinge"))!;
    expect(files.querySelector("tbody td.num")!.textContent).toBe("..");
  });

  it("lists the network's folder of reference data after the municipalities, named in the page's language", () => {
    const population = { ...page.files.find((f) => f.status === "accepted")!, municipality: "network", name: "befolkning.csv", kind: "population", findings: [], findingCounts: {} };
    const withNetwork = { ...page, files: [population, ...page.files] };
    const sections = (language: "sv" | "nb" | "en") =>
      [...dom(renderQuality({ ...withNetwork, language })).querySelectorAll("section.municipality")].map((x) => ({
        heading: x.querySelector("h3")!.textContent, caption: x.querySelector("caption")!.textContent, files: [...x.querySelectorAll("tbody th")].map((th) => th.textContent)
      }));
    const sv = sections("sv");
    const municipalities = sections("sv").slice(0, -1).map((x) => x.heading);
    expect(municipalities).toEqual([...doc.querySelectorAll("section.municipality h3")].map((h) => h.textContent));
    expect(sv.at(-1)).toEqual({ heading: "Nätverkets referensdata (network)", caption: "Filer från nätverkets mapp, i den ordning de lästes in", files: ["befolkning.csv"] });
    expect(sections("nb").at(-1)!.heading).toBe("Nettverkets referansedata (network)");
    expect(sections("en").at(-1)!.caption).toBe("Files from the network's folder, in the order they were loaded");
    expect(sv.some((x) => x.heading === "network (network)")).toBe(false);
  });
});

describe("index and codes pages", () => {
  it("links every report and its CSV", () => {
    const page = load<IndexPage>("index.json");
    const out = renderIndex(page);
    expectSelfContained(out);
    const hrefs = [...dom(out).querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    for (const r of page.reports) {
      expect(hrefs).toContain(r.file);
      expect(hrefs).toContain(`data/${r.targetGroup.id}.csv`);
    }
    expect(hrefs).toContain("quality.html");
    const bad = { ...page, reports: [{ ...page.reports[0], file: "javascript:alert(1)" }] };
    expect(() => renderIndex(bad)).toThrow("invalid report file: javascript:alert(1)");
  });

  it("lists every code of every list of the real schema with its labels", () => {
    const s = schema();
    const out = renderCodes(s, { id: 1, startedAt: "2025-02-03T02:00:00+01:00", timeZone: "Europe/Stockholm" });
    expectSelfContained(out);
    const rows = [...dom(out).querySelectorAll("tbody tr")].map((r) => [...r.children].map((c) => c.textContent));
    for (const list of Object.values(s.lists)) {
      for (const c of list.codes) expect(rows).toContainEqual(expect.arrayContaining([c.code, c.sv, c.nb, c.en]));
    }
    for (const i of s.indicators) expect(rows.some((r) => r[0] === i.id && r[2] === i.definition.sv)).toBe(true);
  });
});
