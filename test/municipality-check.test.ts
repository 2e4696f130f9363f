// A municipality code must be a municipality of SCB's or SSB's official list in the years its rows need
// it (contract §2, §12; pipeline/load/checks.ts, municipality_not_in_years): an old Norwegian code, a
// code of other years only, and a code no list has reject the file, with a finding that names the
// file, line, column, value, what the code was or became, and the fix; a code both countries have is
// accepted. Real folders through `kas run` and `kas validate`; every expected line, count and word is
// worked out by hand from the files written here.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../pipeline/contract/finding.js";
import { lit } from "../pipeline/db/connection.js";
import { installMacros } from "../pipeline/db/macros.js";
import { messageOf, type MunicipalityNotInYears } from "../pipeline/contract/findings.js";
import type { FileReport } from "../pipeline/run.js";
import type { ValidatedFile } from "../pipeline/validate.js";
import { bistandCsv, bistandRows, csv, insatsCsv, insatsRows, type Row } from "./helpers/extract.js";
import { freshInstalls, kas, query, runKas, writeInbox } from "./helpers/kas.js";
import { useScratch } from "./helpers/scratch.js";

const fresh = freshInstalls("municipality");

const scratch = useScratch("municipality-check", { db: { threads: 1 } });

/** Bærum's codes: 0219 until 2019, 3024 in 2020–2023, 3201 from 2024 (SSB KLASS 131). */
const baerum = { "0219": { code: "3024", name: "Bærum", from: 2020 }, "3024": { code: "3201", name: "Bærum", from: 2024 } } as const;

/** Two measures that ended or began in 2023 (the latest date: 2023-10-31). */
const measures2023 = (municipality: string): Row[] =>
  insatsRows(municipality, 2).map((r, i) => (i === 0 ? { ...r, start_date: "2023-02-01", end_date: "2023-10-31" } : { ...r, start_date: "2023-05-02", end_date: "", exit_reason: "" }));

const surveyCsv = (municipality: string, year: number) =>
  csv([1, 2].map((n) => ({ municipality, year: String(year), respondent: String(n), gender: "K", question: "respect", answer: "5" })));

/** The files' only finding, when it is municipality_not_in_years. */
function theFinding(report: FileReport | undefined): Finding & { params: MunicipalityNotInYears } {
  expect(report, "file report").toBeDefined();
  expect(report!.findings.map((f) => f.code)).toEqual(["municipality_not_in_years"]);
  return report!.findings[0] as Finding & { params: MunicipalityNotInYears };
}

