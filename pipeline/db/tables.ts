// The canonical database's tables (sql/schema/canonical.sql) and the shared codes as a table, so
// that the marts in sql/marts/ can join reason groups and exit reasons instead of repeating them.
import { lit, sqlText, type Db } from "./connection.js";
import { typeCodeColumns } from "./code-columns.js";
import type { Schema } from "../contract/schema.js";

/** 2: bistand.household_amount and couple_months instead of household_months; 3: a file is known by
 *  its folder and bytes; 4: by its folder, bytes and extension (files is unique on archived_as) */
export const schemaVersion = "4";

export async function initDatabase(db: Db, s: Schema): Promise<void> {
  await db.run(sqlText("schema/canonical"));
  const [version] = await db.all<{ value: string }>(sqlText("runs/meta_value"), { key: "schema_version" });
  if (version && version.value !== schemaVersion) {
    throw new Error(`databasen har schemaversion ${version.value}, men den här versionen av kas använder version ${schemaVersion}. Återskapa databasen ur arkivet med kas rebuild (de publicerade rapporterna står kvar tills dess).`);
  }
  if (!version) await db.run(sqlText("runs/meta_set"), { key: "schema_version", value: schemaVersion });
  await writeCodes(db, s);
  await typeCodeColumns(db, s);
}

/** codes(list, code, grp, work_or_studies, sv, nb, en), rewritten from schemas/codes.json every run. */
export async function writeCodes(db: Db, s: Schema): Promise<void> {
  const rows = Object.entries(s.lists).flatMap(([list, def]) =>
    def.codes.map((c) => `(${lit(list)}, ${lit(c.code)}, ${c.group ? lit(c.group) : "NULL"}, ${c.work_or_studies === undefined ? "NULL" : c.work_or_studies}, ${lit(c.sv)}, ${lit(c.nb)}, ${lit(c.en)})`)
  );
  await db.run(`CREATE OR REPLACE TABLE codes AS SELECT * FROM (VALUES ${rows.join(", ")}) t(list, code, grp, work_or_studies, sv, nb, en)`);
  await writeBreakdowns(db, s);
}

/**
 * The breakdowns of schemas/breakdowns.json as tables, rewritten every run: breakdown_categories
 * (dimension, code, ord, from, to, sv, nb, en: every category in order; from/to a duration band's
 * whole months) and breakdown_indicators (dimension, indicator, event, denominator).
 */
async function writeBreakdowns(db: Db, s: Schema): Promise<void> {
  const num = (n: number | undefined) => (n === undefined ? "NULL::INTEGER" : String(n));
  const categories = s.dimensions.flatMap((d) =>
    d.categories.map((c, ord) => `(${lit(d.id)}, ${lit(c.code)}, ${ord}, ${num(c.from)}, ${num(c.to)}, ${lit(c.sv)}, ${lit(c.nb)}, ${lit(c.en)})`)
  );
  const indicators = s.dimensions.flatMap((d) => d.indicators.map((i) => `(${lit(d.id)}, ${lit(i.id)}, ${lit(i.event)}, ${lit(i.denominator)})`));
  if (categories.length === 0) {
    await db.run(`CREATE OR REPLACE TABLE breakdown_categories (dimension VARCHAR, code VARCHAR, ord INTEGER, "from" INTEGER, "to" INTEGER, sv VARCHAR, nb VARCHAR, en VARCHAR)`);
    await db.run(`CREATE OR REPLACE TABLE breakdown_indicators (dimension VARCHAR, indicator VARCHAR, event VARCHAR, denominator VARCHAR)`);
    return;
  }
  await db.run(`CREATE OR REPLACE TABLE breakdown_categories AS SELECT * FROM (VALUES ${categories.join(", ")}) t(dimension, code, ord, "from", "to", sv, nb, en)`);
  await db.run(`CREATE OR REPLACE TABLE breakdown_indicators AS SELECT * FROM (VALUES ${indicators.join(", ")}) t(dimension, indicator, event, denominator)`);
}
