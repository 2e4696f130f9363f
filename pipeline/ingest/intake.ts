// The intake of `kas run` and `kas rebuild`: from the upload folder (or the archive) to the new files
// of this run — each archived first, then prepared (ingest/prepare.ts), staged, checked and loaded in
// batches (load/load.ts), recorded (load/record.ts), and accepted or quarantined with its reasons
// (contract §1–§4); nothing else is lost when one file is bad.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { appendManifest, archivedName, archiveTemp, commitToArchive, fileKey, quarantine, syncArchive, unlistedFiles, type ManifestEntry } from "./archive.js";
import type { CheckedFile } from "../load/checks.js";
import type { IngestPaths } from "../config.js";
import type { Context } from "../system/context.js";
import { sqlText, type Db } from "../db/connection.js";
import type { Delimiter } from "./dialect.js";
import { discover, pathKey, unchangedSince, type Candidate, type Ignored } from "./discover.js";
import { rejects, type Finding } from "../contract/finding.js";
import { inspectFile, type Inspection } from "./inspect.js";
import type { Profile, Profiles } from "../contract/profile.js";
import { kindsOf, type KindName, type Language, type Schema } from "../contract/schema.js";
import { batches, loadBatch } from "../load/load.js";
import { loadCommentary } from "../load/commentary.js";
import { recordFiles, type SeenRow } from "../load/record.js";
import type { Keyer, StagedFile } from "../load/stage.js";
import { prepare } from "./prepare.js";
import { pausePoint } from "../system/fault.js";
import { cliWords, ignoredReason, stageName } from "../cli-words.js";

export type FileStatus = "accepted" | "rejected" | "unchanged" | "duplicate" | "deferred";

export interface FileOutcome {
  readonly display: string;
  readonly municipality: string;
  readonly name: string;
  readonly status: FileStatus;
  readonly sha256: string | null;
  readonly fileId: number | null;
  readonly kind: FileKind | null;
  readonly rowsRead: number | null;
  readonly rowsLoaded: number | null;
  readonly findings: readonly Finding[];
  readonly quarantined: string | null;
  /** the order first seen (files.seq), for a file read in this run */
  readonly seq: number | null;
  /** earlier rows this file replaced (contract §1), one entry per earlier file */
  readonly replaced: readonly Replaced[];
}

/** What a file can be (files.kind): one of the kinds of schemas/kinds.json, or a commentary (.md, contract §14). */
export type FileKind = KindName | "commentary";

export interface Replaced {
  readonly file: string;
  readonly kind: FileKind;
  /** the months replaced, YYYY-MM (bistand); none for an insats snapshot, a survey, population or commentary */
  readonly months: readonly string[];
  /** survey and population only: the years replaced, YYYY (a population file's, of every municipality it replaced) */
  readonly years?: readonly string[];
  readonly rows: number;
}

export interface IngestResult {
  readonly files: readonly FileOutcome[];
  readonly ignored: readonly Ignored[];
  /** rows loaded per kind: bistand and insats always, other kinds only when some were (a commentary counts its lines) */
  readonly rowsLoaded: Readonly<{ bistand: number; insats: number } & Partial<Record<FileKind, number>>>;
  readonly replacements: number;
}

export interface IngestDeps {
  readonly schema: Schema;
  readonly profiles: Profiles;
  readonly keyer: Keyer;
  readonly runId: number;
  /** the run's token in the archive manifest (unique across rebuilds) */
  readonly runToken: string;
  /** input bytes staged at a time: bounds memory on national-scale runs */
  readonly batchBytes?: number;
  /** the confidentiality threshold (contract §8) a commentary's small numbers are held to */
  readonly threshold: number;
  /** the network's language (settings, contract §12): the quarantine's reasons are written in it, and a
   *  Norwegian network's findings name a code both countries have as Norway's (load/checks.ts); absent: Swedish */
  readonly language?: Language;
}

/** A new file on its way through the stage. */
export interface Prepared {
  readonly candidate: Candidate;
  readonly fileId: number;
  readonly seq: number;
  readonly sha256: string;
  /** path inside the archive (kas run), or "" (kas validate) */
  readonly archived: string;
  /** the bytes to read: the archived copy, or the file itself for kas validate */
  readonly source: string;
  /** the inbox folder, or null for a loose file */
  readonly folder: string | null;
  /** when the pipeline first saw the file (ISO) */
  readonly firstSeen: string;
  readonly inspection: Inspection;
  findings: Finding[];
  kind: FileKind | null;
  staged: StagedFile | null;
  /** a commentary's text (LF line ends, no BOM), once read */
  text: string | null;
  lineOf: CheckedFile["lineOf"];
  encoding: string | null;
  delimiter: Delimiter | null;
  profile: Profile | null;
  rowsRead: number | null;
  rowsLoaded: number | null;
}


