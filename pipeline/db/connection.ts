// One place that opens DuckDB: built-in features only (no extension is ever installed or loaded,
// nothing tries the network), and small helpers to run queries and the .sql files in sql/.
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from "@duckdb/node-api";
import { mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sqlDir } from "../system/paths.js";

export type Params = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

export interface Db {
  readonly path: string;
  readonly conn: DuckDBConnection;
  /** Runs statements; returns nothing. */
  run(sql: string, params?: Params): Promise<void>;
  /** Runs a query and returns its rows as plain JS values (BIGINT → number where safe, DATE → string). */
  all<T = Row>(sql: string, params?: Params): Promise<T[]>;
  /**
   * Runs a query and returns its columns (text, numbers, booleans; BIGINT → number where safe): for
   * results of 10⁵ rows that become objects of one shape — reading vector by vector costs a fraction of
   * a row object per row. An ENUM column comes as its dictionary's strings (a municipality's code one
   * string however many rows carry it); a VARCHAR column is decoded row by row.
   */
  columns(sql: string, params?: Params): Promise<Record<string, unknown[]>>;
  close(): void;
}

export interface OpenOptions {
  readOnly?: boolean;
  /** DuckDB memory limit, e.g. "1GB" (default: DuckDB's own, 80 % of RAM). */
  memoryLimit?: string;
  threads?: number;
  /** Where DuckDB spills and keeps its (never used) extension directory. */
  tempDir?: string;
}

/** Opens (or creates) a DuckDB database file, or ":memory:". */
export async function openDb(path: string, options: OpenOptions = {}): Promise<Db> {
  const temp = options.tempDir ?? join(tmpdir(), "kas-duckdb");
  mkdirSync(temp, { recursive: true });
  const config: Record<string, string> = {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    allow_community_extensions: "false",
    extension_directory: join(temp, "no-extensions"),
    temp_directory: join(temp, "spill")
  };
  if (options.readOnly) config.access_mode = "READ_ONLY";
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  if (options.threads) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(path, config);
  const conn = await instance.connect();
  // timestamps are stored with their zone and written out as UTC (sql/site: "…Z"): whatever the
  // machine's zone (TZ), DuckDB formats and truncates them in UTC
  await conn.run("SET TimeZone = 'UTC'");
  return wrap(path, instance, conn);
}

function wrap(path: string, instance: DuckDBInstance, conn: DuckDBConnection): Db {
  const db: Db = {
    path,
    conn,
    async run(sql, params) {
      await conn.run(sql, nonEmpty(params));
    },
    async all<T>(sql: string, params?: Params) {
      const reader = await conn.runAndReadAll(sql, nonEmpty(params));
      return reader.getRowObjectsJS().map(plain) as T[];
    },
    async columns(sql: string, params?: Params) {
      const result = await conn.run(sql, nonEmpty(params));
      const names = result.columnNames();
      const out: unknown[][] = names.map(() => []);
      for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
        const rows = chunk.rowCount; // a call into DuckDB each time it is read: once per chunk, not per value
        for (let c = 0; c < names.length; c++) {
          const vector = chunk.getColumnVector(c), column = out[c];
          for (let i = 0; i < rows; i++) {
            const v = vector.getItem(i);
            if (typeof v === "bigint") column.push(plainValue(v));
            else if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") column.push(v);
            else throw new Error(`db.columns: column ${names[c]} is of type ${vector.type.toString()}; read it with db.all`);
          }
        }
      }
      return Object.fromEntries(names.map((n, c) => [n, out[c]]));
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    }
  };
  return db;
}

function nonEmpty(params: Params | undefined): Params | undefined {
  if (!params) return undefined;
  return (Array.isArray(params) ? params.length : Object.keys(params).length) ? params : undefined;
}

/** Converts DuckDB's JS values to plain ones: safe bigints to numbers, dates to ISO strings. */
function plain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = plainValue(v);
  return out;
}

function plainValue(v: unknown): unknown {
  if (typeof v === "bigint") return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(v) : v;
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(v)) return v.map(plainValue);
  if (v !== null && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v))) return plain(v as Record<string, unknown>);
  return v;
}

const cache = new Map<string, string>();

/** The text of sql/<name>.sql with {{var}} placeholders replaced; an unknown placeholder is an error. */
export function sqlText(name: string, vars: Record<string, string> = {}): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(sqlDir, `${name}.sql`), "utf8");
    cache.set(name, text);
  }
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    if (!(key in vars)) throw new Error(`sql/${name}.sql: no value for {{${key}}}`);
    return vars[key];
  });
}

/** A SQL string literal. */
export function lit(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A DuckDB ENUM type of these values, in the order given (an ENUM sorts by it). */
export function enumType(values: readonly string[]): string {
  return `ENUM(${values.map(lit).join(", ")})`;
}

/** A SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
