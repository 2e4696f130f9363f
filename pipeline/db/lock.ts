// One run at a time. The lock is the operating system's: a small DuckDB file beside the database,
// opened for writing for the length of the run — DuckDB holds an fcntl lock on it, which a second
// process cannot take and which the kernel releases when the holder dies, however it dies (no stale
// lock to clean up, no race in taking one over). A second run stops at once, or waits with --wait.
import { DuckDBInstance } from "@duckdb/node-api";
import { existsSync, linkSync, renameSync, rmSync, writeFileSync } from "node:fs";

export class LockedError extends Error {
  override name = "LockedError";
}

const config = { autoinstall_known_extensions: "false", autoload_known_extensions: "false" };

/** The lock file always exists as a whole DuckDB file: made aside, then linked into place. */
async function ensureLockFile(path: string): Promise<void> {
  if (existsSync(path)) return;
  const temp = `${path}.new-${process.pid}`;
  rmSync(temp, { force: true });
  const made = await DuckDBInstance.create(temp, config);
  made.closeSync();
  try {
    linkSync(temp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another run made it first
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}.wal`, { force: true });
  }
}

/** Takes the lock; returns its release. Throws LockedError when another run holds it and wait is false. */
export async function acquireLock(
  path: string,
  options: { wait: boolean; clock: () => Date; pollMs?: number; onWait?: (pid: number | null) => void; /** the LockedError's message (pipeline/cli-words.ts log.locked) */ locked: (pid: number | null) => string }
): Promise<() => void> {
  let told = false;
  for (;;) {
    await ensureLockFile(path);
    try {
      const held = await DuckDBInstance.create(path, config);
      writeFileSync(`${path}.owner`, JSON.stringify({ pid: process.pid, since: options.clock().toISOString() }));
      return () => {
        rmSync(`${path}.owner`, { force: true });
        held.closeSync();
      };
    } catch (e) {
      const message = (e as Error).message;
      if (/not a valid DuckDB database file/.test(message)) {
        // not ours (written by something else): keep it aside and make a new one
        renameSync(path, `${path}.invalid-${options.clock().getTime()}`);
        continue;
      }
      if (!/Could not set lock/.test(message)) throw e;
      const pid = Number(/PID (\d+)/.exec(message)?.[1]) || null;
      if (!options.wait) {
        throw new LockedError(options.locked(pid));
      }
      if (!told) {
        options.onWait?.(pid);
        told = true;
      }
      await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
    }
  }
}
