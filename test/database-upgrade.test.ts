// A database made by an earlier kas keeps working: initDatabase (sql/schema/canonical.sql) adds the
// columns added since — findings.params (a finding's parameters, for its message in another language),
// replacements.year — and the rows stored before them read back without them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, sqlText, type Db } from "../pipeline/db/connection.js";
import { initDatabase } from "../pipeline/db/tables.js";
import { findingMessage, type Finding } from "../pipeline/contract/finding.js";
import { schema } from "../pipeline/contract/schema.js";

describe("a database made before findings.params", () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(":memory:");
    // the findings table as kas made it before params
    await db.run(`CREATE TABLE findings (file_id INTEGER NOT NULL, run_id INTEGER NOT NULL, severity VARCHAR NOT NULL, code VARCHAR NOT NULL,
      line INTEGER, "column" VARCHAR, value VARCHAR, message VARCHAR NOT NULL, count BIGINT)`);
    await db.run(`INSERT INTO findings VALUES (1, 1, 'ERROR', 'unknown_code', 3, 'gender', 'X', '"X" är ingen känd kod för gender.', NULL)`);
    await initDatabase(db, schema());
  });
  afterAll(() => db.close());

  it("gains the column, its old findings without parameters: their Swedish message, said to be Swedish", async () => {
    const [row] = await db.all<{ code: string; message: string; params: string | null }>(sqlText("site/quality_findings"));
    expect(row).toMatchObject({ code: "unknown_code", params: null });
    const f: Finding = { severity: "ERROR", code: row.code, file: "0114/a.csv", line: 3, column: "gender", value: "X", message: row.message };
    expect(findingMessage(f, "nb")).toEqual({ text: '"X" är ingen känd kod för gender.', lang: "sv" });
  });

  it("stores new findings beside them with their parameters", async () => {
    await db.run(`INSERT INTO findings (file_id, run_id, severity, code, line, "column", value, message, count, params) VALUES (2, 2, 'ERROR', 'invalid_month', 5, 'month', '2025-13', 'm', NULL, '{"value":"2025-13"}')`);
    const rows = await db.all<{ file_id: number; params: string | null }>(`SELECT file_id, params FROM findings ORDER BY file_id`);
    expect(rows).toEqual([{ file_id: 1, params: null }, { file_id: 2, params: '{"value":"2025-13"}' }]);
  });
});
