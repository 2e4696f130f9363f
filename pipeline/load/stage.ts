// Staging: a batch of readable files of one kind, read by DuckDB's CSV reader and typed in the same
// pass into one temporary table (stg_<kind>_rows; sql/staging/stg_rows.sql), grouped so that files
// of the same layout and profile are read in one read_csv call. Then the distinct persons and
// households are keyed (stg_persons.sql, stg_households.sql). The reader skips records it cannot read
// (wrong field count, unterminated quotes); a file with fewer records staged than it has is read again
// alone, up to its first such errors, for the reader's reject tables: structural errors are findings
// instead of stopping the run, and a file wrong on every line costs no more than a good one.
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import type { DuckDBValue } from "@duckdb/node-api";
import { ident, lit, sqlText, type Db } from "../db/connection.js";
import type { Delimiter } from "../ingest/dialect.js";
import type { Finding } from "../contract/finding.js";
import { found } from "../contract/findings.js";
import type { Layout } from "../ingest/layout.js";
import { readerLines, recordLines, structuralCut, type RejectBudget } from "../ingest/lines.js";
import { rowDateColumn } from "./checks.js";
import { stagingVars } from "./normalise.js";
import type { Profile } from "../contract/profile.js";
import { kindDef, type KindName, type Schema } from "../contract/schema.js";

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
  /** data records in the file (header excluded): as inspect counted them, or as many as were written
   *  of a workbook; fewer staged means the reader skipped some (structural errors) */
  readonly records: number;
  /** the line where a quote opens that is never closed (inspect), or null */
  readonly openQuoteLine: number | null;
  /** a field may start or end with a space (inspect): values are trimmed */
  readonly padded: boolean;
  /** the run's own folder (mode 0700), for a part of the file read alone */
  readonly workDir: string;
}

/** Makes keyed pseudonyms in SQL: HMAC under the run's key, or (kas validate) a plain in-memory hash. */
export interface Keyer {
  sql(expr: string): string;
  readonly params: Record<string, DuckDBValue>;
}

/** For kas validate, which stores nothing: pseudonyms only tell rows apart within the check. */
export const unkeyed: Keyer = { sql: (expr) => `hash(${expr})`, params: {} };

/**
 * What the reader is given of a file with structural errors to find them (lines.ts structuralCut): the
 * lines shown (each line once), and rejects as many and as long as take it well under a second.
 */
const rejectBudget: RejectBudget = { records: 50, rejects: 20_000, bytes: 256 << 20 };

