// Writing a CSV extract fast: the national benchmark data set is ~10 M rows, so rows are encoded
// straight into 1 MB buffers (UTF-8, or Windows-1252 for the case system of 0181) rather than built
// as strings, and a full chunk is written while the next one fills.
import { open, type FileHandle } from "node:fs/promises";
import type { Dialect } from "./dialects.js";

const cp1252High = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];
const cp1252Of = new Map(cp1252High.map((u, i) => [u, 0x80 + i]));

/** Encodes text as Windows-1252; a character outside it is a programming error. */
export function encodeWindows1252(s: string): Buffer {
  const out = Buffer.allocUnsafe(s.length);
  writeWindows1252(s, out, 0);
  return out;
}

/** Encodes text as Windows-1252 into buf at pos; returns the bytes written. */
function writeWindows1252(s: string, buf: Buffer, pos: number): number {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u < 0x80 || (u >= 0xa0 && u <= 0xff)) buf[pos + i] = u;
    else {
      const b = cp1252Of.get(u);
      if (b === undefined) throw new Error(`not in windows-1252: U+${u.toString(16).padStart(4, "0")}`);
      buf[pos + i] = b;
    }
  }
  return s.length;
}

const CHUNK = 1 << 20;

/** A CSV file written in 1 MB chunks. Rows are encoded straight into a buffer (building one long
 *  string instead costs more in garbage collection than the whole rest), and a full chunk is
 *  written while the next one fills. */
export class CsvFile {
  private buf = Buffer.allocUnsafe(CHUNK);
  private pos = 0;
  private queue: Buffer[] = [];
  private pending: Promise<void> = Promise.resolve();
  private failed: Error | null = null;
  /** rows written, kept by the caller */
  rows = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly cp1252: boolean
  ) {}

  static async create(path: string, encoding: Dialect["encoding"]): Promise<CsvFile> {
    const f = new CsvFile(await open(path, "w"), encoding === "windows-1252");
    if (encoding === "utf8-bom") f.write("\uFEFF");
    return f;
  }

  write(s: string): void {
    const most = this.cp1252 ? s.length : s.length * 3;
    if (CHUNK - this.pos < most) {
      this.rotate();
      if (most > CHUNK) {
        this.queue.push(this.cp1252 ? encodeWindows1252(s) : Buffer.from(s, "utf8"));
        return;
      }
    }
    this.pos += this.cp1252 ? writeWindows1252(s, this.buf, this.pos) : this.buf.write(s, this.pos);
  }

  /** Encodes a piece of text once, for put(). */
  encode(s: string): Buffer {
    return this.cp1252 ? encodeWindows1252(s) : Buffer.from(s, "utf8");
  }

  /** Makes room for n bytes of put()/putByte()/putDecimal() (n ≤ 1 MB). */
  reserve(n: number): void {
    if (CHUNK - this.pos < n) this.rotate();
  }

  put(b: Buffer): void {
    this.pos += b.copy(this.buf, this.pos);
  }

  putByte(c: number): void {
    this.buf[this.pos++] = c;
  }

  /** Writes öre as kronor: 843250 → "8432.50" (fixed) or "8432.5"; 843200 → "8432.00" or "8432". */
  putMoney(ore: number, decimal: number, fixed: boolean): void {
    const kr = Math.floor(ore / 100);
    const rest = ore - kr * 100;
    let digits = 1;
    for (let x = kr; x >= 10; x = Math.floor(x / 10)) digits++;
    const buf = this.buf;
    let at = this.pos + digits;
    for (let x = kr, i = 1; i <= digits; i++, x = Math.floor(x / 10)) buf[at - i] = 48 + (x % 10);
    if (rest !== 0 || fixed) {
      buf[at++] = decimal;
      buf[at++] = 48 + Math.floor(rest / 10);
      if (fixed || rest % 10 !== 0) buf[at++] = 48 + (rest % 10);
    }
    this.pos = at;
  }

  /** true when a chunk is waiting: the caller should await flush() */
  get full(): boolean {
    return this.queue.length > 0;
  }

  private rotate(): void {
    if (this.pos === 0) return;
    this.queue.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(CHUNK);
    this.pos = 0;
  }

  async flush(): Promise<void> {
    await this.pending;
    if (this.failed) throw this.failed;
    if (this.queue.length === 0) return;
    const chunks = this.queue;
    this.queue = [];
    // caught here and rethrown at the next flush or close (an unawaited rejection would crash)
    this.pending = this.fh.writev(chunks).then(
      () => undefined,
      (e: Error) => {
        this.failed = e;
      }
    );
  }

  async close(): Promise<void> {
    this.rotate();
    await this.flush();
    await this.pending;
    await this.fh.close();
    if (this.failed) throw this.failed;
  }
}