describe("kas run: a code that is no municipality in the rows' years rejects the file", () => {
  const i = fresh("run");
  let r: Awaited<ReturnType<typeof runKas>>;
  const rejected = (file: string) => r.summary!.files.rejected.find((f) => f.file === file);
  const accepted = (file: string) => r.summary!.files.accepted.find((f) => f.file === file);

  beforeAll(async () => {
    // 3024 in 2023 and 2024; the first 2023 row has a line break in a quoted field, so the first 2024 row
    // (record 2) is on physical line 5
    const spanning = bistandCsv([...bistandRows("3024", "2023-11", 2), ...bistandRows("3024", "2024-01", 2, 3)].map((row, k) => (k === 0 ? { ...row, household_id: "3024-H\nA" } : row)));
    writeInbox(i.inbox, {
      "0219/bistand-2024-2025.csv": bistandCsv([...bistandRows("0219", "2024-03", 2), ...bistandRows("0219", "2025-01", 1, 3)]),
      "3024/bistand-2023-2024.csv": spanning,
      "3024/survey-2024.csv": surveyCsv("3024", 2024),
      "3201/bistand-2023.csv": bistandCsv(bistandRows("3201", "2023-12", 2)),
      "3201/insats.csv": insatsCsv(measures2023("3201")),
      // the same measures taken on 2024-01-15 (one cost corrected: not a byte-identical upload)
      "3201/insats-2024-01-15.csv": insatsCsv(measures2023("3201").map((m, k) => (k === 0 ? { ...m, cost_sek: "1500" } : m))),
      "9998/bistand-2024.csv": bistandCsv(bistandRows("9998", "2024-05", 2)),
      "1860/bistand-2024.csv": bistandCsv(bistandRows("1860", "2024-05", 3)),
      "0181/insats.csv": insatsCsv(insatsRows("0181", 3)),
      "network/befolkning.csv": ["municipality;year;gender;age;persons", "0181;2024;K;18;10", "0219;2024;K;18;5", "0219;2024;M;18;6", "3024;2023;K;18;7", ""].join("\n")
    });
    r = await runKas(i);
  }, 120_000);

  it("exits 1 and loads the files whose codes are municipalities in their years", async () => {
    expect(r.code).toBe(1);
    expect(r.summary!.files.rejected.map((f) => f.file).sort()).toEqual([
      "0219/bistand-2024-2025.csv", "3024/bistand-2023-2024.csv", "3024/survey-2024.csv", "3201/bistand-2023.csv", "3201/insats.csv", "9998/bistand-2024.csv",
      "network/befolkning.csv"
    ]);
    // 1860 is Laxå in Sweden and Vestvågøy in Norway: valid in either, accepted without a word
    expect(accepted("1860/bistand-2024.csv")).toMatchObject({ rowsLoaded: 3, findings: [] });
    // a snapshot named with its day (2024-01-15) is of 2024, whatever its measures' dates: 3201 is right
    expect(accepted("3201/insats-2024-01-15.csv")).toMatchObject({ rowsLoaded: 2, findings: [] });
    // its rows' latest date (2025-03-03, before the day seen) dates the snapshot: 0181 is Södertälje's
    expect(accepted("0181/insats.csv")).toMatchObject({ rowsLoaded: 3, findings: [] });
    expect(await query(i.db, "SELECT municipality, count(*)::INTEGER AS n FROM bistand GROUP BY ALL ORDER BY 1")).toEqual([{ municipality: "1860", n: 3 }]);
  });

  it("names an old Norwegian code and the codes that replaced it: 0219 → 3024 (2020) → 3201 (2024)", () => {
    const f = theFinding(rejected("0219/bistand-2024-2025.csv"));
    expect(f).toMatchObject({ severity: "ERROR", file: "0219/bistand-2024-2025.csv", line: 2, column: "municipality", value: "0219", count: 3 });
    expect(f.params).toEqual({
      value: "0219", years: [2024, 2025], valid: [], snapshot: null, oneCode: true, reason: "replaced", country: "NO", name: "Bærum", to: 2019,
      successors: [baerum["0219"], baerum["3024"]]
    });
    expect(f.message).toBe(
      "Kommunkoden 0219 (Bærum, Norge) gällde till och med 2019, men filen har rader för 2024 och 2025. Koden ersattes 2020 av 3024 (Bærum) och sedan 2024 av 3201 (Bærum). Skriv 3201 på raderna för 2024 och 2025."
    );
    expect(messageOf("municipality_not_in_years", f.params, "en")).toBe(
      "Municipality code 0219 (Bærum, Norway) was valid until 2019, but the file has rows for 2024 and 2025. It was replaced in 2020 by 3024 (Bærum) and then in 2024 by 3201 (Bærum). Write 3201 on the rows for 2024 and 2025."
    );
  });

  it("points at the first row of a year the code is wrong for, on its physical line, and says to split the file", () => {
    const f = theFinding(rejected("3024/bistand-2023-2024.csv"));
    // records 0–1 are 2023 (lines 2–3 and 4), records 2–3 are 2024 (lines 5 and 6)
    expect(f).toMatchObject({ line: 5, column: "municipality", value: "3024", count: 2 });
    expect(f.params).toMatchObject({ reason: "replaced", years: [2024], valid: [2023], to: 2023, successors: [baerum["3024"]] });
    expect(f.message).toBe(
      "Kommunkoden 3024 (Bærum, Norge) gällde till och med 2023, men filen har rader för 2024. Koden ersattes 2024 av 3201 (Bærum). Skriv 3201 på raderna för 2024. " +
        "Filens år behöver olika koder (raderna för 2023 har rätt kod), och en kommuns mapp tar emot en kod: dela filen per år och ladda upp varje del i mappen för det årets kod."
    );
  });

  it("checks a survey's year", () => {
    const f = theFinding(rejected("3024/survey-2024.csv"));
    expect(f).toMatchObject({ line: 2, value: "3024", count: 2 });
    expect(f.params).toMatchObject({ reason: "replaced", years: [2024], valid: [] });
  });

  it("names a code that begins later, and the code the municipality had in the rows' year", () => {
    const f = theFinding(rejected("3201/bistand-2023.csv"));
    expect(f).toMatchObject({ line: 2, value: "3201", count: 2 });
    expect(f.params).toEqual({
      value: "3201", years: [2023], valid: [], snapshot: null, oneCode: true, reason: "other_years", country: "NO", name: "Bærum", from: 2024, to: null,
      earlier: [{ code: "3024", name: "Bærum", from: 2020, to: 2023 }]
    });
    expect(f.message).toBe(
      "Kommunkoden 3201 (Bærum, Norge) gäller från och med 2024, men filen har rader för 2023. Under 2023 hade kommunen koden 3024 (Bærum, 2020–2023): skriv den på de årens rader, eller kontrollera radernas år."
    );
    expect(messageOf("municipality_not_in_years", f.params, "en")).toBe(
      "Municipality code 3201 (Bærum, Norway) is valid from 2024, but the file has rows for 2023. In 2023 the municipality's code was 3024 (Bærum, 2020–2023): write it on those years' rows, or check the rows' years."
    );
  });

  it("reads an insats snapshot's year from the day it was taken, as the pages do: here its rows' latest date", () => {
    const f = theFinding(rejected("3201/insats.csv"));
    expect(f).toMatchObject({ line: 2, value: "3201", count: 2 });
    expect(f.params).toMatchObject({ reason: "other_years", years: [2023], snapshot: { date: "2023-10-31", source: "rows" } });
    expect(f.message).toBe(
      "Kommunkoden 3201 (Bærum, Norge) gäller från och med 2024, men filen är en ögonblicksbild (insats) tagen 2023-10-31, enligt det senaste datumet i raderna (filnamnet har inget datum). " +
        "Under 2023 hade kommunen koden 3024 (Bærum, 2020–2023): skriv den, eller kontrollera datumet. Togs uttaget senare, skriv dess datum i filnamnet, t.ex. insats-2024-01-15.csv."
    );
  });

  it("says when no list has the code", () => {
    const f = theFinding(rejected("9998/bistand-2024.csv"));
    expect(f).toMatchObject({ line: 2, column: "municipality", value: "9998", count: 2 });
    expect(f.params).toEqual({ value: "9998", years: [2024], valid: [], snapshot: null, oneCode: true, reason: "unknown" });
    expect(f.message).toBe(
      '"9998" är ingen kommunkod: varken SCB:s förteckning över Sveriges kommuner eller SSB:s över Norges har den. Skriv kommunens fyrsiffriga kod, t.ex. 0180 (Stockholm) eller 0301 (Oslo).'
    );
    expect(messageOf("municipality_not_in_years", f.params, "en")).toBe(
      `"9998" is not a municipality code: neither SCB's list of Sweden's municipalities nor SSB's list of Norway's has it. Write the municipality's four-digit code, e.g. 0180 (Stockholm) or 0301 (Oslo).`
    );
  });

  it("checks every municipality of a population file, and rejects it whole", () => {
    const f = theFinding(rejected("network/befolkning.csv"));
    // 0181 (2024) and 3024 (2023) are right; 0219's two rows of 2024 are not
    expect(f).toMatchObject({ line: 3, value: "0219", count: 2 });
    // a network file holds every municipality: no advice to split it by folder
    expect(f.params).toMatchObject({ reason: "replaced", years: [2024], valid: [], oneCode: false });
    expect(f.message).not.toMatch(/dela filen/);
  });
});

