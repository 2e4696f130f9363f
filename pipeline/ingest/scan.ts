// The text checks of an uploaded CSV file (contract §2), fed chunk by chunk by the one pass of
// inspect.ts: a BOM, line ends and records (a line end inside quotes is data), blank, long and padded
// lines, control bytes and NUL (binary files, UTF-16 without BOM), the encoding (encoding.ts), and the
// first 64 KiB of text for the dialect sniffer — the header line whole, however long a line may be.
// Each problem's words are in the findings catalogue.
import { problem, type Problem } from "../contract/findings.js";
import { completeEnd, decodeWindows1252, EncodingCheck, type EncodingFacts } from "./encoding.js";

/** What the text checks find. */
export interface TextScanResult {
  /** null for binary (xlsx) or rejected files */
  readonly encoding: "utf-8" | "windows-1252" | null;
  /** a UTF-8 BOM was present (it is not part of the header text) */
  readonly bom: boolean;
  /** how records end: line ends inside quoted fields are data and do not count. DuckDB's reader
   *  (strict mode) fails on a file whose records end both ways, so "mixed" comes with a problem. */
  readonly lineEnding: "LF" | "CRLF" | "mixed" | "none";
  /** number of \n bytes */
  readonly newlines: number;
  /** bytes, excluding the line ending */
  readonly longestLine: number;
  /** any '"' byte: records may span lines */
  readonly hasQuote: boolean;
  /** an empty line (nothing, or only CR, before its \n) */
  readonly hasBlankLine: boolean;
  /** records as DuckDB's reader counts them, header included: non-empty lines, a quoted line end
   *  being data (so the staged row count can be checked against the file) */
  readonly records: number;
  /** the line where a quote opens that is never closed, or null: the rest of the file is one field */
  readonly openQuoteLine: number | null;
  /** some field may start or end with a space (a space next to a delimiter, quote or line end):
   *  values are trimmed only in files that have one, which is the exception */
  readonly padded: boolean;
  /** decoded text of the first lines, BOM removed, cut at a line end when possible: at most 64 KiB, or a
   *  header line longer than that whole and 64 KiB after it; "" when problem is set */
  readonly head: string;
  /** set when the file cannot be read as text in a contract encoding */
  readonly problem: InspectProblem | null;
}

/** A problem of the catalogue (code, parameters, message) and the line it is on, or null for the whole file. */
export type InspectProblem = Problem & { readonly line: number | null };

export const headLimit = 64 * 1024;
export const maxLineBytes = 1024 * 1024;
/** The most text the head holds: a header line as long as a line may be (and its CRLF), then 64 KiB. */
const headMax = maxLineBytes + 2 + headLimit;

/** Bytes after which a field starts (indexed by byte + 1, so -1 — the start of the file — counts). */
const fieldStart = new Uint8Array(257);
for (const b of [-1, 0x2c, 0x3b, 0x09, 0x0a, 0x0d]) fieldStart[b + 1] = 1;

const edge = new Uint8Array(256);
for (const b of [0x2c, 0x3b, 0x09, 0x0a, 0x0d, 0x22]) edge[b] = 1; // , ; tab LF CR "

/** A space next to a delimiter, quote or line end, in this chunk or across its start. Clean exports
 *  have few spaces, so this is one indexOf per chunk; a text-heavy file stops at its first padded field. */
function isPadded(buf: Buffer, before: number): boolean {
  if (before === 0x20 && edge[buf[0]]) return true;
  for (let i = buf.indexOf(0x20); i !== -1; i = buf.indexOf(0x20, i + 1)) {
    if (edge[i === 0 ? before : buf[i - 1]] || (i + 1 < buf.length && edge[buf[i + 1]])) return true;
  }
  return false;
}

/** The text checks of one file, fed chunk by chunk. Offsets are counted from the start of the text
 *  (after a BOM); lines are 1-based. */
export class TextScan {
  private prefix: Buffer | null = null;
  private started = false;
  private magic = Buffer.alloc(0);
  private bom = false;
  private utf16Bom: "LE" | "BE" | null = null;

