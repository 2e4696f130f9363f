// municipality/<code>.html (contract §7): one municipality's figures in every report beside the
// network mean — rendered from the synthetic report (every target group, totals, model figures and
// breakdowns), then end to end from `kas run` on a tiny inbox, every link followed to its target.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../pipeline/contract/schema.js";
import { formatByIndicator, formatFixed } from "../reports/format.js";
import { hyphenate } from "../reports/hyphenate.js";
import { renderIndex } from "../reports/index-page.js";
import type { Figure, Indicator, IndexPage, MunicipalityPage, ReportPage } from "../reports/model.js";
import { MunicipalityFigures } from "../reports/municipality-figures.js";
import { municipalityFile, renderMunicipalityPage } from "../reports/municipality-page.js";
import { MunicipalityPages } from "../reports/municipality-pages.js";
import { syntheticReport } from "./report-fixture.js";
import { bistandHeader, bistandRows, copies, csvText, insatsHeader, insatsRows, measureCopies, runKas, Site, tempRoot, writeFiles, type Person } from "./helpers/indicators.js";

const s = schema();
const dom = (page: string) => new JSDOM(page).window.document;
const years = [2023, 2024, 2025];
const base = syntheticReport(6, years, s);
const [m0] = base.municipalities;

/** Every target group's report from the synthetic figures (the same figures under each group). */
function pageOf(report: ReportPage, code = m0.code, name?: string): MunicipalityPage {
  const filed = new MunicipalityFigures();
  for (const tg of s.targetGroups) filed.add({ ...report, targetGroup: tg }, `${tg.id}.html`);
  const m = report.municipalities.find((x) => x.code === code)!;
  return filed.page({ code, name: name ?? m.name }, { run: report.run, threshold: report.threshold, indicators: s.indicators, dimensions: s.dimensions }, report.freshness);
}

const byId = new Map(s.indicators.map((i) => [i.id, i]));
const total = (indicator: string, municipality: string, year: number, gender: string) =>
  base.figures.find((f) => !f.dimension && f.indicator === indicator && f.municipality === municipality && f.year === year && f.gender === gender);

/** The cells of one indicator's year row in one report's section: [T, network, rank, K, network K, M, network M]. */
function rowOf(doc: Document, group: string, indicator: Indicator, year: number): string[] {
  const section = doc.getElementById(`tg-${group.replace(/_/g, "-")}`)!;
  const link = section.querySelector(`a[href="../${group}.html#${indicator.kind === "model" ? "socioekonomi" : `ind-${indicator.id.replace(/_/g, "-")}`}"]`);
  const body = [...section.querySelectorAll("tbody")].find((b) => b.querySelector("th[scope=rowgroup] a")?.textContent === indicator.sv);
  expect(link, indicator.id).not.toBeNull();
  expect(body, indicator.id).toBeDefined();
  const row = [...body!.querySelectorAll("tr")].find((r) => r.querySelector("th[scope=row]")?.textContent === String(year))!;
  return [...row.querySelectorAll("td")].map((c) => c.textContent!);
}

const own = (ind: Indicator, f: Figure | undefined) => (!f ? "-" : f.status !== "" ? f.status : formatByIndicator(ind, f.value!));
const mean = (ind: Indicator, f: Figure | undefined) => (!f ? "-" : f.status !== "" ? f.status : ind.kind === "count" ? formatFixed(f.value!, 1) : formatByIndicator(ind, f.value!));

