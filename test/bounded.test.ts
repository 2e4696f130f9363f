// Bounded work per file: inputs whose cost once grew with the square of their size (a comma header over
// lines of one field — the reader rejects each line once per missing column, and every reject was
// copied again —, a header of tens of thousands of columns, a header cut at 64 KiB, a workbook that
// inflates to one cell of hundreds of megabytes) are read in time and memory that grow with the file,
// and rejected with a finding that says what is wrong. Each input is made here, as the review found it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw, crc32 } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Finding } from "../pipeline/contract/finding.js";
import { inspectFile } from "../pipeline/ingest/inspect.js";
import { maxColumns } from "../pipeline/ingest/layout.js";
import { structuralCut } from "../pipeline/ingest/lines.js";
import { xlsxToCsv } from "../pipeline/ingest/xlsx.js";
import { inflation } from "../pipeline/ingest/zip.js";
import type { ValidatedFile } from "../pipeline/validate.js";
import { bistandColumns, bistandRows, csv } from "./helpers/extract.js";
import { cleanup, install, kas, runKas, tempDir, writeInbox } from "./helpers/kas.js";
import { useScratch } from "./helpers/scratch.js";

const scratch = useScratch("bounded");

/** A comma header of the contract's bistand columns but role and born_abroad, then 20 000 lines of `0128`. */
const oneFieldLines = () => "municipality,month,person_id,household_id,gender,birth_year,reason,amount_sek\n" + "0128\n".repeat(20_000);

/** A real extract of 8 400 rows written with semicolons, under a header written with commas. */
function semicolonRows(): string {
  const lines = csv(bistandRows("0128", "2024-03", 8_400), { delimiter: ";" }).split("\n");
  lines[0] = bistandColumns.join(",");
  return lines.join("\n");
}

/** The contract's header widened to `columns` with one-letter names, over five rows of the contract's
 *  width (as the review found it) or, `padded`, of the header's. */
function wideHeader(columns: number, padded = false): string {
  const extra = columns - bistandColumns.length;
  const header = [...bistandColumns, ...Array<string>(extra).fill("x")].join(",");
  const rows = bistandRows("0128", "2024-03", 5).map((r) => bistandColumns.map((k) => r[k]).join(",") + (padded ? ",".repeat(extra) : ""));
  return `${header}\n${rows.join("\n")}\n`;
}

async function validate(name: string, content: string | Buffer): Promise<{ file: ValidatedFile; seconds: number }> {
  const path = scratch.path(name, name.endsWith(".xlsx") ? "xlsx" : "csv");
  writeFileSync(path, content);
  const started = performance.now();
  const r = await kas(["validate", path, "--json"]);
  const seconds = (performance.now() - started) / 1000;
  const files = JSON.parse(r.stdout).files as ValidatedFile[];
  expect(files).toHaveLength(1);
  return { file: files[0], seconds };
}

const codes = (findings: readonly Finding[]) => {
  const n: Record<string, number> = {};
  for (const f of findings) n[f.code] = (n[f.code] ?? 0) + 1;
  return n;
};

