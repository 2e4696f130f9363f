// Staging: a batch of readable files of one kind, read by DuckDB's CSV reader and typed in the same
// pass into one temporary table (stg_<kind>_rows; sql/staging/stg_<kind>.sql), grouped so that files
// of the same layout and profile are read in one read_csv call. Then the distinct persons and
// households are keyed (stg_persons.sql, stg_households.sql). Structural CSV errors (wrong field
// count, unterminated quotes) are collected by the reader's reject tables instead of stopping the run.
import type { DuckDBValue } from "@duckdb/node-api";
import { ident, lit, sqlText, type Db } from "../db/connection.js";
import type { Delimiter } from "../ingest/dialect.js";
import type { Finding } from "../contract/finding.js";
import { found } from "../contract/findings.js";
import type { Layout } from "../ingest/layout.js";
import { readerLines, recordLines } from "../ingest/lines.js";
import { rowDateColumn } from "./checks.js";
import { stagingVars } from "./normalise.js";
import type { Profile } from "../contract/profile.js";
import type { KindName, Schema } from "../contract/schema.js";

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
  /** data records in the file as inspect counted them (header excluded), or null (xlsx: our own CSV) */
  readonly records: number | null;
  /** the line where a quote opens that is never closed (inspect), or null */
  readonly openQuoteLine: number | null;
  /** a field may start or end with a space (inspect): values are trimmed */
  readonly padded: boolean;
}

/** Makes keyed pseudonyms in SQL: HMAC under the run's key, or (kas validate) a plain in-memory hash. */
export interface Keyer {
  sql(expr: string): string;
  readonly params: Record<string, DuckDBValue>;
}

/** For kas validate, which stores nothing: pseudonyms only tell rows apart within the check. */
export const unkeyed: Keyer = { sql: (expr) => `hash(${expr})`, params: {} };


