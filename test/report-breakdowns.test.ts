// The breakdown sections of a report page (contract §6.3): one section per dimension after the
// totals, in the schema's order; per indicator a table of the latest year with every category in
// order, the same symbols and Swedish notation as the total tables, the network mean row, no ranks;
// a chart that never draws a withheld value; and no total section for an indicator published only
// broken down. Checked on the parsed page, with figures set by hand where a value is asserted.
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { schema } from "../pipeline/contract/schema.js";
import { categoryColours } from "../reports/breakdown-palette.js";
import { balancedChunks } from "../reports/breakdown-table.js";
import { maxFacets } from "../reports/chart.js";
import { hyphenate } from "../reports/hyphenate.js";
import type { Figure, ReportPage } from "../reports/model.js";
import { renderReport } from "../reports/report.js";
import { syntheticReport } from "./report-fixture.js";

const s = schema();
const dom = (page: string) => new JSDOM(page).window.document;
const slug = (id: string) => id.replace(/_/g, "-");
/** text as a reader sees it: soft hyphens (only where a line breaks) and runs of space left out */
const text = (e: Element | null | undefined) => (e?.textContent ?? "").replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();
const evil = '<script>alert("x")</script> & <b>Ö</b>';

/** A small network with every breakdown, 2024–2025, and figures set by hand. */
function page(): ReportPage {
  const p = syntheticReport(5, [2024, 2025], s);
  const [m0, m1, m2] = p.municipalities;
  const figures = p.figures.map((f) => ({ ...f }));
  const find = (indicator: string, dimension: string, category: string, municipality: string, year: number, gender: string) =>
    figures.find((f) => f.indicator === indicator && f.dimension === dimension && f.category === category && f.municipality === municipality && f.year === year && f.gender === gender)!;
  const set = (f: Figure, v: Partial<Figure>) => Object.assign(f, v);
  // exits to work or studies in need category A: 12,5 %; in B withheld although the input carries numbers; in C no data
  set(find("exit_work_studies_share", "need_category", "A_ready", m0.code, 2025, "T"), { status: "", value: 12.5, numerator: 5, denominator: 40 });
  set(find("exit_work_studies_share", "need_category", "B_short_support", m0.code, 2025, "T"), { status: "..", value: 77777, numerator: 88888, denominator: 99999 });
  set(find("exit_work_studies_share", "need_category", "C_long_support", m0.code, 2025, "T"), { status: "-", value: null, numerator: null, denominator: null });
  // a count: participants in need category "none" 1 234; the network mean of a count 7 keeps a decimal
  set(find("participants", "need_category", "none", m0.code, 2025, "M"), { status: "", value: 1234, numerator: 1234, denominator: null });
  set(find("participants", "need_category", "A_ready", "network", 2025, "T"), { status: "", value: 7, numerator: 21, denominator: 3 });
  // every exit reason of m1 withheld: no bar, named in the caption
  for (const f of figures) if (f.indicator === "exit_reason_share" && f.municipality === m1.code && f.year === 2025 && f.gender === "T") set(f, { status: "..", value: 55555, numerator: null, denominator: null });
  // every duration of m2 published: its bar is full
  for (const f of figures) if (f.indicator === "exit_duration_share" && f.municipality === m2.code && f.year === 2025 && f.gender === "T") set(f, { status: "", value: 25, numerator: 10, denominator: 40 });
  // a figure the input lacks altogether shows "-"
  const gone = find("measure_starts", "referred_by", "other", m2.code, 2025, "K");
  return {
    ...p,
    municipalities: p.municipalities.map((m) => (m.code === m0.code ? { ...m, name: evil } : m)),
    figures: figures.filter((f) => f !== gone)
  };
}

