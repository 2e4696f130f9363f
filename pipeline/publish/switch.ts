// Atomic publication (contract §9 exit code 3): the new database and site are built beside the
// published ones and switched in only when everything succeeded.
// - The database: built as <db>.next (a copy of the published one, then loaded), switched by rename.
// - The site: <out> is a symbolic link to <out>.versions/<run>; the new version is written beside the
//   old one and the link is replaced by rename, so a reader sees the old site or the new one, whole.
// A journal written before the two switches lets the next start finish a switch that a kill
// interrupted; anything built beside without a journal is thrown away.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { markPublished } from "../ingest/archive.js";
import { fsyncFile, fsyncParent } from "../system/durable.js";
import { faultPoint } from "../system/fault.js";

export interface Beside {
  readonly dbNext: string;
  readonly journal: string;
}

const versionsOf = (out: string) => `${out}.versions`;

/** Where a run builds the database, and the journal of its switch. */
export function beside(db: string): Beside {
  return { dbNext: `${db}.next`, journal: `${db}.publish.json` };
}

/** The folder a run writes its site to. Its name is unique (run ids start again after kas rebuild),
 *  so a run never writes into the version that is published. */
export function siteVersion(out: string, runId: number, now: Date): string {
  return join(versionsOf(out), `run-${runId}-${now.getTime().toString(36)}-${process.pid}`);
}

/** The version directory <out> points to, or null. */
function current(out: string): string | null {
  try {
    return basename(readlinkSync(out));
  } catch {
    return null;
  }
}

interface Journal {
  readonly db: string;
  readonly out: string;
  readonly site: string;
  /** the archive whose manifest learns that this run was published, and the run's token */
  readonly archive: string;
  readonly run: string;
}

/** At start: finish an interrupted switch, or discard a half-built one. Returns what it did. */
export function recover(db: string, out: string): "none" | "finished" | "discarded" {
  const journal = beside(db).journal;
  if (existsSync(journal)) {
    finishSwitch(JSON.parse(readFileSync(journal, "utf8")) as Journal, journal);
    return "finished";
  }
  let discarded = false;
  for (const p of [`${db}.next`, `${db}.next.wal`]) {
    if (existsSync(p)) {
      rmSync(p, { force: true });
      discarded = true;
    }
  }
  return pruneVersions(out) || discarded ? "discarded" : "none";
}

/** Switches the built database and site in; the journal makes it complete even if killed midway. */
export function switchIn(db: string, out: string, siteNext: string, archive: { dir: string; run: string }): void {
  const journal = beside(db).journal;
  const tmp = `${journal}.tmp`;
  const entry: Journal = { db: resolve(db), out: resolve(out), site: resolve(siteNext), archive: resolve(archive.dir), run: archive.run };
  writeFileSync(tmp, JSON.stringify(entry));
  fsyncFile(tmp);
  renameSync(tmp, journal);
  fsyncParent(journal);
  faultPoint("after-journal");
  finishSwitch(entry, journal);
}

function finishSwitch(j: Journal, journal: string): void {
  const { db, out, site } = j;
  const dbNext = `${db}.next`;
  if (existsSync(dbNext)) {
    rmSync(`${dbNext}.wal`, { force: true }); // closed cleanly before the journal was written: nothing in it
    renameSync(dbNext, db);
    rmSync(`${db}.wal`, { force: true });
    fsyncParent(db);
    faultPoint("after-db-rename");
  }
  if (existsSync(site) && current(out) !== basename(site)) pointTo(out, site);
  markPublished(j.archive, j.run);
  rmSync(journal, { force: true });
  fsyncParent(journal);
  pruneVersions(out);
}

/** Makes <out> a link to the site directory, atomically (a real directory there is moved aside once). */
function pointTo(out: string, site: string): void {
  mkdirSync(dirname(out), { recursive: true });
  const st = lstatSync(out, { throwIfNoEntry: false });
  if (st && !st.isSymbolicLink()) {
    // a site published before <out> was a link (run() let it through checkOut): it is replaced
    renameSync(out, join(versionsOf(out), `moved-before-${basename(site)}`));
  }
  const link = `${out}.link-${process.pid}`;
  rmSync(link, { force: true });
  symlinkSync(join(basename(versionsOf(out)), basename(site)), link);
  renameSync(link, out);
  fsyncParent(out);
}

/** Removes site versions that nothing points to (half-built ones, and all but the published one). */
function pruneVersions(out: string): boolean {
  const dir = versionsOf(out);
  if (!existsSync(dir)) return false;
  const keep = current(out);
  let removed = false;
  for (const name of readdirSync(dir)) {
    if (name === keep) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
    removed = true;
  }
  return removed;
}

/** The run a published site shows and what it was made with (its run.json), or null. */
export function siteRun(dir: string): { runId: number; fingerprint: string | null } | null {
  try {
    const r = JSON.parse(readFileSync(join(dir, "run.json"), "utf8"));
    return typeof r.runId === "number" ? { runId: r.runId, fingerprint: r.fingerprint ?? null } : null;
  } catch {
    return null;
  }
}
