// A whole published site in Norwegian and in English (contract §12): the golden pipeline's inbox
// (test/input/pipeline-basic) run with a settings file naming the language. Every page speaks it —
// its lang attribute, no Swedish words outside what is marked lang="sv" (a finding stored by an older
// database keeps its Swedish message) or is the data's own (file names, codes,
// municipality names); a Norwegian page shows SSB's symbols and never "-" for missing data, and a
// share on 0 recipients as "."; the xlsx has the language's headers and symbols; and the CSV and
// Arrow files are byte for byte those of the same run in Swedish (the statuses of contract §7 in every language).
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConfig } from "../pipeline/config.js";
import { run } from "../pipeline/run.js";
import { testContext } from "../pipeline/system/context.js";
import { inputRoot, listFiles } from "./helpers/golden.js";
import { tempRoot, testKey, writeFiles } from "./helpers/indicators.js";

const inbox = join(inputRoot, "pipeline-basic", "inbox");

/** Every page of a site, relative path → its document. */
function pages(site: string): Map<string, Document> {
  const out = new Map<string, Document>();
  for (const rel of readdirSync(site, { recursive: true }) as string[]) {
    if (rel.endsWith(".html")) out.set(rel, new JSDOM(readFileSync(join(site, rel), "utf8")).window.document);
  }
  return out;
}

/** A page's words as a reader meets them: its text and its names (aria-label, title), less what is not
 *  the page's own words — text marked lang="sv" on a page in another language, file names, codes. */
function ownWords(doc: Document): string {
  const body = doc.body.cloneNode(true) as HTMLElement;
  for (const e of body.querySelectorAll('[lang="sv"], .filename, code, style, svg text')) e.remove();
  const names = [...doc.querySelectorAll("[aria-label], [title]")].filter((e) => !e.closest('[lang="sv"]')).map((e) => `${e.getAttribute("aria-label") ?? ""} ${e.getAttribute("title") ?? ""}`);
  return `${body.textContent} ${names.join(" ")}`;
}

/** Words only Swedish has (not Norwegian, not English): any of them on a Norwegian or English page is a phrase left untranslated
 *  ("försörjningshinder" is not among them: the English pages name the Swedish term in brackets, as the code lists do). */
const swedishOnly = /\b(och|är|inte|värden?|saknas|skyddade?|nätverket|nätverkets|medelvärde|kommunerna|bistånd|biståndsmottagare|insatser|uppgift|uppgifter|körning|också|avslut|Kommun)\b/;