/** The latest year's tables of one breakdown: category label → its cells per row name and gender. */
function tableCells(section: Element) {
  const cells = new Map<string, Map<string, Record<string, string>>>();
  const order: string[] = [];
  const rows: string[] = [];
  for (const table of section.querySelectorAll(":scope > .table-wrap table")) {
    const categories = [...table.querySelectorAll("thead tr:first-child th[scope=colgroup]")].map(text);
    const genders = [...table.querySelectorAll("thead tr:nth-child(2) th")].map(text);
    const per = genders.length / categories.length;
    order.push(...categories);
    rows.length = 0;
    for (const tr of table.querySelectorAll("tbody tr")) {
      const name = text(tr.querySelector("th"));
      rows.push(tr.classList.contains("network") ? `network:${name}` : name);
      const tds = [...tr.querySelectorAll("td")].map(text);
      categories.forEach((c, k) => {
        if (!cells.has(c)) cells.set(c, new Map());
        const own: Record<string, string> = {};
        for (let i = 0; i < per; i++) own[genders[k * per + i]] = tds[k * per + i];
        cells.get(c)!.set(name, own);
      });
    }
  }
  return { cells, order, rows: [...rows] };
}

describe("breakdown sections", () => {
  const p = page();
  const out = renderReport(p);
  const doc = dom(out);
  const [, m1, m2] = p.municipalities;
  const byId = new Map(s.indicators.map((i) => [i.id, i]));
  const block = (dimension: string, indicator: string) => doc.getElementById(`dim-${slug(dimension)}-${slug(indicator)}`)!;

  it("has a section per dimension after the totals, in the schema's order, linked from the table of contents", () => {
    const sections = [...doc.querySelectorAll("section.breakdown")];
    expect(sections.map((e) => e.id)).toEqual(s.dimensions.map((d) => `dim-${slug(d.id)}`));
    expect(sections.map((e) => text(e.querySelector("h2")))).toEqual(s.dimensions.map((d) => d.sv));
    const lastTotal = [...doc.querySelectorAll("section.indicator")].at(-1)!;
    expect(lastTotal.compareDocumentPosition(sections[0]) & 4).toBe(4); // the first breakdown follows the last total
    const nav = doc.querySelector("nav[aria-label=Indikatorer]")!;
    const heading = [...nav.querySelectorAll("h3")].find((h) => text(h) === "Uppdelningar")!;
    expect(heading).toBeTruthy();
    const links = [...heading.nextElementSibling!.querySelectorAll("a")];
    expect(links.map((a) => a.getAttribute("href"))).toEqual(s.dimensions.map((d) => `#dim-${slug(d.id)}`));
    expect(links.map(text)).toEqual(s.dimensions.map((d) => d.sv));
    for (const a of links) expect(doc.getElementById(a.getAttribute("href")!.slice(1))).not.toBeNull();
  });

  it("shows each dimension's indicators in its order, with name, definition, numerator and denominator", () => {
    for (const d of s.dimensions) {
      const blocks = [...doc.querySelectorAll(`#dim-${slug(d.id)} section.breakdown-indicator`)];
      expect(blocks.map((b) => b.id)).toEqual(d.indicators.map((i) => `dim-${slug(d.id)}-${slug(i.id)}`));
      for (const [k, b] of blocks.entries()) {
        const ind = byId.get(d.indicators[k].id)!;
        expect(text(b.querySelector("h3"))).toBe(ind.sv);
        const definition = text(b.querySelector(".definition"));
        expect(definition).toContain(ind.definition.sv);
        if (ind.kind === "share") expect(definition).toContain(`Täljare${ind.numerator.sv}Nämnare${ind.denominator.sv}`);
        expect(b.querySelectorAll(".rank")).toHaveLength(0); // breakdowns are not ranked
      }
    }
  });

  it("lists every category of every dimension in its tables, in the declared order, Uppgift saknas included", () => {
    for (const d of s.dimensions) {
      for (const bi of d.indicators) {
        const ind = byId.get(bi.id)!;
        const { cells, order, rows } = tableCells(block(d.id, bi.id));
        expect(order, `${d.id} ${bi.id}`).toEqual(d.categories.map((c) => c.sv));
        expect(rows).toEqual([...p.municipalities.map((m) => m.name), "network:Nätverket (medel)"]);
        for (const c of d.categories) expect(Object.keys(cells.get(c.sv)!.get(m1.name)!)).toEqual(ind.genders);
      }
    }
    expect(tableCells(block("need_category", "participants")).order.at(-1)).toBe("Uppgift saknas");
    expect(tableCells(block("referred_by", "measure_starts")).order.at(-1)).toBe("Uppgift saknas");
    expect(tableCells(block("measure", "measure_exits")).order).not.toContain("Uppgift saknas");
  });

  it("splits a table at nine figure columns; the header names each category's column group", () => {
    const tables = [...block("measure", "measure_exits").querySelectorAll(":scope > .table-wrap table")];
    expect(tables).toHaveLength(4); // ten categories of K, M, T: 3 + 3 + 2 + 2
    for (const t of tables) expect(t.querySelectorAll("tbody tr:first-child td").length).toBeLessThanOrEqual(9);
    for (const th of tables[0].querySelectorAll("thead th[scope=colgroup]")) expect(th.getAttribute("colspan")).toBe("3");
    expect(tables[0].querySelectorAll("colgroup")).toHaveLength(4); // the name, then one per category
    expect(text(tables[0].querySelector("caption"))).toBe("Insats: Avslutade insatser, antal avslut, 2025, del 1 av 4 (K = kvinnor, M = män, T = totalt)");
  });

  it("writes values in Swedish notation with the total tables' symbols", () => {
    const shares = tableCells(block("need_category", "exit_work_studies_share")).cells;
    expect(shares.get("A – nära arbetsmarknaden")!.get(evil)!.T).toBe("12,5");
    expect(shares.get("B – behöver kortare stöd")!.get(evil)!.T).toBe("..");
    expect(shares.get("C – behöver längre stöd")!.get(evil)!.T).toBe("-");
    const counts = tableCells(block("need_category", "participants")).cells;
    expect(counts.get("Uppgift saknas")!.get(evil)!.M).toBe("1 234");
    // a mean of counts, with how many municipalities it averages (the fixture's network row says 3)
    expect(counts.get("A – nära arbetsmarknaden")!.get("Nätverket (medel)")!.T).toBe("7,0n = 3");
    expect(tableCells(block("referred_by", "measure_starts")).cells.get("Annan")!.get(m2.name)!.K).toBe("-"); // no figure at all
    // every cell is a value in Swedish notation or a symbol
    for (const td of doc.querySelectorAll("section.breakdown table td")) expect(text(td)).toMatch(/^(\.\.|-|\u2212?\d{1,3}( \d{3})*(,\d)?)(\/ (\.\.|-|\d{1,3}( \d{3})*(,\d)?))?(n = \d+|1 kommun)?$/);
  });

  it("never shows a withheld figure's numbers", () => {
    expect(out).not.toMatch(/77 ?777|88 ?888|99 ?999|55 ?555/);
  });

  it("shows numerators and denominators: for a share every row, for a count the network's", () => {
    const share = block("need_category", "exit_work_studies_share").querySelector("details")!;
    expect(text(share.querySelector("summary"))).toBe("Täljare och nämnare, 2025");
    const row = [...share.querySelectorAll("tbody tr")].find((r) => text(r.querySelector("th")) === evil)!;
    const cells = [...row.querySelectorAll("td")].map(text);
    expect(cells[2]).toBe("5/ 40"); // A, T
    expect(cells[5]).toBe("../ .."); // B, T: withheld
    const count = block("need_category", "participants").querySelector("details")!;
    // one row per table of categories: the network's
    expect(new Set([...count.querySelectorAll("tbody tr")].map((r) => text(r.querySelector("th"))))).toEqual(new Set(["Nätverket (medel)"]));
    expect(text(count.querySelector("tbody td:nth-of-type(3)"))).toBe("21/ 3");
  });

  it("shows earlier years in a fold for a small network", () => {
    const earlier = [...block("duration", "exit_duration_share").querySelectorAll("details")].find((d) => text(d.querySelector("summary")).startsWith("Tidigare år"))!;
    expect(text(earlier.querySelector("summary"))).toBe("Tidigare år (2024)");
    expect(text(earlier.querySelector("caption"))).toContain("2024");
  });

  it("has no total section for an indicator published only broken down", () => {
    const only = s.indicators.filter((i) => i.total === false);
    expect(only.map((i) => i.id)).toEqual(["exit_reason_share", "exit_duration_share"]);
    const toc = [...doc.querySelectorAll("nav[aria-label=Indikatorer] > ol:first-of-type a")].map((a) => a.getAttribute("href"));
    for (const i of only) {
      expect(doc.getElementById(`ind-${slug(i.id)}`)).toBeNull();
      expect(toc).not.toContain(`#ind-${slug(i.id)}`);
    }
    // the model figures (§10) have a section of their own, not one each
    const models = s.indicators.filter((i) => i.kind === "model").length;
    expect(doc.querySelectorAll("section.indicator:not(.socioeconomic)")).toHaveLength(s.indicators.length - only.length - models);
    expect(block("exit_reason", "exit_reason_share")).not.toBeNull();
  });

  it("keeps a municipality name with markup inert in tables and charts", () => {
    expect(doc.querySelectorAll("script, b")).toHaveLength(0);
    for (const b of doc.querySelectorAll("section.breakdown-indicator")) {
      expect([...b.querySelectorAll(":scope > .table-wrap tbody th")].map(text)).toContain(evil);
    }
    // the chart's axis names it as text (shortened to fit)
    const names = [...block("duration", "exit_duration_share").querySelectorAll("svg text")].map(text);
    expect(names.some((n) => n.startsWith('<script>alert("x")'))).toBe(true);
  });

  it("gives every chart a name and a description, with none of Plot's aria-labels left on plain groups", () => {
    for (const d of s.dimensions) {
      for (const bi of d.indicators) {
        const svg = block(d.id, bi.id).querySelector("figure.chart-breakdown > svg")!;
        expect(svg.getAttribute("role")).toBe("img");
        expect(svg.getAttribute("aria-label")).toMatch(/^Diagram: .+, 2025$/);
        const desc = doc.getElementById(svg.getAttribute("aria-describedby")!)!;
        expect(desc.tagName).toBe("FIGCAPTION");
        expect(text(desc)).toContain("Tabellen visar alla värden");
        expect(svg.querySelectorAll("g[aria-label], [aria-description], style")).toHaveLength(0);
      }
    }
  });

  it("stacks shares of a total per municipality, draws no withheld share and names the bars left empty", () => {
    const d = s.dimensions.find((x) => x.id === "exit_reason")!;
    const colours = categoryColours(d.categories);
    const fig = block("exit_reason", "exit_reason_share").querySelector("figure")!;
    const svg = fig.querySelector("svg")!;
    const drawn = [...svg.querySelectorAll("rect")].filter((r) => colours.includes(r.getAttribute("fill") ?? ""));
    const published = p.figures.filter((f) => f.indicator === "exit_reason_share" && f.year === 2025 && f.gender === "T" && f.status === "" && f.value! > 0);
    expect(drawn.length).toBe(published.length);
    expect(text(fig.querySelector("figcaption"))).toContain(`Utan stapel: ${m1.name} (..)`);
    expect([...svg.querySelectorAll("text")].map(text)).toContain("skyddat (..)");
    // the legend names the categories in order
    expect([...fig.querySelectorAll(".legend li")].slice(0, d.categories.length).map(text)).toEqual(d.categories.map((c) => c.sv));
    // m2's duration bar: four published quarters of equal width, in the categories' order
    const durations = s.dimensions.find((x) => x.id === "duration")!;
    const dc = categoryColours(durations.categories);
    const bars = [...block("duration", "exit_duration_share").querySelectorAll("figure > svg rect")].filter((r) => dc.includes(r.getAttribute("fill") ?? ""));
    const byRow = new Map<string | null, Element[]>();
    for (const r of bars) byRow.set(r.getAttribute("y"), [...(byRow.get(r.getAttribute("y")) ?? []), r]);
    const quarters = [...byRow.values()].filter((row) => row.length === 4 && new Set(row.map((r) => r.getAttribute("width"))).size === 1);
    expect(quarters.length).toBe(1);
    expect(quarters[0].map((r) => r.getAttribute("fill"))).toEqual(dc);
  });

  it("draws a share within each category as a panel per category, its symbol where the value is withheld", () => {
    const d = s.dimensions.find((x) => x.id === "need_category")!;
    const svg = block("need_category", "exit_work_studies_share").querySelector("figure.chart-panels svg")!;
    const colours = categoryColours(d.categories);
    const bars = [...svg.querySelectorAll("rect")].filter((r) => colours.includes(r.getAttribute("fill") ?? ""));
    const published = p.figures.filter((f) => f.indicator === "exit_work_studies_share" && f.dimension === "need_category" && f.municipality !== "network" && f.year === 2025 && f.gender === "T" && f.status === "");
    expect(bars).toHaveLength(published.length);
    const titles = [...svg.querySelectorAll("text")].map((t) => t.textContent!.replace(/\u00ad/g, ""));
    expect(titles.join(" ")).toContain("D – står inte till");
    expect(titles.filter((t) => t === "..").length).toBeGreaterThan(0);
  });

  it("renders the same bytes twice", () => {
    expect(renderReport(p)).toBe(out);
  });
});

