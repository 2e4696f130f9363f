// The code columns of the canonical tables (every column of schemas/kinds.json that holds a shared code
// or a municipality code) as DuckDB ENUMs of their valid values: a code is stored as a one- or two-byte
// index instead of a string. National loads write these columns ~10 × faster (DuckDB does not analyse
// string compression for them) and the marts group and join on them faster (10 M rows: writing bistand
// 3.6 → 1.1 s, the marts 6.8 → 5.6 s). The values are declared in byte order, so an ENUM sorts, compares
// and aggregates (min, max, ORDER BY) exactly as the text did; a query sees each value as its text.
//
// sql/schema/canonical.sql creates the columns as VARCHAR; this makes each one an ENUM that holds every
// valid value and every value the column already has (a database from an earlier kas, or from an
// earlier list of codes, is converted once and loses nothing). Only values that passed the checks are
// loaded (an unknown code or municipality rejects its file), so an insert never meets a value the ENUM
// lacks.
import { kindDef, kindsOf, type Schema } from "../contract/schema.js";
import { countries, municipalities } from "../contract/municipalities.js";
import { enumType, ident, lit, type Db } from "./connection.js";

/** One code column of a canonical table and the values it must be able to hold. */
export interface CodeColumn {
  readonly table: string;
  readonly column: string;
  readonly values: readonly string[];
}

/** Every code and municipality column of the kinds' canonical tables, with its valid values. */
export function codeColumns(s: Schema): CodeColumn[] {
  const everyMunicipality = [...new Set(countries.flatMap((c) => municipalities(c).map((m) => m.code)))];
  return kindsOf(s).flatMap((kind) =>
    kindDef(s, kind).columns.flatMap((c): CodeColumn[] => {
      if (c.type === "municipality") return [{ table: kind, column: c.name, values: everyMunicipality }];
      if (c.type === "code") return [{ table: kind, column: c.name, values: s.lists[c.list!].codes.map((x) => x.code) }];
      return [];
    })
  );
}

/** The values in byte order (DuckDB's order for text), each once. */
export function byteOrder(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** The values of an ENUM type as DuckDB names it ("ENUM('a', 'b')"), or null for any other type. */
export function enumValues(type: string): string[] | null {
  if (!type.startsWith("ENUM(")) return null;
  return [...type.slice(4).matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1].replace(/''/g, "'"));
}

/**
 * Makes every code column of the canonical tables an ENUM holding its valid values and the values it
 * already has; a column that holds them already is left as it is (a run costs one catalogue query), and
 * one the canonical schema does not store as text is not a code column here (bistand.born_abroad is a
 * BOOLEAN).
 */
export async function typeCodeColumns(db: Db, s: Schema): Promise<void> {
  const columns = codeColumns(s);
  const types = await db.all<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN (${[...new Set(columns.map((c) => lit(c.table)))].join(", ")})`
  );
  const typeOf = new Map(types.map((t) => [`${t.table_name}.${t.column_name}`, t.data_type]));
  for (const c of columns) {
    const type = typeOf.get(`${c.table}.${c.column}`);
    if (type === undefined) throw new Error(`canonical table ${c.table} has no column ${c.column}`);
    const held = enumValues(type);
    if (held === null && type !== "VARCHAR") continue;
    if (held !== null) {
      const has = new Set(held);
      if (c.values.every((v) => has.has(v))) continue;
    }
    const present = held ?? (await db.all<{ v: string }>(`SELECT DISTINCT ${ident(c.column)}::VARCHAR AS v FROM ${ident(c.table)} WHERE ${ident(c.column)} IS NOT NULL`)).map((r) => r.v);
    const values = byteOrder([...present, ...c.values]);
    await db.run(`ALTER TABLE ${ident(c.table)} ALTER ${ident(c.column)} SET DATA TYPE ${enumType(values)}`);
  }
}
