// Validation, set-based: every rule of contract §2 is a query over the staged rows that returns the
// failing rows (sql/checks/*.sql, plus the per-column value checks derived here from the schema).
// The failures are counted per file, rule and column in DuckDB; only the first examples travel to JS,
// where they become findings of the catalogue (contract/findings.ts) with a line number: each code
// gets its parameters here from the failing row's value and the schema and profile.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ident, lit, sqlText, type Db } from "../db/connection.js";
import { sqlDir } from "../system/paths.js";
import type { Finding } from "../contract/finding.js";
import { findingOf, foundMore, isCode, type Code, type DateFormat, type Found, type ValidCodes } from "../contract/findings.js";
import { masked } from "../contract/masking.js";
import type { Profile } from "../contract/profile.js";
import { fileColumnName, profilePath, type Layout } from "../ingest/layout.js";
import { kindNames, type ColumnType, type KindName, type Schema } from "../contract/schema.js";

/** Findings about a whole file or group of rows, whose value is a count rather than a cell. */
const aggregateCodes = new Set(["couples_one_coded"]);

/** Rows listed per rule, column and file by kas run (the rest are counted); kas validate lists every one. */
export const examplesPerRule = 20;

export interface CheckedFile {
  readonly fileId: number;
  readonly display: string;
  readonly profile: Profile | null;
  /** the inbox folder, or null for kas validate on a loose file */
  readonly folder: string | null;
  /** maps record numbers (0-based, header excluded) to physical lines; null when line = record + 2 */
  readonly lineOf: ((records: number[]) => Promise<Map<number, number>>) | null;
  /** the file's columns: findings name a column as the file's header does (contract §4) */
  readonly layout?: Layout | null;
}


/** The code of a value a column's type does not allow. */
const invalidValue = {
  municipality: "invalid_municipality",
  month: "invalid_month",
  date: "invalid_date",
  year: "invalid_year",
  amount: "invalid_amount",
  code: "unknown_code"
} as const satisfies Record<Exclude<ColumnType, "person_id" | "text">, Code>;

/** The code of an empty text column (missing_household_id): one the catalogue has. */
function missingText(column: string): Code {
  const code = `missing_${column}`;
  if (!isCode(code)) throw new Error(`no finding for an empty ${column} in the catalogue (contract/findings.ts): ${code}`);
  return code;
}

/**
 * The per-column value checks of a kind, from the schema: a UNION ALL of failing-row queries over the
 * rows that fail any of them — found in one pass over the batch (almost always none), not one per check.
 */
export function valueChecksSql(kind: KindName, s: Schema): string {
  const parts: string[] = [];
  const conditions: string[] = [];
  const q = (column: string, code: Code, value: string, where: string) => {
    conditions.push(where);
    return `SELECT file_id, rid, xline, ${lit(column)} AS "column", ${lit(code)} AS code, ${value} AS value, NULL AS expected FROM suspect WHERE ${where}`;
  };
  for (const col of s.kinds[kind].columns) {
    const c = `"${col.name}"`;
    switch (col.type) {
      case "person_id":
        // invalid identity numbers: sql/checks/person_id.sql
        parts.push(q(col.name, "missing_person_id", "NULL", `v_${col.name} IS NULL`));
        continue;
      case "text":
        parts.push(q(col.name, missingText(col.name), "NULL", `v_${col.name} IS NULL`));
        continue;
    }
    const bad = invalidValue[col.type];
    parts.push(q(col.name, bad, `bad_${col.name}`, `bad_${col.name} IS NOT NULL`));
    if (col.value === "required") parts.push(q(col.name, "missing_value", "NULL", `${c} IS NULL AND bad_${col.name} IS NULL`));
  }
  return `WITH suspect AS MATERIALIZED (SELECT * FROM stg_${kind} WHERE ${conditions.map((w) => `(${w})`).join(" OR ")})\n${parts.join("\nUNION ALL\n")}`;
}

/** Each kind's dates: the first is the row's own date (the year a person's birth year and identity
 *  number are read against); a rule that names {{date_name}} runs once per date. */
const dates: Record<KindName, readonly { column: string; format: string }[]> = {
  bistand: [{ column: "month", format: "%Y-%m" }],
  insats: [{ column: "start_date", format: "%Y-%m-%d" }, { column: "end_date", format: "%Y-%m-%d" }]
};