/** Reads the batch into stg_<kind>_rows (typed) and the view stg_<kind> (with rid); returns structural findings per file id. */
export async function stageRows(db: Db, kind: KindName, files: readonly StagedFile[], s: Schema): Promise<Map<number, Finding[]>> {
  await dropStaging(db, kind);
  const groups = new Map<string, StagedFile[]>();
  for (const f of files) {
    const key = JSON.stringify([f.delimiter, f.layout.columns, f.xlsx, f.profile?.name ?? null, f.padded]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const structural = new Map<number, Finding[]>();
  let g = 0;
  for (const group of groups.values()) {
    g++;
    const first = group[0];
    const names = first.layout.columns.map((c, i) => c ?? `_extra_${i}`);
    if (first.xlsx) names.push("__line");
    const struct = `{${names.map((n) => `${lit(n)}: 'VARCHAR'`).join(", ")}}`;
    const present = new Set(first.layout.columns.filter((c): c is string => c !== null));
    const rejects = `kas_rejects_${g}`;
    const scans = `kas_reject_scans_${g}`;
    const source = `read_csv([${group.map((f) => lit(f.csvPath)).join(", ")}],
        delim = ${lit(first.delimiter)}, quote = '"', escape = '"', header = true, auto_detect = false,
        columns = ${struct}, filename = true, strict_mode = true, null_padding = false,
        store_rejects = true, rejects_table = ${lit(rejects)}, rejects_scan = ${lit(scans)})`;
    await db.run(sqlText(`staging/stg_${kind}`, {
      ...stagingVars(kind, s, first.profile, present, first.padded, files.some((f) => f.profile !== null)),
      into: g === 1 ? `CREATE TEMP TABLE stg_${kind}_rows AS` : `INSERT INTO stg_${kind}_rows`,
      file_id: group.length === 1 ? `${first.fileId}::INTEGER` : `(CASE filename ${group.map((f) => `WHEN ${lit(f.csvPath)} THEN ${f.fileId}`).join(" ")} END)::INTEGER`,
      xline: first.xlsx ? "TRY_CAST(__line AS INTEGER)" : "NULL::INTEGER",
      source
    }));
    const rows = await db.all<{ file_path: string; line: number; column_name: string | null; error_type: string; csv_line: string | null }>(
      sqlText("staging/stg_rejects", { rejects, scans })
    );
    // one finding per line and kind (the reader rejects a short row once per missing column), at the
    // physical line (the reader's count skips line ends inside quoted fields)
    const byFile = new Map<StagedFile, typeof rows>();
    for (const r of rows) {
      const f = group.find((x) => x.csvPath === r.file_path);
      if (!f) throw new Error(`reject for unknown file: ${r.file_path}`);
      byFile.set(f, [...(byFile.get(f) ?? []), r]);
    }
    for (const [f, rejected] of byFile) {
      const seen = new Set<string>();
      const unique = rejected.filter((r) => !seen.has(`${r.line}|${r.error_type}`) && seen.add(`${r.line}|${r.error_type}`)).slice(0, 50);
      const physical = f.xlsx ? null : await readerLines(f.csvPath, f.delimiter, unique.map((r) => Number(r.line)));
      structural.set(f.fileId, unique.map((r) => structuralFinding(f, { ...r, line: physical?.get(Number(r.line)) ?? Number(r.line) }, names.length - (f.xlsx ? 1 : 0))));
    }
    await db.run(`DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${scans};`);
  }
  // A record whose every field is empty (Excel writes ";;;;;;" for a formatted but empty row) is no row:
  // the checks and the load read the view without them; the rows keep their record numbers (rid).
  const blank = await blankRecord(db, kind);
  await db.run(sqlText("staging/stg_view", { kind, blank: blank ?? "false" }));
  const values = files.map((f) => `(${f.fileId}, ${f.folder === null ? "NULL" : lit(f.folder)})`).join(", ");
  await db.run(sqlText("staging/stg_files", { kind, files: values, blank: blank ?? "false" }));
  const counts = new Map((await db.all<{ file_id: number; n: number }>(sqlText("staging/stg_file_counts"))).map((r) => [r.file_id, r.n]));
  for (const f of files) {
    if (structural.has(f.fileId)) continue;
    const lost = await unreadRecords(f, counts.get(f.fileId) ?? 0);
    if (lost) structural.set(f.fileId, [lost]);
  }
  return structural;
}

/**
 * The condition that a staged record is empty in every field, or null when the batch has none. Such a
 * record has no person_id, so one column is read to know; only a batch with rows without one pays for
 * the test of every column (a filter over all columns makes each scan of the view read them all).
 */
async function blankRecord(db: Db, kind: KindName): Promise<string | null> {
  const [{ n }] = await db.all<{ n: number }>(sqlText("staging/stg_unkeyed", { kind }));
  if (n === 0) return null;
  const columns = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE stg_${kind}_rows)`);
  return columns
    .map((c) => c.column_name)
    .filter((c) => c !== "file_id" && c !== "xline" && !c.startsWith("mapped_"))
    .map((c) => `${ident(c)} IS NULL`)
    .join(" AND ");
}

/** Keys the batch's persons and households (sql/staging/stg_persons.sql, stg_households.sql). */
export async function stagePseudonyms(db: Db, kind: KindName, keyer: Keyer): Promise<void> {
  await db.run(sqlText("staging/stg_persons", { kind, date_column: rowDateColumn(kind), pseudonym_norm: keyer.sql("norm") }), keyer.params);
  if (kind === "bistand") {
    await db.run(sqlText("staging/stg_households", { pseudonym_household: keyer.sql("'h:' || municipality || ':' || v_household_id") }), keyer.params);
  }
}

/**
 * Records DuckDB did not read. A quote that is never closed makes the rest of the file one field —
 * and DuckDB 1.5 can drop the reject of such a quote when it reads several files in one scan, so the
 * rows after it would vanish without an error. inspect counted the file's records and saw the open
 * quote; a file with fewer rows staged than records is a structural error, not a shorter file.
 */
async function unreadRecords(f: StagedFile, staged: number): Promise<Finding | null> {
  if (f.openQuoteLine !== null) return found("unterminated_quote", f.display, {}, { line: f.openQuoteLine });
  if (f.records === null || staged >= f.records) return null;
  const lines = await recordLines(f.csvPath, f.delimiter, [staged]);
  const first = lines.get(staged) ?? null;
  return found("csv_error", f.display, { cause: "unread_records", line: first }, { line: first });
}

function structuralFinding(f: StagedFile, r: { line: number; error_type: string; csv_line: string | null }, fields: number): Finding {
  const line = Number(r.line);
  const got = r.csv_line === null ? null : splitCount(r.csv_line, f.delimiter);
  switch (r.error_type) {
    case "MISSING COLUMNS":
      return found("too_few_fields", f.display, { fields: got, header: fields, delimiter: f.delimiter }, { line });
    case "TOO MANY COLUMNS":
      return found("too_many_fields", f.display, { fields: got, header: fields, delimiter: f.delimiter }, { line });
    case "UNQUOTED VALUE":
      return found("unterminated_quote", f.display, {}, { line });
    case "INVALID UNICODE":
      return found("invalid_unicode", f.display, {}, { line });
    case "LINE SIZE OVER MAXIMUM":
      return found("line_too_long", f.display, { seen: "reader" }, { line });
    default:
      return found("csv_error", f.display, { cause: "reader", error: r.error_type }, { line });
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

/** Drops this batch's temporary tables (they can hold identity numbers). */
export async function dropStaging(db: Db, kind: KindName): Promise<void> {
  await db.run(sqlText("staging/drop_staging", { kind }));
}
