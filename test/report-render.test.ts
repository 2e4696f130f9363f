// The page renderers: escaping of everything from outside, the CSV, confidentiality of withheld
// figures, chart markup (ARIA, what is drawn), self-containment and determinism.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { schema } from "../pipeline/schema.js";
import { chartGenders, facetColumns } from "../reports/chart.js";
import { renderCodes } from "../reports/codes.js";
import { csvHeader, csvText, figuresCsv } from "../reports/csv.js";
import { escapeHtml, html, raw } from "../reports/html.js";
import { renderIndex } from "../reports/index-page.js";
import type { Figure, IndexPage, QualityPage, ReportPage } from "../reports/model.js";
import { renderQuality } from "../reports/quality.js";
import { renderReport, yearChunks } from "../reports/report.js";
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
      if (a.name === "href") expect(a.value).toMatch(/^(#[\w-]+|[a-z_]+\.html|data\/[a-z_]+\.csv)$/);
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
    expect(lines[0]).toBe("indicator,municipality,year,gender,value,numerator,denominator,status");
    expect(lines[0]).toBe(csvHeader);
    expect(lines.at(-1)).toBe("");
    expect(lines).toHaveLength(page.figures.length + 2);
  });

  it("neutralises text cells a spreadsheet would run as formulas, and leaves numbers alone", () => {
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(["+1", "-1", "@SUM(A1)", "\tx", "\rx", "0181", "a,b"].map(csvText)).toEqual(["'+1", "'-1", "'@SUM(A1)", "'\tx", `"'\rx"`, "0181", '"a,b"']);
    const f: Figure = { indicator: "recipients", municipality: '=HYPERLINK("http://x")', year: 2024, gender: "T", value: -5, numerator: -5, denominator: null, status: "", rank: null, ranked: null };
    expect(figuresCsv([f]).split("\n")[1]).toBe(`recipients,"'=HYPERLINK(""http://x"")",2024,T,-5,-5,,`);
  });

  it("writes the status symbols as the contract spells them", () => {
    const rows = figuresCsv(page.figures).split("\n").slice(1, -1);
    const statuses = new Set(rows.map((r) => r.split(",").at(-1)));
    expect([...statuses].sort()).toEqual(["", "-", ".."]);
  });

  it("leaves value, numerator and denominator of a withheld row empty even if the input has them", () => {
    const f: Figure = { indicator: "recipients", municipality: "0181", year: 2024, gender: "K", value: 2, numerator: 2, denominator: 9, status: "..", rank: null, ranked: null };
    expect(figuresCsv([f]).split("\n")[1]).toBe("recipients,0181,2024,K,,,,..");
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
    expect(text).toContain(page.targetGroup.definition);
    expect(text).toContain("uppgiften bygger på 1–3 personer");
    expect(text).toContain("12 värden i rapporten är skyddade (..), varav 5 för att");
    expect(text).toContain("januari 2023 – december 2024");
  });

  it("has one section per indicator in schema order with its definition, chart and table", () => {
    const sections = [...doc.querySelectorAll("section.indicator")];
    expect(sections.map((s) => s.id)).toEqual(page.indicators.map((i) => `ind-${i.id.replace(/_/g, "-")}`));
    for (const [k, s] of sections.entries()) {
      expect(s.querySelector("h2")!.textContent).toBe(page.indicators[k].sv);
      expect(s.querySelector(".definition")!.textContent).toContain(page.indicators[k].definition);
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

  it("colours counts neutrally and missing ranks grey", () => {
    const classes = [...doc.querySelectorAll("#ind-recipients .rank")].map((e) => e.className);
    expect(new Set(classes)).toEqual(new Set(["rank rank-neutral", "rank rank-missing"]));
  });

  it("labels every chart and removes Plot's aria-label from plain groups", () => {
    for (const svg of doc.querySelectorAll("figure.chart > svg")) {
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")).toMatch(/^Diagram: .+ per kommun och år$/);
      const desc = doc.getElementById(svg.getAttribute("aria-describedby")!);
      expect(desc?.tagName).toBe("FIGCAPTION");
      expect(svg.querySelectorAll("[aria-label], [aria-description], style")).toHaveLength(0);
    }
    expect(out).not.toMatch(/<g[^>]*aria-label/);
  });

  it("draws only published values and says in text which are left out", () => {
    const colours = { K: "#c2410c", M: "#1d4ed8", T: "#333333" } as const;
    for (const ind of page.indicators) {
      const svg = doc.querySelector(`#ind-${ind.id.replace(/_/g, "-")}-chart svg`)!;
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

  it("draws women and men, and only the total for an indicator published only in total", () => {
    const byId = new Map(page.indicators.map((i) => [i.id, i]));
    expect(chartGenders(byId.get("recipients")!)).toEqual(["K", "M"]);
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

describe("quality page", () => {
  const page = load<QualityPage>("quality.json");
  const doc = dom(renderQuality(page));

  it("lists every finding with severity, line, column, value and message", () => {
    const rejected = page.files.find((f) => f.status === "rejected")!;
    const rows = [...doc.querySelectorAll("table")].find((t) => t.querySelector("caption")?.textContent?.startsWith("Allvarlighet") && t.closest("div")!.getAttribute("aria-label")!.includes(rejected.name))!.querySelectorAll("tbody tr");
    expect(rows).toHaveLength(rejected.findings.length);
    const first = [...rows[0].querySelectorAll("td")].map((td) => td.textContent!.replace(/\s+/g, " ").trim());
    expect(first[0]).toBe("ERROR fel");
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
    expect(cellsOf("Översatta koder").map((r) => r.at(-1))).toEqual(["3 000", "3 100", ".."]);
    const files = [...doc.querySelectorAll("table")].find((t) => t.querySelector("caption")!.textContent!.startsWith("Filer från Huddinge"))!;
    expect(files.querySelector("tbody td.num")!.textContent).toBe("..");
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
    for (const i of s.indicators) expect(rows.some((r) => r[0] === i.id && r[2] === i.definition)).toBe(true);
  });
});
