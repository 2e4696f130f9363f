// The nightly batch under faults (issue 4): two runs at once, write failures and a full disk. After
// every fault the published database and site are whole (the previous or the new version), the next
// run succeeds, nothing in the archive is lost, and the end result equals a run that never failed.
// test/helpers/faults.ts: the network, the runs as child processes, the published states a test starts
// from.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertArchived, csvs, kas, useFaults } from "./helpers/faults.js";

const f = useFaults();

describe("one run at a time", () => {
  it("a second run exits at once with a clear message; with --wait it waits and then runs", async () => {
    const s = f.published("two-runs");
    const first = kas(s.args);
    const owner = join(s.dir, "state", "kas.lock.owner"); // written once the first run holds the lock
    for (let i = 0; i < 300 && !existsSync(owner); i++) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(owner)).toBe(true);
    const second = await kas(s.args);
    expect(second.code).toBe(3);
    expect(second.stderr).toMatch(/En annan körning av kas pågår \(process \d+\)/);
    expect(second.stderr).toMatch(/--wait/);
    const waiting = await kas([...s.args, "--wait"]);
    expect((await first).code).toBe(0);
    expect(waiting.code, waiting.stderr).toBe(0);
    expect(waiting.stdout).toMatch(/Inget nytt i inkorgen/);
    expect(csvs(s.out)).toEqual(f.expected);
  });

  it("of two runs started together exactly one runs, whatever the timing", async () => {
    const s = f.published("race");
    const results = await Promise.all([kas(s.args), kas(s.args), kas(s.args)]);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    expect(results.filter((r) => r.code === 3 && /En annan körning av kas pågår/.test(r.stderr))).toHaveLength(2);
    expect(csvs(s.out)).toEqual(f.expected);
  });
});

describe("write failures", () => {
  // a file-size limit below the database stops the run at its copy of it, the first thing it writes
  // (any limit up to the database's 6 MiB did); one just above it lets the copy through and stops the
  // run late, when DuckDB checkpoints the grown database — or, if this run writes nothing larger, lets
  // it succeed
  const cases: { when: string; limitKb: (db: string) => number; error: RegExp; mayPass: boolean }[] = [
    { when: "at its first write", limitKb: () => 64, error: /EFBIG: file too large, copyfile/, mayPass: false },
    { when: "late, when the database grows", limitKb: (db) => Math.ceil(statSync(db).size / 1024) + 64, error: /checkpoint|File too large/, mayPass: true }
  ];
  for (const [i, c] of cases.entries()) {
    it(`a file-size limit stopping the run ${c.when} (EFBIG): exit 3, nothing published, the next run succeeds`, async () => {
      const s = f.published(`efbig-${i}`);
      const r = await kas(s.args, {}, `ulimit -f ${c.limitKb(s.db)}`);
      if (r.code === 0 && c.mayPass) {
        // the limit was above everything this run writes: then it must simply have succeeded
        expect(csvs(s.out)).toEqual(f.expected);
        return;
      }
      expect(r.code, r.stderr).toBe(3);
      expect(r.stderr).toMatch(/ingenting publicerades/);
      expect(r.stderr).toMatch(c.error);
      await f.assertIntact(s, [1]);
      const next = await kas(s.args);
      expect(next.code, next.stderr).toBe(0);
      expect(csvs(s.out)).toEqual(f.expected);
      assertArchived(s);
    });
  }

  const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;
  it.runIf(canMount)("a full disk (a small tmpfs for the state): exit 3, the published state intact, recovers when space returns", async () => {
    const s = f.published("full-disk");
    const mnt = join(s.dir, "full");
    mkdirSync(mnt);
    const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=40m", "tmpfs", mnt]);
    if (mounted.status !== 0) return; // not allowed in this container: the EFBIG cases above cover write failures
    try {
      cpSync(join(s.dir, "state"), join(mnt, "state"), { recursive: true });
      cpSync(s.out, join(mnt, "site"), { recursive: true, verbatimSymlinks: true });
      cpSync(`${s.out}.versions`, join(mnt, "site.versions"), { recursive: true });
      writeFileSync(join(mnt, "filler"), Buffer.alloc(40 * 2 ** 20 - (Number(spawnSync("du", ["-sb", mnt]).stdout.toString().split("\t")[0]) + 1024 * 1024)).fill(1));
      const args = ["run", "--inbox", s.inbox, "--out", join(mnt, "site"), "--db", join(mnt, "state", "kas.duckdb")];
      const r = await kas(args);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/ENOSPC|No space left on device/);
      expect(r.stderr).toMatch(/Disken är full/);
      rmSync(join(mnt, "filler"));
      const next = await kas(args);
      expect(next.code, next.stderr).toBe(0);
      expect(csvs(join(mnt, "site"))).toEqual(f.expected);
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});
