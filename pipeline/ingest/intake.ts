// The ingest stage of `kas run`: from the upload folder to validated, pseudonymised, normalised rows
// in the canonical tables (contract §1–§4). Every new complete file is archived, read, checked and
// either loaded or quarantined with its reasons; nothing else is lost when one file is bad.
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { appendManifest, archivedName, archiveTemp, commitToArchive, fileKey, quarantine, syncArchive, type ManifestEntry } from "./archive.js";
import { runChecks, type CheckedFile } from "../load/checks.js";
import type { RunConfig } from "../config.js";
import type { Context } from "../system/context.js";
import { lit, sqlText, type Db } from "../db/connection.js";
import { sniffDialect, type Delimiter } from "./dialect.js";
import { discover, unchangedSince, type Candidate, type Ignored } from "./discover.js";
import { finding, rejects, type Finding } from "../contract/finding.js";
import { inspectFile, transcodeToUtf8, type Inspection } from "./inspect.js";
import { layoutOf } from "./layout.js";
import { recordLines } from "./lines.js";
import { normaliseKey, type Profile, type Profiles } from "../contract/profile.js";
import type { KindName, Schema } from "../contract/schema.js";
import { dropStaging, stagePseudonyms, stageRows, type Keyer, type StagedFile } from "../load/stage.js";

export type FileStatus = "accepted" | "rejected" | "unchanged" | "duplicate" | "deferred";

export interface FileOutcome {
  readonly display: string;
  readonly municipality: string;
  readonly name: string;
  readonly status: FileStatus;
  readonly sha256: string | null;
  readonly fileId: number | null;
  readonly kind: KindName | null;
  readonly rowsRead: number | null;
  readonly rowsLoaded: number | null;
  readonly findings: readonly Finding[];
  readonly quarantined: string | null;
}

export interface IngestResult {
  readonly files: readonly FileOutcome[];
  readonly ignored: readonly Ignored[];
  readonly rowsLoaded: Readonly<Record<KindName, number>>;
  readonly replacements: number;
}

export interface IngestDeps {
  readonly schema: Schema;
  readonly profiles: Profiles;
  readonly keyer: Keyer;
  readonly ctx: Context;
  readonly runId: number;
  /** the run's token in the archive manifest (unique across rebuilds) */
  readonly runToken: string;
  /** input bytes staged at a time: bounds memory on national-scale runs */
  readonly batchBytes?: number;
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
  kind: KindName | null;
  staged: StagedFile | null;
  lineOf: CheckedFile["lineOf"];
  encoding: string | null;
  delimiter: Delimiter | null;
  profile: Profile | null;
  rowsRead: number | null;
  rowsLoaded: number | null;
}

type SeenRow = { path: string; size: number; mtimeMs: number; ino: number; sha256: string };

