// The record of a run's new files: one row each in files, their findings, and what the inbox looked
// like (inbox_seen), each written in one statement.
import { rejects } from "../contract/finding.js";
import { shownName } from "../ingest/discover.js";
import { lit, type Db } from "../db/connection.js";
import type { Prepared } from "../ingest/intake.js";
import type { Context } from "../system/context.js";
import type { Language } from "../contract/schema.js";
import { cliWords } from "../cli-words.js";

export type SeenRow = { path: string; size: number; mtimeMs: number; ino: number; sha256: string };

/** Records the new files, their findings and what the inbox looked like: one statement each. */
/** `language`: the run log's (the network's; Swedish when absent). */
export async function recordFiles(db: Db, fresh: Prepared[], seenRows: SeenRow[], runId: number, ctx: Context, language: Language = "sv"): Promise<void> {
  const w = cliWords(language).log;
  const num = (n: number | null | undefined) => (n === null || n === undefined ? "NULL" : String(n));
  const str = (v: string | null | undefined) => (v === null || v === undefined ? "NULL" : lit(v));
  const files: string[] = [];
  const findings: string[] = [];
  for (const p of fresh) {
    const c = p.candidate;
    const status = rejects(p.findings) ? "rejected" : "accepted";
    files.push(
      `(${p.fileId}, ${lit(p.sha256)}, ${p.seq}, ${lit(c.municipality)}, ${lit(shownName(c.name))}, ${c.size}, to_timestamp(${c.mtimeMs} / 1000.0), ${runId}, ` +
        `${lit(p.firstSeen)}::TIMESTAMPTZ, ${str(p.kind)}, ${lit(status)}, ${str(p.encoding)}, ${str(p.delimiter)}, ${str(p.profile?.name)}, ` +
        `${num(p.rowsRead)}, ${status === "accepted" ? num(p.rowsLoaded) : 0}, ${lit(p.archived)})`
    );
    for (const f of p.findings) {
      findings.push(
        `(${p.fileId}, ${runId}, ${lit(f.severity)}, ${lit(f.code)}, ${num(f.line)}, ${str(f.column)}, ${str(f.value)}, ${lit(f.message)}, ${num(f.count)}, ` +
          `${str(f.params === undefined ? null : JSON.stringify(f.params))})`
      );
    }
    const errors = p.findings.filter((f) => f.severity === "FATAL" || f.severity === "ERROR").length;
    ctx.log.detail(status === "accepted" ? w.loaded(c.display, p.rowsLoaded ?? 0, p.kind ?? "") : w.rejected(c.display, errors));
  }
  if (files.length) await db.run(`INSERT INTO files VALUES ${files.join(",\n")}`);
  if (findings.length) await db.run(`INSERT INTO findings (file_id, run_id, severity, code, line, "column", value, message, count, params) VALUES ${findings.join(",\n")}`);
  if (seenRows.length) {
    const rows = seenRows.map((r) => `(${lit(r.path)}, ${r.size}, ${r.mtimeMs}, ${r.ino}, ${lit(r.sha256)})`);
    await db.run(`
      CREATE OR REPLACE TEMP TABLE seen_now AS SELECT * FROM (VALUES ${rows.join(",\n")}) t(path, size, mtime_ms, ino, sha256);
      DELETE FROM inbox_seen WHERE path IN (SELECT path FROM seen_now);
      INSERT INTO inbox_seen SELECT path, size, mtime_ms, ino::UBIGINT, sha256 FROM seen_now;
      DROP TABLE seen_now;`);
  }
}
