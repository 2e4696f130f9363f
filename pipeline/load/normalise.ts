// Normalisation as SQL: the expressions that turn a file's raw text into contract values, per
// column, for a group of files read with one profile or none (contract §4). sql/staging/stg_rows.sql
// takes them as {{placeholders}}; every expression reads the trimmed raw value
// `v_<column>` of a row and yields NULL when the value is not valid. Casts are preferred to regular
// expressions where they are exact: this runs once per cell of every upload.
import { ident, lit } from "../db/connection.js";
import type { Profile } from "../contract/profile.js";
import { kindDef, type ColumnDef, type KindName, type Schema } from "../contract/schema.js";

/** The profile's own expression where it says something about the column, else the contract's. */
function perProfile(profile: Profile | null, own: (p: Profile) => string | null, fallback: string): string {
  const sql = profile ? own(profile) : null;
  return sql ?? fallback;
}

function codeExpr(column: string, valid: readonly string[], profile: Profile | null): string {
  const v = `v_${column}`;
  // list_contains, not IN: DuckDB turns a long IN list into a (mark) join, and a join does not keep
  // the reader's row order, which is how staged rows know their line (rowid = record number)
  const contract = `(CASE WHEN list_contains([${valid.map(lit).join(", ")}], ${v}) THEN ${v} END)`;
  return perProfile(
    profile,
    (p) => {
      const map = p.codes[column];
      if (!map || Object.keys(map).length === 0) return null;
      const whens = Object.entries(map).map(([src, code]) => `WHEN ${lit(src)} THEN ${lit(code)}`);
      return `coalesce(CASE lower(${v}) ${whens.join(" ")} END, ${contract})`;
    },
    contract
  );
}

/** Contract dates: exactly YYYY-MM(-DD), a real day (a cast rejects 2024-02-30), months as their first day. */
function contractDate(column: string): string {
  const v = `v_${column}`;
  return column === "month"
    ? `(CASE WHEN length(${v}) = 7 AND substr(${v}, 5, 1) = '-' THEN TRY_CAST(${v} || '-01' AS DATE) END)`
    : `(CASE WHEN length(${v}) = 10 AND substr(${v}, 5, 1) = '-' AND substr(${v}, 8, 1) = '-' THEN TRY_CAST(${v} AS DATE) END)`;
}

function dateExpr(column: string, profile: Profile | null): string {
  const v = `v_${column}`;
  const month = column === "month";
  const parse = (fmt: string) => {
    // strptime is lenient about a missing day in %Y-%m: parse months as the first day.
    const p = month && !fmt.includes("%d") ? `try_strptime(${v} || '-01', ${lit(fmt + "-%d")})` : `try_strptime(${v}, ${lit(fmt)})`;
    // and about digits: %Y%m takes "20241" as January. A value counts only if writing the date back in
    // the format gives it again, up to leading zeros after a separator ("1.3.2024" for %d.%m.%Y)
    const shape = (x: string) => `regexp_replace(lower(${x}), '(^|[^0-9])0+([0-9])', '\\1\\2', 'g')`;
    const checked = `CASE WHEN ${shape(`strftime(${p}, ${lit(fmt)})`)} = ${shape(v)} THEN ${p} END`;
    return month ? `date_trunc('month', ${checked})::DATE` : `(${checked})::DATE`;
  };
  const fallback = contractDate(column);
  return perProfile(profile, (p) => {
    const f = p.formats[column as keyof Profile["formats"]];
    return f ? `coalesce(${parse(f)}, ${fallback})` : null;
  }, fallback);
}

function municipalityExpr(profile: Profile | null): string {
  const v = "v_municipality";
  const fallback = `(CASE WHEN regexp_full_match(${v}, '\\d{4}') THEN ${v} END)`;
  return perProfile(profile, (p) => {
    const map = p.codes.municipality;
    if (!map || Object.keys(map).length === 0) return null;
    const whens = Object.entries(map).map(([src, code]) => `WHEN ${lit(src)} THEN ${lit(code)}`);
    return `coalesce(CASE lower(${v}) ${whens.join(" ")} END, ${fallback})`;
  }, fallback);
}

