// Excel workbooks (contract §2: the first worksheet, header in its first row) become a UTF-8 CSV that
// the same DuckDB reader as every CSV upload reads. The worksheet is streamed with exceljs'
// WorkbookReader (a workbook is never loaded whole); each CSV line ends with an added `__line` column,
// the worksheet row, so findings name the row the user sees in Excel.
import { open, rm, stat, type FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

export type DateStyle = "month" | "date";

export type XlsxResult =
  | {
      ok: true;
      /** the worksheet's header, trimmed (the CSV has `__line` after it) */
      header: string[];
      /** data rows written (entirely empty rows are skipped) */
      rows: number;
      /** cells with a value to the right of the last named column: not written */
      ignoredCells: number;
      /** the first worksheet row holding such a cell */
      firstIgnoredRow: number | null;
    }
  | { ok: false; code: string; message: string };

export const lineColumn = "__line";

/** Written for a formula cell without a cached result. */
export const formulaError = "#FORMELFEL";

/** A column named `month` (any case) holds months; every other date cell is a date. */
export function defaultDateStyle(header: string): DateStyle {
  return header.trim().toLowerCase() === "month" ? "month" : "date";
}

/** Writes the first worksheet of src as CSV to dest; a workbook that cannot be read gives
 *  { ok: false } with a Swedish message, never an exception (only I/O errors on dest throw). */
export async function xlsxToCsv(src: string, dest: string, options: { dateStyle?: (header: string) => DateStyle } = {}): Promise<XlsxResult> {
  const parts = await workbookParts(src);
  if ("code" in parts) return parts;
  const input = Readable.from(partStream(src, parts));
  // exceljs pipes its input into an unzip stream whose errors (a broken deflate stream) reach no
  // one while a worksheet is being read, and the read then waits forever. Catch the unzip stream
  // as it is piped to, and let its first error end the conversion.
  let failed: (error: unknown) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => (failed = reject));
  failure.catch(() => undefined);
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, opts?: { end?: boolean }): T => {
    destination.on("error", failed);
    return pipe(destination, opts);
  };
  input.on("error", failed);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: "emit",
    sharedStrings: "cache",
    styles: "cache", // number formats tell date cells from numbers
    hyperlinks: "ignore",
    entries: "ignore"
  }) as unknown as StreamingWorkbook;
  // Without a shared-strings part, exceljs would park the worksheet in a temporary file to wait for one.
  if (!parts.sharedStrings) reader.sharedStrings = [];
  let out: FileHandle | null = null;
  const sheets = reader[Symbol.asyncIterator]();
  try {
    const next = await Promise.race([sheets.next(), failure]);
    if (next.done) return noWorksheet();
    out = await open(dest, "w");
    const result = await Promise.race([
      convert(next.value, parts.sheetName, reader.properties?.model?.date1904 === true, out, options.dateStyle ?? defaultDateStyle),
      failure
    ]);
    await out.close();
    out = null;
    if (!result.ok) await rm(dest, { force: true });
    return result;
  } catch (error) {
    if (isSystemError(error)) throw error;
    return corrupt("innehållet är skadat");
  } finally {
    input.destroy();
    if (out) {
      await out.close().catch(() => undefined);
      await rm(dest, { force: true });
    }
  }
}

interface StreamingWorkbook extends AsyncIterable<StreamingSheet> {
  properties?: { model?: { date1904?: boolean } };
  sharedStrings?: unknown[];
}
type StreamingSheet = AsyncIterable<StreamingRow>;
interface StreamingRow {
  number: number;
  values: unknown[];
  getCell(col: number): { value: unknown; numFmt?: string };
}

async function convert(sheet: StreamingSheet, sheetName: string, date1904: boolean, out: FileHandle, dateStyle: (header: string) => DateStyle): Promise<XlsxResult> {
  let header: string[] | null = null;
  let styles: DateStyle[] = [];
  let rows = 0;
  let ignoredCells = 0;
  let firstIgnoredRow: number | null = null;
  let text = "";
  for await (const row of sheet) {
    if (header === null) {
      if (row.number !== 1) return noHeader();
      // row.values is sparse, indexed by column from 1.
      const cells = [""];
      for (let c = 1; c < row.values.length; c++) cells.push(cellText(row.getCell(c), "date", date1904).trim());
      let width = cells.length - 1;
      while (width > 0 && cells[width] === "") width--;
      if (width === 0) return noHeader();
      header = cells.slice(1, width + 1);
      styles = header.map(dateStyle);
      text += [...header, lineColumn].map(csvField).join(",") + "\n";
      continue;
    }
    const fields: string[] = [];
    let empty = true;
    for (let c = 1; c <= header.length; c++) {
      const value = cellText(row.getCell(c), styles[c - 1], date1904);
      if (value.trim() !== "") empty = false;
      fields.push(value);
    }
    for (let c = header.length + 1; c < row.values.length; c++) {
      if (cellText(row.getCell(c), "date", date1904).trim() !== "") {
        ignoredCells++;
        firstIgnoredRow ??= row.number;
      }
    }
    if (empty) continue;
    fields.push(String(row.number));
    text += fields.map(csvField).join(",") + "\n";
    rows++;
    if (text.length >= 1 << 20) {
      await out.write(text);
      text = "";
    }
  }
  if (header === null) {
    return {
      ok: false,
      code: "empty_file",
      message:
        `Det första arbetsbladet (”${sheetName}”) är tomt: rubrikrad och data saknas. Lägg uttaget i ` +
        "arbetsbokens första blad, med kolumnnamnen i rad 1, och ladda upp filen igen."
    };
  }
  await out.write(text);
  return { ok: true, header, rows, ignoredCells, firstIgnoredRow };
}

