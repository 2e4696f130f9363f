// The command line in the settings' language (contract §12): with `--settings FILE` naming nb or en,
// help, usage errors, problems with the settings file, kas validate, kas status and the summary of
// kas run speak it; without settings (and with a file naming sv) everything stays Swedish, as
// test/cli.test.ts checks. A finding's words (severity, title, message) come from the findings
// catalogue, in the command line's language.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languageOf } from "../pipeline/cli.js";
import { bistandCsv, bistandRows } from "./helpers/extract.js";
import { cleanup, install, kas, tempDir, writeInbox } from "./helpers/kas.js";

let dir: string;
const home = process.cwd();
const settings = (name: string, content: object) => {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(content));
  return file;
};
let nb: string, en: string;

beforeAll(() => {
  dir = tempDir("cli-language");
  nb = settings("nb", { language: "nb" });
  en = settings("en", { language: "en" });
  mkdirSync(join(dir, "0180"));
  // two rows, the second with a gender no code list knows
  writeFileSync(join(dir, "0180/bad.csv"), bistandCsv(bistandRows("0180", "2024-05", 2).map((r, k) => (k === 1 ? { ...r, gender: "3" } : r))));
  process.chdir(dir); // kas validate names files as given, from the working directory
});
afterAll(() => {
  process.chdir(home);
  cleanup(dir);
});

