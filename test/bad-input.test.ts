// Every kind of bad input (contract §2–§4), each a real file on disk in one inbox beside good files,
// through `kas run` and `kas validate`: the bad file is rejected with a Swedish message that names the
// file, line (header = line 1), column and value, what is valid and how to fix it; files in accepted
// dialects (BOM, CRLF, decimal comma, extra columns) load with the right values; and nothing else is
// lost — the good files of the same run are loaded and published, and the exit code is 1.
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../pipeline/contract/finding.js";
import { entries, severities } from "../pipeline/contract/findings.js";
import { parseIdentity } from "../pipeline/contract/identity.js";
import type { FileReport, RunSummary } from "../pipeline/run.js";
import { schema } from "../pipeline/contract/schema.js";
import type { ValidatedFile } from "../pipeline/validate.js";
import { badLuhn, bistandCsv, bistandRows, insatsCsv, insatsRows, personnummer, utf16, type Row } from "./helpers/extract.js";
import { cleanup, filesUnder, install, kas, query, readFigures, runKas, tempDir, writeInbox, type Install } from "./helpers/kas.js";

const set = (rows: Row[], i: number, patch: Row): Row[] => rows.map((r, k) => (k === i ? { ...r, ...patch } : r));
const bad = (name: string) => `0180/${name}`;
const rows0180 = (n: number, month = "2024-03") => bistandRows("0180", month, n);

// identity numbers that must never be shown
const pnrA = personnummer({ year: 1985, month: 1, day: 1 }, 123);
const pnrB = personnummer({ year: 1990, month: 6, day: 15 }, 456);
const pnrC = personnummer({ year: 1979, month: 11, day: 30 }, 789);
const wrongLength = ["850101123", "1985010112345"];
const secrets = [pnrA.twelve, pnrA.ten, badLuhn(pnrB.twelve), badLuhn(pnrC.twelve).slice(2, 8) + "-" + badLuhn(pnrC.twelve).slice(8), ...wrongLength, pnrC.twelve];

/** A file whose line 5 opens a quote that never closes. */
function unterminated(): string {
  const lines = bistandCsv(rows0180(8)).split("\n");
  lines[4] = lines[4].replace(",0180-H", ',"0180-H');
  return lines.join("\n");
}

/** Quoted multi-line fields and blank lines before the bad row: the bad row starts on line 10. */
function multiline(eol: "\n" | "\r\n"): string {
  const [a, b, c] = rows0180(3);
  const line = (r: Row) => Object.values(r).map((v) => (v.includes("\n") ? `"${v}"` : v)).join(",");
  return [
    Object.keys(a).join(","), //                                             line 1
    "", //                                                                      2
    line({ ...a, household_id: "0180-H\nA" }), //                               3–4 (LF inside quotes, as Excel writes it)
    line({ ...b, household_id: "0180\n\nB" }), //                               5–7
    "", //                                                                      8
    "", //                                                                      9
    line({ ...c, gender: "Z" }), //                                             10
    ""
  ].join(eol);
}

/** A row of 10 MB: the reader must measure it, not buffer it. */
const tenMb = 10 * 1024 * 1024;

