import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { crc32, inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { lit } from "../pipeline/db/connection.js";
import { formatNumber, xlsxToCsv } from "../pipeline/ingest/xlsx.js";
import { useScratch } from "./helpers/scratch.js";

const scratch = useScratch("xlsx", { db: { threads: 1 } });
const path = (ext = "xlsx") => scratch.path("w", ext);

/** Reads the converted CSV with DuckDB, as staging does. */
async function readCsv(csv: string): Promise<Record<string, string | null>[]> {
  return scratch.db.all(`SELECT * FROM read_csv(${lit(csv)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"')`);
}

async function convert(workbook: ExcelJS.Workbook | Buffer, options?: Parameters<typeof xlsxToCsv>[2]) {
  const src = path();
  if (Buffer.isBuffer(workbook)) writeFileSync(src, workbook);
  else await workbook.xlsx.writeFile(src);
  const dest = path("csv");
  return { result: await xlsxToCsv(src, dest, options), dest, src };
}

// A small zip reader/writer, to make workbooks that exceljs' writer does not: other sheet orders,
// inline strings, absolute part names, missing parts. Entries are stored uncompressed.
function unzip(buf: Buffer): Map<string, Buffer | string> {
  const out = new Map<string, Buffer | string>();
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  for (let p = buf.readUInt32LE(eocd + 16); buf.readUInt32LE(p) === 0x02014b50; ) {
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLength);
    const offset = buf.readUInt32LE(p + 42);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = buf.subarray(start, start + buf.readUInt32LE(p + 20));
    out.set(name, buf.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

/** The fields a local header (from byte 4) and a central directory header (from byte 6) share:
 *  version needed, CRC-32, compressed and uncompressed size (the same: stored), name length. */
function entryFields(header: Buffer, at: number, data: Buffer, nameLength: number): Buffer {
  header.writeUInt16LE(20, at);
  header.writeUInt32LE(crc32(data), at + 10);
  header.writeUInt32LE(data.length, at + 14);
  header.writeUInt32LE(data.length, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
  return header;
}

function zip(entries: Map<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const n = Buffer.from(name);
    const local = entryFields(Buffer.alloc(30), 4, data, n.length);
    local.writeUInt32LE(0x04034b50, 0);
    const central = entryFields(Buffer.alloc(46), 6, data, n.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** The workbook of the brief: dates, decimals, shared strings, formulas, an empty middle row,
 *  Swedish characters, and a second worksheet that must be ignored. */
function extract(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bistånd");
  ws.addRow(["municipality", " Month ", "start_date", "amount_sek", "name", "born_abroad", "calc", "note"]);
  ws.addRow(["0181", utc(2024, 3, 1), utc(2024, 1, 15), 1234.5, "Åsa Öberg", true, { formula: "D2*2", result: 2469 }, 'say "hi", then\nleave']);
  ws.addRow(["0181", utc(2024, 12, 1), utc(1999, 12, 31), 0.1 + 0.2, "Ängla Ål", false, { formula: "C3", result: utc(2024, 2, 29) }, "x"]);
  ws.addRow([]);
  ws.addRow(["0181", "2024-05", null, 1e6, { richText: [{ text: " Örjan " }, { font: { bold: true }, text: "Ek " }] }, 1, { formula: "E5", result: "Örjan Ek" }, null]);
  ws.addRow(["0182", utc(2023, 1, 31), utc(2023, 1, 1), 198503121234, "é € ü", 0, { formula: "1/0", result: { error: "#DIV/0!" } }, null]);
  ws.getCell("G3").numFmt = "yyyy-mm-dd";
  ws.getCell("B2").numFmt = "yyyy-mm";
  ws.getCell("I6").value = "stray note";
  const other = wb.addWorksheet("Anteckningar");
  other.addRow(["ignored", "sheet"]);
  other.addRow(["1", "2"]);
  return wb;
}

describe("xlsxToCsv", () => {
  it("writes the first worksheet as CSV with a __line column, values as the brief says", async () => {
    const { result, dest } = await convert(extract());
    expect(result).toEqual({
      ok: true,
      header: ["municipality", "Month", "start_date", "amount_sek", "name", "born_abroad", "calc", "note"],
      rows: 4,
      ignoredCells: 1,
      firstIgnoredRow: 6
    });
    const rows = await readCsv(dest);
    expect(rows).toEqual([
      { municipality: "0181", Month: "2024-03", start_date: "2024-01-15", amount_sek: "1234.5", name: "Åsa Öberg", born_abroad: "1", calc: "2469", note: 'say "hi", then\nleave', __line: "2" },
      { municipality: "0181", Month: "2024-12", start_date: "1999-12-31", amount_sek: "0.3", name: "Ängla Ål", born_abroad: "0", calc: "2024-02-29", note: "x", __line: "3" },
      { municipality: "0181", Month: "2024-05", start_date: null, amount_sek: "1000000", name: "Örjan Ek", born_abroad: "1", calc: "Örjan Ek", note: null, __line: "5" },
      { municipality: "0182", Month: "2023-01", start_date: "2023-01-01", amount_sek: "198503121234", name: "é € ü", born_abroad: "0", calc: "#FORMELFEL", note: null, __line: "6" }
    ]);
    const text = readFileSync(dest, "utf8");
    expect(text.startsWith("municipality,Month,start_date,amount_sek,name,born_abroad,calc,note,__line\n")).toBe(true);
    expect(text).not.toContain("Anteckningar");
    expect(text).not.toContain("ignored");
  });

  it("formats dates as months or dates by the caller's rule", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("A");
    ws.addRow(["Period", "Utbetald"]);
    ws.addRow([utc(2024, 7, 1), utc(2024, 7, 25)]);
    const { result, dest } = await convert(wb, { dateStyle: (h) => (h === "Period" ? "month" : "date") });
    expect(result.ok).toBe(true);
    expect(await readCsv(dest)).toEqual([{ Period: "2024-07", Utbetald: "2024-07-25", __line: "2" }]);
  });

  it("reads dates of a workbook in the 1904 date system", async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet("A");
    ws.addRow(["month", "start_date"]);
    ws.addRow([utc(2024, 2, 1), utc(2024, 2, 29)]);
    const { result, dest } = await convert(wb);
    expect(result.ok).toBe(true);
    expect(await readCsv(dest)).toEqual([{ month: "2024-02", start_date: "2024-02-29", __line: "2" }]);
  });

  it("takes the first worksheet in tab order, not in file order", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["note", "text"]);
    const data = wb.addWorksheet("Data");
    data.addRow(["municipality", "month"]);
    data.addRow(["0181", "2024-01"]);
    const parts = unzip(await bytesOf(wb));
    // Move the Data sheet (xl/worksheets/sheet2.xml) before Notes in the workbook's sheet list.
    const book = parts.get("xl/workbook.xml")!.toString("utf8");
    const sheets = book.match(/<sheet [^>]*\/>/g)!;
    expect(sheets).toHaveLength(2);
    parts.set("xl/workbook.xml", Buffer.from(book.replace(sheets[0] + sheets[1], sheets[1] + sheets[0])));
    const { result, dest } = await convert(zip(parts));
    expect(result).toMatchObject({ ok: true, header: ["municipality", "month"], rows: 1 });
    expect(await readCsv(dest)).toEqual([{ municipality: "0181", month: "2024-01", __line: "2" }]);
  });

  it("reads inline strings and absolute part names (as other writers make them)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("A").addRow(["x"]);
    const parts = unzip(await bytesOf(wb));
    parts.set(
      "xl/worksheets/sheet1.xml",
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        '<row r="1"><c r="A1" t="inlineStr"><is><t>municipality</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>0181</t></is></c><c r="B3" t="inlineStr"><is><t>Åsa &amp; Öberg</t></is></c></row>' +
        "</sheetData></worksheet>"
    );
    parts.delete("xl/sharedStrings.xml");
    // An absolute target, and a part name that is not sheetN.xml.
    parts.set("xl/worksheets/data.xml", parts.get("xl/worksheets/sheet1.xml")!);
    parts.delete("xl/worksheets/sheet1.xml");
    const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString();
    parts.set("xl/_rels/workbook.xml.rels", rels.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/data.xml"'));
    expect(parts.get("xl/_rels/workbook.xml.rels")!.toString()).toContain('Target="/xl/worksheets/data.xml"');
    const { result, dest } = await convert(zip(parts));
    expect(result).toMatchObject({ ok: true, header: ["municipality", "name"], rows: 1 });
    expect(await readCsv(dest)).toEqual([{ municipality: "0181", name: "Åsa & Öberg", __line: "3" }]);
  });

  it("reads the parts in any zip order (the workbook part last, shared strings first)", async () => {
    const parts = unzip(await bytesOf(extract()));
    const order = ["xl/sharedStrings.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet1.xml", "xl/styles.xml"];
    const reordered = new Map<string, Buffer | string>(order.map((n) => [n, parts.get(n)!]));
    for (const [name, data] of parts) if (!reordered.has(name) && name !== "xl/workbook.xml") reordered.set(name, data);
    reordered.set("xl/workbook.xml", parts.get("xl/workbook.xml")!);
    const { result, dest } = await convert(zip(reordered));
    expect(result).toMatchObject({ ok: true, rows: 4 });
    expect((await readCsv(dest)).map((r) => [r.Month, r.calc, r.__line])).toEqual([
      ["2024-03", "2469", "2"],
      ["2024-12", "2024-02-29", "3"],
      ["2024-05", "Örjan Ek", "5"],
      ["2023-01", "#FORMELFEL", "6"]
    ]);
  });

  it("streams a large worksheet", async () => {
    const src = path();
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: src, useSharedStrings: true });
    const ws = writer.addWorksheet("Data");
    ws.addRow(["municipality", "month", "amount_sek"]).commit();
    for (let i = 0; i < 50_000; i++) ws.addRow(["0181", utc(2024, (i % 12) + 1, 1), i + 0.25]).commit();
    ws.commit();
    await writer.commit();
    const dest = path("csv");
    const result = await xlsxToCsv(src, dest);
    expect(result).toMatchObject({ ok: true, rows: 50_000 });
    const [summary] = await scratch.db.all<{ n: number; last: string; months: number }>(
      `SELECT count(*) AS n, max(__line::INTEGER)::VARCHAR AS last, count(DISTINCT month) AS months FROM read_csv(${lit(dest)}, all_varchar = true, header = true)`
    );
    expect(summary).toEqual({ n: 50_000, last: "50001", months: 12 });
  });
});

