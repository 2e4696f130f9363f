import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lit } from "../pipeline/db/connection.js";
import type { Delimiter } from "../pipeline/ingest/dialect.js";
import { readerLines, recordLines } from "../pipeline/ingest/lines.js";
import { testContext } from "../pipeline/system/context.js";
import { loadProfiles } from "../pipeline/contract/profile.js";
import { schema } from "../pipeline/contract/schema.js";
import { validateFiles } from "../pipeline/validate.js";
import { useScratch } from "./helpers/scratch.js";

const scratch = useScratch("lines", { db: { threads: 2 } });

function file(text: string): string {
  const path = scratch.path("f", "csv");
  writeFileSync(path, text);
  return path;
}

/** A CSV text built record by record, so the test knows on which line each record starts without
 *  parsing it: each record's `start` field is that line, written when the record is. */
class CsvBuilder {
  private text = "";
  private line = 1;
  constructor(private readonly eol: "\n" | "\r\n", private readonly delimiter: Delimiter) {}
  header(...names: string[]): this {
    return this.raw(names.join(this.delimiter) + this.eol);
  }
  /** fields are written as given (already quoted where wanted); the first field is the start line */
  record(...fields: string[]): this {
    return this.raw([String(this.line), ...fields].join(this.delimiter) + this.eol);
  }
  blank(): this {
    return this.raw(this.eol);
  }
  raw(s: string): this {
    this.text += s;
    this.line += s.split("\n").length - 1;
    return this;
  }
  toString(): string {
    return this.text;
  }
}

/** Reads the file with DuckDB as the staging step does (or as the brief's plain read_csv does) and
 *  returns each record's `start` field by rowid: the record numbers DuckDB gives. */
async function duckRecords(path: string, delimiter: Delimiter, columns: string[], staging: boolean): Promise<number[]> {
  await scratch.db.run("DROP TABLE IF EXISTS t");
  const options = staging
    ? `auto_detect = false, columns = {${columns.map((c) => `${lit(c)}: 'VARCHAR'`).join(", ")}}, strict_mode = true, null_padding = false`
    : "all_varchar = true, store_rejects = false";
  await scratch.db.run(
    `CREATE TABLE t AS SELECT * FROM read_csv(${lit(path)}, header = true, delim = ${lit(delimiter)}, quote = '"', escape = '"', ${options})`
  );
  const rows = await scratch.db.all<{ rowid: number; start: string }>("SELECT rowid, start FROM t ORDER BY rowid");
  rows.forEach((r, i) => expect(r.rowid).toBe(i));
  return rows.map((r) => Number(r.start));
}

async function expectAgreement(text: string, delimiter: Delimiter, columns: string[]): Promise<void> {
  const path = file(text);
  for (const staging of [true, false]) {
    const starts = await duckRecords(path, delimiter, columns, staging);
    const lines = await recordLines(path, delimiter, starts.map((_, i) => i));
    expect([...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l), staging ? "staging read" : "plain read").toEqual(starts);
  }
}

