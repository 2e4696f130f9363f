// Staging: this run's readable files of one kind, read by DuckDB's CSV reader into temporary tables
// (raw text → parsed → typed with pseudonyms), grouped so that files of the same layout are read in
// one read_csv call. Structural CSV errors (wrong field count, unterminated quotes) are collected by
// the reader's reject tables instead of stopping the run.
import type { DuckDBValue } from "@duckdb/node-api";
import { ident, lit, sqlText, type Db } from "./db.js";
import type { Delimiter } from "./dialect.js";
import { finding, type Finding } from "./finding.js";
import type { Layout } from "./layout.js";
import { recordLines } from "./lines.js";
import { stagingVars, type ProfileTable } from "./normalise.js";
import type { Profile } from "./profile.js";
import type { KindName, Schema } from "./schema.js";

export interface StagedFile {
  readonly fileId: number;
  readonly display: string;
  readonly folder: string | null;
  readonly layout: Layout;
  readonly profile: Profile | null;
  /** a UTF-8 CSV (the archived file itself, or its transcoded / converted copy) */
  readonly csvPath: string;
  readonly delimiter: Delimiter;
  /** converted from .xlsx: the last column is __line, the worksheet row */
  readonly xlsx: boolean;
  /** the CSV has a '"': a quote left open swallows the rest of the file (see unreadRecords) */
  readonly quoted: boolean;
}

/** Makes keyed pseudonyms in SQL: HMAC under the run's key, or (kas validate) a plain in-memory hash. */
export interface Keyer {
  sql(expr: string): string;
  readonly params: Record<string, DuckDBValue>;
}

/** For kas validate, which stores nothing: pseudonyms only tell rows apart within the check. */
export const unkeyed: Keyer = { sql: (expr) => `hash(${expr})`, params: {} };

const dateColumn: Record<KindName, string> = { bistand: 'p."month"', insats: "p.start_date" };

