// The published pages in real headless Chromium: no console errors, no requests, no scripts, no
// serious or critical axe violations, a screenshot per page (test/tmp/screenshots/), an A4 PDF per
// page checked in full (test/tmp/pdf/), and every chart whole on one page in print. Both chart layouts: the
// facets of a small network and the row charts of a large one (maxRowsPerChart municipalities: the
// most rows a chart gets, the tallest chart).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maxRowsPerChart } from "../reports/dot-chart.js";
import { keyIndicators } from "../reports/overview.js";
import { renderReport } from "../reports/report.js";
import { browserAvailable, checkPages, chromiumPath, printableHeightPx, printableWidthPx, type Depth, type PageCheck } from "./browser.js";
import { renderFixture, syntheticReport } from "./report-fixture.js";
import { schema } from "../pipeline/contract/schema.js";

/** the synthetic reports have every indicator of the package schema: a chart per total (model
 *  figures, contract §10, have a section of their own without one), one per breakdown (contract
 *  §6.3), and in the overview one ranked chart per key indicator with a direction */
const indicators = schema().indicators.filter((i) => i.total !== false && i.kind !== "model").length;
const ranked = keyIndicators(schema().indicators).filter((i) => i.direction !== "none").length;
const breakdowns = schema().dimensions.reduce((n, d) => n + d.indicators.length, 0);

const required = Boolean(process.env.KAS_REQUIRE_BROWSER);
const available = browserAvailable();
if (!available && !required) {
  console.warn(`browser tests skipped: ${chromiumPath} not found (apt-get install -y chromium); set KAS_REQUIRE_BROWSER=1 to make this a failure`);
}

describe.skipIf(!available && !required)("published pages in headless Chromium", () => {
  const tmp = join(import.meta.dirname, "tmp");
  let site: string;
  let results: PageCheck[] = [];
  let pages: Map<string, string>;
  /** report page → how many chart figures it has */
  const charts = new Map<string, number>();
  /** The row charts' markup is audited on the wide page (axe's colour contrast, the stylesheet's, on
   *  the others); the national page, the same template with more rows (axe 45 s, a screenshot 136 000
   *  px tall), is opened and measured in print: whether its tallest chart fits a page. */
  const depths: Record<string, Depth> = { "wide.html": "markup", "national.html": "open" };
  const depthOf = (file: string): Depth => depths[file] ?? "full";

  beforeAll(async () => {
    expect(existsSync(chromiumPath), `${chromiumPath} is required (KAS_REQUIRE_BROWSER is set): apt-get install -y chromium`).toBe(true);
    site = mkdtempSync(join(tmpdir(), "kas-site-"));
    pages = renderFixture(join(import.meta.dirname, "input", "report-basic"));
    // Six indicators; a small network has one faceted chart each, a large one a chart of the
    // network's years and row charts of at most maxRowsPerChart municipalities. The overview adds
    // a ranked chart for each of the three with a direction.
    charts.set("unemployment.html", 6 + 3);
    // A wide network: 14 municipalities over 6 years, just past the facets, widens the tables.
    pages.set("wide.html", renderReport(syntheticReport(14, [2019, 2020, 2021, 2022, 2023, 2024])));
    charts.set("wide.html", indicators * 2 + breakdowns + ranked);
    // A large network: maxRowsPerChart (55) municipalities over 3 years, a row chart of 55 rows per
    // indicator, the tallest a chart gets (more municipalities are split into charts of fewer rows:
    // rowChunks, test/report-render.test.ts; twice as many rows made this page's checks take 100 s).
    pages.set("national.html", renderReport(syntheticReport(maxRowsPerChart, [2023, 2024, 2025])));
    charts.set("national.html", indicators * 2 + breakdowns + ranked);
    // A small network with breakdowns drawn by Plot: stacked bars and panels of 12 municipalities.
    pages.set("breakdowns.html", renderReport(syntheticReport(12, [2024, 2025])));
    charts.set("breakdowns.html", indicators + breakdowns + ranked);
    for (const [file, content] of pages) {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), content);
    }
    results = await checkPages(site, { screenshotDir: join(tmp, "screenshots"), pdfDir: join(tmp, "pdf"), depth: depthOf });
  }, 240_000);

  afterAll(() => {
    if (site) rmSync(site, { recursive: true, force: true });
  });

  it("opens every page", () => {
    expect(results.map((r) => r.file.slice(site.length + 1))).toEqual([...pages.keys()].filter((f) => f.endsWith(".html")).sort());
  });

  it("logs no console error, requests nothing and runs no script", () => {
    for (const r of results) {
      expect(r.consoleErrors, r.file).toEqual([]);
      expect(r.requests, r.file).toEqual([]);
      expect(r.scripts, r.file).toBe(0);
    }
  });

  it("has no serious or critical accessibility violation (axe-core)", () => {
    for (const r of results) {
      const bad = r.axe.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(bad, `${r.file}: ${JSON.stringify(bad, null, 1)}`).toEqual([]);
      if (r.axe.length > 0) console.warn(`${r.file}: minor axe findings ${r.axe.map((v) => v.id).join(", ")}`);
    }
  });

  it("keeps every chart whole on one A4 page when printed", () => {
    const reports = results.filter((r) => charts.has(r.file.slice(site.length + 1)));
    expect(reports).toHaveLength(charts.size);
    for (const r of reports) {
      const tallest = Math.max(...r.charts.map((c) => c.height));
      console.info(`${r.file.slice(site.length + 1)}: ${r.charts.length} charts, the tallest ${Math.round(tallest)} of ${Math.floor(printableHeightPx)} px in print`);
      expect(r.charts.length, r.file).toBe(charts.get(r.file.slice(site.length + 1)));
      for (const c of r.charts) {
        expect(c.breakInside, `${r.file} ${c.id}`).toBe("avoid");
        expect(c.height, `${r.file} ${c.id}`).toBeGreaterThan(100);
        expect(c.height, `${r.file} ${c.id}`).toBeLessThanOrEqual(printableHeightPx);
        expect(c.width, `${r.file} ${c.id}`).toBeLessThanOrEqual(printableWidthPx);
        expect(c.fits).toBe(true);
      }
    }
  });

  it("fits the printable width of A4, so print is not shrunk or clipped", () => {
    for (const r of results) expect(r.printWidth, r.file).toBeLessThanOrEqual(Math.ceil(printableWidthPx));
  });

  it("writes a screenshot per page and an A4 PDF per page checked in full", () => {
    expect(results.map((r) => `${basename(r.file)} ${r.depth}`)).toEqual(results.map((r) => `${basename(r.file)} ${depthOf(basename(r.file))}`));
    for (const r of results) {
      expect(statSync(r.screenshot).size, r.screenshot).toBeGreaterThan(10_000);
      if (r.depth !== "full") {
        expect(r.pdf).toBeNull();
        continue;
      }
      const pdf = readFileSync(r.pdf!);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // A4 is 595 × 842 points; every page of the PDF has that media box.
      const boxes = pdf.toString("latin1").match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g) ?? [];
      expect(boxes.length, r.pdf!).toBeGreaterThan(0);
      for (const b of boxes) {
        const [w, h] = b.match(/[\d.]+/g)!.slice(2).map(Number);
        expect(Math.round(w)).toBe(595);
        expect(Math.round(h)).toBe(842);
      }
    }
  });
});
