// The one streaming pass over an uploaded file (contract §1–§2): hashes it, copies it byte for byte
// to the archive, and finds out whether it is text in a contract encoding (UTF-8 with or without BOM,
// or Windows-1252) that DuckDB can be given. Nothing is held in memory but the chunk at hand and the
// first 64 KiB of text (for the dialect sniffer); a 10 MB line is measured, never buffered.
import { createHash } from "node:crypto";
import { isAscii, isUtf8 } from "node:buffer";
import { open, rm, type FileHandle } from "node:fs/promises";

export interface Inspection {
  /** hex SHA-256 of the bytes as uploaded */
  readonly sha256: string;
  readonly size: number;
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
  /** decoded text of the first lines, at most 64 KiB, BOM removed, cut at a line end when possible; "" when problem is set */
  readonly head: string;
  /** set when the file cannot be read as text in a contract encoding */
  readonly problem: InspectProblem | null;
}

export interface InspectProblem {
  readonly code: string;
  readonly message: string;
  readonly line: number | null;
}

export interface InspectOptions {
  /** write the same bytes here (created with flag 'wx'; removed again if the pass fails) */
  readonly copyTo?: string;
  /** xlsx: only hash, copy and size */
  readonly binary?: boolean;
  /** read size in bytes (default 1 MiB); tests use tiny chunks to split characters between reads */
  readonly chunkSize?: number;
  /** fdatasync the copy before returning (default true); a caller copying many files syncs once instead */
  readonly durable?: boolean;
}

export const headLimit = 64 * 1024;
export const maxLineBytes = 1024 * 1024;

const defaultChunk = 1024 * 1024;

/** Reads the file once; see Inspection. Fails (rejects) only on I/O errors, never on content. */
export async function inspectFile(path: string, options: InspectOptions = {}): Promise<Inspection> {
  const hash = createHash("sha256");
  const scan = options.binary ? null : new TextScan();
  const out: FileHandle | null = options.copyTo ? await open(options.copyTo, "wx") : null;
  let size = 0;
  try {
    for await (const chunk of readChunks(path, options.chunkSize ?? defaultChunk)) {
      // The write runs on libuv's thread pool while this thread hashes and scans the same chunk.
      const written = out ? writeAll(out, chunk) : null;
      hash.update(chunk);
      scan?.push(chunk);
      size += chunk.length;
      if (written) await written;
    }
    if (out) {
      // The caller renames the copy into the archive; it must be on disk before it has a name there.
      if (options.durable !== false) await out.datasync();
      await out.close();
    }
  } catch (error) {
    if (out) {
      await out.close().catch(() => undefined);
      await rm(options.copyTo!, { force: true });
    }
    throw error;
  }
  const sha256 = hash.digest("hex");
  if (!scan) {
    return Object.freeze({
      sha256, size, encoding: null, bom: false, lineEnding: "none", newlines: 0, longestLine: 0,
      hasQuote: false, hasBlankLine: false, records: 0, openQuoteLine: null, padded: true, head: "", problem: null
    });
  }
  return Object.freeze({ sha256, size, ...scan.end() });
}

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

/** Windows-1252 → UTF-8, streaming. Every byte becomes a character (the five bytes Windows-1252
 *  leaves undefined become U+0081 … as in the WHATWG decoder), so nothing is dropped. */
export async function transcodeToUtf8(src: string, dest: string): Promise<void> {
  const out = await open(dest, "w");
  const utf8 = Buffer.allocUnsafe(defaultChunk * 3);
  try {
    for await (const chunk of readChunks(src, defaultChunk)) await writeAll(out, windows1252ToUtf8(chunk, utf8));
    await out.close();
  } catch (error) {
    await out.close().catch(() => undefined);
    await rm(dest, { force: true });
    throw error;
  }
}

/** The file's bytes in chunks of at most `size`, read into two buffers that take turns: the next read
 *  runs while the caller works on the current chunk, and memory stays flat however large the file.
 *  A chunk is valid until the caller asks for the next one. */