describe("the language of the command line", () => {
  it("is the settings' where --settings names a readable file, else Swedish", () => {
    expect(languageOf(["run", "--settings", nb])).toBe("nb");
    expect(languageOf(["validate", "x.csv", `--settings=${en}`])).toBe("en");
    expect(languageOf(["run"])).toBe("sv");
    expect(languageOf(["run", "--settings", join(dir, "missing.json")])).toBe("sv");
  });

  it("writes help in Norwegian and English, every line within 80 columns", async () => {
    const nbHelp = await kas(["--help", "--settings", nb]);
    expect(nbHelp.stdout).toMatch(/^Kommandoer:$/m);
    expect(nbHelp.stdout).toContain("nattkjøringen: les inn nye filer, publiser rapportene");
    expect(nbHelp.stdout).toMatch(/^Avslutningskoder:$/m);
    for (const command of ["run", "validate", "status", "rebuild"]) {
      for (const file of [nb, en]) {
        const help = (await kas([command, "--help", "--settings", file])).stdout;
        for (const line of help.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
      }
    }
    const enHelp = (await kas(["run", "--help", "--settings", en])).stdout;
    expect(enHelp).toMatch(/^Examples:$/m);
    expect(enHelp).toMatch(/^Exit codes:$/m);
    expect(enHelp).toContain("the nightly run: load new files, publish the reports");
    expect(enHelp).not.toMatch(/Flaggor|Exempel|Slutkoder|visa hjälpen/);
  });

  it("tells wrong usage in the language, exit 2", async () => {
    const unknown = await kas(["bogus", "--settings", nb]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("kas: ukjent kommando: bogus");
    expect(unknown.stderr).toContain("Kjør kas --help for hjelp.");
    const flag = await kas(["run", "--bogus", "--settings", en]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("Run kas --help for help.");
  });

  it("names a bad key of the settings in the language the file asks for, exit 2", async () => {
    const bad = await kas(["run", "--settings", settings("bad-nb", { language: "nb", bogus: 1 })]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("ukjent nøkkel bogus");
    expect(bad.stderr).toContain("Gyldige nøkler: name, language");
    const retention = await kas(["run", "--settings", settings("bad-en", { language: "en", socioeconomic: { horizon_years: 2 } })]);
    expect(retention.code).toBe(2);
    expect(retention.stderr).toContain("socioeconomic.work_retention has 5 values, but horizon_years is 2");
  });

  it("kas validate: the catalogue's English or Norwegian severity, title and message", async () => {
    const english = await kas(["validate", "0180/bad.csv", "--settings", en]);
    expect(english.code).toBe(1);
    expect(english.stdout.split("\n")[0]).toBe('0180/bad.csv: rejected (1 error) — bistand, utf-8, delimiter ",", 2 rows');
    expect(english.stdout).toMatch(/^ {4}0180\/bad\.csv:3: ERROR – unknown code: gender = "3": /m);
    expect(english.stdout).not.toMatch(/okänd|avvisas/);
    const norwegian = await kas(["validate", "0180/bad.csv", "--settings", nb]);
    expect(norwegian.stdout.split("\n")[0]).toBe('0180/bad.csv: avvises (1 feil) — bistand, utf-8, skilletegn ",", 2 rader');
    expect(norwegian.stdout).toMatch(
      /^ {4}0180\/bad\.csv:3: FEIL – ukjent kode: gender = "3": "3" er ingen kjent kode for gender\. Gyldige koder: K, M\. Rett verdien i eksporten, /m
    );
    expect(norwegian.stdout).not.toMatch(/okänd|avvisas|Giltiga|Rätta/);
    const swedish = await kas(["validate", "0180/bad.csv"]);
    expect(swedish.stdout.split("\n")[0]).toBe('0180/bad.csv: avvisas (1 fel) — bistand, utf-8, avgränsare ",", 2 rader');
  });

  it("kas status without a database, in English", async () => {
    const r = await kas(["status", "--db", join(dir, "none.duckdb"), "--settings", en]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`No database yet at ${join(dir, "none.duckdb")}: run kas run first.\n`);
  });
});

describe("kas run's summary in the language", () => {
  const runs: Record<"nb" | "en", string> = { nb: "", en: "" };

  // two files, one of them of over a thousand rows: its count has a thousands separator in the language
  const files = {
    "0181/bistand-2024.csv": bistandCsv([...bistandRows("0181", "2024-03", 700), ...bistandRows("0181", "2024-04", 700)]),
    "0182/bistand-2024.csv": bistandCsv(bistandRows("0182", "2024-03", 20))
  };

  beforeAll(async () => {
    for (const language of ["nb", "en"] as const) {
      const i = install(join(dir, `run-${language}`));
      writeInbox(i.inbox, files);
      const r = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--settings", language === "nb" ? nb : en]);
      expect(r.code, r.stderr).toBe(0);
      runs[language] = r.stdout;
    }
  }, 240_000);

  it("Norwegian: its headings, dates and numbers", () => {
    expect(runs.nb).toMatch(/^kas run nr\. 1: 15\. januar 2026 kl\. 02\.00$/m);
    expect(runs.nb).toMatch(/^Innleste filer: 2$/m);
    expect(runs.nb).toMatch(/^Avviste filer: 0$/m);
    expect(runs.nb).toMatch(/^ {2}0181\/bistand-2024\.csv: bistand, 1 400 rader lest inn av 1 400$/m);
    expect(runs.nb).toMatch(/^Tid: .*innlesing \d+,\d s.*rapporter \d+,\d s/m);
    expect(runs.nb).toMatch(/^Rapportene: /m);
  });

  it("Norwegian: a rejected file's finding with the catalogue's Norwegian title, message and fix", async () => {
    const i = install(join(dir, "run-nb-rejected"));
    writeInbox(i.inbox, { "0180/bad.csv": bistandCsv(bistandRows("0180", "2024-05", 2).map((r, k) => (k === 1 ? { ...r, gender: "3" } : r))) });
    const r = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--settings", nb]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^Avviste filer: 1$/m);
    // the finding's whole line: FEIL (not FEL), the title "Ukjent kode" in the line, the message and its fix in bokmål
    expect(r.stdout).toContain(
      '    0180/bad.csv:3: FEIL – ukjent kode: gender = "3": "3" er ingen kjent kode for gender. Gyldige koder: K, M. ' +
        "Rett verdien i eksporten, eller beskriv kommunens egne koder i en profil i schemas/profiles/.\n"
    );
    expect(r.stdout).not.toMatch(/okänd|Giltiga|Rätta|FEL –/);
  }, 120_000);

  it("English: its headings, dates and numbers", () => {
    expect(runs.en).toMatch(/^kas run no\. 1: 15 January 2026, 02:00$/m);
    expect(runs.en).toMatch(/^Files loaded: 2$/m);
    expect(runs.en).toMatch(/^ {2}0181\/bistand-2024\.csv: bistand, 1,400 rows loaded of 1,400$/m);
    expect(runs.en).toMatch(/^Time: .*loading \d+\.\d s.*reports \d+\.\d s/m);
    expect(runs.en).not.toMatch(/Inlästa|Avvisade|Rapporterna/);
  });
});

describe("kas run's log, skipped entries and failures in the language", () => {
  const inboxFiles = () => ({
    "0180/a.csv": bistandCsv(bistandRows("0180", "2024-05", 2)),
    "0180/.hidden.csv": bistandCsv(bistandRows("0180", "2024-06", 2)),
    "0180/b.csv.part": "still uploading",
    "misc/x.csv": bistandCsv(bistandRows("0180", "2024-07", 2))
  });

  it("Norwegian: why each entry is skipped, in the summary and the log; the log's own lines", async () => {
    const i = install(join(dir, "skipped-nb"));
    writeInbox(i.inbox, inboxFiles());
    const r = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--settings", nb]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("0180/.hidden.csv: hoppet over: er en skjult fil (navnet begynner med punktum) og leses ikke");
    expect(r.stdout).toContain("0180/b.csv.part: hoppet over: lastes fortsatt opp (.part) og leses når den har fått nytt navn");
    expect(r.stdout).toContain("misc: hoppet over: ligger ikke i en kommunemappe");
    expect(r.log).toContain("DETAIL hopper over 0180/b.csv.part: lastes fortsatt opp (.part) og leses når den har fått nytt navn");
    expect(r.log).toContain("DETAIL 0180/a.csv: lest inn, 2 rader (bistand)");
    expect(r.log).toContain("PROGRESS innlesing 1/1");
    const all = `${r.stdout}\n${r.log.join("\n")}`;
    expect(all).not.toMatch(/dold fil|laddas fortfarande|kommunmapp|hoppar över|inläst|inläsning/);

    // kas rebuild names an archived file its manifest does not list, as a warning in Norwegian
    const manifest = join(i.state, "archive", "manifest.jsonl");
    writeFileSync(manifest, "");
    const rebuilt = await kas(["rebuild", "--db", i.db, "--out", i.site, "--settings", nb]);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.log.filter((l) => l.startsWith("WARN "))).toEqual([
      expect.stringMatching(/^WARN arkivet\/[0-9a-f]{2}\/[0-9a-f]{64}\.csv ligger i arkivet, men er ikke nevnt i manifestet \(manifest\.jsonl\)/)
    ]);
  }, 120_000);

  it("English: the JSON summary's reasons, and why a run with the database gone fails", async () => {
    const i = install(join(dir, "skipped-en"));
    writeInbox(i.inbox, inboxFiles());
    const r = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--settings", en, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { files: { ignored: unknown } }).files.ignored).toEqual([
      { file: "0180/.hidden.csv", reason: "is a hidden file (its name begins with a dot) and is not read; rename it if it is to be loaded" },
      { file: "0180/b.csv.part", reason: "is still being uploaded (.part) and is read once it has been renamed" },
      { file: "misc", reason: expect.stringMatching(/^is not in a municipality's folder/) }
    ]);
    rmSync(i.db);
    const gone = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--settings", en]);
    expect(gone.code).toBe(3);
    expect(gone.stderr).toContain(`the database ${i.db} does not exist, but the archive ${join(i.state, "archive")} holds 1 loaded file.`);
    expect(gone.stderr).not.toMatch(/databasen|arkivet/);
  }, 120_000);
});

describe("wrong usage and a key that cannot be used, in the language", () => {
  it("Norwegian: a missing inbox, a missing key file and a status --db that is a folder", async () => {
    const i = install(join(dir, "usage-nb"));
    const inbox = await kas(["run", "--inbox", join(dir, "no-such-inbox"), "--db", i.db, "--out", i.site, "--settings", nb]);
    expect(inbox.code).toBe(2);
    expect(inbox.stderr).toContain(`kas: innboksen ${join(dir, "no-such-inbox")} finnes ikke. Oppgi riktig mappe med --inbox`);
    writeInbox(i.inbox, { "0180/a.csv": bistandCsv(bistandRows("0180", "2024-05", 2)) });
    const key = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--settings", nb, "--key-file", join(dir, "missing.key")], { env: {} });
    expect(key.code).toBe(3);
    expect(key.stderr).toContain(`Nøkkelfilen ${join(dir, "missing.key")} (oppgitt med --key-file) finnes ikke.`);
    expect(key.stderr).toContain("lag en nøkkel med: ");
    const folder = await kas(["status", "--db", dir, "--settings", nb]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain(`kas: --db ${dir} er ingen vanlig fil.`);
    expect(`${inbox.stderr}${key.stderr}${folder.stderr}`).not.toMatch(/inkorgen|Nyckelfilen|är ingen|finns inte|Ange/);
  });

  it("English: kas validate on a folder and a file that is not there, and a KAS_KEY that is no key", async () => {
    const folder = await kas(["validate", "0180", "--settings", en]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toContain("kas: 0180 is a folder: give the files, e.g. 0180/*.csv");
    const missing = await kas(["validate", "0180/none.csv", "--settings", en]);
    expect(missing.stderr).toContain("kas: the file does not exist: 0180/none.csv");
    const i = install(join(dir, "usage-en"));
    writeInbox(i.inbox, { "0180/a.csv": bistandCsv(bistandRows("0180", "2024-05", 2)) });
    const key = await kas(["run", "--inbox", i.inbox, "--db", i.db, "--out", i.site, "--settings", en], { env: { KAS_KEY: "abc" } });
    expect(key.code).toBe(3);
    expect(key.stderr).toContain("The environment variable KAS_KEY holds no valid pseudonymisation key (it has 3 hexadecimal characters).");
    expect(key.stderr).not.toContain("abc");
  });
});