describe("kas run: a file with many wrong codes", () => {
  const i = fresh("many");
  let r: Awaited<ReturnType<typeof runKas>>;

  beforeAll(async () => {
    // 25 codes no list has (9901–9925), two rows each (K and M), after one right row
    const rows = ["municipality,year,gender,age,persons", "0181,2024,K,18,10"];
    for (let k = 1; k <= 25; k++) for (const g of ["K", "M"]) rows.push(`99${String(k).padStart(2, "0")},2024,${g},18,1`);
    writeInbox(i.inbox, { "network/befolkning.csv": rows.join("\n") + "\n", "0181/bistand.csv": bistandCsv(bistandRows("0181", "2024-01", 2)) });
    r = await runKas(i);
  }, 120_000);

  it("lists the first 20 codes, each once with its rows, and counts the rows of the rest", () => {
    expect(r.code).toBe(1);
    const f = r.summary!.files.rejected.find((x) => x.file === "network/befolkning.csv")!.findings;
    expect(f).toHaveLength(21);
    expect(f.slice(0, 20).map((x) => [x.value, x.line, x.count])).toEqual(Array.from({ length: 20 }, (_, k) => [`99${String(k + 1).padStart(2, "0")}`, 3 + 2 * k, 2]));
    expect(f[20]).toMatchObject({ code: "municipality_not_in_years", line: null, column: "municipality", count: 10 });
    expect(f[20].message).toMatch(/^Samma fel på ytterligare 10 rader \(50 totalt\); de 40 första visas ovan\. "9921" är ingen kommunkod/);
  });
});

