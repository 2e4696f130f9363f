// A municipality's commentary (contract §1, §14): the sections of its text (pipeline/contract/commentary.ts),
// its findings — an unknown heading and a small number are warnings, an identity number rejects the
// file — and the .md file through `kas run`, `kas validate`, `kas status` and `kas rebuild`: UTF-8
// only, archived by SHA-256, a byte-identical upload changing nothing, the newest replacing the rest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { commentaryFindings, commentarySections, smallNumbers } from "../pipeline/contract/commentary.js";
import { makeFodselsnummer, makePersonnummer } from "../pipeline/contract/identity.js";
import { schema } from "../pipeline/contract/schema.js";
import { commentaryLimit } from "../pipeline/ingest/commentary.js";
import { readManifest } from "../pipeline/ingest/archive.js";
import { filesUnder, freshInstalls, kas, query, runKas, sha256, writeInbox } from "./helpers/kas.js";

const fresh = freshInstalls("commentary");

const T0 = new Date("2025-06-01T12:00:00Z").getTime();
const s = schema();

describe("commentarySections", () => {
  it("splits the intro from the sections a `## target group` or `## target group / indicator` line starts", () => {
    const text = [
      "Om Salem.", // 1
      "", // 2
      "## unemployment", // 3
      "Fler fick jobb.", // 4
      "", // 5
      "## Unemployment / long_term_share ##", // 6: ids case-insensitively, a closing sequence is no text
      "Långa perioder.", // 7
      "## okänd", // 8: no target group: a line of the section before
      "mer text", // 9
      "### all", // 10: another level
      "```", // 11
      "## all", // 12: in a code block: text
      "```", // 13
      "##all" // 14: no space: no heading
    ].join("\r\n");
    expect(commentarySections(text, s)).toEqual({
      intro: "Om Salem.",
      sections: [
        { line: 3, targetGroup: "unemployment", indicator: null, text: "Fler fick jobb." },
        { line: 6, targetGroup: "unemployment", indicator: "long_term_share", text: "Långa perioder.\n## okänd\nmer text\n### all\n```\n## all\n```\n##all" }
      ]
    });
  });

  it("has an empty intro when the text starts with a section, and no sections without headings", () => {
    expect(commentarySections("\uFEFF## all\n\nText\n\n", s)).toEqual({ intro: "", sections: [{ line: 1, targetGroup: "all", indicator: null, text: "Text" }] });
    expect(commentarySections("Bara text.\n", s)).toEqual({ intro: "Bara text.", sections: [] });
    expect(commentarySections("", s)).toEqual({ intro: "", sections: [] });
  });
});

describe("smallNumbers: the standalone whole numbers from 1 to the threshold", () => {
  it.each<[string, string[]]>([
    ["Vi hade 2 nya ärenden och 3 avslut.", ["2", "3"]],
    ["2 personer, 4 personer, 0 personer", ["2"]],
    ["**3** deltagare; (1) av dem", ["3", "1"]],
    ["3–5 deltagare", ["3"]],
    ["Det var 3.", ["3"]],
    ["Det var 3. Nästa år fler.", ["3"]],
    // not counts: years, dates, times, decimals, thousands, ordinals, percentages, list markers, ids, addresses
    ["Under 2024 och 2025-03-05, den 5/3 och 1.3.2025 kl. 10:30", []],
    ["1,5 procent, 2.5 månader, 3 %, 2% och 1 procentenhet", []],
    ["1 500 kronor och 2 000 personer", []],
    ["den 3:e, 1:a kvartalet, the 2nd, 3. plass, 1. januar", []],
    ["1. Första punkten", []],
    ["2) Andra punkten", []],
    ["Q1 och Q3, per_1000, 3e, v2", []],
    ["Se https://example.se/rapport/2 och [länk](https://x.se/3) och <https://y.se/1>", []]
  ])("%s", (line, expected) => {
    expect(smallNumbers(line, 3)).toEqual(expected);
  });

  it("follows the threshold", () => {
    expect(smallNumbers("4 och 5 och 6 personer", 5)).toEqual(["4", "5"]);
  });
});

