import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsvLine, sniffDialect, type Delimiter } from "../pipeline/ingest/dialect.js";

function sniffed(head: string) {
  const r = sniffDialect(head);
  if (!r.ok) throw new Error(`expected a dialect, got ${r.code}: ${r.message}`);
  return r.dialect;
}
function problem(head: string) {
  const r = sniffDialect(head);
  if (r.ok) throw new Error(`expected a problem, got ${JSON.stringify(r.dialect)}`);
  return r;
}

describe("sniffDialect", () => {
  it("finds a semicolon delimiter with decimal commas in the data (Swedish Excel)", () => {
    const d = sniffed("municipality;month;amount_sek\r\n0181;2024-01;1234,50\r\n0181;2024-02;99,5\r\n");
    expect(d).toEqual({ delimiter: ";", header: ["municipality", "month", "amount_sek"] });
  });

  it("finds comma and tab delimiters", () => {
    expect(sniffed("municipality,month\n0181,2024-01\n").delimiter).toBe(",");
    expect(sniffed("municipality\tmonth\tname\n0181\t2024-01\tÅsa, Ö\n")).toEqual({ delimiter: "\t", header: ["municipality", "month", "name"] });
  });

  it("reads a header-only head", () => {
    expect(sniffed("municipality;month;person_id")).toEqual({ delimiter: ";", header: ["municipality", "month", "person_id"] });
  });

  it("trims header fields and unquotes quoted ones, delimiters inside quotes included", () => {
    const d = sniffed(' municipality ;"amount, sek";"say ""hi""" ; month\n0181;"1,5";x;2024-01\n');
    expect(d).toEqual({ delimiter: ";", header: ["municipality", "amount, sek", 'say "hi"', "month"] });
  });

  it("lets the data lines decide when the header has two candidate delimiters", () => {
    // Two fields either way in the header; only ";" gives the data lines the same width.
    expect(sniffed("belopp (kr, netto);month\n1;2024-01\n2;2024-02\n").delimiter).toBe(";");
    expect(sniffed("a;b,c\n1;2,3\n4;5,6\n").delimiter).toBe(";");
    expect(sniffed("a;b,c\n1;2;3,4\n").delimiter).toBe(",");
  });

  it("confirms with records whose quoted fields span lines, ignoring a record cut off at the end of the head", () => {
    const head = 'a,b,c\n1,"x\ny;z;w",3\n\n4,5,6\n7,"cut; off';
    expect(sniffed(head)).toEqual({ delimiter: ",", header: ["a", "b", "c"] });
  });

  it("strips a BOM left in the text", () => {
    expect(sniffed("\uFEFFmunicipality,month\n").header).toEqual(["municipality", "month"]);
  });

  it.each([
    ["an empty head", ""],
    ["an empty first line", "\nmunicipality;month\n0181;2024-01\n"],
    ["a blank CRLF first line", "  \r\nmunicipality;month\r\n"]
  ])("reports no_header for %s", (_, head) => {
    expect(problem(head).code).toBe("no_header");
  });

  it("reports no_delimiter, naming what it saw and the accepted delimiters", () => {
    const r = problem("municipality|month|person_id\n0181|2024-01|abc\n");
    expect(r.code).toBe("no_delimiter");
    expect(r.message).toContain("municipality|month|person_id");
    expect(r.message).toContain("”|”");
    expect(r.message).toMatch(/komma \(,\), semikolon \(;\) och tabb/);
  });

  it("reports a header whose quote never closes", () => {
    const r = problem('"municipality;month;person_id\n0181;2024-01;x\n');
    expect(r.code).toBe("no_delimiter");
    expect(r.message).toContain("stängs aldrig");
  });

  it("never echoes an identity number from a first line that is data, not a header", () => {
    const r = problem("19850312-1234\n");
    expect(r.code).toBe("no_delimiter");
    expect(r.message).not.toMatch(/\d{4}/);
  });

  it("leaves a column without a name, or a name twice, to the layout (an extra column is a warning there)", () => {
    expect(sniffDialect("a;;b\n1;2;3\n")).toMatchObject({ ok: true, dialect: { delimiter: ";", header: ["a", "", "b"] } });
    expect(sniffDialect("Gender;month; gender \n1;2;3\n")).toMatchObject({ ok: true, dialect: { header: ["Gender", "month", "gender"] } });
  });

  it("finds the delimiter and header of any RFC 4180 text (property)", () => {
    const name = fc.stringMatching(/^[a-zåäö_][a-zåäö_ ,;"]{0,10}[a-zåäö_]$/);
    const value = fc.string({ maxLength: 8 });
    const quote = (s: string, _d: Delimiter) => (/[",;\t\r\n]/.test(s) || s.startsWith(" ") ? `"${s.replaceAll('"', '""')}"` : s);
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>(",", ";", "\t"),
        fc.uniqueArray(name, { minLength: 2, maxLength: 6, selector: (s) => s.toLowerCase() }),
        fc.array(fc.array(value, { minLength: 6, maxLength: 6 }), { maxLength: 5 }),
        fc.constantFrom("\n", "\r\n"),
        (d, header, rows, eol) => {
          const lines = [header, ...rows.map((r) => r.slice(0, header.length))].map((fields) => fields.map((f) => quote(f, d)).join(d));
          const r = sniffDialect(lines.join(eol) + eol);
          expect(r).toEqual({ ok: true, dialect: { delimiter: d, header } });
          for (let i = 1; i < lines.length; i++) expect(parseCsvLine(lines[i], d)).toEqual(rows[i - 1].slice(0, header.length));
        }
      ),
      { numRuns: 300 }
    );
  });
});

describe("parseCsvLine", () => {
  it("reads RFC 4180 quoting", () => {
    expect(parseCsvLine('a,"b,c","d ""e""",', ",")).toEqual(["a", "b,c", 'd "e"', ""]);
    expect(parseCsvLine(";;", ";")).toEqual(["", "", ""]);
    expect(parseCsvLine('1;"two\r\nlines";3', ";")).toEqual(["1", "two\r\nlines", "3"]);
    expect(parseCsvLine("a\tb c\t", "\t")).toEqual(["a", "b c", ""]);
  });

  it("reads quotes the way DuckDB does at the edges", () => {
    expect(parseCsvLine('1, "x"', ",")).toEqual(["1", "x"]); // one space before a quote
    expect(parseCsvLine('1,  "x"', ",")).toEqual(["1", '  "x"']); // two: the quote is text
    expect(parseCsvLine('1,x"y,2', ",")).toEqual(["1", 'x"y', "2"]); // a quote inside a value is text
    expect(parseCsvLine('"x"  ,2', ",")).toEqual(["x", "2"]); // spaces after a closing quote
    expect(parseCsvLine('1,"open', ",")).toEqual(["1", "open"]); // unterminated: to the end
    expect(parseCsvLine("", ",")).toEqual([""]);
  });
});