/** kas run: every new complete file of the inbox, archived first, then read, checked and loaded. */
export async function ingest(ctx: Context, db: Db, cfg: IngestPaths, deps: IngestDeps): Promise<IngestResult> {
  const { runId } = deps;
  const now = ctx.clock();
  const w = cliWords(deps.language);
  const { candidates, ignored } = discover(cfg.inbox);
  for (const i of ignored) ctx.log.detail(w.log.skipping(i.display, ignoredReason(w, i.reason)));

  const seen = new Map(
    (await db.all<{ path: string; size: number; mtime_ms: number; ino: number; sha256: string }>(sqlText("runs/inbox_seen"))).map((r) => [r.path, r])
  );
  const known = await knownFiles(db);
  let { fileId, seq } = await nextIds(db);

  const outcomes: FileOutcome[] = [];
  const fresh: Prepared[] = [];
  const entries: ManifestEntry[] = [];
  const seenRows: SeenRow[] = [];
  for (const c of candidates) {
    const cached = seen.get(pathKey(c.path));
    if (cached && cached.size === c.size && cached.mtime_ms === c.mtimeMs && Number(cached.ino) === c.ino && known.has(fileKey(c.municipality, cached.sha256, c.name))) {
      outcomes.push(outcome(c, "unchanged", cached.sha256));
      continue;
    }
    const temp = archiveTemp(cfg.archiveDir, `${runId}-${fileId}-${seq}`);
    rmSync(temp, { force: true });
    let inspection: Inspection | null;
    try {
      pausePoint("before-open");
      inspection = await inspectFile(c.path, { copyTo: temp, binary: c.ext !== "csv", durable: false, expected: c });
    } catch (e) {
      // The uploader removed or renamed the file after it was listed: one file must not stop the run.
      const err = e as NodeJS.ErrnoException;
      if (err.path !== c.path || !["ENOENT", "EACCES", "EPERM", "EISDIR", "ELOOP", "ECHANGED"].includes(err.code ?? "")) throw e;
      rmSync(temp, { force: true });
      if (err.code !== "ECHANGED") {
        ctx.log.warn(w.log.vanished(c.display, err.code ?? ""));
        outcomes.push(outcome(c, "deferred", null));
        continue;
      }
      inspection = null; // grown, or no longer the file that was listed: as a file that changed
    }
    pausePoint("after-read");
    if (!inspection || !unchangedSince(c.path, c)) {
      rmSync(temp, { force: true });
      ctx.log.info(w.log.changing(c.display));
      outcomes.push(outcome(c, "deferred", null));
      continue;
    }
    seenRows.push({ path: pathKey(c.path), size: c.size, mtimeMs: c.mtimeMs, ino: c.ino, sha256: inspection.sha256 });
    if (known.has(fileKey(c.municipality, inspection.sha256, c.name))) {
      rmSync(temp, { force: true });
      outcomes.push(outcome(c, "duplicate", inspection.sha256));
      continue;
    }
    known.add(fileKey(c.municipality, inspection.sha256, c.name));
    const archived = commitToArchive(cfg.archiveDir, temp, inspection.sha256, archiveExt(c.ext));
    entries.push({
      sha256: inspection.sha256, ext: c.ext, municipality: c.municipality, name: c.name, size: c.size,
      mtimeMs: c.mtimeMs, firstSeen: now.toISOString(), run: deps.runToken
    });
    fresh.push(newPrepared(c, fileId++, seq++, inspection, archived, join(cfg.archiveDir, archived), now.toISOString()));
  }
  // every copy on disk before the manifest (the archive's index, which rebuild replays) names it
  syncArchive(cfg.archiveDir, fresh.map((p) => p.source));
  appendManifest(cfg.archiveDir, entries);
  return processFresh(ctx, db, cfg, deps, fresh, outcomes, ignored, seenRows);
}

/** Every file the database has read, by fileKey (pipeline/ingest/archive.ts). */
export async function knownFiles(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ municipality: string; sha256: string; name: string }>(sqlText("runs/known_files"));
  return new Set(rows.map((r) => fileKey(r.municipality, r.sha256, r.name)));
}

/** kas rebuild: the archive alone, replayed in the order the files were first seen. */
export async function ingestArchive(ctx: Context, db: Db, cfg: IngestPaths, deps: IngestDeps, entries: readonly ManifestEntry[]): Promise<IngestResult> {
  let { fileId, seq } = await nextIds(db);
  const fresh: Prepared[] = [];
  for (const e of entries) {
    const archived = archivedName(e.sha256, archiveExt(e.ext as Candidate["ext"]));
    const path = join(cfg.archiveDir, archived);
    if (!existsSync(path)) throw new Error(`the archive lacks ${archived}, which its manifest lists (${e.municipality}/${e.name})`);
    const c: Candidate = {
      municipality: e.municipality, name: e.name, display: `${e.municipality}/${e.name}`, path, ext: e.ext as Candidate["ext"],
      size: e.size, mtimeMs: e.mtimeMs, dev: 0, ino: 0
    };
    const inspection = await inspectFile(path, { binary: c.ext !== "csv" });
    if (inspection.sha256 !== e.sha256) throw new Error(`the archived file ${archived} no longer has the SHA-256 it was stored under`);
    fresh.push(newPrepared(c, fileId++, seq++, inspection, archived, path, e.firstSeen));
  }
  const w = cliWords(deps.language);
  const unlisted = unlistedFiles(cfg.archiveDir).map((f): Ignored => ({ display: `${w.log.archiveFolder}/${f}`, reason: { why: "unlisted" } }));
  for (const u of unlisted) ctx.log.warn(`${u.display} ${ignoredReason(w, u.reason)}`);
  return processFresh(ctx, db, cfg, deps, fresh, [], unlisted, []);
}