describe("commentaryFindings", () => {
  it("warns of an unknown heading and of each small number, at its line; the text is kept", () => {
    const f = commentaryFindings("0128/k.md", "Intro med 2 personer.\n## arbetslösa\n## unemployment / no_such\n## unemployment / recipients\n", s, 3);
    expect(f.map((x) => [x.severity, x.code, x.line, x.value])).toEqual([
      ["WARNING", "commentary_small_number", 1, "2"],
      ["WARNING", "commentary_unknown_heading", 2, "arbetslösa"],
      ["WARNING", "commentary_unknown_heading", 3, "unemployment / no_such"]
    ]);
    expect(f[1].message).toMatch(/namnger ingen målgrupp/);
    expect(f[2].message).toMatch(/ingen indikator i rapporten unemployment/);
    expect(f[0].message).toMatch(/mellan 1 och sekretessgränsen 3/);
  });

  it("rejects a valid identity number in any usual notation, without showing it", () => {
    const se = makePersonnummer({ year: 1980, month: 1, day: 1 }, 123);
    const no = makeFodselsnummer({ year: 1975, month: 5, day: 17 }, 321)!;
    const lines = [`Ärendet ${se} visar`, `Ärendet ${se.slice(2, 8)}-${se.slice(8)}.`, `Ärendet ${se.slice(2, 8)} ${se.slice(8)}.`, `Saken ${no}`, `Saken ${no.slice(0, 6)} ${no.slice(6)}`, "Telefon 08-123 456 78"];
    const f = commentaryFindings("0128/k.md", lines.join("\n"), s, 3);
    expect(f.map((x) => [x.severity, x.code, x.line, x.value])).toEqual([1, 2, 3, 4, 5].map((line) => ["ERROR", "commentary_identity_number", line, null]));
    for (const x of f) expect(x.message.replace(/\D/g, "")).not.toContain(se.slice(2));
  });
});

describe("a commentary file through kas run", () => {
  const i = fresh("run");
  const text1 = "Salem förklarar.\r\n\r\n## unemployment\r\nVi hade 2 nya handläggare.\r\n## rubrik som inte finns\r\n";
  const text2 = "\uFEFFNy text.\n\n## all / recipients\nFler mottagare.\n";
  let r1: Awaited<ReturnType<typeof runKas>>;
  let r2: Awaited<ReturnType<typeof runKas>>;

  beforeAll(async () => {
    writeInbox(i.inbox, { "0128/kommentar.md": text1 }, { "0128/kommentar.md": T0 });
    r1 = await runKas(i);
    writeInbox(i.inbox, { "0128/kommentar-2.md": text2 }, { "0128/kommentar-2.md": T0 + 1000 });
    r2 = await runKas(i);
  }, 60_000);

  it("loads the text (LF line ends), archives the bytes, and reports the warnings in the run and on quality.html", async () => {
    expect(r1.code).toBe(0);
    const f = r1.summary!.files.accepted[0];
    expect(f).toMatchObject({ file: "0128/kommentar.md", kind: "commentary", rowsRead: 5, rowsLoaded: 5 });
    expect(f.findings.map((x) => [x.code, x.line, x.value])).toEqual([
      ["commentary_small_number", 4, "2"],
      ["commentary_unknown_heading", 5, "rubrik som inte finns"]
    ]);
    expect(r1.summary!.rows).toEqual({ bistand: 0, insats: 0, commentary: 5 });
    const [entry] = readManifest(join(i.state, "archive"));
    expect(entry).toMatchObject({ name: "kommentar.md", ext: "md", municipality: "0128", sha256: sha256(text1) });
    expect(readFileSync(join(i.state, "archive", entry.sha256.slice(0, 2), `${entry.sha256}.md`), "utf8")).toBe(text1);
    // the run's published summary and quality.html's file list show the warnings
    expect(readFileSync(join(i.site, "quality.html"), "utf8")).toContain("rubrik som inte finns");
  });

  it("the newest file replaces the municipality's commentary, recorded; first_seen is when it was first seen", async () => {
    expect(r2.code).toBe(0);
    expect(r2.summary!.files.accepted[0]).toMatchObject({ file: "0128/kommentar-2.md", replaced: [{ file: "kommentar.md", kind: "commentary", months: [], rows: 1 }] });
    expect(r2.summary!.files.accepted[0].findings).toEqual([]);
    const rows = await query<{ municipality: string; name: string; text: string; same: boolean }>(
      i.db,
      "SELECT c.municipality, f.name, c.text, c.first_seen = f.first_seen AS same FROM commentary c JOIN files f USING (file_id)"
    );
    expect(rows).toEqual([{ municipality: "0128", name: "kommentar-2.md", text: "Ny text.\n\n## all / recipients\nFler mottagare.\n", same: true }]);
    expect(await query(i.db, `SELECT municipality, kind, "month", "year", rows_removed FROM replacements`)).toEqual([
      { municipality: "0128", kind: "commentary", month: null, year: null, rows_removed: 1 }
    ]);
  });

  it("a byte-identical upload again changes nothing, also under another name", async () => {
    writeInbox(i.inbox, { "0128/samma.md": text1 }, { "0128/samma.md": T0 + 2000 });
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(r.summary!.files.duplicates).toEqual(["0128/samma.md"]);
    expect(await query(i.db, "SELECT f.name FROM commentary c JOIN files f USING (file_id)")).toEqual([{ name: "kommentar-2.md" }]);
  });

  it("kas status lists the current commentary; kas rebuild gives the same commentary table", async () => {
    const status = JSON.parse((await kas(["status", "--db", i.db, "--json"])).stdout) as { municipalities: { municipality: string; kinds: object[] }[] };
    expect(status.municipalities).toEqual([
      expect.objectContaining({
        municipality: "0128",
        kinds: [expect.objectContaining({ kind: "commentary", rows: 4, months: [], from: null, to: null, files: [expect.objectContaining({ name: "kommentar-2.md", rows: 4 })] })]
      })
    ]);
    const before = await query(i.db, "SELECT * FROM commentary");
    expect((await kas(["rebuild", "--db", i.db, "--out", i.site, "--json"])).code).toBe(0);
    expect(await query(i.db, "SELECT * FROM commentary")).toEqual(before);
  });
});

