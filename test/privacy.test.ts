// Contract §8 and §2: no identity number ever appears in the database, a log or a report, and
// pseudonyms stay in the database. The real command runs the bundled samples (0181, 0192 and 0120 carry
// personnummer) plus files with invalid and misplaced identity numbers; then every file kas wrote (the
// database file's bytes, logs, run summaries, the site, reason files, the manifest) and everything it
// printed is searched for every identity number and household id of the inbox, and the site and logs
// also for the database's pseudonyms, in decimal and hex.
import { cpSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { DataType, tableFromIPC } from "apache-arrow";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseIdentity } from "../pipeline/contract/identity.js";
import { samplesDir } from "../pipeline/system/paths.js";
import { xlsxToCsv } from "../pipeline/ingest/xlsx.js";
import { badLuhn, bistandCsv, bistandRows, personnummer } from "./helpers/extract.js";
import { cleanup, filesUnder, kas, query, spawnKas, tempDir, writeInbox } from "./helpers/kas.js";

const pnr = (y: number, m: number, d: number, s: number) => personnummer({ year: y, month: m, day: d }, s);
const p1 = pnr(1984, 2, 29, 301);
const p2 = pnr(1962, 12, 1, 642);
const p3 = pnr(2001, 7, 14, 555);
const p4 = pnr(1990, 4, 4, 118);

/** Files with identity numbers where they are rejected: bad check digits, wrong lengths, a number
 *  typed into another column, and a file without header whose first line is data. */
const extra: Record<string, string> = {
  "0180/ogiltiga-pnr.csv": bistandCsv(
    bistandRows("0180", "2025-02", 6).map((r, k) => ({
      ...r,
      household_id: `0180-HH-${90210 + k}`,
      person_id: [badLuhn(p1.twelve), badLuhn(p2.twelve).slice(2, 8) + "-" + badLuhn(p2.twelve).slice(8), "8501011234567", "85010112", p3.ten, p3.twelveDash][k],
      birth_year: k === 5 ? p4.twelve : r.birth_year
    }))
  ),
  "0180/utan-rubrik.csv": bistandCsv(bistandRows("0180", "2025-03", 2).map((r) => ({ ...r, person_id: p4.twelveDash, household_id: "0180-HH-77777" })))
    .split("\n")
    .slice(1)
    .join("\n")
};

interface Extracted {
  identities: Set<string>;
  households: Set<string>;
}

function parseCsv(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const d = lines[0].includes(";") ? ";" : lines[0].includes("\t") ? "\t" : ",";
  return lines.map((l) => l.split(d));
}

const personColumns = ["person_id", "personnummer", "pnr"];
const householdColumns = ["household_id", "hushållsnummer", "hushall"];

/** Every person_id that is an identity number (not a hex pseudonym) and every household id of a file. */
function extract(rows: string[][], into: Extracted, headerless = false): void {
  const header = headerless ? ["municipality", "month", "person_id", "household_id"] : rows[0].map((h) => h.trim().toLowerCase());
  const p = header.findIndex((h) => personColumns.includes(h));
  const h = header.findIndex((x) => householdColumns.includes(x));
  for (const r of headerless ? rows : rows.slice(1)) {
    if (p >= 0 && !/^[0-9a-f]{16,64}$/i.test(r[p])) into.identities.add(r[p]);
    if (h >= 0) into.households.add(r[h]);
    for (const v of r) if (/^\d{6,8}[-+]?\d{4}$/.test(v)) into.identities.add(v); // a number in another column
  }
}

/** The digit strings an identity number can be written as (12 digits, 10 digits), for a search that ignores separators. */
function digitForms(id: string): string[] {
  const d = id.replace(/\D/g, "");
  if (d.length === 12) return [d, d.slice(2)];
  if (d.length === 10) return [d, `19${d}`, `20${d}`];
  return [d];
}

/** Occurrences of any of the digit strings in text, where digits may be separated by - or +. */
function identityHits(text: string, forms: Set<string>, lengths: Set<number>): string[] {
  const hits: string[] = [];
  for (const m of text.matchAll(/\d(?:[\d+-]*\d)?/g)) {
    const run = m[0].replace(/[+-]/g, "");
    if (run.length < 8) continue;
    for (const n of lengths) for (let i = 0; i + n <= run.length && i < 64; i++) if (forms.has(run.slice(i, i + n))) hits.push(run.slice(i, i + n));
  }
  return hits;
}

