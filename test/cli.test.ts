// The command line of contract §9: `kas run` with no options on the bundled samples (the real
// command, in a child process), `kas status`, `kas validate`, --json, and the exit codes 0 / 1 / 2 / 3
// (3: the run failed and the published database and reports are as they were).
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot, samplesDir } from "../pipeline/system/paths.js";
import type { Status } from "../pipeline/status.js";
import type { ValidatedFile } from "../pipeline/validate.js";
import { bistandCsv, bistandRows } from "./helpers/extract.js";
import { cleanup, cliPath, filesUnder, install, kas, mode, query, runKas, sha256, spawnKas, tempDir, testKey, writeInbox } from "./helpers/kas.js";

const dirs: string[] = [];
const temp = (name: string) => {
  const d = tempDir(`cli-${name}`);
  dirs.push(d);
  return d;
};
afterAll(() => cleanup(...dirs));

const sample = (rel: string) => join(samplesDir, "inbox", rel);
/** Data rows of a sample CSV (no sample has line breaks inside fields). */
const sampleRows = (rel: string) => readFileSync(sample(rel), "latin1").trim().split("\n").length - 1;
const sv = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/** The months (YYYY-MM) in the second column of a sample CSV: every sample has its month there. */
function sampleMonths(rel: string): string[] {
  const [head, ...lines] = readFileSync(sample(rel), "latin1").trim().split(/\r?\n/);
  const d = head.includes(";") ? ";" : ",";
  return [...new Set(lines.map((l) => l.split(d)[1]).map((m) => (m.length === 6 ? `${m.slice(0, 4)}-${m.slice(4)}` : m)))].sort();
}

