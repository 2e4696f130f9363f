// Pages in the settings' language (contract §12): a report built from hand-set figures — a share of
// 25 / 200 = 12,5 %, 12 345 recipients, a withheld share, a share on 0 recipients (not applicable)
// and a year without data (missing) — passed through the pipeline's own network means and
// not-applicable marking, rendered in Swedish, Norwegian and English and opened in headless Chromium.
// Norwegian pages write SSB's symbols (":" withheld, ".." missing, "." not applicable) and never "-"
// for missing data; English pages 12.5 and 12,345; Swedish pages Kolada's ".." and "-". The CSV of
// the same figures keeps contract §7's statuses whatever the language.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema, type Language } from "../pipeline/contract/schema.js";
import { municipalityName } from "../pipeline/contract/municipalities.js";
import { compare } from "../pipeline/publish/comparison.js";
import { markNotApplicable } from "../pipeline/publish/not-applicable.js";
import type { PublishedRow } from "../pipeline/withhold/model.js";
import { figuresCsv } from "../reports/csv.js";
import type { ReportPage } from "../reports/model.js";
import { renderReport } from "../reports/report.js";
import { browserAvailable, chromiumArgs, chromiumPath } from "./browser.js";

const s = schema();
const indicators = s.indicators.filter((i) => i.id === "recipients" || i.id === "long_term_share");
const tg = s.targetGroups.find((t) => t.id === "all")!;
const codes = ["0114", "0115", "0117"] as const;

type G = "K" | "M" | "T";
const row = (indicator: string, municipality: string, year: number, gender: G, value: number | null, numerator: number | null, denominator: number | null, status: PublishedRow["status"] = ""): PublishedRow =>
  ({ indicator, municipality, year, gender, value: status === "" ? value : null, numerator: status === "" ? numerator : null, denominator: status === "" ? denominator : null, status });

/** recipients and long_term_share of one municipality-year, per gender: [recipients, long-term] or a status */
function block(m: string, year: number, data: Record<G, [number, number] | ".." | "-">): PublishedRow[] {
  return (["K", "M", "T"] as const).flatMap((g) => {
    const d = data[g];
    if (d === ".." || d === "-") return [row("recipients", m, year, g, null, null, null, d), row("long_term_share", m, year, g, null, null, null, d)];
    const [r, l] = d;
    // a share on 0 recipients has no value: "-" (sql/marts/indicator_values.sql), its recipients row says 0
    const share = r === 0 ? row("long_term_share", m, year, g, null, null, null, "-") : row("long_term_share", m, year, g, Math.round((1000 * l) / r) / 10, l, r);
    return [row("recipients", m, year, g, r, r, null), share];
  });
}

const rows: PublishedRow[] = [
  // 2024: two municipalities with data, Sollentuna… 0117 without any (no data)
  ...block("0114", 2024, { K: [5000, 500], M: [5100, 600], T: [10100, 1100] }),
  ...block("0115", 2024, { K: [800, 100], M: [900, 90], T: [1700, 190] }),
  ...block("0117", 2024, { K: "-", M: "-", T: "-" }),
  // 2025: 25 of 200 long-term = 12,5 % and 12 345 recipients; 0115 withheld; 0117 has data but no recipients
  ...block("0114", 2025, { K: [6000, 10], M: [6345, 15], T: [12345, 25] }),
  ...block("0115", 2025, { K: "..", M: "..", T: ".." }),
  ...block("0117", 2025, { K: [0, 0], M: [0, 0], T: [0, 0] })
];
// the share of 0114 2025 T is 25 / 12 345: set it to 25 / 200 by hand, the value the test reads
const at = rows.findIndex((r) => r.indicator === "long_term_share" && r.municipality === "0114" && r.year === 2025 && r.gender === "T");
rows[at] = row("long_term_share", "0114", 2025, "T", 12.5, 25, 200);

const figures = markNotApplicable(compare(rows, indicators), indicators);

function page(language: Language): ReportPage {
  return {
    language, targetGroup: tg, indicators, dimensions: [], municipalities: codes.map((code) => ({ code, name: municipalityName(code) })),
    years: [2024, 2025], figures, freshness: [], run: { id: 3, startedAt: "2026-01-15T02:00:00+01:00", timeZone: "Europe/Stockholm" },
    threshold: 3, protection: { withheld: 6, secondary: 4 }
  };
}

describe("which '-' is not applicable", () => {
  const of = (m: string, y: number, g: G) => figures.find((f) => f.indicator === "long_term_share" && f.municipality === m && f.year === y && f.gender === g)!;
  it("marks a share on 0 recipients (its year has data) and not a share of a year without data", () => {
    for (const g of ["K", "M", "T"] as const) {
      expect(of("0117", 2025, g)).toMatchObject({ status: "-", notApplicable: true });
      expect(of("0117", 2024, g).status).toBe("-");
      expect(of("0117", 2024, g).notApplicable).toBeUndefined();
    }
    expect(of("0115", 2025, "T").notApplicable).toBeUndefined();
    expect(of("0114", 2025, "T").notApplicable).toBeUndefined();
  });
  it("leaves the CSV's statuses as contract §7 spells them", () => {
    const csv = figuresCsv(figures);
    expect(csv).toContain("long_term_share,,,0117,2025,T,,,,-\n");
    expect(csv).toContain("long_term_share,,,0117,2024,T,,,,-\n");
    expect(csv).toContain("long_term_share,,,0115,2025,T,,,,..\n");
    expect(csv).toContain("long_term_share,,,0114,2025,T,12.5,25,200,\n");
  });
});