/** Reads the files into stg_<kind>_raw; returns structural findings per file id. */
export async function stageRaw(db: Db, kind: KindName, files: readonly StagedFile[], s: Schema, profiles: ProfileTable): Promise<Map<number, Finding[]>> {
  const columns = s.kinds[kind].columns.map((c) => `${ident(c.name)} VARCHAR`).join(",\n  ");
  await db.run(sqlText("staging/stg_raw", { kind, columns }));
  const groups = new Map<string, StagedFile[]>();
  for (const f of files) {
    const key = JSON.stringify([f.delimiter, f.layout.columns, f.xlsx, f.profile?.name ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const structural = new Map<number, Finding[]>();
  let g = 0;
  for (const group of groups.values()) {
    g++;
    const first = group[0];
    const pid = first.profile ? profiles.indexOf(first.profile) + 1 : 0;
    if (first.profile && pid === 0) throw new Error(`profile not in the run's profile table: ${first.profile.name}`);
    const names = first.layout.columns.map((c, i) => c ?? `_extra_${i}`);
    if (first.xlsx) names.push("__line");
    const struct = `{${names.map((n) => `${lit(n)}: 'VARCHAR'`).join(", ")}}`;
    const present = first.layout.columns.filter((c): c is string => c !== null);
    const fileIdExpr =
      group.length === 1 ? String(first.fileId) : `CASE filename ${group.map((f) => `WHEN ${lit(f.csvPath)} THEN ${f.fileId}`).join(" ")} END`;
    const rejects = `kas_rejects_${g}`;
    const scans = `kas_reject_scans_${g}`;
    await db.run(`
      INSERT INTO stg_${kind}_raw (file_id, pid, xline, ${present.map(ident).join(", ")})
      SELECT ${fileIdExpr}, ${pid}, ${first.xlsx ? "TRY_CAST(__line AS INTEGER)" : "NULL"}, ${present.map(ident).join(", ")}
      FROM read_csv([${group.map((f) => lit(f.csvPath)).join(", ")}],
        delim = ${lit(first.delimiter)}, quote = '"', escape = '"', header = true, auto_detect = false,
        columns = ${struct}, filename = true, strict_mode = true, null_padding = false,
        store_rejects = true, rejects_table = ${lit(rejects)}, rejects_scan = ${lit(scans)})`);
    const rows = await db.all<{ file_path: string; line: number; column_name: string | null; error_type: string; csv_line: string | null }>(`
      SELECT s.file_path, e.line, e.column_name, e.error_type::VARCHAR AS error_type, e.csv_line
      FROM ${rejects} e JOIN ${scans} s USING (scan_id, file_id) ORDER BY s.file_path, e.line`);
    for (const r of rows) {
      const f = group.find((x) => x.csvPath === r.file_path);
      if (!f) throw new Error(`reject for unknown file: ${r.file_path}`);
      const list = structural.get(f.fileId) ?? [];
      if (list.length < 50) list.push(structuralFinding(f, r, names.length - (f.xlsx ? 1 : 0)));
      structural.set(f.fileId, list);
    }
    await db.run(`DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${scans};`);
    for (const f of group) {
      if (!f.quoted || structural.has(f.fileId)) continue;
      const lost = await unreadRecords(db, kind, f);
      if (lost) structural.set(f.fileId, [lost]);
    }
  }
  return structural;
}

/**
 * DuckDB 1.5 can drop the reject of a quote left open at the end of a file when it reads several files
 * in one scan (more files than threads): the records after the quote vanish without an error. So the
 * records read are counted against the file itself (lines.ts counts records as DuckDB does); a file
 * that has more is a structural error, not a shorter file.
 */
async function unreadRecords(db: Db, kind: KindName, f: StagedFile): Promise<Finding | null> {
  const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM stg_${kind}_raw WHERE file_id = ${f.fileId}`);
  // a record far beyond any file maps to a line only when a quote is still open at the end (recordLines)
  const beyond = Number.MAX_SAFE_INTEGER;
  const lines = await recordLines(f.csvPath, f.delimiter, [Number(n), beyond]);
  const open = lines.get(beyond);
  if (open !== undefined) {
    return finding("ERROR", "unterminated_quote", f.display,
      `Ett citattecken (") öppnas men stängs aldrig, så resten av filen kan inte läsas. Stäng citatet eller ta bort det; ett citattecken inuti ett värde skrivs "".`, { line: open });
  }
  const first = lines.get(Number(n));
  if (first === undefined) return null;
  return finding("ERROR", "csv_error", f.display,
    `Filen kan bara läsas fram till rad ${first}; raderna därefter kan inte läsas som CSV. Kontrollera citattecknen (") på och efter rad ${first} och spara om filen från Excel eller verksamhetssystemet som CSV.`, { line: first });
}

function structuralFinding(f: StagedFile, r: { line: number; error_type: string; csv_line: string | null }, fields: number): Finding {
  const line = Number(r.line);
  const got = r.csv_line === null ? null : splitCount(r.csv_line, f.delimiter);
  switch (r.error_type) {
    case "MISSING COLUMNS":
      return finding("ERROR", "too_few_fields", f.display,
        `Raden har ${got ?? "färre"} fält men rubriken har ${fields}. Kontrollera avgränsaren (${describe(f.delimiter)}) och att inga fält saknas eller har radbrytningar utan citattecken.`, { line });
    case "TOO MANY COLUMNS":
      return finding("ERROR", "too_many_fields", f.display,
        `Raden har ${got ?? "fler"} fält men rubriken har ${fields}. Ett värde innehåller troligen avgränsaren (${describe(f.delimiter)}) utan att stå inom citattecken ("…").`, { line });
    case "UNQUOTED VALUE":
      return finding("ERROR", "unterminated_quote", f.display,
        `Ett citattecken (") öppnas men stängs aldrig, så resten av filen kan inte läsas. Stäng citatet eller ta bort det; ett citattecken inuti ett värde skrivs "".`, { line });
    case "INVALID UNICODE":
      return finding("FATAL", "invalid_unicode", f.display, "Raden innehåller tecken som inte är giltig UTF-8. Spara filen som CSV UTF-8.", { line });
    case "LINE SIZE OVER MAXIMUM":
      return finding("FATAL", "line_too_long", f.display, "Raden är för lång för att vara en extraktrad. Är filen verkligen en CSV-export?", { line });
    default:
      return finding("ERROR", "csv_error", f.display, `CSV-filen kan inte läsas här (${r.error_type.toLowerCase()}). Spara om filen från Excel eller verksamhetssystemet som CSV.`, { line });
  }
}

function splitCount(line: string, delimiter: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line.replace(/\r?\n$/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

function describe(d: Delimiter): string {
  return d === "," ? "komma" : d === ";" ? "semikolon" : "tabb";
}

/** Builds stg_files, the parsed view, the persons and households with pseudonyms, and stg_<kind>. */
export async function stageTyped(db: Db, kind: KindName, files: readonly StagedFile[], s: Schema, profiles: ProfileTable, keyer: Keyer): Promise<void> {
  const values = files.map((f) => `(${f.fileId}, ${f.folder === null ? "NULL" : lit(f.folder)})`).join(", ");
  await db.run(`
    CREATE OR REPLACE TEMP TABLE stg_files AS
    SELECT f.file_id::INTEGER AS file_id, f.folder::VARCHAR AS folder, coalesce(b.base, 0) AS base
    FROM (VALUES ${values}) f(file_id, folder)
    LEFT JOIN (SELECT file_id, min(rowid) AS base FROM stg_${kind}_raw GROUP BY file_id) b USING (file_id)`);
  await db.run(sqlText(`staging/stg_${kind}_parsed`, stagingVars(kind, s, profiles)));
  await db.run(
    sqlText("staging/stg_persons", { kind, date_column: dateColumn[kind].replace("p.", ""), pseudonym_norm: keyer.sql("norm") }),
    keyer.params
  );
  if (kind === "bistand") {
    await db.run(sqlText("staging/stg_households", { pseudonym_household: keyer.sql("'h:' || m || ':' || v_household_id") }), keyer.params);
  }
  await db.run(sqlText(`staging/stg_${kind}`));
}

/** Drops this batch's temporary tables (they can hold identity numbers). */
export async function dropStaging(db: Db, kind: KindName): Promise<void> {
  await db.run(`
    DROP TABLE IF EXISTS stg_${kind};
    DROP VIEW IF EXISTS stg_${kind}_parsed;
    DROP TABLE IF EXISTS stg_${kind}_persons;
    DROP TABLE IF EXISTS stg_bistand_households;
    DROP TABLE IF EXISTS stg_${kind}_raw;
    DROP TABLE IF EXISTS check_failures;`);
}