describe("breakdowns of a large network", () => {
  const p = syntheticReport(maxFacets + 1, [2024, 2025], s);
  const doc = dom(renderReport(p));

  it("draws one compact chart per breakdown: a row per category with the network mean", () => {
    for (const d of s.dimensions) {
      for (const bi of d.indicators) {
        const b = doc.getElementById(`dim-${slug(d.id)}-${slug(bi.id)}`)!;
        const figs = b.querySelectorAll("figure");
        expect(figs, `${d.id} ${bi.id}`).toHaveLength(1);
        expect(figs[0].classList.contains("chart-profile")).toBe(true);
        // every label of the schema fits the chart's name column whole
        expect([...figs[0].querySelectorAll("g.names text")].map(text)).toEqual(d.categories.map((c) => c.sv));
        const values = [...figs[0].querySelectorAll("g.values text")].map(text);
        d.categories.forEach((c, k) => {
          const f = p.figures.find((x) => x.indicator === bi.id && x.dimension === d.id && x.category === c.code && x.municipality === "network" && x.year === 2025 && x.gender === "T")!;
          const expected = f.status !== "" ? "-" : f.value!.toFixed(1) /* a share, or a mean of counts */.replace(".", ",").replace(/\B(?=(\d{3})+(?!\d))/g, " ");
          expect(values[k], `${d.id} ${bi.id} ${c.code}`).toBe(expected);
        });
        // the table still has every municipality and the network
        expect(b.querySelector(":scope > .table-wrap table")!.querySelectorAll("tbody tr")).toHaveLength(maxFacets + 2);
      }
    }
    // earlier years are left to the data files
    const summaries = [...doc.querySelectorAll("section.breakdown details summary")].map(text);
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.filter((t) => t.startsWith("Tidigare år"))).toEqual([]);
    expect(text(doc.querySelector("section.breakdown-indicator p.muted"))).toBe("Tidigare år (2024) finns i datafilerna (CSV, Excel, Arrow).");
  });
});

