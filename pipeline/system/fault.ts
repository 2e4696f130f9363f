// Fail points for the fault tests: with KAS_FAULT=<name> in the environment, the process kills
// itself (SIGKILL, no clean-up) when it reaches that point, so tests can hit the narrow windows of a
// run — between the database commit and the switch, between the two renames — every time.
import { existsSync, writeFileSync } from "node:fs";
export function faultPoint(name: string): void {
  if (process.env.KAS_FAULT === name) process.kill(process.pid, "SIGKILL");
}

/**
 * A pause point for races a test cannot time: with KAS_PAUSE=<name>[,<name>…] and KAS_PAUSE_FILE=<path>,
 * the process writes the point's name to that file when it reaches the point and stands still until the file is gone — so a
 * test can, say, swap an upload for a link between discovery and the open, every time.
 */
export function pausePoint(name: string): void {
  const file = process.env.KAS_PAUSE_FILE;
  if (!file || !process.env.KAS_PAUSE?.split(",").includes(name)) return;
  writeFileSync(file, name);
  const tick = new Int32Array(new SharedArrayBuffer(4));
  while (existsSync(file)) Atomics.wait(tick, 0, 0, 10);
}