describe("kas validate prints the finding with file:line and the column as the file names it", () => {
  let dir: string;
  beforeAll(() => {
    dir = join(scratch.dir, "0219");
    mkdirSync(dir, { recursive: true });
  });

  it("in Swedish, and in English with a settings file that asks for it", async () => {
    const path = join(dir, "bistand.csv");
    writeFileSync(path, bistandCsv([...bistandRows("0219", "2024-03", 2), ...bistandRows("0219", "2025-01", 1, 3)]));
    const shown = relative(process.cwd(), path);
    const sv = await kas(["validate", path]);
    expect(sv.code).toBe(1);
    expect(sv.stdout).toContain(
      `    ${shown}:2: FEL – kommunkoden gäller inte filens år: municipality = "0219": Kommunkoden 0219 (Bærum, Norge) gällde till och med 2019, men filen har rader för 2024 och 2025. ` +
        "Koden ersattes 2020 av 3024 (Bærum) och sedan 2024 av 3201 (Bærum). Skriv 3201 på raderna för 2024 och 2025. (3 rader)\n"
    );
    const settings = join(scratch.dir, "en.json");
    writeFileSync(settings, JSON.stringify({ language: "en" }));
    const en = await kas(["validate", path, "--settings", settings]);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(
      `    ${shown}:2: ERROR – the municipality code is not valid in the file's years: municipality = "0219": Municipality code 0219 (Bærum, Norway) was valid until 2019, but the file has rows for 2024 and 2025. ` +
        "It was replaced in 2020 by 3024 (Bærum) and then in 2024 by 3201 (Bærum). Write 3201 on the rows for 2024 and 2025. (3 rows)\n"
    );
  });

  it("names the column as a profile's file does (Kommunkod)", async () => {
    const path = join(dir, "bistand-verksamhetssystem.csv");
    const header = ["Kommunkod", "Månad", "Personnummer", "Hushållsnummer", "Roll", "Kön", "Födelseår", "Född utomlands", "Försörjningshinder", "Belopp"];
    writeFileSync(path, csv(bistandRows("0219", "2024-03", 2), { header, delimiter: ";" }));
    const r = await kas(["validate", path, "--profile", "case-system-sv", "--json"]);
    expect(r.code).toBe(1);
    const [file] = (JSON.parse(r.stdout) as { files: ValidatedFile[] }).files;
    expect(file.findings.map((f) => [f.code, f.line, f.column, f.value, f.count])).toEqual([["municipality_not_in_years", 2, "Kommunkod", "0219", 2]]);
  });

  it("gives a workbook's finding its worksheet row", async () => {
    mkdirSync(join(scratch.dir, "3024"), { recursive: true });
    const path = join(scratch.dir, "3024", "bistand.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Blad1");
    const rows = [...bistandRows("3024", "2023-11", 2), ...bistandRows("3024", "2024-01", 1, 3)];
    ws.addRow(Object.keys(rows[0]));
    for (const row of rows) ws.addRow(Object.values(row));
    await wb.xlsx.writeFile(path);
    const r = await kas(["validate", path, "--json"]);
    const [file] = (JSON.parse(r.stdout) as { files: ValidatedFile[] }).files;
    // the worksheet's rows 2 and 3 are 2023 (3024 is right), row 4 is 2024
    expect(file.findings.map((f) => [f.code, f.line, f.column, f.value, f.count])).toEqual([["municipality_not_in_years", 4, "municipality", "3024", undefined]]); // one row: no count
  });
});

describe("an insats snapshot's day (sql/macros/snapshot_day.sql): the rule the pages show it by", () => {
  it("takes the name's date, else the rows' latest date up to the day first seen, else that day", async () => {
    await installMacros(scratch.db);
    const seen = "DATE '2026-01-10'";
    const day = async (name: string, rows: string | null) => {
      const args = `kas_snapshot_name_date(${lit(name)}), ${rows ? `DATE ${lit(rows)}` : "NULL::DATE"}, ${seen}`;
      const [r] = await scratch.db.all<{ source: string; day: string }>(
        `SELECT kas_snapshot_source(${args}) AS source, strftime(kas_snapshot_day(${args}), '%Y-%m-%d') AS day`
      );
      return r;
    };
    expect(await day("insats-2025-12-31.csv", "2025-03-01")).toEqual({ source: "file_name", day: "2025-12-31" });
    expect(await day("insats_20251130.xlsx", "2025-03-01")).toEqual({ source: "file_name", day: "2025-11-30" });
    expect(await day("insats.csv", "2025-12-19")).toEqual({ source: "rows", day: "2025-12-19" });
    expect(await day("insats-2025-02-30.csv", "2025-06-01")).toEqual({ source: "rows", day: "2025-06-01" }); // no such day
    expect(await day("insats-2027-01-01.csv", "2025-09-09")).toEqual({ source: "rows", day: "2025-09-09" }); // after the day seen
    expect(await day("insats.csv", null)).toEqual({ source: "first_seen", day: "2026-01-10" });
  });
});