describe("pages without breakdowns, and figures the page cannot place", () => {
  const p = syntheticReport(3, [2025], s);

  it("shows no breakdown section when the page has no dimensions or none of their indicators", () => {
    const none = dom(renderReport({ ...p, dimensions: [], figures: p.figures.filter((f) => !f.dimension) }));
    expect(none.querySelectorAll("section.breakdown")).toHaveLength(0);
    expect(none.body.textContent).not.toContain("Uppdelningar");
    const kept = new Set(["participants", "recipients"]);
    const fewer = dom(renderReport({ ...p, indicators: s.indicators.filter((i) => kept.has(i.id)), figures: p.figures.filter((f) => kept.has(f.indicator)) }));
    expect([...fewer.querySelectorAll("section.breakdown")].map((e) => e.id)).toEqual(["dim-need-category"]);
  });

  it("rejects a breakdown row of an unknown dimension or category, a total of an indicator without one, and duplicates", () => {
    const row = p.figures.find((f) => f.dimension === "need_category" && f.indicator === "participants")!;
    expect(() => renderReport({ ...p, figures: [...p.figures, { ...row, category: "Z" }] })).toThrow("breakdown figure for unknown category of need_category: Z");
    expect(() => renderReport({ ...p, figures: [...p.figures, { ...row, dimension: "colour" }] })).toThrow("breakdown figure for unknown dimension of participants: colour");
    expect(() => renderReport({ ...p, figures: [...p.figures, { ...row, indicator: "recipients" }] })).toThrow("breakdown figure for an indicator without breakdowns: recipients");
    expect(() => renderReport({ ...p, figures: [...p.figures, { ...row }] })).toThrow(`duplicate figure: participants|need_category|${row.category}|${row.municipality}|2025|${row.gender}`);
    const total = { ...p.figures.find((f) => f.indicator === "exit_reason_share")!, dimension: "", category: "" };
    expect(() => renderReport({ ...p, figures: [...p.figures, total] })).toThrow("total figure for an indicator published only broken down: exit_reason_share");
    expect(() => renderReport({ ...p, figures: [...p.figures, { ...row, municipality: "9999" }] })).toThrow("figure for unknown municipality: 9999");
  });
});