describe("commentary files that are rejected", () => {
  const i = fresh("bad");
  const pnr = makePersonnummer({ year: 1980, month: 1, day: 1 }, 123);
  let r: Awaited<ReturnType<typeof runKas>>;

  beforeAll(async () => {
    writeInbox(i.inbox, {
      "0128/latin1.md": Buffer.from("Rad ett\nR\xe4d tv\xe5\n", "latin1"), // Windows-1252 å/ä on line 2
      "0138/utf16.md": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Hej", "utf16le")]),
      "0139/word.md": Buffer.from("PK\u0003\u0004\u0000\u0000rest", "latin1"),
      "0180/pnr.md": `Intro.\nÄrendet ${pnr} gick bra.\n`,
      "0181/stor.md": "a".repeat(commentaryLimit + 1),
      "network/kommentar.md": "Nätverket.\n"
    });
    r = await runKas(i);
  }, 60_000);

  it("rejects each whole, with the reason and line; stores no text of them", async () => {
    expect(r.code).toBe(1);
    const why = Object.fromEntries(r.summary!.files.rejected.map((f) => [f.file, f.findings.map((x) => [x.severity, x.code, x.line])]));
    expect(why).toEqual({
      "0128/latin1.md": [["FATAL", "commentary_not_text", 2]],
      "0138/utf16.md": [["FATAL", "commentary_not_text", 1]],
      "0139/word.md": [["FATAL", "commentary_not_text", 1]],
      "0180/pnr.md": [["ERROR", "commentary_identity_number", 2]],
      "0181/stor.md": [["FATAL", "commentary_too_large", null]],
      "network/kommentar.md": [["FATAL", "wrong_folder", null]]
    });
    expect(r.summary!.files.rejected.every((f) => f.kind === "commentary")).toBe(true);
    expect(await query(i.db, "SELECT count(*)::INTEGER AS n FROM commentary")).toEqual([{ n: 0 }]);
  });

  it("never shows the identity number: not in the run's output, the database or the quarantine's reasons", async () => {
    const reasons = filesUnder(join(i.state, "quarantine")).filter((p) => p.endsWith(".reason.txt")).map((p) => readFileSync(p, "utf8"));
    for (const text of [r.stdout, r.log.join("\n"), JSON.stringify(await query(i.db, "SELECT * FROM findings")), ...reasons]) {
      expect(text.replace(/\D/g, "")).not.toContain(pnr.slice(2));
    }
  });

  it("kas validate reads a commentary as kas run does", async () => {
    const v = await kas(["validate", join(i.inbox, "0180/pnr.md"), join(i.inbox, "network/kommentar.md"), "--json"]);
    expect(v.code).toBe(1);
    const files = (JSON.parse(v.stdout) as { files: { kind: string; valid: boolean; findings: { code: string }[] }[] }).files;
    expect(files.map((f) => [f.kind, f.valid, f.findings.map((x) => x.code)])).toEqual([
      ["commentary", false, ["commentary_identity_number"]],
      ["commentary", false, ["wrong_folder"]]
    ]);
    expect(v.stdout.replace(/\D/g, "")).not.toContain(pnr.slice(2));
  });
});