/** A cell's value as CSV text: numbers with a decimal point and no grouping, dates as YYYY-MM-DD or
 *  YYYY-MM, booleans 1/0, formulas as their cached result, rich text as plain text. */
function cellText(cell: { value: unknown; numFmt?: string }, style: DateStyle, date1904: boolean): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  if (v instanceof Date) return formatDate(v, style);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("").trim();
    if (typeof o.error === "string") return o.error;
    if ("formula" in o || "sharedFormula" in o) {
      const result = o.result;
      // No cached result: the formula's result was an error value (exceljs drops it), or the writer
      // never computed it. Either way the value is unknown, and a marker is reported downstream
      // where an empty cell would pass unnoticed.
      if (result === undefined || result === null || (typeof result === "number" && Number.isNaN(result))) return formulaError;
      // exceljs gives a formula's cached number as is, even in a date-formatted cell.
      if (typeof result === "number" && isDateFormat(cell.numFmt)) return formatDate(excelDate(result, date1904), style);
      return cellText({ value: result, numFmt: cell.numFmt }, style, date1904);
    }
    if ("text" in o) return cellText({ value: o.text }, style, date1904); // hyperlink
  }
  return "";
}

/** Up to 15 significant digits, as Excel shows them; never exponent notation. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "";
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n === 0 ? "0" : n.toFixed(0);
  const rounded = Number(n.toPrecision(15));
  const s = String(rounded);
  if (!/e/i.test(s)) return s;
  return rounded.toFixed(20).replace(/\.?0+$/, "");
}

function formatDate(d: Date, style: DateStyle): string {
  if (Number.isNaN(d.getTime())) return "";
  // exceljs makes date cells UTC midnight: the UTC calendar date is the one in the cell.
  const iso = d.toISOString();
  return style === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Excel's test: a number format with date or time letters outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhsb]/i.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === "string";
}

// ---- The zip container. Its central directory is read first: a truncated upload or another kind of
// file is told apart without parsing, and the first worksheet in the workbook's tab order is found.
// exceljs then gets a stream of just the parts it needs, in the order it needs them (workbook,
// relationships, styles, shared strings, then the worksheet): it reads parts in the order they come,
// parks worksheets that come before the shared strings in temporary files, and fails on a worksheet
// that comes before the workbook part, all of which happen in files that real writers make.

type Problem = { ok: false; code: string; message: string };

interface Part {
  /** where the part's local header starts and the part (data and any data descriptor) ends */
  readonly start: number;
  readonly end: number;
  /** the name exceljs is to see, when not the stored one */
  readonly rename?: string;
}

interface WorkbookParts {
  readonly parts: Part[];
  readonly sheetName: string;
  readonly sharedStrings: boolean;
}

