// The nightly batch under faults (issue 4): SIGKILL at named and random points of a run, two runs at
// once, write failures and a full disk, a corrupt database, a file growing during the run. After
// every fault the published database and site are whole (the previous or the new version), the next
// run succeeds, nothing in the archive is lost, and the end result equals a run that never failed.
// Runs are real child processes of the built CLI (npm test builds it first).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../data-samples/generate/generate.js";
import { openDb } from "../pipeline/db/connection.js";
import { packageRoot } from "../pipeline/system/paths.js";

const cli = join(packageRoot, "dist/pipeline/cli.js");
const key = "ab".repeat(32);
let root: string;
let firstHalf: string; // an inbox with the first year
let secondHalf: string; // files added later: the second year and an insats snapshot
let expected: Record<string, string>; // data/*.csv of a run that never failed, over both halves
let runMs: number; // how long a run that loads the second half takes on this machine, now

interface Result { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

function kas(args: string[], env: Record<string, string> = {}, shell?: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = shell
      ? spawn("bash", ["-c", `${shell}; exec node ${cli} ${args.map((a) => `'${a}'`).join(" ")}`], { env: { ...process.env, KAS_KEY: key, ...env } })
      : spawn(process.execPath, [cli, ...args], { env: { ...process.env, KAS_KEY: key, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function state(name: string): { dir: string; inbox: string; out: string; db: string; args: string[] } {
  const dir = join(root, name);
  const inbox = join(dir, "inbox");
  mkdirSync(inbox, { recursive: true });
  const out = join(dir, "site");
  const db = join(dir, "state", "kas.duckdb");
  return { dir, inbox, out, db, args: ["run", "--inbox", inbox, "--out", out, "--db", db] };
}

function csvs(out: string): Record<string, string> {
  const dir = join(out, "data");
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** The published state is whole: the site is one complete version, and the database opens and knows that run. */
async function assertIntact(s: ReturnType<typeof state>, allowed: number[]): Promise<number> {
  expect(existsSync(join(s.out, "index.html"))).toBe(true);
  const site = JSON.parse(readFileSync(join(s.out, "run.json"), "utf8"));
  expect(allowed).toContain(site.runId);
  const pages = readdirSync(s.out).filter((f) => f.endsWith(".html"));
  expect(pages.length).toBe(10); // 7 target groups, index, quality, codes
  for (const f of Object.keys(expected).filter((f) => f.endsWith(".csv"))) expect(readFileSync(join(s.out, "data", f), "utf8").startsWith("indicator,dimension,category,municipality,year")).toBe(true);
  const db = await openDb(s.db, { readOnly: true });
  try {
    const [{ last }] = await db.all<{ last: number }>("SELECT max(run_id) AS last FROM runs WHERE status = 'published'");
    expect(allowed).toContain(last);
  } finally {
    db.close();
  }
  return site.runId;
}

/** Every file that was ever put in the inbox is in the archive, byte for byte. */
function assertArchived(s: ReturnType<typeof state>): void {
  const archived = new Set(listFiles(join(s.dir, "state", "archive")).filter((p) => !p.endsWith(".jsonl")).map((p) => sha(p)));
  for (const f of listFiles(s.inbox)) expect(archived.has(sha(f)), f).toBe(true);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "kas-faults-"));
  const all = join(root, "generated");
  await generate({
    outDir: all, seed: 7, years: [2024, 2025],
    municipalities: [
      { code: "0128", recipientsPerYear: 60, dialect: "contract" },
      { code: "0192", recipientsPerYear: 50, dialect: "excel-csv" }
    ]
  });
  firstHalf = join(root, "first");
  secondHalf = join(root, "second");
  for (const m of ["0128", "0192"]) {
    mkdirSync(join(firstHalf, m), { recursive: true });
    mkdirSync(join(secondHalf, m), { recursive: true });
    for (const f of readdirSync(join(all, m))) {
      const to = f.includes("2024") ? firstHalf : secondHalf;
      cpSync(join(all, m, f), join(to, m, f), { preserveTimestamps: true });
    }
  }
  const ref = state("reference");
  cpSync(firstHalf, ref.inbox, { recursive: true, preserveTimestamps: true });
  expect((await kas(ref.args)).code).toBe(0);
  cpSync(secondHalf, ref.inbox, { recursive: true, preserveTimestamps: true });
  const t0 = performance.now();
  expect((await kas(ref.args)).code).toBe(0);
  runMs = performance.now() - t0;
  expected = csvs(ref.out);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A state with the first half published (run 1) and the second half waiting in the inbox. */
async function published(name: string): Promise<ReturnType<typeof state>> {
  const s = state(name);
  cpSync(firstHalf, s.inbox, { recursive: true, preserveTimestamps: true });
  const r = await kas(s.args);
  expect(r.code, r.stderr).toBe(0);
  cpSync(secondHalf, s.inbox, { recursive: true, preserveTimestamps: true });
  return s;
}

describe("SIGKILL at the narrow windows of a run", () => {
  for (const point of ["after-ingest", "after-site", "after-journal", "after-db-rename"]) {
    it(`killed ${point}: the published state is whole, the next run finishes the work`, async () => {
      const s = await published(`kill-${point}`);
      const killed = await kas(s.args, { KAS_FAULT: point });
      expect(killed.signal).toBe("SIGKILL");
      // before the journal the old version stands; from the journal on, the switch is finished by the next start
      const before = ["after-ingest", "after-site"].includes(point);
      if (before) await assertIntact(s, [1]);
      const next = await kas(s.args);
      expect(next.code, next.stderr).toBe(0);
      await assertIntact(s, [2, 3]);
      expect(csvs(s.out)).toEqual(expected);
      assertArchived(s);
      // nothing half-built is left beside the published versions
      expect(existsSync(`${s.db}.next`)).toBe(false);
      expect(readdirSync(`${s.out}.versions`)).toHaveLength(1);
    });
  }
});

describe("SIGKILL at random moments", () => {
  it("leaves a whole published state every time; the next run succeeds; nothing archived is lost", async () => {
    const s = await published("kill-random");
    // a seeded sequence of moments across the run: fractions of how long a run takes on this machine,
    // now — at first the same work timed in beforeAll; once a run finishes, the later ones have nothing
    // new to do and end sooner, so the moments follow the duration of the last run that finished
    // (a fast or a busy machine kills as often as a slow or a quiet one)
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let kills = 0;
    let scale = runMs;
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
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
      const runId = await assertIntact(s, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(runId).toBeGreaterThanOrEqual(1);
    }
    expect(kills, `a run took ${Math.round(runMs)} ms; ${seen.join(", ")}`).toBeGreaterThan(6);
    const last = await kas(s.args);
    expect(last.code, last.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(expected);
    assertArchived(s);
  }, 120_000);
});

describe("one run at a time", () => {
  it("a second run exits at once with a clear message; with --wait it waits and then runs", async () => {
    const s = await published("two-runs");
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
    expect(csvs(s.out)).toEqual(expected);
  });

  it("the lock of a killed run is released with it: the next run goes ahead", async () => {
    const s = await published("killed-lock");
    const killed = await kas(s.args, { KAS_FAULT: "after-ingest" });
    expect(killed.signal).toBe("SIGKILL");
    const r = await kas(s.args);
    expect(r.code, r.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(expected);
  });

  it("of two runs started together exactly one runs, whatever the timing", async () => {
    const s = await published("race");
    const results = await Promise.all([kas(s.args), kas(s.args), kas(s.args)]);
    expect(results.filter((r) => r.code === 0)).toHaveLength(1);
    expect(results.filter((r) => r.code === 3 && /En annan körning av kas pågår/.test(r.stderr))).toHaveLength(2);
    expect(csvs(s.out)).toEqual(expected);
  });
});

describe("write failures", () => {
  for (const limitKb of [64, 1024, 3072]) {
    it(`a file-size limit of ${limitKb} KiB mid-run (EFBIG): exit 3, nothing published, the next run succeeds`, async () => {
      const s = await published(`efbig-${limitKb}`);
      const r = await kas(s.args, {}, `ulimit -f ${limitKb}`);
      if (r.code === 0 && limitKb > 64) {
        // the limit was above everything this run writes: then it must simply have succeeded
        expect(csvs(s.out)).toEqual(expected);
        return;
      }
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/ingenting publicerades/);
      await assertIntact(s, [1]);
      const next = await kas(s.args);
      expect(next.code, next.stderr).toBe(0);
      expect(csvs(s.out)).toEqual(expected);
      assertArchived(s);
    });
  }

  const canMount = process.getuid?.() === 0 && spawnSync("mount", ["--version"]).status === 0;
  it.runIf(canMount)("a full disk (a small tmpfs for the state): exit 3, the published state intact, recovers when space returns", async () => {
    const s = await published("full-disk");
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
      expect(csvs(join(mnt, "site"))).toEqual(expected);
    } finally {
      spawnSync("umount", [mnt]);
    }
  });
});

describe("a corrupt database at start", () => {
  it("says so clearly and points to kas rebuild, which recovers the same figures from the archive", async () => {
    const s = await published("corrupt");
    const r1 = await kas(s.args);
    expect(r1.code).toBe(0);
    const before = csvs(s.out);
    const bytes = readFileSync(s.db);
    bytes.fill(0x5a, 0, 4096 * 3);
    writeFileSync(s.db, bytes);
    const broken = await kas(s.args.concat([]), {});
    // nothing new in the inbox is not trusted over a database that cannot be read
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/kas rebuild/);
    expect(csvs(s.out)).toEqual(before); // the published site is untouched
    const rebuilt = await kas(["rebuild", "--out", s.out, "--db", s.db]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(expected);
    const after = await kas(s.args);
    expect(after.code, after.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(expected);
  });
});

describe("uploads during and between runs", () => {
  it("a file still growing is left for the next run, then loaded whole", async () => {
    const s = await published("growing");
    const target = join(s.inbox, "0128", "bistand-2025.csv");
    const full = readFileSync(target);
    rmSync(target);
    // the first 20 lines, then a writer appending a line every 10 ms for as long as kas runs (an upload
    // written in place, against the protocol): the file grows from before kas starts until after it ends
    const cut = (n: number) => full.indexOf(0x0a, n) + 1 || full.length;
    let written = cut(0);
    for (let l = 0; l < 20; l++) written = cut(written);
    writeFileSync(target, full.subarray(0, written));
    const lines = full.toString("latin1").split("\n").length;
    const writer = setInterval(() => {
      const next = cut(written);
      if (next >= full.length) return; // the last line waits until kas has ended
      appendFileSync(target, full.subarray(written, next));
      written = next;
    }, 10);
    const during = await kas([...s.args, "--json"]);
    clearInterval(writer);
    expect(written, `the file (${lines} lines) was complete before kas ended: it did not grow during the run`).toBeLessThan(full.length);
    appendFileSync(target, full.subarray(written));
    expect([0, 1]).toContain(during.code);
    // kas either saw it change while reading and deferred it, or read a consistent prefix (whole lines),
    // which the complete file replaces month by month in the next run
    const summary = JSON.parse(during.stdout);
    const shown = "0128/bistand-2025.csv";
    expect([...summary.files.deferred, ...summary.files.accepted.map((f: { file: string }) => f.file)]).toContain(shown);
    const after = await kas(s.args);
    expect(after.code, after.stderr).toBe(0);
    expect(readFileSync(target)).toEqual(full);
    expect(csvs(s.out)).toEqual(expected);
    assertArchived(s);
  });

  it("a byte-identical re-upload changes nothing; a corrected file replaces its months", async () => {
    const s = await published("reupload");
    expect((await kas(s.args)).code).toBe(0);
    cpSync(join(s.inbox, "0128", "bistand-2025.csv"), join(s.inbox, "0128", "bistand-2025-again.csv"));
    const again = await kas([...s.args, "--json"]);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.files.duplicates).toEqual(["0128/bistand-2025-again.csv"]);
    expect(summary.rows).toEqual({ bistand: 0, insats: 0 });
    expect(csvs(s.out)).toEqual(expected);
    // a correction of March 2025 (same rows, so the same figures) replaces exactly that month
    const original = readFileSync(join(s.inbox, "0128", "bistand-2025.csv"), "utf8").split("\n");
    const march = [original[0], ...original.filter((l) => l.includes(",2025-03,"))];
    const tmp = join(s.dir, "upload.csv.part");
    writeFileSync(tmp, march.join("\n") + "\n");
    renameSync(tmp, join(s.inbox, "0128", "bistand-2025-mars-rattelse.csv"));
    const corrected = await kas([...s.args, "--json"]);
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(JSON.parse(corrected.stdout).replacements).toBe(1);
    expect(csvs(s.out)).toEqual(expected);
  });
});

describe("the archive as the source of truth (kas rebuild)", () => {
  it("a rebuild killed after writing its site leaves the published site as it was", async () => {
    const s = await published("rebuild-killed");
    expect((await kas(s.args)).code).toBe(0);
    // after a rebuild the published run is run 1 again: the next rebuild's run 1 must build elsewhere
    expect((await kas(["rebuild", "--out", s.out, "--db", s.db])).code).toBe(0);
    const before = csvs(s.out);
    const runJson = readFileSync(join(s.out, "run.json"), "utf8");
    const killed = await kas(["rebuild", "--out", s.out, "--db", s.db, "--threshold", "20"], { KAS_FAULT: "after-site" });
    expect(killed.signal).toBe("SIGKILL");
    expect(csvs(s.out)).toEqual(before);
    expect(readFileSync(join(s.out, "run.json"), "utf8")).toBe(runJson);
    const next = await kas(s.args);
    expect(next.code, next.stderr).toBe(0);
    expect(csvs(s.out)).toEqual(expected);
  });

  it("counts a file where the published database counted it, not where a killed run first archived it", async () => {
    const s = state("manifest-order");
    const header = "municipality,month,person_id,household_id,gender,birth_year,reason,amount_sek\n";
    const rows = (reason: string) =>
      header + Array.from({ length: 12 }, (_, i) => `0128,2024-02,${"d".repeat(14)}${String(i).padStart(2, "0")},h${i},K,1980,${reason},4000`).join("\n") + "\n";
    mkdirSync(join(s.inbox, "0128"), { recursive: true });
    writeFileSync(join(s.inbox, "0128", "base.csv"), rows("unemployed_no_benefit").replace(/2024-02/g, "2024-01"));
    expect((await kas(s.args)).code).toBe(0);
    // A (newer by mtime) is archived by a run that dies before publishing
    writeFileSync(join(s.inbox, "0128", "a.csv"), rows("social_reasons"));
    utimesSync(join(s.inbox, "0128", "a.csv"), new Date("2026-03-01"), new Date("2026-03-01"));
    expect((await kas(s.args, { KAS_FAULT: "after-ingest" })).signal).toBe("SIGKILL");
    // B (older by mtime) arrives; the next run reads A and B together: A is newer and wins February
    writeFileSync(join(s.inbox, "0128", "b.csv"), rows("sick_certified_no_benefit"));
    utimesSync(join(s.inbox, "0128", "b.csv"), new Date("2026-02-01"), new Date("2026-02-01"));
    expect((await kas(s.args)).code).toBe(0);
    const live = csvs(s.out);
    expect(live["social_reasons.csv"]).toMatch(/^recipients,,,0128,2024,K,12,12,,$/m);
    expect((await kas(["rebuild", "--out", s.out, "--db", s.db])).code).toBe(0);
    expect(csvs(s.out)).toEqual(live);
  });

  it("a manifest line cut short by a crash does not swallow the next file", async () => {
    const s = await published("manifest-cut");
    appendFileSync(join(s.dir, "state", "archive", "manifest.jsonl"), '{"sha256":"0123');
    expect((await kas(s.args)).code).toBe(0);
    expect((await kas(["rebuild", "--out", s.out, "--db", s.db])).code).toBe(0);
    expect(csvs(s.out)).toEqual(expected);
  });
});
