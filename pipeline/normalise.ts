// Normalisation as SQL: the expressions that turn a file's raw text into contract values, per
// column, for the profiles of this run (contract §4). The staging .sql files in sql/staging/ take
// them as {{placeholders}}; every expression reads the trimmed raw value `v_<column>` of a row and the
// row's profile number `pid` (0 = the contract itself), and yields NULL when the value is not valid.
import { lit } from "./db.js";
import type { Profile } from "./profile.js";
import type { ColumnDef, KindName, Schema } from "./schema.js";

/** The profiles of a run, numbered: pid 0 is "no profile", pid i is profiles[i - 1]. */
export type ProfileTable = readonly Profile[];

const defaultFormats: Record<string, { pattern: string; format: string }> = {
  month: { pattern: "\\d{4}-\\d{2}", format: "%Y-%m" },
  start_date: { pattern: "\\d{4}-\\d{2}-\\d{2}", format: "%Y-%m-%d" },
  end_date: { pattern: "\\d{4}-\\d{2}-\\d{2}", format: "%Y-%m-%d" }
};

/** One CASE over pid, or the default alone when no profile changes anything. */
function perProfile(profiles: ProfileTable, own: (p: Profile) => string | null, fallback: string): string {
  const branches = profiles
    .map((p, i) => [i + 1, own(p)] as const)
    .filter(([, sql]) => sql !== null)
    .map(([pid, sql]) => `WHEN ${pid} THEN ${sql}`);
  return branches.length ? `(CASE pid ${branches.join(" ")} ELSE ${fallback} END)` : fallback;
}

function codeExpr(column: string, valid: readonly string[], profiles: ProfileTable): string {
  const v = `v_${column}`;
  const contract = `(CASE WHEN ${v} IN (${valid.map(lit).join(", ")}) THEN ${v} END)`;
  return perProfile(
    profiles,
    (p) => {
      const map = p.codes[column];
      if (!map || Object.keys(map).length === 0) return null;
      const whens = Object.entries(map).map(([src, code]) => `WHEN ${lit(src)} THEN ${lit(code)}`);
      return `coalesce(CASE lower(${v}) ${whens.join(" ")} END, ${contract})`;
    },
    contract
  );
}

function dateExpr(column: string, profiles: ProfileTable): string {
  const v = `v_${column}`;
  const d = defaultFormats[column];
  const month = column === "month";
  const parse = (fmt: string) => {
    // strptime is lenient about a missing day in %Y-%m: parse months as the first day.
    const p = month && !fmt.includes("%d") ? `try_strptime(${v} || '-01', ${lit(fmt + "-%d")})` : `try_strptime(${v}, ${lit(fmt)})`;
    return month ? `date_trunc('month', ${p})::DATE` : `${p}::DATE`;
  };
  const fallback = `(CASE WHEN regexp_full_match(${v}, ${lit(d.pattern)}) THEN ${parse(d.format)} END)`;
  return perProfile(profiles, (p) => {
    const f = p.formats[column as keyof Profile["formats"]];
    return f ? `coalesce(${parse(f)}, ${fallback})` : null;
  }, fallback);
}

function municipalityExpr(profiles: ProfileTable): string {
  const v = "v_municipality";
  const fallback = `(CASE WHEN regexp_full_match(${v}, '\\d{4}') THEN ${v} END)`;
  return perProfile(profiles, (p) => {
    const map = p.codes.municipality;
    if (!map || Object.keys(map).length === 0) return null;
    const whens = Object.entries(map).map(([src, code]) => `WHEN ${lit(src)} THEN ${lit(code)}`);
    return `coalesce(CASE lower(${v}) ${whens.join(" ")} END, ${fallback})`;
  }, fallback);
}

/** The normalising expression of one contract column. */
export function columnExpr(col: ColumnDef, s: Schema, profiles: ProfileTable): string {
  const v = `v_${col.name}`;
  switch (col.type) {
    case "municipality":
      return municipalityExpr(profiles);
    case "month":
    case "date":
      return dateExpr(col.name, profiles);
    case "code":
      return codeExpr(col.name, s.lists[col.list!].codes.map((c) => c.code), profiles);
    case "year":
      return `(CASE WHEN regexp_full_match(${v}, '\\d{4}') THEN ${v}::SMALLINT END)`;
    case "amount":
      return `(CASE WHEN regexp_full_match(${v}, '\\d{1,12}([.,]\\d+)?') THEN replace(${v}, ',', '.')::DECIMAL(14, 2) END)`;
    case "person_id":
    case "text":
      return v;
  }
}

/** {{placeholders}} for sql/staging/stg_<kind>.sql: one expression per column, named after it. */
export function stagingVars(kind: KindName, s: Schema, profiles: ProfileTable): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const col of s.kinds[kind].columns) vars[col.name] = columnExpr(col, s, profiles);
  return vars;
}
