// The reports' figures before withholding (sql/site/indicator_rows.sql, from the marts): 10⁵ rows of a
// national report, read column by column into objects of one shape, the text columns as ENUMs — each
// code one string however many rows carry it — for every later step (protection, means, pages) reads
// them 10⁵ times over.
import { enumType, sqlText, type Db } from "../db/connection.js";
import type { IndicatorRow } from "../withhold/model.js";

type TextColumn = "indicator" | "dimension" | "category" | "municipality" | "gender" | "status";

/** A reader of one report's rows at a time: the text columns' values are looked up once, for every report. */
export async function indicatorRowsReader(db: Db): Promise<(targetGroup: string) => Promise<IndicatorRow[]>> {
  const [values] = await db.all<Record<TextColumn, string[] | null>>(sqlText("site/indicator_rows_values"));
  // no rows at all: no values to make an ENUM of (and none to read)
  const enums = Object.fromEntries(
    Object.entries(values).map(([column, list]) => [column, list && list.length ? enumType(list) : "VARCHAR"])
  );
  const sql = sqlText("site/indicator_rows", enums);
  return async (targetGroup) => {
    const c = (await db.columns(sql, { tg: targetGroup })) as { [K in keyof IndicatorRow]-?: IndicatorRow[K][] };
    const rows: IndicatorRow[] = new Array(c.indicator.length);
    for (let i = 0; i < rows.length; i++) {
      rows[i] = {
        indicator: c.indicator[i], dimension: c.dimension[i], category: c.category[i], municipality: c.municipality[i], year: c.year[i],
        gender: c.gender[i], value: c.value[i], numerator: c.numerator[i], denominator: c.denominator[i], status: c.status[i]
      };
    }
    return rows;
  };
}