/** kas run: every new complete file of the inbox, archived first, then read, checked and loaded. */
export async function ingest(db: Db, cfg: RunConfig, deps: IngestDeps): Promise<IngestResult> {
  const { ctx, runId } = deps;
  const now = ctx.clock();
  const { candidates, ignored } = discover(cfg.inbox);
  for (const i of ignored) ctx.log.detail(`hoppar över ${i.display}: ${i.reason}`);

  const seen = new Map(
    (await db.all<{ path: string; size: number; mtime_ms: number; ino: number; sha256: string }>("SELECT * FROM inbox_seen")).map((r) => [r.path, r])
  );
  const known = await knownFiles(db);
  let { fileId, seq } = await nextIds(db);

  const outcomes: FileOutcome[] = [];
  const fresh: Prepared[] = [];
  const entries: ManifestEntry[] = [];
  const seenRows: SeenRow[] = [];
  for (const c of candidates) {
    const cached = seen.get(c.path);
    if (cached && cached.size === c.size && cached.mtime_ms === c.mtimeMs && Number(cached.ino) === c.ino && known.has(fileKey(c.municipality, cached.sha256))) {
      outcomes.push(outcome(c, "unchanged", cached.sha256));
      continue;
    }
    const temp = archiveTemp(cfg.archiveDir, `${runId}-${fileId}-${seq}`);
    rmSync(temp, { force: true });
    let inspection: Inspection;
    try {
      inspection = await inspectFile(c.path, { copyTo: temp, binary: c.ext !== "csv", durable: false });
    } catch (e) {
      // The uploader removed or renamed the file after it was listed: one file must not stop the run.
      const err = e as NodeJS.ErrnoException;
      if (err.path !== c.path || !["ENOENT", "EACCES", "EPERM", "EISDIR", "ELOOP"].includes(err.code ?? "")) throw e;
      rmSync(temp, { force: true });
      ctx.log.warn(`${c.display} kunde inte läsas (${err.code}: försvann den eller bytte den namn medan den lästes?) och läses nästa körning`);
      outcomes.push(outcome(c, "deferred", null));
      continue;
    }
    if (!unchangedSince(c.path, c)) {
      rmSync(temp, { force: true });
      ctx.log.info(`${c.display} ändrades medan den lästes (laddas den fortfarande upp?) och läses nästa körning`);
      outcomes.push(outcome(c, "deferred", null));
      continue;
    }
    seenRows.push({ path: c.path, size: c.size, mtimeMs: c.mtimeMs, ino: c.ino, sha256: inspection.sha256 });
    if (known.has(fileKey(c.municipality, inspection.sha256))) {
      rmSync(temp, { force: true });
      outcomes.push(outcome(c, "duplicate", inspection.sha256));
      continue;
    }
    known.add(fileKey(c.municipality, inspection.sha256));
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
  return processFresh(db, cfg, deps, fresh, outcomes, ignored, seenRows);
}

/** Every file the database has read, by fileKey (pipeline/ingest/archive.ts). */
export async function knownFiles(db: Db): Promise<Set<string>> {
  const rows = await db.all<{ municipality: string; sha256: string }>("SELECT municipality, sha256 FROM files");
  return new Set(rows.map((r) => fileKey(r.municipality, r.sha256)));
}

/** kas rebuild: the archive alone, replayed in the order the files were first seen. */
export async function ingestArchive(db: Db, cfg: RunConfig, deps: IngestDeps, entries: readonly ManifestEntry[]): Promise<IngestResult> {
  let { fileId, seq } = await nextIds(db);
  const fresh: Prepared[] = [];
  for (const e of entries) {
    const archived = archivedName(e.sha256, archiveExt(e.ext as Candidate["ext"]));
    const path = join(cfg.archiveDir, archived);
    if (!existsSync(path)) throw new Error(`the archive lacks ${archived}, which its manifest lists (${e.municipality}/${e.name})`);
    const c: Candidate = {
      municipality: e.municipality, name: e.name, display: `${e.municipality}/${e.name}`, path, ext: e.ext as Candidate["ext"],
      size: e.size, mtimeMs: e.mtimeMs, ino: 0
    };
    const inspection = await inspectFile(path, { binary: c.ext !== "csv" });
    if (inspection.sha256 !== e.sha256) throw new Error(`the archived file ${archived} no longer has the SHA-256 it was stored under`);
    fresh.push(newPrepared(c, fileId++, seq++, inspection, archived, path, e.firstSeen));
  }
  return processFresh(db, cfg, deps, fresh, [], [], []);
}

const archiveExt = (ext: Candidate["ext"]) => (ext === "other" ? "bin" : ext);

async function nextIds(db: Db): Promise<{ fileId: number; seq: number }> {
  const [r] = await db.all<{ file_id: number; seq: number }>("SELECT coalesce(max(file_id), 0) + 1 AS file_id, coalesce(max(seq), 0) + 1 AS seq FROM files");
  return { fileId: r.file_id, seq: r.seq };
}

function newPrepared(c: Candidate, fileId: number, seq: number, inspection: Inspection, archived: string, source: string, firstSeen: string): Prepared {
  return {
    candidate: c, fileId, seq, sha256: inspection.sha256, archived, source, folder: c.municipality, firstSeen, inspection, findings: [],
    kind: null, staged: null, lineOf: null, encoding: inspection.encoding, delimiter: null, profile: null, rowsRead: null, rowsLoaded: null
  };
}

async function processFresh(db: Db, cfg: RunConfig, deps: IngestDeps, fresh: Prepared[], outcomes: FileOutcome[], ignored: Ignored[], seenRows: SeenRow[]): Promise<IngestResult> {
  const { schema, profiles, ctx, runId } = deps;
  const now = ctx.clock();
  const workDir = join(cfg.workDir, `run-${runId}`);
  mkdirSync(workDir, { recursive: true, mode: 0o700 });
  try {
    for (const p of fresh) await prepare(p, profiles.byMunicipality.get(p.candidate.municipality) ?? null, schema, workDir);
    const rowsLoaded: Record<KindName, number> = { bistand: 0, insats: 0 };
    let done = 0;
    for (const kind of ["bistand", "insats"] as const) {
      const ready = fresh.filter((p) => p.kind === kind && p.staged && !rejects(p.findings));
      for (const batch of batches(ready, deps.batchBytes ?? 256 * 2 ** 20)) {
        rowsLoaded[kind] += await stageCheckLoad(db, kind, batch, schema, deps, now);
        done += batch.length;
        ctx.log.progress("inläsning", done, fresh.length);
      }
    }
    await record(db, fresh, seenRows, runId, ctx);
    for (const p of fresh) {
      const status = rejects(p.findings) ? "rejected" : "accepted";
      const quarantined = status === "rejected" ? quarantine(cfg.quarantineDir, join(cfg.archiveDir, p.archived), { ...p.candidate, sha256: p.sha256 }, p.findings, now) : null;
      outcomes.push({
        display: p.candidate.display, municipality: p.candidate.municipality, name: p.candidate.name, status, sha256: p.sha256,
        fileId: p.fileId, kind: p.kind, rowsRead: p.rowsRead, rowsLoaded: status === "accepted" ? p.rowsLoaded : 0, findings: p.findings, quarantined
      });
    }
    const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM replacements WHERE run_id = ${runId}`);
    return { files: outcomes, ignored, rowsLoaded, replacements: n };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function outcome(c: Candidate, status: FileStatus, sha256: string | null): FileOutcome {
  return { display: c.display, municipality: c.municipality, name: c.name, status, sha256, fileId: null, kind: null, rowsRead: null, rowsLoaded: null, findings: [], quarantined: null };
}

/** Reads what the file is: a readable UTF-8 CSV, its dialect, kind and column layout. FATAL findings stop here. */
export async function prepare(p: Prepared, profile: Profile | null, schema: Schema, workDir: string): Promise<void> {
  const c = p.candidate;
  const fatal = (code: string, message: string, line: number | null = null): void => {
    p.findings.push(finding("FATAL", code, c.display, message, { line }));
  };
  if (c.ext === "other") {
    return fatal("unsupported_file_type", "Bara CSV-filer (.csv) och Excel-arbetsböcker (.xlsx) kan läsas. Spara extraktet i något av de formaten och ladda upp det igen.");
  }
  const archived = p.source;
  let csvPath = archived;
  let header: readonly string[];
  let delimiter: Delimiter;
  p.profile = profile;
  if (c.ext === "xlsx") {
    csvPath = join(workDir, `${p.fileId}.csv`);
    // a date cell under the month column (by contract name or the profile's) is written YYYY-MM
    const { xlsxToCsv } = await import("./xlsx.js"); // exceljs is slow to load: only when an .xlsx comes
    const converted = await xlsxToCsv(archived, csvPath, {
      dateStyle: (h) => ((profile?.columns[normaliseKey(h)] ?? normaliseKey(h)) === "month" ? "month" : "date")
    });
    if (!converted.ok) return fatal(converted.code, converted.message);
    if (converted.ignoredCells > 0) {
      p.findings.push(finding("WARNING", "cells_outside_header", c.display,
        `${converted.ignoredCells} celler ligger till höger om sista kolumnen med rubrik (första på rad ${converted.firstIgnoredRow}) och läses inte. Ge kolumnen en rubrik eller ta bort cellerna.`,
        { line: converted.firstIgnoredRow }));
    }
    header = converted.header;
    delimiter = ",";
    p.encoding = "xlsx";
  } else {
    if (p.inspection.problem) return fatal(p.inspection.problem.code, p.inspection.problem.message, p.inspection.problem.line);
    const sniffed = sniffDialect(p.inspection.head);
    if (!sniffed.ok) return fatal(sniffed.code, sniffed.message, 1);
    header = sniffed.dialect.header;
    delimiter = sniffed.dialect.delimiter;
    if (p.inspection.encoding === "windows-1252") {
      csvPath = join(workDir, `${p.fileId}.csv`);
      await transcodeToUtf8(archived, csvPath);
    }
    if (p.inspection.hasQuote || p.inspection.hasBlankLine) {
      const path = csvPath;
      p.lineOf = (records) => recordLines(path, delimiter, records);
    }
  }
  p.delimiter = c.ext === "xlsx" ? null : delimiter; // a workbook has none (the comma is our own CSV's)
  const { layout, findings } = layoutOf(header, profile, schema, c.display);
  p.findings.push(...findings);
  if (!layout) return;
  p.kind = layout.kind;
  p.staged = {
    fileId: p.fileId, display: c.display, folder: p.folder, layout, profile, csvPath, delimiter, xlsx: c.ext === "xlsx",
    records: c.ext === "csv" ? Math.max(0, p.inspection.records - 1) : null,
    openQuoteLine: c.ext === "csv" ? p.inspection.openQuoteLine : null,
    padded: c.ext !== "csv" || p.inspection.padded
  };
}

/**
 * Files staged together, up to maxBytes of input. The reader tells a batch's files apart by path, so
 * one archived copy (the same bytes uploaded to two municipalities' folders) is read once per batch.
 */
function* batches(files: Prepared[], maxBytes: number): Generator<Prepared[]> {
  let batch: Prepared[] = [];
  let bytes = 0;
  let paths = new Set<string>();
  for (const f of files) {
    const path = f.staged?.csvPath ?? f.source;
    if (batch.length && (bytes + f.candidate.size > maxBytes || paths.has(path))) {
      yield batch;
      batch = [];
      bytes = 0;
      paths = new Set();
    }
    batch.push(f);
    bytes += f.candidate.size;
    paths.add(path);
  }
  if (batch.length) yield batch;
}

/** Stages a batch, checks it, and loads the files that pass. Returns rows loaded. */
async function stageCheckLoad(db: Db, kind: KindName, batch: Prepared[], schema: Schema, deps: IngestDeps, now: Date): Promise<number> {
  await checkBatch(db, kind, batch, schema, deps.keyer, now);
  const accepted = batch.filter((p) => !rejects(p.findings));
  let loaded = 0;
  if (accepted.length) {
    await db.run(`CREATE OR REPLACE TEMP TABLE stg_accepted AS SELECT * FROM (VALUES ${accepted.map((p) => `(${p.fileId}, ${p.seq})`).join(", ")}) t(file_id, seq)`);
    await db.run(sqlText(`load/load_${kind}_replaced`, { run_id: String(deps.runId) }));
    const [{ n }] = await db.all<{ n: number }>("SELECT count(*) AS n FROM load_replaced");
    if (n > 0) await db.run(sqlText(`load/${kind}_replace`)); // a first load replaces nothing: no scan of the rows
    // the load's order does not matter (rows carry their line): let DuckDB insert in parallel
    await db.run("SET preserve_insertion_order = false");
    try {
      await db.run(sqlText(`load/load_${kind}`));
    } finally {
      await db.run("SET preserve_insertion_order = true");
    }
    const rows = await db.all<{ file_id: number; n: number }>(`SELECT file_id, count(*) AS n FROM ${kind} WHERE file_id IN (${accepted.map((p) => p.fileId).join(", ")}) GROUP BY file_id`);
    const byFile = new Map(rows.map((r) => [r.file_id, r.n]));
    for (const p of accepted) {
      p.rowsLoaded = byFile.get(p.fileId) ?? 0;
      loaded += p.rowsLoaded;
    }
    await recordMappings(db, kind, schema, accepted);
  }
  await dropStaging(db, kind);
  return loaded;
}

/** Stages a batch of files of one kind and runs every check; findings land on the files. Leaves stg_* for loading. */
export async function checkBatch(db: Db, kind: KindName, batch: Prepared[], schema: Schema, keyer: Keyer, now: Date, examples?: number): Promise<void> {
  const staged = batch.map((p) => p.staged!);
  const structural = await stageRows(db, kind, staged, schema);
  await stagePseudonyms(db, kind, keyer);
  const counts = new Map((await db.all<{ file_id: number; n: number; blank: number }>("SELECT file_id, n, blank FROM stg_files")).map((r) => [r.file_id, r]));
  const checked = new Map<number, CheckedFile>(
    batch.map((p) => [p.fileId, { fileId: p.fileId, display: p.candidate.display, profile: p.profile, folder: p.folder, lineOf: p.lineOf }])
  );
  const found = await runChecks(db, kind, checked, schema, now.toISOString().slice(0, 10), examples);
  for (const p of batch) {
    const count = counts.get(p.fileId);
    p.rowsRead = count ? count.n - count.blank : 0;
    const s = structural.get(p.fileId);
    if (count?.blank && !s?.length) {
      p.findings.push(finding("INFO", "blank_rows", p.candidate.display,
        `${count.blank} ${count.blank === 1 ? "rad är helt tom" : "rader är helt tomma"} (bara avgränsare, som Excel skriver för tomma formaterade rader) och hoppades över.`, {}));
    }
    if (s?.length) {
      p.findings.push(...s, finding("INFO", "checks_skipped", p.candidate.display, "Radkontrollerna väntar tills filens struktur är rättad (fel antal fält eller citattecken ovan).", {}));
    } else {
      p.findings.push(...(found.get(p.fileId) ?? []));
    }
    if (p.rowsRead === 0 && !s?.length) {
      p.findings.push(finding("ERROR", "no_rows", p.candidate.display,
        "Filen har en rubrikrad men inga datarader. En tom fil skulle kunna ta bort kommunens tidigare uppgifter, så den avvisas; ladda upp ett extrakt med rader.", { line: 2 }));
    }
  }
}

/** Which codes the profiles mapped, per file and column (for quality.html). */
async function recordMappings(db: Db, kind: KindName, schema: Schema, accepted: Prepared[]): Promise<void> {
  const withProfile = accepted.filter((p) => p.profile).map((p) => p.fileId);
  if (!withProfile.length) return;
  const coded = schema.kinds[kind].columns.filter((c) => c.type === "code" || c.type === "municipality");
  const parts = coded.map(
    (c) => `SELECT file_id, ${lit(c.name)} AS "column", mapped_${c.name} AS source, "${c.name}"::VARCHAR AS code, count(*) AS rows
            FROM stg_${kind}_rows WHERE file_id IN (${withProfile.join(", ")}) AND mapped_${c.name} IS NOT NULL AND "${c.name}" IS NOT NULL
            GROUP BY ALL`
  );
  await db.run(`INSERT INTO code_mappings ${parts.join(" UNION ALL ")}`);
}

/** Records the new files, their findings and what the inbox looked like: one statement each. */
async function record(db: Db, fresh: Prepared[], seenRows: SeenRow[], runId: number, ctx: Context): Promise<void> {
  const num = (n: number | null | undefined) => (n === null || n === undefined ? "NULL" : String(n));
  const str = (v: string | null | undefined) => (v === null || v === undefined ? "NULL" : lit(v));
  const files: string[] = [];
  const findings: string[] = [];
  for (const p of fresh) {
    const c = p.candidate;
    const status = rejects(p.findings) ? "rejected" : "accepted";
    files.push(
      `(${p.fileId}, ${lit(p.sha256)}, ${p.seq}, ${lit(c.municipality)}, ${lit(c.name)}, ${c.size}, to_timestamp(${c.mtimeMs} / 1000.0), ${runId}, ` +
        `${lit(p.firstSeen)}::TIMESTAMPTZ, ${str(p.kind)}, ${lit(status)}, ${str(p.encoding)}, ${str(p.delimiter)}, ${str(p.profile?.name)}, ` +
        `${num(p.rowsRead)}, ${status === "accepted" ? num(p.rowsLoaded) : 0}, ${lit(p.archived)})`
    );
    for (const f of p.findings) {
      findings.push(`(${p.fileId}, ${runId}, ${lit(f.severity)}, ${lit(f.code)}, ${num(f.line)}, ${str(f.column)}, ${str(f.value)}, ${lit(f.message)}, ${num(f.count)})`);
    }
    const errors = p.findings.filter((f) => f.severity === "FATAL" || f.severity === "ERROR").length;
    ctx.log.detail(`${c.display}: ${status === "accepted" ? `inläst, ${p.rowsLoaded ?? 0} rader (${p.kind})` : `avvisad, ${errors} fel`}`);
  }
  if (files.length) await db.run(`INSERT INTO files VALUES ${files.join(",\n")}`);
  if (findings.length) await db.run(`INSERT INTO findings VALUES ${findings.join(",\n")}`);
  if (seenRows.length) {
    const rows = seenRows.map((r) => `(${lit(r.path)}, ${r.size}, ${r.mtimeMs}, ${r.ino}, ${lit(r.sha256)})`);
    await db.run(`
      CREATE OR REPLACE TEMP TABLE seen_now AS SELECT * FROM (VALUES ${rows.join(",\n")}) t(path, size, mtime_ms, ino, sha256);
      DELETE FROM inbox_seen WHERE path IN (SELECT path FROM seen_now);
      INSERT INTO inbox_seen SELECT path, size, mtime_ms, ino::UBIGINT, sha256 FROM seen_now;
      DROP TABLE seen_now;`);
  }
}
