// The inbox rules of contract §1, through `kas run` on real folders: complete files only (.part and
// files still changing are left for later), the archive (SHA-256, read-only, byte-identical) and the
// quarantine (with a reason that holds no personal data), byte-identical re-uploads, replacement of
// bistand months and insats snapshots in the order files were first seen, the municipality folder as a
// boundary, and file names that are never paths.
import {
  appendFileSync, existsSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync
} from "node:fs";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readManifest } from "../pipeline/ingest/archive.js";
import { unchangedSince } from "../pipeline/ingest/discover.js";
import { formatRunSummary } from "../pipeline/text.js";
import { badLuhn, bistandCsv, bistandRows, insatsCsv, insatsRows, personnummer, type Row } from "./helpers/extract.js";
import { filesUnder, freshInstalls, type Install, kas, mode, query, runKas, sha256, writeInbox } from "./helpers/kas.js";

const fresh = freshInstalls("ingest");

const withAmount = (rows: Row[], base: number): Row[] => rows.map((r, i) => ({ ...r, amount_sek: String(base + i) }));
const T0 = new Date("2025-06-01T12:00:00Z").getTime();

interface Loaded {
  month: string;
  file: string;
  amount: string;
}
const loaded = (i: Install, m: string) =>
  query<Loaded>(
    i.db,
    `SELECT strftime(b.month, '%Y-%m') AS month, f.name AS file, b.amount_sek::VARCHAR AS amount FROM bistand b JOIN files f USING (file_id)
     WHERE b.municipality = '${m}' ORDER BY b.month, b.line`
  );
const byMonth = (rows: Loaded[]) => {
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.month] ??= []).includes(r.file) || out[r.month].push(r.file);
  return out;
};

describe("complete files only", () => {
  const i = fresh("part");
  const part = bistandCsv(bistandRows("0128", "2024-02", 5));

  it("ignores a .part file, says so, and neither reads nor archives it", async () => {
    writeInbox(i.inbox, { "0128/jan.csv": bistandCsv(bistandRows("0128", "2024-01", 5)), "0128/feb.csv.part": part });
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0128/jan.csv"]);
    expect(r.summary!.files.ignored).toEqual([{ file: "0128/feb.csv.part", reason: expect.stringMatching(/laddas fortfarande upp \(\.part\)/) }]);
    expect(readManifest(join(i.state, "archive")).map((e) => e.name)).toEqual(["jan.csv"]);
    expect(Object.keys(byMonth(await loaded(i, "0128")))).toEqual(["2024-01"]);
  });

  it("loads it once it is renamed", async () => {
    renameSync(join(i.inbox, "0128/feb.csv.part"), join(i.inbox, "0128/feb.csv"));
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0128/feb.csv"]);
    expect(r.summary!.files.unchanged).toBe(1);
    expect(byMonth(await loaded(i, "0128"))).toEqual({ "2024-01": ["jan.csv"], "2024-02": ["feb.csv"] });
    expect(readManifest(join(i.state, "archive")).map((e) => [e.name, e.sha256])).toEqual([
      ["jan.csv", expect.any(String)],
      ["feb.csv", sha256(part)]
    ]);
  });
});

