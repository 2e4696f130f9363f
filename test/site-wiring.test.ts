// What the published site wires together beyond the reports, through `kas run` on the golden
// pipeline's inbox (test/input/pipeline-basic) with a user survey and commentary added, in Swedish,
// Norwegian and English: survey.html (contract §15) linked from index.html and every page's
// navigation; a municipality's commentary (§14) beside the report, in the named indicator's section
// and on its own page, under its name and the date its file was first seen in the run's time zone,
// never as HTML, and not at all for a municipality outside the network; and an indicator of some
// reports only (schemas/indicators.json target_groups: participants_per_1000, `all` only, §11)
// listed in those reports alone — their pages, downloads and the municipality pages.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConfig } from "../pipeline/config.js";
import { loadSchema, reportIndicators, schema } from "../pipeline/contract/schema.js";
import { packageRoot } from "../pipeline/system/paths.js";
import { run, type RunSummary } from "../pipeline/run.js";
import { testContext } from "../pipeline/system/context.js";
import type { QualityPage } from "../reports/model.js";
import { renderQuality } from "../reports/quality.js";
import { words } from "../reports/words.js";
import { browserAvailable, checkPages } from "./browser.js";
import { inputRoot, listFiles } from "./helpers/golden.js";
import { tempRoot, testKey, writeFiles } from "./helpers/indicators.js";

const inbox = join(inputRoot, "pipeline-basic", "inbox");
type Lang = "sv" | "nb" | "en";
const languages: readonly Lang[] = ["sv", "nb", "en"];

/** n rows of one gender answering `contact` with one answer, respondents numbered from `from`. */
function answers(municipality: string, from: number, n: number, gender: "K" | "M", answer: number): string[] {
  return Array.from({ length: n }, (_, k) => `${municipality},2025,${from + k},${gender},contact,${answer}`);
}
const surveyCsv = (rows: string[]) => ["municipality,year,respondent,gender,question,answer", ...rows].join("\n") + "\n";

// Salem (0128): 30 women answering 6, 30 men answering 5; Tyresö (0138): 40 women answering 4, 35 men answering 2.
const surveys = {
  "0128/survey-2025.csv": surveyCsv([...answers("0128", 1, 30, "K", 6), ...answers("0128", 31, 30, "M", 5)]),
  "0138/survey-2025.csv": surveyCsv([...answers("0138", 1, 40, "K", 4), ...answers("0138", 41, 35, "M", 2)])
};

const salemCommentary = [
  "Salem i korthet: en *egen* text.",
  "",
  "## unemployment",
  "",
  "Om arbetslösheten i Salem. <b>fet</b>",
  "",
  "## unemployment / exit_work_studies_share",
  "",
  "Avslut till arbete i Salem.",
  "",
  "## unemployment / participants_per_1000",
  "",
  "Deltagare per invånare i Salem.",
  ""
].join("\n");
const commentary = {
  "0128/kommentar.md": salemCommentary,
  // Upplands Väsby has no data in the network: its commentary is shown nowhere
  "0114/kommentar.md": "Upplands Väsby hälsar.\n\n## unemployment\n\nVäsbys ord.\n"
};

// the clock of the run: 23:30 UTC on 15 January, 00:30 on the 16th in Europe/Stockholm, the run's time zone
const clock = new Date("2026-01-15T23:30:00Z");

const doc = (file: string) => new JSDOM(readFileSync(file, "utf8")).window.document;

