// The pipeline's DuckDB macros live in sql/macros/*.sql as CREATE OR REPLACE TEMP MACRO statements.
// Temporary objects belong to one connection, so every connection that uses them installs them.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sqlText, type Db } from "./connection.js";
import { sqlDir } from "../system/paths.js";

/** The macro files, sorted by name (code-unit order, so the order does not depend on the locale). */
export function macroFiles(dir: string = join(sqlDir, "macros")): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".sql"))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Runs every sql/macros/*.sql file on the connection of db. */
export async function installMacros(db: Db): Promise<void> {
  for (const name of macroFiles()) await db.run(sqlText(`macros/${name.slice(0, -".sql".length)}`));
}