describe("breakdown helpers", () => {
  it("splits categories into balanced tables", () => {
    expect(balancedChunks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3).map((c) => c.length)).toEqual([3, 3, 2, 2]);
    expect(balancedChunks([1, 2, 3, 4, 5], 3).map((c) => c.length)).toEqual([3, 2]);
    expect(balancedChunks([1, 2, 3], 3)).toEqual([[1, 2, 3]]);
    expect(() => balancedChunks([1], 0)).toThrow("invalid chunk size: 0");
  });

  it("breaks long compounds with soft hyphens at sensible places, and leaves short words alone", () => {
    expect(hyphenate("Kommunal arbetsmarknadsanställning", 16)).toBe("Kommunal arbetsmarknads\u00adanställning");
    expect(hyphenate("Jobbsökaraktiviteter", 14)).toBe("Jobbsökar\u00adaktiviteter");
    expect(hyphenate("A – nära arbetsmarknaden", 30)).toBe("A – nära arbetsmarknaden");
    for (const w of ["arbetsmarknadsanställning", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]) {
      const parts = hyphenate(w, 8).split("\u00ad");
      expect(parts.join("")).toBe(w);
      for (const part of parts) expect(part.length).toBeLessThanOrEqual(8);
    }
  });

  it("gives categories distinct colours with 3:1 contrast on white, none in grey", () => {
    const d = s.dimensions.find((x) => x.id === "need_category")!;
    const colours = categoryColours(d.categories);
    expect(new Set(colours).size).toBe(colours.length);
    expect(colours.at(-1)).toBe("#8c8c8c");
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const c of categoryColours(s.dimensions.find((x) => x.id === "measure")!.categories)) expect(1.05 / (lum(c) + 0.05)).toBeGreaterThanOrEqual(3);
  });
});