describe("xlsxToCsv rejects what it cannot read, in Swedish, without throwing", () => {
  it.each([
    ["a truncated upload", async () => (await bytesOf(extract())).subarray(0, 4000)],
    ["a text file renamed .xlsx", async () => Buffer.from("municipality;month\n0181;2024-01\n")],
    ["an empty file", async () => Buffer.alloc(0)],
    ["an old .xls (OLE2) file", async () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])],
    ["a zip that is not a workbook", async () => zip(new Map<string, Buffer | string>([["readme.txt", "hej"]]))],
    [
      "a workbook whose worksheet data is garbled",
      async () => {
        const buf = await bytesOf(extract());
        const parts = unzip(buf);
        const sheet = parts.get("xl/worksheets/sheet1.xml")!;
        // Keep the zip intact (the central directory is right) but break the deflated sheet stream.
        const raw = Buffer.from(buf);
        const at = raw.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) + 30;
        for (let i = at; i < at + 200; i++) raw[i] ^= 0x5a;
        expect(sheet.length).toBeGreaterThan(200);
        return raw;
      }
    ]
  ])("%s → corrupt_xlsx", async (_, make) => {
    const { result, dest } = await convert(await make());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("corrupt_xlsx");
    expect(result.message).toMatch(/Excel-arbetsbok/);
    expect(existsSync(dest)).toBe(false);
  }, 15_000); // a hang (the garbled case once was one) fails fast

  it("reports no_worksheet for a workbook without one", async () => {
    const parts = unzip(await bytesOf(extract()));
    const book = parts.get("xl/workbook.xml")!.toString("utf8");
    parts.set("xl/workbook.xml", Buffer.from(book.replace(/<sheets>.*<\/sheets>/s, "<sheets/>")));
    for (const name of [...parts.keys()]) if (name.startsWith("xl/worksheets/")) parts.delete(name);
    const { result } = await convert(zip(parts));
    expect(result).toMatchObject({ ok: false, code: "no_worksheet" });
  });

  it("reports an empty first worksheet, a missing header row and a repeated column", async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Tomt");
    empty.addWorksheet("Data").addRow(["municipality", "month"]);
    expect((await convert(empty)).result).toMatchObject({ ok: false, code: "empty_file" });

    const noHeader = new ExcelJS.Workbook();
    const ws = noHeader.addWorksheet("Data");
    ws.getCell("A2").value = "municipality";
    expect((await convert(noHeader)).result).toMatchObject({ ok: false, code: "no_header" });

    // a name twice or a column without a name is the layout's to judge (pipeline/ingest/layout.ts): converted as is
    const repeated = new ExcelJS.Workbook();
    const sheet = repeated.addWorksheet("Data");
    sheet.addRow(["month", "", "gender", " Month"]);
    sheet.addRow(["2024-01", "x", "K", "2024-02"]);
    const r = (await convert(repeated)).result;
    expect(r).toMatchObject({ ok: true, header: ["month", "", "gender", "Month"] });
  });
});

describe("formatNumber", () => {
  it("writes numbers with a decimal point, no grouping and no exponent", () => {
    expect(formatNumber(1234.5)).toBe("1234.5");
    expect(formatNumber(0.1 + 0.2)).toBe("0.3");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(198503121234)).toBe("198503121234");
    expect(formatNumber(1e-7)).toBe("0.0000001");
    expect(formatNumber(12345678.901)).toBe("12345678.901");
  });
});