/** Reads the batch into stg_<kind>_rows (typed) and the view stg_<kind> (with rid); returns structural findings per file id. */
export async function stageRows(db: Db, kind: KindName, files: readonly StagedFile[], s: Schema): Promise<Map<number, Finding[]>> {
  await dropStaging(db, kind);
  const groups = new Map<string, StagedFile[]>();
  for (const f of files) {
    const key = JSON.stringify([f.delimiter, f.layout.columns, f.xlsx, f.profile?.name ?? null, f.padded]);
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  let g = 0;
  for (const group of groups.values()) {
    g++;
    const first = group[0];
    const names = columnNames(first);
    const present = new Set(first.layout.columns.filter((c): c is string => c !== null));
    // A record the reader cannot read (a wrong field count, an unterminated quote) is skipped here;
    // the records staged per file tell which files have one (structuralFindings).
    const source = `read_csv([${group.map((f) => lit(f.csvPath)).join(", ")}], ${readerOptions(first, names)}, filename = true, ignore_errors = true)`;
    await db.run(sqlText("staging/stg_rows", {
      ...stagingVars(kind, s, first.profile, present, first.padded, files.some((f) => f.profile !== null)),
      into: g === 1 ? `CREATE TEMP TABLE stg_${kind}_rows AS` : `INSERT INTO stg_${kind}_rows`,
      file_id: group.length === 1 ? `${first.fileId}::INTEGER` : `(CASE filename ${group.map((f) => `WHEN ${lit(f.csvPath)} THEN ${f.fileId}`).join(" ")} END)::INTEGER`,
      xline: first.xlsx ? "TRY_CAST(__line AS INTEGER)" : "NULL::INTEGER",
      source
    }));
  }
  // A record whose every field is empty (Excel writes ";;;;;;" for a formatted but empty row) is no row:
  // the checks and the load read the view without them; the rows keep their record numbers (rid).
  const blank = await blankRecord(db, kind, s);
  await db.run(sqlText("staging/stg_view", { kind, blank: blank ?? "false" }));
  const values = files.map((f) => `(${f.fileId}, ${f.folder === null ? "NULL" : lit(f.folder)})`).join(", ");
  await db.run(sqlText("staging/stg_files", { kind, files: values, blank: blank ?? "false" }));
  const counts = new Map((await db.all<{ file_id: number; n: number }>(sqlText("staging/stg_file_counts"))).map((r) => [r.file_id, r.n]));
  const structural = new Map<number, Finding[]>();
  for (const f of files) {
    const staged = counts.get(f.fileId) ?? 0;
    if (f.openQuoteLine === null && staged >= f.records) continue;
    const errors = await structuralFindings(db, f);
    const lost = errors.length ? null : await unreadRecords(f, staged);
    if (errors.length || lost) structural.set(f.fileId, lost ? [lost] : errors);
  }
  return structural;
}

/** The columns the reader is given: the file's (an extra one by its position), and __line in a workbook's CSV. */
function columnNames(f: StagedFile): string[] {
  const names = f.layout.columns.map((c, i) => c ?? `_extra_${i}`);
  if (f.xlsx) names.push("__line");
  return names;
}

function readerOptions(f: StagedFile, names: readonly string[]): string {
  return `delim = ${lit(f.delimiter)}, quote = '"', escape = '"', header = true, auto_detect = false,
        columns = {${names.map((n) => `${lit(n)}: 'VARCHAR'`).join(", ")}}, strict_mode = true, null_padding = false`;
}

/**
 * The structural errors of a file the reader did not read whole: its first lines read again, alone,
 * with the reader's reject tables — one finding per line and kind (the reader rejects a short line
 * once per missing column), at the physical line (the reader's count skips line ends inside quoted
 * fields). The reader keeps every reject it makes until the read ends, so it is given the file only
 * up to its first errors (rejectBudget): a file wrong on every line costs no more than a good one.
 */
async function structuralFindings(db: Db, f: StagedFile): Promise<Finding[]> {
  const names = columnNames(f);
  const cut = await structuralCut(f.csvPath, f.delimiter, names.length, rejectBudget);
  // the file up to the cut, in the run's folder (it holds identity numbers)
  const part = cut === null ? null : { path: join(f.workDir, `structure-${f.fileId}.csv`), end: cut };
  try {
    if (part) await pipeline(createReadStream(f.csvPath, { end: part.end - 1 }), createWriteStream(part.path, { mode: 0o600 }));
    await db.run(sqlText("staging/stg_structure", {
      source: lit(part?.path ?? f.csvPath), options: readerOptions(f, names), limit: String(rejectBudget.rejects + names.length)
    }));
    const rows = await db.all<{ line: number; error_type: string; csv_line: string | null }>(sqlText("staging/stg_rejects"));
    const seen = new Set<string>();
    const unique = rows.filter((r) => !seen.has(`${r.line}|${r.error_type}`) && seen.add(`${r.line}|${r.error_type}`)).slice(0, rejectBudget.records);
    const physical = f.xlsx ? null : await readerLines(f.csvPath, f.delimiter, unique.map((r) => Number(r.line)));
    return unique.map((r) => structuralFinding(f, { ...r, line: physical?.get(Number(r.line)) ?? Number(r.line) }, names.length - (f.xlsx ? 1 : 0)));
  } finally {
    await db.run(sqlText("staging/drop_structure"));
    if (part) await rm(part.path, { force: true });
  }
}

/**
 * The condition that a staged record is empty in every field, or null when the batch has none. Such a
 * record has no person_id (respondent; municipality in a kind without either), so one column is read to
 * know; only a batch with rows without one pays for the test of every column (a filter over all columns
 * makes each scan of the view read them all).
 */
async function blankRecord(db: Db, kind: KindName, s: Schema): Promise<string | null> {
  const defs = kindDef(s, kind).columns;
  const keyed = defs.find((c) => c.type === "person_id" || c.type === "text");
  // identity and case numbers are staged as their text (v_…), other columns as their value (NULL when invalid too)
  const anchor = keyed ? `v_${keyed.name}` : ident(defs[0].name);
  const [{ n }] = await db.all<{ n: number }>(sqlText("staging/stg_unkeyed", { kind, column: anchor }));
  if (n === 0) return null;
  const columns = await db.all<{ column_name: string }>(`SELECT column_name FROM (DESCRIBE stg_${kind}_rows)`);
  return columns
    .map((c) => c.column_name)
    .filter((c) => c !== "file_id" && c !== "xline" && !c.startsWith("mapped_"))
    .map((c) => `${ident(c)} IS NULL`)
    .join(" AND ");
}

/** Keys the batch's persons and households (sql/staging/stg_persons.sql, stg_households.sql), or a survey's
 *  respondents (stg_respondents.sql), in a kind that has them. */
export async function stagePseudonyms(db: Db, kind: KindName, keyer: Keyer, s: Schema): Promise<void> {
  if (kind === "survey") {
    await db.run(sqlText("staging/stg_respondents", { pseudonym_respondent: keyer.sql(`'r:' || municipality || ':' || "year" || ':' || v_respondent`) }), keyer.params);
    return;
  }
  if (!kindDef(s, kind).columns.some((c) => c.type === "person_id")) return;
  await db.run(sqlText("staging/stg_persons", { kind, date_column: rowDateColumn(kind), pseudonym_norm: keyer.sql("norm") }), keyer.params);
  if (kind === "bistand") {
    await db.run(sqlText("staging/stg_households", { pseudonym_household: keyer.sql("'h:' || municipality || ':' || v_household_id") }), keyer.params);
  }
}

/**
 * Records DuckDB did not read, when its reject tables name none. A quote that is never closed makes
 * the rest of the file one field — and DuckDB 1.5 can drop the reject of such a quote, so the rows
 * after it would vanish without an error. inspect counted the file's records and saw the open quote;
 * a file with fewer rows staged than records is a structural error, not a shorter file.
 */
async function unreadRecords(f: StagedFile, staged: number): Promise<Finding | null> {
  if (f.openQuoteLine !== null) return found("unterminated_quote", f.display, {}, { line: f.openQuoteLine });
  if (staged >= f.records) return null;
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
