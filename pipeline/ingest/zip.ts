// The zip container of an Excel workbook. Its central directory is read first: a truncated upload or
// another kind of file is told apart without parsing, and the first worksheet in the workbook's tab
// order is found. exceljs (xlsx.ts) then gets a stream of just the parts it needs, in the order it
// needs them (workbook, relationships, styles, shared strings, then the worksheet): it reads parts in
// the order they come, parks worksheets that come before the shared strings in temporary files, and
// fails on a worksheet that comes before the workbook part, all of which happen in files that real
// writers make. What exceljs gets is measured as it goes (Inflation): a zip bomb — a small upload
// whose parts inflate to gigabytes, or to one cell of hundreds of megabytes that exceljs would hold as
// one string — is stopped before exceljs has read more than a bounded amount.
import { open, stat } from "node:fs/promises";
import { createInflateRaw, inflateRawSync, type InflateRaw } from "node:zlib";
import { problem, type CorruptReason, type Problem } from "../contract/findings.js";

/** A workbook that cannot be read: a problem of the catalogue. */
export type WorkbookProblem = { ok: false } & Problem;

interface Part {
  /** where the part's local header starts and the part (data and any data descriptor) ends */
  readonly start: number;
  readonly end: number;
  /** the name exceljs is to see, when not the stored one (the worksheet's) */
  readonly rename?: string;
}

export interface WorkbookParts {
  readonly parts: Part[];
  readonly sheetName: string;
  readonly sharedStrings: boolean;
  /** the upload's size in bytes */
  readonly size: number;
}

/**
 * What the parts exceljs reads may inflate to: `ratio` times the upload's size, but `floor` bytes
 * whatever the size (worksheets compress 5–20 times; only a bomb comes near deflate's 1 000), and no
 * text between two XML tags longer than `text` (a cell in Excel holds at most 32 767 characters).
 */
export const inflation = { ratio: 100, floor: 64 << 20, text: 1 << 20 } as const;

/** The workbook inflates past the limits: a problem of the catalogue, and the worksheet row when known. */
export class Oversized extends Error {
  override name = "Oversized";
  constructor(readonly problem: Problem<"oversized_xlsx">, readonly row: number | null) {
    super(problem.message);
  }
}

export async function workbookParts(src: string): Promise<WorkbookParts | WorkbookProblem> {
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
        return corrupt("xls_or_password");
      }
      return corrupt(magic.length === 0 ? "empty" : "not_a_workbook");
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
    if (eocd < 0) return corrupt("truncated");
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || cdSize === 0xffffffff) return corrupt("too_large");
    if (cdOffset + cdSize > size) return corrupt("parts_missing");
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
    if (workbook === null || rels === null) return corrupt("no_contents");
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
    return { parts: parts.filter((p): p is Part => p !== null), sheetName, sharedStrings: entries.has("xl/sharedStrings.xml"), size };
  } finally {
    await file.close();
  }
}

/** The parts as one zip stream (local entries only, then an end record so the reader stops cleanly).
 *  Every part's data is inflated here first and measured (Inflation): the stream fails with Oversized
 *  before exceljs gets a byte past the limits. */
export async function* partStream(src: string, w: WorkbookParts): AsyncGenerator<Buffer> {
  const file = await open(src, "r");
  const measure = new Inflation(w.size);
  try {
    for (const p of w.parts) {
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, p.start);
      const nameLength = header.readUInt16LE(26);
      const dataStart = p.start + 30 + nameLength + header.readUInt16LE(28);
      let position = p.start + 30 + nameLength;
      if (p.rename) {
        const name = Buffer.from(p.rename);
        header.writeUInt16LE(name.length, 26);
        yield Buffer.concat([header, name]);
      } else {
        position = p.start;
      }
      measure.startPart(header.readUInt16LE(8), p.rename !== undefined);
      for (let left = p.end - position; left > 0; ) {
        const buf = Buffer.alloc(Math.min(left, 1 << 20));
        const { bytesRead } = await file.read(buf, 0, buf.length, position);
        if (bytesRead === 0) throw new Error("unexpected end of file");
        const chunk = buf.subarray(0, bytesRead);
        if (position + bytesRead > dataStart) await measure.push(chunk.subarray(Math.max(0, dataStart - position)));
        yield chunk;
        position += bytesRead;
        left -= bytesRead;
      }
      await measure.endPart();
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    yield end;
  } finally {
    measure.close();
    await file.close();
  }
}

