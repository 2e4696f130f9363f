// The benchmark's two reference loads (bench/baseline.ts): the bare typed load and the floor, which
// must load the same rows with every person_id (and bistand household) replaced by a keyed pseudonym.
import { DuckDBInstance } from "@duckdb/node-api";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadBaseline, type BaselineGroup } from "../bench/baseline.js";
import { cleanup, tempDir } from "./helpers/kas.js";

const bistand = [
  "municipality,month,person_id,household_id,role,gender,birth_year,born_abroad,reason,amount_sek",
  "0114,2024-01,198001011234,h1,applicant,K,1980,0,unemployed_no_benefit,6652.50",
  "0114,2024-02,198001011234,h1,applicant,K,1980,0,unemployed_no_benefit,6652.50",
  "0114,2024-01,197502022345,h2,applicant,M,1975,1,,1200"
].join("\n");
const insats = [
  "municipality,person_id,gender,birth_year,measure,need_category,referred_by,start_date,end_date,exit_reason,cost_sek",
  "0114,198001011234,K,1980,job_search,A_ready,social_services,2024-01-10,2024-03-01,work,1000"
].join("\n");

async function table(db: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: "READ_ONLY" });
  const conn = await instance.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

describe("bench baseline and floor", () => {
  const dir = tempDir("bench");
  afterAll(() => cleanup(dir));
  writeFileSync(join(dir, "b.csv"), bistand + "\n");
  writeFileSync(join(dir, "i.csv"), insats + "\n");
  const groups: BaselineGroup[] = [
    { kind: "bistand", dialect: "contract", delimiter: ",", decimal: ".", files: [join(dir, "b.csv")] },
    { kind: "insats", dialect: "contract", delimiter: ",", decimal: ".", files: [join(dir, "i.csv")] }
  ];

  it("the baseline loads the rows as typed text, identity numbers and all", async () => {
    const r = await loadBaseline({ db: join(dir, "baseline.duckdb"), groups });
    expect(r.rows).toEqual({ bistand: 3, insats: 1 });
    const rows = await table(join(dir, "baseline.duckdb"), "SELECT person_id, amount_sek::DOUBLE AS amount FROM bistand ORDER BY month, person_id");
    expect(rows.map((x) => x.person_id)).toContain("198001011234");
  });

  it("the floor loads the same rows with keyed pseudonyms in place of person_id and household_id", async () => {
    const r = await loadBaseline({ db: join(dir, "floor.duckdb"), groups, floor: true });
    expect(r.rows).toEqual({ bistand: 3, insats: 1 });
    const db = join(dir, "floor.duckdb");
    const columns = (await table(db, "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal")).map((c) => `${c.table_name}.${c.column_name}:${c.data_type}`);
    expect(columns).toContain("bistand.person:UBIGINT");
    expect(columns).toContain("bistand.household:UBIGINT");
    expect(columns).toContain("insats.person:UBIGINT");
    expect(columns.filter((c) => /person_id|household_id/.test(c))).toEqual([]);
    // one person, one pseudonym, in both kinds; two persons, two
    const [b] = await table(db, "SELECT count(DISTINCT person)::INTEGER AS persons, count(DISTINCT household)::INTEGER AS households FROM bistand");
    expect(b).toEqual({ persons: 2, households: 2 });
    const [linked] = await table(db, "SELECT count(*)::INTEGER AS n FROM insats i JOIN bistand b USING (person)");
    expect(linked.n).toBe(2);
    const tables = (await table(db, "SELECT table_name FROM duckdb_tables()")).map((t) => t.table_name).sort();
    expect(tables).toEqual(["bistand", "insats"]);
  });
});
