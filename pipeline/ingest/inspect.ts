// The one streaming pass over an uploaded file (contract §1–§2): hashes it, copies it byte for byte
// to the archive, and finds out whether it is text in a contract encoding (UTF-8 with or without BOM,
// or Windows-1252) that DuckDB can be given (the text checks are scan.ts). Nothing is held in memory but
// the chunk at hand and the first 64 KiB of text (for the dialect sniffer); a 10 MB line is measured,
// never buffered.
import { createHash } from "node:crypto";
import { open, rm, type FileHandle } from "node:fs/promises";
import { defaultChunk, readChunks, writeAll, type Expected } from "./chunks.js";
import { TextScan, type TextScanResult } from "./scan.js";

export interface Inspection extends TextScanResult {
  /** hex SHA-256 of the bytes as uploaded */
  readonly sha256: string;
  readonly size: number;
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
  /** an upload: the file discovery listed, which the open file must be (chunks.ts readChunks) */
  readonly expected?: Expected;
}

/** Reads the file once; see Inspection. Fails (rejects) only on I/O errors, never on content. */
export async function inspectFile(path: string, options: InspectOptions = {}): Promise<Inspection> {
  const hash = createHash("sha256");
  const scan = options.binary ? null : new TextScan();
  const out: FileHandle | null = options.copyTo ? await open(options.copyTo, "wx") : null;
  let size = 0;
  try {
    for await (const chunk of readChunks(path, options.chunkSize ?? defaultChunk, options.expected)) {
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
