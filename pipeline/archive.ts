// The archive (contract §1): every file that was read is kept byte for byte under its SHA-256, read
// only, and the manifest records when and from where it first came — the archive is the source of
// truth that `kas rebuild` replays. Rejected files are also copied to quarantine with a reason file.
import { spawnSync } from "node:child_process";
import { appendFileSync, chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, writeFileSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { shownName } from "./discover.js";
import { formatFinding, type Finding } from "./finding.js";

export interface ManifestEntry {
  readonly sha256: string;
  readonly ext: string;
  readonly municipality: string;
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly firstSeen: string;
  readonly runId: number;
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

/** Makes the archive's new files durable: one syncfs of its file system (coreutils `sync -f`), else an fsync per file. */
export function syncArchive(archiveDir: string, files: readonly string[]): void {
  if (files.length === 0) return;
  if (spawnSync("sync", ["-f", archiveDir], { stdio: "ignore" }).status === 0) return;
  for (const f of files) {
    const fd = openSync(f, "r");
    fsyncSync(fd);
    closeSync(fd);
    syncDir(f);
  }
}

/** Appends to the manifest (fsync'd before the database records the file). */
export function appendManifest(archiveDir: string, entries: readonly ManifestEntry[]): void {
  if (entries.length === 0) return;
  const path = join(archiveDir, "manifest.jsonl");
  mkdirSync(archiveDir, { recursive: true, mode: 0o700 });
  const fd = openSync(path, "a", 0o600);
  try {
    appendFileSync(fd, entries.map((e) => JSON.stringify(e)).join("\n") + "\n");
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The manifest in the order files were first seen; a hash listed twice (a run that died) counts once. */
export function readManifest(archiveDir: string): ManifestEntry[] {
  const path = join(archiveDir, "manifest.jsonl");
  if (!existsSync(path)) return [];
  const seen = new Set<string>();
  const out: ManifestEntry[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    let e: ManifestEntry;
    try {
      e = JSON.parse(line) as ManifestEntry;
    } catch {
      continue; // a line cut short by a crash: its file is seen again in the inbox next run
    }
    if (seen.has(e.sha256)) continue;
    seen.add(e.sha256);
    out.push(e);
  }
  return out;
}

/** A name safe to use inside quarantine/: never a path, never hidden, never long. */
export function safeName(name: string): string {
  const cleaned = name.normalize("NFC").replace(/[^\p{L}\p{N}._ -]/gu, "_").replace(/^[.\s]+/, "").slice(0, 120);
  return cleaned || "fil";
}

/** Copies a rejected file to quarantine/<municipality>/ with a .reason.txt beside it. No personal data: findings never hold identity numbers. */
export function quarantine(
  quarantineDir: string,
  archivePath: string,
  entry: { municipality: string; name: string; sha256: string },
  findings: readonly Finding[],
  when: Date
): string {
  const dir = join(quarantineDir, /^\d{4}$/.test(entry.municipality) ? entry.municipality : "_");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const base = `${entry.sha256.slice(0, 12)}-${safeName(entry.name)}`;
  const target = join(dir, base);
  if (!existsSync(target)) {
    try {
      linkSync(archivePath, target);
    } catch {
      copyFileSync(archivePath, target);
      chmodSync(target, 0o400);
    }
  }
  const reasons = [
    `Filen ${entry.municipality}/${shownName(entry.name)} avvisades ${when.toISOString()}.`,
    `SHA-256: ${entry.sha256}`,
    "",
    "Skäl:",
    ...findings.filter((f) => f.severity === "FATAL" || f.severity === "ERROR").map(formatFinding),
    "",
    "Övriga iakttagelser:",
    ...findings.filter((f) => f.severity === "WARNING" || f.severity === "INFO").map(formatFinding),
    ""
  ].join("\n");
  writeFileSync(`${target}.reason.txt`, reasons, { mode: 0o600 });
  return target;
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, "r");
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // not every file system lets a directory be fsync'd
  }
}