async function* readChunks(path: string, size: number): AsyncGenerator<Buffer> {
  const file = await open(path, "r");
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)];
  let turn = 0;
  let pending = file.read(buffers[0], 0, size, null);
  try {
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) return;
      const chunk = buffers[turn].subarray(0, bytesRead);
      turn ^= 1;
      pending = file.read(buffers[turn], 0, size, null);
      yield chunk;
    }
  } finally {
    await pending.catch(() => undefined);
    await file.close();
  }
}

async function writeAll(out: FileHandle, buf: Buffer): Promise<void> {
  for (let done = 0; done < buf.length; ) done += (await out.write(buf, done, buf.length - done)).bytesWritten;
}

// Node's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 C1 controls (0x80 → U+0080, not €),
// so the table is ours: the code points of 0x80–0x9F; 0xA0–0xFF are U+00A0–U+00FF.
const c1 = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178
];
const high = Uint16Array.from({ length: 128 }, (_, i) => (i < 32 ? c1[i] : 0x80 + i));

/** The bytes Windows-1252 leaves undefined. */
export const undefinedIn1252: readonly number[] = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** Into `into` when given (it must hold 3 × src.length bytes). */
export function windows1252ToUtf8(src: Uint8Array, into?: Buffer): Buffer {
  const out = into ?? Buffer.allocUnsafe(src.length * 3);
  let o = 0;
  for (let i = 0; i < src.length; i++) {
    const b = src[i];
    if (b < 0x80) {
      out[o++] = b;
      continue;
    }
    const cp = high[b - 0x80];
    if (cp < 0x800) {
      out[o++] = 0xc0 | (cp >> 6);
      out[o++] = 0x80 | (cp & 0x3f);
    } else {
      out[o++] = 0xe0 | (cp >> 12);
      out[o++] = 0x80 | ((cp >> 6) & 0x3f);
      out[o++] = 0x80 | (cp & 0x3f);
    }
  }
  return out.subarray(0, o);
}

export function decodeWindows1252(src: Uint8Array): string {
  return windows1252ToUtf8(src).toString("utf8");
}

/** Where an incomplete UTF-8 sequence at the end of data begins (data.length if none), so it can be
 *  carried over to the next chunk and validated whole. */
function completeEnd(data: Uint8Array): number {
  const n = data.length;
  for (let k = 1; k <= 3 && k <= n; k++) {
    const b = data[n - k];
    if (b < 0x80) return n;
    if (b >= 0xc0) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return len > k ? n - k : n;
    }
  }
  return n;
}

/** Scans data as UTF-8 (WHATWG rules) for the first invalid byte and the first complete multi-byte
 *  sequence, each -1 when absent. Stops as soon as both wanted answers are known. */
function utf8Events(data: Uint8Array, wantInvalid: boolean, wantMulti: boolean): { invalid: number; multi: number } {
  let invalid = -1;
  let multi = -1;
  const n = data.length;
  let i = 0;
  while (i < n && ((wantInvalid && invalid < 0) || (wantMulti && multi < 0))) {
    const b = data[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) (need = 2), (lo = 0xa0);
    else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) (need = 2), (hi = 0x9f);
    else if (b === 0xf0) (need = 3), (lo = 0x90);
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) (need = 3), (hi = 0x8f);
    let j = i + 1;
    let ok = need > 0;
    for (let k = 0; ok && k < need; k++, j++) {
      const c = j < n ? data[j] : -1;
      if (c < (k === 0 ? lo : 0x80) || c > (k === 0 ? hi : 0xbf)) ok = false;
    }
    if (ok) {
      if (multi < 0) multi = i;
      i = i + need + 1;
    } else {
      if (invalid < 0) invalid = i;
      i++;
    }
  }
  return { invalid, multi };
}