describe("a site in Norwegian and in English", () => {
  const roots: Record<"sv" | "nb" | "en", string> = { sv: "", nb: "", en: "" };
  const sites = new Map<"nb" | "en", Map<string, Document>>();

  beforeAll(async () => {
    for (const language of ["sv", "nb", "en"] as const) {
      const root = (roots[language] = tempRoot(`language-${language}`));
      writeFiles(join(root, "inbox"), Object.fromEntries(listFiles(inbox).map((f) => [f, readFileSync(join(inbox, f))])));
      writeFileSync(join(root, "settings.json"), JSON.stringify({ language }));
      const cfg = runConfig({ inbox: join(root, "inbox"), out: join(root, "site"), db: join(root, "state", "kas.duckdb"), settings: join(root, "settings.json") });
      await run(cfg, testContext({ env: { KAS_KEY: testKey } }));
      if (language !== "sv") sites.set(language, pages(join(root, "site")));
    }
  }, 240_000);

  afterAll(() => {
    for (const root of Object.values(roots)) if (root) rmSync(root, { recursive: true, force: true });
  });

  it("publishes the CSV and Arrow files byte for byte as the same run in Swedish", () => {
    const swedish = join(roots.sv, "site", "data");
    const files = listFiles(swedish).filter((f) => /\.(csv|arrow)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(14);
    for (const language of ["nb", "en"] as const) {
      expect(listFiles(join(roots[language], "site", "data"))).toEqual(listFiles(swedish));
      for (const file of files) expect(readFileSync(join(roots[language], "site", "data", file)).equals(readFileSync(join(swedish, file))), `${language} ${file}`).toBe(true);
    }
  });

  it("writes every page in the language: its lang attribute and no Swedish phrase", () => {
    for (const [language, site] of sites) {
      expect(site.size).toBeGreaterThan(8);
      for (const [file, doc] of site) {
        expect(doc.documentElement.lang, file).toBe(language);
        expect(ownWords(doc).match(swedishOnly)?.[0], `${language} ${file}`).toBeUndefined();
      }
    }
  });

  it("says a rejected file's findings in the language, on quality.html and in the quarantine's reason file", () => {
    for (const [language, site] of sites) {
      const messages = [...site.get("quality.html")!.querySelectorAll("td.message")];
      expect(messages.length, language).toBeGreaterThan(0);
      // every finding of this run was stored with its parameters: none keeps its Swedish words
      expect(messages.filter((m) => m.getAttribute("lang") === "sv").map((m) => m.textContent), language).toEqual([]);
      const reasons = (readdirSync(join(roots[language], "state", "quarantine"), { recursive: true }) as string[]).filter((f) => f.endsWith(".reason.txt"));
      expect(reasons.length, language).toBeGreaterThan(0);
      for (const f of reasons) {
        const text = readFileSync(join(roots[language], "state", "quarantine", f), "utf8");
        expect(text, f).toMatch(language === "nb" ? /^Filen .* ble avvist .*\n[\s\S]*\nÅrsaker:\n\S+:\d+: [A-ZÆØÅ ]+ – / : /^The file .* was rejected at .*\n[\s\S]*\nReasons:\n\S+:\d+: [A-Z ]+ – /);
        expect(text.match(swedishOnly)?.[0], f).toBeUndefined();
      }
    }
    const swedish = readFileSync(join(roots.sv, "state", "quarantine", (readdirSync(join(roots.sv, "state", "quarantine"), { recursive: true }) as string[]).find((f) => f.endsWith(".reason.txt"))!), "utf8");
    expect(swedish).toMatch(/^Filen .* avvisades .*\n[\s\S]*\nSkäl:\n\S+:\d+: [A-ZÅÄÖ ]+ – /);
  });

  it("names the time zone a reader of the language knows: Oslo's on a Norwegian network", () => {
    const zone = (site: string) => new JSDOM(readFileSync(join(site, "index.html"), "utf8")).window.document.querySelector("time + .muted")?.textContent;
    expect(zone(join(roots.nb, "site"))).toBe("(Europe/Oslo)");
    expect(zone(join(roots.en, "site"))).toBe("(Europe/Stockholm)");
    expect(zone(join(roots.sv, "site"))).toBe("(Europe/Stockholm)");
  });

  it("lists the findings catalogue in Norwegian on codes.html: nothing of it marked Swedish", () => {
    const codes = sites.get("nb")!.get("codes.html")!;
    // the catalogue's rows and the list of severities (the code lists beside them show every language's label, marked)
    const catalogue = [...codes.querySelectorAll('[class^="sev-"]')].map((e) => e.closest("tr, li")!);
    expect(catalogue.length).toBeGreaterThan(60);
    for (const e of catalogue) expect(e.querySelector('[lang="sv"]'), e.textContent!).toBeNull();
    const row = [...codes.querySelectorAll("tr")].find((tr) => tr.querySelector("th code")?.textContent === "unknown_code")!;
    const cells = [...row.querySelectorAll("td")].map((td) => td.textContent!.replace(/\s+/g, " ").trim());
    expect(cells).toEqual(["FEIL ERROR", "Ukjent kode", "Bruk en gyldig kode, eller legg til oversettelsen av kommunens egen kode i profilen."]);
  });

  it("shows SSB's symbols on a Norwegian page: never '-' for missing data, '.' for a share on 0", () => {
    for (const [file, doc] of sites.get("nb")!) {
      const symbols = [...doc.querySelectorAll(".sym, .cell-value, td")].map((e) => e.textContent!.trim());
      expect(symbols.filter((t) => t === "-"), file).toEqual([]);
    }
    // Salem (0128) has bistand rows in 2024 but no long-term unemployed: its share of them is a share on 0
    const report = sites.get("nb")!.get("long_term_unemployed.html")!;
    const salem = [...report.querySelectorAll("#ind-long-term-share table.figs tbody tr")].find((tr) => tr.querySelector("th")!.textContent === "Salem")!;
    const cells = [...salem.querySelectorAll(".cell-value")].map((c) => c.textContent);
    expect(cells[2]).toBe("."); // 2024, T
    const legend = [...report.querySelectorAll("ul.symbols li")].map((li) => li.textContent!.split(" = ")[0]);
    expect(legend).toEqual([":", "..", "."]);
  });

  it("writes the xlsx in the language: headers, names and the page's symbols", async () => {
    const expected = { nb: { header: "Indikator", status: [":", "..", "."], name: "Andel langvarige sosialhjelpsmottakere" }, en: { header: "Indicator", status: ["..", "-"], name: "Share with long-term assistance" } } as const;
    for (const language of ["nb", "en"] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(roots[language], "site", "data", "long_term_unemployed.xlsx"));
      const sheet = wb.worksheets[0];
      expect(sheet.getRow(1).getCell(1).value).toBe(expected[language].header);
      const statuses = new Set<string>(), names = new Set<string>();
      sheet.eachRow((r, n) => {
        if (n === 1) return;
        names.add(String(r.getCell(1).value));
        if (r.getCell(11).value) statuses.add(String(r.getCell(11).value));
      });
      expect([...statuses].sort()).toEqual([...expected[language].status].sort());
      expect(names.has(expected[language].name)).toBe(true);
    }
  });
});
