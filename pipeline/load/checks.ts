// Validation, set-based: every rule of contract §2 is a query over the staged rows that returns the
// failing rows (sql/checks/*.sql, plus the per-column value checks derived here from the schema).
// The failures are counted per file, rule and column in DuckDB; only the first examples travel to JS,
// where they become findings of the catalogue (contract/findings.ts) with a line number: each code
// gets its parameters here from the failing row's value and the schema and profile.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { ident, lit, sqlText, type Db } from "../db/connection.js";
import { sqlDir } from "../system/paths.js";
import type { Finding } from "../contract/finding.js";
import { findingOf, found, foundMore, isCode, type Code, type DateFormat, type Found, type MunicipalityCode, type MunicipalityNotInYears, type ValidCodes } from "../contract/findings.js";
import { checkMunicipality, municipalities, municipalityName, validIn, type Country } from "../contract/municipalities.js";
import { masked } from "../contract/masking.js";
import type { Profile } from "../contract/profile.js";
import { fileColumnName, profilePath, type Layout } from "../ingest/layout.js";
import { kindDef, kindNames, type ColumnDef, type ColumnType, type KindName, type Schema } from "../contract/schema.js";

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
  /** when the pipeline first saw the file (ISO): an insats snapshot was taken no later (sql/macros/snapshot_day.sql);
   *  absent, the day of the check */
  readonly firstSeen?: string;
}


/** The code of a value a column's type does not allow. */
const invalidValue = {
  municipality: "invalid_municipality",
  month: "invalid_month",
  date: "invalid_date",
  year: "invalid_year",
  amount: "invalid_amount",
  code: "unknown_code",
  integer: "invalid_integer"
} as const satisfies Record<Exclude<ColumnType, "person_id" | "text">, Code>;

/** The code of a column's invalid value: a birth year and a calendar year (a survey's, a population
 *  count's) share their type but not their words. */
function invalidCode(col: ColumnDef): Code {
  if (col.type === "person_id" || col.type === "text") throw new Error(`no value check for ${col.type} column ${col.name}`);
  return col.type === "year" && col.name !== "birth_year" ? "invalid_calendar_year" : invalidValue[col.type];
}

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
  for (const col of kindDef(s, kind).columns) {
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
    const bad = invalidCode(col);
    parts.push(q(col.name, bad, `bad_${col.name}`, `bad_${col.name} IS NOT NULL`));
    if (col.value === "required") parts.push(q(col.name, "missing_value", "NULL", `${c} IS NULL AND bad_${col.name} IS NULL`));
  }
  return `WITH suspect AS MATERIALIZED (SELECT * FROM stg_${kind} WHERE ${conditions.map((w) => `(${w})`).join(" OR ")})\n${parts.join("\nUNION ALL\n")}`;
}

/** Each kind's dates: the first is the row's own date (the year a person's birth year and identity
 *  number are read against); a rule that names {{date_name}} runs once per date. Surveys and
 *  population counts have a year, no date. */
const dates: Record<KindName, readonly { column: string; format: string }[]> = {
  bistand: [{ column: "month", format: "%Y-%m" }],
  insats: [{ column: "start_date", format: "%Y-%m-%d" }, { column: "end_date", format: "%Y-%m-%d" }],
  survey: [],
  population: []
};

/** The column that dates a staged row of the kind, as SQL (a kind with persons has one). */
export function rowDateColumn(kind: KindName): string {
  const [first] = dates[kind];
  if (!first) throw new Error(`kind ${kind} has no date column`);
  return ident(first.column);
}

/**
 * Every failing-row query of a kind: the value checks derived from the schema, and every rule of
 * sql/checks/ — those named <kind>_… for that kind only, those with a line `-- kinds: a b` for those
 * kinds, the others for every kind (a rule about {{date_name}} for every date of the kind).
 */
export function checksSql(kind: KindName, s: Schema, today: string): string {
  const shared = { kind, date_column: dates[kind].length ? rowDateColumn(kind) : "NULL", today: `DATE ${lit(today)}` };
  const queries = [valueChecksSql(kind, s)];
  for (const rule of checkRules()) {
    const only = kindNames.find((k) => rule.name.startsWith(`${k}_`));
    if ((only && only !== kind) || (rule.kinds && !rule.kinds.includes(kind))) continue;
    for (const d of rule.perDate ? dates[kind] : [null]) {
      queries.push(sqlText(`checks/${rule.name}`, d ? { ...shared, date_column: ident(d.column), date_name: d.column, date_format: d.format } : shared));
    }
  }
  return queries.map((sql) => `(${stripComments(sql)})`).join("\nUNION ALL\n");
}

