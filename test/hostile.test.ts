// Hostile uploads (issue: hostile uploads and operator mistakes): an upload account that swaps its
// file for a link while kas reads it, names that are not UTF-8, hidden and unreadable folders. Every
// entry of the inbox is accounted for in the run summary, and nothing outside the inbox is ever read.
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RunSummary } from "../pipeline/run.js";
import { bistandCsv, bistandRows } from "./helpers/extract.js";
import { packageRoot } from "../pipeline/system/paths.js";
import { openDb } from "../pipeline/db/connection.js";
import { cliPath, filesUnder, freshInstalls, type Install, kas, query, runKas, testKey, writeInbox } from "./helpers/kas.js";

const fresh = freshInstalls("hostile");

/** Every byte kas wrote (site, database folder: logs, quarantine, archive) as one string. */
function everythingWritten(i: Install): string {
  return [...filesUnder(i.site), ...filesUnder(i.state)]
    .filter((f) => !f.endsWith(".duckdb") && statSync(f).isFile())
    .map((f) => readFileSync(f, "latin1"))
    .join("\n");
}

/**
 * `kas run` in a child process that stops at pause points (pipeline/system/fault.ts pausePoint) —
 * "before-open" between discovery and the open of an upload, "after-read" between the read and the
 * check that the file is unchanged — runs what `at` says there, and goes on.
 */
function runPaused(i: Install, keyFile: string, at: Record<string, () => void>): Promise<{ code: number | null; summary: RunSummary }> {
  const pause = join(i.root, "paused");
  const child = spawn(
    process.execPath,
    [cliPath, "run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--key-file", keyFile, "--json"],
    { env: { PATH: process.env.PATH, TZ: "Europe/Stockholm", KAS_PAUSE: Object.keys(at).join(","), KAS_PAUSE_FILE: pause }, stdio: ["ignore", "pipe", "pipe"] }
  );
  const out: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.resume();
  const poll = setInterval(() => {
    if (!existsSync(pause)) return;
    const point = readFileSync(pause, "utf8");
    if (!point) return; // written, not yet filled
    at[point]();
    rmSync(pause);
  }, 5);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(poll);
      resolve({ code, summary: JSON.parse(Buffer.concat(out).toString("utf8")) as RunSummary });
    });
  });
}