describe("a municipality's page", () => {
  const out = renderMunicipalityPage(pageOf(base));
  const doc = dom(out);

  it("has a section per report in the schema's order, each linking its report", () => {
    const sections = [...doc.querySelectorAll("main section.indicator")].map((x) => x.id);
    expect(sections).toEqual(s.targetGroups.map((t) => `tg-${t.id.replace(/_/g, "-")}`));
    for (const t of s.targetGroups) {
      const section = doc.getElementById(`tg-${t.id.replace(/_/g, "-")}`)!;
      expect(section.querySelector("h2")!.textContent).toBe(t.sv);
      expect(section.querySelector(`a[href="../${t.id}.html"]`)).not.toBeNull();
    }
    expect(doc.querySelector("h1")!.textContent).toBe(`${m0.name} (${m0.code})`);
    expect(doc.querySelector('main a[href="../index.html"]')).not.toBeNull();
  });

  it("shows every total indicator per year for K, M and T, each beside the network mean as in the reports, and the rank", () => {
    const totals = s.indicators.filter((i) => i.total !== false && i.kind !== "model");
    for (const ind of totals) {
      for (const y of years) {
        const cells = rowOf(doc, "all", ind, y);
        const t = total(ind.id, m0.code, y, "T");
        const rank = t?.rank ? `${t.rank} av ${t.ranked}` : ind.direction === "none" ? "" : "ej rankad";
        // women and men each beside the network's mean for women or men (§7: all its figures beside the network's)
        const byGender = ind.genders.includes("K")
          ? (["K", "M"] as const).flatMap((g) => [own(ind, total(ind.id, m0.code, y, g)), mean(ind, total(ind.id, "network", y, g))])
          : ["endast totalt"];
        expect(cells, `${ind.id} ${y}`).toEqual([own(ind, t), mean(ind, total(ind.id, "network", y, "T")), rank, ...byGender]);
      }
    }
    // the page shows no indicator published only broken down among the totals
    for (const ind of s.indicators.filter((i) => i.total === false)) expect(doc.querySelector(`a[href$="#ind-${ind.id.replace(/_/g, "-")}"]`)).toBeNull();
  });

  it("writes a withheld value as `..` and a network mean of a count with one decimal", () => {
    const withheld = base.figures.find((f) => !f.dimension && f.municipality === m0.code && f.status === ".." && f.gender === "T" && byId.get(f.indicator)!.kind !== "model")!;
    expect(withheld).toBeDefined();
    const cells = rowOf(doc, "all", byId.get(withheld.indicator)!, withheld.year);
    expect(cells).toContain("..");
    const recipients = byId.get("recipients")!;
    const network = total("recipients", "network", 2024, "T")!;
    expect(rowOf(doc, "unemployment", recipients, 2024)[1]).toBe(formatFixed(network.value!, 1));
    expect(rowOf(doc, "unemployment", recipients, 2024)[1]).toMatch(/^\d[\d ]*,\d$/);
  });

  it("links each indicator to its section of the report, model figures to the report's model section", () => {
    const hrefs = [...doc.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    expect(hrefs).toContain("../all.html#ind-recipients");
    expect(hrefs).toContain("../young_adults.html#ind-exit-work-studies-share");
    expect(hrefs).toContain("../all.html#socioekonomi");
    expect(hrefs).toContain("../all.html#dim-need-category-participants");
    for (const h of hrefs) expect(h).toMatch(/^(#tg-[a-z0-9-]+|\.\.\/[a-z_]+\.html(#[a-z0-9-]+)?|\.\.\/index\.html)$/);
    const model = byId.get("socioeconomic_net_value")!;
    // as in the report's model section: no rank, and totals only
    expect(rowOf(doc, "all", model, 2025)).toEqual([own(model, total(model.id, m0.code, 2025, "T")), mean(model, total(model.id, "network", 2025, "T"))]);
  });

  it("folds the latest year's breakdowns: every category with K, M and T, each beside the network mean", () => {
    const section = doc.getElementById("tg-all")!;
    const fold = section.querySelector("details")!;
    expect(fold.querySelector("summary")!.textContent).toBe("Uppdelningar 2025");
    const d = s.dimensions.find((x) => x.id === "need_category")!;
    const table = [...fold.querySelectorAll("table")].find((t) => t.querySelector(`caption a[href="../all.html#dim-need-category-participants"]`))!;
    const rows = [...table.querySelectorAll("tbody tr")].map((r) => [r.querySelector("th")!.textContent, ...[...r.querySelectorAll("td")].map((c) => c.textContent)]);
    const participants = byId.get("participants")!;
    const cell = (m: string, category: string, g: string) =>
      base.figures.find((f) => f.dimension === "need_category" && f.indicator === "participants" && f.category === category && f.municipality === m && f.year === 2025 && f.gender === g);
    expect(rows).toEqual(d.categories.map((c) => [hyphenate(c.sv, 12), own(participants, cell(m0.code, c.code, "T")), mean(participants, cell("network", c.code, "T")),
      own(participants, cell(m0.code, c.code, "K")), mean(participants, cell("network", c.code, "K")),
      own(participants, cell(m0.code, c.code, "M")), mean(participants, cell("network", c.code, "M"))]));
    expect(rows.flat()).toContain("..");
  });

  it("shows the municipality's data freshness and the symbols", () => {
    const facts = Object.fromEntries([...doc.querySelectorAll("dl.meta dt")].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]));
    expect(facts["Ekonomiskt bistånd"]).toBe("januari 2023 – december 2025");
    expect(facts["Insatser"]).toBe("- (inga insatsdata)");
    expect(facts["Senast inläst"]).toBe("3 februari 2025 kl. 02:00");
    expect(doc.querySelector(".symbols")!.textContent).toContain("1–3");
  });

  it("escapes a municipality name from outside and writes no script", () => {
    const evil = renderMunicipalityPage(pageOf(base, m0.code, "<script>alert(1)</script>"));
    expect(evil).not.toMatch(/<script/i);
    expect(evil).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(dom(evil).querySelector("h1")!.textContent).toBe(`<script>alert(1)</script> (${m0.code})`);
  });

  it("refuses a path that is not a 4-digit code, a figure of another municipality and a report file that is not a plain name", () => {
    expect(municipalityFile("0181")).toBe("municipality/0181.html");
    for (const bad of ["../x", "181", "01811", "0181.html"]) expect(() => municipalityFile(bad)).toThrow("invalid municipality code");
    const page = pageOf(base);
    const stray = { ...page, reports: [{ ...page.reports[0], figures: [{ ...page.reports[0].figures[0], municipality: "9999" }] }] };
    expect(() => renderMunicipalityPage(stray)).toThrow("figure of 9999");
    const url = { ...page, reports: [{ ...page.reports[0], file: "javascript:alert(1)" }] };
    expect(() => renderMunicipalityPage(url)).toThrow("invalid report file");
  });

  it("says so for a municipality without figures in a report, and is the same bytes every time", () => {
    const page = pageOf(base);
    const empty = renderMunicipalityPage({ ...page, reports: page.reports.map((r, i) => (i === 1 ? { ...r, figures: [] } : r)), freshness: null });
    expect(dom(empty).getElementById("tg-unemployment")!.textContent).toContain("Kommunen har inga uppgifter i rapporten.");
    expect(dom(empty).querySelector("main")!.textContent).toContain("Inga data är inlästa för kommunen.");
    expect(renderMunicipalityPage(pageOf(base))).toBe(out);
  });
});

describe("comparison groups (§13)", () => {
  // a group of the first two municipalities whose means are the network's plus one
  const grouped: ReportPage = {
    ...base,
    comparisonGroups: [{ id: "big", name: "Stora <kommuner>", members: [m0.code, base.municipalities[1].code] }],
    figures: [...base.figures, ...base.figures.filter((f) => f.municipality === "network").map((f) => ({ ...f, municipality: "group:big", value: f.value === null ? null : f.value + 1 }))]
  };

  it("shows the means of the municipality's groups beside the network mean, in totals and breakdowns", () => {
    const doc = dom(renderMunicipalityPage(pageOf(grouped)));
    const section = doc.getElementById("tg-all")!;
    const heads = [...section.querySelectorAll("table")[0].querySelectorAll("thead tr:nth-child(2) th")].map((th) => th.textContent);
    expect(heads).toEqual([m0.name, "Nätverket(medel)", "Stora <kommuner>(medel)", "Rang", m0.name, "Nätverket(medel)", m0.name, "Nätverket(medel)"]);
    expect([...section.querySelectorAll("table")[0].querySelectorAll("thead tr:nth-child(1) th")].map((th) => th.textContent)).toEqual(["År", "Totalt", "Kvinnor", "Män"]);
    const ind = byId.get("long_term_share")!;
    const network = total(ind.id, "network", 2024, "T")!;
    const cells = rowOf(doc, "all", ind, 2024);
    expect(cells.slice(1, 3)).toEqual([mean(ind, network), network.status === "" ? formatByIndicator(ind, network.value! + 1) : network.status]);
    const recipients = rowOf(doc, "all", byId.get("recipients")!, 2024);
    expect(recipients[2]).toMatch(/^\d[\d ]*,\d$/); // a group's mean of a count keeps one decimal too
    const fold = [...section.querySelectorAll("details table")].find((t) => t.querySelector('caption a[href="../all.html#dim-need-category-participants"]'))!;
    expect([...fold.querySelectorAll("thead tr:nth-child(2) th")].map((th) => th.textContent)).toContain("Stora <kommuner>(medel)");
    expect(fold.querySelector("tbody tr")!.querySelectorAll("td")).toHaveLength(7); // T, network, group, K and M each with the network's
  });

  it("leaves the groups out of the page of a municipality outside them, and never files a group as a municipality", () => {
    const other = base.municipalities[2];
    const page = pageOf(grouped, other.code);
    expect(page.reports.every((r) => r.groups?.length === 0)).toBe(true);
    expect(renderMunicipalityPage(page)).not.toContain("Stora");
    expect(page.reports[0].figures.every((f) => f.municipality === other.code)).toBe(true);
  });
});

describe("pages rendered report by report (publish/site.ts)", () => {
  // comparison groups, commentary on a report and an indicator, reports added in another order than the pages list them
  const grouped: ReportPage = {
    ...base,
    comparisonGroups: [{ id: "big", name: "Stora", members: [m0.code] }],
    figures: [...base.figures, ...base.figures.filter((f) => f.municipality === "network").map((f) => ({ ...f, municipality: "group:big" }))]
  };
  const commentary = (code: string) =>
    code === m0.code
      ? { firstSeen: "2026-01-15T02:00:00+01:00", intro: "Om oss <b>", sections: [{ targetGroup: "unemployment", indicator: null, text: "Hela rapporten" }, { targetGroup: "all", indicator: "recipients", text: "Fler *mottagare*" }] }
      : null;
  const common = { run: grouped.run, threshold: grouped.threshold, indicators: s.indicators, dimensions: s.dimensions };

  it("is the page renderMunicipalityPage makes of the same figures, for every municipality", () => {
    const pages = new MunicipalityPages(common, grouped.municipalities, grouped.freshness, commentary);
    const order = s.targetGroups.map((_, i) => i).reverse();
    for (const i of order) pages.add({ ...grouped, targetGroup: s.targetGroups[i] }, `${s.targetGroups[i].id}.html`, i);
    for (const m of grouped.municipalities) {
      const page = pageOf(grouped, m.code);
      expect(pages.render(m)).toBe(renderMunicipalityPage({ ...page, commentary: commentary(m.code) }));
    }
    const doc = dom(pages.render(m0));
    expect([...doc.querySelectorAll("main section.indicator")].map((x) => x.id)).toEqual(s.targetGroups.map((t) => `tg-${t.id.replace(/_/g, "-")}`));
    expect(doc.querySelector("main")!.textContent).toContain("Stora");
    expect(pages.render(grouped.municipalities[1])).not.toContain("Stora");
  });

  it("refuses a municipality it has no sections for, and sections that do not match the reports", () => {
    const pages = new MunicipalityPages(common, grouped.municipalities.slice(0, 2), grouped.freshness, () => null);
    pages.add({ ...grouped, targetGroup: s.targetGroups[0] }, `${s.targetGroups[0].id}.html`, 0);
    expect(() => pages.render(grouped.municipalities[2])).toThrow(`no section for municipality ${grouped.municipalities[2].code}`);
    expect(() => renderMunicipalityPage(pageOf(base), [])).toThrow(`0 sections for ${s.targetGroups.length} reports`);
  });
});

describe("the index's list of municipality pages", () => {
  it("links every municipality of the freshness table by name", () => {
    const page: IndexPage = { run: base.run, reports: [], freshness: base.freshness, summary: { accepted: 1, rejected: 0 } };
    const doc = dom(renderIndex(page));
    const h2 = [...doc.querySelectorAll("h2")].find((h) => h.textContent === "Kommunernas sidor")!;
    expect(h2).toBeDefined();
    const hrefs = [...doc.querySelectorAll("main a")].map((a) => a.getAttribute("href"));
    for (const m of base.municipalities) expect(hrefs).toContain(`municipality/${m.code}.html`);
    const national = dom(renderIndex({ ...page, freshness: syntheticReport(290, [2025], s).freshness }));
    expect(national.querySelectorAll('main details a[href^="municipality/"]')).toHaveLength(290);
  });
});

describe("a national network's pages", () => {
  it("renders all 290 municipalities' pages of seven reports quickly", () => {
    const national = syntheticReport(290, years, s);
    const t0 = performance.now();
    const filed = new MunicipalityFigures();
    for (const tg of s.targetGroups) filed.add({ ...national, targetGroup: tg }, `${tg.id}.html`);
    const t1 = performance.now();
    let bytes = 0;
    for (const m of national.municipalities) {
      bytes += renderMunicipalityPage(filed.page(m, { run: national.run, threshold: 3, indicators: s.indicators, dimensions: s.dimensions }, national.freshness)).length;
    }
    const t2 = performance.now();
    console.info(`290 municipality pages of ${s.targetGroups.length} reports: filed in ${Math.round(t1 - t0)} ms, rendered in ${Math.round(t2 - t1)} ms, ${Math.round(bytes / 290 / 1024)} KiB per page`);
    expect(t2 - t1).toBeLessThan(30_000);
  }, 60_000);
});

// end to end: two municipalities with assistance, one with measures, through `kas run`
const people: Person[] = [
  { label: "A", gender: "K", born: 1980, years: { 2024: "UUUUUUUUUUUU", 2025: "UUUUUU......" } },
  { label: "B", gender: "M", born: 1975, years: { 2024: "SSSSSS......", 2025: "..OOOOOO...." } },
  { label: "C", gender: "K", born: 1990, years: { 2024: "---UUU......" } }
];

describe("kas run", () => {
  let root: string;
  beforeAll(async () => {
    root = tempRoot("municipality");
    writeFiles(join(root, "inbox"), {
      "0114/bistand.csv": csvText(bistandHeader, bistandRows("0114", copies(10, people))),
      "0140/bistand.csv": csvText(bistandHeader, bistandRows("0140", copies(6, people))),
      "0140/insats.csv": csvText(insatsHeader, insatsRows("0140", measureCopies(6, [
        { label: "A", gender: "K", born: 1980, measure: "job_search", start: "2024-02-01", end: "2024-09-30", exit: "work", cost: "12000" }
      ])))
    });
    const summary = await runKas(root);
    expect(summary.files.rejected).toEqual([]);
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes site/municipality/<code>.html for each municipality, linked from the index", () => {
    const site = join(root, "site");
    const index = dom(readFileSync(join(site, "index.html"), "utf8"));
    for (const code of ["0114", "0140"]) {
      expect(existsSync(join(site, "municipality", `${code}.html`)), code).toBe(true);
      expect(index.querySelector(`main a[href="municipality/${code}.html"]`), code).not.toBeNull();
    }
  });

  it("shows the published figures, and every link of the page leads to a file and an element that exist", () => {
    const site = join(root, "site");
    const file = join(site, "municipality", "0114.html");
    const doc = dom(readFileSync(file, "utf8"));
    const csv = new Site(site);
    const recipients = byId.get("recipients")!;
    const [value] = csv.cells("all", "recipients", "0114", 2024, "T");
    const [network] = csv.cells("all", "recipients", "network", 2024, "T");
    const [networkK] = csv.cells("all", "recipients", "network", 2024, "K");
    const [networkM] = csv.cells("all", "recipients", "network", 2024, "M");
    expect(rowOf(doc, "all", recipients, 2024)).toEqual(["30", formatFixed(Number(network), 1), "", "20", formatFixed(Number(networkK), 1), "10", formatFixed(Number(networkM), 1)]);
    expect(value).toBe("30");
    const docs = new Map<string, Document>();
    for (const a of doc.querySelectorAll("main a")) {
      const href = a.getAttribute("href")!;
      const [path, fragment] = href.split("#");
      const target = path === "" ? file : resolve(dirname(file), path);
      expect(existsSync(target), href).toBe(true);
      if (!fragment) continue;
      if (!docs.has(target)) docs.set(target, dom(readFileSync(target, "utf8")));
      expect(docs.get(target)!.getElementById(fragment), href).not.toBeNull();
    }
  });
});