/** Occurrences of the household ids, as whole tokens (not inside a longer word or number). */
/** A published CSV without its figures (value, numerator, denominator): they are the contract's counts
 *  and sums (a cost per exit of 10297 kr), not identifiers, and a numeric case number may equal one. */
function withoutFigures(file: string, text: string): string {
  // an Arrow file's figures are binary numbers (a Float64's bytes once read "A333"): its text columns,
  // decoded, are what could hold an id
  if (file.endsWith(".arrow")) {
    const table = tableFromIPC(readFileSync(file));
    const texts = table.schema.fields.filter((f) => !DataType.isFloat(f.type) && !DataType.isInt(f.type)).map((f) => table.getChild(f.name)!);
    expect(texts.length).toBeGreaterThan(3); // indicator, municipality, gender, status …: read, not skipped
    const lines: string[] = [];
    for (let i = 0; i < table.numRows; i++) lines.push(texts.map((c) => String(c.get(i) ?? "")).join(","));
    return lines.join("\n");
  }
  // a JSON document's numbers are counts and seconds (a run summary's 10 510 survey rows), never an id:
  // kas writes every id-like value, a household id included, as a string
  if (file.endsWith(".json")) return text.replace(/:\s*-?\d+(\.\d+)?(?=[,\s}\]])/g, ": 0");
  // the archive's manifest: of an upload it keeps the municipality and the name; the rest is kas's own
  // (hash, size, mtime, when and by which run) — an mtime's fraction (…757.10041) or a run's process id
  // once matched a household id by chance
  if (file.endsWith("manifest.jsonl")) {
    return text.split("\n").filter(Boolean).map((line) => {
      const { municipality, name } = JSON.parse(line) as { municipality: string; name: string };
      return JSON.stringify({ municipality, name });
    }).join("\n");
  }
  if (!/[/\\]data[/\\][^/\\]+\.csv$/.test(file)) return text;
  return text.split("\n").map((line) => line.split(",").map((cell, k) => (k >= 6 && k <= 8 ? "" : cell)).join(",")).join("\n");
}

/** A workbook's text cells, a row a line: its bytes are zipped, where no id would be seen, and its
 *  numbers are the figures (kas writes every id-like value as text). */
async function workbookText(file: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell((cell) => { if (typeof cell.value !== "number") cells.push(cell.text); });
    lines.push(cells.join(","));
  }));
  expect(lines.length, file).toBeGreaterThan(1); // a header and rows: read, not skipped
  return lines.join("\n");
}

function householdHits(text: string, ids: readonly string[]): string[] {
  const hits: string[] = [];
  for (const id of ids) {
    for (let at = text.indexOf(id); at >= 0; at = text.indexOf(id, at + 1)) {
      const before = text[at - 1] ?? " ";
      const after = text[at + id.length] ?? " ";
      if (!/[0-9A-Za-z]/.test(before) && !/[0-9A-Za-z]/.test(after)) {
        hits.push(id);
        break;
      }
    }
  }
  return hits;
}

let root: string;
let out: string;
let inbox: string;
let printed: { name: string; text: string }[];
let code: number | null;
const found: Extracted = { identities: new Set(), households: new Set() };

beforeAll(async () => {
  root = tempDir("privacy");
  inbox = join(root, "inbox");
  out = join(root, "out");
  cpSync(join(samplesDir, "inbox"), inbox, { recursive: true });
  writeInbox(inbox, extra);

  for (const path of filesUnder(inbox)) {
    if (path.endsWith(".csv")) extract(parseCsv(readFileSync(path, "latin1")), found, basename(path) === "utan-rubrik.csv");
    if (path.endsWith(".xlsx")) {
      const csv = join(root, `${basename(path)}.csv`);
      const r = await xlsxToCsv(path, csv);
      expect(r.ok).toBe(true);
      extract(parseCsv(readFileSync(csv, "utf8")), found);
      cleanup(csv);
    }
  }

  const run = await spawnKas(["run", "--inbox", inbox, "--json"], { cwd: root, env: { KAS_VERBOSE: "1" } });
  code = run.code;
  const validate = await kas(["validate", ...Object.keys(extra).map((f) => join(inbox, f)), join(inbox, "0181/insats-2025-12-31.csv")]);
  const validateJson = await kas(["validate", ...Object.keys(extra).map((f) => join(inbox, f)), "--json"]);
  const status = await kas(["status", "--db", join(out, "kas.duckdb")]);
  printed = [
    { name: "run stdout", text: run.stdout },
    { name: "run stderr", text: run.stderr },
    { name: "validate", text: validate.stdout + validate.stderr },
    { name: "validate --json", text: validateJson.stdout },
    { name: "status", text: status.stdout }
  ];
}, 180_000);