/** The column that dates a staged row of the kind, as SQL. */
export const rowDateColumn = (kind: KindName): string => ident(dates[kind][0].column);

/**
 * Every failing-row query of a kind: the value checks derived from the schema, and every rule of
 * sql/checks/ — those named <kind>_… for that kind only, the others for every kind.
 */
export function checksSql(kind: KindName, s: Schema, today: string): string {
  const shared = { kind, date_column: rowDateColumn(kind), today: `DATE ${lit(today)}` };
  const queries = [valueChecksSql(kind, s)];
  for (const rule of checkRules()) {
    const only = kindNames.find((k) => rule.name.startsWith(`${k}_`));
    if (only && only !== kind) continue;
    for (const d of rule.perDate ? dates[kind] : [null]) {
      queries.push(sqlText(`checks/${rule.name}`, d ? { ...shared, date_column: ident(d.column), date_name: d.column, date_format: d.format } : shared));
    }
  }
  return queries.map((sql) => `(${stripComments(sql)})`).join("\nUNION ALL\n");
}

let rules: { name: string; perDate: boolean }[] | undefined;
const checkRules = () =>
  (rules ??= readdirSync(join(sqlDir, "checks"))
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), perDate: readFileSync(join(sqlDir, "checks", f), "utf8").includes("{{date_name}}") })));

function stripComments(sql: string): string {
  return sql.replace(/^\s*--.*$/gm, "").trim().replace(/;$/, "");
}

interface Failure {
  file_id: number;
  code: string;
  column: string | null;
  n: number;
  /** rec: the record number within the file (0-based, header excluded) */
  examples: { rec: number; xline: number | null; value: string | null; expected: string | null }[];
}

/**
 * Runs every check of a kind over stg_<kind> (with stg_files(file_id, base, folder) describing the files)
 * and returns the findings per file id.
 */
export async function runChecks(
  db: Db,
  kind: KindName,
  files: ReadonlyMap<number, CheckedFile>,
  s: Schema,
  today: string,
  examples: number = examplesPerRule
): Promise<Map<number, Finding[]>> {
  if (kind === "bistand") await db.run(sqlText("staging/stg_household_months"));
  await db.run(`CREATE OR REPLACE TEMP TABLE check_failures AS ${checksSql(kind, s, today)}`);
  const failures = await db.all<Failure>(sqlText("load/check_examples"), { examples });
  const out = new Map<number, Finding[]>();
  for (const f of failures) {
    const file = files.get(f.file_id);
    if (!file) throw new Error(`check failure for unknown file id: ${f.file_id}`);
    const records = f.examples.map((e) => e.rec);
    // a finding that names another row (the first of a duplicate) carries it as 'rec:N' or 'line:N'
    const others = f.examples.map((e) => (e.expected?.startsWith("rec:") ? Number(e.expected.slice(4)) : null));
    const wanted = [...records, ...others.filter((r): r is number => r !== null)];
    const mapped = file.lineOf && f.examples.some((e) => e.xline === null) ? await file.lineOf(wanted) : null;
    const ctx: CheckContext = { schema: s, kind, profile: file.profile, folder: file.folder, layout: file.layout ?? null };
    // the checks speak of contract columns; the finding names the column as the file does ("Kön", not gender)
    const column = f.column === null ? null : fileColumnName(ctx.layout, f.column);
    const list = out.get(f.file_id) ?? [];
    f.examples.forEach((e, i) => {
      const line = e.xline ?? mapped?.get(records[i]) ?? records[i] + 2;
      const shown = e.value === null ? null : masked(f.code === "conflicting_amounts" ? amountsAsWritten(e.value) : e.value);
      const other = others[i];
      const expected = other !== null ? String(mapped?.get(other) ?? other + 2) : e.expected?.startsWith("line:") ? e.expected.slice(5) : e.expected;
      const value = aggregateCodes.has(f.code) ? null : shown;
      list.push(findingOf(checkFinding(f.code, f.column, shown, expected, ctx), file.display, { line, column, value }));
    });
    if (f.n > f.examples.length) {
      list.push(foundMore(checkFinding(f.code, f.column, "…", "…", ctx), file.display, { shown: f.examples.length, total: f.n, column }));
    }
    out.set(f.file_id, list);
  }
  return out;
}