describe("kas run with no options, on the bundled samples", () => {
  let cwd: string;
  let res: { code: number | null; stdout: string; stderr: string };
  let started: number;

  beforeAll(async () => {
    expect(existsSync(cliPath), "build first: npx tsc -p tsconfig.json").toBe(true);
    cwd = temp("samples");
    started = Date.now();
    res = await spawnKas(["run"], { cwd, env: {} });
  }, 180_000);

  it("reads data-samples/inbox and publishes to out/site beside out/kas.duckdb, exit 0", () => {
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^kas run nr 1: \d{1,2} [a-z]+ \d{4} kl\. \d\d:\d\d$/m);
    expect(res.stdout).toContain(`Inkorg: ${join(samplesDir, "inbox")}`);
    expect(res.stdout).toMatch(/^Inlästa filer: 19$/m);
    expect(res.stdout).toMatch(/^Avvisade filer: 0$/m);
    for (const f of ["index.html", "quality.html", "all.html", "data/all.csv", "run.json"]) expect(existsSync(join(cwd, "out/site", f)), f).toBe(true);
    expect(existsSync(join(cwd, "out/kas.duckdb"))).toBe(true);
    expect(readdirSync(join(cwd, "out/archive")).filter((d) => /^[0-9a-f]{2}$/.test(d)).length).toBeGreaterThan(0);
    expect(existsSync(join(cwd, "out/logs"))).toBe(true);
  });

  it("creates the pseudonymisation key beside the database, readable by its owner only", () => {
    const key = join(cwd, "out/kas.key");
    expect(readFileSync(key, "utf8")).toMatch(/^[0-9a-f]{64}\n$/);
    expect(mode(key).toString(8)).toBe("600");
  });

  it("a second run with nothing new changes nothing and prints one JSON document with --json", async () => {
    const db = join(cwd, "out/kas.duckdb");
    const before = sha256(readFileSync(db));
    const r = await kas(["run", "--db", db, "--out", join(cwd, "out/site"), "--json"], { env: {} });
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({ outcome: "unchanged", exitCode: 0, inbox: join(samplesDir, "inbox"), files: { unchanged: 19 } });
    expect(sha256(readFileSync(db))).toBe(before);
  });

  it("kas status lists per municipality and kind the months covered, the files and when they were read", async () => {
    const db = join(cwd, "out/kas.duckdb");
    const r = await kas(["status", "--db", db, "--json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Status;
    expect(s.exists).toBe(true);
    expect(s.municipalities.map((m) => m.municipality)).toEqual(["0120", "0128", "0181", "0182", "0183", "0192"]);
    const kind = (m: string, k: string) => s.municipalities.find((x) => x.municipality === m)!.kinds.find((x) => x.kind === k)!;
    for (const m of ["0120", "0128", "0181", "0182", "0192"]) {
      const months = [...new Set([...sampleMonths(`${m}/bistand-2024.csv`), ...sampleMonths(`${m}/bistand-2025.csv`)])].sort();
      expect(kind(m, "bistand").months, m).toEqual(months);
      expect(kind(m, "bistand")).toMatchObject({ from: "2024-01", to: "2025-12" });
    }
    expect(s.municipalities.find((m) => m.municipality === "0120")!.name).toBe("Värmdö");
    // 0120's correction replaced March–May of bistand-2025.csv: all three files are listed, in the order first seen
    const b0120 = kind("0120", "bistand");
    expect(b0120.files.map((f) => f.name)).toEqual(["bistand-2024.csv", "bistand-2025.csv", "bistand-2025_rattelse-03-05.csv"]);
    expect(b0120.files.reduce((n, f) => n + f.rows, 0)).toBe(b0120.rows);
    const [{ n }] = await query<{ n: number }>(db, "SELECT count(*)::INTEGER AS n FROM bistand WHERE municipality = '0120'");
    expect(b0120.rows).toBe(n);
    expect(kind("0183", "insats").files.map((f) => f.name)).toEqual(["insats-2025-12-31.xlsx"]);
    for (const m of s.municipalities) {
      for (const k of m.kinds) {
        for (const f of k.files) {
          const t = Date.parse(f.firstSeen);
          expect(t).toBeGreaterThanOrEqual(started - 1000);
          expect(t).toBeLessThanOrEqual(Date.now());
        }
      }
    }
    expect(s.rejected).toEqual([]);
    const text = await kas(["status", "--db", db]);
    expect(text.stdout).toMatch(/^0120 Värmdö$/m);
    expect(text.stdout).toContain(`\n  bistand  ${sv(b0120.rows)} rader; månader 2024-01 – 2025-12 (24)\n`);
    expect(text.stdout).toMatch(new RegExp(`^ {11}bistand-2025_rattelse-03-05\\.csv: ${sampleRows("0120/bistand-2025_rattelse-03-05.csv")} rader, inläst \\d{1,2} [a-z]+ \\d{4} kl\\. \\d\\d:\\d\\d$`, "m"));
    expect(text.stdout).toMatch(new RegExp(`^  insats   ${sampleRows("0181/insats-2025-12-31.csv")} rader; ögonblicksbild, insatser som startade \\d{4}-\\d\\d – \\d{4}-\\d\\d$`, "m"));
  });
});

describe("exit codes 0 and 1, and kas status on rejected files", () => {
  it("a rejected file gives 1, the rest is published; status lists the rejected file", async () => {
    const i = install(temp("one"));
    writeInbox(i.inbox, {
      "0128/ok.csv": bistandCsv(bistandRows("0128", "2024-01", 5)),
      "0180/bad.csv": bistandCsv(bistandRows("0180", "2024-01", 3).map((r) => ({ ...r, gender: "3", month: "2024-1" })))
    });
    const r = await runKas(i);
    expect(r.code).toBe(1);
    expect(r.summary).toMatchObject({ exitCode: 1, outcome: "published", files: { accepted: [{ file: "0128/ok.csv" }], rejected: [{ file: "0180/bad.csv" }] } });
    const s = JSON.parse((await kas(["status", "--db", i.db, "--json"])).stdout) as Status;
    expect(s.municipalities).toEqual([
      { municipality: "0128", name: "Salem", kinds: [{ kind: "bistand", rows: 5, months: ["2024-01"], from: "2024-01", to: "2024-01", files: [{ name: "ok.csv", firstSeen: "2026-01-15T02:00:00+01:00", rows: 5 }] }] }
    ]);
    expect(s.rejected).toEqual([{ file: "0180/bad.csv", firstSeen: "2026-01-15T02:00:00+01:00", errors: 6 }]);
    expect(s.lastRun).toEqual({ runId: 1, startedAt: "2026-01-15T02:00:00+01:00", finishedAt: "2026-01-15T02:00:00+01:00" });
    expect((await kas(["status", "--db", i.db])).stdout).toMatch(/Senaste körning: nr 1, 15 januari 2026 kl\. 02:00\n[^]*Avvisade filer:\n {2}0180\/bad\.csv \(15 januari 2026 kl\. 02:00\): 6 fel/);
    // a second run: nothing new, exit 0 even though the rejected file is still in the inbox
    expect((await runKas(i)).code).toBe(0);
  });

  it("kas status without a database says so, exit 0", async () => {
    const db = join(temp("nodb"), "none.duckdb");
    const r = await kas(["status", "--db", db, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ database: db, exists: false, lastRun: null, municipalities: [], rejected: [] });
    expect((await kas(["status", "--db", db])).stdout).toContain("Ingen databas ännu");
    expect(existsSync(db)).toBe(false);
  });
});

describe("kas validate", () => {
  let dir: string;
  let home: string;
  beforeAll(() => {
    dir = temp("validate");
    home = process.cwd();
    writeInbox(dir, {
      "loose/numeric.csv": readFileSync(sample("0192/bistand-2024.csv")),
      "0180/bad.csv": bistandCsv(
        bistandRows("0180", "2024-03", 4).map((r, k) => (k === 0 ? { ...r, gender: "Q" } : k === 2 ? { ...r, month: "2024-3" } : k === 3 ? { ...r, birth_year: "19x0" } : r))
      )
    });
    process.chdir(dir); // kas validate resolves names from the working directory, and must leave it as it was
  });
  afterAll(() => process.chdir(home));

  it("accepts the bundled samples with the profile of their folder: exit 0", async () => {
    const files = ["0181/bistand-2024.csv", "0192/insats-2025-12-31.csv", "0183/insats-2025-12-31.xlsx", "0182/bistand-2025.csv"].map(sample);
    const r = await kas(["validate", ...files, "--json"]);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout).files as ValidatedFile[];
    expect(v.map((f) => [f.valid, f.kind, f.profile, f.encoding])).toEqual([
      [true, "bistand", "case-system-sv", "windows-1252"],
      [true, "insats", "numeric-codes", "utf-8"],
      [true, "insats", null, "xlsx"],
      [true, "bistand", null, "utf-8"]
    ]);
    expect(v[0].rows).toBe(sampleRows("0181/bistand-2024.csv"));
    expect(v.map((f) => f.delimiter)).toEqual([";", ",", null, ";"]);
  });

  it("uses --profile for a file outside a municipality folder", async () => {
    const without = await kas(["validate", "loose/numeric.csv", "--json"]);
    expect(without.code).toBe(1);
    expect(JSON.parse(without.stdout).files[0].findings[0]).toMatchObject({ code: "unknown_kind", line: 1, file: "loose/numeric.csv" });
    const withProfile = await kas(["validate", "loose/numeric.csv", "--profile", "numeric-codes"]);
    expect(withProfile.code).toBe(0);
    expect(withProfile.stdout.split("\n")[0]).toBe(`loose/numeric.csv: godkänd — bistand, utf-8, avgränsare ",", profil numeric-codes, ${sv(sampleRows("0192/bistand-2024.csv"))} rader`);
  });

  it("lists every failing row (kas run keeps 20 per rule with a count): 30 unknown genders, 30 findings", async () => {
    writeFileSync(join(dir, "0180/many.csv"), bistandCsv(bistandRows("0180", "2024-05", 30).map((r, k) => ({ ...r, gender: `G${k}` }))));
    const r = await kas(["validate", "0180/many.csv", "--json"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings as { code: string; line: number; value: string; count: number | null }[];
    expect(findings.map((f) => [f.code, f.line, f.value])).toEqual(Array.from({ length: 30 }, (_, k) => ["unknown_code", k + 2, `G${k}`]));
    const text = await kas(["validate", "0180/many.csv"]);
    expect(text.stdout.split("\n")[0]).toBe("0180/many.csv: avvisas (30 fel) — bistand, utf-8, avgränsare \",\", 30 rader");
    expect(text.stdout).toContain('0180/many.csv:31: ERROR [unknown_code] gender = "G29"');
    expect(text.stdout).not.toContain("Samma fel på ytterligare");
  });

  it("a profile's date format takes a value only as the format writes it: 20241 is no %Y%m month", async () => {
    const lines = readFileSync(sample("0192/bistand-2024.csv"), "utf8").split("\n");
    lines[1] = lines[1].replace(",202401,", ",20241,");
    lines[2] = lines[2].replace(",202401,", ",2024011,");
    writeFileSync(join(dir, "loose/short-period.csv"), lines.join("\n"));
    const r = await kas(["validate", "loose/short-period.csv", "--profile", "numeric-codes", "--json"]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout).files[0].findings as { code: string; line: number; value: string }[];
    expect(findings.filter((f) => f.code === "invalid_month").map((f) => [f.line, f.value])).toEqual([[2, "20241"], [3, "2024011"]]);
  });

  it("prints every problem, exit 1, and writes no database or anything else", async () => {
    const before = filesUnder(dir).sort();
    const r = await kas(["validate", "0180/bad.csv"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n")[0]).toBe("0180/bad.csv: avvisas (3 fel) — bistand, utf-8, avgränsare \",\", 4 rader");
    expect(r.stdout).toContain('0180/bad.csv:2: ERROR [unknown_code] gender = "Q": "Q" är ingen känd kod för gender. Giltiga koder: K, M.');
    expect(r.stdout).toContain('0180/bad.csv:4: ERROR [invalid_month] month = "2024-3": "2024-3" är ingen giltig månad. Skriv ÅÅÅÅ-MM, t.ex. 2024-03.');
    expect(r.stdout).toContain('0180/bad.csv:5: ERROR [invalid_year] birth_year = "19x0"');
    const json = await kas(["validate", "0180/bad.csv", "--json"]);
    expect(JSON.parse(json.stdout).files[0].findings.map((f: { line: number }) => f.line)).toEqual([2, 4, 5]);
    expect(filesUnder(dir).sort()).toEqual(before);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("wrong usage is exit 2: a missing file, an unknown profile, no file", async () => {
    const missingJson = await kas(["validate", "0180/nope.csv", "--json"]);
    expect(missingJson.code).toBe(2);
    expect(JSON.parse(missingJson.stdout)).toEqual({ outcome: "usage", exitCode: 2, error: "filen finns inte: 0180/nope.csv" });
    const missing = await kas(["validate", "0180/nope.csv"]);
    expect(missing).toMatchObject({ code: 2, stdout: "" });
    expect(missing.stderr).toContain("kas: filen finns inte: 0180/nope.csv");
    const folder = await kas(["validate", "0180"]);
    expect(folder).toMatchObject({ code: 2, stdout: "" });
    expect(folder.stderr).toContain("kas: 0180 är en mapp: ange filerna, till exempel 0180/*.csv");
    const profile = await kas(["validate", "0180/bad.csv", "--profile", "nope"]);
    expect(profile.code).toBe(2);
    expect(profile.stderr).toMatch(/okänd profil: nope \(finns: case-system-sv, numeric-codes\)/);
    const none = await kas(["validate"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("kas: För få argument: 0 angivna, minst 1 behövs");
    const unknown = await kas(["validate", "0180/bad.csv", "--bogus"]);
    expect(unknown).toMatchObject({ code: 2, stdout: "" });
    expect(unknown.stderr).toContain("kas: Okänd flagga eller okänt argument: bogus");
  });
});

describe("usage errors: exit 2", () => {
  it.each([
    ["an unknown command", ["frobnicate"]],
    ["no command", []],
    ["an unknown option", ["run", "--bogus"]],
    ["a bad option value", ["run", "--threshold", "0"]],
    ["a bad memory limit", ["run", "--memory-limit", "lots"]]
  ])("%s", async (_, args) => {
    const dir = temp("usage");
    const r = await kas([...args, "--db", join(dir, "kas.duckdb"), "--out", join(dir, "site")]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^kas: /);
    expect(r.stderr).toContain("Kör kas --help för hjälp.");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("an --inbox that does not exist, or is a file: nothing is created", async () => {
    const dir = temp("usage-inbox");
    const file = join(dir, "inbox.csv");
    writeFileSync(file, "x\n");
    for (const [inbox, says] of [[join(dir, "nope"), "finns inte"], [file, "är ingen mapp"]]) {
      const r = await kas(["run", "--inbox", inbox, "--db", join(dir, "state", "kas.duckdb"), "--out", join(dir, "site")]);
      expect(r).toMatchObject({ code: 2, stdout: "" });
      expect(r.stderr).toContain(`kas: inkorgen ${inbox} ${says}`);
      expect(r.stderr).toContain("--inbox");
      expect(readdirSync(dir)).toEqual(["inbox.csv"]);
    }
  });
});

describe("exit 3: the run failed and nothing was published", () => {
  const i = install(temp("fail"));
  let site: string;
  let db: string;

  beforeAll(async () => {
    writeInbox(i.inbox, { "0128/a.csv": bistandCsv(bistandRows("0128", "2024-01", 5)) });
    expect((await runKas(i)).code).toBe(0);
    writeInbox(i.inbox, { "0128/b.csv": bistandCsv(bistandRows("0128", "2024-02", 5)) });
    site = readFileSync(join(i.site, "run.json"), "utf8");
    db = sha256(readFileSync(i.db));
  });

  const unchanged = () => {
    expect(readFileSync(join(i.site, "run.json"), "utf8")).toBe(site);
    expect(sha256(readFileSync(i.db))).toBe(db);
    expect(readdirSync(join(i.state, "archive")).filter((d) => /^[0-9a-f]{2}$/.test(d))).toHaveLength(1);
  };

  it("an unreadable --key-file (open to others)", async () => {
    const key = join(i.root, "open.key");
    writeFileSync(key, `${testKey}\n`);
    chmodSync(key, 0o644);
    const r = await runKas(i, ["--key-file", key], { env: {} });
    expect(r.code).toBe(3);
    // --json: the failure is one JSON document on standard output, the text on standard error
    expect(JSON.parse(r.stdout)).toEqual({ outcome: "failed", exitCode: 3, error: expect.stringContaining(`chmod 600 ${key}`) });
    expect(r.stdout).not.toContain(testKey);
    expect(r.stderr).toContain("körningen misslyckades och ingenting publicerades");
    expect(r.stderr).toContain(`chmod 600 ${key}`);
    expect(r.stderr).not.toContain(testKey);
    unchanged();
  });

  it("a --key-file that does not exist, or a malformed KAS_KEY", async () => {
    expect((await runKas(i, ["--key-file", join(i.root, "missing.key")], { env: {} })).code).toBe(3);
    const bad = await runKas(i, [], { env: { KAS_KEY: "0123" } });
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/exakt 64 hexadecimala tecken/);
    unchanged();
  });

  it("a broken profile in schemas/profiles (the real command, from a copy of the package)", async () => {
    const pkg = temp("pkg");
    cpSync(join(packageRoot, "package.json"), join(pkg, "package.json"));
    for (const d of ["dist/pipeline", "dist/reports", "sql", "schemas", "data-samples/inbox/0128"]) cpSync(join(packageRoot, d), join(pkg, d), { recursive: true });
    symlinkSync(join(packageRoot, "node_modules"), join(pkg, "node_modules"));
    writeFileSync(
      join(pkg, "schemas/profiles/broken.json"),
      JSON.stringify({ name: "broken", description: "x", municipalities: ["0128"], columns: { kon: "sex" } })
    );
    mkdirSync(join(pkg, "work"));
    const validate = await spawnKas(["validate", join(pkg, "data-samples/inbox/0128/bistand-2024.csv")], { cwd: join(pkg, "work"), env: {}, cli: join(pkg, "dist/pipeline/cli.js") });
    expect(validate.code).toBe(3);
    expect(validate.stderr).toMatch(/invalid profile .*broken\.json: column "kon" maps to sex, which is not a contract column/);
    const run = await spawnKas(["run", "--json"], { cwd: join(pkg, "work"), env: { KAS_KEY: testKey }, cli: join(pkg, "dist/pipeline/cli.js") });
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout)).toMatchObject({ outcome: "failed", exitCode: 3 });
    expect(run.stderr).toMatch(/ingenting publicerades/);
    expect(existsSync(join(pkg, "work/out/kas.duckdb"))).toBe(false);
    expect(existsSync(join(pkg, "work/out/site"))).toBe(false);
  }, 60_000);
});

it("dist/pipeline/cli.js is the bin of the package", () => {
  expect(JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")).bin).toEqual({ kas: "dist/pipeline/cli.js" });
  expect(readFileSync(cliPath, "utf8").startsWith("#!/usr/bin/env node")).toBe(true);
  expect(statSync(cliPath).isFile()).toBe(true);
});
