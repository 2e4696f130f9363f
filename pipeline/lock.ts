// One run at a time: a lock file created exclusively, holding the owner's pid. A lock whose owner is
// gone (killed) is taken over; a live one makes a second run stop at once, or wait with --wait.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

export class LockedError extends Error {
  override name = "LockedError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function tryLock(path: string, now: Date): boolean {
  try {
    const fd = openSync(path, "wx", 0o600);
    writeSync(fd, JSON.stringify({ pid: process.pid, since: now.toISOString() }));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    return false;
  }
}

function owner(path: string): { pid: number; since: string } | null {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null; // being written this very moment, or unreadable: treat as held
  }
}

/** Takes the lock; returns its release. Throws LockedError when another live run holds it and wait is false. */
export async function acquireLock(
  path: string,
  options: { wait: boolean; clock: () => Date; pollMs?: number; onWait?: (pid: number) => void }
): Promise<() => void> {
  let told = false;
  for (;;) {
    if (tryLock(path, options.clock())) return () => rmSync(path, { force: true });
    const held = owner(path);
    if (held && !alive(held.pid)) {
      rmSync(path, { force: true }); // its owner was killed: take over
      continue;
    }
    if (!options.wait) {
      throw new LockedError(
        held
          ? `En annan körning av kas pågår (process ${held.pid}, startad ${held.since}). Vänta tills den är klar, eller kör med --wait för att vänta på den.`
          : `En annan körning av kas håller låset ${path}. Vänta tills den är klar, eller kör med --wait.`
      );
    }
    if (!told && held) {
      options.onWait?.(held.pid);
      told = true;
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 500));
  }
}
