// User-survey files (contract §2, §15) through `kas run`, `kas validate`, `kas status` and `kas rebuild`
// on real folders: one row per respondent and question, gender mapped like every gender column, a
// respondent number that passes as an identity number rejected without ever being shown or stored,
// the municipality folder as a boundary, and a newer file replacing the years it contains.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeFodselsnummer, makePersonnummer } from "../pipeline/contract/identity.js";
import { filesUnder, freshInstalls, type Install, kas, query, runKas, writeInbox } from "./helpers/kas.js";

const fresh = freshInstalls("survey");

const T0 = new Date("2025-06-01T12:00:00Z").getTime();
const header = "municipality;year;respondent;gender;question;answer";

interface SurveyRow {
  year: number;
  /** the keyed pseudonym, as a letter per distinct respondent in order of first appearance */
  respondent: string;
  gender: string | null;
  question: string;
  answer: number | null;
  file: string;
  line: number;
}
const survey = async (i: Install, m: string): Promise<SurveyRow[]> => {
  const rows = await query<SurveyRow & { key: string }>(
    i.db,
    `SELECT s.year, s.respondent::VARCHAR AS key, s.gender, s.question, s.answer, f.name AS file, s.line FROM survey s JOIN files f USING (file_id)
     WHERE s.municipality = '${m}' ORDER BY f.seq, s.line`
  );
  const letters = new Map<string, string>();
  return rows.map(({ key, ...r }) => ({ ...r, respondent: letters.get(key) ?? (letters.set(key, String.fromCharCode(97 + letters.size)), letters.get(key)!) }));
};

describe("a survey file in a municipality's folder", () => {
  const i = fresh("load");
  let r1: Awaited<ReturnType<typeof runKas>>;
  let r2: Awaited<ReturnType<typeof runKas>>;
  let after1: SurveyRow[];
  const first = [
    header,
    "0128;2023;r1;K;contact;5",
    "0128;2023;r1;K;respect;6",
    "0128;2024;r1;M;contact;", // "vet ej": no answer
    "0128;2024;r2;;contact;2", // gender not said
    "0128;2024;r2;;overall_help;4",
    ""
  ].join("\n");
  // numeric-codes (schemas/profiles/numeric-codes.json) maps gender 1/2 for 0192
  const numeric = ["municipality,year,respondent,gender,question,answer", "0192,2024,7,1,influence,3", "0192,2024,8,2,influence,6", ""].join("\n");
  const newer = [header, "0128;2024;r9;K;situation_improved;1", ""].join("\n");

  beforeAll(async () => {
    writeInbox(i.inbox, { "0128/enkät-2023-2024.csv": first, "0192/enkat.csv": numeric }, { "0128/enkät-2023-2024.csv": T0, "0192/enkat.csv": T0 });
    r1 = await runKas(i);
    after1 = await survey(i, "0128");
    writeInbox(i.inbox, { "0128/enkät-2024-ny.csv": newer }, { "0128/enkät-2024-ny.csv": T0 + 1000 });
    r2 = await runKas(i);
  }, 60_000);

  it("is loaded row by row: empty answers and genders as NULL, gender mapped through the municipality's profile", async () => {
    expect(r1.code).toBe(0);
    expect(r1.summary!.rows).toEqual({ bistand: 0, insats: 0, survey: 7 });
    // the published run.json does not count a run's answers (survey.html withholds small counts of respondents)
    expect(JSON.parse(readFileSync(join(i.site, "run.json"), "utf8")).rows).toEqual({ bistand: 0, insats: 0 });
    // first seen together with the same modification time: in name order ("enkat" before "enkät")
    expect(r1.summary!.files.accepted.map((f) => [f.file, f.kind, f.rowsLoaded, f.findings.length])).toEqual([
      ["0192/enkat.csv", "survey", 2, 0],
      ["0128/enkät-2023-2024.csv", "survey", 5, 0]
    ]);
    expect(await survey(i, "0192")).toEqual([
      { year: 2024, respondent: "a", gender: "K", question: "influence", answer: 3, file: "enkat.csv", line: 2 },
      { year: 2024, respondent: "b", gender: "M", question: "influence", answer: 6, file: "enkat.csv", line: 3 }
    ]);
    // r1 of 2023 (two rows) is one respondent, r1 of 2024 another (the key is per municipality and year), r2 a third
    expect(after1.map((x) => [x.year, x.respondent, x.gender, x.question, x.answer, x.line])).toEqual([
      [2023, "a", "K", "contact", 5, 2],
      [2023, "a", "K", "respect", 6, 3],
      [2024, "b", "M", "contact", null, 4],
      [2024, "c", null, "contact", 2, 5],
      [2024, "c", null, "overall_help", 4, 6]
    ]);
    // the respondent number is kept only as a keyed pseudonym
    expect(await query(i.db, "SELECT DISTINCT typeof(year) AS y, typeof(respondent) AS r, typeof(answer) AS a FROM survey")).toEqual([{ y: "SMALLINT", r: "UBIGINT", a: "TINYINT" }]);
  });

  it("a newer file replaces the municipality's survey rows of the years it contains, and says so", async () => {
    expect(r2.code).toBe(0);
    expect(r2.summary!.files.accepted).toEqual([
      expect.objectContaining({ file: "0128/enkät-2024-ny.csv", rowsLoaded: 1, replaced: [{ file: "enkät-2023-2024.csv", kind: "survey", months: [], years: ["2024"], rows: 3 }] })
    ]);
    expect(await survey(i, "0128")).toEqual([
      { year: 2023, respondent: "a", gender: "K", question: "contact", answer: 5, file: "enkät-2023-2024.csv", line: 2 },
      { year: 2023, respondent: "a", gender: "K", question: "respect", answer: 6, file: "enkät-2023-2024.csv", line: 3 },
      { year: 2024, respondent: "b", gender: "K", question: "situation_improved", answer: 1, file: "enkät-2024-ny.csv", line: 2 }
    ]);
    expect(await query(i.db, `SELECT municipality, kind, "month", "year", rows_removed FROM replacements`)).toEqual([
      { municipality: "0128", kind: "survey", month: null, year: 2024, rows_removed: 3 }
    ]);
    // 0192 is untouched by 0128's file
    expect((await survey(i, "0192")).length).toBe(2);
  });

  it("kas status lists the survey per municipality, with its years and files", async () => {
    const s = JSON.parse((await kas(["status", "--db", i.db, "--json"])).stdout) as {
      municipalities: { municipality: string; kinds: { kind: string; rows: number; years?: string[]; files: { name: string; rows: number }[] }[] }[];
    };
    const m0128 = s.municipalities.find((m) => m.municipality === "0128")!;
    expect(m0128.kinds).toEqual([
      expect.objectContaining({
        kind: "survey", rows: 3, months: [], years: ["2023", "2024"], from: "2023", to: "2024",
        files: [expect.objectContaining({ name: "enkät-2023-2024.csv", rows: 2 }), expect.objectContaining({ name: "enkät-2024-ny.csv", rows: 1 })]
      })
    ]);
  });

  it("kas rebuild gives the same survey table from the archive", async () => {
    const before = await query(i.db, "SELECT * FROM survey ORDER BY ALL");
    expect((await kas(["rebuild", "--db", i.db, "--out", i.site, "--json"])).code).toBe(0);
    expect(await query(i.db, "SELECT * FROM survey ORDER BY ALL")).toEqual(before);
  });
});

