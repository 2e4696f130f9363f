// The command line of contract §9: `kas run` with no options on the bundled samples (the real
// command, in a child process), `kas status`, `kas validate`, --json, and the exit codes 0 / 1 / 2 / 3
// (3: the run failed and the published database and reports are as they were); the commands, help and
// --version; findings and the run summary as the terminal and the quarantine show them.
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot, samplesDir } from "../pipeline/system/paths.js";
import type { Status } from "../pipeline/status.js";
import type { ValidatedFile } from "../pipeline/validate.js";
import { formatFinding, type Finding } from "../pipeline/contract/finding.js";
import { entries, severities } from "../pipeline/contract/findings.js";
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
    expect(res.stdout).toMatch(/^Inlästa filer: 35$/m);
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
    expect(s).toMatchObject({ outcome: "unchanged", exitCode: 0, inbox: join(samplesDir, "inbox"), files: { unchanged: 35 } });
    expect(sha256(readFileSync(db))).toBe(before);
  });

  it("kas status lists per municipality and kind the months covered, the files and when they were read", async () => {
    const db = join(cwd, "out/kas.duckdb");
    const r = await kas(["status", "--db", db, "--json"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Status;
    expect(s.exists).toBe(true);
    expect(s.municipalities.map((m) => m.municipality)).toEqual(["0120", "0128", "0181", "0182", "0183", "0192", "network"]);
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
    // … with a hint naming the profile whose columns the header has (issue 12)
    expect(JSON.parse(without.stdout).files[0].findings[1]).toMatchObject({ severity: "INFO", code: "profile_fits", params: { profile: "numeric-codes", matched: 10, columns: 10 } });
    const hint = await kas(["validate", "loose/numeric.csv"]);
    expect(hint.stdout).toContain("loose/numeric.csv:1: INFORMATION – kolumnerna liknar en profil: Kolumnerna liknar profilen numeric-codes (10 av 10 kolumner): prova --profile numeric-codes.");
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
    expect(text.stdout).toContain('0180/many.csv:31: FEL – okänd kod: gender = "G29"');
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
    expect(r.stdout).toContain('0180/bad.csv:2: FEL – okänd kod: gender = "Q": "Q" är ingen känd kod för gender. Giltiga koder: K, M.');
    expect(r.stdout).toContain('0180/bad.csv:4: FEL – ogiltig månad: month = "2024-3": "2024-3" är ingen giltig månad. Skriv ÅÅÅÅ-MM, t.ex. 2024-03.');
    expect(r.stdout).toContain('0180/bad.csv:5: FEL – ogiltigt födelseår: birth_year = "19x0"');
    // the English codes and severities are for --json readers only
    expect(r.stdout).not.toMatch(/\b(FATAL|ERROR|WARNING|INFO)\b|\[[a-z_]+\]|unknown_code|invalid_month/);
    const json = await kas(["validate", "0180/bad.csv", "--json"]);
    expect(JSON.parse(json.stdout).files[0].findings.map((f: { line: number; severity: string; code: string }) => [f.line, f.severity, f.code])).toEqual([
      [2, "ERROR", "unknown_code"],
      [4, "ERROR", "invalid_month"],
      [5, "ERROR", "invalid_year"]
    ]);
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
    expect(profile.stderr).toMatch(/okänd profil: nope \(finns: case-system-sv, kostra-no, numeric-codes\)/);
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

describe("the commands, help and --version", () => {
  const commands = ["run", "validate", "status", "rebuild"];
  /** Each command on a line of its own, with a description on the same line. */
  const listsEveryCommand = (text: string) => {
    for (const c of commands) expect(text, c).toMatch(new RegExp(`^ {2}kas ${c}\\b.*\\s{2}\\p{L}`, "mu"));
  };

  it("kas with no command lists every command, rebuild too: exit 2", async () => {
    const r = await kas([]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^kas: ange ett kommando\n/);
    listsEveryCommand(r.stderr);
  });

  it("an unknown command is called an unknown command, in Swedish, with the list of commands: exit 2", async () => {
    const r = await kas(["frobnicate"]);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^kas: okänt kommando: frobnicate\n/);
    expect(r.stderr).not.toMatch(/flagga|argument|Unknown/);
    listsEveryCommand(r.stderr);
    expect(r.stderr).toContain("Kör kas --help för hjälp.");
    const json = await kas(["frobnicate", "--json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ outcome: "usage", exitCode: 2, error: "okänt kommando: frobnicate" });
    // an extra word after a command is no unknown command
    const extra = await kas(["status", "frobnicate"]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).not.toContain("okänt kommando");
  });

  it("kas --version prints the version of package.json, exit 0 (in-process and the built command)", async () => {
    const { version } = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
    expect(await kas(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
    const built = await spawnKas(["--version"], { cwd: temp("version"), env: {} });
    expect(built).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("kas --help lists every command with a description, examples and the exit codes, in Swedish", async () => {
    const r = await kas(["--help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Kommandon:$/m);
    listsEveryCommand(r.stdout);
    expect(r.stdout).toMatch(/^Exempel:\n {2}kas run --inbox \/srv\/kas\/inbox --out \/srv\/kas\/site$/m);
    expect(r.stdout).toMatch(/^Slutkoder:\n {2}0 {2}allt godkänt\n {2}1 {2}minst en fil avvisades; resten lästes in och publicerades\n {2}2 {2}fel användning[^\n]*\n {2}3 {2}körningen misslyckades och inget publicerades/m);
    expect(r.stdout).toMatch(/--version +visa /);
  });

  it.each([
    ["run", ["kas run --inbox /srv/kas/inbox --out /srv/kas/site", "kas run --json"], ["0", "1", "2", "3"]],
    ["validate", ["kas validate 0181/bistand-2025.csv", "kas validate export.csv --profile case-system-sv"], ["0", "1", "2", "3"]],
    ["status", ["kas status", "kas status --db /var/lib/kas/kas.duckdb --json"], ["0", "2", "3"]],
    ["rebuild", ["kas rebuild", "kas rebuild --db /var/lib/kas/kas.duckdb --out /srv/kas/site"], ["0", "1", "2", "3"]]
  ])("kas %s --help: its examples and exit codes, Swedish only, within 80 columns", async (command, examples, exitCodes) => {
    const r = await kas([command, "--help"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const help = r.stdout;
    expect(help.split("\n")[0]).toMatch(new RegExp(`^kas ${command}\\b`));
    const [, exampleBlock] = /^Exempel:\n((?: {2}.*\n)+)/m.exec(help)!;
    for (const e of examples) expect(exampleBlock.split("\n"), e).toContain(`  ${e}`);
    const [, codeBlock] = /^Slutkoder:\n((?: {2}\d {2}.*\n?)+)/m.exec(help)!;
    expect(codeBlock.trim().split("\n").map((l) => l.trim()[0])).toEqual(exitCodes);
    // yargs' own words are translated (its defaults would be Options:, Show help, [boolean], default: …)
    expect(help).not.toMatch(/Options:|Commands:|Examples:|Positionals:|Show help|Show version|\[(boolean|string|number|array|required)\]|default:/);
    for (const line of help.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("the built command prints help on standard output, exit 0", async () => {
    const r = await spawnKas(["run", "--help"], { cwd: temp("help"), env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kas run --inbox /srv/kas/inbox --out /srv/kas/site");
    expect(r.stdout).toMatch(/^Slutkoder:$/m);
    expect(r.stderr).toBe("");
  });
});

describe("findings as people read them: Swedish severity and title, the English code only in --json", () => {
  const at = (severity: Finding["severity"], code: string): Finding => ({ severity, code, file: "0181/x.csv", line: 12, column: "gender", value: "3", message: "Meddelandet." });

  it("one line per finding: file:line: SEVERITY – title: column = value: message", () => {
    expect(formatFinding(at("ERROR", "unknown_code"))).toBe('0181/x.csv:12: FEL – okänd kod: gender = "3": Meddelandet.');
    expect(formatFinding({ ...at("FATAL", "empty_file"), line: null, column: null, value: null })).toMatch(/^0181\/x\.csv: KAN INTE LÄSAS – filen är tom: Meddelandet\.$/);
    expect(formatFinding({ ...at("ERROR", "unknown_code"), value: null })).toBe("0181/x.csv:12: FEL – okänd kod: gender: Meddelandet.");
    expect(formatFinding({ ...at("ERROR", "unknown_code"), count: 7 })).toBe('0181/x.csv:12: FEL – okänd kod: gender = "3": Meddelandet. (7 rader)');
  });

  it("every code of the catalogue: its Swedish severity word and title, never its English code or severity", () => {
    const words = new Set<string>();
    for (const e of entries) {
      const line = formatFinding(at(e.severity, e.code));
      const word = severities[e.severity].label.sv.toLocaleUpperCase("sv");
      words.add(word);
      expect(line, e.code).toContain(`: ${word} – `);
      expect(line.toLocaleLowerCase("sv"), e.code).toContain(e.title.sv.toLocaleLowerCase("sv"));
      expect(line, e.code).not.toContain(e.code);
      expect(line, e.code).not.toMatch(/\b(FATAL|ERROR|WARNING|INFO)\b/);
    }
    expect(words.size).toBeGreaterThanOrEqual(3);
  });
});

describe("kas run in the terminal: per municipality, rejected files still in the inbox, Swedish findings", () => {
  let i: ReturnType<typeof install>;
  let r: Awaited<ReturnType<typeof kas>>;
  const t0 = Date.parse("2026-01-10T12:00:00Z");

  beforeAll(async () => {
    i = install(temp("text"));
    // first seen (oldest first): 0180/late.csv is seen between 0128's two files
    writeInbox(
      i.inbox,
      {
        "0128/b-first.csv": bistandCsv(bistandRows("0128", "2024-01", 5)),
        "0180/bad.csv": bistandCsv(bistandRows("0180", "2024-01", 3).map((x, k) => (k === 1 ? { ...x, gender: "3" } : x))),
        "0180/a-ok.csv": bistandCsv(bistandRows("0180", "2024-02", 4)),
        "0128/a-second.csv": bistandCsv(bistandRows("0128", "2024-02", 6)),
        "stray.csv": "x\n"
      },
      { "0128/b-first.csv": t0, "0180/bad.csv": t0 + 1000, "0180/a-ok.csv": t0 + 2000, "0128/a-second.csv": t0 + 3000, "stray.csv": t0 }
    );
    r = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site]);
  });

  it("groups the files by municipality, in code order, each municipality's files in the order first seen", () => {
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    const index = (prefix: string) => {
      const k = lines.findIndex((l) => l.startsWith(prefix));
      expect(k, prefix).toBeGreaterThan(-1);
      return k;
    };
    expect(lines.slice(2, 4)).toEqual(["Inlästa filer: 3", "Avvisade filer: 1"]);
    const inOrder = (...prefixes: string[]) => {
      const at = prefixes.map(index);
      expect(at).toEqual([...at].sort((a, b) => a - b));
    };
    inOrder("0128 Salem", "  0128/b-first.csv: bistand, 5 rader inlästa av 5", "  0128/a-second.csv: bistand, 6 rader inlästa av 6", "0180 Stockholm", "  0180/a-ok.csv:", "Utanför kommunmapparna", "  stray.csv: hoppades över");
    inOrder("0180 Stockholm", "  0180/bad.csv: avvisad (1 fel)", "Utanför kommunmapparna");
  });

  it("says the rejected file stays in the inbox and a copy is in quarantine, and lists its findings in Swedish", () => {
    expect(r.stdout).not.toContain("flyttad");
    expect(r.stdout).toContain("  0180/bad.csv: avvisad (1 fel); filen ligger kvar i inkorgen\n    en kopia finns i karantän");
    expect(existsSync(join(i.inbox, "0180/bad.csv"))).toBe(true);
    expect(r.stdout).toMatch(/^ {4}0180\/bad\.csv:3: FEL – okänd kod: gender = "3": "3" är ingen känd kod för gender\./m);
    expect(r.stdout).not.toMatch(/\b(FATAL|ERROR|WARNING)\b|\[unknown_code\]/);
  });

  it("writes the reason file in quarantine with the same Swedish lines", () => {
    const copy = /en kopia finns i karantän[^:]*: (\S+)$/m.exec(r.stdout)![1];
    expect(readFileSync(copy, "utf8")).toBe(readFileSync(join(i.inbox, "0180/bad.csv"), "utf8"));
    const reason = readFileSync(`${copy}.reason.txt`, "utf8");
    expect(reason).toMatch(/^0180\/bad\.csv:3: FEL – okänd kod: gender = "3": "3" är ingen känd kod för gender\./m);
    expect(reason).not.toMatch(/\b(FATAL|ERROR|WARNING|INFO)\b|unknown_code/);
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

describe("the run summary names what a file replaced", () => {
  it("says which months a correction replaced, from which file, in the terminal and in --json", async () => {
    const root = tempDir("cli-replaced");
    dirs.push(root);
    const i = install(root);
    const year = (n: number) => bistandRows("0128", "2024-01", 5).flatMap((r) => ["01", "02", "03", "04"].map((m) => ({ ...r, month: `2024-${m}`, amount_sek: String(n) })));
    const march = (n: number) => bistandRows("0128", "2024-03", 5).map((r) => ({ ...r, amount_sek: String(n) }));
    writeInbox(i.inbox, { "0128/year.csv": bistandCsv(year(100)), "0128/march.csv": bistandCsv(march(200)) }, { "0128/year.csv": 1_000, "0128/march.csv": 2_000 });
    const text = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site]);
    expect(text.stdout).toMatch(/0128\/year\.csv: bistand, 15 rader inlästa av 20\n  0128\/march\.csv: bistand, 5 rader inlästa av 5\n    ersatte 2024-03 från year\.csv\n/);
    writeInbox(i.inbox, { "0128/march-again.csv": bistandCsv(march(300)) }, { "0128/march-again.csv": 3_000 });
    const json = await runKas(i);
    expect(json.summary!.files.accepted).toEqual([expect.objectContaining({ file: "0128/march-again.csv", replaced: [{ file: "march.csv", kind: "bistand", months: ["2024-03"], rows: 5 }] })]);
  });
});
