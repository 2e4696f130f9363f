// Atomic publication (contract §9 exit code 3): the new database and site are built beside the
// published ones (<db>.next, <out>.next) and switched only when everything succeeded. The switch is
// two renames; a journal written first lets the next start finish a switch that a kill interrupted,
// and anything built beside without a journal is simply thrown away.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export interface Beside {
  readonly dbNext: string;
  readonly siteNext: string;
  readonly journal: string;
}

export function beside(db: string, out: string): Beside {
  return { dbNext: `${db}.next`, siteNext: `${out}.next`, journal: `${db}.publish.json` };
}

function syncDir(path: string): void {
  try {
    const fd = openSync(dirname(path), "r");
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // best effort where directories cannot be fsync'd
  }
}

function removeBuilt(b: Beside): void {
  rmSync(b.dbNext, { force: true });
  rmSync(`${b.dbNext}.wal`, { force: true });
  rmSync(b.siteNext, { recursive: true, force: true });
}

/** At start: finish an interrupted switch, or discard a half-built one. Returns what it did. */
export function recover(db: string, out: string): "none" | "finished" | "discarded" {
  const b = beside(db, out);
  if (existsSync(b.journal)) {
    JSON.parse(readFileSync(b.journal, "utf8")); // a torn journal cannot exist: it is renamed into place
    finishSwitch(db, out, b);
    return "finished";
  }
  const leftovers = existsSync(b.dbNext) || existsSync(b.siteNext) || existsSync(`${out}.old`);
  removeBuilt(b);
  rmSync(`${out}.old`, { recursive: true, force: true });
  return leftovers ? "discarded" : "none";
}

/** Switches the built database and site in; the journal makes it complete even if killed midway. */
export function publish(db: string, out: string): void {
  const b = beside(db, out);
  const tmp = `${b.journal}.tmp`;
  writeFileSync(tmp, JSON.stringify({ db: basename(db), out: basename(out) }));
  const fd = openSync(tmp, "r");
  fsyncSync(fd);
  closeSync(fd);
  renameSync(tmp, b.journal);
  syncDir(b.journal);
  finishSwitch(db, out, b);
}

function finishSwitch(db: string, out: string, b: Beside): void {
  if (existsSync(b.dbNext)) {
    rmSync(`${b.dbNext}.wal`, { force: true }); // closed cleanly before the journal: nothing in it
    renameSync(b.dbNext, db);
    rmSync(`${db}.wal`, { force: true });
    syncDir(db);
  }
  if (existsSync(b.siteNext)) {
    const old = `${out}.old`;
    rmSync(old, { recursive: true, force: true });
    if (existsSync(out)) renameSync(out, old);
    renameSync(b.siteNext, out);
    syncDir(out);
    rmSync(old, { recursive: true, force: true });
  }
  rmSync(b.journal, { force: true });
  syncDir(b.journal);
}

/** The run a published site shows (its run.json), or null. */
export function siteRunId(dir: string): number | null {
  try {
    return JSON.parse(readFileSync(join(dir, "run.json"), "utf8")).runId ?? null;
  } catch {
    return null;
  }
}
