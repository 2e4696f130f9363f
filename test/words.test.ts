// Issue 12, "Words": what readers see is in their language. quality.html names severities with the
// catalogue's Swedish words (FEL, VARNING …, never FATAL/ERROR …) and each finding by its Swedish
// title, never its English code; a shared code by its Swedish label with the code beside it. A long
// list of valid codes is cut to those most like the value, with a pointer to codes.html (the whole
// list stays in the finding's params). The insats snapshot is dated by the day it describes. Amounts
// in findings are written as a Swedish export writes them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codes as findingCodes, found, likeness, messageOf, shortList, shortListLength, wholeListMax, type ValidCodes } from "../pipeline/contract/findings.js";
import { loadProfiles } from "../pipeline/contract/profile.js";
import { schema } from "../pipeline/contract/schema.js";
import { openDb, type Db } from "../pipeline/db/connection.js";
import { installMacros } from "../pipeline/db/macros.js";
import { initDatabase } from "../pipeline/db/tables.js";
import { fittingProfile } from "../pipeline/ingest/layout.js";
import { amountsAsWritten } from "../pipeline/load/checks.js";
import { freshnessOf } from "../pipeline/publish/quality.js";
import type { QualityPage } from "../reports/model.js";
import { renderQuality } from "../reports/quality.js";

const s = schema();
const reasons = s.lists.reason.codes.map((c) => c.code);
const dom = (page: string) => new JSDOM(page).window.document;
const text = (el: Element | null) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();

describe("quality.html in Swedish", () => {
  const base = JSON.parse(readFileSync(join(import.meta.dirname, "input", "report-basic", "quality.json"), "utf8")) as QualityPage;
  const file = "1441/bistand.csv";
  const findings = [
    found("unknown_kind", file, { header: ["a", "b"], expected: [], profile: null }, { line: 1 }),
    found("unknown_code", file, { value: "ekonomi", column: "Försörjningshinder", codes: { codes: reasons, profile: null, list: "reason" }, profile: null }, { line: 4, column: "Försörjningshinder", value: "ekonomi" }),
    found("extra_column", file, { column: "Handläggare", kind: "bistand" }, { line: 1, column: "Handläggare" }),
    found("blank_rows", file, { rows: 2 })
  ];
  const page: QualityPage = {
    ...base,
    files: [{ ...base.files[0], municipality: "1441", name: "bistand.csv", status: "rejected", findings, findingCounts: { FATAL: 1, ERROR: 1, WARNING: 1, INFO: 1 } }],
    mappings: [
      { municipality: "1441", profile: "case-system-sv", column: "reason", source: "Arbetslös – ingen ersättning", code: "unemployed_no_benefit" },
      { municipality: "1441", profile: "case-system-sv", column: "gender", source: "Kvinna", code: "K" }
    ],
    freshness: [{ municipality: "1441", name: "Lerum", bistandFrom: "2024-01", bistandTo: "2025-12", insatsSnapshot: "2025-12-31", insatsSnapshotSource: "file_name", lastLoaded: "2026-12-06T07:00:00Z" }]
  };
  const doc = dom(renderQuality(page));
  const body = text(doc.body);

  it("never shows an English severity or finding code", () => {
    expect(body).not.toMatch(/\b(FATAL|ERROR|WARNING|INFO)\b/);
    for (const code of findingCodes) expect(body, code).not.toContain(code);
  });

  it("names each finding's severity with the terminal's word and the finding with its Swedish title", () => {
    const table = [...doc.querySelectorAll("table")].find((t) => text(t.querySelector("caption")).startsWith("Allvarlighet"))!;
    const first = [...table.querySelectorAll("tbody tr")].map((r) => text(r.querySelector("td")));
    expect(first).toEqual([
      "KAN INTE LÄSAS Rubrikraden liknar ingen extrakttyp",
      "FEL Okänd kod",
      "VARNING En kolumn ingår inte i kontraktet",
      "INFORMATION Helt tomma rader hoppades över"
    ]);
    const files = [...doc.querySelectorAll("table")].find((t) => text(t.querySelector("caption")).startsWith("Filer från"))!;
    expect(text(files.querySelector("tbody tr td:last-child"))).toBe("KAN INTE LÄSAS 1, FEL 1, VARNING 1, INFORMATION 1");
  });

  it("links the code list a shortened message points to", () => {
    const cell = [...doc.querySelectorAll("td.message")].find((td) => text(td).startsWith('"ekonomi"'))!;
    expect(text(cell)).toContain("… och 15 till, se kodlistan: kas-webbplatsens codes.html.");
    expect(cell.querySelector("a")!.getAttribute("href")).toBe("codes.html");
  });

  it("shows a shared code by its Swedish label, the code beside it (Kommunens kod → Kontraktets kod)", () => {
    const table = [...doc.querySelectorAll("table")].find((t) => text(t.querySelector("caption")) === "Översatta koder")!;
    expect([...table.querySelectorAll("thead th")].map(text)).toEqual(["Kommun", "Profil", "Kolumn", "Kommunens kod", "Kontraktets kod"]);
    const rows = [...table.querySelectorAll("tbody tr")].map((r) => [...r.querySelectorAll("td")].map(text));
    expect(rows).toEqual([
      ["case-system-sv", "Försörjningshinder (reason)", "Arbetslös – ingen ersättning", "Arbetslös – ingen ersättning (unemployed_no_benefit)"],
      ["case-system-sv", "Kön (gender)", "Kvinna", "Kvinnor (K)"]
    ]);
  });

  it("dates the insats snapshot by the date given in freshness", () => {
    expect(body).toContain("ögonblicksbild 31 december 2025");
  });
});

