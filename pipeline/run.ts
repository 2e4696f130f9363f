// `kas run`, the nightly batch (contract §9): take every new complete file from the inbox, validate,
// normalise, load, and publish — building the new database and site beside the published ones and
// switching them in only when everything succeeded.
import { chmodSync, constants, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError, type RunConfig } from "./config.js";
import type { Context } from "./system/context.js";
import { openDb, sqlText, type Db } from "./db/connection.js";
import { discover, pathKey } from "./ingest/discover.js";
import { faultPoint } from "./system/fault.js";
import type { Finding } from "./contract/finding.js";
import { fileKey, readManifest } from "./ingest/archive.js";
import { ingest, ingestArchive, knownFiles, type FileKind, type FileOutcome, type IngestResult, type Replaced } from "./ingest/intake.js";
import { acquireLock } from "./db/lock.js";
import { installMacros } from "./db/macros.js";
import { loadProfiles, type Profiles } from "./contract/profile.js";
import { beside, recover, siteRun, siteVersion, switchIn } from "./publish/switch.js";
import { siteFingerprint } from "./publish/fingerprint.js";
import { loadKey, type PseudonymKey } from "./load/pseudonym.js";
import { initDatabase } from "./db/tables.js";
import { schema as loadSchema, type Schema } from "./contract/schema.js";
import { pseudonymSql } from "./load/pseudonym.js";
import { cliWords, ignoredReason, type CliWords } from "./cli-words.js";

export interface StageTime {
  readonly stage: string;
  readonly seconds: number;
}

export interface RunSummary {
  readonly runId: number | null;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** published: new data switched in; unchanged: nothing new, nothing changed */
  readonly outcome: "published" | "unchanged";
  readonly exitCode: 0 | 1;
  readonly inbox: string;
  readonly database: string;
  readonly site: string;
  readonly index: string;
  readonly files: {
    readonly accepted: readonly FileReport[];
    readonly rejected: readonly FileReport[];
    readonly unchanged: number;
    readonly duplicates: readonly string[];
    readonly deferred: readonly string[];
    readonly ignored: readonly { file: string; reason: string }[];
  };
  /** rows loaded per kind: bistand and insats always; survey, population and commentary (its lines) when any were */
  readonly rows: { readonly bistand: number; readonly insats: number } & Readonly<Partial<Record<FileKind, number>>>;
  readonly replacements: number;
  readonly stages: readonly StageTime[];
  readonly report: unknown;
  /** the confidentiality threshold the reports were made with */
  readonly threshold: number;
  /** what the site was made with (threshold, schemas, SQL, code): a change publishes again */
  readonly fingerprint: string | null;
}

export interface FileReport {
  readonly file: string;
  readonly kind: string | null;
  readonly rowsRead: number | null;
  readonly rowsLoaded: number | null;
  readonly quarantined: string | null;
  readonly findings: readonly Finding[];
  /** the order first seen */
  readonly seq: number | null;
  /** earlier rows this file replaced (contract §1) */
  readonly replaced: readonly Replaced[];
}

export class RunFailed extends Error {
  override name = "RunFailed";
}

function fileReport(f: FileOutcome): FileReport {
  return { file: f.display, kind: f.kind, rowsRead: f.rowsRead, rowsLoaded: f.rowsLoaded, quarantined: f.quarantined, findings: f.findings, seq: f.seq, replaced: f.replaced };
}

/**
 * The summary as the site publishes it: without the server's paths, and without row counts per file —
 * a small file's count, or the difference between rows read and loaded, would give away a count that
 * quality.html withholds — nor the rows of a survey (a run's answers, of perhaps one municipality, are
 * counts survey.html withholds below survey_min_respondents), population or commentary. The run log
 * folder keeps the whole summary.
 */
