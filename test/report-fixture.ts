// Fixtures of the page renderers: hand-written inputs under test/input/report-*/ rendered to a site
// (relative path → content), and a synthetic report of any size for layout checks.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { municipalityName } from "../pipeline/contract/municipalities.js";
import { loadSchema, schema, type Schema } from "../pipeline/contract/schema.js";
import { renderCodes } from "../reports/codes.js";
import { figuresCsv } from "../reports/csv.js";
import { renderIndex } from "../reports/index-page.js";
import type { Figure, IndexPage, QualityPage, ReportPage } from "../reports/model.js";
import { renderQuality } from "../reports/quality.js";
import { renderReport } from "../reports/report.js";

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

/** Renders what a fixture directory holds: report.json → <target-group>.html and data/<id>.csv,
 *  index.json → index.html, quality.json → quality.html, schemas/ → codes.html. */
export function renderFixture(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  let run: ReportPage["run"] | undefined;
  if (existsSync(join(dir, "report.json"))) {
    // a fixture written before contract v2 has no breakdowns
    const json = readJson<Omit<ReportPage, "dimensions"> & Partial<Pick<ReportPage, "dimensions">>>(join(dir, "report.json"));
    const page: ReportPage = { ...json, dimensions: json.dimensions ?? [] };
    out.set(`${page.targetGroup.id}.html`, renderReport(page));
    out.set(`data/${page.targetGroup.id}.csv`, figuresCsv(page.figures));
    run = page.run;
  }
  if (existsSync(join(dir, "index.json"))) {
    const page = readJson<IndexPage>(join(dir, "index.json"));
    out.set("index.html", renderIndex(page));
    run ??= page.run;
  }
  if (existsSync(join(dir, "quality.json"))) {
    const page = readJson<QualityPage>(join(dir, "quality.json"));
    out.set("quality.html", renderQuality(page));
    run ??= page.run;
  }
  if (existsSync(join(dir, "schemas")) && run) out.set("codes.html", renderCodes(loadSchema(join(dir, "schemas")), run));
  return out;
}

/** The synthetic report's named municipalities, in the order its goldens were made with: 38 real Swedish codes. */
const fixtureCodes = ["1280", "1402", "1407", "1415", "1419", "1441", "1480", "1481", "1489", "1490", "1494", "0114", "0115", "0117",
  "0120", "0123", "0125", "0126", "0127", "0128", "0136", "0138", "0139", "0140", "0160", "0162", "0163", "0180", "0181", "0182",
  "0183", "0184", "0186", "0187", "0188", "0191", "0192", "0380"];

/** A deterministic report of n municipalities over the given years from the real schema: values
 *  from a fixed linear congruential sequence, some withheld and some missing, ranks and network
 *  means computed the way the contract defines them. Beyond the schema's municipalities (a national
 *  network has 290) the names repeat with a number and the codes run from 3000 (no Swedish code there).
 *  Totals for every indicator that has them, and every breakdown of the schema (contract §6.3):
 *  every category of every dimension, K, M and T = K + M, with zeros, counts of 1–3 withheld
 *  (shares on them too, and shares of a denominator below 10), and a municipality-year without
 *  measures now and then (all "-"). */
