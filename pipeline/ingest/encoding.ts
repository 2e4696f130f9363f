// The contract's text encodings (§2): UTF-8, with or without BOM, or Windows-1252. EncodingCheck tells,
// chunk by chunk, which of them a file's bytes are in; Windows-1252 text is turned into UTF-8 for
// DuckDB, which reads nothing else.
import { isAscii, isUtf8 } from "node:buffer";
import { open, rm } from "node:fs/promises";
import { defaultChunk, readChunks, writeAll } from "./chunks.js";

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

/** What EncodingCheck found. Lines are 1-based; 0 where there is none. */
export interface EncodingFacts {
  /** every byte is UTF-8; otherwise the text is Windows-1252 or no contract encoding */
  readonly valid: boolean;
  /** the first line with a byte that is not UTF-8 */
  readonly invalidLine: number;
  /** the first line with a multi-byte UTF-8 character */
  readonly multiLine: number;
  /** from the first chunk that is not UTF-8 on: the first line with a byte Windows-1252 leaves undefined */
  readonly undefinedLine: number;
  /** that byte */
  readonly undefinedByte: number;
}

/** UTF-8 validity across chunk boundaries: an incomplete sequence at the end of a chunk is carried
 *  to the next. Valid chunks are checked by node's SIMD validator; only a chunk that fails, and
 *  the chunks after it, are walked byte by byte (to name lines, and to tell Windows-1252 from a
 *  mix of encodings). */
export class EncodingCheck {
  private carry: Buffer = Buffer.alloc(0);
  private readonly facts = { valid: true, invalidLine: 0, multiLine: 0, undefinedLine: 0, undefinedByte: 0 };

  /** linesBefore: the number of line ends before buf */
  push(buf: Buffer, linesBefore: number): void {
    let data = buf;
    if (this.carry.length > 0) data = Buffer.concat([this.carry, buf]);
    const cut = completeEnd(data);
    const whole = data.subarray(0, cut);
    this.carry = cut < data.length ? Buffer.from(data.subarray(cut)) : Buffer.alloc(0);
    this.checkComplete(whole, linesBefore);
  }

  /** lines: the number of line ends in the file */
  end(lines: number): EncodingFacts {
    if (this.carry.length > 0) {
      // The file ends inside a multi-byte sequence: not UTF-8.
      const tail = this.carry;
      this.carry = Buffer.alloc(0);
      this.checkComplete(tail, lines);
    }
    return this.facts;
  }

  private checkComplete(data: Buffer, linesBefore: number): void {
    const f = this.facts;
    const lineAt = (p: number) => linesBefore + 1 + countNewlines(data, p);
    if (f.valid) {
      if (isUtf8(data)) {
        if (f.multiLine === 0 && !isAscii(data)) {
          const { multi } = utf8Events(data, false, true);
          if (multi >= 0) f.multiLine = lineAt(multi);
        }
        return;
      }
      f.valid = false;
      const { invalid, multi } = utf8Events(data, true, f.multiLine === 0);
      f.invalidLine = lineAt(invalid);
      if (f.multiLine === 0 && multi >= 0) f.multiLine = lineAt(multi);
    } else if (f.multiLine === 0) {
      const { multi } = utf8Events(data, false, true);
      if (multi >= 0) f.multiLine = lineAt(multi);
    }
    if (f.undefinedLine === 0) {
      let first = -1;
      for (const b of undefinedIn1252) {
        const p = data.indexOf(b);
        if (p >= 0 && (first < 0 || p < first)) first = p;
      }
      if (first >= 0) {
        f.undefinedLine = lineAt(first);
        f.undefinedByte = data[first];
      }
    }
  }
}

/** Where an incomplete UTF-8 sequence at the end of data begins (data.length if none), so it can be
 *  carried over to the next chunk and validated whole. */
export function completeEnd(data: Uint8Array): number {
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
