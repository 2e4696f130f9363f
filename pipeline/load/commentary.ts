// Loading the run's accepted commentary files (contract §14): each municipality's newest one replaces
// its earlier commentary, and every replacement is recorded (sql/load/load_commentary_replaced.sql).
import { sqlText, type Db } from "../db/connection.js";
import type { Prepared } from "../ingest/intake.js";

/** Loads the files (accepted commentaries read by ingest/commentary.ts); returns the lines loaded. */
export async function loadCommentary(db: Db, files: readonly Prepared[], runId: number): Promise<number> {
  if (!files.length) return 0;
  await db.run(sqlText("staging/stg_commentary"));
  try {
    for (const p of files) {
      if (p.text === null || p.folder === null) throw new Error(`commentary ${p.candidate.display} was not read from a municipality folder`);
      await db.run(sqlText("staging/stg_commentary_add"), { file_id: p.fileId, seq: p.seq, municipality: p.folder, first_seen: p.firstSeen, text: p.text });
    }
    await db.run(sqlText("load/load_commentary_replaced", { run_id: String(runId) }));
    const [{ n }] = await db.all<{ n: number }>(sqlText("load/replaced_count"));
    if (n > 0) await db.run(sqlText("load/commentary_replace"));
    await db.run(sqlText("load/load_commentary"));
    const won = new Set((await db.all<{ file_id: number }>(sqlText("load/commentary_loaded"))).map((r) => r.file_id));
    let loaded = 0;
    for (const p of files) {
      p.rowsLoaded = won.has(p.fileId) ? (p.rowsRead ?? 0) : 0;
      loaded += p.rowsLoaded;
    }
    return loaded;
  } finally {
    await db.run(sqlText("staging/drop_commentary"));
  }
}