describe("a name swapped between discovery and the open (the symlink race, made deterministic)", () => {
  it("never follows a link put in the upload's place and taken away again: the key appears nowhere, the file is deferred", async () => {
    const i = fresh("race-link");
    const keyFile = join(i.root, "secret.key");
    writeFileSync(keyFile, testKey, { mode: 0o600 });
    writeInbox(i.inbox, { "0181/bistand.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    const upload = join(i.inbox, "0181/bistand.csv");
    const kept = join(i.root, "kept.csv");
    const r = await runPaused(i, keyFile, {
      // the attacker's swap: a hard link keeps the upload, a symlink takes its name while kas opens it ...
      "before-open": () => {
        linkSync(upload, kept);
        rmSync(upload);
        symlinkSync(keyFile, upload);
      },
      // ... and the upload is back (same inode, size, time) before kas looks again
      "after-read": () => renameSync(kept, upload)
    });
    expect(r.code).toBe(0);
    expect(r.summary.files.deferred).toEqual(["0181/bistand.csv"]);
    expect(r.summary.files.accepted).toEqual([]);
    expect(everythingWritten(i)).not.toContain(testKey);
    expect(readdirSync(join(i.state, "archive")).filter((f) => !f.startsWith("manifest") && f !== "tmp")).toEqual([]);
  });

  it("never reads another regular file renamed into the upload's name (another inode): deferred, not loaded", async () => {
    const i = fresh("race-rename");
    const keyFile = join(i.root, "secret.key");
    writeFileSync(keyFile, testKey, { mode: 0o600 });
    writeInbox(i.inbox, { "0181/bistand.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    const other = join(i.root, "other.csv");
    writeFileSync(other, `${testKey}\n`);
    const upload = join(i.inbox, "0181/bistand.csv");
    const kept = join(i.root, "kept.csv");
    const r = await runPaused(i, keyFile, {
      "before-open": () => {
        linkSync(upload, kept);
        renameSync(other, upload);
      },
      "after-read": () => renameSync(kept, upload)
    });
    expect(r.code).toBe(0);
    expect(r.summary.files.deferred).toEqual(["0181/bistand.csv"]);
    expect(everythingWritten(i)).not.toContain(testKey);
  });
});

describe("every entry of the inbox is accounted for", () => {
  it("names a file whose name is not UTF-8, a hidden folder and a FIFO, and still loads the good file", async () => {
    const i = fresh("names");
    writeInbox(i.inbox, { "0181/good.csv": bistandCsv(bistandRows("0181", "2024-01", 5)), ".hidden/x.csv": "x", ".x.csv": "x" });
    const latin1Name = Buffer.concat([Buffer.from(join(i.inbox, "0181/"), "utf8"), Buffer.from([0x62, 0xe4, 0x72, 0x2e, 0x63, 0x73, 0x76])]); // "bär.csv" in Latin-1
    writeFileSync(latin1Name, bistandCsv(bistandRows("0181", "2024-02", 5)));
    execFileSync("mkfifo", [join(i.inbox, "0181/pipe.csv")]);
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0181/good.csv"]);
    expect(r.summary!.files.ignored).toEqual(
      expect.arrayContaining([
        { file: ".hidden", reason: expect.stringMatching(/dold mapp/) },
        // a hidden file beside the municipalities' folders is a file, not a folder
        { file: ".x.csv", reason: expect.stringMatching(/^är en dold fil/) },
        { file: "0181/b\\xe4r.csv", reason: expect.stringMatching(/inte är giltig UTF-8/) },
        { file: "0181/pipe.csv", reason: "är inte en vanlig fil" }
      ])
    );
  });

  it("one municipality folder that cannot be read does not stop the others' night", async () => {
    const i = fresh("unreadable");
    writeInbox(i.inbox, { "0181/good.csv": bistandCsv(bistandRows("0181", "2024-01", 5)), "0182/x.csv": bistandCsv(bistandRows("0182", "2024-01", 5)) });
    const folder = join(i.inbox, "0182");
    chmodSync(folder, 0o000);
    try {
      if (process.getuid?.() === 0) {
        // root reads every folder: the discovery runs as nobody, for whom 0182/ is unreadable
        chmodSync(i.root, 0o755);
        // (a copy of the built module beside the inbox: the clone's own folders may be closed to nobody)
        const module = join(i.root, "ingest", "discover.js");
        for (const m of ["ingest/discover.js", "contract/masking.js"]) {
          mkdirSync(join(i.root, dirname(m)), { recursive: true });
          copyFileSync(join(packageRoot, "dist/pipeline", m), join(i.root, m));
        }
        writeFileSync(join(i.root, "package.json"), '{ "type": "module" }');
        const script = `import(${JSON.stringify(module)}).then((m) => console.log(JSON.stringify(m.discover(${JSON.stringify(i.inbox)}))))`;
        const found = JSON.parse(execFileSync(process.execPath, ["-e", script], { uid: 65534, gid: 65534, encoding: "utf8" }));
        expect(found.candidates.map((c: { display: string }) => c.display)).toEqual(["0181/good.csv"]);
        expect(found.ignored).toContainEqual({ display: "0182/", reason: { why: "unreadable_folder", code: "EACCES" } });
      } else {
        const r = await runKas(i);
        expect(r.code).toBe(0);
        expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0181/good.csv"]);
        expect(r.summary!.files.ignored).toContainEqual({ file: "0182/", reason: expect.stringMatching(/mappen kan inte läsas \(EACCES\)/) });
      }
    } finally {
      chmodSync(folder, 0o755);
    }
  });
});

describe("identity numbers in values and names never reach a page, a log or a reason file", () => {
  it("masks identity numbers however their parts are separated, in values and in file names", async () => {
    const i = fresh("masking");
    const numbers = ["010180 12345", "800101\u20131234", "19800101 - 1234", "010180.12345", "800101/1234"];
    const rows = bistandRows("0181", "2024-01", numbers.length).map((r, n) => ({ ...r, reason: numbers[n] }));
    writeInbox(i.inbox, { "0181/19700101-1001.csv": bistandCsv(rows) });
    const r = await runKas(i);
    expect(r.code).toBe(1);
    expect(r.summary!.files.rejected.map((f) => f.file)).toEqual(["0181/[personnummer dolt].csv"]);
    const shown = [...filesUnder(i.site), ...filesUnder(join(i.state, "logs")), ...filesUnder(join(i.state, "quarantine"))]
      .map((f) => `${f}\n${f.endsWith(".csv") && f.includes("quarantine") ? "" : readFileSync(f, "utf8")}`)
      .join("\n");
    for (const n of [...numbers, "19700101-1001"]) expect(shown).not.toContain(n);
    expect(shown).toContain("[dolt: ser ut som ett personnummer]");
    const names = await query<{ name: string }>(i.db, "SELECT name FROM files UNION ALL SELECT path FROM inbox_seen");
    expect(names.map((n) => n.name).join(" ")).not.toContain("19700101");
  });
});

describe("names shown on pages", () => {
  it("shows a right-to-left override in a file name escaped on quality.html, never raw", async () => {
    const i = fresh("rtl");
    writeInbox(i.inbox, { "0181/report\u202Evsc.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    expect((await runKas(i)).code).toBe(0);
    const page = readFileSync(join(i.site, "quality.html"), "utf8");
    expect(page).not.toContain("\u202E");
    expect(page).toContain("report\\u{202e}vsc.csv");
  });
});

describe("operator mistakes and long names", () => {
  it("quarantines a rejected file whose name is 254 bytes of ö, and the night goes on", async () => {
    const i = fresh("long-name");
    const name = `${"ö".repeat(125)}.csv`; // 254 bytes
    writeInbox(i.inbox, { [`0181/${name}`]: "not,a,kas,file\n1,2,3,4\n", "0181/good.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    const r = await runKas(i);
    expect(r.code).toBe(1);
    expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0181/good.csv"]);
    const quarantined = readdirSync(join(i.state, "quarantine", "0181"));
    expect(quarantined).toHaveLength(2); // the copy and its reason
    for (const f of quarantined) expect(Buffer.byteLength(f)).toBeLessThanOrEqual(255);
  });

  it("quarantines a copy, not a link to the archive: editing it leaves the archive as it was", async () => {
    const i = fresh("quarantine-copy");
    writeInbox(i.inbox, { "0181/bad.csv": "not,a,kas,file\n1,2,3,4\n" });
    const r = await runKas(i);
    const q = r.summary!.files.rejected[0].quarantined!;
    expect(statSync(q).nlink).toBe(1);
  });

  it("loads a CSV rejected for its extension once it is renamed .csv, in the run and in kas rebuild", async () => {
    const i = fresh("renamed");
    const content = bistandCsv(bistandRows("0181", "2024-01", 5));
    writeInbox(i.inbox, { "0181/extract.txt": content });
    expect((await runKas(i)).summary!.files.rejected.map((f) => f.file)).toEqual(["0181/extract.txt"]);
    renameSync(join(i.inbox, "0181/extract.txt"), join(i.inbox, "0181/extract.csv"));
    const r = await runKas(i);
    expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0181/extract.csv"]);
    const rebuilt = await kas(["rebuild", "--db", i.db, "--out", i.site, "--json"]);
    const s = JSON.parse(rebuilt.stdout) as RunSummary;
    expect(s.files.accepted.map((f) => f.file)).toEqual(["0181/extract.csv"]);
    expect(s.files.rejected.map((f) => f.file)).toEqual(["0181/extract.txt"]);
    expect(s.rows.bistand).toBe(5);
  });

  it("refuses --db inside the published site, before it creates anything", async () => {
    const i = fresh("db-in-site");
    writeInbox(i.inbox, { "0181/good.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    expect((await runKas(i)).code).toBe(0);
    const inside = join(i.site, "state", "kas.duckdb");
    const r = await kas(["run", "--inbox", i.inbox, "--db", inside, "--out", i.site]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ligger i webbplatsen --out/);
    expect(existsSync(join(i.site, "state"))).toBe(false);
    const fresh2 = join(i.root, "new-site");
    expect((await kas(["run", "--inbox", i.inbox, "--db", join(fresh2, "kas.duckdb"), "--out", fresh2])).code).toBe(2);
    expect(existsSync(fresh2)).toBe(false);
  });

  it("refuses another key on an existing database (exit 3, nothing published), and kas rebuild rotates it", async () => {
    const i = fresh("other-key");
    writeInbox(i.inbox, { "0181/a.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    expect((await runKas(i)).code).toBe(0);
    writeInbox(i.inbox, { "0181/b.csv": bistandCsv(bistandRows("0181", "2024-02", 5)) });
    const other = { KAS_KEY: "6b".repeat(32) };
    const r = await runKas(i, [], { env: other });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/pseudonymiseringsnyckeln är inte den som databasen/);
    expect(r.stderr).not.toContain("6b6b");
    const rotated = await kas(["rebuild", "--db", i.db, "--out", i.site], { env: other });
    expect(rotated.code).toBe(0);
    expect((await runKas(i, [], { env: other })).code).toBe(0);
  });

  it("points to kas rebuild when the database is gone but the archive is there", async () => {
    const i = fresh("db-gone");
    writeInbox(i.inbox, { "0181/a.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    expect((await runKas(i)).code).toBe(0);
    rmSync(i.db);
    const r = await runKas(i);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/arkivet .* har 1 inläst fil\. Återskapa databasen ur arkivet med kas rebuild/);
  });

  it("keeps the database readable by its owner only, whatever the umask", async () => {
    const i = fresh("db-mode");
    writeInbox(i.inbox, { "0181/a.csv": bistandCsv(bistandRows("0181", "2024-01", 5)) });
    const before = process.umask(0o022);
    try {
      expect((await runKas(i)).code).toBe(0);
    } finally {
      process.umask(before);
    }
    expect(statSync(i.db).mode & 0o777).toBe(0o600);
  });

  it("kas rebuild names archive files that the manifest does not list", async () => {
    const i = fresh("unlisted");
    writeInbox(i.inbox, { "0181/a.csv": bistandCsv(bistandRows("0181", "2024-01", 5)), "0181/b.csv": bistandCsv(bistandRows("0181", "2024-02", 5)) });
    expect((await runKas(i)).code).toBe(0);
    const manifest = join(i.state, "archive", "manifest.jsonl");
    writeFileSync(manifest, readFileSync(manifest, "utf8").split("\n").filter((l) => !l.includes('"b.csv"')).join("\n"));
    const r = await kas(["rebuild", "--db", i.db, "--out", i.site, "--json"]);
    const s = JSON.parse(r.stdout) as RunSummary;
    expect(s.files.accepted.map((f) => f.file)).toEqual(["0181/a.csv"]);
    expect(s.files.ignored).toEqual([{ file: expect.stringMatching(/^arkivet\/[0-9a-f]{2}\/[0-9a-f]{64}\.csv$/), reason: expect.stringMatching(/nämns inte i dess manifest/) }]);
  });

  it("kas status on a FIFO or a DuckDB file of something else says what is wrong instead of hanging or a raw Catalog Error", async () => {
    const i = fresh("status");
    mkdirSync(i.state, { recursive: true });
    const fifo = join(i.state, "fifo.duckdb");
    execFileSync("mkfifo", [fifo]);
    const r = await kas(["status", "--db", fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ingen vanlig fil/);
    const other = join(i.state, "other.duckdb");
    const db = await openDb(other);
    await db.run("CREATE TABLE t AS SELECT 1 AS x");
    db.close();
    const s = await kas(["status", "--db", other]);
    expect(s.code).toBe(3);
    expect(s.stderr).toMatch(/saknar kas tabeller .* kas rebuild/);
    expect(s.stderr).not.toMatch(/Catalog Error/);
  });
});