const files: Record<string, string | Buffer> = {
  // good files, in other municipalities' folders, in every accepted dialect
  "0128/good.csv": bistandCsv(bistandRows("0128", "2024-01", 8)),
  "0114/excel-bom.csv": bistandCsv(set(bistandRows("0114", "2024-01", 6), 0, { amount_sek: "8450,50" }).map((r) => ({ ...r, amount_sek: r.amount_sek.replace(".", ",") })), { delimiter: ";", bom: true }),
  "0115/crlf.csv": bistandCsv(set(bistandRows("0115", "2024-01", 6), 1, { amount_sek: "1234.5" }), { eol: "\r\n" }),
  "0117/decimal-comma.csv": bistandCsv(set(set(bistandRows("0117", "2024-01", 6), 2, { amount_sek: "8450,50" }), 3, { amount_sek: "0,5" }), { delimiter: ";" }),
  // Excel's trailing delimiter (a column without a name) and an extra column named twice: warnings, the rows load
  "0125/trailing-delimiter.csv": bistandCsv(bistandRows("0125", "2024-01", 5).map((r) => ({ ...r, not1: "a", not2: "b", tail: "" })), {
    delimiter: ";", eol: "\r\n", header: [...Object.keys(bistandRows("0125", "2024-01", 1)[0]), "anteckning", "Anteckning ", ""]
  }),
  // rows of only delimiters after the data (and one between), as Excel writes formatted empty rows: skipped
  "0127/excel-blank-rows.csv": (() => {
    const lines = bistandCsv(bistandRows("0127", "2024-01", 4), { delimiter: ";", eol: "\r\n" }).split("\r\n");
    const empty = ";".repeat(lines[0].split(";").length - 1);
    return [...lines.slice(0, 3), empty, ...lines.slice(3, -1), empty, empty, ""].join("\r\n");
  })(),
  "0123/extra-column.csv": bistandCsv(bistandRows("0123", "2024-01", 6).map((r) => ({ ...r, kommentar: "x" })), { header: [...Object.keys(bistandRows("0123", "2024-01", 1)[0]), "kommentar"] }),

  // encodings
  [bad("utf16le-bom.csv")]: utf16(bistandCsv(rows0180(4)), "LE", true),
  [bad("utf16be-bom.csv")]: utf16(bistandCsv(rows0180(4)), "BE", true),
  [bad("utf16le.csv")]: utf16(bistandCsv(rows0180(4)), "LE", false),
  [bad("utf16be.csv")]: utf16(bistandCsv(rows0180(4)), "BE", false),
  [bad("undecodable.csv")]: Buffer.concat([Buffer.from(bistandCsv(rows0180(2))), Buffer.from("0180,2024-03,"), Buffer.from([0x81]), Buffer.from(",x\n")]),

  // structure
  [bad("missing-columns.csv")]: bistandCsv(rows0180(3), { header: ["municipality", "month", "person_id", "household_id", "role", "born_abroad", "reason", "amount_sek"] })
    .split("\n").map((l, i) => (i === 0 ? l : l.split(",").filter((_, k) => k !== 5 && k !== 6).join(","))).join("\n"),
  [bad("empty.csv")]: "",
  [bad("header-only.csv")]: bistandCsv([]).trimEnd() + "\n",
  [bad("only-blank-rows.csv")]: bistandCsv([]).trimEnd() + "\n" + ",".repeat(9) + "\n" + ",".repeat(9) + "\n",
  [bad("unterminated-quote.csv")]: unterminated(),
  [bad("long-line.csv")]: "municipality,month,person_id," + "x".repeat(tenMb),
  [bad("long-row.csv")]: bistandCsv(rows0180(1)) + "0180,2024-03," + "9".repeat(tenMb) + "\n",
  [bad("corrupt.xlsx")]: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 0x41)]),
  [bad("no-header.csv")]: bistandCsv(set(rows0180(3), 0, { person_id: pnrC.twelve })).split("\n").slice(1).join("\n"),

  // codes and values
  [bad("unknown-gender.csv")]: bistandCsv(set(rows0180(4), 1, { gender: "3" })),
  [bad("unknown-reason.csv")]: bistandCsv(set(rows0180(4), 2, { reason: "ekonomi" })),
  [bad("bad-months.csv")]: bistandCsv(set(set(rows0180(5), 0, { month: "2024-13" }), 3, { month: "mars 2024" })),
  [bad("birth-after-year.csv")]: bistandCsv(set(rows0180(3), 1, { birth_year: "2025" })),
  [bad("pnr-as-birth-year.csv")]: bistandCsv(set(rows0180(3), 1, { birth_year: pnrA.twelve })),
  [bad("impossible-date.csv")]: insatsCsv(set(insatsRows("0180", 3), 1, { start_date: "2024-02-30" })),
  [bad("end-before-start.csv")]: insatsCsv(set(insatsRows("0180", 3), 0, { start_date: "2024-05-02", end_date: "2024-04-30" })),
  [bad("exit-without-end.csv")]: insatsCsv(set(insatsRows("0180", 3), 1, { end_date: "", exit_reason: "work" })),
  [bad("end-without-exit.csv")]: insatsCsv(set(insatsRows("0180", 3), 2, { exit_reason: "" })),

  // household amounts, duplicates, identity numbers
  // amounts: öre at most (1.891 would be rounded silently), a thousands separator, a negative amount
  [bad("bad-amounts.csv")]: bistandCsv(set(set(set(rows0180(4), 0, { amount_sek: "1234.891" }), 1, { amount_sek: "1 000,50" }), 2, { amount_sek: "-50" }), { delimiter: ";" }),
  [bad("conflicting-amounts.csv")]: bistandCsv(set(set(rows0180(4), 1, { amount_sek: "5000" }), 2, { household_id: rows0180(4)[1].household_id, role: "co_applicant", amount_sek: "5200" })),
  [bad("missing-amount.csv")]: bistandCsv(set(set(rows0180(5), 3, { amount_sek: "" }), 4, { household_id: rows0180(5)[3].household_id, role: "co_applicant", amount_sek: "" })),
  [bad("duplicate-person.csv")]: bistandCsv(set(rows0180(5), 4, { person_id: rows0180(5)[0].person_id })),
  [bad("duplicate-notations.csv")]: bistandCsv(set(set(rows0180(4), 0, { person_id: pnrA.twelve }), 2, { person_id: pnrA.ten })),
  // header 1, blank 2, row 3, row 4–5 (a quoted line break in household_id), blank 6, row 7, row 8 = row 3's person
  [bad("duplicate-after-breaks.csv")]: (() => {
    const [head, ...lines] = bistandCsv(set(set(rows0180(4), 1, { household_id: "H\n2" }), 3, { person_id: rows0180(4)[0].person_id })).split("\n");
    return [head, "", lines[0], lines[1], lines[2], "", lines[3], lines[4], ""].join("\n");
  })(),
  [bad("bad-luhn.csv")]: bistandCsv(set(set(rows0180(4), 1, { person_id: badLuhn(pnrB.twelve) }), 3, { person_id: secrets[3] })),
  [bad("wrong-length.csv")]: bistandCsv(set(set(rows0180(3), 0, { person_id: wrongLength[0] }), 1, { person_id: wrongLength[1] })),
  [bad("multiline-lf.csv")]: multiline("\n"),
  [bad("multiline-crlf.csv")]: multiline("\r\n"),

  // the wrong municipality's folder: every row, or a single row, names another municipality
  "0128/from-0181.csv": bistandCsv(bistandRows("0181", "2024-01", 5)),
  "0128/one-row-0181.csv": bistandCsv(set(bistandRows("0128", "2024-02", 5), 3, { municipality: "0181" }))
};

