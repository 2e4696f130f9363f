// Record and reader line numbers → physical line numbers. DuckDB's CSV reader skips blank lines and
// reads a quoted multi-line field as one record, so the order of its rows numbers records, not lines,
// and its reject tables count line ends outside quoted fields; findings must name physical lines
// (contract §4: the header is line 1). Only files with quotes or blank lines need this.
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
          } else if (b === LF) line++;
          continue;
        }
        if (b === LF) {
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
        if (b === delim) lead = 0;
        else if (b === SPACE && lead >= 0) lead++;
        else lead = -1;
      }
    }
  } finally {
    stream.destroy();
  }
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