describe("a file wrong on every line costs no more than a good one", () => {
  it("a comma header over 20 000 lines of one field: the first 50 lines, in seconds", async () => {
    const { file, seconds } = await validate("one-field", oneFieldLines());
    expect(file.valid).toBe(false);
    expect(codes(file.findings)).toEqual({ too_few_fields: 50, checks_skipped: 1 });
    const first = file.findings[0];
    expect(first).toMatchObject({ severity: "ERROR", line: 2 });
    expect(first.message).toContain("Raden har 1 fält men rubriken har 8. Kontrollera avgränsaren (komma)");
    expect(file.findings.filter((f) => f.code === "too_few_fields").map((f) => f.line)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(seconds).toBeLessThan(10);
  });

  it("8 400 real rows written with semicolons under a comma header: the first 50 lines, in seconds", async () => {
    const { file, seconds } = await validate("semicolons", semicolonRows());
    expect(file.valid).toBe(false);
    expect(codes(file.findings)).toEqual({ too_few_fields: 50, checks_skipped: 1 });
    expect(file.findings[0].message).toContain("Raden har 1 fält men rubriken har 10. Kontrollera avgränsaren (komma)");
    expect(seconds).toBeLessThan(10);
  });

  it("kas run rejects both and loads the good file beside them, in seconds", async () => {
    const root = tempDir("bounded");
    try {
      const i = install(root);
      writeInbox(i.inbox, {
        "0128/one-field.csv": oneFieldLines(),
        "0128/semicolons.csv": semicolonRows(),
        "0180/good.csv": csv(bistandRows("0180", "2024-03", 12))
      });
      const started = performance.now();
      const r = await runKas(i);
      expect((performance.now() - started) / 1000).toBeLessThan(30);
      expect(r.code).toBe(1);
      const s = r.summary!;
      expect(s.files.accepted.map((f) => f.file)).toEqual(["0180/good.csv"]);
      expect(s.files.rejected.map((f) => [f.file, codes(f.findings)])).toEqual([
        ["0128/one-field.csv", { too_few_fields: 50, checks_skipped: 1 }],
        ["0128/semicolons.csv", { too_few_fields: 50, checks_skipped: 1 }]
      ]);
      expect(s.rows.bistand).toBe(12);
    } finally {
      cleanup(root);
    }
  });
});

describe("structuralCut: where the reader is given no more than a file's first structural errors", () => {
  const cut = (text: string, budget = { records: 2, rejects: 100, bytes: 1 << 20 }) => {
    const path = scratch.path("cut", "csv");
    writeFileSync(path, text);
    return structuralCut(path, ",", 3, budget);
  };

  it("cuts after the record with which the errors reach the budget, quoted line breaks and blank lines included", async () => {
    const head = 'a,b,c\n1,"x\ny",3\n\n';
    expect(await cut(`${head}short\n2,2,2\n4,5,6,7\n8,9,10\n`)).toBe(Buffer.byteLength(`${head}short\n2,2,2\n4,5,6,7\n`));
    // text after a closing quote is an error too (the reader's UNQUOTED VALUE); spaces are not
    expect(await cut(`${head}"x" ,1,2\n"x"y,1,2\n"x"\t,1,2\n1,2,3\n`)).toBe(Buffer.byteLength(`${head}"x" ,1,2\n"x"y,1,2\n"x"\t,1,2\n`));
  });

  it("counts a short line once per missing column, and its bytes, against the budget", async () => {
    expect(await cut("a,b,c\nx\ny\nz\n", { records: 50, rejects: 4, bytes: 1 << 20 })).toBe(Buffer.byteLength("a,b,c\nx\ny\n"));
    expect(await cut(`a,b,c\n${"x".repeat(999)}\ny\n`, { records: 50, rejects: 100, bytes: 1000 })).toBe(Buffer.byteLength("a,b,c\n") + 1000);
  });

  it("is null when the errors stay within the budget: the whole file is read", async () => {
    expect(await cut("a,b,c\n1,2,3\nshort\n4,5,6")).toBeNull();
    expect(await cut('a,b,c\n1,2,3\n4,"never closed\n5,6,7\n')).toBeNull();
  });
});

describe("a header wider than any extract is rejected before it is read", () => {
  it.each([30_000, 60_000])("%i columns: one finding on line 1, in seconds", async (columns) => {
    const { file, seconds } = await validate(`wide-${columns}`, wideHeader(columns));
    expect(file.findings).toHaveLength(1);
    expect(file.findings[0]).toMatchObject({ severity: "FATAL", code: "too_many_columns", line: 1 });
    // 60 000 one-letter names are 120 KB: the header is counted whole, not as far as the first 64 KiB
    expect(file.findings[0].message).toContain(`Rubrikraden har ${columns.toLocaleString("sv-SE")} kolumner, men ett uttag får ha högst 1\u00a0000`);
    expect(seconds).toBeLessThan(5);
  });

  it("reads a file of exactly the most columns, and rejects one more", async () => {
    expect(maxColumns).toBe(1000);
    const most = await validate("most", wideHeader(maxColumns, true));
    expect(most.file).toMatchObject({ valid: true, rows: 5 });
    expect(codes(most.file.findings)).toEqual({ extra_column: maxColumns - bistandColumns.length });
    const over = await validate("over", wideHeader(maxColumns + 1, true));
    expect(over.file.findings.map((f) => f.code)).toEqual(["too_many_columns"]);
  });

  it("a workbook header wider than that is rejected on row 1", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bistånd");
    ws.addRow([...bistandColumns, ...Array<string>(maxColumns).fill("x")]);
    ws.addRow(Object.values(bistandRows("0128", "2024-03", 1)[0]));
    const { file } = await validate("wide.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expect(file.findings).toHaveLength(1);
    expect(file.findings[0]).toMatchObject({ code: "too_many_columns", line: 1 });
    expect(file.findings[0].message).toContain("Rubrikraden har 1\u00a0010 kolumner");
  });
});

describe("a header longer than 64 KiB", () => {
  // 600 extra columns of long names before amount_sek: 71 KB of header
  const cols = bistandColumns.filter((c) => c !== "amount_sek");
  const extra = Array.from({ length: 600 }, (_, i) => `extra_column_${"x".repeat(100)}_${i + 1}`);
  const text = [
    [...cols, ...extra, "amount_sek"].join(","),
    ...bistandRows("0128", "2024-03", 5).map((r) => [...cols.map((k) => r[k]), ...extra.map(() => ""), r.amount_sek].join(","))
  ].join("\n") + "\n";

  it("is read whole: every column counted, the one after 64 KiB found", async () => {
    expect(text.indexOf("\n")).toBeGreaterThan(64 * 1024);
    const { file } = await validate("long-header", text);
    expect(file).toMatchObject({ valid: true, rows: 5 });
    expect(codes(file.findings)).toEqual({ extra_column: 600 });
  });

  it("inspection keeps the header line whole and what follows it, however the file is read", async () => {
    const path = scratch.path("long-header", "csv");
    writeFileSync(path, text);
    for (const chunkSize of [1 << 20, 1000]) {
      const r = await inspectFile(path, { chunkSize });
      expect(r.problem).toBeNull();
      expect(r.head).toBe(text); // the whole file is shorter than the header and 64 KiB
    }
  });

  it("of more than 1 MiB is still a line too long (line 1), so the head stays bounded", async () => {
    const { file } = await validate("huge-header", `${"x,".repeat(600_000)}x\n1\n`);
    expect(file.findings.map((f) => [f.code, f.line])).toEqual([["line_too_long", 1]]);
  });
});

// ---- Workbooks made byte by byte: deflated parts, as a zip bomb would be

interface Part {
  readonly name: string;
  readonly data: Buffer;
  readonly crc: number;
  readonly size: number;
}

/** A part deflated from pieces made one at a time (a part of hundreds of megabytes is never in memory). */
async function deflated(name: string, pieces: () => Iterable<Buffer | string>): Promise<Part> {
  const z = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  z.on("data", (d: Buffer) => out.push(d));
  const ended = new Promise((resolve, reject) => z.on("end", resolve).on("error", reject));
  let crc = 0;
  let size = 0;
  for (const piece of pieces()) {
    const b = Buffer.from(piece);
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await new Promise((resolve) => z.once("drain", resolve));
  }
  z.end();
  await ended;
  return { name, data: Buffer.concat(out), crc, size };
}

/** The fields a local header (from byte 4) and a central directory header (from byte 6) share:
 *  version needed, method (deflate), CRC-32, compressed and uncompressed size, name length. */
function entryFields(header: Buffer, at: number, p: Part, nameLength: number): Buffer {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(8, at + 4);
  header.writeUInt32LE(p.crc >>> 0, at + 10);
  header.writeUInt32LE(p.data.length, at + 14);
  header.writeUInt32LE(p.size >>> 0, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
  return header;
}

function zip(parts: readonly Part[]): Buffer {
  const entries: Buffer[] = [];
  const directory: Buffer[] = [];
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const offset = entries.reduce((n, b) => n + b.length, 0);
    const local = entryFields(Buffer.alloc(30), 4, p, name.length);
    local.writeUInt32LE(0x04034b50, 0);
    const central = entryFields(Buffer.alloc(46), 6, p, name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(offset, 42);
    entries.push(local, name, p.data);
    directory.push(central, name);
  }
  const cd = Buffer.concat(directory);
  const start = entries.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(start, 16);
  return Buffer.concat([...entries, cd, end]);
}

const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A workbook whose one worksheet is `sheet` (its XML in pieces). */
async function workbook(sheet: () => Iterable<Buffer | string>): Promise<Buffer> {
  return zip([
    await deflated("xl/workbook.xml", () => [`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${relNs}"><sheets><sheet name="Bistånd" sheetId="1" r:id="rId1"/></sheets></workbook>`]),
    await deflated("xl/_rels/workbook.xml.rels", () => [
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
    ]),
    await deflated("xl/worksheets/sheet1.xml", sheet)
  ]);
}

const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = `<row r="1">${bistandColumns.map((c, i) => cell(`${String.fromCharCode(65 + i)}1`, c)).join("")}</row>`;
const sheetStart = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${main}"><sheetData>${headerRow}`;
const sheetEnd = "</sheetData></worksheet>";

describe("a workbook that inflates past reason is rejected at bounded memory", () => {
  it("one cell of 300 MB in a 1 MB upload: rejected at its row, without holding the cell", async () => {
    const block = Buffer.alloc(1 << 20, "A");
    const bomb = await workbook(function* () {
      yield `${sheetStart}<row r="2"><c r="A2" t="inlineStr"><is><t>`;
      for (let i = 0; i < 300; i++) yield block;
      yield `</t></is></c></row>${sheetEnd}`;
    });
    expect(bomb.length).toBeLessThan(2 << 20);
    const rssBefore = process.resourceUsage().maxRSS;
    const { file, seconds } = await validate("bomb.xlsx", bomb);
    expect(file.findings).toHaveLength(1);
    expect(file.findings[0]).toMatchObject({ severity: "FATAL", code: "oversized_xlsx", line: 2 });
    expect(file.findings[0].message).toContain("En cell på rad 2 innehåller mer än 1 MiB text, men en cell i Excel rymmer högst 32 767 tecken");
    expect(seconds).toBeLessThan(5);
    // the process's peak memory (kB) grew by far less than the cell (exceljs made 2.4 GB of 450 MB)
    expect(process.resourceUsage().maxRSS - rssBefore).toBeLessThan(300 * 1024);
  });

  it(`rows that inflate more than ${inflation.ratio} times the upload (past ${inflation.floor >> 20} MiB): rejected before exceljs reads them all`, async () => {
    const row = Buffer.from(`<row r="2">${cell("A2", "0128")}${cell("B2", "2024-03")}</row>`);
    const rows = Buffer.concat(Array<Buffer>(1000).fill(row));
    const bomb = await workbook(function* () {
      yield sheetStart;
      for (let size = 0; size <= inflation.floor; size += rows.length) yield rows;
      yield sheetEnd;
    });
    expect(bomb.length * inflation.ratio).toBeLessThan(inflation.floor);
    const src = scratch.path("ratio", "xlsx");
    writeFileSync(src, bomb);
    const started = performance.now();
    const r = await xlsxToCsv(src, join(scratch.dir, "ratio.csv"));
    expect(r).toMatchObject({ ok: false, code: "oversized_xlsx", params: { reason: "ratio", bytes: bomb.length, ratio: inflation.ratio } });
    expect((performance.now() - started) / 1000).toBeLessThan(10);
  });

  it("a workbook within the limits reads as before", async () => {
    const ok = await workbook(function* () {
      yield sheetStart;
      for (const [n, r] of bistandRows("0128", "2024-03", 3).entries()) {
        yield `<row r="${n + 2}">${bistandColumns.map((c, i) => cell(`${String.fromCharCode(65 + i)}${n + 2}`, r[c])).join("")}</row>`;
      }
      yield sheetEnd;
    });
    const { file } = await validate("fine.xlsx", ok);
    expect(file).toMatchObject({ valid: true, rows: 3, findings: [] });
  });
});
