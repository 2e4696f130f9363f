// db.columns (pipeline/db/connection.ts): a result read column by column, as the reports' rows are
// (publish/indicator-rows.ts) — every chunk whole, the last one partial, each value as db.all reads it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../pipeline/db/connection.js";

describe("db.columns", () => {
  let db: Db;
  beforeEach(async () => {
    db = await openDb(":memory:");
  });
  afterEach(() => db.close());

  it("reads every row of a result of several chunks (2 048 rows each) with the values db.all reads", async () => {
    const sql = `SELECT i::INTEGER AS n, (i * 10)::BIGINT AS big, CASE WHEN i % 7 = 0 THEN NULL ELSE 'v' || i END AS text,
      i / 4 AS share, i % 2 = 0 AS even FROM range(5000) t(i) ORDER BY i`;
    const c = await db.columns(sql);
    expect(Object.keys(c)).toEqual(["n", "big", "text", "share", "even"]);
    for (const column of Object.values(c)) expect(column).toHaveLength(5000);
    const rows = await db.all<Record<string, unknown>>(sql);
    expect(rows.map((r) => r.n)).toEqual(c.n);
    expect(rows.map((r) => r.big)).toEqual(c.big);
    expect(rows.map((r) => r.text)).toEqual(c.text);
    expect(rows.map((r) => r.share)).toEqual(c.share);
    expect(rows.map((r) => r.even)).toEqual(c.even);
    expect([c.n[0], c.n[2047], c.n[2048], c.n[4999], c.big[4999], c.text[4998], c.text[4997]]).toEqual([0, 2047, 2048, 4999, 49990, null, "v4997"]);
  });

  it("reads an empty result as empty columns, and refuses a type it cannot read as plain values", async () => {
    expect(await db.columns("SELECT 1 AS a WHERE false")).toEqual({ a: [] });
    await expect(db.columns("SELECT [1, 2] AS list")).rejects.toThrow("db.columns: column list is of type INTEGER[]; read it with db.all");
  });
});