describe("a file that changes while it is read", () => {
  it("unchangedSince: the same file, a grown one, a replaced one (same size and mtime, new inode), a removed one", () => {
    const i = fresh("unchanged");
    const path = join(i.root, "f.csv");
    const t = new Date("2025-03-01T10:00:00Z");
    writeFileSync(path, "a,b\n1,2\n");
    const before = statSync(path);
    expect(unchangedSince(path, before)).toBe(true);
    appendFileSync(path, "3,4\n");
    expect(unchangedSince(path, before)).toBe(false);
    utimesSync(path, t, t);
    const now = statSync(path);
    writeFileSync(`${path}.new`, "a,b\n5,6\n7,8\n");
    utimesSync(`${path}.new`, t, t);
    renameSync(`${path}.new`, path);
    expect(statSync(path).size).toBe(now.size);
    expect(statSync(path).mtimeMs).toBe(now.mtimeMs);
    expect(unchangedSince(path, now)).toBe(false);
    unlinkSync(path);
    expect(unchangedSince(path, now)).toBe(false);
  });

  // Files are read in order of modification time: an old 8 MB file first, and while it is being read
  // (its copy appears in archive/tmp, i.e. after the inbox was listed) two newer files change: one
  // grows, one is removed. Both are left for the next run; nothing else is held up.
  const i = fresh("changing");
  let first: Awaited<ReturnType<typeof runKas>>;
  const grow = "0128/growing.csv";
  const gone = "0128/vanishing.csv";

  beforeAll(async () => {
    writeInbox(
      i.inbox,
      {
        "0114/big.csv": "municipality,month\n0114," + "9".repeat(8 * 2 ** 20) + "\n",
        "0128/steady.csv": bistandCsv(bistandRows("0128", "2024-01", 5)),
        [grow]: bistandCsv(bistandRows("0128", "2024-02", 5)),
        [gone]: bistandCsv(bistandRows("0128", "2024-03", 5))
      },
      { "0114/big.csv": T0, "0128/steady.csv": T0 + 1000, [grow]: T0 + 2000, [gone]: T0 + 3000 }
    );
    const tmp = join(i.state, "archive", "tmp");
    let fired = false;
    const watcher = setInterval(() => {
      if (fired || !existsSync(tmp) || readdirSync(tmp).length === 0) return;
      fired = true;
      appendFileSync(join(i.inbox, grow), bistandCsv(bistandRows("0128", "2024-02", 1, 6)).split("\n")[1] + "\n");
      unlinkSync(join(i.inbox, gone));
    }, 1);
    try {
      first = await runKas(i);
    } finally {
      clearInterval(watcher);
    }
    expect(fired).toBe(true);
  });

  it("defers both, loads the rest, and does not archive what it deferred", async () => {
    expect(first.code).toBe(1); // big.csv is rejected (a line over 1 MiB); deferral alone is no failure
    expect(first.summary!.files.rejected.map((f) => f.file)).toEqual(["0114/big.csv"]);
    expect(first.summary!.files.accepted.map((f) => f.file)).toEqual(["0128/steady.csv"]);
    expect(first.summary!.files.deferred).toEqual([grow, gone]);
    expect(readManifest(join(i.state, "archive")).map((e) => e.name)).toEqual(["big.csv", "steady.csv"]);
    expect(first.log.some((l) => l.startsWith("INFO 0128/growing.csv ändrades medan den lästes"))).toBe(true);
    expect(first.log.some((l) => l.startsWith("WARN 0128/vanishing.csv kunde inte läsas (ENOENT"))).toBe(true);
    expect(byMonth(await loaded(i, "0128"))).toEqual({ "2024-01": ["steady.csv"] });
    expect(readdirSync(join(i.state, "archive", "tmp"))).toEqual([]);
  });

  it("reads the grown file whole in the next run", async () => {
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(r.summary!.files.accepted).toEqual([expect.objectContaining({ file: grow, rowsRead: 6, rowsLoaded: 6 })]);
    expect(r.summary!.files.deferred).toEqual([]);
    expect(byMonth(await loaded(i, "0128"))).toEqual({ "2024-01": ["steady.csv"], "2024-02": ["growing.csv"] });
  });
});