interface Expected {
  readonly file: string;
  readonly code: string;
  readonly severity?: "FATAL" | "ERROR";
  readonly line: number | null;
  readonly column?: string | null;
  readonly value?: string | null;
  /** what the Swedish message must say: what is valid, how to fix it */
  readonly says: readonly RegExp[];
}

const fix = /rätta|skriv|spara|lägg till|ta bort|kontrollera|ladda upp|stäng|exportera|öppna|slå ihop|ange|lämna|fyll i|leta upp/i;
const reasons = schema().lists.reason.codes.map((c) => c.code);

const expected: Expected[] = [
  { file: bad("utf16le-bom.csv"), code: "utf16", severity: "FATAL", line: null, says: [/UTF-16 LE/, /UTF-8 \(med eller utan BOM\) och Windows-1252/, /Spara som/] },
  { file: bad("utf16be-bom.csv"), code: "utf16", severity: "FATAL", line: null, says: [/UTF-16 BE/, /Windows-1252/] },
  { file: bad("utf16le.csv"), code: "utf16", severity: "FATAL", line: null, says: [/UTF-16 LE/] },
  { file: bad("utf16be.csv"), code: "utf16", severity: "FATAL", line: null, says: [/UTF-16 BE/] },
  { file: bad("undecodable.csv"), code: "undecodable_bytes", severity: "FATAL", line: 4, says: [/Rad 4/, /0x81/, /UTF-8 \(med eller utan BOM\) och Windows-1252/] },
  { file: bad("missing-columns.csv"), code: "missing_column", severity: "FATAL", line: 1, column: "gender", says: [/gender saknas/, /krävs/] },
  { file: bad("missing-columns.csv"), code: "missing_column", severity: "FATAL", line: 1, column: "birth_year", says: [/birth_year saknas/] },
  { file: bad("empty.csv"), code: "empty_file", severity: "FATAL", line: null, says: [/tom/, /rubrikrad/] },
  { file: bad("header-only.csv"), code: "no_rows", line: 2, says: [/inga datarader/] },
  { file: bad("only-blank-rows.csv"), code: "no_rows", line: 2, says: [/inga datarader/] },
  { file: bad("unterminated-quote.csv"), code: "unterminated_quote", line: 5, says: [/stängs aldrig/, /""/] },
  { file: bad("long-line.csv"), code: "line_too_long", severity: "FATAL", line: 1, says: [/1 MiB/, /LF och CRLF/] },
  { file: bad("long-row.csv"), code: "line_too_long", severity: "FATAL", line: 3, says: [/Rad 3/] },
  { file: bad("corrupt.xlsx"), code: "corrupt_xlsx", severity: "FATAL", line: null, says: [/Excel-arbetsbok/, /spara den på nytt/] },
  { file: bad("no-header.csv"), code: "no_header", severity: "FATAL", line: 1, says: [/datarad/, /municipality, month, person_id/] },
  { file: bad("unknown-gender.csv"), code: "unknown_code", line: 3, column: "gender", value: "3", says: [/"3" är ingen känd kod för gender/, /Giltiga koder: K, M\./] },
  // a long list: the first 8 codes and where the rest are (the whole list is in --json's params)
  { file: bad("unknown-reason.csv"), code: "unknown_code", line: 4, column: "reason", value: "ekonomi", says: [new RegExp(`Giltiga koder \\(23\\): ${reasons.slice(0, 8).join(", ")} … och 15 till, se kodlistan: kas-webbplatsens codes\\.html\\.`)] },
  { file: bad("bad-months.csv"), code: "invalid_month", line: 2, column: "month", value: "2024-13", says: [/ÅÅÅÅ-MM/] },
  { file: bad("bad-months.csv"), code: "invalid_month", line: 5, column: "month", value: "mars 2024", says: [/ÅÅÅÅ-MM, t\.ex\. 2024-03/] },
  { file: bad("birth-after-year.csv"), code: "birth_after_row_year", line: 3, column: "birth_year", value: "2025", says: [/efter radens år 2024/] },
  { file: bad("pnr-as-birth-year.csv"), code: "invalid_year", line: 3, column: "birth_year", value: "[dolt: ser ut som ett personnummer]", says: [/fyra siffror/] },
  { file: bad("impossible-date.csv"), code: "invalid_date", line: 3, column: "start_date", value: "2024-02-30", says: [/ÅÅÅÅ-MM-DD/] },
  { file: bad("end-before-start.csv"), code: "end_before_start", line: 2, column: "end_date", value: "2024-04-30", says: [/före startdatum 2024-05-02/] },
  { file: bad("exit-without-end.csv"), code: "exit_reason_without_end", line: 3, column: "exit_reason", value: "work", says: [/slutdatum saknas/] },
  { file: bad("end-without-exit.csv"), code: "exit_reason_missing", line: 4, column: "exit_reason", value: null, says: [/saknar avslutsorsak/, /Giltiga koder: work, studies/] },
  { file: bad("bad-amounts.csv"), code: "invalid_amount", line: 2, column: "amount_sek", value: "1234.891", says: [/högst två decimaler/] },
  { file: bad("bad-amounts.csv"), code: "invalid_amount", line: 3, column: "amount_sek", value: "1 000,50", says: [/utan tusentalsavgränsare/] },
  { file: bad("bad-amounts.csv"), code: "invalid_amount", line: 4, column: "amount_sek", value: "-50", says: [/inte vara negativt/] },
  { file: bad("conflicting-amounts.csv"), code: "conflicting_amounts", line: 3, column: "amount_sek", value: "5000 / 5200", says: [/olika belopp för 2024-03 \(5000 \/ 5200\)/] },
  { file: bad("missing-amount.csv"), code: "missing_amount", line: 5, column: "amount_sek", value: null, says: [/saknar belopp för 2024-03/] },
  { file: bad("duplicate-person.csv"), code: "duplicate_person_month", line: 6, column: "person_id", value: "2024-03", says: [/redan på rad 2 för månaden 2024-03/, /en rad per månad/] },
  { file: bad("duplicate-notations.csv"), code: "duplicate_person_month", line: 4, column: "person_id", value: "2024-03", says: [/redan på rad 2 för månaden 2024-03/, /en rad per månad/] },
  // a blank line and a quoted line break before the duplicate: both lines named are physical lines
  { file: bad("duplicate-after-breaks.csv"), code: "duplicate_person_month", line: 8, column: "person_id", value: "2024-03", says: [/redan på rad 3 för månaden 2024-03/] },
  { file: bad("bad-luhn.csv"), code: "person_id_checksum", line: 3, column: "person_id", value: null, says: [/kontrollsiffra/, /Värdet visas inte/] },
  { file: bad("bad-luhn.csv"), code: "person_id_checksum", line: 5, column: "person_id", value: null, says: [/Luhn/] },
  { file: bad("wrong-length.csv"), code: "invalid_person_id", line: 2, column: "person_id", value: null, says: [/10 eller 12 siffror/, /Värdet visas inte/] },
  { file: bad("wrong-length.csv"), code: "invalid_person_id", line: 3, column: "person_id", value: null, says: [/11 siffror/] },
  { file: bad("multiline-lf.csv"), code: "unknown_code", line: 10, column: "gender", value: "Z", says: [/Giltiga koder: K, M/] },
  { file: bad("multiline-crlf.csv"), code: "unknown_code", line: 10, column: "gender", value: "Z", says: [/Giltiga koder: K, M/] },
  { file: "0128/from-0181.csv", code: "wrong_municipality", severity: "FATAL", line: 2, column: "municipality", value: "0181", says: [/kommunmappen 0128/, /hela filen avvisas/] },
  { file: "0128/one-row-0181.csv", code: "wrong_municipality", severity: "FATAL", line: 5, column: "municipality", value: "0181", says: [/hela filen avvisas/] }
];

