// Contract §1: the upload folder. <inbox>/<4-digit municipality>/<name>.csv|.xlsx|.md (a municipality's
// extracts and its commentary) and <inbox>/network/<name>.csv|.xlsx (reference data); `.part` files are still
// uploading. Names are never trusted as paths: only entries listed by readdir are opened, symlinks and
// anything that is not a regular file are skipped, and the name is kept for display only.
import { createHash } from "node:crypto";
import { lstatSync, readdirSync, type Stats } from "node:fs";
import { maskedAs } from "../contract/masking.js";
import { join } from "node:path";

export interface Candidate {
  /** the inbox folder: a 4-digit municipality code, or "network" */
  readonly municipality: string;
  readonly name: string;
  /** "0181/bistand 2024.csv": how the file is named in messages */
  readonly display: string;
  readonly path: string;
  readonly ext: "csv" | "xlsx" | "md" | "other";
  readonly size: number;
  readonly mtimeMs: number;
  readonly dev: number;
  readonly ino: number;
}

export interface Ignored {
  readonly display: string;
  /** why it is not read, as data: the words are the reader's language's (pipeline/cli-words.ts ignoredReason) */
  readonly reason: IgnoreReason;
}

/** Why an entry of the inbox (or a file of the archive) is not read. */
export type IgnoreReason =
  | { readonly why: "hidden_folder" | "outside" | "hidden_file" | "uploading" | "symlink" | "not_a_file" | "not_utf8" | "unlisted" }
  | { readonly why: "unreadable_folder"; readonly code: string };

export const municipalityFolder = /^\d{4}$/;

/** The folder of network-wide reference data (contract §1, §11). */
export const networkFolder = "network";

/** The folders of the inbox that are read: a municipality's, or network/. */
export const isInboxFolder = (name: string): boolean => municipalityFolder.test(name) || name === networkFolder;

/** Characters that could forge a log line or hide the real name on a terminal: C0/C1 controls, DEL,
 *  bidirectional overrides, line and paragraph separators. */
const unprintable = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** A file name as messages, logs, pages and the database show it: anything unprintable escaped as \n
 *  or \u{…}, and an identity number in the name ("19700101-1001.csv") hidden. */
export function shownName(name: string): string {
  const escaped = name.replace(unprintable, (ch) =>
    ch === "\n" ? "\\n" : ch === "\r" ? "\\r" : ch === "\t" ? "\\t" : `\\u{${ch.codePointAt(0)!.toString(16).padStart(4, "0")}}`
  );
  return maskedAs(escaped, "[personnummer dolt]");
}

/** What the database keeps of an inbox path, to know an unchanged file again: a digest, since a
 *  path can hold a name with an identity number. */
export const pathKey = (path: string): string => createHash("sha256").update(path).digest("hex");

export function extensionOf(name: string): Candidate["ext"] {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  if (lower.endsWith(".md")) return "md";
  return "other";
}

/** A folder's entries by name; a name that is not valid UTF-8 cannot be opened safely by its decoded
 *  form, so it is returned apart, shown with its bytes escaped. */
function entries(dir: string): { names: string[]; undecodable: string[] } {
  const names: string[] = [];
  const undecodable: string[] = [];
  for (const raw of readdirSync(dir, { encoding: "buffer" })) {
    const name = raw.toString("utf8");
    if (Buffer.from(name, "utf8").equals(raw)) names.push(name);
    else undecodable.push([...raw].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, "0")}`)).join(""));
  }
  return { names: names.sort(), undecodable: undecodable.sort() };
}

const notUtf8: IgnoreReason = { why: "not_utf8" };

/** Lists the complete files of the inbox, ordered by municipality, modification time and name; every
 *  other entry is listed as ignored with the reason, so nothing in the inbox goes unmentioned. */
export function discover(inbox: string): { candidates: Candidate[]; ignored: Ignored[] } {
  const candidates: Candidate[] = [];
  const ignored: Ignored[] = [];
  let top: ReturnType<typeof entries>;
  try {
    top = entries(inbox);
  } catch (e) {
    throw new Error(`inkorgen ${inbox} kan inte läsas: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}. Ange rätt mapp med --inbox.`);
  }
  for (const shown of top.undecodable) ignored.push({ display: shown, reason: notUtf8 });
  for (const folder of top.names) {
    const dir = join(inbox, folder);
    const st = lstatSync(dir, { throwIfNoEntry: false });
    if (!st) continue;
    if (folder.startsWith(".")) {
      ignored.push({ display: shownName(folder), reason: { why: st.isDirectory() ? "hidden_folder" : "hidden_file" } });
      continue;
    }
    if (!st.isDirectory() || !isInboxFolder(folder)) {
      ignored.push({ display: shownName(folder), reason: { why: "outside" } });
      continue;
    }
    let listed: ReturnType<typeof entries>;
    try {
      listed = entries(dir);
    } catch (e) {
      // one municipality's folder (owned by its upload account) must not stop every other's night
      const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      ignored.push({ display: `${folder}/`, reason: { why: "unreadable_folder", code } });
      continue;
    }
    for (const shown of listed.undecodable) ignored.push({ display: `${folder}/${shown}`, reason: notUtf8 });
    for (const name of listed.names) {
      const display = `${folder}/${shownName(name)}`;
      if (name.startsWith(".")) {
        // said, not silently skipped: an upload named ".x.csv" would otherwise vanish without a word
        ignored.push({ display, reason: { why: "hidden_file" } });
        continue;
      }
      if (name.toLowerCase().endsWith(".part")) {
        ignored.push({ display, reason: { why: "uploading" } });
        continue;
      }
      const path = join(dir, name);
      let s: Stats | undefined;
      try {
        s = lstatSync(path, { throwIfNoEntry: false });
      } catch {
        s = undefined;
      }
      if (!s) continue;
      if (s.isSymbolicLink()) {
        ignored.push({ display, reason: { why: "symlink" } });
        continue;
      }
      if (!s.isFile()) {
        ignored.push({ display, reason: { why: "not_a_file" } });
        continue;
      }
      candidates.push({ municipality: folder, name, display, path, ext: extensionOf(name), size: s.size, mtimeMs: s.mtimeMs, dev: s.dev, ino: s.ino });
    }
  }
  candidates.sort(
    (a, b) => a.mtimeMs - b.mtimeMs || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.municipality < b.municipality ? -1 : 1)
  );
  return { candidates, ignored };
}

/** True when the file is unchanged since `before` was taken (a file still growing is left for the next run). */
export function unchangedSince(path: string, before: { size: number; mtimeMs: number; ino: number }): boolean {
  const s = lstatSync(path, { throwIfNoEntry: false });
  return !!s && s.size === before.size && s.mtimeMs === before.mtimeMs && s.ino === before.ino;
}
