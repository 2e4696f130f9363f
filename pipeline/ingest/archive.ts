// The archive (contract §1): every file that was read is kept byte for byte under its SHA-256, read
// only, and the manifest records when and from where it first came — the archive is the source of
// truth that `kas rebuild` replays. Rejected files are also copied to quarantine with a reason file.
import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, closeSync, copyFileSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { extensionOf, isInboxFolder, shownName } from "./discover.js";
import { maskedAs } from "../contract/masking.js";
import { fsyncDir, fsyncFile } from "../system/durable.js";
import type { Finding } from "../contract/finding.js";
import type { Language } from "../contract/schema.js";
import { cliWords } from "../cli-words.js";
import { findingLine } from "../text.js";

/**
 * What makes a file the same file: its municipality folder, its bytes and how they are read (the
 * extension). A byte-identical re-upload to the same folder is a no-op; the same bytes in another
 * folder are that municipality's file (one put in the wrong folder first, and rejected there, loads
 * from the right one); the same bytes under another extension are another file (a CSV first uploaded
 * as .txt, rejected for its extension, loads once renamed .csv — and an empty .xlsx is not the empty
 * .csv it shares a hash with).
 */
export const fileKey = (municipality: string, sha256: string, name: string): string => `${municipality}/${sha256}.${extensionOf(name)}`;

export interface ManifestEntry {
  readonly sha256: string;
  readonly ext: string;
  readonly municipality: string;
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly firstSeen: string;
  /** the run that read it (a token unique across rebuilds); it counts once that run was published */
  readonly run: string;
}

/** Where a file with this hash lives, relative to the archive. */
export function archivedName(sha256: string, ext: string): string {
  return join(sha256.slice(0, 2), `${sha256}.${ext}`);
}

/** A fresh temporary path inside the archive, for inspectFile's copy (same file system, so rename is atomic). */
export function archiveTemp(archiveDir: string, token: string): string {
  mkdirSync(join(archiveDir, "tmp"), { recursive: true, mode: 0o700 });
  return join(archiveDir, "tmp", `${process.pid}-${token}.part`);
}

/**
 * Moves a finished copy into place under its hash. A file of that name is replaced: the database did
 * not know the hash, so it can only be the remnant of a run that died before its copies were synced.
 * Durability comes from syncArchive, once for all files of a run, before the manifest names them.
 */
export function commitToArchive(archiveDir: string, temp: string, sha256: string, ext: string): string {
  const rel = archivedName(sha256, ext);
  const target = join(archiveDir, rel);
  mkdirSync(dirname(target), { recursive: true, mode: 0o700 });
  chmodSync(temp, 0o400);
  renameSync(temp, target);
  return rel;
}

/** Up to this many new files are fsync'd one by one; more at once (a first load) are flushed with one syncfs. */
const fsyncEach = 32;

/**
 * Makes the archive's new files durable: an fsync per file (and its folder) for a night's few files —
 * a syncfs would also wait for everything else the run has written, such as the copy of the
 * database — and one syncfs of the file system (coreutils `sync -f`) for many.
 */
export function syncArchive(archiveDir: string, files: readonly string[]): void {
  if (files.length === 0) return;
  if (files.length > fsyncEach && spawnSync("sync", ["-f", archiveDir], { stdio: "ignore" }).status === 0) return;
  for (const f of files) fsyncFile(f);
  for (const dir of new Set(files.map((f) => dirname(f)))) fsyncDir(dir);
}

const manifestOf = (archiveDir: string) => join(archiveDir, "manifest.jsonl");

/** Appends lines to the manifest, fsync'd; a line cut short by a crash is ended first. */
function appendLines(archiveDir: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const path = manifestOf(archiveDir);
  mkdirSync(archiveDir, { recursive: true, mode: 0o700 });
  const fd = openSync(path, "a+", 0o600);
  try {
    const size = fstatSync(fd).size;
    let ended = true;
    if (size > 0) {
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, size - 1);
      ended = last[0] === 0x0a;
    }
    appendFileSync(fd, (ended ? "" : "\n") + lines.join("\n") + "\n");
    fsyncSync(fd);
    if (size === 0) fsyncDir(archiveDir); // a new manifest's name
  } finally {
    closeSync(fd);
  }
}

/** Records the files a run archived (before it loads them). */
export function appendManifest(archiveDir: string, entries: readonly ManifestEntry[]): void {
  appendLines(archiveDir, entries.map((e) => JSON.stringify(e)));
}

