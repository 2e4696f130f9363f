// Record numbers → physical line numbers. DuckDB's CSV reader skips blank lines and reads a quoted
// multi-line field as one record, so the order of its rows numbers records, not lines; findings must
// name lines (contract §4: the header is line 1). Only files with quotes or blank lines need this.
import { createReadStream } from "node:fs";
import type { Delimiter } from "./dialect.js";

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const SPACE = 0x20;

/** Physical line numbers (header = line 1) of data records (0-based, header excluded), counting records the
 *  way DuckDB's CSV reader does: blank lines are skipped, a quoted field may span lines. Streams the file,
 *  and stops once every asked-for record is found. Records after an unterminated quote map to the line
 *  where that quote opened (the reader swallows the rest of the file into it); records beyond the
 *  end of the file are absent from the map. */
export async function recordLines(path: string, delimiter: Delimiter, records: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  const wanted = new Set(records);
  if (wanted.size === 0) return result;
  const delim = delimiter.charCodeAt(0);

  let line = 1;
  /** index of the current record: -1 is the header, -2 before it */
  let record = -2;
  let inRecord = false;
  let inQuote = false;
  let justClosed = false; // the previous byte closed a quote: a quote now is an escaped one
  // Characters so far in this field while they are spaces: DuckDB opens a quoted field at a quote
  // that comes first or after exactly one space (1.5, strict mode); -1 once anything else came.
  let lead = 0;
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
          continue;
        }
        if (b === CR) continue; // part of CRLF (inspect rejects a lone CR outside quotes)
        if (!inRecord) {
          inRecord = true;
          record++;
          if (wanted.has(record)) {
            result.set(record, line);
            if (result.size === wanted.size) return result;
          }
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
  if (inQuote) for (const r of wanted) if (r > record) result.set(r, quoteLine);
  return result;
}

/** DuckDB's reject line numbers → physical lines. The reader numbers lines by the line ends outside
 *  quoted fields (blank lines count, a line end inside a quoted field does not), so a structural error
 *  after a quoted multi-line field is reported too early; this counts both ways and maps one onto the
 *  other. Same quoting rules as recordLines. */
export async function readerLines(path: string, delimiter: Delimiter, lines: readonly number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  const wanted = new Set(lines);
  if (wanted.has(1)) result.set(1, 1);
  if (result.size === wanted.size) return result;
  const delim = delimiter.charCodeAt(0);
  let physical = 1;
  let logical = 1;
  let inQuote = false;
  let justClosed = false;
  let lead = 0;
  let first = true;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let i = 0;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3;
      }
      for (const n = chunk.length; i < n; i++) {
        const b = chunk[i];
        if (inQuote) {
          if (b === QUOTE) {
            inQuote = false;
            justClosed = true;
          } else if (b === LF) physical++;
          continue;
        }
        if (b === LF) {
          physical++;
          logical++;
          lead = 0;
          justClosed = false;
          if (wanted.has(logical)) {
            result.set(logical, physical);
            if (result.size === wanted.size) return result;
          }
          continue;
        }
        if (b === CR) continue;
        if (b === QUOTE && (lead === 0 || lead === 1 || justClosed)) {
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
  return result;
}
