// The published site as network leads meet it: `kas run` on the bundled samples (six municipalities,
// three dialects), then every page opened from file:// in real headless Chromium — no console
// errors, no requests, no scripts, no serious accessibility violations, every chart whole on A4 —
// and the files of contract §7 exactly where and as the contract says.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConfig } from "../pipeline/config.js";
import { testContext } from "../pipeline/system/context.js";
import { samplesDir } from "../pipeline/system/paths.js";
import { run, type RunSummary } from "../pipeline/run.js";
import { schema } from "../pipeline/contract/schema.js";
import { browserAvailable, checkPages, type PageCheck } from "./browser.js";

const s = schema();
let dir: string;
let out: string;
let summary: RunSummary;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kas-site-"));
  out = join(dir, "site");
  const cfg = runConfig({ inbox: join(samplesDir, "inbox"), out, db: join(dir, "kas.duckdb") });
  summary = await run(cfg, testContext({ env: { KAS_KEY: "cd".repeat(32) } }));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the published files (contract §7)", () => {
  it("loads every sample file and publishes one report and its CSV, xlsx and Arrow files per target group", () => {
    expect(summary.exitCode).toBe(0);
    expect(summary.files.rejected).toEqual([]);
    expect(summary.files.accepted).toHaveLength(35);
    const pages = readdirSync(out).filter((f) => f.endsWith(".html")).sort();
    expect(pages).toEqual([...s.targetGroups.map((t) => `${t.id}.html`), "codes.html", "index.html", "quality.html", "survey.html"].sort());
    expect(readdirSync(join(out, "data")).sort()).toEqual([...s.targetGroups.map((t) => t.id), "survey"].flatMap((id) => ["arrow", "csv", "xlsx"].map((e) => `${id}.${e}`)).sort());
  });

  it("writes every CSV with the contract's header, codes and notation", () => {
    // each row's faults, gathered and compared with none at the end (an expect per cell of ~10⁵ rows took 12 s)
    const kinds = new Map(s.indicators.map((i) => [i.id, i.kind]));
    const categories = new Map(s.dimensions.map((d) => [d.id, new Set(d.categories.map((c) => c.code))]));
    const faults: string[] = [];
    for (const t of s.targetGroups) {
      const [header, ...rows] = readFileSync(join(out, "data", `${t.id}.csv`), "utf8").trimEnd().split("\n");
      expect(header).toBe("indicator,dimension,category,municipality,year,gender,value,numerator,denominator,status");
      expect(rows.length, t.id).toBeGreaterThan(0);
      for (const row of rows) {
        const fault = (why: string) => faults.push(`${t.id}.csv: ${row}: ${why}`);
        const [indicator, dimension, category, municipality, year, gender, value, numerator, denominator, status] = row.split(",");
        // a total, or a breakdown row of a declared dimension and category (§6.3)
        if (dimension !== "" ? !categories.get(dimension)?.has(category) : category !== "") fault("dimension and category");
        if (!kinds.has(indicator)) fault("indicator");
        if (!/^(\d{4}|network)$/.test(municipality)) fault("municipality");
        if (!/^\d{4}$/.test(year)) fault("year");
        if (!["K", "M", "T"].includes(gender)) fault("gender");
        if (!["", "..", "-"].includes(status)) fault("status");
        // numbers in CSV notation; a model figure (§10) may be negative (a net value)
        if (![value, numerator, denominator].every((n) => /^(-?\d+(\.\d+)?)?$/.test(n))) fault("number notation");
        if (status !== "" && [value, numerator, denominator].some((n) => n !== "")) fault("a number beside a status");
        // every published count is 0 or above the threshold (contract §8)
        if (status === "" && kinds.get(indicator) === "count" && municipality !== "network" && !(Number(value) === 0 || Number(value) > 3)) fault("a count from 1 to the threshold");
      }
    }
    expect(faults).toEqual([]);
  });

  it("links every report from index.html, and every page is Swedish, self-contained and script-free", () => {
    const index = readFileSync(join(out, "index.html"), "utf8");
    for (const t of s.targetGroups) expect(index).toContain(`href="${t.id}.html"`);
    for (const page of readdirSync(out).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(out, page), "utf8");
      expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="sv">/i);
      // the attribute is entity-escaped (&#39;); the browser reads default-src 'none'
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src (&#39;|')none(&#39;|');/);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/\b(src|href)="https?:/);
    }
  });

  it("reports the confidentiality checker's result per report in run.json", () => {
    const published = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    expect(published.report.reports).toHaveLength(s.targetGroups.length);
    for (const r of published.report.reports) {
      if (r.hiddenCounts > 0) expect(r.narrowestRange).toBeGreaterThan(3);
    }
  });

  it("says on each page how many of its values are withheld: every `..` of a municipality in its CSV, §10's figures included", () => {
    const published = JSON.parse(readFileSync(join(out, "run.json"), "utf8"));
    let beyond = 0;
    for (const t of s.targetGroups) {
      const rows = readFileSync(join(out, "data", `${t.id}.csv`), "utf8").trimEnd().split("\n").slice(1).map((l) => l.split(","));
      const withheld = rows.filter((r) => /^\d{4}$/.test(r[3]) && r[9] === "..").length;
      const said = /<span class="nw">([\d\u00a0 ]+)<\/span> värden i rapporten är skyddade/.exec(readFileSync(join(out, `${t.id}.html`), "utf8"));
      expect(said, t.id).not.toBeNull();
      expect(Number(said![1].replace(/\D/g, "")), t.id).toBe(withheld);
      beyond += withheld - published.report.reports.find((r: { targetGroup: string }) => r.targetGroup === t.id).withheld;
    }
    expect(beyond).toBeGreaterThan(0); // the samples withhold socio-economic figures resting on withheld counts
  });

  it("publishes no server path and no row count per file in run.json (the log folder keeps them)", () => {
    const text = readFileSync(join(out, "run.json"), "utf8");
    expect(text).not.toContain(dir);
    const published = JSON.parse(text);
    for (const key of ["inbox", "database", "site", "index"]) expect(published).not.toHaveProperty(key);
    expect(published.files.accepted).toHaveLength(35);
    for (const f of published.files.accepted) {
      expect(Object.keys(f).sort()).toEqual(["file", "findings", "kind", "replaced"]);
      for (const r of f.replaced) expect(Object.keys(r).sort()).toEqual(["file", "kind", "months"]); // which months, not how many rows
    }
    expect(published.files.accepted.find((f: { file: string }) => f.file === "0120/bistand-2025_rattelse-03-05.csv").replaced)
      .toEqual([{ file: "bistand-2025.csv", kind: "bistand", months: ["2025-03", "2025-04", "2025-05"] }]);
    const logs = readdirSync(join(dir, "logs")).filter((f) => f.endsWith(".json"));
    const kept = JSON.parse(readFileSync(join(dir, "logs", logs[0]), "utf8"));
    expect(kept.files.accepted[0].rowsLoaded).toBeGreaterThan(0);
  });

  it("lists the codes a profile mapped on quality.html without a row count per code", () => {
    const html = readFileSync(join(out, "quality.html"), "utf8");
    const table = html.slice(html.indexOf('id="mappings"'), html.indexOf('id="replacements"'));
    expect(table).toContain("<th scope=\"col\">Kontraktets kod</th>");
    expect(table).toContain("Kvinnor <span class=\"muted nw\">(<code>K</code>)</span>"); // the code by its Swedish label
    expect(table).not.toContain("<th scope=\"col\" class=\"num\">Rader</th>");
    expect(table).toContain("<code>Kvinna</code>");
  });
});