export function publishedSummary(s: RunSummary): object {
  const file = ({ file, kind, findings, replaced }: FileReport) => ({
    file, kind, findings, replaced: replaced.map(({ file, kind, months, years }) => ({ file, kind, months, ...(years ? { years } : {}) }))
  });
  const { inbox: _inbox, database: _database, site: _site, index: _index, ...rest } = s;
  return { ...rest, files: { ...s.files, accepted: s.files.accepted.map(file), rejected: s.files.rejected.map(file) }, rows: { bistand: s.rows.bistand, insats: s.rows.insats } };
}

/** The whole batch. Throws (exit 3) when nothing could be published; the published state is then untouched. */
export async function run(cfg: RunConfig, ctx: Context, deps: { schema?: Schema; profiles?: Profiles } = {}): Promise<RunSummary> {
  return batch(cfg, ctx, "run", deps);
}

/** kas rebuild: a new database from the archive alone (the source of truth), published like a run. */
export async function rebuild(cfg: RunConfig, ctx: Context, deps: { schema?: Schema; profiles?: Profiles } = {}): Promise<RunSummary> {
  return batch(cfg, ctx, "rebuild", deps);
}

async function batch(cfg: RunConfig, ctx: Context, mode: "run" | "rebuild", deps: { schema?: Schema; profiles?: Profiles }): Promise<RunSummary> {
  const startedAt = ctx.clock();
  /** this run in the archive manifest: unique also after kas rebuild starts run ids again */
  const runToken = `${startedAt.toISOString()}/${process.pid}/${Math.random().toString(36).slice(2, 8)}`;
  const stages: StageTime[] = [];
  const timed = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      stages.push({ stage, seconds: Math.round(performance.now() - t0) / 1000 });
    }
  };
  // the network's language: the log's lines, the summary and a failure's reason speak it
  const w = cliWords(cfg.settings.language);
  const schema = deps.schema ?? loadSchema();
  const profiles = deps.profiles ?? loadProfiles(schema);
  if (mode === "run") checkInbox(cfg.inbox, w);
  for (const dir of [cfg.stateDir, cfg.archiveDir, cfg.quarantineDir, cfg.workDir]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  const release = await acquireLock(cfg.lockFile, { wait: cfg.wait, clock: ctx.clock, onWait: (pid) => ctx.log.info(w.log.lockWait(pid)), locked: w.log.locked });
  try {
    checkOut(cfg.out, w);
    const recovered = recover(cfg.db, cfg.out);
    rmSync(join(cfg.archiveDir, "tmp"), { recursive: true, force: true }); // copies a killed run left half-made
    if (recovered !== "none") ctx.log.info(recovered === "finished" ? w.log.recoveredFinished : w.log.recoveredDiscarded);

    if (mode === "run" && !existsSync(cfg.db)) {
      // a database deleted (or --db mistyped) while the archive stays: a run would publish less than is known
      const archived = readManifest(cfg.archiveDir).length;
      if (archived > 0) {
        throw new RunFailed(w.failure.dbMissing(cfg.db, cfg.archiveDir, archived));
      }
    }
    const fingerprint = siteFingerprint(cfg.threshold, cfg.settings.digest);
    const unchanged = mode === "run" ? await timed("kontroll av inkorgen", () => nothingNew(cfg, fingerprint)) : null;
    if (unchanged) {
      const finishedAt = ctx.clock();
      return {
        runId: unchanged.runId, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), outcome: "unchanged", exitCode: 0,
        inbox: cfg.inbox, database: cfg.db, site: cfg.out, index: join(cfg.out, "index.html"),
        files: { accepted: [], rejected: [], unchanged: unchanged.files, duplicates: [], deferred: [], ignored: [] },
        rows: { bistand: 0, insats: 0 }, replacements: 0, stages, report: null, threshold: cfg.threshold, fingerprint
      };
    }

    const key = await loadKey({ keyFile: cfg.keyFile, env: ctx.env, defaultPath: cfg.defaultKeyFile, language: cfg.settings.language });
    const dbNext = beside(cfg.db).dbNext;
    rmSync(dbNext, { force: true });
    if (mode === "run" && existsSync(cfg.db)) await timed("kopiering av databasen", async () => copyFileSync(cfg.db, dbNext, constants.COPYFILE_FICLONE));
    const db = await openDb(dbNext, { memoryLimit: cfg.memoryLimit ?? defaultMemoryLimit, tempDir: join(cfg.workDir, "duckdb") }).catch((e: Error) => {
      throw new RunFailed(w.failure.dbUnreadable(cfg.db, e.message.split("\n")[0], cfg.archiveDir));
    });
    let result: IngestResult;
    let runId: number;
    let report: unknown;
    let siteNext = "";
    try {
      chmodSync(dbNext, 0o600); // pseudonyms, birth years, reasons and amounts: the owner's alone, whatever the umask
      await initDatabase(db, schema);
      await checkKey(db, key, cfg);
      await installMacros(db);
      runId = await nextRun(db, startedAt);
      siteNext = siteVersion(cfg.out, runId, ctx.clock());
      // No transaction spans the run: the whole new database is the unit. It is a copy built beside the
      // published one and switched in only when everything succeeded, so a failure at any statement
      // leaves the previous state — and DuckDB can flush and free each batch as it goes.
      const ingestDeps = {
        schema, profiles, runId, runToken, threshold: cfg.threshold, keyer: { sql: pseudonymSql, params: key.sqlParams() }, language: cfg.settings.language
      };
      result = await timed("inläsning", () =>
        mode === "run" ? ingest(ctx, db, cfg, ingestDeps) : ingestArchive(ctx, db, cfg, ingestDeps, readManifest(cfg.archiveDir))
      );
      faultPoint("after-ingest");
      await finishRun(db, runId, ctx.clock(), result);
      // loaded only when there is something to publish: the page renderers (jsdom, Plot) take a second to load
      const { publishSite } = await import("./publish/site.js");
      report = await timed("rapporter", () => publishSite(ctx, db, siteNext, { schema, runId, startedAt, threshold: cfg.threshold, settings: cfg.settings }));
      faultPoint("after-site");
      await db.run("CHECKPOINT");
    } finally {
      db.close();
    }
    const finishedAt = ctx.clock();
    const rejected = result.files.filter((f) => f.status === "rejected");
    const summary: RunSummary = {
      runId, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(), outcome: "published", exitCode: rejected.length ? 1 : 0,
      inbox: cfg.inbox, database: cfg.db, site: cfg.out, index: join(cfg.out, "index.html"),
      files: {
        accepted: result.files.filter((f) => f.status === "accepted").map(fileReport),
        rejected: rejected.map(fileReport),
        unchanged: result.files.filter((f) => f.status === "unchanged").length,
        duplicates: result.files.filter((f) => f.status === "duplicate").map((f) => f.display),
        deferred: result.files.filter((f) => f.status === "deferred").map((f) => f.display),
        ignored: result.ignored.map((i) => ({ file: i.display, reason: ignoredReason(w, i.reason) }))
      },
      rows: result.rowsLoaded, replacements: result.replacements, stages, report, threshold: cfg.threshold, fingerprint
    };
    // the summary is published with the reports (less what only the server should see), and kept whole in the run log folder
    writeFileSync(join(siteNext, "run.json"), JSON.stringify(publishedSummary(summary), null, 2) + "\n");
    mkdirSync(cfg.logDir, { recursive: true, mode: 0o700 });
    writeFileSync(join(cfg.logDir, `${mode}-${runId}-${startedAt.toISOString().replace(/[:.]/g, "-")}.json`), JSON.stringify(summary, null, 2) + "\n", { mode: 0o600 });
    // (not timed into the summary: run.json is written into the site before the switch)
    switchIn(cfg.db, cfg.out, siteNext, { dir: cfg.archiveDir, run: runToken });
    return summary;
  } finally {
    // once the journal is written the switch belongs to it (the next start finishes it)
    if (!existsSync(beside(cfg.db).journal)) {
      rmSync(dbNextOf(cfg), { force: true });
      rmSync(`${dbNextOf(cfg)}.wal`, { force: true });
    }
    release();
  }
}