afterAll(() => cleanup(root));

/** Everything kas wrote, except its byte-for-byte copies of the uploads (archive and quarantine). */
function written(): string[] {
  return filesUnder(out).filter((p) => {
    const rel = relative(out, p);
    if (/^archive\/[0-9a-f]{2}\/[0-9a-f]{64}\.\w+$/.test(rel)) return false;
    if (/^quarantine\/\d{4}\/[0-9a-f]{12}-/.test(rel) && !rel.endsWith(".reason.txt")) return false;
    return true;
  });
}

describe("the run", () => {
  it("loads the samples, rejects the files with bad identity numbers (exit 1), and prints one JSON document", () => {
    expect(code).toBe(1);
    const summary = JSON.parse(printed[0].text);
    expect(summary.files.accepted).toHaveLength(35);
    expect(summary.files.rejected.map((f: { file: string }) => f.file).sort()).toEqual(Object.keys(extra).sort());
  });

  it("found the identity numbers and household ids to look for", () => {
    const swedish = [...found.identities].filter((i) => parseIdentity(i, 2025).ok);
    expect(swedish.length).toBeGreaterThan(2000); // 0181, 0192 and 0120 use personnummer
    for (const f of ["19931005-3468", "198410200144", "930428-0903"]) expect(found.identities.has(f), f).toBe(true); // one per notation
    expect(found.identities.has(badLuhn(p1.twelve))).toBe(true);
    expect(found.identities.has(p4.twelve)).toBe(true);
    expect(found.households.size).toBeGreaterThan(1000);
  });
});