async function workbookParts(src: string): Promise<WorkbookParts | Problem> {
  const size = (await stat(src)).size;
  const file = await open(src, "r");
  try {
    const read = async (position: number, length: number) => {
      const buf = Buffer.alloc(length);
      const { bytesRead } = await file.read(buf, 0, length, position);
      return buf.subarray(0, bytesRead);
    };
    const magic = await read(0, 8);
    if (magic.length < 4 || magic.readUInt32LE(0) !== 0x04034b50) {
      if (magic.length >= 4 && magic.readUInt32BE(0) === 0xd0cf11e0) {
        return corrupt(
          "den är sparad i det gamla .xls-formatet eller skyddad med lösenord",
          "Öppna den i Excel, ta bort ett eventuellt lösenord och spara den som ”Excel-arbetsbok (*.xlsx)”"
        );
      }
      return corrupt(magic.length === 0 ? "filen är tom" : "filen är ingen arbetsbok (är det en CSV- eller textfil med fel filändelse?)");
    }
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return corrupt("filen är ofullständig (slutet saknas, kanske avbröts uppladdningen)");
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdSize === 0xffffffff) return corrupt("filen är för stor (över 4 GB)");
    if (cdOffset + cdSize > size) return corrupt("filen är ofullständig (delar saknas)");
    const cd = await read(cdOffset, cdSize);
    const entries = new Map<string, { method: number; compressed: number; offset: number }>();
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
      const nameLength = cd.readUInt16LE(p + 28);
      const name = cd.toString("utf8", p + 46, p + 46 + nameLength);
      entries.set(name, { method: cd.readUInt16LE(p + 10), compressed: cd.readUInt32LE(p + 20), offset: cd.readUInt32LE(p + 42) });
      p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    const offsets = [...new Set([...entries.values()].map((e) => e.offset)), cdOffset].sort((a, b) => a - b);
    const part = (name: string, rename?: string): Part | null => {
      const e = entries.get(name);
      if (!e || e.offset >= cdOffset) return null;
      return { start: e.offset, end: offsets[offsets.indexOf(e.offset) + 1], rename };
    };
    const text = async (name: string): Promise<string | null> => {
      const e = entries.get(name);
      if (!e || e.compressed > 16 << 20) return null;
      const local = await read(e.offset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) return null;
      const data = await read(e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28), e.compressed);
      try {
        if (e.method === 0) return data.toString("utf8");
        if (e.method === 8) return inflateRawSync(data, { maxOutputLength: 64 << 20 }).toString("utf8");
      } catch {
        return null;
      }
      return null;
    };
    const workbook = await text("xl/workbook.xml");
    const rels = await text("xl/_rels/workbook.xml.rels");
    if (workbook === null || rels === null) return corrupt("arbetsbokens innehållsförteckning saknas eller är skadad");
    const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0];
    const relId = sheet && /\s(?:\w+:)?id="([^"]+)"/.exec(sheet)?.[1];
    if (!sheet || !relId) return noWorksheet();
    const sheetName = unescapeXml(/\sname="([^"]*)"/.exec(sheet)?.[1] ?? "");
    const rel = [...rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(` Id="${relId}"`));
    const target = rel && /\sTarget="([^"]+)"/.exec(rel)?.[1];
    const relType = rel && /\sType="([^"]+)"/.exec(rel)?.[1];
    if (!target || !relType?.endsWith("/worksheet")) return noWorksheet();
    const sheetPath = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    // exceljs knows worksheets only as xl/worksheets/sheetN.xml; the one it gets is named so.
    const sheetPart = part(sheetPath, "xl/worksheets/sheet1.xml");
    if (!sheetPart) return noWorksheet();
    const parts = [part("xl/workbook.xml"), part("xl/_rels/workbook.xml.rels"), part("xl/styles.xml"), part("xl/sharedStrings.xml"), sheetPart];
    return { parts: parts.filter((p): p is Part => p !== null), sheetName, sharedStrings: entries.has("xl/sharedStrings.xml") };
  } finally {
    await file.close();
  }
}

/** The parts as one zip stream (local entries only, then an end record so the reader stops cleanly). */
async function* partStream(src: string, w: WorkbookParts): AsyncGenerator<Buffer> {
  const file = await open(src, "r");
  try {
    for (const p of w.parts) {
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, p.start);
      const nameLength = header.readUInt16LE(26);
      let position = p.start + 30 + nameLength;
      if (p.rename) {
        const name = Buffer.from(p.rename);
        header.writeUInt16LE(name.length, 26);
        yield Buffer.concat([header, name]);
      } else {
        position = p.start;
      }
      for (let left = p.end - position; left > 0; ) {
        const buf = Buffer.alloc(Math.min(left, 1 << 20));
        const { bytesRead } = await file.read(buf, 0, buf.length, position);
        if (bytesRead === 0) throw new Error("unexpected end of file");
        yield buf.subarray(0, bytesRead);
        position += bytesRead;
        left -= bytesRead;
      }
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    yield end;
  } finally {
    await file.close();
  }
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
}

function corrupt(reason: string, fix = "Öppna den i Excel och spara den på nytt som ”Excel-arbetsbok (*.xlsx)”"): Problem {
  return {
    ok: false,
    code: "corrupt_xlsx",
    message:
      `Filen kan inte läsas som en Excel-arbetsbok (.xlsx): ${reason}. ${fix}, eller spara uttaget som ` +
      "”CSV UTF-8 (kommaavgränsad) (*.csv)”, och ladda upp det igen."
  };
}

function noWorksheet(): Problem {
  return {
    ok: false,
    code: "no_worksheet",
    message:
      "Arbetsboken har inget arbetsblad som kan läsas (det första bladet saknas eller är ett diagramblad). Lägg uttaget i " +
      "arbetsbokens första blad, med kolumnnamnen i rad 1, spara och ladda upp filen igen."
  };
}

function noHeader(): Problem {
  return {
    ok: false,
    code: "no_header",
    message:
      "Rad 1 i arbetsbokens första blad är tom, så rubrikraden saknas. Skriv kolumnnamnen (t.ex. municipality, month, " +
      "person_id …) i rad 1, direkt ovanför data, och ladda upp filen igen."
  };
}