const requireBrowser = !!process.env.KAS_REQUIRE_BROWSER;
describe.runIf(browserAvailable() || requireBrowser)("the published site in headless Chromium", () => {
  let checks: PageCheck[];
  beforeAll(async () => {
    // every page checked in full but the reports, which are one template with other figures (each would
    // take 20 s): unemployment.html in full, the other six opened, their first screen captured and
    // measured in print (test/browser.test.ts audits the template's markup on more networks)
    checks = await checkPages(out, {
      screenshotDir: join("test", "tmp", "screenshots", "site"), pdfDir: join("test", "tmp", "pdf", "site"),
      depth: (file) => (!reports.includes(file) || file === audited ? "full" : "open")
    });
  }, 180_000);
  const reports = s.targetGroups.map((t) => `${t.id}.html`);
  const audited = "unemployment.html";

  it("opens every page with no console errors, no requests and no scripts", () => {
    expect(checks).toHaveLength(11);
    for (const c of checks) {
      expect(c.consoleErrors, c.file).toEqual([]);
      expect(c.requests, c.file).toEqual([]);
      expect(c.scripts, c.file).toBe(0);
    }
  });

  it("has no serious or critical accessibility violations (axe-core)", () => {
    expect(checks.filter((c) => c.depth === "open").map((c) => basename(c.file)).sort()).toEqual(reports.filter((f) => f !== audited).sort());
    for (const c of checks) expect(c.axe.filter((v) => v.impact === "serious" || v.impact === "critical"), c.file).toEqual([]);
  });

  it("keeps every chart whole on one A4 page in print", () => {
    for (const c of checks) for (const chart of c.charts) expect(chart.fits, `${c.file} ${chart.id}`).toBe(true);
  });
});
