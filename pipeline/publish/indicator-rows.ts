// One report's figures before withholding (sql/site/indicator_rows.sql, from the marts): 10⁵ rows of a
// national report, read column by column into objects of one shape, each code one string however many
// rows carry it — every later step (protection, means, pages) reads them 10⁵ times over.
import { sqlText, type Db } from "../db/connection.js";
import type { IndicatorRow } from "../withhold/model.js";

export async function indicatorRows(db: Db, targetGroup: string): Promise<IndicatorRow[]> {
  const c = (await db.columns(sqlText("site/indicator_rows"), { tg: targetGroup })) as {
    [K in keyof IndicatorRow]-?: IndicatorRow[K][];
  };
  const rows: IndicatorRow[] = new Array(c.indicator.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = {
      indicator: c.indicator[i], dimension: c.dimension[i], category: c.category[i], municipality: c.municipality[i], year: c.year[i],
      gender: c.gender[i], value: c.value[i], numerator: c.numerator[i], denominator: c.denominator[i], status: c.status[i]
    };
  }
  return rows;
}
