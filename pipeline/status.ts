// `kas status`: what is loaded — per municipality and kind (population under network), the months or
// years covered, the files they came from, and when. Opens the published database read-only (readers
// never block the nightly run).
import { statSync } from "node:fs";
import { UsageError } from "./config.js";
import { openDb, sqlText } from "./db/connection.js";
import { municipalityName } from "./contract/municipalities.js";
import { networkFolder } from "./ingest/discover.js";
import type { FileKind } from "./ingest/intake.js";
import type { Language } from "./contract/schema.js";
import { cliWords } from "./cli-words.js";

export interface StatusFile {
  readonly name: string;
  readonly firstSeen: string;
  readonly rows: number;
}

export interface StatusKind {
  readonly kind: FileKind;
  /** rows loaded; a commentary's lines */
  readonly rows: number;
  /** bistand: the months loaded, YYYY-MM; insats: the months in which measures started; none for other kinds */
  readonly months: readonly string[];
  /** survey and population only: the years loaded, YYYY */
  readonly years?: readonly string[];
  /** population only: the municipalities it counts */
  readonly municipalities?: readonly string[];
  /** the first and last of months (bistand, insats) or years (survey, population); null for a commentary */
  readonly from: string | null;
  readonly to: string | null;
  /** the files the rows came from, in the order seen (a commentary: the current one) */
  readonly files: readonly StatusFile[];
}

export interface Status {
  readonly database: string;
  readonly exists: boolean;
  readonly lastRun: { readonly runId: number; readonly startedAt: string; readonly finishedAt: string | null } | null;
  readonly municipalities: readonly { readonly municipality: string; readonly name: string; readonly kinds: readonly StatusKind[] }[];
  readonly rejected: readonly { readonly file: string; readonly firstSeen: string; readonly errors: number }[];
}

/** `language`: the errors' (Swedish when absent). */
export async function status(path: string, language: Language = "sv"): Promise<Status> {
  const w = cliWords(language).usage;
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return { database: path, exists: false, lastRun: null, municipalities: [], rejected: [] };
  // a FIFO or a device would block the open, or hand DuckDB something that is no database
  if (!st.isFile()) throw new UsageError(w.dbNotAFile(path));
  const db = await openDb(path, { readOnly: true });
  try {
    const [tables] = await db.all<{ n: number }>(sqlText("status/kas_tables"));
    if (tables.n < 3) {
      throw new Error(w.notKasDb(path));
    }
    const [lastRun] = await db.all<{ run_id: number; started_at: number; finished_at: number | null }>(sqlText("status/last_run"));
    const kinds = await db.all<{
      municipality: string; kind: FileKind; rows: number; months: string[]; municipalities: string[]; files: { name: string; first_seen: number; rows: number }[];
    }>(sqlText("status/loaded"));
    const rejected = await db.all<{ file: string; first_seen: number; errors: number }>(sqlText("status/rejected"));
    const byMunicipality = new Map<string, StatusKind[]>();
    for (const k of kinds) {
      const list = byMunicipality.get(k.municipality) ?? [];
      const yearly = k.kind === "survey" || k.kind === "population";
      list.push({
        kind: k.kind, rows: Number(k.rows), months: yearly ? [] : k.months, ...(yearly ? { years: k.months } : {}),
        ...(k.kind === "population" ? { municipalities: k.municipalities } : {}),
        from: k.months[0] ?? null, to: k.months[k.months.length - 1] ?? null,
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
      municipalities: [...byMunicipality].map(([municipality, k]) => ({
        municipality, name: municipality === networkFolder ? "nätverket (referensdata)" : municipalityName(municipality), kinds: k
      })),
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