describe("recordLines agrees with DuckDB's record numbers", () => {
  it("for a tricky CRLF file: quoted line breaks, doubled quotes, blank lines, a space before a quote", async () => {
    const csv = new CsvBuilder("\r\n", ";")
      .header("start", "name", "note")
      .record("Åsa", '"two\r\nlines"')
      .record('"say ""hi""\nto ""all"""', "x")
      .blank()
      .blank()
      .record('""', ' "one space\r\nthen quote"')
      .record('"a;b"', '"blank line inside\r\n\r\nkept"')
      .record('mid"quote', "plain")
      .blank()
      .record("", "")
      .record("last", '"no line end"');
    await expectAgreement(csv.toString().replace(/\r\n$/, ""), ";", ["start", "name", "note"]);
  });

  it("for an LF file with tab delimiter", async () => {
    const csv = new CsvBuilder("\n", "\t").header("start", "a", "b").blank();
    for (let i = 0; i < 30; i++) {
      csv.record(i % 3 === 0 ? `"x\n${i}"` : `v${i}`, i % 5 === 0 ? '"q ""\n\n"' : "w");
      if (i % 4 === 0) csv.blank();
    }
    await expectAgreement(csv.toString(), "\t", ["start", "a", "b"]);
  });

  it("for random valid CSV (property)", async () => {
    const fieldText = fc
      .array(fc.constantFrom("a", "Ö", " ", ",", ";", "\t", '"', "\n", "\r\n", "1"), { maxLength: 8 })
      .map((parts) => parts.join(""));
    const delimiterArb = fc.constantFrom<Delimiter>(",", ";", "\t");
    const recordArb = fc.record({ fields: fc.tuple(fieldText, fieldText), blanksAfter: fc.nat(2), spaceBeforeQuote: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(delimiterArb, fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"), fc.array(recordArb, { minLength: 1, maxLength: 12 }), async (d, eol, records) => {
        const quote = (s: string, space: boolean) =>
          /[",;\t\r\n]/.test(s) || s.startsWith(" ") ? `${space ? " " : ""}"${s.replaceAll('"', '""')}"` : s;
        const csv = new CsvBuilder(eol, d).header("start", "a", "b");
        for (const r of records) {
          csv.record(...r.fields.map((f) => quote(f, r.spaceBeforeQuote)));
          for (let i = 0; i < r.blanksAfter; i++) csv.blank();
        }
        const path = file(csv.toString());
        const starts = await duckRecords(path, d, ["start", "a", "b"], true);
        expect(starts.length).toBe(records.length);
        const lines = await recordLines(path, d, starts.map((_, i) => i));
        expect(starts.map((_, i) => lines.get(i))).toEqual(starts);
      }),
      { numRuns: 60 }
    );
  }, 60_000);
});

describe("recordLines", () => {
  it("maps the records after an unterminated quote to the line where it opened, as DuckDB's reject table does", async () => {
    const text = "start,name\n2,a\n3,b\n\n5,\"open\n6,c\n7,d\n";
    const path = file(text);
    const lines = await recordLines(path, ",", [0, 1, 2, 3, 9]);
    expect(lines).toEqual(
      new Map([
        [0, 2],
        [1, 3],
        [2, 5],
        [3, 5],
        [9, 5]
      ])
    );
    await scratch.db.run(
      `CREATE OR REPLACE TABLE u AS SELECT * FROM read_csv(${lit(path)}, header = true, delim = ',', quote = '"', escape = '"',
        auto_detect = false, columns = {'start': 'VARCHAR', 'name': 'VARCHAR'}, strict_mode = true, null_padding = false,
        store_rejects = true, rejects_table = 'rj_unterminated', rejects_scan = 'rs_unterminated')`
    );
    const rejects = await scratch.db.all<{ line: number; t: string }>("SELECT line, error_type::VARCHAR AS t FROM rj_unterminated");
    expect(rejects).toEqual([{ line: 5, t: "UNQUOTED VALUE" }]);
    expect(await scratch.db.all("SELECT start FROM u ORDER BY rowid")).toEqual([{ start: "2" }, { start: "3" }]);
  });

  it("leaves out records past the end of the file", async () => {
    const lines = await recordLines(file("a,b\n1,2\n\n3,4"), ",", [1, 2, 40]);
    expect(lines).toEqual(new Map([[1, 4]]));
  });

  it("skips a UTF-8 BOM and counts CRLF lines", async () => {
    const lines = await recordLines(file("\uFEFFa;b\r\n\r\n1;2\r\n3;\"x\r\ny\"\r\n4;5\r\n"), ";", [0, 1, 2]);
    expect(lines).toEqual(
      new Map([
        [0, 3],
        [1, 4],
        [2, 6]
      ])
    );
  });

  it("returns an empty map when asked for nothing", async () => {
    expect((await recordLines(file("a,b\n1,2\n"), ",", [])).size).toBe(0);
  });

  it("finds records far into a large file and stops at the last one asked for", async () => {
    const body = Array.from({ length: 200_000 }, (_, i) => (i % 1000 === 0 ? `${i},"multi\nline"\n\n` : `${i},x\n`)).join("");
    const path = file(`n,v\n${body}`);
    const lines = await recordLines(path, ",", [0, 1, 1000, 1001, 199_999]);
    // Records 0 and 1000 take three lines each (two for the quoted value, one blank).
    expect(lines.get(0)).toBe(2);
    expect(lines.get(1)).toBe(5);
    expect(lines.get(1000)).toBe(2 + 1000 + 2);
    expect(lines.get(1001)).toBe(2 + 1000 + 2 + 3);
    expect(lines.get(199_999)).toBe(2 + 199_999 + 2 * 200);
  });
});

describe("readerLines: DuckDB's reject line numbers to physical lines", () => {
  it("adds the line ends inside quoted fields back, and keeps blank lines", async () => {
    const path = join(tmpdir(), `kas-reader-lines-${process.pid}.csv`);
    // physical lines: 1 header, 2–3 one record with a quoted line break, 4 blank, 5 and 6 records
    writeFileSync(path, 'a,b\n1,"x\ny"\n\n2,z,extra\n3\n');
    try {
      // the reader calls line 5 "4" and line 6 "5"
      expect(await readerLines(path, ",", [4, 5])).toEqual(new Map([[4, 5], [5, 6]]));
    } finally {
      rmSync(path, { force: true });
    }
  });

  it("maps one structural error per line to the right line in kas validate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kas-reader-lines-"));
    const file = join(dir, "q.csv");
    writeFileSync(file, [
      "municipality,month,person_id,household_id,gender,birth_year,reason,amount_sek",
      '0181,2024-01,aaaaaaaaaaaaaaaa,"h', '1",K,1980,,10', "",
      "0181,2024-01,bbbbbbbbbbbbbbbb,h2,K,1980,,10,EXTRA",
      "0181,2024-01,cccccccccccccccc,h3,K", ""
    ].join("\r\n"));
    try {
      const s = schema();
      const [f] = await validateFiles([file], { schema: s, profiles: loadProfiles(s), ctx: testContext() });
      expect(f.findings.filter((x) => x.severity === "ERROR").map((x) => [x.code, x.line])).toEqual([["too_many_fields", 5], ["too_few_fields", 6]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