describe("no identity number, household id or pseudonym leaves the database", () => {
  const forms = () => {
    const set = new Set<string>();
    for (const id of found.identities) for (const f of digitForms(id)) set.add(f);
    return set;
  };

  it("no identity number in any file kas wrote (the database file included) or printed", () => {
    const set = forms();
    const lengths = new Set([...set].map((f) => f.length));
    const files = written();
    expect(files.map((f) => relative(out, f))).toEqual(expect.arrayContaining(["kas.duckdb", "archive/manifest.jsonl", expect.stringMatching(/^logs\/run-.*\.log$/), expect.stringMatching(/^logs\/run-1-.*\.json$/)]));
    expect(files.some((f) => f.endsWith(".reason.txt"))).toBe(true);
    expect(files.some((f) => f.endsWith("/data/all.csv"))).toBe(true);
    expect(files.some((f) => f.endsWith("/quality.html"))).toBe(true);
    for (const f of files) expect(identityHits(readFileSync(f, "latin1"), set, lengths), relative(out, f)).toEqual([]);
    for (const p of printed) expect(identityHits(p.text, set, lengths), p.name).toEqual([]);
  });

  it("the search would find one: it finds the numbers in the uploads themselves", () => {
    const set = forms();
    const lengths = new Set([...set].map((f) => f.length));
    const text = readFileSync(join(inbox, "0181/bistand-2024.csv"), "latin1");
    expect(identityHits(text, set, lengths).length).toBeGreaterThan(8000);
    expect(identityHits(readFileSync(join(inbox, "0180/ogiltiga-pnr.csv"), "latin1"), set, lengths).length).toBeGreaterThanOrEqual(6);
  });

  it("no household id in any file kas wrote or printed", async () => {
    // ids of fewer than four characters (0182's A6, A12, …) cannot be told from ordinary text (CSS has "A4")
    const ids = [...found.households].filter((h) => h.length >= 4);
    expect(ids.length).toBeGreaterThan(1000);
    expect(householdHits(readFileSync(join(inbox, "0120/bistand-2024.csv"), "latin1"), ids).length).toBeGreaterThan(100);
    for (const f of written()) {
      const text = f.endsWith(".xlsx") ? await workbookText(f) : withoutFigures(f, readFileSync(f, "latin1"));
      // the database file's bytes: only ids long enough not to occur in binary data by chance
      expect(householdHits(text, f.endsWith(".duckdb") ? ids.filter((h) => h.length >= 6) : ids), relative(out, f)).toEqual([]);
    }
    for (const p of printed) expect(householdHits(p.name.endsWith("--json") || p.name === "run stdout" ? withoutFigures("printed.json", p.text) : p.text, ids), p.name).toEqual([]);
  });

  it("no pseudonym of the database in the site, the logs, the run summaries or the output, in decimal or hex", async () => {
    const rows = await query<{ v: bigint | number }>(
      join(out, "kas.duckdb"),
      "SELECT DISTINCT person AS v FROM bistand UNION SELECT DISTINCT household FROM bistand UNION SELECT DISTINCT person FROM insats"
    );
    expect(rows.length).toBeGreaterThan(5000);
    const values = rows.map((r) => BigInt(r.v));
    const decimal = new Set(values.map((v) => v.toString()));
    const hex = new Set(values.flatMap((v) => [v.toString(16), v.toString(16).padStart(16, "0")]));
    const decLengths = new Set([...decimal].map((s) => s.length));
    const hexLengths = new Set([...hex].map((s) => s.length));
    const scan = (text: string): string[] => {
      // one hit per run of digits, however many of its substrings match (a value with a leading
      // hex zero matches both padded and unpadded)
      const hits = new Set<string>();
      for (const m of text.matchAll(/\d{10,}/g)) for (const n of decLengths) for (let i = 0; i + n <= m[0].length && i < 64; i++) if (decimal.has(m[0].slice(i, i + n))) hits.add(`${m.index}:${m[0]}`);
      for (const m of text.matchAll(/[0-9a-fA-F]{10,}/g)) {
        const run = m[0].toLowerCase();
        for (const n of hexLengths) for (let i = 0; i + n <= run.length && i < 128; i++) if (hex.has(run.slice(i, i + n))) hits.add(`${m.index}:${m[0]}`);
      }
      return [...hits].map((h) => h.slice(h.indexOf(":") + 1));
    };
    // the scan itself finds a pseudonym where there is one
    expect(scan(`x ${values[0].toString(16).padStart(16, "0")} y`)).toHaveLength(1);
    // also for a value whose hex has a leading zero (padded and unpadded forms both in the set)
    const small = values.find((v) => v.toString(16).length < 16 && v.toString(16).length >= 10);
    if (small !== undefined) expect(scan(`x ${small.toString(16).padStart(16, "0")} y`)).toHaveLength(1);
    expect(scan(`x ${values[0]} y ${values[1].toString(16)} z`)).toHaveLength(2);
    const targets = written().filter((f) => !f.endsWith(".duckdb") && !/^archive\//.test(relative(out, f)));
    expect(targets.some((f) => f.includes("site"))).toBe(true);
    for (const f of targets) expect(scan(readFileSync(f, "utf8")), relative(out, f)).toEqual([]);
    for (const p of printed) expect(scan(p.text), p.name).toEqual([]);
  });

  it("no text column of any table in the database holds a personnummer", async () => {
    const db = join(out, "kas.duckdb");
    const columns = await query<{ t: string; c: string }>(
      db,
      "SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE NOT internal AND (data_type IN ('VARCHAR', 'JSON') OR data_type LIKE 'ENUM(%') ORDER BY ALL"
    );
    expect(columns.map((c) => `${c.t}.${c.c}`)).toEqual(expect.arrayContaining(["findings.message", "findings.value", "files.name", "inbox_seen.path", "bistand.reason"]));
    const set = forms();
    const lengths = new Set([...set].map((f) => f.length));
    for (const { t, c } of columns) {
      const [{ text }] = await query<{ text: string | null }>(db, `SELECT string_agg(DISTINCT "${c}"::VARCHAR, '\n') AS text FROM "${t}"`);
      if (!text) continue;
      expect(identityHits(text, set, lengths), `${t}.${c}`).toEqual([]);
      // nor any other valid Swedish number, whoever's it is
      const shaped = [...text.matchAll(/(?<![0-9A-Za-z])(?:\d{6}|\d{8})[-+]?\d{4}(?![0-9A-Za-z])/g)].map((m) => m[0]).filter((v) => parseIdentity(v, 2025).ok);
      expect(shaped, `${t}.${c}`).toEqual([]);
    }
  });
});