  private pos = 0;
  private lastByte = -1;
  private lastByte2 = -1;
  private newlines = 0;
  private lineStart = 0;
  private longest = 0;
  private longLine = 0;
  private crlf = 0;
  private lf = 0;
  private crBytes = 0;
  private inQuote = false;
  private quoteLine = 0;
  /** where the current record began (a line end inside quotes does not end it) */
  private recordStart = 0;
  private records = 0;
  private pendingCr = false;
  private pendingCrLine = 0;
  /** the first record's line end: true for CRLF */
  private firstEnding: boolean | null = null;
  private mixedLine = 0;
  private strayCrLine = 0;
  private blank = false;
  private padded = false;
  private hasQuote = false;
  private hasContent = false;
  /** NUL bytes: the first one's line, how many, and how many in the first 64 KiB and at even offsets there */
  private readonly nul = { line: 0, count: 0, head: 0, even: 0 };
  /** the first other control byte (not tab, CR or LF) and its line */
  private readonly firstControl = { line: 0, byte: 0 };

  private readonly encoding = new EncodingCheck();

  private head = Buffer.allocUnsafe(headLimit);
  private headLen = 0;
  /** where the first line end outside quoted fields is (the header's end), or -1 until one came */
  private headerEnd = -1;

  push(chunk: Buffer): void {
    if (!this.started) {
      // A BOM may arrive split over tiny reads: wait for four bytes (copied: chunks are reused).
      this.prefix = Buffer.concat(this.prefix ? [this.prefix, chunk] : [chunk]);
      if (this.prefix.length < 4) return;
      chunk = this.start(this.prefix);
    }
    if (this.utf16Bom === null) this.scan(chunk);
  }

