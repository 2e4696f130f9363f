// The benchmark's baseline: what a competent analyst would do with the same files and no
// validation — a fresh DuckDB file and, per kind, one typed read_csv per dialect group into one
// table. Run as its own process (`node dist/bench/baseline.js PLAN.json`, the result as JSON on
// standard output) so it is measured like kas: fresh process, same default thread count.
import { DuckDBInstance } from "@duckdb/node-api";
import { randomBytes } from "node:crypto";
import { readFileSync, realpathSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PseudonymKey, pseudonymSql } from "../pipeline/load/pseudonym.js";
import type { Kind } from "./dataset.js";

export interface BaselineGroup {
  readonly kind: Kind;
  /** the dialect the files were written in (for the reader) */
  readonly dialect: string;
  readonly delimiter: string;
  readonly decimal: "." | ",";
  readonly files: readonly string[];
}

export interface BaselinePlan {
  readonly db: string;
  readonly groups: readonly BaselineGroup[];
  /**
   * The floor instead (`npm run bench -- --floor`): the least any load that pseudonymises before storing
   * must do — the same typed read into a temporary table, an HMAC of every distinct person_id (and
   * bistand household), the table written with pseudonyms instead. No normalisation, no check digits, no
   * validation, no marts, no reports: what kas adds beyond it is the price of the contract's checks
   * and the reports.
   */
  readonly floor?: boolean;
}

export interface BaselineResult {
  readonly seconds: { readonly open: number; readonly bistand: number; readonly insats: number; readonly checkpoint: number; readonly total: number };
  readonly rows: { readonly bistand: number; readonly insats: number };
  readonly threads: number;
  readonly memoryLimit: string;
  readonly duckdb: string;
  readonly sql: readonly string[];
}

/** The contract's columns with the types an analyst would give them. */
export const baselineColumns: Record<Kind, readonly (readonly [string, string])[]> = {
  bistand: [
    ["municipality", "VARCHAR"], ["month", "DATE"], ["person_id", "VARCHAR"], ["household_id", "VARCHAR"], ["role", "VARCHAR"],
    ["gender", "VARCHAR"], ["birth_year", "SMALLINT"], ["born_abroad", "SMALLINT"], ["reason", "VARCHAR"], ["amount_sek", "DECIMAL(10,2)"]
  ],
  insats: [
    ["municipality", "VARCHAR"], ["person_id", "VARCHAR"], ["gender", "VARCHAR"], ["birth_year", "SMALLINT"], ["measure", "VARCHAR"],
    ["need_category", "VARCHAR"], ["referred_by", "VARCHAR"], ["start_date", "DATE"], ["end_date", "DATE"], ["exit_reason", "VARCHAR"],
    ["cost_sek", "DECIMAL(10,2)"]
  ]
};

// bistand's only date is the month, written YYYY-MM
const dateFormat: Record<Kind, string> = { bistand: "%Y-%m", insats: "%Y-%m-%d" };

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The floor's statements for one kind: the raw rows, the keyed ids, the table with pseudonyms. */
export function floorSql(kind: Kind, groups: readonly BaselineGroup[]): string[] | null {
  const read = baselineSql(kind, groups);
  if (!read) return null;
  const household = kind === "bistand";
  return [
    read.replace(`CREATE TABLE ${kind} AS`, "CREATE OR REPLACE TEMP TABLE raw AS"),
    `CREATE OR REPLACE TEMP TABLE persons AS SELECT person_id, ${pseudonymSql("person_id")} AS person FROM (SELECT DISTINCT person_id FROM raw)`,
    ...(household
      ? [`CREATE OR REPLACE TEMP TABLE households AS SELECT municipality, household_id, ${pseudonymSql("municipality || ':' || household_id")} AS household
          FROM (SELECT DISTINCT municipality, household_id FROM raw)`]
      : []),
    `CREATE TABLE ${kind} AS SELECT r.* EXCLUDE (person_id${household ? ", household_id" : ""}), p.person${household ? ", h.household" : ""}
     FROM raw r JOIN persons p USING (person_id)${household ? " JOIN households h USING (municipality, household_id)" : ""}`,
    "DROP TABLE raw; DROP TABLE persons; DROP TABLE IF EXISTS households"
  ];
}