const good = ["0128/good.csv", "0114/excel-bom.csv", "0115/crlf.csv", "0117/decimal-comma.csv", "0123/extra-column.csv", "0125/trailing-delimiter.csv", "0127/excel-blank-rows.csv"];
const badFiles = Object.keys(files).filter((f) => !good.includes(f));

let root: string;
let inst: Install;
let code: number;
let summary: RunSummary;
let log: string[];
let validated: ValidatedFile[];
let validateCode: number;
let validateText: string;

beforeAll(async () => {
  root = tempDir("bad");
  inst = install(root);
  writeInbox(inst.inbox, files);
  const r = await runKas(inst);
  code = r.code;
  summary = r.summary!;
  log = r.log;
  const paths = Object.keys(files).map((f) => join(inst.inbox, f));
  const v = await kas(["validate", ...paths, "--json"]);
  validateCode = v.code;
  validated = JSON.parse(v.stdout).files;
  const t = await kas(["validate", ...paths]);
  validateText = t.stdout;
  expect(t.code).toBe(1);
}, 120_000);

afterAll(() => cleanup(root));

const report = (file: string): FileReport | undefined => [...summary.files.accepted, ...summary.files.rejected].find((f) => f.file === file);
const validation = (file: string): ValidatedFile => {
  const v = validated.find((x) => x.file.endsWith(`/inbox/${file}`));
  if (!v) throw new Error(`not validated: ${file}`);
  return v;
};