/** A household-month's two amounts ("5000.00 / 5200.50" from DuckDB) as a Swedish file writes them:
 *  whole kronor without decimals, else with a decimal comma ("5000 / 5200,50"). */
export function amountsAsWritten(value: string): string {
  return value.replace(/\b(\d+)\.(\d{1,2})\b/g, (_, kronor: string, ore: string) => (/^0+$/.test(ore) ? kronor : `${kronor},${ore.padEnd(2, "0")}`));
}

/** What a check's parameters are made from: the schema, and the file's kind, profile and folder. */
interface CheckContext {
  readonly schema: Schema;
  readonly kind: KindName;
  readonly profile: Profile | null;
  /** the folder the file came from, when it came from an inbox */
  readonly folder: string | null;
  /** the file's columns, for the names messages give them */
  readonly layout: Layout | null;
}

/** The valid codes of a code column (null for other columns), with those the profile maps. */
function validCodes(ctx: CheckContext, column: string): ValidCodes | null {
  const def = ctx.schema.kinds[ctx.kind].columns.find((c) => c.name === column);
  if (!def?.list) return null;
  const own = ctx.profile?.sourceValues[column];
  return {
    codes: ctx.schema.lists[def.list].codes.map((c) => c.code),
    profile: ctx.profile && own?.length ? { name: ctx.profile.name, codes: own } : null,
    list: def.list
  };
}

/** The valid codes of a column that has a code list (every code column: the schema checks it). */
function listedCodes(ctx: CheckContext, column: string): ValidCodes {
  const codes = validCodes(ctx, column);
  if (!codes) throw new Error(`column ${ctx.kind}.${column} has no code list`);
  return codes;
}

function dateFormat(ctx: CheckContext, column: string): DateFormat {
  const own = ctx.profile?.formats[column as keyof Profile["formats"]];
  return { column, profile: ctx.profile && own ? { name: ctx.profile.name, format: own } : null };
}

/**
 * A failing row's code and parameters, from what the check query returned: the failing value (masked)
 * and `expected`, the rule's other value (the first row of a duplicate, the row's year …).
 */
function checkFinding(code: string, column: string | null, value: string | null, expected: string | null, ctx: CheckContext): Found {
  const col = column ?? "";
  /** the column as the file names it, for the message */
  const named = fileColumnName(ctx.layout, col);
  // as text, the way the messages have always shown them (the checks return no null where one is shown)
  const v = String(value);
  const x = String(expected);
  switch (code) {
    case "missing_value":
      return { code, params: { column: named, codes: ctx.schema.kinds[ctx.kind].columns.find((c) => c.name === col)?.type === "code" ? validCodes(ctx, col) : null } };
    case "unknown_code":
      return { code, params: { value: v, column: named, codes: listedCodes(ctx, col), profile: ctx.profile && { name: ctx.profile.name, file: profilePath(ctx.profile) } } };
    case "invalid_month":
    case "invalid_date":
      return { code, params: { value: v, format: dateFormat(ctx, col) } };
    case "invalid_year":
    case "invalid_amount":
    case "exit_reason_without_end":
    case "future_date":
      return { code, params: { value: v } };
    case "invalid_municipality":
      return { code, params: { value: v, profile: ctx.profile?.name ?? null } };
    case "missing_person_id":
    case "invalid_person_id":
    case "person_id_checksum":
    case "person_id_placeholder":
    case "missing_household_id":
      return { code, params: { column: named } };
    case "wrong_municipality":
      return { code, params: { value: v, folder: ctx.folder, first: x } };
    case "birth_after_row_year":
      return { code, params: { birthYear: v, rowYear: x } };
    case "unusual_age":
      return { code, params: { birthYear: v, age: x } };
    case "duplicate_person_month":
      return { code, params: { month: v, firstLine: x } };
    case "missing_amount":
      return { code, params: { month: x, column: named } };
    case "conflicting_amounts":
      return { code, params: { month: x, amounts: v } };
    case "end_before_start":
      return { code, params: { end: v, start: x } };
    case "exit_reason_missing":
      return { code, params: { end: x, codes: listedCodes(ctx, "exit_reason") } };
    case "couples_one_coded":
      return { code, params: { share: v } };
    default:
      throw new Error(`no finding in the catalogue (contract/findings.ts) for check code: ${code}`);
  }
}