/** The normalising expression of one contract column. */
export function columnExpr(col: ColumnDef, s: Schema, profile: Profile | null): string {
  const v = `v_${col.name}`;
  switch (col.type) {
    case "municipality":
      return municipalityExpr(profile);
    case "month":
    case "date":
      return dateExpr(col.name, profile);
    case "code":
      return codeExpr(col.name, s.lists[col.list!].codes.map((c) => c.code), profile);
    case "year":
      // four digits: a cast alone would also take "+199" or " 199"
      return `(CASE WHEN length(${v}) = 4 AND TRY_CAST(${v} AS SMALLINT) >= 1000 THEN ${v}::SMALLINT END)`;
    case "amount":
      // decimal comma or point, no thousands separator, not negative, whole öre (a cast to two decimals
      // would round 1.891 silently: read four, and take the value only if it has no more than two)
      return `(CASE WHEN NOT contains(${v}, '-') AND NOT contains(${v}, '+') AND NOT contains(${v}, 'e') AND NOT contains(${v}, 'E') THEN ` +
        `list_transform([TRY_CAST(replace(${v}, ',', '.') AS DECIMAL(18, 4))], lambda kas_a: CASE WHEN kas_a = kas_a::DECIMAL(14, 2) THEN kas_a::DECIMAL(14, 2) END)[1] END)`;
    case "integer": {
      // digits only (no sign, decimals or spaces inside), within the column's bounds
      const bounds = [`kas_i >= ${col.min!}`, ...(col.max === undefined ? [] : [`kas_i <= ${col.max}`])].join(" AND ");
      return `(CASE WHEN regexp_full_match(${v}, '[0-9]{1,9}') THEN list_transform([${v}::INTEGER], lambda kas_i: CASE WHEN ${bounds} THEN kas_i END)[1] END)`;
    }
    case "person_id":
    case "text":
      return v;
  }
}

/** A code column's raw text where the profile mapped it to another code (for quality.html), else NULL. */
export function mappedExpr(col: ColumnDef, profile: Profile | null): string {
  const mapped = profile && profile.codes[col.name] && Object.keys(profile.codes[col.name]).length > 0;
  return mapped ? `(CASE WHEN v_${col.name} IS DISTINCT FROM "${col.name}" THEN v_${col.name} END)` : "NULL::VARCHAR";
}

/**
 * {{placeholders}} for sql/staging/stg_rows.sql, for a group of files of a kind with one layout and
 * profile, column by column of the kind: raw_columns (v_<column>: the reader's column, trimmed unless
 * no file of the group pads a field with spaces, or NULL where the files lack it), typed_columns (its
 * contract value), kept_columns (the typed values; identity and case numbers as text), bad_columns
 * (the text of a value that is not valid), and mapped: the mapped_<column> columns (what a profile
 * mapped) when the batch has a file with a profile, else nothing — a batch of files on the contract
 * does not carry a column of NULLs per code column through every row.
 */
export function stagingVars(
  kind: KindName, s: Schema, profile: Profile | null, present: ReadonlySet<string>, padded = true, withMapped = true
): Record<string, string> {
  const raw: string[] = [];
  const typed: string[] = [];
  const kept: string[] = [];
  const bad: string[] = [];
  const mapped: string[] = [];
  for (const col of kindDef(s, kind).columns) {
    const name = ident(col.name);
    const read = !present.has(col.name) ? "NULL::VARCHAR" : padded ? `trim(${name})` : name;
    raw.push(`nullif(${read}, '') AS v_${col.name}`);
    if (col.type === "person_id" || col.type === "text") {
      kept.push(`v_${col.name}`); // keyed in stg_persons.sql / stg_households.sql
      continue;
    }
    typed.push(`${columnExpr(col, s, profile)} AS ${name}`);
    kept.push(name);
    bad.push(`CASE WHEN ${name} IS NULL THEN v_${col.name} END AS bad_${col.name}`);
    if (col.type === "code" || col.type === "municipality") mapped.push(`${mappedExpr(col, profile)} AS mapped_${col.name}`);
  }
  const list = (items: readonly string[]) => items.join(",\n    ");
  return {
    raw_columns: list(raw), typed_columns: list(typed), kept_columns: list(kept), bad_columns: list(bad),
    mapped: withMapped ? `, ${mapped.join(", ")}` : ""
  };
}