describe("files of one run replace in the order first seen: modification time, then name", () => {
  it("the newer file's year wins; the older one's rows are recorded as replaced", async () => {
    const i = fresh("order");
    writeInbox(
      i.inbox,
      { "0128/b.csv": [header, "0128;2025;1;K;contact;5", "0128;2025;2;M;contact;4", ""].join("\n"), "0128/a.csv": [header, "0128;2025;3;K;contact;3", ""].join("\n") },
      { "0128/b.csv": T0, "0128/a.csv": T0 + 1000 }
    );
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect((await survey(i, "0128")).map((x) => [x.line, x.file])).toEqual([[2, "a.csv"]]);
    expect(r.summary!.files.accepted.find((f) => f.file === "0128/a.csv")!.replaced).toEqual([{ file: "b.csv", kind: "survey", months: [], years: ["2025"], rows: 2 }]);
    expect(r.summary!.files.accepted.find((f) => f.file === "0128/b.csv")!.rowsLoaded).toBe(0);
  });
});

describe("survey rows that break the rules", () => {
  const i = fresh("bad");
  const ids = {
    se12: makePersonnummer({ year: 1980, month: 1, day: 1 }, 123),
    se10: makePersonnummer({ year: 1985, month: 7, day: 14 }, 456).slice(2).replace(/^(\d{6})/, "$1-"),
    samordning: makePersonnummer({ year: 1990, month: 2, day: 3 }, 789, true),
    no: makeFodselsnummer({ year: 1975, month: 5, day: 17 }, 321)!,
    dnumber: makeFodselsnummer({ year: 1982, month: 11, day: 2 }, 654, true)!
  };
  const wrongCheck = `${ids.se12.slice(0, 11)}${(Number(ids.se12[11]) + 1) % 10}`;
  const bad = [
    header,
    `0128;2024;${ids.se12};K;contact;5`, // 2
    `0128;2024;${ids.se10};K;contact;5`, // 3
    `0128;2024;${ids.samordning};M;contact;5`, // 4
    `0128;2024;${ids.no};M;contact;5`, // 5
    `0128;2024;${ids.dnumber};M;contact;5`, // 6
    "0128;2024;5;K;respect;4", // 7
    "0128;2024;5;K;respect;3", // 8: respondent 5 answered respect on line 7
    "0128;2024;6;K;respect;7", // 9: answers are 1-6
    "0128;2024;7;K;respect;0", // 10
    "0128;2024;8;X;respect;2", // 11: gender K or M
    "0128;2024;9;K;kontakt;2", // 12: no such question
    "0128;2024;;K;respect;2", // 13: no respondent
    "0128;2023;5;K;respect;4", // 14: respondent 5 again, but another year: no duplicate
    `0128;2024;${wrongCheck};K;influence;3`, // 15: a wrong check digit: no identity number, and no error
    ""
  ].join("\n");
  let r: Awaited<ReturnType<typeof runKas>>;

  beforeAll(async () => {
    writeInbox(i.inbox, {
      "0128/fel.csv": bad,
      "0128/annan-kommun.csv": [header, "0128;2024;1;K;contact;5", "0138;2024;2;K;contact;5", ""].join("\n"),
      "network/enkat.csv": [header, "0128;2024;1;K;contact;5", ""].join("\n")
    });
    r = await runKas(i);
  }, 60_000);

  it("rejects the file, naming each row; an identity number as respondent is an error whose value is never shown", async () => {
    expect(r.code).toBe(1);
    const f = r.summary!.files.rejected.find((x) => x.file === "0128/fel.csv")!;
    const byLine = f.findings.map((x) => [x.line, x.code, x.column, x.value]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(byLine).toEqual([
      [2, "respondent_identity_number", "respondent", null],
      [3, "respondent_identity_number", "respondent", null],
      [4, "respondent_identity_number", "respondent", null],
      [5, "respondent_identity_number", "respondent", null],
      [6, "respondent_identity_number", "respondent", null],
      [8, "duplicate_survey_answer", "question", "respect"],
      [9, "invalid_integer", "answer", "7"],
      [10, "invalid_integer", "answer", "0"],
      [11, "unknown_code", "gender", "X"],
      [12, "unknown_code", "question", "kontakt"],
      [13, "missing_respondent", "respondent", null]
    ]);
    expect(f.findings.find((x) => x.code === "duplicate_survey_answer")!.message).toMatch(/rad 7 i samma fil/);
    expect(f.findings.find((x) => x.line === 12)!.message).toMatch(/contact, information, understanding, influence, respect, overall_help, situation_improved/);
    expect(await query(i.db, "SELECT count(*)::INTEGER AS n FROM survey")).toEqual([{ n: 0 }]);
  });

  it("stores, prints and quarantines no identity number but the file's own bytes", async () => {
    const numbers = Object.values(ids);
    const digits = (s: string) => s.replace(/\D/g, "");
    const texts = [
      r.stdout,
      r.log.join("\n"),
      JSON.stringify(await query(i.db, "SELECT * FROM findings")),
      ...filesUnder(join(i.state, "quarantine")).filter((p) => p.endsWith(".reason.txt")).map((p) => readFileSync(p, "utf8")),
      readFileSync(join(i.site, "quality.html"), "utf8")
    ];
    for (const text of texts) for (const n of numbers) expect(digits(text)).not.toContain(digits(n));
    // the quarantine keeps the upload byte for byte (as the archive does), with its reasons beside it
    expect(readdirSync(join(i.state, "quarantine", "0128")).filter((n) => n.endsWith("fel.csv"))).toHaveLength(1);
  });

  it("a row of another municipality rejects the whole file; a survey in network/ is rejected whole", async () => {
    const other = r.summary!.files.rejected.find((x) => x.file === "0128/annan-kommun.csv")!;
    expect(other.findings).toEqual([expect.objectContaining({ severity: "FATAL", code: "wrong_municipality", line: 3, value: "0138" })]);
    const network = r.summary!.files.rejected.find((x) => x.file === "network/enkat.csv")!;
    expect(network).toMatchObject({ kind: "survey", findings: [expect.objectContaining({ severity: "FATAL", code: "wrong_folder" })] });
  });

  it("kas validate checks a survey file alone, loose or in its folder", async () => {
    const v = await kas(["validate", join(i.inbox, "0128/fel.csv"), "--json"]);
    expect(v.code).toBe(1);
    const [file] = (JSON.parse(v.stdout) as { files: { kind: string; rows: number; findings: { code: string; line: number }[] }[] }).files;
    expect(file.kind).toBe("survey");
    expect(file.rows).toBe(14);
    expect(file.findings.filter((x) => x.code === "respondent_identity_number").map((x) => x.line)).toEqual([2, 3, 4, 5, 6]);
    for (const n of Object.values(ids)) expect(v.stdout.replace(/\D/g, "")).not.toContain(n.replace(/\D/g, ""));
    const loose = fresh("loose").root; // a folder outside any inbox
    writeInbox(loose, { "enkat.csv": [header, "0180;2024;1;;respect;", "0180;2024;1;;contact;6", ""].join("\n") });
    const ok = await kas(["validate", join(loose, "enkat.csv"), "--json"]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).files[0]).toMatchObject({ kind: "survey", valid: true, rows: 2, findings: [] });
  });
});