function matching(findings: readonly Finding[], e: Expected): Finding | undefined {
  return findings.find(
    (f) => f.code === e.code && f.line === e.line && (e.column === undefined || f.column === e.column) && (e.value === undefined || f.value === e.value)
  );
}

describe("the run with every bad input", () => {
  it("exits 1, rejects exactly the bad files and loads every good one", () => {
    expect(code).toBe(1);
    expect(summary.outcome).toBe("published");
    expect(summary.files.accepted.map((f) => f.file).sort()).toEqual([...good].sort());
    expect(summary.files.rejected.map((f) => f.file).sort()).toEqual([...badFiles].sort());
    for (const f of summary.files.accepted) expect(f.rowsLoaded, f.file).toBe(f.rowsRead);
  });

  it("publishes the good municipalities: their rows are in the database and in data/all.csv", async () => {
    const rows = await query<{ municipality: string; n: number }>(inst.db, "SELECT municipality, count(*)::INTEGER AS n FROM bistand GROUP BY 1 ORDER BY 1");
    expect(rows).toEqual([
      { municipality: "0114", n: 6 },
      { municipality: "0115", n: 6 },
      { municipality: "0117", n: 6 },
      { municipality: "0123", n: 6 },
      { municipality: "0125", n: 5 },
      { municipality: "0127", n: 4 },
      { municipality: "0128", n: 8 }
    ]);
    expect(await query(inst.db, "SELECT count(*)::INTEGER AS n FROM insats")).toEqual([{ n: 0 }]);
    const figures = readFigures(join(inst.site, "data", "all.csv"));
    const recipients = (m: string) => figures.find((r) => r.indicator === "recipients" && r.municipality === m && r.year === "2024" && r.gender === "T");
    expect(recipients("0128")).toMatchObject({ value: "8", status: "" });
    for (const m of ["0114", "0115", "0117", "0123"]) expect(recipients(m)).toMatchObject({ value: "6", status: "" });
    expect(figures.some((r) => r.municipality === "0180" || r.municipality === "0181")).toBe(false);
  });

  it("loads BOM, CRLF and decimal comma with the right values", async () => {
    const amounts = await query<{ municipality: string; line: number; amount: string; gender: string }>(
      inst.db,
      "SELECT municipality, line, amount_sek::VARCHAR AS amount, gender FROM bistand WHERE municipality IN ('0114', '0115', '0117') ORDER BY municipality, line"
    );
    const at = (m: string, line: number) => amounts.find((a) => a.municipality === m && a.line === line)?.amount;
    expect(at("0114", 2)).toBe("8450.50"); // BOM + ; + decimal comma
    expect(at("0114", 3)).toBe("4200.00");
    expect(at("0115", 3)).toBe("1234.50"); // CRLF: the last column holds no \r
    expect(at("0117", 4)).toBe("8450.50");
    expect(at("0117", 5)).toBe("0.50");
    expect(amounts.filter((a) => a.municipality === "0115").map((a) => a.line)).toEqual([2, 3, 4, 5, 6, 7]);
    // the BOM is not part of the first column's name or value
    expect(await query(inst.db, "SELECT DISTINCT municipality, strftime(month, '%Y-%m') AS m FROM bistand WHERE file_id = (SELECT file_id FROM files WHERE name = 'excel-bom.csv')")).toEqual([
      { municipality: "0114", m: "2024-01" }
    ]);
    expect(await query(inst.db, "SELECT name, encoding, delimiter FROM files WHERE name IN ('excel-bom.csv', 'crlf.csv', 'decimal-comma.csv') ORDER BY name")).toEqual([
      { name: "crlf.csv", encoding: "utf-8", delimiter: "," },
      { name: "decimal-comma.csv", encoding: "utf-8", delimiter: ";" },
      { name: "excel-bom.csv", encoding: "utf-8", delimiter: ";" }
    ]);
  });

  it("loads a file with an extra column, with a warning naming the column", () => {
    const f = report("0123/extra-column.csv")!;
    expect(f.rowsLoaded).toBe(6);
    expect(f.findings).toEqual([
      expect.objectContaining({ severity: "WARNING", code: "extra_column", line: 1, column: "kommentar", message: expect.stringMatching(/läses inte in.*Ta bort den/) })
    ]);
  });

  it("loads a file whose header ends with a delimiter and names an extra column twice, with warnings (§2: extra columns are never an error)", () => {
    const f = report("0125/trailing-delimiter.csv")!;
    expect(f.rowsLoaded).toBe(5);
    expect(f.findings.map((x) => [x.severity, x.code, x.line, x.column])).toEqual([
      ["WARNING", "extra_column", 1, "anteckning"],
      ["WARNING", "extra_column", 1, "Anteckning"],
      ["WARNING", "empty_column_name", 1, "kolumn 13"]
    ]);
    expect(f.findings[2].message).toMatch(/saknar namn och läses inte in.*extra avgränsare/);
  });

  it("skips rows of only delimiters (Excel's formatted empty rows), says how many, and keeps the line numbers", async () => {
    const f = report("0127/excel-blank-rows.csv")!;
    expect(f.rowsRead).toBe(4);
    expect(f.rowsLoaded).toBe(4);
    expect(f.findings).toEqual([expect.objectContaining({ severity: "INFO", code: "blank_rows", message: expect.stringMatching(/^3 rader är helt tomma/) })]);
    // the row after the empty line 4 is line 5 of the file
    const lines = await query<{ line: number }>(inst.db, "SELECT line FROM bistand WHERE municipality = '0127' ORDER BY line");
    expect(lines.map((l) => l.line)).toEqual([2, 3, 5, 6]);
  });

  it.each(expected.map((e) => [`${e.file} ${e.code} line ${e.line}`, e] as const))("%s: a clear Swedish finding", (_, e) => {
    const f = report(e.file);
    expect(f, e.file).toBeDefined();
    expect(summary.files.rejected).toContain(f);
    expect(f!.rowsLoaded).toBe(0);
    const hit = matching(f!.findings, e);
    expect(hit, JSON.stringify(f!.findings, null, 1)).toBeDefined();
    expect(hit!.file).toBe(e.file);
    expect(hit!.severity).toBe(e.severity ?? "ERROR");
    for (const re of e.says) expect(hit!.message).toMatch(re);
    expect(hit!.message).toMatch(fix);
    if (e.value) expect(hit!.message).toContain(e.value);
  });

  it("names the file, line, column and value in the printed text", () => {
    for (const e of expected) {
      const f = matching(report(e.file)!.findings, e)!;
      // the severity's Swedish word and the code's Swedish title (the catalogue's), as the terminal shows them
      const title = entries.find((x) => x.code === e.code)!.title.sv;
      const heading = `${severities[f.severity].label.sv.toLocaleUpperCase("sv")} – ${title[0].toLocaleLowerCase("sv")}${title.slice(1)}:`;
      const where = `${validation(e.file).file}${e.line === null ? "" : `:${e.line}`}: ${heading}`;
      const what = e.column ? (e.value ? ` ${e.column} = ${JSON.stringify(e.value)}:` : ` ${e.column}:`) : "";
      expect(validateText, e.file).toContain(`${where}${what}`);
    }
  });

  it("quarantines every rejected file with a reason file that gives the messages", () => {
    for (const f of summary.files.rejected) {
      expect(f.quarantined!.startsWith(join(inst.state, "quarantine", f.file.slice(0, 4)) + "/")).toBe(true);
      const reason = readFileSync(`${f.quarantined}.reason.txt`, "utf8");
      expect(reason).toContain(`Filen ${f.file} avvisades`);
      for (const x of f.findings.filter((x) => x.severity === "FATAL" || x.severity === "ERROR").slice(0, 20)) expect(reason).toContain(x.message);
    }
  });

  it("reads a file with an unterminated quote as rejected, not as a shorter file (the rows after the quote are not silently dropped)", async () => {
    const f = report(bad("unterminated-quote.csv"))!;
    expect(f.rowsRead).toBe(3); // the reader stops at the open quote …
    expect(f.quarantined).not.toBeNull(); // … and the file is rejected whole
    expect(await query(inst.db, "SELECT count(*)::INTEGER AS n FROM bistand WHERE municipality = '0180'")).toEqual([{ n: 0 }]);
  });

  it("rejects a file in the wrong municipality's folder whole, leaving both municipalities' data as they were", async () => {
    expect(await query(inst.db, "SELECT count(*)::INTEGER AS n FROM bistand WHERE municipality = '0181' OR month = DATE '2024-02-01'")).toEqual([{ n: 0 }]);
    expect(report("0128/one-row-0181.csv")!.rowsRead).toBe(5);
    expect(await query(inst.db, "SELECT count(*)::INTEGER AS n FROM bistand WHERE municipality = '0128'")).toEqual([{ n: 8 }]);
  });

  it("keeps every identity number out of messages, findings, reason files, the log and output", async () => {
    const valid = [pnrA.twelve, pnrA.ten, pnrC.twelve];
    for (const s of secrets) expect(parseIdentity(s, 2024).ok, s).toBe(valid.includes(s));
    const stored = await query<{ all: string }>(inst.db, "SELECT string_agg(concat_ws('|', code, \"column\", value, message), '\n') AS all FROM findings");
    const reasons = filesUnder(join(inst.state, "quarantine")).filter((p) => p.endsWith(".reason.txt")).map((p) => readFileSync(p, "utf8"));
    const texts = [JSON.stringify(summary), log.join("\n"), JSON.stringify(validated), validateText, stored[0].all, ...reasons];
    expect(log.some((l) => l.includes("0180/bad-luhn.csv: avvisad"))).toBe(true);
    for (const text of texts) for (const s of secrets) expect(text).not.toContain(s);
    expect(stored[0].all).toContain("person_id_checksum");
  });
});

describe("kas validate on the same files", () => {
  it("exits 1 and agrees with the run on every file", () => {
    expect(validateCode).toBe(1);
    for (const f of Object.keys(files)) expect(validation(f).valid, f).toBe(good.includes(f));
  });

  it("reports the same problems, at the same lines", () => {
    for (const e of expected) expect(matching(validation(e.file).findings, e), `${e.file} ${e.code}`).toBeDefined();
  });

  it("keeps the whole list of valid codes in --json's params, where the message gives 8 of them", () => {
    const f = validation(bad("unknown-reason.csv")).findings.find((x) => x.code === "unknown_code")!;
    expect(f.message.length).toBeLessThan(600);
    expect(f.params).toMatchObject({ value: "ekonomi", column: "reason", codes: { codes: reasons, profile: null, list: "reason" }, profile: null });
  });

  it("reads the 10 MB lines without loading them whole and leaves no database behind", () => {
    expect(validation(bad("long-row.csv")).findings.map((f) => f.code)).toEqual(["line_too_long"]);
    expect(filesUnder(root).filter((p) => /\.duckdb/.test(basename(p)))).toEqual([inst.db].filter(existsSync));
  });
});