const required = Boolean(process.env.KAS_REQUIRE_BROWSER);
const available = browserAvailable();

describe.skipIf(!available && !required)("a report in each language, in headless Chromium", () => {
  let browser: Browser;
  let dir: string;
  /** per language: the page's lang, its value cells by table and row name, its symbols and its text */
  const seen = new Map<Language, { lang: string; cells: Record<string, Record<string, string[]>>; symbols: string[]; legend: string[]; text: string }>();

  beforeAll(async () => {
    expect(existsSync(chromiumPath), `${chromiumPath} is required`).toBe(true);
    dir = mkdtempSync(join(tmpdir(), "kas-language-"));
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    for (const language of ["sv", "nb", "en"] as const) {
      const file = join(dir, `${language}.html`);
      writeFileSync(file, renderReport(page(language)));
      const p = await browser.newPage();
      await p.goto(pathToFileURL(file).href);
      seen.set(language, await p.evaluate(() => {
        const cells: Record<string, Record<string, string[]>> = {};
        for (const section of document.querySelectorAll("section.indicator")) {
          const table = section.querySelector("table.figs")!;
          const byRow: Record<string, string[]> = {};
          for (const tr of table.querySelectorAll("tbody tr")) byRow[tr.querySelector("th")!.textContent!] = [...tr.querySelectorAll(".cell-value")].map((c) => c.textContent!);
          cells[section.id] = byRow;
        }
        return {
          lang: document.documentElement.lang,
          cells,
          symbols: [...document.querySelectorAll(".sym")].map((e) => e.textContent!),
          legend: [...document.querySelectorAll("ul.symbols li")].map((e) => e.textContent!),
          text: document.body.innerText
        };
      }));
      await p.close();
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // columns: 2024 K, M, T, 2025 K, M, T
  const share = (l: Language, code: string) => seen.get(l)!.cells["ind-long-term-share"][municipalityName(code)];
  const recipients = (l: Language, code: string) => seen.get(l)!.cells["ind-recipients"][municipalityName(code)];

  it("writes the page's lang attribute", () => {
    expect(seen.get("sv")!.lang).toBe("sv");
    expect(seen.get("nb")!.lang).toBe("nb");
    expect(seen.get("en")!.lang).toBe("en");
  });

  it("Norwegian: 12,5 and 12 345; ':' withheld, '..' missing, '.' not applicable", () => {
    expect(share("nb", "0114")).toEqual(["10,0", "11,8", "10,9", "0,2", "0,2", "12,5"]);
    expect(recipients("nb", "0114").slice(3)).toEqual(["6 000", "6 345", "12 345"]);
    expect(share("nb", "0115").slice(3)).toEqual([":", ":", ":"]);
    expect(share("nb", "0117")).toEqual(["..", "..", "..", ".", ".", "."]);
    expect(recipients("nb", "0117")).toEqual(["..", "..", "..", "0", "0", "0"]);
    expect(seen.get("nb")!.legend.map((l) => l.split(" = ")[0])).toEqual([":", "..", "."]);
  });

  it("Norwegian: never '-' for missing data, in a cell or a symbol", () => {
    const nb = seen.get("nb")!;
    for (const byRow of Object.values(nb.cells)) for (const values of Object.values(byRow)) expect(values).not.toContain("-");
    expect(new Set(nb.symbols)).toEqual(new Set([":", "..", "."]));
    expect(nb.text).toContain("Andel langvarige sosialhjelpsmottakere");
    expect(nb.text).not.toMatch(/\b(och|saknas|skyddade|Kommun)\b/);
  });

  it("English: 12.5 and 12,345; '..' withheld, '-' missing and not applicable", () => {
    expect(share("en", "0114").slice(3)).toEqual(["0.2", "0.2", "12.5"]);
    expect(recipients("en", "0114").slice(3)).toEqual(["6,000", "6,345", "12,345"]);
    expect(share("en", "0115").slice(3)).toEqual(["..", "..", ".."]);
    expect(share("en", "0117")).toEqual(["-", "-", "-", "-", "-", "-"]);
    expect(seen.get("en")!.text).toContain("Share with long-term assistance");
    expect(seen.get("en")!.text).not.toMatch(/\b(och|saknas|skyddade|Kommun|kommun)\b/);
  });

  it("Swedish: as before, 12,5 and 12 345 with Kolada's '..' and '-'", () => {
    expect(share("sv", "0114").slice(3)).toEqual(["0,2", "0,2", "12,5"]);
    expect(recipients("sv", "0114").slice(3)).toEqual(["6 000", "6 345", "12 345"]);
    expect(share("sv", "0115").slice(3)).toEqual(["..", "..", ".."]);
    expect(share("sv", "0117")).toEqual(["-", "-", "-", "-", "-", "-"]);
    expect(seen.get("sv")!.legend.map((l) => l.split(" = ")[0])).toEqual(["..", "-"]);
  });

  it("the network mean of a year whose only published share is 12,5 is 12,5 (of 1 municipality)", () => {
    expect(seen.get("nb")!.cells["ind-long-term-share"]["Nettverket (gjennomsnitt)"].slice(3)).toEqual(["0,2", "0,2", "12,5"]);
    expect(seen.get("en")!.cells["ind-long-term-share"]["Network (mean)"].slice(3)).toEqual(["0.2", "0.2", "12.5"]);
  });
});