/** --out must be kas's own: a new path, an empty directory, or a site kas published (a link, or a directory with run.json). */
function checkOut(out: string, w: CliWords): void {
  const st = lstatSync(out, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    const entries = readdirSync(out);
    if (entries.length === 0) {
      rmdirSync(out);
      return;
    }
    if (entries.includes("run.json")) return;
  }
  throw new UsageError(w.usage.outNotSite(out));
}

/** A missing inbox is wrong usage (a mistyped --inbox, or a share that is not mounted): exit 2, nothing touched. */
function checkInbox(inbox: string, w: CliWords): void {
  const st = statSync(inbox, { throwIfNoEntry: false });
  if (!st) throw new UsageError(w.usage.inboxMissing(inbox));
  if (!st.isDirectory()) throw new UsageError(w.usage.inboxNotFolder(inbox));
}

/** A run with nothing new: every inbox file unchanged since it was read, and the site showing the latest run. */
async function nothingNew(cfg: RunConfig, fingerprint: string): Promise<{ runId: number; files: number } | null> {
  if (!existsSync(cfg.db) || !existsSync(cfg.out)) return null;
  const { candidates } = discover(cfg.inbox);
  let db: Db;
  try {
    db = await openDb(cfg.db, { readOnly: true });
  } catch {
    return null; // a broken database is reported by the run itself
  }
  try {
    const seen = new Map(
      (await db.all<{ path: string; size: number; mtime_ms: number; ino: number; sha256: string }>(sqlText("runs/inbox_seen"))).map((r) => [r.path, r])
    );
    const known = await knownFiles(db);
    for (const c of candidates) {
      const s = seen.get(pathKey(c.path));
      if (!s || !known.has(fileKey(c.municipality, s.sha256, c.name)) || s.size !== c.size || s.mtime_ms !== c.mtimeMs || Number(s.ino) !== c.ino) return null;
    }
    const [last] = await db.all<{ run_id: number }>(sqlText("runs/last_published_run"));
    const site = siteRun(cfg.out);
    // the site must show the latest run, made with this threshold, schema and code
    if (!last?.run_id || site?.runId !== last.run_id || site.fingerprint !== fingerprint) return null;
    return { runId: last.run_id, files: candidates.length };
  } finally {
    db.close();
  }
}

