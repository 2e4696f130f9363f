// The code columns of the canonical tables as ENUMs of their valid values (pipeline/db/code-columns.ts):
// a new database gets them; a database with text columns (an earlier kas) is converted without losing a
// value; a list that gains a code gains it in the column; and the ENUMs sort, compare and read back as
// the text did.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDb, type Db } from "../pipeline/db/connection.js";
import { initDatabase } from "../pipeline/db/tables.js";
import { byteOrder, codeColumns, enumValues, typeCodeColumns } from "../pipeline/db/code-columns.js";
import { schema, type Schema } from "../pipeline/contract/schema.js";

const typeOf = async (db: Db, table: string, column: string): Promise<string> => {
  const [r] = await db.all<{ t: string }>(`SELECT data_type AS t FROM duckdb_columns() WHERE table_name = $table AND column_name = $column`, { table, column });
  return r.t;
};

describe("code columns as ENUMs", () => {
  let db: Db;
  beforeEach(async () => {
    db = await openDb(":memory:");
  });
  afterEach(() => db.close());

  it("a new database: every code and municipality column of the four kinds holds exactly its valid values, in byte order", async () => {
    const s = schema();
    await initDatabase(db, s);
    const columns = codeColumns(s);
    expect(columns.map((c) => `${c.table}.${c.column}`)).toEqual(expect.arrayContaining([
      "bistand.municipality", "bistand.gender", "bistand.role", "bistand.reason",
      "insats.municipality", "insats.measure", "insats.need_category", "insats.referred_by", "insats.exit_reason",
      "survey.question", "population.gender"
    ]));
    for (const c of columns) {
      const type = await typeOf(db, c.table, c.column);
      if (c.column === "born_abroad") {
        expect(type).toBe("BOOLEAN"); // stored as a truth value, not as its code
        continue;
      }
      expect(enumValues(type), `${c.table}.${c.column}`).toEqual(byteOrder(c.values));
    }
    // both countries' municipalities, the ended ones too (a file of 2019 may name Norway's 0219 Bærum)
    const municipality = enumValues(await typeOf(db, "bistand", "municipality"))!;
    expect(municipality).toEqual(expect.arrayContaining(["0114", "0180", "0219", "0301", "3201"]));
  });

  it("a database with text code columns is converted in place; a value no list has any more is kept", async () => {
    await db.run(`CREATE TABLE bistand (municipality VARCHAR NOT NULL, month DATE NOT NULL, person UBIGINT NOT NULL, household UBIGINT NOT NULL,
      role VARCHAR, gender VARCHAR NOT NULL, birth_year SMALLINT NOT NULL, born_abroad BOOLEAN, reason VARCHAR, amount_sek DECIMAL(14, 2),
      household_amount DECIMAL(14, 2), file_id INTEGER NOT NULL, line INTEGER NOT NULL)`);
    await db.run(`INSERT INTO bistand VALUES ('0180', DATE '2024-01-01', 1, 1, 'applicant', 'K', 1980, false, 'old_code', 100, 100, 1, 2),
      ('0114', DATE '2024-01-01', 2, 2, NULL, 'M', 1981, NULL, NULL, 100, 100, 1, 3)`);
    await initDatabase(db, schema());
    const reason = enumValues(await typeOf(db, "bistand", "reason"))!;
    expect(reason).toContain("old_code");
    expect(reason).toEqual(byteOrder(reason));
    const rows = await db.all(`SELECT municipality, role, gender, reason FROM bistand ORDER BY line`);
    expect(rows).toEqual([
      { municipality: "0180", role: "applicant", gender: "K", reason: "old_code" },
      { municipality: "0114", role: null, gender: "M", reason: null }
    ]);
  });

  it("a code added to a list is added to its column; a column that holds every value is not touched", async () => {
    const s = schema();
    await initDatabase(db, s);
    const before = await typeOf(db, "insats", "measure");
    await typeCodeColumns(db, s);
    expect(await typeOf(db, "insats", "measure")).toBe(before);
    const list = s.kinds.insats!.columns.find((c) => c.name === "measure")!.list!;
    const grown: Schema = { ...s, lists: { ...s.lists, [list]: { ...s.lists[list], codes: [...s.lists[list].codes, { ...s.lists[list].codes[0], code: "aaa_new" }] } } };
    await typeCodeColumns(db, grown);
    expect(enumValues(await typeOf(db, "insats", "measure"))).toEqual(byteOrder(["aaa_new", ...enumValues(before)!]));
  });

  it("sorts, compares and aggregates as text: ORDER BY, min, max, a comparison with a value it lacks, a join with text", async () => {
    await initDatabase(db, schema());
    await db.run(`INSERT INTO population VALUES ('2380', 2024, 'M', 30, 5, 1, 2), ('0114', 2024, 'K', 30, 7, 1, 3), ('1280', 2024, 'K', 31, 9, 1, 4)`);
    const asEnum = await db.all(`SELECT municipality, gender FROM population ORDER BY municipality, gender`);
    const asText = await db.all(`SELECT municipality, gender FROM population ORDER BY municipality::VARCHAR, gender::VARCHAR`);
    expect(asEnum).toEqual(asText);
    expect(asEnum.map((r) => (r as { municipality: string }).municipality)).toEqual(["0114", "1280", "2380"]);
    expect(await db.all(`SELECT min(municipality) AS lo, max(municipality) AS hi, count(*) FILTER (WHERE municipality = '9999') AS none,
      count(*) FILTER (WHERE municipality < '1300') AS below FROM population`)).toEqual([{ lo: "0114", hi: "2380", none: 0, below: 2 }]);
    expect(await db.all(`SELECT p.municipality || ':' || p.gender AS k FROM population p JOIN (VALUES ('1280')) t(m) ON t.m = p.municipality`)).toEqual([{ k: "1280:K" }]);
  });
});
