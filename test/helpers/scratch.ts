// A test file's scratch folder, test/tmp/<name>, emptied before its tests, with numbered paths in it; and,
// when asked for, an in-memory DuckDB that is open while its tests run.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openDb, type Db } from "../../pipeline/db/connection.js";

export interface Scratch {
  /** test/tmp/<name> */
  readonly dir: string;
  /** the in-memory DuckDB (only when useScratch was given `db`, and only inside the tests) */
  readonly db: Db;
  /** a new path in dir: <stem><n>.<ext>, n counting 1, 2, … over the test file */
  path(stem: string, ext: string): string;
}

/** Call at the top of a test file: registers the beforeAll that empties the folder (and opens the
 *  database) and the afterAll that closes the database. */
export function useScratch(name: string, options: { db?: { threads: number } } = {}): Scratch {
  const dir = join(import.meta.dirname, "..", "tmp", name);
  let db: Db | null = null;
  let seq = 0;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    if (options.db) db = await openDb(":memory:", { threads: options.db.threads });
  });
  afterAll(() => db?.close());
  return {
    dir,
    get db(): Db {
      if (!db) throw new Error(`useScratch("${name}"): no database open (ask for one with { db: { threads } })`);
      return db;
    },
    path: (stem, ext) => join(dir, `${stem}${++seq}.${ext}`)
  };
}