/** The key must be the one the database was made with: another key's pseudonyms would silently fail
 *  to link a person to the rows already loaded. The database keeps the key's check value, never the key. */
async function checkKey(db: Db, key: PseudonymKey, cfg: RunConfig): Promise<void> {
  const [stored] = await db.all<{ value: string }>(sqlText("runs/meta_value"), { key: "key_check" });
  if (!stored) return db.run(sqlText("runs/meta_set"), { key: "key_check", value: key.checkValue() });
  if (stored.value !== key.checkValue()) {
    throw new RunFailed(cliWords(cfg.settings.language).failure.wrongKey(cfg.db, cfg.defaultKeyFile));
  }
}

async function nextRun(db: Db, startedAt: Date): Promise<number> {
  const [{ id }] = await db.all<{ id: number }>(sqlText("runs/next_run"));
  await db.run(sqlText("runs/start_run"), { id, t: startedAt.toISOString() });
  return id;
}

async function finishRun(db: Db, runId: number, at: Date, r: IngestResult): Promise<void> {
  const count = (s: string) => r.files.filter((f) => f.status === s).length;
  await db.run(sqlText("runs/finish_run"), { t: at.toISOString(), n: count("accepted") + count("rejected"), a: count("accepted"), r: count("rejected"), id: runId });
}

const dbNextOf = (cfg: RunConfig) => beside(cfg.db).dbNext;

/** DuckDB's share of memory unless --memory-limit says otherwise: what it does not hold in memory it
 *  spills to <state>/work; the rest of a run (Node, the page renderers) stays well under 2 GiB in all. */
export const defaultMemoryLimit = "1GB";