let rules: { name: string; perDate: boolean; kinds: string[] | null }[] | undefined;
const checkRules = () =>
  (rules ??= readdirSync(join(sqlDir, "checks"))
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => {
      const text = readFileSync(join(sqlDir, "checks", f), "utf8");
      const kinds = /^-- kinds:([a-z_ ]*)/m.exec(text)?.[1].trim().split(/ +/) ?? null; // then, in brackets, why
      for (const k of kinds ?? []) if (!(kindNames as readonly string[]).includes(k)) throw new Error(`sql/checks/${f}: unknown kind ${k}`);
      return { name: f.slice(0, -4), perDate: text.includes("{{date_name}}"), kinds };
    }));

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
 * and returns the findings per file id. `country`: the network's, when its settings tell it — the
 * municipality check then names a code both countries have (1860 Laxå / Vestvågøy) as its
 * municipality; without one a code is accepted in either country, and named as Sweden's first.
 */
export async function runChecks(
  db: Db,
  kind: KindName,
  files: ReadonlyMap<number, CheckedFile>,
  s: Schema,
  today: string,
  examples: number = examplesPerRule,
  country?: Country
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
  for (const [fileId, found] of await municipalityFindings(db, kind, files, s, today, examples, country)) {
    out.set(fileId, [...(out.get(fileId) ?? []), ...found]);
  }
  return out;
}

// ---- Municipality codes in the file's years (contract §2, §12)

/** The year a staged row needs its municipality code in, as SQL: its month's (bistand), its own year
 *  (survey, population). An insats file is a snapshot: its year is the day it was taken (sql/staging/municipality_snapshot_years.sql). */
function rowYearSql(kind: KindName): string {
  return dates[kind].length ? `year(${rowDateColumn(kind)})` : ident("year");
}

/** One file's code in one year, as sql/staging/municipality_years.sql and municipality_snapshot_years.sql return it. */
interface CodeYear {
  file_id: number;
  code: string;
  year: number;
  /** a snapshot's day and where it was read (sql/macros/snapshot_day.sql); null for other kinds */
  day: string | null;
  source: "file_name" | "rows" | "first_seen" | null;
  /** rows, and the first of them: record number (0-based, header excluded) and worksheet row */
  n: number;
  rec: number;
  xline: number | null;
  /** the code as the file writes it, where a profile mapped it */
  written: string | null;
}

/** The codes a municipality had in `years` before it took `code` (3024 and 0219 before Bærum's 3201), latest first. */
function earlierCodes(code: string, country: Country, years: readonly number[]): MunicipalityCode[] {
  const all = municipalities(country);
  const out: MunicipalityCode[] = [];
  const seen = new Set([code]);
  for (let step = [code]; step.length > 0; ) {
    const before = all.filter((m) => !seen.has(m.code) && m.replacedBy.some((r) => step.includes(r)));
    for (const m of before) {
      seen.add(m.code);
      if (years.some((y) => validIn(m, y))) out.push({ code: m.code, name: municipalityName(m.code, m.to ?? undefined, country), from: m.from, to: m.to });
    }
    step = before.map((m) => m.code);
  }
  return out;
}

/** The finding's parameters for a code that is no municipality in some of `asked` (a file's years), or null. */
function notInYears(code: string, asked: readonly number[], snapshot: MunicipalityNotInYears["snapshot"], oneCode: boolean, country: Country | undefined): MunicipalityNotInYears | null {
  const check = checkMunicipality(code, asked, country);
  if (check.ok) return null;
  const years = check.reason === "unknown" ? [...asked].sort((a, b) => a - b) : check.years;
  const base = { value: code, years, valid: asked.filter((y) => !years.includes(y)).sort((a, b) => a - b), snapshot, oneCode };
  if (check.reason === "unknown") return { ...base, reason: "unknown" };
  if (check.reason === "replaced") return { ...base, reason: "replaced", country: check.country, name: check.name, to: check.to, successors: check.successors };
  return { ...base, reason: "other_years", country: check.country, name: check.name, from: check.from, to: check.to, earlier: earlierCodes(code, check.country, years) };
}

/**
 * municipality_not_in_years: each file's distinct codes with the years it needs them in — one query
 * over the batch —, each (file, code) checked once against the official lists (contract/municipalities.ts).
 * A file's first `examples` failing codes are listed, at the first row of a year the code is wrong
 * for, with the count of such rows; the rows of the rest are counted in one finding.
 */