/** One CREATE TABLE per kind: a read_csv per dialect group, the groups joined with UNION ALL. */
export function baselineSql(kind: Kind, groups: readonly BaselineGroup[]): string | null {
  const mine = groups.filter((g) => g.kind === kind && g.files.length);
  if (!mine.length) return null;
  const columns = `{${baselineColumns[kind].map(([n, t]) => `${lit(n)}: ${lit(t)}`).join(", ")}}`;
  const reads = mine.map(
    (g) => `SELECT * FROM read_csv([${g.files.map(lit).join(", ")}], header = true, delim = ${lit(g.delimiter)}, quote = '"', ` +
      `decimal_separator = ${lit(g.decimal)}, dateformat = ${lit(dateFormat[kind])}, columns = ${columns})`
  );
  return `CREATE TABLE ${kind} AS\n${reads.join("\nUNION ALL\n")}`;
}

export async function loadBaseline(plan: BaselinePlan): Promise<BaselineResult> {
  rmSync(plan.db, { force: true });
  rmSync(`${plan.db}.wal`, { force: true });
  const t0 = performance.now();
  const instance = await DuckDBInstance.create(plan.db);
  const conn = await instance.connect();
  const t1 = performance.now();
  const keyed = new PseudonymKey(randomBytes(32), "env", null).sqlParams(); // kas's HMAC, under a random key
  const seconds = { open: (t1 - t0) / 1000, bistand: 0, insats: 0, checkpoint: 0, total: 0 };
  const rows = { bistand: 0, insats: 0 };
  const sql: string[] = [];
  for (const kind of ["bistand", "insats"] as const) {
    const statements = plan.floor ? floorSql(kind, plan.groups) : [baselineSql(kind, plan.groups)];
    if (!statements?.[0]) continue;
    const k0 = performance.now();
    for (const text of statements as string[]) {
      sql.push(text);
      await conn.run(text, text.includes("$kas_ipad") ? keyed : undefined);
    }
    seconds[kind] = (performance.now() - k0) / 1000;
    const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${kind}`);
    rows[kind] = Number(count.getRowObjectsJS()[0].n);
  }
  const c0 = performance.now();
  await conn.run("CHECKPOINT");
  seconds.checkpoint = (performance.now() - c0) / 1000;
  const settings = (await conn.runAndReadAll("SELECT current_setting('threads')::INTEGER AS threads, current_setting('memory_limit') AS memory_limit, version() AS v"))
    .getRowObjectsJS()[0];
  conn.closeSync();
  instance.closeSync();
  seconds.total = (performance.now() - t0) / 1000;
  for (const k of Object.keys(seconds) as (keyof typeof seconds)[]) seconds[k] = Math.round(seconds[k] * 1000) / 1000;
  return {
    seconds, rows, threads: Number(settings.threads), memoryLimit: String(settings.memory_limit), duckdb: String(settings.v),
    // file lists are long: the statement is kept with its first file only, for the record
    sql: sql.map((s) => s.replace(/\[('(?:[^']|'')*')(, '(?:[^']|'')*')*\]/g, (_m, first: string) => `[${first}, …]`))
  };
}

const invoked = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  const plan = JSON.parse(readFileSync(process.argv[2], "utf8")) as BaselinePlan;
  loadBaseline(plan).then(
    (r) => process.stdout.write(JSON.stringify(r) + "\n"),
    (e: Error) => {
      process.stderr.write(`baseline failed: ${e.message}\n`);
      process.exitCode = 1;
    }
  );
}