const archiveExt = (ext: Candidate["ext"]) => (ext === "other" ? "bin" : ext);

async function nextIds(db: Db): Promise<{ fileId: number; seq: number }> {
  const [r] = await db.all<{ file_id: number; seq: number }>(sqlText("runs/next_file_ids"));
  return { fileId: r.file_id, seq: r.seq };
}

function newPrepared(c: Candidate, fileId: number, seq: number, inspection: Inspection, archived: string, source: string, firstSeen: string): Prepared {
  return {
    candidate: c, fileId, seq, sha256: inspection.sha256, archived, source, folder: c.municipality, firstSeen, inspection, findings: [],
    kind: null, staged: null, text: null, lineOf: null, encoding: inspection.encoding, delimiter: null, profile: null, rowsRead: null, rowsLoaded: null
  };
}

async function processFresh(ctx: Context, db: Db, cfg: IngestPaths, deps: IngestDeps, fresh: Prepared[], outcomes: FileOutcome[], ignored: Ignored[], seenRows: SeenRow[]): Promise<IngestResult> {
  const { schema, profiles, runId } = deps;
  const w = cliWords(deps.language);
  const now = ctx.clock();
  const workDir = join(cfg.workDir, `run-${runId}`);
  mkdirSync(workDir, { recursive: true, mode: 0o700 });
  try {
    for (const p of fresh) await prepare(p, profiles.byMunicipality.get(p.candidate.municipality) ?? null, schema, workDir, profiles.byName.values(), deps.threshold);
    const rowsLoaded: { bistand: number; insats: number } & Partial<Record<FileKind, number>> = { bistand: 0, insats: 0 };
    const add = (kind: FileKind, n: number) => {
      if (n > 0 || kind === "bistand" || kind === "insats") rowsLoaded[kind] = (rowsLoaded[kind] ?? 0) + n;
    };
    let done = 0;
    for (const kind of kindsOf(schema)) {
      const ready = fresh.filter((p) => p.kind === kind && p.staged && !rejects(p.findings));
      for (const batch of batches(ready, deps.batchBytes ?? 256 * 2 ** 20)) {
        add(kind, await loadBatch(db, kind, batch, schema, deps, now));
        done += batch.length;
        ctx.log.progress(stageName(w, "inläsning"), done, fresh.length);
      }
    }
    add("commentary", await loadCommentary(db, fresh.filter((p) => p.kind === "commentary" && !rejects(p.findings)), runId));
    await recordFiles(db, fresh, seenRows, runId, ctx, deps.language);
    const replaced = await db.all<{ file_id: number; old_file: string; kind: FileKind; months: string[] | null; years: string[] | null; rows: number }>(
      sqlText("runs/run_replaced_files"), { run_id: runId }
    );
    for (const p of fresh) {
      const status = rejects(p.findings) ? "rejected" : "accepted";
      const quarantined = status === "rejected" ? quarantineOrSay(ctx, cfg, p, now, deps.language) : null;
      outcomes.push({
        display: p.candidate.display, municipality: p.candidate.municipality, name: p.candidate.name, status, sha256: p.sha256,
        fileId: p.fileId, kind: p.kind, rowsRead: p.rowsRead, rowsLoaded: status === "accepted" ? p.rowsLoaded : 0, findings: p.findings, quarantined,
        seq: p.seq,
        replaced: replaced
          .filter((r) => r.file_id === p.fileId)
          .map(({ old_file, kind, months, years, rows }) => ({ file: old_file, kind, months: months ?? [], ...(years ? { years } : {}), rows }))
      });
    }
    const [{ n }] = await db.all<{ n: number }>(sqlText("runs/run_replacements"), { run_id: runId });
    return { files: outcomes, ignored, rowsLoaded, replacements: n };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Quarantines a rejected file; a quarantine that cannot be written is said, and the night goes on
 *  (the file is rejected and recorded all the same, and its reasons are on quality.html). */
function quarantineOrSay(ctx: Context, cfg: IngestPaths, p: Prepared, now: Date, lang: Language | undefined): string | null {
  try {
    return quarantine(cfg.quarantineDir, join(cfg.archiveDir, p.archived), { ...p.candidate, sha256: p.sha256 }, p.findings, now, lang);
  } catch (e) {
    ctx.log.error(cliWords(lang).log.notQuarantined(p.candidate.display, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    return null;
  }
}

function outcome(c: Candidate, status: FileStatus, sha256: string | null): FileOutcome {
  return { display: c.display, municipality: c.municipality, name: c.name, status, sha256, fileId: null, kind: null, rowsRead: null, rowsLoaded: null, findings: [], quarantined: null, seq: null, replaced: [] };
}
