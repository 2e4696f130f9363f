// Preparation of a municipality's commentary file (contract §14): an `.md` in its folder, read from the
// archived copy. It must be UTF-8 text (a BOM is allowed) of at most commentaryLimit bytes; its text
// (LF line ends, no BOM) is what the load keeps, and its findings are those of contract/commentary.ts.
import { readFile } from "node:fs/promises";
import { commentaryFindings } from "../contract/commentary.js";
import { found } from "../contract/findings.js";
import type { Schema } from "../contract/schema.js";
import { EncodingCheck } from "./encoding.js";
import type { Prepared } from "./intake.js";

/** The largest commentary read: a few paragraphs per report are a few kB. */
export const commentaryLimit = 1024 * 1024;

/** The line (1-based) of byte offset `at`. */
const lineAt = (bytes: Buffer, at: number): number => {
  let n = 1;
  for (let p = bytes.indexOf(10); p !== -1 && p < at; p = bytes.indexOf(10, p + 1)) n++;
  return n;
};

/** Reads a commentary's text and findings into p (kind, text, rows: its lines); a problem of the file is FATAL. */
export async function prepareCommentary(p: Prepared, schema: Schema, threshold: number): Promise<void> {
  const c = p.candidate;
  p.kind = "commentary";
  const size = p.inspection.size;
  if (size > commentaryLimit) {
    p.findings.push(found("commentary_too_large", c.display, { bytes: size, limit: commentaryLimit }));
    return;
  }
  const bytes = await readFile(p.source);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    p.findings.push(found("commentary_not_text", c.display, { reason: "utf16", line: 1 }, { line: 1 }));
    return;
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const line = lineAt(bytes, nul);
    p.findings.push(found("commentary_not_text", c.display, { reason: "nul", line }, { line }));
    return;
  }
  const check = new EncodingCheck();
  check.push(bytes, 0);
  const facts = check.end(lineAt(bytes, bytes.length) - 1);
  if (!facts.valid) {
    p.findings.push(found("commentary_not_text", c.display, { reason: "encoding", line: facts.invalidLine }, { line: facts.invalidLine }));
    return;
  }
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  p.encoding = "utf-8";
  p.text = text;
  p.rowsRead = text === "" ? 0 : text.replace(/\n$/, "").split("\n").length;
  p.findings.push(...commentaryFindings(c.display, text, schema, threshold));
}
