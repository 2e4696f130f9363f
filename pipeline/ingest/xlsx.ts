// Excel workbooks (contract §2: the first worksheet, header in its first row) become a UTF-8 CSV that
// the same DuckDB reader as every CSV upload reads. The worksheet is streamed with exceljs'
// WorkbookReader (a workbook is never loaded whole); each CSV line ends with an added `__line` column,
// the worksheet row, so findings name the row the user sees in Excel. A workbook that inflates past
// zip.ts's limits, or whose header is wider than a file may be, stops there.
import { open, rm, type FileHandle } from "node:fs/promises";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { problem } from "../contract/findings.js";
import { maxColumns } from "./layout.js";
import { corrupt, noWorksheet, Oversized, partStream, workbookParts, type WorkbookProblem } from "./zip.js";

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
  | (WorkbookProblem & { readonly line?: number | null });

export const lineColumn = "__line";

/** Written for a formula cell without a cached result. */
export const formulaError = "#FORMELFEL";

/** A column named `month` (any case) holds months; every other date cell is a date. */
export function defaultDateStyle(header: string): DateStyle {
  return header.trim().toLowerCase() === "month" ? "month" : "date";
}

/** Writes the first worksheet of src as CSV to dest; a workbook that cannot be read gives
 *  { ok: false } with a problem of the findings catalogue, never an exception (only I/O errors on dest throw). */
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
    if (error instanceof Oversized) return { ok: false, ...error.problem, line: error.row };
    return corrupt("damaged");
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
  /** the cell values indexed from 1 (sparse), made anew at every read: read it once per row */
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
      const values = row.values;
      let width = values.length - 1;
      while (width > 0 && cellText(row.getCell(width), "date", date1904).trim() === "") width--;
      if (width === 0) return noHeader();
      if (width > maxColumns) return { ok: false, ...problem("too_many_columns", { columns: width, limit: maxColumns }), line: 1 };
      header = [];
      for (let c = 1; c <= width; c++) header.push(cellText(row.getCell(c), "date", date1904).trim());
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
    const width = row.values.length;
    for (let c = header.length + 1; c < width; c++) {
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
  if (header === null) return { ok: false, ...problem("empty_file", { sheet: sheetName }) };
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

/** no_header: row 1 of the worksheet is empty */
function noHeader(): WorkbookProblem {
  return { ok: false, ...problem("no_header", { found: "blank_sheet_row" }) };
}