describe("archive and quarantine", () => {
  const i = fresh("archive");
  const pnr = personnummer({ year: 1971, month: 3, day: 9 }, 214);
  const badRows = bistandRows("0180", "2024-04", 4).map((r, k) => ({ ...r, household_id: `HUSHALL-${k}-77`, person_id: k === 1 ? badLuhn(pnr.twelve) : k === 2 ? pnr.ten : r.person_id, gender: k === 3 ? "X" : r.gender }));
  const files = {
    "0128/ok.csv": bistandCsv(bistandRows("0128", "2024-01", 4)),
    "0180/bad.csv": bistandCsv(badRows, { delimiter: ";", eol: "\r\n" }),
    "0180/broken.xlsx": Buffer.from("PK\x03\x04 not really a workbook")
  };
  let r: Awaited<ReturnType<typeof runKas>>;
  beforeAll(async () => {
    writeInbox(i.inbox, files);
    r = await runKas(i);
  });

  it("keeps every file it read under its SHA-256, read-only and byte-identical, and lists it in the manifest", async () => {
    expect(r.code).toBe(1);
    const archive = join(i.state, "archive");
    const manifest = readManifest(archive);
    expect(manifest.map((e) => `${e.municipality}/${e.name}`).sort()).toEqual(Object.keys(files).sort());
    const stored = await query<{ name: string; sha256: string; archived_as: string; status: string }>(i.db, "SELECT name, sha256, archived_as, status FROM files ORDER BY name");
    expect(stored.map((s) => s.status)).toEqual(["rejected", "rejected", "accepted"]);
    for (const [rel, bytes] of Object.entries(files)) {
      const hash = sha256(bytes);
      const ext = rel.endsWith(".xlsx") ? "xlsx" : "csv";
      const path = join(archive, hash.slice(0, 2), `${hash}.${ext}`);
      expect(readFileSync(path).equals(Buffer.from(bytes)), rel).toBe(true);
      expect(mode(path).toString(8), rel).toBe("400");
      expect(stored.find((s) => s.name === basename(rel))).toMatchObject({ sha256: hash, archived_as: join(hash.slice(0, 2), `${hash}.${ext}`) });
      expect(manifest.find((e) => e.sha256 === hash)).toMatchObject({ municipality: rel.slice(0, 4), name: basename(rel), size: Buffer.from(bytes).length });
      expect(manifest.find((e) => e.sha256 === hash)!.run).toMatch(/\/\d+\//);
    }
    // the inbox itself is never changed
    for (const [rel, bytes] of Object.entries(files)) expect(readFileSync(join(i.inbox, rel)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("puts a rejected file in quarantine/<municipality>/ beside a reason file without personal data", () => {
    const q = join(i.state, "quarantine", "0180");
    const hash = sha256(files["0180/bad.csv"]);
    const xlsx = sha256(files["0180/broken.xlsx"]).slice(0, 12);
    expect(readdirSync(q).sort()).toEqual(
      [`${hash.slice(0, 12)}-bad.csv`, `${hash.slice(0, 12)}-bad.csv.reason.txt`, `${xlsx}-broken.xlsx`, `${xlsx}-broken.xlsx.reason.txt`].sort()
    );
    expect(readFileSync(join(q, `${hash.slice(0, 12)}-bad.csv`)).equals(Buffer.from(files["0180/bad.csv"]))).toBe(true);
    const reason = readFileSync(join(q, `${hash.slice(0, 12)}-bad.csv.reason.txt`), "utf8");
    expect(reason).toContain("Filen 0180/bad.csv avvisades 2026-01-15T01:00:00.000Z.");
    expect(reason).toContain(`SHA-256: ${hash}`);
    expect(reason).toMatch(/^0180\/bad\.csv:3: FEL – fel kontrollsiffra i identitetsnumret: person_id: /m);
    expect(reason).toMatch(/^0180\/bad\.csv:5: FEL – okänd kod: gender = "X": /m);
    const personal = [pnr.twelve, pnr.ten, badLuhn(pnr.twelve), pnr.ten.replace("-", ""), ...badRows.map((b) => b.household_id), ...badRows.map((b) => b.person_id)];
    for (const p of personal) expect(reason).not.toContain(p);
    expect(mode(join(q, `${hash.slice(0, 12)}-bad.csv.reason.txt`)).toString(8)).toBe("600");
  });

  it("changes nothing for a byte-identical re-upload under another name: no rows, no replacement, reported as a duplicate", async () => {
    const before = await query(i.db, "SELECT file_id, name, status FROM files ORDER BY file_id");
    const rows = await loaded(i, "0128");
    writeInbox(i.inbox, { "0128/ok-igen.csv": files["0128/ok.csv"], "0180/bad-igen.csv": files["0180/bad.csv"] }, { "0128/ok-igen.csv": T0, "0180/bad-igen.csv": T0 });
    const again = await runKas(i);
    expect(again.code).toBe(0);
    expect([...again.summary!.files.duplicates].sort()).toEqual(["0128/ok-igen.csv", "0180/bad-igen.csv"]);
    expect(again.summary!.files.accepted).toEqual([]);
    expect(again.summary!.files.rejected).toEqual([]);
    expect(again.summary!.rows).toEqual({ bistand: 0, insats: 0 });
    expect(again.summary!.replacements).toBe(0);
    expect(await query(i.db, "SELECT file_id, name, status FROM files ORDER BY file_id")).toEqual(before);
    expect(await loaded(i, "0128")).toEqual(rows);
    expect(await query(i.db, "SELECT count(*)::INTEGER AS n FROM replacements")).toEqual([{ n: 0 }]);
    expect(readManifest(join(i.state, "archive"))).toHaveLength(3);
    // and the next run has nothing new at all
    const third = await runKas(i);
    expect(third.summary!.outcome).toBe("unchanged");
    expect(third.summary!.files.unchanged).toBe(5);
  });
});

describe("findings per rule in kas run", () => {
  it("keeps the first 20 failing rows of a rule and column, and counts the rest (kas validate lists all)", async () => {
    const i = fresh("examples");
    writeInbox(i.inbox, { "0180/many.csv": bistandCsv(bistandRows("0180", "2024-05", 30).map((r, k) => ({ ...r, gender: `G${k}` }))) });
    const r = await runKas(i);
    expect(r.code).toBe(1);
    const findings = r.summary!.files.rejected[0].findings;
    expect(findings.filter((f) => f.line !== null).map((f) => f.line)).toEqual(Array.from({ length: 20 }, (_, k) => k + 2));
    expect(findings.filter((f) => f.line === null)).toEqual([
      expect.objectContaining({ severity: "ERROR", code: "unknown_code", column: "gender", count: 10, message: expect.stringMatching(/^Samma fel på ytterligare 10 rader \(30 totalt\)/) })
    ]);
  });
});

describe("the same bytes in two municipality folders", () => {
  const i = fresh("two-folders");
  const right = bistandCsv(bistandRows("0128", "2024-01", 4));

  it("a file put in the wrong folder is rejected there; the same bytes in the right folder load (not a duplicate)", async () => {
    writeInbox(i.inbox, { "0180/salem-jan.csv": right }, { "0180/salem-jan.csv": T0 });
    const wrong = await runKas(i);
    expect(wrong.code).toBe(1);
    expect(wrong.summary!.files.rejected.map((f) => f.file)).toEqual(["0180/salem-jan.csv"]);
    expect(wrong.summary!.files.rejected[0].findings.map((f) => f.code)).toContain("wrong_municipality");

    writeInbox(i.inbox, { "0128/salem-jan.csv": right }, { "0128/salem-jan.csv": T0 + 1000 });
    const fixed = await runKas(i);
    expect(fixed.code).toBe(0);
    expect(fixed.summary!.files.duplicates).toEqual([]);
    expect(fixed.summary!.files.accepted.map((f) => f.file)).toEqual(["0128/salem-jan.csv"]);
    expect(fixed.summary!.rows.bistand).toBe(4);
    expect(await query(i.db, "SELECT municipality, name, status FROM files ORDER BY file_id")).toEqual([
      { municipality: "0180", name: "salem-jan.csv", status: "rejected" },
      { municipality: "0128", name: "salem-jan.csv", status: "accepted" }
    ]);
    // a copy in the same folder under another name is a duplicate, and the next run has nothing new
    writeInbox(i.inbox, { "0128/salem-jan-igen.csv": right }, { "0128/salem-jan-igen.csv": T0 + 2000 });
    expect((await runKas(i)).summary!.files.duplicates).toEqual(["0128/salem-jan-igen.csv"]);
    expect((await runKas(i)).summary!.outcome).toBe("unchanged");
    // both are in the manifest (one archived copy of the bytes), and a rebuild replays both
    expect(readManifest(join(i.state, "archive")).map((e) => `${e.municipality}/${e.name}`)).toEqual(["0180/salem-jan.csv", "0128/salem-jan.csv"]);
    const rows = await loaded(i, "0128");
    expect(rows).toHaveLength(4);
    const rebuilt = await kas(["rebuild", "--db", i.db, "--out", i.site, "--json"]);
    expect(rebuilt.code, rebuilt.stderr).toBe(1); // the wrong-folder file is rejected again
    expect(await loaded(i, "0128")).toEqual(rows);
  });

  it("the same bytes in two folders in one run are read as two files (one rejected, one loaded)", async () => {
    const j = fresh("two-folders-one-run");
    writeInbox(j.inbox, { "0128/jan.csv": right, "0180/jan.csv": right }, { "0128/jan.csv": T0, "0180/jan.csv": T0 });
    const r = await runKas(j);
    expect(r.code).toBe(1);
    expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0128/jan.csv"]);
    expect(r.summary!.files.rejected.map((f) => [f.file, f.rowsRead])).toEqual([["0180/jan.csv", 4]]);
    expect(r.summary!.rows.bistand).toBe(4);
  });
});

describe("newer files replace older ones", () => {
  const i = fresh("replace");
  const m = "0128";

  it("a newer bistand file replaces only the months it contains, and each replaced month is recorded", async () => {
    writeInbox(i.inbox, {
      "0128/bistand-q1.csv": bistandCsv(withAmount([...bistandRows(m, "2024-01", 4), ...bistandRows(m, "2024-02", 4), ...bistandRows(m, "2024-03", 4)], 1000)),
      "0128/insats-v1.csv": insatsCsv(insatsRows(m, 5)),
      "0114/insats.csv": insatsCsv(insatsRows("0114", 3))
    });
    expect((await runKas(i)).code).toBe(0);
    writeInbox(i.inbox, {
      "0128/bistand-feb-rattelse.csv": bistandCsv(withAmount(bistandRows(m, "2024-02", 3, 10), 7000)),
      "0128/insats-v2.csv": insatsCsv(insatsRows(m, 2, 20).map((r) => ({ ...r, start_date: "2025-01-05", end_date: "", exit_reason: "" })))
    });
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(byMonth(await loaded(i, m))).toEqual({ "2024-01": ["bistand-q1.csv"], "2024-02": ["bistand-feb-rattelse.csv"], "2024-03": ["bistand-q1.csv"] });
    expect((await loaded(i, m)).filter((x) => x.month === "2024-02").map((x) => x.amount)).toEqual(["7000.00", "7001.00", "7002.00"]);
    expect((await loaded(i, m)).filter((x) => x.month !== "2024-02")).toHaveLength(8);
    const repl = await query(
      i.db,
      `SELECT r.run_id, r.municipality, r.kind, strftime(r.month, '%Y-%m') AS month, o.name AS old, n.name AS new, r.rows_removed::INTEGER AS rows
       FROM replacements r JOIN files o ON o.file_id = r.old_file_id JOIN files n ON n.file_id = r.new_file_id ORDER BY r.kind, r.month`
    );
    expect(repl).toEqual([
      { run_id: 2, municipality: m, kind: "bistand", month: "2024-02", old: "bistand-q1.csv", new: "bistand-feb-rattelse.csv", rows: 4 },
      { run_id: 2, municipality: m, kind: "insats", month: null, old: "insats-v1.csv", new: "insats-v2.csv", rows: 5 }
    ]);
    expect(r.summary!.replacements).toBe(2);
  });

  it("a newer insats file replaces every insats row of its municipality, and only of its municipality", async () => {
    const rows = await query<{ municipality: string; file: string; start: string; n: number }>(
      i.db,
      "SELECT i.municipality, f.name AS file, min(strftime(start_date, '%Y-%m-%d')) AS start, count(*)::INTEGER AS n FROM insats i JOIN files f USING (file_id) GROUP BY ALL ORDER BY 1"
    );
    expect(rows).toEqual([
      { municipality: "0114", file: "insats.csv", start: "2024-01-10", n: 3 },
      { municipality: "0128", file: "insats-v2.csv", start: "2025-01-05", n: 2 }
    ]);
  });
});

describe("which file is newer", () => {
  const i = fresh("order");
  const rows = (m: string, month: string, base: number) => bistandCsv(withAmount(bistandRows(m, month, 3), base));

  it("within one run: by modification time, then by name", async () => {
    writeInbox(
      i.inbox,
      {
        // 0128: b.csv sorts last by name, but a.csv was modified later, so a.csv is newer
        "0128/a.csv": rows("0128", "2024-05", 1000),
        "0128/b.csv": rows("0128", "2024-05", 2000),
        // 0114: the same modification time, so the name decides: b.csv is newer
        "0114/a.csv": rows("0114", "2024-05", 3000),
        "0114/b.csv": rows("0114", "2024-05", 4000),
        "0128/z.csv": rows("0128", "2024-06", 5000)
      },
      { "0128/a.csv": T0 + 60_000, "0128/b.csv": T0, "0114/a.csv": T0, "0114/b.csv": T0, "0128/z.csv": T0 }
    );
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(byMonth(await loaded(i, "0128"))).toEqual({ "2024-05": ["a.csv"], "2024-06": ["z.csv"] });
    expect(byMonth(await loaded(i, "0114"))).toEqual({ "2024-05": ["b.csv"] });
    const seq = await query<{ name: string; m: string }>(i.db, "SELECT name, municipality AS m FROM files ORDER BY seq");
    expect(seq.map((s) => `${s.m}/${s.name}`)).toEqual(["0114/a.csv", "0114/b.csv", "0128/b.csv", "0128/z.csv", "0128/a.csv"]);
    // the superseded file of the same run is recorded as replaced, month by month
    expect(
      await query(i.db, "SELECT r.municipality, o.name AS old, n.name AS new, r.rows_removed::INTEGER AS rows FROM replacements r JOIN files o ON o.file_id = r.old_file_id JOIN files n ON n.file_id = r.new_file_id ORDER BY 1")
    ).toEqual([
      { municipality: "0114", old: "a.csv", new: "b.csv", rows: 3 },
      { municipality: "0128", old: "b.csv", new: "a.csv", rows: 3 }
    ]);
  });

  it("across runs: a file first seen in a later run is newer, whatever its modification time", async () => {
    writeInbox(i.inbox, { "0128/old-export.csv": rows("0128", "2024-06", 9000) }, { "0128/old-export.csv": new Date("2020-01-01T00:00:00Z") });
    const r = await runKas(i);
    expect(r.code).toBe(0);
    expect(byMonth(await loaded(i, "0128"))).toEqual({ "2024-05": ["a.csv"], "2024-06": ["old-export.csv"] });
  });
});

describe("a municipality's folder holds only that municipality's data", () => {
  it("a file whose rows name another municipality is rejected whole and overwrites nothing", async () => {
    const i = fresh("boundary");
    writeInbox(i.inbox, { "0181/egen.csv": bistandCsv(withAmount(bistandRows("0181", "2024-01", 4), 1000)) });
    expect((await runKas(i)).code).toBe(0);
    const before = await loaded(i, "0181");
    // 0128 uploads "0181's" January, and a file of its own with one stray 0181 row
    writeInbox(i.inbox, {
      "0128/stockholm-overwrite.csv": bistandCsv(withAmount(bistandRows("0181", "2024-01", 4), 1)),
      "0128/mixed.csv": bistandCsv([...bistandRows("0128", "2024-01", 3), ...bistandRows("0181", "2024-01", 1, 50)])
    });
    const r = await runKas(i);
    expect(r.code).toBe(1);
    expect(r.summary!.files.rejected.map((f) => [f.file, f.findings.filter((x) => x.severity === "FATAL").map((x) => x.code)[0]]).sort()).toEqual([
      ["0128/mixed.csv", "wrong_municipality"],
      ["0128/stockholm-overwrite.csv", "wrong_municipality"]
    ]);
    expect(await loaded(i, "0181")).toEqual(before);
    expect(await loaded(i, "0128")).toEqual([]);
    expect(await query(i.db, "SELECT count(*)::INTEGER AS n FROM replacements")).toEqual([{ n: 0 }]);
  });
});

describe("file names are never paths, links are not followed", () => {
  const i = fresh("names");
  const outside = join(i.root, "outside");
  const evil = "0180/%2e%2e%2f%2e%2e%2fetc%2fpasswd.csv";
  const script = "0180/a\nb<script>alert(1)<\\script>.csv";
  const backslash = "0180/x..\\..\\evil.csv";
  const bidi = "0180/rapport\u202Evsc.exe.csv";
  const bad = (n: number) => bistandCsv(bistandRows("0180", "2024-07", 2).map((r) => ({ ...r, gender: String(n) })));
  let r: Awaited<ReturnType<typeof runKas>>;
  let before: string[];

  beforeAll(async () => {
    writeInbox(outside, { "secret.csv": bistandCsv(bistandRows("0128", "2024-09", 4)), "0119/x.csv": bistandCsv(bistandRows("0119", "2024-09", 4)) });
    writeInbox(i.inbox, {
      "0128/ok.csv": bistandCsv(bistandRows("0128", "2024-01", 4)),
      "0180/..%2F..%2Fetc": bad(7),
      [evil]: bad(3),
      [script]: bad(4),
      [backslash]: bad(5),
      [bidi]: bad(8),
      "misc/readme.csv": bad(6)
    });
    symlinkSync(join(outside, "secret.csv"), join(i.inbox, "0128", "link.csv"));
    symlinkSync(join(outside, "0119"), join(i.inbox, "0119"));
    before = filesUnder(i.root).filter((p) => !p.startsWith(i.state + "/") && !p.startsWith(i.site));
    r = await runKas(i);
  });

  it("skips symbolic links, hidden files and loose folders, and says so", async () => {
    expect(r.code).toBe(1);
    expect(r.summary!.files.ignored).toEqual(
      expect.arrayContaining([
        { file: "0119", reason: expect.stringMatching(/kommunmapp/) },
        { file: "0128/link.csv", reason: expect.stringMatching(/symbolisk länk/) },
        { file: "0180/..%2F..%2Fetc", reason: expect.stringMatching(/dold fil/) },
        { file: "misc", reason: expect.stringMatching(/kommunmapp/) }
      ])
    );
    expect(r.summary!.files.accepted.map((f) => f.file)).toEqual(["0128/ok.csv"]);
    expect(await query(i.db, "SELECT DISTINCT municipality, strftime(month, '%Y-%m') AS m FROM bistand")).toEqual([{ municipality: "0128", m: "2024-01" }]);
    const archived = readManifest(join(i.state, "archive")).map((e) => e.sha256);
    expect(archived).not.toContain(sha256(readFileSync(join(outside, "secret.csv"))));
    expect(archived).not.toContain(sha256(bad(7)));
    expect(archived).toHaveLength(5);
  });

  it("keeps rejected files with odd names inside quarantine/<municipality>/ under safe names", () => {
    const q = join(i.state, "quarantine");
    expect(readdirSync(q)).toEqual(["0180"]);
    const names = readdirSync(join(q, "0180"));
    expect(names).toHaveLength(8);
    for (const n of names) expect(n).toMatch(/^[0-9a-f]{12}-[\p{L}\p{N}._ -]+$/u);
    for (const f of r.summary!.files.rejected) expect(realpathSync(f.quarantined!).startsWith(realpathSync(join(q, "0180")) + "/")).toBe(true);
    // nothing was written anywhere else: outside the state folder and the site, the tree is as it was
    expect(filesUnder(i.root).filter((p) => !p.startsWith(i.state + "/") && !p.startsWith(i.site))).toEqual(before);
    expect(existsSync(join(i.state, "etc"))).toBe(false);
  });

  it("shows the names escaped: no raw line break in the summary, the text output or the reason file", () => {
    const shown = r.summary!.files.rejected.map((f) => f.file).sort();
    expect(shown).toEqual(
      ["0180/%2e%2e%2f%2e%2e%2fetc%2fpasswd.csv", "0180/x..\\..\\evil.csv", "0180/a\\nb<script>alert(1)<\\script>.csv", "0180/rapport\\u{202e}vsc.exe.csv"].sort()
    );
    for (const f of r.summary!.files.rejected) for (const x of f.findings) expect(x.file).toBe(f.file);
    const text = formatRunSummary(r.summary!);
    expect(text).toContain("  0180/a\\nb<script>alert(1)<\\script>.csv: avvisad");
    expect(text).toContain("  0180/rapport\\u{202e}vsc.exe.csv: avvisad");
    expect(text).not.toMatch(/\u202e/);
    for (const line of text.split("\n")) expect(line.startsWith("b<script>")).toBe(false);
    const reasonOf = (f: string) => readFileSync(`${r.summary!.files.rejected.find((x) => x.file === f)!.quarantined}.reason.txt`, "utf8");
    expect(reasonOf("0180/a\\nb<script>alert(1)<\\script>.csv").split("\n")[0]).toBe("Filen 0180/a\\nb<script>alert(1)<\\script>.csv avvisades 2026-01-15T01:00:00.000Z.");
    // the published quality page escapes the name as HTML
    const quality = readFileSync(join(i.site, "quality.html"), "utf8");
    expect(quality).not.toContain("<script>alert(1)");
    expect(quality).toContain("&lt;script&gt;alert(1)&lt;\\script&gt;");
  });
});
