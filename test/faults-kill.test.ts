// The nightly batch under faults (issue 4): SIGKILL at named and random points of a run. After every
// fault the published database and site are whole (the previous or the new version), the next run
// succeeds, nothing in the archive is lost, and the end result equals a run that never failed.
// test/helpers/faults.ts: the network, the runs as child processes, the published states a test starts
// from.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertArchived, cli, csvs, kas, key, useFaults } from "./helpers/faults.js";

const f = useFaults();

describe("SIGKILL at the narrow windows of a run", () => {
  for (const point of ["after-ingest", "after-site", "after-journal", "after-db-rename"]) {
    it(`killed ${point}: the published state is whole, the next run finishes the work`, async () => {
      const s = f.published(`kill-${point}`);
      const killed = await kas(s.args, { KAS_FAULT: point });
      expect(killed.signal).toBe("SIGKILL");
      // before the journal the old version stands; from the journal on, the switch is finished by the next start
      const before = ["after-ingest", "after-site"].includes(point);
      if (before) await f.assertIntact(s, [1]);
      // the killed run's lock went with it: the next run goes ahead
      const next = await kas(s.args);
      expect(next.code, next.stderr).toBe(0);
      await f.assertIntact(s, [2, 3]);
      expect(csvs(s.out)).toEqual(f.expected);
      assertArchived(s);
      // nothing half-built is left beside the published versions
      expect(existsSync(`${s.db}.next`)).toBe(false);
      expect(readdirSync(`${s.out}.versions`)).toHaveLength(1);
    });
  }
});

describe("SIGKILL at random moments", () => {
  it("leaves a whole published state every time; the next run succeeds; nothing archived is lost", async () => {
    const s = f.published("kill-random");
    // a seeded sequence of moments across the run: fractions of how long a run takes on this machine —
    // at first the same work, timed when the templates were published; once a run finishes, the later
    // ones have nothing new to do and end sooner, so the moments follow the duration of the last run
    // that finished (a fast or a busy machine kills as often as a slow or a quiet one)
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let kills = 0;
    let scale = f.runMs;
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const child: ChildProcess = spawn(process.execPath, [cli, ...s.args], { env: { ...process.env, KAS_KEY: key }, stdio: "ignore" });
      const delay = 50 + Math.floor(random() * 0.85 * scale);
      const outcome = await new Promise<string>((resolve) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), delay);
        child.on("close", (code, signal) => {
          clearTimeout(timer);
          resolve(signal ?? `exit ${code}`);
        });
      });
      if (outcome === "SIGKILL") kills++;
      else scale = performance.now() - t0;
      seen.push(`${delay} ms: ${outcome}`);
      const runId = await f.assertIntact(s, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(runId).toBeGreaterThanOrEqual(1);
    }
    expect(kills, `a run took ${Math.round(f.runMs)} ms; ${seen.join(", ")}`).toBeGreaterThan(2);
    const last = await kas(s.args);
    expect(last.code, last.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(f.expected);
    assertArchived(s);
  }, 120_000);
});