async function municipalityFindings(
  db: Db, kind: KindName, files: ReadonlyMap<number, CheckedFile>, s: Schema, today: string, examples: number, country: Country | undefined
): Promise<Map<number, Finding[]>> {
  const out = new Map<number, Finding[]>();
  const def = kindDef(s, kind);
  if (!def.columns.some((c) => c.name === "municipality" && c.type === "municipality")) return out;
  // the staged rows have what a profile mapped (mapped_<column>) only in a batch with a profile
  const written = [...files.values()].some((f) => f.profile !== null) ? "arg_min(mapped_municipality, rid)" : "NULL::VARCHAR";
  const rows = await db.all<CodeYear>(
    kind === "insats"
      ? sqlText("staging/municipality_snapshot_years", {
          files: [...files.values()].map((f) => `(${f.fileId}, ${lit(basename(f.display))}, DATE ${lit((f.firstSeen ?? today).slice(0, 10))})`).join(", "), written
        })
      : sqlText("staging/municipality_years", { kind, year: rowYearSql(kind), written })
  );
  const byFile = new Map<number, Map<string, CodeYear[]>>();
  for (const r of rows) {
    const codes = byFile.get(r.file_id) ?? byFile.set(r.file_id, new Map()).get(r.file_id)!;
    codes.set(r.code, [...(codes.get(r.code) ?? []), r]);
  }
  // a municipality's folder takes one code; a network file (population) has every municipality's rows
  const oneCode = def.folder === "municipality";
  for (const [fileId, codes] of byFile) {
    const file = files.get(fileId);
    if (!file) throw new Error(`municipality code for unknown file id: ${fileId}`);
    const failing: { params: MunicipalityNotInYears; first: CodeYear; rows: number }[] = [];
    for (const [code, groups] of codes) {
      const [g] = groups;
      const snapshot = g.day !== null && g.source !== null ? { date: g.day, source: g.source } : null;
      const params = notInYears(code, groups.map((x) => Number(x.year)), snapshot, oneCode, country);
      if (!params) continue;
      const wrong = groups.filter((x) => params.years.includes(Number(x.year)));
      const first = wrong.reduce((a, b) => (Number(b.rec) < Number(a.rec) ? b : a));
      failing.push({ params, first, rows: wrong.reduce((n, x) => n + Number(x.n), 0) });
    }
    if (failing.length === 0) continue;
    failing.sort((a, b) => Number(a.first.rec) - Number(b.first.rec));
    const listed = failing.slice(0, examples);
    const wanted = listed.filter((f) => f.first.xline === null).map((f) => Number(f.first.rec));
    const lines = file.lineOf && wanted.length ? await file.lineOf(wanted) : null;
    const column = fileColumnName(file.layout ?? null, "municipality");
    const list = listed.map((f) => {
      const rec = Number(f.first.rec);
      const line = f.first.xline ?? lines?.get(rec) ?? rec + 2;
      return found("municipality_not_in_years", file.display, f.params, { line, column, value: f.first.written ?? f.params.value, count: f.rows });
    });
    const rest = failing.slice(examples);
    if (rest.length) {
      const shown = listed.reduce((n, f) => n + f.rows, 0);
      list.push(foundMore({ code: "municipality_not_in_years", params: rest[0].params }, file.display, { shown, total: shown + rest.reduce((n, f) => n + f.rows, 0), column }));
    }
    out.set(fileId, list);
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
  const def = kindDef(ctx.schema, ctx.kind).columns.find((c) => c.name === column);
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
      return { code, params: { column: named, codes: kindDef(ctx.schema, ctx.kind).columns.find((c) => c.name === col)?.type === "code" ? validCodes(ctx, col) : null } };
    case "unknown_code":
      return { code, params: { value: v, column: named, codes: listedCodes(ctx, col), profile: ctx.profile && { name: ctx.profile.name, file: profilePath(ctx.profile) } } };
    case "invalid_month":
    case "invalid_date":
      return { code, params: { value: v, format: dateFormat(ctx, col) } };
    case "invalid_calendar_year":
      return { code, params: { value: v, column: named } };
    case "invalid_integer": {
      const def = kindDef(ctx.schema, ctx.kind).columns.find((c) => c.name === col);
      if (def?.min === undefined) throw new Error(`column ${ctx.kind}.${col} is no integer column`);
      return { code, params: { value: v, column: named, min: def.min, max: def.max ?? null } };
    }
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
    case "missing_respondent":
    case "respondent_identity_number":
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
    case "duplicate_survey_answer":
      return { code, params: { question: v, firstLine: x } };
    case "duplicate_population_row":
      return { code, params: { row: v, firstLine: x } };
    default:
      throw new Error(`no finding in the catalogue (contract/findings.ts) for check code: ${code}`);
  }
}