  private start(prefix: Buffer): Buffer {
    this.started = true;
    this.prefix = null;
    this.magic = Buffer.from(prefix.subarray(0, 4));
    if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) {
      this.bom = true;
      return prefix.subarray(3);
    }
    if (prefix[0] === 0xff && prefix[1] === 0xfe) this.utf16Bom = "LE";
    else if (prefix[0] === 0xfe && prefix[1] === 0xff) this.utf16Bom = "BE";
    return prefix;
  }

  private scan(buf: Buffer): void {
    const n = buf.length;
    if (n === 0) return;
    const linesBefore = this.newlines;
    this.scanControls(buf);
    this.keepHead(buf);
    if (!this.hasQuote && buf.indexOf(0x22) !== -1) this.hasQuote = true;
    if (!this.padded) this.padded = isPadded(buf, this.pos === 0 ? 0x0a : this.lastByte);
    if (!this.hasContent) {
      for (let i = 0; i < n; i++) {
        const b = buf[i];
        if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) {
          this.hasContent = true;
          break;
        }
      }
    }
    this.encoding.push(buf, linesBefore);
    this.pos += n;
    this.lastByte2 = n >= 2 ? buf[n - 2] : this.lastByte;
    this.lastByte = buf[n - 1];
    // The line still open is already too long (a CR at the very end may yet be its line end).
    const open = this.pos - this.lineStart - (this.lastByte === 0x0d ? 1 : 0);
    if (this.longLine === 0 && open > maxLineBytes) this.longLine = this.newlines + 1;
  }

  /** Copies what the head still wants of this chunk (scanned already, so the header's end is known if
   *  it is in it): the first 64 KiB, or a longer header line whole and 64 KiB after it. The sniffer
   *  must see every column of the header, or it counts them wrong. */
  private keepHead(buf: Buffer): void {
    const want = this.headerEnd < 0 ? headMax : this.headerEnd < headLimit ? headLimit : Math.min(headMax, this.headerEnd + 1 + headLimit);
    if (this.headLen >= want) return;
    const take = Math.min(buf.length, want - this.headLen);
    if (this.headLen + take > this.head.length) {
      const grown = Buffer.allocUnsafe(Math.min(headMax, Math.max(2 * this.head.length, this.headLen + take)));
      this.head.copy(grown, 0, 0, this.headLen);
      this.head = grown;
    }
    buf.copy(this.head, this.headLen, 0, take);
    this.headLen += take;
  }

  /** Finds every byte below 0x20 four bytes at a time: ((x − 0x20202020) & ~x & 0x80808080) is
   *  non-zero exactly when some byte of x is below 0x20. Line ends and control bytes are all such
   *  bytes, so plain text is skipped at word speed. Once a file has a quote, quotes are looked for
   *  too (a zero byte of x ^ 0x22222222), so line ends inside quoted fields can be told apart. */
  private scanControls(buf: Buffer): void {
    const n = buf.length;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (buf[0] !== 0x0a) this.strayCr(this.pendingCrLine);
    }
    const quotes = this.inQuote || buf.indexOf(0x22) !== -1;
    let i = 0;
    const misaligned = buf.byteOffset & 3;
    const lead = misaligned === 0 ? 0 : Math.min(n, 4 - misaligned);
    for (; i < lead; i++) this.byte(buf, i, quotes);
    const words = (n - i) >> 2;
    if (words > 0) {
      const u = new Uint32Array(buf.buffer, buf.byteOffset + i, words);
      if (quotes) {
        for (let w = 0; w < words; w++) {
          const x = u[w];
          const y = x ^ 0x22222222;
          if ((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) {
            const j = i + (w << 2);
            this.byte(buf, j, true);
            this.byte(buf, j + 1, true);
            this.byte(buf, j + 2, true);
            this.byte(buf, j + 3, true);
          }
        }
      } else {
        for (let w = 0; w < words; w++) {
          const x = u[w];
          if (((x - 0x20202020) & ~x & 0x80808080) !== 0) {
            const j = i + (w << 2);
            if (buf[j] < 0x20) this.control(buf, j);
            if (buf[j + 1] < 0x20) this.control(buf, j + 1);
            if (buf[j + 2] < 0x20) this.control(buf, j + 2);
            if (buf[j + 3] < 0x20) this.control(buf, j + 3);
          }
        }
      }
      i += words << 2;
    }
    for (; i < n; i++) this.byte(buf, i, quotes);
  }

  private byte(buf: Buffer, i: number, quotes: boolean): void {
    const b = buf[i];
    if (b < 0x20) this.control(buf, i);
    // Quotes as DuckDB's reader takes them: one opens a field only where a field starts (or after one
    // space there); inside, one closes it, and a quote right after a closing one is an escaped quote
    // (""), so the field goes on. A quote in the middle of an unquoted value is data.
    else if (quotes && b === 0x22) {
      if (this.inQuote) {
        this.inQuote = false;
        return;
      }
      const p1 = i > 0 ? buf[i - 1] : this.lastByte;
      const p2 = i > 1 ? buf[i - 2] : i === 1 ? this.lastByte : this.lastByte2;
      if (p1 === 0x22 || fieldStart[p1 + 1] || (p1 === 0x20 && fieldStart[p2 + 1])) {
        if (p1 !== 0x22) this.quoteLine = this.newlines + 1;
        this.inQuote = true;
      }
    }
  }

  private control(buf: Buffer, i: number): void {
    const b = buf[i];
    if (b === 0x0a) {
      const at = this.pos + i;
      const cr = (i > 0 ? buf[i - 1] : this.lastByte) === 0x0d;
      const len = at - this.lineStart - (cr ? 1 : 0);
      if (len > this.longest) this.longest = len;
      if (len === 0) this.blank = true;
      this.newlines++;
      if (len > maxLineBytes && this.longLine === 0) this.longLine = this.newlines;
      this.lineStart = at + 1;
      // Line ends inside quoted fields are data (Excel writes LF in cells of a CRLF file).
      if (!this.inQuote) {
        if (at > this.recordStart + (cr ? 1 : 0)) this.records++;
        this.recordStart = at + 1;
        if (cr) this.crlf++;
        else this.lf++;
        if (this.firstEnding === null) {
          this.firstEnding = cr;
          this.headerEnd = at;
        } else if (this.firstEnding !== cr && this.mixedLine === 0) this.mixedLine = this.newlines;
      }
    } else if (b === 0x0d) {
      this.crBytes++;
      if (i + 1 < buf.length) {
        if (buf[i + 1] !== 0x0a) this.strayCr(this.newlines + 1);
      } else {
        this.pendingCr = true;
        this.pendingCrLine = this.newlines + 1;
      }
    } else if (b === 0x00) {
      const nul = this.nul;
      nul.count++;
      const at = this.pos + i;
      if (at < headLimit) {
        nul.head++;
        if ((at & 1) === 0) nul.even++;
      }
      if (nul.line === 0) nul.line = this.newlines + 1;
    } else if (b !== 0x09 && this.firstControl.line === 0) {
      this.firstControl.line = this.newlines + 1;
      this.firstControl.byte = b;
    }
  }

  private strayCr(line: number): void {
    if (!this.inQuote && this.strayCrLine === 0) this.strayCrLine = line;
  }

  end(): TextScanResult {
    if (!this.started && this.prefix) {
      const rest = this.start(this.prefix);
      if (this.utf16Bom === null) this.scan(rest);
    }
    const encoding = this.encoding.end(this.newlines);
    if (this.pendingCr) {
      this.pendingCr = false;
      this.strayCr(this.pendingCrLine);
    }
    const lastLen = this.pos - this.lineStart;
    if (lastLen > this.longest) this.longest = lastLen;
    if (this.longLine === 0 && lastLen > maxLineBytes) this.longLine = this.newlines + 1;

    if (this.pos > this.recordStart) this.records++; // a last record without a line end
    const lineEnding = this.lf > 0 && this.crlf > 0 ? "mixed" : this.lf > 0 ? "LF" : this.crlf > 0 ? "CRLF" : "none";
    const problem = this.problem(encoding);
    const found = problem ? null : encoding.valid ? "utf-8" : "windows-1252";
    return {
      encoding: found,
      bom: this.bom,
      lineEnding,
      newlines: this.newlines,
      longestLine: this.longest,
      hasQuote: this.hasQuote,
      hasBlankLine: this.blank,
      padded: this.padded || this.lastByte === 0x20,
      records: this.records,
      openQuoteLine: this.inQuote ? this.quoteLine : null,
      head: found === null ? "" : this.headText(found),
      problem
    };
  }

  private headText(encoding: "utf-8" | "windows-1252"): string {
    let cut = this.headLen;
    if (this.pos > this.headLen) {
      // More text follows: end at the last complete line, or at a character boundary.
      const nl = this.head.subarray(0, this.headLen).lastIndexOf(0x0a);
      cut = nl >= 0 ? nl + 1 : encoding === "utf-8" ? completeEnd(this.head.subarray(0, this.headLen)) : this.headLen;
    }
    const bytes = this.head.subarray(0, cut);
    return encoding === "utf-8" ? bytes.toString("utf8") : decodeWindows1252(bytes);
  }

  private problem(e: EncodingFacts): InspectProblem | null {
    const at = (p: Problem, line: number | null = null): InspectProblem => Object.freeze({ ...p, line });
    if (this.utf16Bom) return at(problem("utf16", { encoding: `UTF-16 ${this.utf16Bom}` }));
    const nul = this.nul;
    if (nul.count > 0) {
      // UTF-16 text without BOM: every other byte of its ASCII characters is 0x00.
      const sample = Math.min(this.pos, headLimit);
      const oneSide = Math.max(nul.even, nul.head - nul.even);
      if (nul.head >= sample * 0.25 && oneSide >= nul.head * 0.9) {
        return at(problem("utf16", { encoding: nul.even > nul.head / 2 ? "UTF-16 BE" : "UTF-16 LE" }));
      }
      return at(problem("binary_content", { looksLike: workbookFormat(this.magic), line: nul.line }), nul.line);
    }
    if (!this.hasContent) return at(problem("empty_file", { sheet: null }));
    if (!e.valid && this.bom) return at(problem("mixed_encoding", { bom: true, otherLine: e.invalidLine }), e.invalidLine);
    if (!e.valid && e.multiLine > 0) {
      return at(problem("mixed_encoding", { bom: false, utf8Line: e.multiLine, otherLine: e.invalidLine }), Math.min(e.multiLine, e.invalidLine));
    }
    if (!e.valid && e.undefinedLine > 0) {
      return at(problem("undecodable_bytes", { control: false, line: e.undefinedLine, byte: e.undefinedByte }), e.undefinedLine);
    }
    const control = this.firstControl;
    if (control.line > 0) return at(problem("undecodable_bytes", { control: true, line: control.line, byte: control.byte }), control.line);
    if (this.newlines === 0 && this.crBytes > 0) return at(problem("cr_line_endings", {}));
    if (this.mixedLine > 0) return at(problem("mixed_line_endings", { firstCrlf: this.firstEnding === true, line: this.mixedLine }), this.mixedLine);
    if (this.strayCrLine > 0) return at(problem("stray_carriage_return", { line: this.strayCrLine }), this.strayCrLine);
    if (this.longLine > 0) return at(problem("line_too_long", { seen: "inspection", line: this.longLine, limit: maxLineBytes }), this.longLine);
    return null;
  }
}

/** The workbook format a binary file's first four bytes show: a zip (.xlsx) or an OLE compound file (.xls, or an encrypted workbook). */
function workbookFormat(magic: Buffer): "xlsx" | "xls" | null {
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04) return "xlsx";
  if (magic[0] === 0xd0 && magic[1] === 0xcf && magic[2] === 0x11 && magic[3] === 0xe0) return "xls";
  return null;
}