describe("long lists of valid codes", () => {
  const reasonCodes: ValidCodes = { codes: reasons, profile: null, list: "reason" };
  const profile = loadProfiles(s).byName.get("case-system-sv")!;
  const withProfile: ValidCodes = { codes: reasons, profile: { name: profile.name, codes: profile.sourceValues.reason }, list: "reason" };

  it("gives a short list whole, in its order", () => {
    const gender: ValidCodes = { codes: ["K", "M"], profile: { name: "p", codes: ["Kvinna", "Man"] } };
    expect(shortList(gender, "Kvinn")).toEqual({ shown: ["K", "M", "Kvinna", "Man"], rest: 0, ranked: false });
    expect(wholeListMax).toBeGreaterThanOrEqual(10); // the ten measures and exit reasons stay whole
  });

  it("cuts a long one to at most shortListLength, the rest counted", () => {
    const none = shortList(reasonCodes, "foo");
    expect(none.ranked).toBe(false);
    expect(none.shown).toHaveLength(shortListLength);
    expect(none.rest).toBe(reasons.length - shortListLength);
    expect(none.shown).toEqual(reasons.slice(0, shortListLength)); // nothing like "foo": the first ones, bare
  });

  it("lists the codes most like the value first: by shared beginning or word, and by the Swedish label", () => {
    expect(likeness("Arbetslös – okänd", "Arbetslös – ingen ersättning")).toBeGreaterThan(likeness("Arbetslös – okänd", "Arbetar heltid – väntar på lön"));
    expect(likeness("ARBETSLOS", "Arbetslös – ingen ersättning")).toBeGreaterThanOrEqual(9); // case and diacritics aside
    const sick = shortList(reasonCodes, "sjuk");
    expect(sick.ranked).toBe(true);
    expect(sick.shown.map((c) => c.split(" ")[0])).toEqual(["sick_certified_no_benefit", "sick_certified_insufficient", "sick_certified_awaiting", "disability_comp_insufficient", "disability_comp_awaiting"]);
    expect(sick.rest).toBe(reasons.length - 5);
    expect(shortList(reasonCodes, "unemployed").shown.slice(0, 3).map((c) => c.split(" ")[0])).toEqual(reasons.slice(0, 3));
  });

  it("with a profile: its notations (the file's words) first, and no labels beside them", () => {
    const l = shortList(withProfile, "Arbetslös – okänd");
    expect(l.shown.slice(0, 3).sort()).toEqual(["Arbetslös – ingen ersättning", "Arbetslös – otillräcklig ersättning", "Arbetslös – väntar på ersättning"]);
    expect(l.rest).toBe(reasons.length + profile.sourceValues.reason.length - l.shown.length);
  });

  it("the message: at most ~8 codes, '… och N till, se kodlistan: kas-webbplatsens codes.html', far shorter than the whole list", () => {
    const params = { value: "sjuk", column: "Försörjningshinder", codes: withProfile, profile: { name: profile.name, file: "schemas/profiles/case-system-sv.json" } };
    const sv = messageOf("unknown_code", params);
    expect(sv).toMatch(/Giltiga koder: kontraktets 23 och de 23 som profilen case-system-sv översätter\. De som liknar värdet mest: Sjuk/);
    expect(sv).toMatch(/ … och \d+ till, se kodlistan: kas-webbplatsens codes\.html\. /);
    expect(sv.length).toBeLessThan(700);
    expect(messageOf("unknown_code", params, "en")).toMatch(/ … and \d+ more, see the code list: codes\.html on the kas site\. /);
    // the finding keeps the whole list for --json
    const f = found("unknown_code", "x.csv", params, { line: 2 });
    expect(f.params).toEqual(params);
  });
});

