// The zip container of an Excel workbook. Its central directory is read first: a truncated upload or
// another kind of file is told apart without parsing, and the first worksheet in the workbook's tab
// order is found. exceljs (xlsx.ts) then gets a stream of just the parts it needs, in the order it
// needs them (workbook, relationships, styles, shared strings, then the worksheet): it reads parts in
// the order they come, parks worksheets that come before the shared strings in temporary files, and
// fails on a worksheet that comes before the workbook part, all of which happen in files that real
// writers make.
import { open, stat } from "node:fs/promises";
import { inflateRawSync } from "node:zlib";
import { problem, type CorruptReason, type Problem } from "../contract/findings.js";

/** A workbook that cannot be read: a problem of the catalogue. */
export type WorkbookProblem = { ok: false } & Problem;

interface Part {
  /** where the part's local header starts and the part (data and any data descriptor) ends */
  readonly start: number;
  readonly end: number;
  /** the name exceljs is to see, when not the stored one */
  readonly rename?: string;
}

export interface WorkbookParts {
  readonly parts: Part[];
  readonly sheetName: string;
  readonly sharedStrings: boolean;
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
    return { parts: parts.filter((p): p is Part => p !== null), sheetName, sharedStrings: entries.has("xl/sharedStrings.xml") };
  } finally {
    await file.close();
  }
}

/** The parts as one zip stream (local entries only, then an end record so the reader stops cleanly). */
export async function* partStream(src: string, w: WorkbookParts): AsyncGenerator<Buffer> {
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

/** corrupt_xlsx */
export function corrupt(reason: CorruptReason): WorkbookProblem {
  return { ok: false, ...problem("corrupt_xlsx", { reason }) };
}

/** no_worksheet */
export function noWorksheet(): WorkbookProblem {
  return { ok: false, ...problem("no_worksheet", {}) };
}
