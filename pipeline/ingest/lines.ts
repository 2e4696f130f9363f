// Record and reader line numbers → physical line numbers. DuckDB's CSV reader skips blank lines and
// reads a quoted multi-line field as one record, so the order of its rows numbers records, not lines,
// and its reject tables count line ends outside quoted fields; findings must name physical lines
// (contract §4: the header is line 1). Only files with quotes or blank lines need this. The same walk
// finds where a file's first structural errors end, so the reader is given no more than those.
import { createReadStream } from "node:fs";
import type { Delimiter } from "./dialect.js";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;

interface Walker {
  /** a record begins (index: -1 the header, 0 the first data record) on physical line `line` */
  record?(index: number, line: number): boolean | void;
  /** a line end outside quoted fields: the reader's line `logical` ends, physical line `line` follows */
  lineEnd?(logical: number, line: number): boolean | void;
  /** a record ended (at its line end, or the end of the file): its fields, whether text follows a
   *  closing quote (the reader's UNQUOTED VALUE), and the byte offsets of its start and end (after its
   *  line end) */
  recordEnd?(index: number, r: { fields: number; stray: boolean; start: number; end: number }): boolean | void;
}

/**
 * Streams a CSV the way DuckDB's reader (1.5, strict mode) tokenises it: a quote opens a field where
 * a field starts or after one space there; inside, a quote closes it and a quote right after a
 * closing one is an escaped quote. The walker returns true to stop. Returns whether a quote is still
 * open at the end, and the line where it opened.
 */
async function walk(path: string, delimiter: Delimiter, w: Walker): Promise<{ openQuote: number | null; records: number }> {
  const delim = delimiter.charCodeAt(0);
  let line = 1;
  let logical = 1;
  let record = -2; // -1 is the header
  let inRecord = false;
  let inQuote = false;
  let justClosed = false;
  let lead = 0; // spaces so far in this field; -1 once anything else came
  let quoteLine = 0;
  let first = true;
  // for recordEnd: the record's fields, where it started, whether a quote closed in this field and
  // text other than spaces followed it
  let fields = 1;
  let recordStart = 0;
  let closed = false;
  let stray = false;
  let base = 0; // offset of the chunk in the file
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let i = 0;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3; // a UTF-8 BOM is not content
      }
      for (const n = chunk.length; i < n; i++) {
        const b = chunk[i];
        if (inQuote) {
          if (b === QUOTE) {
            inQuote = false;
            justClosed = true;
            closed = true;
          } else if (b === LF) line++;
          continue;
        }
        if (b === LF) {
          if (inRecord && w.recordEnd?.(record, { fields, stray, start: recordStart, end: base + i + 1 })) return { openQuote: null, records: record + 1 };
          inRecord = false;
          lead = 0;
          justClosed = false;
          line++;
          logical++;
          if (w.lineEnd?.(logical, line)) return { openQuote: null, records: record + 1 };
          continue;
        }
        if (b === CR) continue; // part of CRLF (inspect rejects a lone CR outside quotes)
        if (!inRecord) {
          inRecord = true;
          record++;
          fields = 1;
          recordStart = base + i;
          closed = false;
          stray = false;
          if (w.record?.(record, line)) return { openQuote: null, records: record + 1 };
        }
        if (b === QUOTE && (lead === 0 || lead === 1 || justClosed)) {
          if (!justClosed) quoteLine = line;
          inQuote = true;
          lead = -1;
          justClosed = false;
          continue;
        }
        justClosed = false;
        if (b === delim) {
          lead = 0;
          fields++;
          closed = false;
        } else {
          if (closed && b !== SPACE) stray = true;
          if (b === SPACE && lead >= 0) lead++;
          else lead = -1;
        }
      }
      base += chunk.length;
    }
  } finally {
    stream.destroy();
  }
  if (inRecord) w.recordEnd?.(record, { fields, stray: stray || inQuote, start: recordStart, end: base });
  return { openQuote: inQuote ? quoteLine : null, records: record + 1 };
}

/** Physical line numbers (header = line 1) of data records (0-based, header excluded), counting records the
 *  way DuckDB's CSV reader does: blank lines are skipped, a quoted field may span lines. Stops once every
 *  asked-for record is found. Records after an unterminated quote map to the line where that quote
 *  opened (the reader swallows the rest of the file into it); records beyond the end are absent. */
export async function recordLines(path: string, delimiter: Delimiter, records: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  const wanted = new Set(records);
  if (wanted.size === 0) return result;
  const end = await walk(path, delimiter, {
    record(index, line) {
      if (wanted.has(index)) result.set(index, line);
      return result.size === wanted.size;
    }
  });
  if (end.openQuote !== null) for (const r of wanted) if (r >= end.records - 1 && !result.has(r)) result.set(r, end.openQuote);
  return result;
}

/** DuckDB's reject line numbers → physical lines: the reader numbers lines by the line ends outside
 *  quoted fields (blank lines count, a line end inside a quoted field does not), so a structural error
 *  after a quoted multi-line field is reported too early. */
export async function readerLines(path: string, delimiter: Delimiter, lines: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  const wanted = new Set(lines);
  if (wanted.has(1)) result.set(1, 1);
  if (result.size === wanted.size) return result;
  await walk(path, delimiter, {
    lineEnd(logical, line) {
      if (wanted.has(logical)) result.set(logical, line);
      return result.size === wanted.size;
    }
  });
  return result;
}

/** What the reader may be given of a file with structural errors (see structuralCut). */
export interface RejectBudget {
  /** records with an error (the lines shown) */
  readonly records: number;
  /** rejects the reader makes of them: one per missing column, else one */
  readonly rejects: number;
  /** rejects times the bytes of their records (the reader copies the record into each) */
  readonly bytes: number;
}

/** A record longer than this is rejected by the reader (DuckDB's max_line_size, 2 MiB). */
const readerLineLimit = 2 * 1024 * 1024;

/**
 * Where to cut a file with structural errors so that the reader, given only what comes before the cut,
 * meets its first errors and no more: the byte offset after the record with which the errors reach
 * the budget, or null when the whole file is within it. The reader keeps every reject it makes, and
 * makes one per missing column of a short line, each with a copy of the line: a file wrong on every
 * line is read for its first errors, never whole. An error is a record with another number of fields
 * than the header's (`width`), text after a closing quote, or a record over the reader's line limit.
 */
export async function structuralCut(path: string, delimiter: Delimiter, width: number, budget: RejectBudget): Promise<number | null> {
  let records = 0;
  let rejects = 0;
  let bytes = 0;
  let cut: number | null = null;
  await walk(path, delimiter, {
    recordEnd(index, r) {
      if (index < 0 || (r.fields === width && !r.stray && r.end - r.start <= readerLineLimit)) return false;
      const n = r.fields < width ? width - r.fields : 1;
      records++;
      rejects += n;
      bytes += n * (r.end - r.start);
      if (records < budget.records && rejects < budget.rejects && bytes < budget.bytes) return false;
      cut = r.end;
      return true;
    }
  });
  return cut;
}