describe("the profile whose columns fit", () => {
  const profiles = loadProfiles(s);
  const all = [...profiles.byName.values()];
  const caseSystem = ["Kommunkod", "Månad", "Personnummer", "Hushållsnummer", "Roll", "Kön", "Födelseår", "Född utomlands", "Försörjningshinder", "Belopp"];

  it("counts the header's columns each profile reads and picks the best", () => {
    expect(fittingProfile(caseSystem, null, all, s)).toMatchObject({ profile: { name: "case-system-sv" }, matched: 10, columns: 10 });
    expect(fittingProfile(["kommun", "period", "pnr", "hushall", "kon", "fodelsear", "fsh_kod", "belopp", "x"], null, all, s)).toMatchObject({
      profile: { name: "numeric-codes" }, matched: 8, columns: 9
    });
  });

  it("suggests nothing the file's profile or the contract already reads, nor a poor fit", () => {
    expect(fittingProfile(caseSystem, profiles.byName.get("case-system-sv")!, all, s)).toBeNull();
    expect(fittingProfile(["municipality", "month", "person_id", "household_id", "gender"], null, all, s)).toBeNull();
    expect(fittingProfile(["Kommunkod", "Månad", "a", "b", "c", "d", "e"], null, all, s)).toBeNull();
  });
});

describe("the insats snapshot's own date (sql/site/freshness.sql)", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(":memory:");
    await initDatabase(db, s);
    await installMacros(db);
    const seen = "2026-01-10 09:00:00+00";
    // real municipality codes: insats.municipality holds only those (pipeline/db/code-columns.ts)
    const snapshots: [string, string, [string, string | null][]][] = [
      ["0114", "insats-2025-12-31.csv", [["2025-03-01", null]]], // the name's date
      ["0115", "insats_20251130.xlsx", [["2025-03-01", null]]], // YYYYMMDD
      ["0117", "insats.csv", [["2025-11-03", "2025-12-19"], ["2025-10-01", "2026-03-31"]]], // the rows; a planned end after the day seen does not count
      ["0120", "insats-2025-02-30.csv", [["2025-06-01", null]]], // no such day: the rows
      ["0123", "insats-2027-01-01.csv", [["2025-09-09", null]]], // a name date after the day seen: the rows
      ["0125", "insats.csv", [["2026-05-01", null]]] // nothing before the day seen: that day
    ];
    for (const [i, [m, name, rows]] of snapshots.entries()) {
      const id = i + 1;
      await db.run(
        `INSERT INTO files VALUES (${id}, 'sha${id}', ${id}, '${m}', '${name}', 1, TIMESTAMPTZ '${seen}', 1, TIMESTAMPTZ '${seen}', 'insats', 'accepted', 'utf-8', ',', NULL, ${rows.length}, ${rows.length}, 'a${id}.csv')`
      );
      await db.run(`INSERT INTO insats_snapshots VALUES ('${m}', ${id}, ${rows.length})`);
      for (const [k, [start, end]] of rows.entries()) {
        await db.run(`INSERT INTO insats VALUES ('${m}', ${k + 1}, 'K', 1980, 'job_search', NULL, NULL, DATE '${start}', ${end ? `DATE '${end}'` : "NULL"}, ${end ? "'work'" : "NULL"}, NULL, ${id}, ${k + 2})`);
      }
    }
  });
  afterAll(() => db?.close());

  it("takes the file name's date, else the latest start or end date up to the day first seen, else that day, and says which", async () => {
    const f = await freshnessOf(db);
    expect(f.map((r) => [r.municipality, r.insatsSnapshot, r.insatsSnapshotSource])).toEqual([
      ["0114", "2025-12-31", "file_name"],
      ["0115", "2025-11-30", "file_name"],
      ["0117", "2025-12-19", "rows"],
      ["0120", "2025-06-01", "rows"],
      ["0123", "2025-09-09", "rows"],
      ["0125", "2026-01-10", "first_seen"]
    ]);
  });
});

describe("amounts in findings", () => {
  it("are written as a Swedish export writes them: whole kronor without decimals, else a decimal comma", () => {
    expect(amountsAsWritten("5000.00 / 5200.00")).toBe("5000 / 5200");
    expect(amountsAsWritten("8450.50 / 8450.00")).toBe("8450,50 / 8450");
    expect(amountsAsWritten("0.05 / 12.5")).toBe("0,05 / 12,50");
  });
});