/**
 * Inflates each part's data (or takes it as it is, when stored) only to measure it: the bytes it
 * inflates to over the workbook, and the longest text between two XML tags. Nothing is kept; the
 * worksheet row last opened is remembered for the finding.
 */
class Inflation {
  private readonly allowed: number;
  private inflated = 0;
  /** bytes since the last '<' */
  private text = 0;
  private worksheet = false;
  private row: number | null = null;
  /** the part's data as it is (stored), through an inflater, or not measured (a broken stream is
   *  exceljs' to report: damaged) */
  private mode: "stored" | "deflated" | "off" = "off";
  private inflater: InflateRaw | null = null;
  private failure: Oversized | null = null;
  /** wakes a push or endPart waiting on the inflater when it fails or a limit is passed */
  private wake: (() => void) | null = null;

  constructor(private readonly size: number) {
    this.allowed = Math.max(inflation.floor, inflation.ratio * size);
  }

  startPart(method: number, worksheet: boolean): void {
    this.close();
    this.text = 0;
    this.worksheet = worksheet;
    this.mode = method === 8 ? "deflated" : method === 0 ? "stored" : "off";
    if (this.mode !== "deflated") return;
    const inflater = createInflateRaw({ chunkSize: 64 << 10 });
    inflater.on("data", (out: Buffer) => this.measure(out));
    // the part's deflate stream ended (what follows is its data descriptor), or is broken
    inflater.on("end", () => this.stop());
    inflater.on("error", () => this.stop());
    this.inflater = inflater;
  }

  /** Measures the next bytes of the part's data; throws Oversized past a limit. */
  async push(data: Buffer): Promise<void> {
    if (this.mode === "stored") this.measure(data);
    const inflater = this.inflater;
    if (this.mode === "deflated" && inflater) await this.until((done) => inflater.write(data, () => done()));
    if (this.failure) throw this.failure;
  }

  /** The part's last bytes inflated and measured. */
  async endPart(): Promise<void> {
    const inflater = this.inflater;
    if (this.mode === "deflated" && inflater) await this.until(() => inflater.end()); // woken by its end or error
    if (this.failure) throw this.failure;
    this.close();
  }

  close(): void {
    this.inflater?.destroy();
    this.inflater = null;
  }

  private until(start: (done: () => void) => void): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      start(resolve);
    }).finally(() => (this.wake = null));
  }

  /** No more measuring of this part: it failed to inflate, or a limit was passed. */
  private stop(): void {
    this.mode = "off";
    this.close();
    this.wake?.();
  }

  private measure(out: Buffer): void {
    if (this.mode === "off") return;
    this.inflated += out.length;
    const first = out.indexOf(0x3c); // '<'
    if (first < 0) this.text += out.length;
    else if (this.text + first > inflation.text) return this.fail("cell");
    else {
      // a run between two '<' of one piece is shorter than the piece: at most 1 MiB
      this.text = out.length - 1 - out.lastIndexOf(0x3c);
      if (this.worksheet) this.row = lastRow(out) ?? this.row;
    }
    if (this.text > inflation.text) return this.fail("cell");
    if (this.inflated > this.allowed) return this.fail("ratio");
  }

  private fail(reason: "ratio" | "cell"): void {
    const row = reason === "cell" && this.worksheet ? this.row : null;
    const p =
      reason === "ratio"
        ? problem("oversized_xlsx", { reason, bytes: this.size, ratio: inflation.ratio })
        : problem("oversized_xlsx", { reason, row, limit: inflation.text });
    this.failure = new Oversized(p, row);
    this.stop();
  }
}

const rowTag = Buffer.from('row r="');

/** The number of the last worksheet row opened in this piece of XML (`<row r="12"`), if any. */
function lastRow(xml: Buffer): number | null {
  for (let at = xml.lastIndexOf(rowTag); at >= 0; at = at === 0 ? -1 : xml.lastIndexOf(rowTag, at - 1)) {
    const m = /^(\d+)"/.exec(xml.toString("latin1", at + rowTag.length, at + rowTag.length + 12));
    if (m) return Number(m[1]);
  }
  return null;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[e]!);
}

/** corrupt_xlsx */
export function corrupt(reason: CorruptReason): WorkbookProblem {
  return { ok: false, ...problem("corrupt_xlsx", { reason }) };
}

/** no_worksheet */
export function noWorksheet(): WorkbookProblem {
  return { ok: false, ...problem("no_worksheet", {}) };
}
