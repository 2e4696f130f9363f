// `kas status`: what is loaded — per municipality and kind, the months covered, the files they came
// from, and when. Opens the published database read-only (readers never block the nightly run).
import { existsSync } from "node:fs";
import { openDb } from "./db/connection.js";
import { municipalityName } from "./contract/municipalities.js";

export interface StatusFile {
  readonly name: string;
  readonly firstSeen: string;
  readonly rows: number;
}

export interface StatusKind {
  readonly kind: "bistand" | "insats";
  readonly rows: number;
  /** bistand: the months loaded, YYYY-MM; insats: the months in which measures started */
  readonly months: readonly string[];
  readonly from: string | null;
  readonly to: string | null;
  readonly files: readonly StatusFile[];
}

export interface Status {
  readonly database: string;
  readonly exists: boolean;
  readonly lastRun: { readonly runId: number; readonly startedAt: string; readonly finishedAt: string | null } | null;
  readonly municipalities: readonly { readonly municipality: string; readonly name: string; readonly kinds: readonly StatusKind[] }[];
  readonly rejected: readonly { readonly file: string; readonly firstSeen: string; readonly errors: number }[];
}

export async function status(path: string): Promise<Status> {
  if (!existsSync(path)) return { database: path, exists: false, lastRun: null, municipalities: [], rejected: [] };
  const db = await openDb(path, { readOnly: true });
  try {
    const [lastRun] = await db.all<{ run_id: number; started_at: number; finished_at: number | null }>(
      "SELECT run_id, epoch_ms(started_at) AS started_at, epoch_ms(finished_at) AS finished_at FROM runs WHERE status = 'published' ORDER BY run_id DESC LIMIT 1"
    );
    const kinds = await db.all<{ municipality: string; kind: "bistand" | "insats"; rows: number; months: string[]; files: { name: string; first_seen: number; rows: number }[] }>(`
      WITH rows_by_file AS (
        SELECT municipality, 'bistand' AS kind, file_id, strftime("month", '%Y-%m') AS m, rows FROM bistand_months
        UNION ALL
        SELECT municipality, 'insats', file_id, strftime(start_date, '%Y-%m'), count(*) FROM insats GROUP BY ALL
      ), per_file AS (
        SELECT r.municipality, r.kind, r.file_id, sum(r.rows) AS rows, list(DISTINCT r.m) AS months
        FROM rows_by_file r GROUP BY ALL
      )
      SELECT p.municipality, p.kind, sum(p.rows)::BIGINT AS rows,
             list_sort(list_distinct(flatten(list(p.months)))) AS months,
             list({'name': f.name, 'first_seen': epoch_ms(f.first_seen), 'rows': p.rows::BIGINT} ORDER BY f.seq) AS files
      FROM per_file p JOIN files f USING (file_id)
      GROUP BY p.municipality, p.kind
      ORDER BY p.municipality, p.kind`);
    const rejected = await db.all<{ file: string; first_seen: number; errors: number }>(`
      SELECT f.municipality || '/' || f.name AS file, epoch_ms(f.first_seen) AS first_seen,
             count(x.code) FILTER (WHERE x.severity IN ('FATAL', 'ERROR')) AS errors
      FROM files f LEFT JOIN findings x USING (file_id)
      WHERE f.status = 'rejected' GROUP BY ALL ORDER BY min(f.seq)`);
    const byMunicipality = new Map<string, StatusKind[]>();
    for (const k of kinds) {
      const list = byMunicipality.get(k.municipality) ?? [];
      list.push({
        kind: k.kind, rows: Number(k.rows), months: k.months, from: k.months[0] ?? null, to: k.months[k.months.length - 1] ?? null,
        files: k.files.map((f) => ({ name: f.name, firstSeen: localIso(f.first_seen), rows: Number(f.rows) }))
      });
      byMunicipality.set(k.municipality, list);
    }
    return {
      database: path,
      exists: true,
      lastRun: lastRun
        ? { runId: lastRun.run_id, startedAt: localIso(lastRun.started_at), finishedAt: lastRun.finished_at === null ? null : localIso(lastRun.finished_at) }
        : null,
      municipalities: [...byMunicipality].map(([municipality, k]) => ({ municipality, name: municipalityName(municipality), kinds: k })),
      rejected: rejected.map((r) => ({ file: r.file, firstSeen: localIso(r.first_seen), errors: Number(r.errors) }))
    };
  } finally {
    db.close();
  }
}

/** ISO 8601 in local time with its offset, e.g. 2026-01-15T02:00:00+01:00: readable, and parseable
 *  (DuckDB's %z writes "+01", which Date.parse and other readers of ISO 8601 reject). */
export function localIso(epochMs: number): string {
  const d = new Date(Number(epochMs));
  const offset = -d.getTimezoneOffset();
  const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
