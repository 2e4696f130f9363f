// Validation, set-based: every rule of contract §2 is a query over the staged rows that returns the
// failing rows (sql/checks/*.sql, plus the per-column value checks derived here from the schema).
// The failures are counted per file, rule and column in DuckDB; only the first examples travel to JS,
// where they become findings with a line number and a Swedish message.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ident, lit, sqlText, type Db } from "../db/connection.js";
import { sqlDir } from "../system/paths.js";
import { finding, type Finding } from "../contract/finding.js";
import { masked, messageOf, severityOf, type MessageContext } from "../contract/messages.js";
import type { Profile } from "../contract/profile.js";
import { kindNames, type KindName, type Schema } from "../contract/schema.js";

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
}


/**
 * The per-column value checks of a kind, from the schema: a UNION ALL of failing-row queries over the
 * rows that fail any of them — found in one pass over the batch (almost always none), not one per check.
 */
export function valueChecksSql(kind: KindName, s: Schema): string {
  const parts: string[] = [];
  const conditions: string[] = [];
  const q = (column: string, code: string, value: string, where: string) => {
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
        parts.push(q(col.name, `missing_${col.name}`, "NULL", `v_${col.name} IS NULL`));
        continue;
    }
    const bad = { municipality: "invalid_municipality", month: "invalid_month", date: "invalid_date", year: "invalid_year", amount: "invalid_amount", code: "unknown_code" }[col.type];
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
    const ctx: MessageContext = { schema: s, kind, profile: file.profile, folder: file.folder };
    const list = out.get(f.file_id) ?? [];
    f.examples.forEach((e, i) => {
      const line = e.xline ?? mapped?.get(records[i]) ?? records[i] + 2;
      const shown = e.value === null ? null : masked(e.value);
      const other = others[i];
      const expected = other !== null ? String(mapped?.get(other) ?? other + 2) : e.expected?.startsWith("line:") ? e.expected.slice(5) : e.expected;
      const problem = { code: f.code, column: f.column, value: shown, expected };
      const value = aggregateCodes.has(f.code) ? null : shown;
      list.push(finding(severityOf(f.code), f.code, file.display, messageOf(problem, ctx), { line, column: f.column, value }));
    });
    if (f.n > f.examples.length) {
      const problem = { code: f.code, column: f.column, value: null, expected: null };
      list.push(
        finding(severityOf(f.code), f.code, file.display,
          `Samma fel på ytterligare ${f.n - f.examples.length} rader (${f.n} totalt); de ${f.examples.length} första visas ovan. ${messageOf({ ...problem, value: "…", expected: "…" }, ctx)}`,
          { column: f.column, count: f.n - f.examples.length })
      );
    }
    out.set(f.file_id, list);
  }
  return out;
}