/** Records that a run was published: from now on its files count (pipeline/publish/switch.ts calls this). */
export function markPublished(archiveDir: string, run: string): void {
  const path = manifestOf(archiveDir);
  if (existsSync(path) && readFileSync(path, "utf8").includes(JSON.stringify({ published: run }))) return;
  appendLines(archiveDir, [JSON.stringify({ published: run })]);
}

/**
 * The files of published runs, in the order the published database saw them: a file archived by a
 * run that died was read again by a later run, and counts where that run put it.
 */
export function readManifest(archiveDir: string): ManifestEntry[] {
  const path = manifestOf(archiveDir);
  if (!existsSync(path)) return [];
  const entries: ManifestEntry[] = [];
  const published = new Set<string>();
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    let e: ManifestEntry | { published: string };
    try {
      e = JSON.parse(line);
    } catch {
      continue; // a line cut short by a crash: its run was never published
    }
    if ("published" in e) published.add(e.published);
    else entries.push(e);
  }
  // one entry per file (fileKey), at its last published position
  const last = new Map<string, number>();
  entries.forEach((e, i) => {
    if (published.has(e.run)) last.set(fileKey(e.municipality, e.sha256, e.name), i);
  });
  return entries.filter((e, i) => last.get(fileKey(e.municipality, e.sha256, e.name)) === i);
}

/** The longest name safe() gives, in UTF-8 bytes: with the hash prefix and ".reason.txt" well under
 *  the 255 bytes a file name may have on every common file system. */
const safeNameBytes = 120;

/**
 * Files in the archive that no manifest line names (a line removed or lost): kas rebuild cannot know
 * their municipality or name, so it says so instead of dropping them without a word.
 */
export function unlistedFiles(archiveDir: string): string[] {
  const path = manifestOf(archiveDir);
  const listed = new Set(
    (existsSync(path) ? readFileSync(path, "utf8").split("\n") : []).flatMap((line) => {
      try {
        const e = JSON.parse(line) as Partial<ManifestEntry>;
        return e.sha256 && e.ext ? [archivedName(e.sha256, e.ext)] : [];
      } catch {
        return [];
      }
    })
  );
  if (!existsSync(archiveDir)) return [];
  return readdirSync(archiveDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /^[0-9a-f]{64}\.\w+$/.test(d.name))
    .map((d) => relative(archiveDir, join(d.parentPath, d.name)))
    .filter((rel) => !listed.has(rel))
    .sort();
}

/** A name safe to use inside quarantine/: never a path, never hidden, never long — cut by bytes, at a
 *  character boundary (125 × "ö" is 250 bytes). */
export function safeName(name: string): string {
  let cleaned = maskedAs(name.normalize("NFC"), "dolt").replace(/[^\p{L}\p{N}._ -]/gu, "_").replace(/^[.\s]+/, "");
  while (Buffer.byteLength(cleaned, "utf8") > safeNameBytes) cleaned = [...cleaned].slice(0, -1).join("");
  return cleaned || "fil";
}

/** Copies a rejected file to quarantine/<municipality>/ with a .reason.txt beside it, in the network's
 *  language (Swedish by default). No personal data: findings never hold identity numbers. */
export function quarantine(
  quarantineDir: string,
  archivePath: string,
  entry: { municipality: string; name: string; sha256: string },
  findings: readonly Finding[],
  when: Date,
  lang: Language = "sv"
): string {
  const dir = join(quarantineDir, isInboxFolder(entry.municipality) ? entry.municipality : "_");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const base = `${entry.sha256.slice(0, 12)}-${safeName(entry.name)}`;
  const target = join(dir, base);
  if (!existsSync(target)) {
    // a copy, never a hard link: editing the quarantined file must not edit the archive
    copyFileSync(archivePath, target);
    chmodSync(target, 0o400);
  }
  const w = cliWords(lang).summary.reasonFile;
  const line = (f: Finding) => findingLine(f, lang);
  const reasons = [
    w.rejected(`${entry.municipality}/${shownName(entry.name)}`, when.toISOString()),
    `SHA-256: ${entry.sha256}`,
    "",
    w.reasons,
    ...findings.filter((f) => f.severity === "FATAL" || f.severity === "ERROR").map(line),
    "",
    w.others,
    ...findings.filter((f) => f.severity === "WARNING" || f.severity === "INFO").map(line),
    ""
  ].join("\n");
  writeFileSync(`${target}.reason.txt`, reasons, { mode: 0o600 });
  return target;
}