describe("survey.html, commentary and report-only indicators in the published site", () => {
  const roots: Partial<Record<Lang, string>> = {};
  const summaries: Partial<Record<Lang, RunSummary>> = {};
  const site = (l: Lang, file = "") => join(roots[l]!, "site", file);

  beforeAll(async () => {
    for (const language of languages) {
      const root = (roots[language] = tempRoot(`wiring-${language}`));
      writeFiles(join(root, "inbox"), { ...Object.fromEntries(listFiles(inbox).map((f) => [f, readFileSync(join(inbox, f))])), ...surveys, ...commentary });
      // the English network has a name (contract §9: on every page); the others show the site's
      writeFileSync(join(root, "settings.json"), JSON.stringify(language === "en" ? { language, name: "Test Network" } : { language }));
      const cfg = runConfig({ inbox: join(root, "inbox"), out: join(root, "site"), db: join(root, "state", "kas.duckdb"), settings: join(root, "settings.json") });
      summaries[language] = await run(cfg, testContext({ clock: () => clock, env: { KAS_KEY: testKey } }));
    }
  }, 300_000);

  afterAll(() => {
    for (const root of Object.values(roots)) if (root) rmSync(root, { recursive: true, force: true });
  });

  describe("survey.html", () => {
    it("is linked from index.html, in the page's language", () => {
      const titles = { sv: "Brukarundersökning", nb: "Brukerundersøkelse", en: "User survey" };
      for (const l of languages) {
        const index = doc(site(l, "index.html"));
        const inMain = [...index.querySelectorAll("main a[href='survey.html']")].map((a) => a.textContent);
        expect(inMain, l).toEqual([titles[l]]);
        expect(index.querySelector("main a[href='data/survey.csv']"), l).not.toBeNull();
        expect(existsSync(site(l, "survey.html")), l).toBe(true);
        const survey = doc(site(l, "survey.html"));
        expect(survey.documentElement.lang).toBe(l);
        expect(survey.querySelector("h1")!.textContent).toBe(l === "en" ? `${titles[l]} – Test Network` : titles[l]);
      }
    });

    it("names the network of the settings on every page, else the site", () => {
      for (const l of languages) {
        for (const file of ["index.html", "unemployment.html", "quality.html", "codes.html", "survey.html", "municipality/0128.html"]) {
          const page = doc(site(l, file));
          const name = { sv: "KAS jämförelser", nb: "KAS-sammenligninger", en: "Test Network" }[l];
          expect(page.querySelector("header.site .site-name")!.textContent, `${l} ${file}`).toBe(name);
          expect(page.title.endsWith(` – ${name}`), `${l} ${file}`).toBe(true);
        }
      }
    });

    it("is in every page's navigation, marked as the current page on itself", () => {
      for (const l of languages) {
        for (const [file, href] of [["index.html", "survey.html"], ["unemployment.html", "survey.html"], ["quality.html", "survey.html"], ["codes.html", "survey.html"], ["municipality/0128.html", "../survey.html"]]) {
          expect(doc(site(l, file)).querySelector(`header.site nav a[href='${href}']`), `${l} ${file}`).not.toBeNull();
        }
        const current = doc(site(l, "survey.html")).querySelector("header.site nav a[aria-current='page']")!;
        expect(current.getAttribute("href")).toBe("survey.html");
      }
    });

    it("shows the hand-computed figures, and run.json its summary", () => {
      const row = (l: Lang, name: string) => {
        const tr = [...doc(site(l, "survey.html")).querySelectorAll("#q-contact table.figs tbody tr")].find((r) => r.querySelector("th")!.textContent!.startsWith(name))!;
        return [...tr.querySelectorAll(".cell-value")].map((c) => c.textContent);
      };
      // K, M, T × respondents, share of 5–6, mean: Salem 30 × 6 and 30 × 5; Tyresö 40 × 4 and 35 × 2 (mean T 230 / 75 = 3.07)
      expect(row("sv", "Salem")).toEqual(["30", "100,0", "6,00", "30", "100,0", "5,00", "60", "100,0", "5,50"]);
      expect(row("sv", "Tyresö")).toEqual(["40", "0,0", "4,00", "35", "0,0", "2,00", "75", "0,0", "3,07"]);
      expect(row("en", "Tyresö")).toEqual(["40", "0.0", "4.00", "35", "0.0", "2.00", "75", "0.0", "3.07"]);
      // the network: (60 + 75) / 2 = 67.5 respondents, (100.0 + 0.0) / 2 = 50.0 %, (5.50 + 3.07) / 2 = 4.285 → 4.29
      expect(row("sv", "Nätverket").slice(6)).toEqual(["67,5", "50,0", "4,29"]);
      expect(row("nb", "Nettverket").slice(6)).toEqual(["67,5", "50,0", "4,29"]);
      const csv = readFileSync(site("sv", "data/survey.csv"), "utf8");
      expect(csv).toContain("survey_positive_share,question,contact,network,2025,T,50,100,2,\n");
      // 2 municipalities × 7 questions × 3 figures × 3 genders, and the network's 7 × 3 × 3
      expect(csv.trimEnd().split("\n").length - 1).toBe(2 * 7 * 9 + 7 * 9);
      const published = JSON.parse(readFileSync(site("sv", "run.json"), "utf8")) as { report: { survey: unknown } };
      expect(published.report.survey).toEqual({ file: "survey.html", figures: 189, withheld: 0, byRespondents: 0, byConfidentiality: 0, hiddenCounts: 0, narrowestRange: null });
      expect((summaries.sv!.report as { survey: unknown }).survey).toEqual(published.report.survey);
    });

    it("writes data/survey.xlsx in the pages' language", async () => {
      for (const l of languages) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(site(l, "data/survey.xlsx"));
        const sheet = wb.worksheets[0];
        expect(sheet.name, l).toBe(words(l).xlsx.sheet);
        expect((sheet.getRow(1).values as unknown[]).slice(1), l).toEqual([...words(l).xlsx.headers]);
        const texts = sheet.getSheetValues().flat();
        expect(texts, l).toContain(schema().lists.question.codes.find((c) => c.code === "contact")![l]);
        expect(texts, l).toContain(words(l).networkLabel);
      }
    });
  });

  describe("commentary (contract §14)", () => {
    const label = { sv: "Kommunens kommentar: Salem", nb: "Kommunens kommentar: Salem", en: "The municipality's comment: Salem" };
    const date = { sv: "16 januari 2026", nb: "16. januar 2026", en: "16 January 2026" };
    const before = (a: Node, b: Node) => (a.compareDocumentPosition(b) & 4) !== 0; // b follows a

    it("shows a section on the report beside the report, after the target group's definition and before the overview", () => {
      for (const l of languages) {
        const page = doc(site(l, "unemployment.html"));
        const section = page.querySelector("section#kommentarer")!;
        expect(section, l).not.toBeNull();
        expect(before(page.querySelector("p.lead")!, section) && before(section, page.querySelector("#oversikt")!), l).toBe(true);
        // the section on the report first; then, under its name, the one on an indicator of another report
        const blocks = [...section.querySelectorAll(":scope > aside.commentary")];
        expect(blocks.map((b) => b.getAttribute("aria-label")), l).toEqual([label[l], label[l]]);
        expect(before(blocks[0], section.querySelector("h3")!)).toBe(true);
        // the municipality's own words under its name and the date its file was first seen, in the run's time zone
        expect(blocks[0].querySelector(".commentary-by")!.textContent, l).toContain(`Salem, ${date[l]}`);
        expect(blocks[0].querySelector("time")!.getAttribute("datetime")).toBe("2026-01-16");
        // the upload's text is text: its tag is shown, never an element
        expect(blocks[0].querySelector(".commentary-text")!.textContent!.trim()).toBe("Om arbetslösheten i Salem. <b>fet</b>");
        expect(blocks[0].querySelector("b")).toBeNull();
      }
    });

    it("shows a section on an indicator in that indicator's section, between its definition and its chart", () => {
      for (const l of languages) {
        const page = doc(site(l, "unemployment.html"));
        const section = page.querySelector("#ind-exit-work-studies-share")!;
        const block = section.querySelector("aside.commentary")!;
        expect(block.querySelector(".commentary-text")!.textContent!.trim(), l).toBe("Avslut till arbete i Salem.");
        expect(before(section.querySelector(".indicator-head")!, block) && before(block, section.querySelector("figure.chart, .chart-empty")!), l).toBe(true);
        expect(page.querySelectorAll("aside.commentary").length, l).toBe(3);
        // the contents name the comment
        expect(page.querySelector("nav a[href='#ind-exit-work-studies-share']")!.parentElement!.textContent, l).toMatch(/\(1 (kommentar|comment)\)/);
      }
    });

    it("shows a section on an indicator of another report beside the report, under the indicator's name", () => {
      const about = { sv: "Om Deltagare i insatser per 1 000 invånare 18–66 år", nb: "Om Deltakere i tiltak per 1 000 innbyggere 18–66 år", en: "On Participants in measures per 1,000 inhabitants aged 18–66" };
      for (const l of languages) {
        const section = doc(site(l, "unemployment.html")).querySelector("section#kommentarer")!;
        const heading = section.querySelector("h3")!;
        expect(heading.textContent, l).toBe(about[l]);
        expect(heading.nextElementSibling!.querySelector(".commentary-text")!.textContent!.trim()).toBe("Deltagare per invånare i Salem.");
      }
    });

    it("shows the intro on the municipality's page, and each section under the report or indicator it names", () => {
      for (const l of languages) {
        const page = doc(site(l, "municipality/0128.html"));
        const blocks = [...page.querySelectorAll("aside.commentary")];
        expect(blocks.length, l).toBe(4);
        // the intro: after the page's facts, before the symbols
        const intro = blocks[0];
        expect(intro.querySelector(".commentary-text")!.innerHTML.trim()).toBe("<p>Salem i korthet: en <em>egen</em> text.</p>");
        expect(before(page.querySelector("dl.meta")!, intro) && before(intro, page.querySelector(".box")!), l).toBe(true);
        expect(intro.querySelector(".commentary-by")!.textContent).toContain(`Salem, ${date[l]}`);
        // the report's own section under the report's head, before its table
        const report = page.querySelector("section#tg-unemployment")!;
        // in the schema's order of indicators: participants_per_1000 (of another report) before exit_work_studies_share
        const [whole, onOther, onIndicator] = [...report.querySelectorAll("aside.commentary")];
        expect(whole.querySelector(".commentary-text")!.textContent!.trim()).toBe("Om arbetslösheten i Salem. <b>fet</b>");
        expect(before(whole, report.querySelector("table")!), l).toBe(true);
        // the indicator's under its name, linked to its section in the report; its row in the table links here
        const heading = page.querySelector("h3#c-unemployment-exit-work-studies-share")!;
        expect(heading.querySelector("a")!.getAttribute("href")).toBe("../unemployment.html#ind-exit-work-studies-share");
        expect(heading.nextElementSibling === onIndicator, l).toBe(true);
        expect(onIndicator.querySelector(".commentary-text")!.textContent!.trim()).toBe("Avslut till arbete i Salem.");
        expect(report.querySelector("a.see-comment")!.getAttribute("href")).toBe("#c-unemployment-exit-work-studies-share");
        // an indicator of another report: under its name, without a link (the report has no section for it)
        expect(onOther.querySelector(".commentary-text")!.textContent!.trim()).toBe("Deltagare per invånare i Salem.");
        expect(onOther.previousElementSibling!.tagName).toBe("H3");
        expect(onOther.previousElementSibling!.querySelector("a")).toBeNull();
        // no other report carries Salem's words
        for (const other of page.querySelectorAll("section.indicator:not(#tg-unemployment)")) expect(other.querySelector("aside.commentary"), `${l} ${other.id}`).toBeNull();
      }
    });

    it("shows no commentary of a municipality outside the network", () => {
      for (const l of languages) {
        expect(existsSync(site(l, "municipality/0114.html"))).toBe(false);
        for (const file of readdirSync(site(l), { recursive: true }) as string[]) {
          if (file.endsWith(".html")) expect(readFileSync(site(l, file), "utf8"), `${l} ${file}`).not.toMatch(/Väsby/);
        }
      }
    });
  });

  describe("an indicator of some reports only (target_groups)", () => {
    it("declares participants_per_1000 for `all` only, and the schema rejects an unknown target group", () => {
      expect(schema().indicators.find((i) => i.id === "participants_per_1000")!.target_groups).toEqual(["all"]);
      expect(reportIndicators(schema().indicators, "unemployment").map((i) => i.id)).not.toContain("participants_per_1000");
      expect(reportIndicators(schema().indicators, "all").map((i) => i.id)).toContain("participants_per_1000");
      const dir = tempRoot("schemas");
      try {
        for (const f of readdirSync(join(packageRoot, "schemas")).filter((f) => f.endsWith(".json"))) copyFileSync(join(packageRoot, "schemas", f), join(dir, f));
        const file = JSON.parse(readFileSync(join(dir, "indicators.json"), "utf8")) as { indicators: { id: string; target_groups?: string[] }[] };
        file.indicators.find((i) => i.id === "participants_per_1000")!.target_groups = ["all", "nobody"];
        writeFileSync(join(dir, "indicators.json"), JSON.stringify(file));
        expect(() => loadSchema(dir)).toThrow("invalid schemas/indicators.json: participants_per_1000 names unknown target group nobody");
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it("lists it on the `all` report only: its page, its contents, its downloads", async () => {
      const name = "Deltagare i insatser per 1 000 invånare 18–66 år";
      for (const tg of schema().targetGroups) {
        const page = doc(site("sv", `${tg.id}.html`));
        const listed = tg.id === "all";
        expect(page.querySelector("#ind-participants-per-1000") !== null, tg.id).toBe(listed);
        expect([...page.querySelectorAll("nav .toc a")].some((a) => a.textContent === name), tg.id).toBe(listed);
        expect(readFileSync(site("sv", `data/${tg.id}.csv`), "utf8").includes("\nparticipants_per_1000,"), tg.id).toBe(listed);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(site("sv", `data/${tg.id}.xlsx`));
        expect(wb.worksheets[0].getSheetValues().flat().includes(name), tg.id).toBe(listed);
      }
    });

    it("lists it under `all` only on a municipality's page", () => {
      for (const l of languages) {
        const page = doc(site(l, "municipality/0128.html"));
        const links = (tg: string) => [...page.querySelectorAll(`section#tg-${tg} table a`)].map((a) => a.getAttribute("href"));
        expect(links("all"), l).toContain("../all.html#ind-participants-per-1000");
        for (const tg of schema().targetGroups.filter((t) => t.id !== "all")) {
          expect(links(tg.id).some((h) => h!.endsWith("#ind-participants-per-1000")), `${l} ${tg.id}`).toBe(false);
        }
      }
    });
  });

  it.skipIf(!browserAvailable())("opens the pages with commentary in headless Chromium: no console error, no request, no serious accessibility finding", async () => {
    const dir = join(roots.sv!, "check");
    mkdirSync(dir, { recursive: true });
    // every page once, in Swedish; in the other languages the page with commentary in every place it can
    // be (a report page is the same markup in other words and took 15 s in Chromium each), its markup
    // audited (the colours are the Swedish page's); one browser for all
    const pages = [
      ["sv", "unemployment.html"], ["sv", "municipality/0128.html"], ["sv", "index.html"], ["nb", "municipality/0128.html"], ["en", "municipality/0128.html"]
    ] as const;
    const copied = pages.map(([l, from]) => `${l}-${from.replace("/", "-")}`);
    pages.forEach(([l, from], k) => copyFileSync(site(l, from), join(dir, copied[k])));
    const results = await checkPages(dir, { screenshotDir: join(dir, "screenshots"), depth: (file) => (file.startsWith("sv-") ? "full" : "markup") });
    expect(results.map((r) => basename(r.file)).sort()).toEqual([...copied].sort());
    for (const r of results) {
      expect(r.consoleErrors, r.file).toEqual([]);
      expect(r.requests, r.file).toEqual([]);
      expect(r.axe.filter((v) => v.impact === "serious" || v.impact === "critical"), r.file).toEqual([]);
    }
  }, 240_000);
});

describe("quality.html's replaced rows", () => {
  it("names a replaced survey or population year as the year, a bistand month as the month", () => {
    const page = JSON.parse(readFileSync(join(inputRoot, "report-basic", "quality.json"), "utf8")) as QualityPage;
    const replacements = [
      { municipality: "0181", kind: "bistand", month: "2025-03", oldFile: "a.csv", newFile: "b.csv", rows: 120 },
      { municipality: "0181", kind: "survey", month: "2024", oldFile: "enkät-2024.csv", newFile: "enkät-2024-ny.csv", rows: 300 }
    ];
    for (const [language, march] of [["sv", "mars 2025"], ["nb", "mars 2025"], ["en", "March 2025"]] as const) {
      const d = new JSDOM(renderQuality({ ...page, language, replacements })).window.document;
      const cells = [...d.querySelector("#replacements ~ .table-wrap")!.querySelectorAll("tbody tr")].map((tr) => tr.querySelectorAll("td")[1].textContent);
      expect(cells, language).toEqual([march, "2024"]);
    }
  });
});