function countNewlines(data: Uint8Array, end: number): number {
  let n = 0;
  for (let p = -1; (p = (data as Buffer).indexOf(10, p + 1)) !== -1 && p < end; ) n++;
  return n;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

const saveAs = "”CSV UTF-8 (kommaavgränsad) (*.csv)” eller ”CSV (semikolonavgränsad) (*.csv)”";

/** The text checks of one file, fed chunk by chunk. Offsets are counted from the start of the text
 *  (after a BOM); lines are 1-based. */
class TextScan {
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
  private nulLine = 0;
  private nulCount = 0;
  private nulEven = 0;
  private headNul = 0;
  private controlLine = 0;
  private controlByte = 0;

  private carry: Buffer = Buffer.alloc(0);
  private valid = true;
  private invalidLine = 0;
  private multiLine = 0;
  private undefinedLine = 0;
  private undefinedByte = 0;

  private readonly head = Buffer.allocUnsafe(headLimit);
  private headLen = 0;

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
    if (this.headLen < headLimit) {
      const take = Math.min(n, headLimit - this.headLen);
      buf.copy(this.head, this.headLen, 0, take);
      this.headLen += take;
    }
    this.scanControls(buf);
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
    this.checkEncoding(buf, linesBefore);
    this.pos += n;
    this.lastByte2 = n >= 2 ? buf[n - 2] : this.lastByte;
    this.lastByte = buf[n - 1];
    // The line still open is already too long (a CR at the very end may yet be its line end).
    const open = this.pos - this.lineStart - (this.lastByte === 0x0d ? 1 : 0);
    if (this.longLine === 0 && open > maxLineBytes) this.longLine = this.newlines + 1;
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
        if (this.firstEnding === null) this.firstEnding = cr;
        else if (this.firstEnding !== cr && this.mixedLine === 0) this.mixedLine = this.newlines;
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
      this.nulCount++;
      const at = this.pos + i;
      if (at < headLimit) {
        this.headNul++;
        if ((at & 1) === 0) this.nulEven++;
      }
      if (this.nulLine === 0) this.nulLine = this.newlines + 1;
    } else if (b !== 0x09 && this.controlLine === 0) {
      this.controlLine = this.newlines + 1;
      this.controlByte = b;
    }
  }

  private strayCr(line: number): void {
    if (!this.inQuote && this.strayCrLine === 0) this.strayCrLine = line;
  }

  /** UTF-8 validity across chunk boundaries: an incomplete sequence at the end of a chunk is carried
   *  to the next. Valid chunks are checked by node's SIMD validator; only a chunk that fails, and
   *  the chunks after it, are walked byte by byte (to name lines, and to tell Windows-1252 from a
   *  mix of encodings). */
  private checkEncoding(buf: Buffer, linesBefore: number): void {
    let data = buf;
    if (this.carry.length > 0) data = Buffer.concat([this.carry, buf]);
    const cut = completeEnd(data);
    const whole = data.subarray(0, cut);
    this.carry = cut < data.length ? Buffer.from(data.subarray(cut)) : Buffer.alloc(0);
    this.checkComplete(whole, linesBefore);
  }

  private checkComplete(data: Buffer, linesBefore: number): void {
    const lineAt = (p: number) => linesBefore + 1 + countNewlines(data, p);
    if (this.valid) {
      if (isUtf8(data)) {
        if (this.multiLine === 0 && !isAscii(data)) {
          const { multi } = utf8Events(data, false, true);
          if (multi >= 0) this.multiLine = lineAt(multi);
        }
        return;
      }
      this.valid = false;
      const { invalid, multi } = utf8Events(data, true, this.multiLine === 0);
      this.invalidLine = lineAt(invalid);
      if (this.multiLine === 0 && multi >= 0) this.multiLine = lineAt(multi);
    } else if (this.multiLine === 0) {
      const { multi } = utf8Events(data, false, true);
      if (multi >= 0) this.multiLine = lineAt(multi);
    }
    if (this.undefinedLine === 0) {
      let first = -1;
      for (const b of undefinedIn1252) {
        const p = data.indexOf(b);
        if (p >= 0 && (first < 0 || p < first)) first = p;
      }
      if (first >= 0) {
        this.undefinedLine = lineAt(first);
        this.undefinedByte = data[first];
      }
    }
  }

  end(): Omit<Inspection, "sha256" | "size"> {
    if (!this.started && this.prefix) {
      const rest = this.start(this.prefix);
      if (this.utf16Bom === null) this.scan(rest);
    }
    if (this.carry.length > 0) {
      // The file ends inside a multi-byte sequence: not UTF-8.
      const tail = this.carry;
      this.carry = Buffer.alloc(0);
      this.checkComplete(tail, this.newlines);
    }
    if (this.pendingCr) {
      this.pendingCr = false;
      this.strayCr(this.pendingCrLine);
    }
    const lastLen = this.pos - this.lineStart;
    if (lastLen > this.longest) this.longest = lastLen;
    if (this.longLine === 0 && lastLen > maxLineBytes) this.longLine = this.newlines + 1;

    if (this.pos > this.recordStart) this.records++; // a last record without a line end
    const lineEnding = this.lf > 0 && this.crlf > 0 ? "mixed" : this.lf > 0 ? "LF" : this.crlf > 0 ? "CRLF" : "none";
    const problem = this.problem();
    const encoding = problem ? null : this.valid ? "utf-8" : "windows-1252";
    return {
      encoding,
      bom: this.bom,
      lineEnding,
      newlines: this.newlines,
      longestLine: this.longest,
      hasQuote: this.hasQuote,
      hasBlankLine: this.blank,
      padded: this.padded || this.lastByte === 0x20,
      records: this.records,
      openQuoteLine: this.inQuote ? this.quoteLine : null,
      head: encoding === null ? "" : this.headText(encoding),
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

  private problem(): InspectProblem | null {
    const p = (code: string, message: string, line: number | null = null): InspectProblem => Object.freeze({ code, message, line });
    if (this.utf16Bom) return p("utf16", utf16Message(`UTF-16 ${this.utf16Bom}`));
    if (this.nulCount > 0) {
      // UTF-16 text without BOM: every other byte of its ASCII characters is 0x00.
      const sample = Math.min(this.pos, headLimit);
      const oneSide = Math.max(this.nulEven, this.headNul - this.nulEven);
      if (this.headNul >= sample * 0.25 && oneSide >= this.headNul * 0.9) {
        return p("utf16", utf16Message(this.nulEven > this.headNul / 2 ? "UTF-16 BE" : "UTF-16 LE"));
      }
      return p("binary_content", binaryMessage(this.magic, this.nulLine), this.nulLine);
    }
    if (!this.hasContent) {
      return p(
        "empty_file",
        "Filen är tom: den saknar både rubrikrad och data. En uttagsfil ska börja med en rubrikrad med " +
          "kolumnnamnen (t.ex. municipality;month;person_id;…) följd av en rad per post. Kontrollera exporten och ladda upp filen igen."
      );
    }
    if (!this.valid && this.bom) {
      return p(
        "mixed_encoding",
        `Filen börjar med en UTF-8-markering (BOM), men rad ${this.invalidLine} innehåller tecken som inte är UTF-8 ` +
          "(troligen Windows-1252). Då blir å, ä och ö fel. Öppna filen i Excel, kontrollera att å, ä och ö ser rätt ut, " +
          `och spara hela filen på nytt som ${saveAs}.`,
        this.invalidLine
      );
    }
    if (!this.valid && this.multiLine > 0) {
      return p(
        "mixed_encoding",
        `Filen blandar två teckenkodningar: rad ${this.multiLine} har tecken kodade som UTF-8, medan rad ${this.invalidLine} ` +
          "har tecken i en annan kodning (troligen Windows-1252). Det händer när uttag från olika system har klistrats ihop, " +
          "och å, ä och ö blir då fel på någon av raderna. Öppna filen i Excel eller en texteditor, rätta raderna så att å, ä " +
          `och ö ser rätt ut överallt, och spara hela filen på nytt som ${saveAs}.`,
        Math.min(this.multiLine, this.invalidLine)
      );
    }
    if (!this.valid && this.undefinedLine > 0) {
      return p(
        "undecodable_bytes",
        `Rad ${this.undefinedLine} innehåller en byte (${hex(this.undefinedByte)}) som varken är giltig UTF-8 eller ett tecken ` +
          "i Windows-1252, så filen kan inte läsas i någon godkänd teckenkodning. Godkända kodningar är UTF-8 (med eller utan BOM) " +
          `och Windows-1252. Spara filen i Excel som ${saveAs}, eller exportera den på nytt från verksamhetssystemet som UTF-8.`,
        this.undefinedLine
      );
    }
    if (this.controlLine > 0) {
      return p(
        "undecodable_bytes",
        `Rad ${this.controlLine} innehåller ett otillåtet styrtecken (byte ${hex(this.controlByte)}). En uttagsfil får bara ` +
          "innehålla skrivbara tecken, tabb och radbrytningar. Ta bort tecknet (det kommer ofta från inklistrad text eller ett fel " +
          `i exporten) och spara filen på nytt som ${saveAs}.`,
        this.controlLine
      );
    }
    if (this.newlines === 0 && this.crBytes > 0) {
      return p(
        "cr_line_endings",
        "Filens rader slutar med bara vagnretur (CR), som i gamla Mac-program. Godkända radslut är LF och CRLF (Windows). " +
          `Spara filen på nytt i Excel som ${saveAs}, så får den rätt radslut.`
      );
    }
    if (this.mixedLine > 0) {
      const [was, now] = this.firstEnding ? ["CRLF (Windows)", "LF"] : ["LF", "CRLF (Windows)"];
      return p(
        "mixed_line_endings",
        `Filen blandar radslut: de första raderna slutar med ${was}, men rad ${this.mixedLine} slutar med ${now}. Det händer ` +
          "när filer från olika system har klistrats ihop, och då kan raderna inte läsas säkert. Öppna filen i Excel eller en " +
          `texteditor och spara den på nytt som ${saveAs}, så får alla rader samma radslut.`,
        this.mixedLine
      );
    }
    if (this.strayCrLine > 0) {
      return p(
        "stray_carriage_return",
        `Rad ${this.strayCrLine} innehåller en ensam vagnretur (CR, byte 0x0D) som inte följs av en radbrytning. Godkända radslut ` +
          "är LF och CRLF (Windows); en radbrytning inuti ett värde måste stå inom citattecken. Ta bort tecknet eller sätt värdet " +
          `inom citattecken ("…"), och spara filen på nytt som ${saveAs}.`,
        this.strayCrLine
      );
    }
    if (this.longLine > 0) {
      return p(
        "line_too_long",
        `Rad ${this.longLine} är längre än 1 MiB (${maxLineBytes.toLocaleString("sv-SE")} byte) och kan inte vara en post i ett ` +
          "uttag. Oftast saknas radbrytningarna: filen har exporterats som en enda rad eller med ett radslut som inte godkänns. " +
          "Godkända radslut är LF och CRLF (Windows). Exportera filen på nytt som CSV med en post per rad.",
        this.longLine
      );
    }
    return null;
  }
}

function utf16Message(which: string): string {
  return (
    `Filen är sparad som ${which} (”Unicode-text”), som inte godkänns. Godkända teckenkodningar är UTF-8 (med eller utan BOM) ` +
    `och Windows-1252. Öppna filen i Excel och välj Spara som ${saveAs}, och ladda upp den nya filen.`
  );
}

function binaryMessage(magic: Buffer, line: number): string {
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04) {
    return (
      "Filen är ingen textfil utan en Excel-arbetsbok (.xlsx) som fått filändelsen .csv. Byt filändelsen till .xlsx, " +
      `eller öppna arbetsboken i Excel och spara den som ${saveAs}, och ladda upp den igen.`
    );
  }
  if (magic[0] === 0xd0 && magic[1] === 0xcf && magic[2] === 0x11 && magic[3] === 0xe0) {
    return (
      "Filen är en Excel-arbetsbok i det gamla .xls-formatet (eller en lösenordsskyddad arbetsbok), inte en CSV-fil. " +
      "Öppna den i Excel, ta bort ett eventuellt lösenord och spara den som ”Excel-arbetsbok (*.xlsx)” eller " +
      `${saveAs}, och ladda upp den igen.`
    );
  }
  return (
    `Filen innehåller nolltecken (byte 0x00), första gången på rad ${line}, och är därför ingen textfil i en godkänd kodning. ` +
    "Kontrollera att rätt fil har laddats upp, och ladda upp uttaget som CSV (UTF-8 eller Windows-1252) eller som Excel-arbetsbok (.xlsx)."
  );
}