export function syntheticReport(n: number, years: readonly number[], s: Schema = schema()): ReportPage {
  let seed = 12345, rateSeed = 54321;
  const lcg = (s: number) => (s * 1103515245 + 12345) % 2147483648;
  const nextShared = () => (seed = lcg(seed)) / 2147483648;
  // rates per 1 000 inhabitants (contract §11) came after the tests' numbers were fixed: they draw
  // from a sequence of their own, so every other indicator keeps the numbers it always had
  const nextRate = () => (rateSeed = lcg(rateSeed)) / 2147483648;
  const names = fixtureCodes.map((code) => [code, municipalityName(code)] as const);
  const municipalities = Array.from({ length: n }, (_, i) => {
    if (i < names.length) return { code: names[i][0], name: names[i][1] };
    return { code: String(3000 + i), name: `${names[i % names.length][1]} ${Math.floor(i / names.length) + 1}` };
  });
  const figures: Figure[] = [];
  let withheld = 0;
  for (const ind of s.indicators) {
    if (ind.total === false) continue;
    const next = ind.kind === "rate" ? nextRate : nextShared;
    for (const year of years) {
      for (const gender of ind.genders) {
        const rows: Figure[] = municipalities.map((m) => {
          const r = next();
          const f: Figure = { indicator: ind.id, municipality: m.code, year, gender, value: null, numerator: null, denominator: null, status: "", rank: null, ranked: null };
          if (r < 0.06) f.status = "-";
          else if (r < 0.12) { f.status = ".."; withheld++; }
          else if (ind.kind === "count") f.value = f.numerator = Math.floor(20 + next() * 2000);
          else if (ind.kind === "rate") { f.denominator = Math.floor(2000 + next() * 20000); f.numerator = Math.floor(f.denominator * next() * 0.08); f.value = Math.round((10000 * f.numerator) / f.denominator) / 10; }
          else if (ind.kind === "share") { f.denominator = Math.floor(50 + next() * 900); f.numerator = Math.floor(f.denominator * next()); f.value = Math.round((1000 * f.numerator) / f.denominator) / 10; }
          else if (ind.unit.sv !== "kr") { f.denominator = Math.floor(50 + next() * 900); f.numerator = Math.floor(f.denominator * (1 + next() * 11)); f.value = f.numerator / f.denominator; } // months per recipient
          else { f.denominator = Math.floor(500 + next() * 9000); f.numerator = Math.round(f.denominator * (6000 + next() * 8000) * 100) / 100; f.value = f.numerator / f.denominator; }
          return f;
        });
        const published = rows.filter((f) => f.status === "");
        // rank = 1 + how many are better; ties share a rank; an indicator without a direction has none (§6.4)
        const sign = ind.direction === "lower" ? 1 : -1;
        const sorted = ind.direction === "none" ? [] : [...published].sort((a, b) => sign * (a.value! - b.value!));
        sorted.forEach((f, i) => {
          f.rank = i > 0 && sorted[i - 1].value === f.value ? sorted[i - 1].rank : i + 1;
          f.ranked = published.length;
        });
        const sum = published.reduce((a, f) => a + f.value!, 0);
        figures.push(...rows, {
          indicator: ind.id, municipality: "network", year, gender, status: published.length ? "" : "-",
          value: published.length ? sum / published.length : null, numerator: published.length ? sum : null,
          denominator: published.length || null, rank: null, ranked: null
        });
      }
    }
  }
  withheld += syntheticBreakdowns(s, municipalities, years, nextShared, figures);
  return {
    targetGroup: s.targetGroups[0], indicators: s.indicators, dimensions: s.dimensions, municipalities, years, figures,
    freshness: municipalities.map((m) => ({ municipality: m.code, name: m.name, bistandFrom: `${years[0]}-01`, bistandTo: `${years[years.length - 1]}-12`, insatsSnapshot: null, lastLoaded: "2025-02-03T01:00:00Z" })),
    run: { id: 1, startedAt: "2025-02-03T02:00:00+01:00", timeZone: "Europe/Stockholm" }, threshold: 3,
    protection: { withheld, secondary: 0 }
  };
}

/** The breakdown rows of syntheticReport, appended to `figures`; returns how many are withheld. */
function syntheticBreakdowns(s: Schema, municipalities: readonly { code: string }[], years: readonly number[], next: () => number, figures: Figure[]): number {
  const threshold = 3;
  const small = (v: number) => v >= 1 && v <= threshold;
  const byId = new Map(s.indicators.map((i) => [i.id, i]));
  let withheld = 0;
  for (const d of s.dimensions) {
    for (const how of d.indicators) {
      const ind = byId.get(how.id);
      if (!ind) continue;
      for (const year of years) {
        // per category, the municipalities' rows of each gender
        const rows = d.categories.map(() => ({ K: [] as Figure[], M: [] as Figure[], T: [] as Figure[] }));
        for (const m of municipalities) {
          const none = next() < 0.04; // no measures this year
          const size = 4 + next() * 40;
          // K and M counts per category: numerators, and for a share within the category its denominators
          const count = () => (next() < 0.12 ? 0 : Math.floor(next() * size));
          const num = d.categories.map(() => ({ K: count(), M: count() }));
          const den = d.categories.map((_, k) => ({ K: num[k].K + Math.floor(next() * size), M: num[k].M + Math.floor(next() * size) }));
          d.categories.forEach((c, k) => {
            for (const g of ["K", "M", "T"] as const) {
              const n = g === "T" ? num[k].K + num[k].M : num[k][g];
              const f: Figure = { indicator: ind.id, dimension: d.id, category: c.code, municipality: m.code, year, gender: g, value: null, numerator: null, denominator: null, status: "", rank: null, ranked: null };
              if (none) f.status = "-";
              else if (ind.kind === "count") {
                if (small(n)) f.status = "..";
                else f.value = f.numerator = n;
              } else {
                const total = how.denominator === "total"
                  ? num.reduce((a, x) => a + (g === "T" ? x.K + x.M : x[g]), 0)
                  : g === "T" ? den[k].K + den[k].M : den[k][g];
                if (total === 0) f.status = "-";
                else if (small(n) || total < 10) f.status = "..";
                else { f.numerator = n; f.denominator = total; f.value = Math.round((1000 * n) / total) / 10; }
              }
              if (f.status === "..") withheld++;
              if (ind.genders.includes(g)) rows[k][g].push(f);
            }
          });
        }
        d.categories.forEach((c, k) => {
          for (const g of ind.genders) {
            const published = rows[k][g].filter((f) => f.status === "");
            const sum = published.reduce((a, f) => a + f.value!, 0);
            figures.push(...rows[k][g], {
              indicator: ind.id, dimension: d.id, category: c.code, municipality: "network", year, gender: g,
              status: published.length ? "" : "-", value: published.length ? sum / published.length : null,
              numerator: published.length ? sum : null, denominator: published.length || null, rank: null, ranked: null
            });
          }
        });
      }
    }
  }
  return withheld;
}
