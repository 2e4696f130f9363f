// The sample generator: determinism, the committed samples, the dialect profiles, whether the
// generated people look like the national figures (domain.md) once read back with DuckDB, and the
// survey, population and commentary samples (contract §11, §14, §15).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { dialects, type Dialect } from "../data-samples/generate/dialects.js";
import { generate } from "../data-samples/generate/generate.js";
import { ageProfile, spread } from "../data-samples/generate/inhabitants.js";
import { exitCodes, measureCodes } from "../data-samples/generate/measures.js";
import { nationalSpecs, rowsPerRecipientYear } from "../data-samples/generate/national.js";
import { reasonCodes } from "../data-samples/generate/reasons.js";
import { sampleInhabitants, sampleOptions, sampleSpecs, sampleYears } from "../data-samples/generate/samples.js";
import { questions } from "../data-samples/generate/survey.js";
import { commentaryFindings, commentarySections } from "../pipeline/contract/commentary.js";
import { parseIdentity } from "../pipeline/contract/identity.js";
import { lit, openDb, type Db } from "../pipeline/db/connection.js";
import { samplesDir } from "../pipeline/system/paths.js";
import { loadProfiles, normaliseKey, type Profile, type Profiles } from "../pipeline/contract/profile.js";
import { codesOf, schema } from "../pipeline/contract/schema.js";

// Node ≥ 20.18.3 decodes "windows-1252" as Latin-1 (nodejs/node#60888): bytes 0x80–0x9F come out as
// C1 controls. Map them to what Windows-1252 means (0x96 is the en dash of the dropdown texts).
const c1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];
const decode1252 = (bytes: Uint8Array) =>
  new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => String.fromCodePoint(c1[c.charCodeAt(0) - 0x80]));

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.push(join(e.parentPath, e.name).slice(dir.length + 1));
  }
  return out.sort();
}

/** Expects lo < x < hi, both bounds strict. */
function expectBetween(x: number, lo: number, hi: number): void {
  expect(x).toBeGreaterThan(lo);
  expect(x).toBeLessThan(hi);
}

const specs = sampleSpecs();
const dialectOf = (code: string): Dialect => dialects[specs.find((s) => s.code === code)!.dialect];

let root: string;
let a: string;
let b: string;
let db: Db;
let profiles: Profiles;

/** Reads one sample file into the contract-shaped table `bistand` or `insats`, through the profile. */
async function load(folder: string, name: string): Promise<void> {
  const d = dialectOf(folder);
  const kind = name.startsWith("bistand") ? "bistand" : "insats";
  const path = join(a, folder, name);
  // Every file is turned into plain UTF-8 comma CSV first: decoded here (Windows-1252, BOM) or
  // read with ExcelJS (xlsx), so DuckDB reads them all the same way.
  let text: string;
  if (name.endsWith(".xlsx")) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const lines: string[] = [];
    wb.worksheets[0].eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let i = 1; i <= d.headers[kind].length; i++) {
        const v = row.getCell(i).value;
        cells.push(v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : String(v));
      }
      lines.push(cells.join(","));
    });
    text = lines.join("\n") + "\n";
  } else {
    const bytes = await readFile(path);
    text = d.encoding === "windows-1252" ? decode1252(bytes) : new TextDecoder("utf-8", { fatal: true }).decode(bytes); // drops a BOM
  }
  const plain = join(root, "plain", `${folder}-${name}.csv`);
  await writeFile(plain, text);
  const delim = name.endsWith(".xlsx") ? "," : d.delimiter;
  const profile = profiles.byMunicipality.get(folder) ?? null;
  const header = d.headers[kind];
  const contract = kind === "bistand"
    ? ["municipality", "month", "person_id", "household_id", "role", "gender", "birth_year", "born_abroad", "reason", "amount_sek"]
    : ["municipality", "person_id", "gender", "birth_year", "measure", "need_category", "referred_by", "start_date", "end_date", "exit_reason", "cost_sek"];
  const coded = new Set(["role", "gender", "born_abroad", "reason", "measure", "need_category", "referred_by", "exit_reason"]);
  const joins: string[] = [];
  const select = contract.map((col) => {
    const source = header.find((h) => (profile ? profile.columns[normaliseKey(h)] : h) === col);
    if (!source) throw new Error(`no column for ${col} in ${folder}/${name}`);
    const v = `nullif(trim(r.${JSON.stringify(source)}), '')`;
    if (coded.has(col) && profile?.codes[col]) {
      joins.push(`LEFT JOIN codemap m_${col} ON m_${col}.profile = ${lit(profile.name)} AND m_${col}.col = ${lit(col)} AND m_${col}.src = lower(${v})`);
      return `coalesce(m_${col}.code, ${v}) AS ${col}`;
    }
    const fmt = profile?.formats[col as keyof Profile["formats"]];
    if (col === "month" && fmt) return `strftime(strptime(${v} || '-01', ${lit(fmt + "-%d")}), '%Y-%m') AS ${col}`;
    if (fmt) return `strftime(strptime(${v}, ${lit(fmt)}), '%Y-%m-%d') AS ${col}`;
    if (col === "amount_sek" || col === "cost_sek") return `replace(${v}, ',', '.')::DECIMAL(14, 2) AS ${col}`;
    if (col === "birth_year") return `${v}::INTEGER AS ${col}`;
    return `${v} AS ${col}`;
  });
  await db.run(
    `INSERT INTO ${kind} SELECT ${lit(folder)}, ${lit(name)}, ${select.join(", ")}
     FROM read_csv(${lit(plain)}, delim = ${lit(delim)}, header = true, all_varchar = true, quote = '"') r ${joins.join(" ")}`
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "kas-generate-"));
  a = join(root, "a");
  b = join(root, "b");
  await generate(sampleOptions(a));
  await generate(sampleOptions(b));
  profiles = loadProfiles(schema());

  db = await openDb(":memory:");
  await db.run(`CREATE TABLE codemap (profile VARCHAR, col VARCHAR, src VARCHAR, code VARCHAR)`);
  for (const p of profiles.byName.values()) {
    for (const [col, map] of Object.entries(p.codes)) {
      for (const [src, code] of Object.entries(map)) await db.run(`INSERT INTO codemap VALUES (?, ?, ?, ?)`, [p.name, col, src, code]);
    }
  }
  await db.run(`CREATE TABLE reasons (code VARCHAR, grp VARCHAR)`);
  for (const c of schema().lists.reason.codes) await db.run(`INSERT INTO reasons VALUES (?, ?)`, [c.code, c.group!]);
  await db.run(`CREATE TABLE bistand (folder VARCHAR, file VARCHAR, municipality VARCHAR, "month" VARCHAR, person_id VARCHAR, household_id VARCHAR,
    "role" VARCHAR, gender VARCHAR, birth_year INTEGER, born_abroad VARCHAR, reason VARCHAR, amount_sek DECIMAL(14, 2))`);
  await db.run(`CREATE TABLE insats (folder VARCHAR, file VARCHAR, municipality VARCHAR, person_id VARCHAR, gender VARCHAR, birth_year INTEGER,
    measure VARCHAR, need_category VARCHAR, referred_by VARCHAR, start_date VARCHAR, end_date VARCHAR, exit_reason VARCHAR, cost_sek DECIMAL(14, 2))`);
  await mkdir(join(root, "plain"));
  for (const folder of specs.map((spec) => spec.code)) for (const name of await readdir(join(a, folder))) if (/^(bistand|insats)-/.test(name)) await load(folder, name);

  // The data as the pipeline should end up with it: a correction replaces its months of the
  // municipality's earlier bistand file (contract §1).
  await db.run(`CREATE VIEW b AS
    SELECT * FROM bistand x
    WHERE NOT EXISTS (SELECT 1 FROM bistand c WHERE c.folder = x.folder AND c.file > x.file AND c.file LIKE '%rattelse%' AND x.file NOT LIKE '%rattelse%' AND c."month" = x."month")`);
  await db.run(`CREATE TABLE person_months AS SELECT folder, person_id, left("month", 4)::INTEGER AS year, "month", reason, gender, birth_year, born_abroad FROM b`);
  await db.run(`CREATE TABLE person_years AS
    WITH per_code AS (
      SELECT folder, person_id, year, reason, count(*) AS n, max("month") AS last FROM person_months WHERE reason IS NOT NULL GROUP BY ALL
    ), of_year AS (
      SELECT * FROM per_code QUALIFY row_number() OVER (PARTITION BY folder, person_id, year ORDER BY n DESC, last DESC) = 1
    ), latest AS (
      SELECT folder, person_id, year, arg_max(reason, "month") AS last_reason FROM person_months WHERE reason IS NOT NULL GROUP BY ALL
    )
    SELECT folder, person_id, year, count(*) AS months, arg_max(gender, "month") AS gender, arg_max(birth_year, "month") AS birth_year,
           bool_or(born_abroad = '1') AS born_abroad, count(pm.reason) AS coded, count(DISTINCT pm.reason) AS codes,
           bool_or(pm.reason LIKE 'establishment%') AS newly_arrived, any_value(o.reason) AS reason, any_value(r.grp) AS grp,
           any_value(l.last_reason) AS last_reason
    FROM person_months pm
    LEFT JOIN of_year o USING (folder, person_id, year)
    LEFT JOIN reasons r ON r.code = o.reason
    LEFT JOIN latest l USING (folder, person_id, year)
    GROUP BY folder, person_id, year`);
}, 60_000);

afterAll(async () => {
  db?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const one = async <T = Record<string, number>>(sql: string): Promise<T> => (await db.all<T>(sql))[0];

describe("generate", () => {
  it("is byte-identical on every run", async () => {
    const names = await filesUnder(a);
    expect(names).toEqual(await filesUnder(b));
    // per municipality 2 bistand + 1 insats + 2 survey files (+ 0120's correction), 3 commentaries, 1 population file
    expect(names.length).toBe(6 * 5 + 1 + 3 + 1);
    for (const n of names) expect((await readFile(join(a, n))).equals(await readFile(join(b, n))), n).toBe(true);
  });

  it("made data-samples/inbox: the committed samples are what the generator writes", async () => {
    const inbox = join(samplesDir, "inbox");
    const names = await filesUnder(a);
    expect(await filesUnder(inbox)).toEqual(names);
    for (const n of names) expect((await readFile(join(inbox, n))).equals(await readFile(join(a, n))), `${n} differs: run node dist/data-samples/generate/main.js`).toBe(true);
  });

  it("writes the contract layout within the size limits, one modification time for all", async () => {
    const names = await filesUnder(a);
    let total = 0;
    const mtimes = new Set<number>();
    for (const n of names) {
      expect(n).toMatch(/^(\d{4}\/(bistand-\d{4}(_rattelse-\d\d-\d\d)?|insats-\d{4}-\d\d-\d\d|survey-\d{4})\.(csv|xlsx)|\d{4}\/kommentar\.md|network\/population-2024-2025\.csv)$/);
      const s = await stat(join(a, n));
      expect(s.size, n).toBeLessThan(5_000_000);
      total += s.size;
      mtimes.add(s.mtimeMs);
    }
    expect(total).toBeLessThan(8_000_000);
    expect(mtimes.size).toBe(1);
    for (const spec of specs) {
      const own = names.filter((n) => n.startsWith(spec.code + "/"));
      const ext = dialects[spec.dialect].file;
      for (const y of sampleYears) expect(own).toContain(`${spec.code}/bistand-${y}.${ext}`);
      for (const y of sampleYears) expect(own).toContain(`${spec.code}/survey-${y}.${ext}`);
      expect(own).toContain(`${spec.code}/insats-2025-12-31.${ext}`);
    }
    // files first seen in one run, with one mtime, are ordered by name in byte order (contract §1)
    const original = Buffer.from("bistand-2025.csv");
    const correction = Buffer.from("bistand-2025_rattelse-03-05.csv");
    expect(names).toContain("0120/bistand-2025_rattelse-03-05.csv");
    expect(Buffer.compare(correction, original)).toBe(1);
  });

  it("writes each dialect's bytes: Windows-1252 + CRLF, BOM + semicolons, plain UTF-8", async () => {
    const sodertalje = await readFile(join(a, "0181", "bistand-2024.csv"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(sodertalje)).toThrow();
    expect(sodertalje.includes(Buffer.from([0x96]))).toBe(true); // the en dash of the dropdown texts
    const text = decode1252(sodertalje);
    expect(text.startsWith("Kommunkod;Månad;Personnummer;Hushållsnummer;Roll;Kön;Födelseår;Född utomlands;Försörjningshinder;Belopp\r\n")).toBe(true);
    expect(text).toContain("Arbetslös – väntar på ersättning");
    expect(text).toMatch(/;\d+,\d\d\r\n/); // decimal comma
    expect(text.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);

    const nacka = await readFile(join(a, "0182", "bistand-2024.csv"));
    expect([...nacka.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(nacka.toString("utf8", 3, 200)).toMatch(/^municipality;month;person_id;.*\r\n0182;2024-01;/);

    const nynashamn = (await readFile(join(a, "0192", "bistand-2024.csv"), "utf8"));
    expect(nynashamn).toMatch(/^kommun,period,pnr,hushall,roll,kon,fodelsear,utlandsfodd,fsh_kod,belopp\n0192,202401,\d{12},/);
    expect(nynashamn).not.toContain("\r");
    const salem = await readFile(join(a, "0128", "bistand-2024.csv"), "utf8");
    expect(salem.startsWith("municipality,month,person_id,household_id,role,gender,birth_year,born_abroad,reason,amount_sek\n0128,2024-01,")).toBe(true);
  });

  it("writes real Excel dates for the insats of 0183 and the month as text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(a, "0183", "insats-2025-12-31.xlsx"));
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, ...dialects.xlsx.headers.insats]);
    const start = ws.getRow(2).getCell(8);
    expect(start.value).toBeInstanceOf(Date);
    expect(start.numFmt).toBe("yyyy-mm-dd");
    const bw = new ExcelJS.Workbook();
    await bw.xlsx.readFile(join(a, "0183", "bistand-2024.xlsx"));
    const month = bw.worksheets[0].getRow(2).getCell(2).value;
    expect(month).toBe("2024-01");
    expect(bw.worksheets[0].getRow(2).getCell(1).value).toBe("0183");
  });

  it("has profiles that load and map every value the generator writes", () => {
    expect([...profiles.byName.keys()].sort()).toEqual(["case-system-sv", "kostra-no", "numeric-codes"]);
    expect(profiles.byMunicipality.get("0181")?.name).toBe("case-system-sv");
    expect(profiles.byMunicipality.get("0192")?.name).toBe("numeric-codes");
    const s = schema();
    expect(codesOf(s, "reason")).toEqual([...reasonCodes]);
    expect(codesOf(s, "measure")).toEqual([...measureCodes]);
    expect(codesOf(s, "exit_reason")).toEqual([...exitCodes]);
    for (const name of ["case-system-sv", "numeric-codes"] as const) {
      const d = dialects[name];
      const p = profiles.byName.get(name)!;
      const contract = { bistand: s.kinds.bistand.columns.map((c) => c.name), insats: s.kinds.insats.columns.map((c) => c.name) };
      for (const kind of ["bistand", "insats"] as const) {
        expect(d.headers[kind].map((h) => p.columns[normaliseKey(h)]), `${name} ${kind} headers`).toEqual(contract[kind]);
      }
      for (const [column, map] of Object.entries(d.codes)) {
        const values = Object.values(map);
        expect(new Set(values.map(normaliseKey)).size, `${name}.${column} written twice`).toBe(values.length);
        for (const [code, written] of Object.entries(map)) expect(p.codes[column]?.[normaliseKey(written)], `${name}.${column} "${written}"`).toBe(code);
      }
      for (const col of ["month", "start_date", "end_date"] as const) {
        const compact = d.month === "YYYYMM";
        expect(p.formats[col], `${name}.${col}`).toBe(compact ? (col === "month" ? "%Y%m" : "%Y%m%d") : undefined);
      }
    }
  });

  it("reads back as valid contract data: known codes, one row per person and month, one amount per household-month", async () => {
    const s = schema();
    const lists: Record<string, string> = { role: "role", gender: "gender", born_abroad: "born_abroad", reason: "reason" };
    for (const [col, list] of Object.entries(lists)) {
      const bad = await db.all(`SELECT DISTINCT ${col} AS v FROM bistand WHERE ${col} IS NOT NULL AND ${col} NOT IN (${codesOf(s, list).map(lit).join(", ")})`);
      expect(bad, col).toEqual([]);
    }
    for (const [col, list] of Object.entries({ gender: "gender", measure: "measure", need_category: "need_category", referred_by: "referred_by", exit_reason: "exit_reason" })) {
      const bad = await db.all(`SELECT DISTINCT ${col} AS v FROM insats WHERE ${col} IS NOT NULL AND ${col} NOT IN (${codesOf(s, list).map(lit).join(", ")})`);
      expect(bad, col).toEqual([]);
    }
    const v = await one(`SELECT
        count(*) FILTER (WHERE municipality <> folder) AS wrong_municipality,
        count(*) FILTER (WHERE NOT regexp_full_match("month", '(2024|2025)-(0[1-9]|1[0-2])')) AS bad_month,
        count(*) FILTER (WHERE person_id IS NULL OR household_id IS NULL OR gender IS NULL OR birth_year IS NULL) AS missing,
        count(*) FILTER (WHERE left("month", 4)::INTEGER - birth_year < 18) AS minors,
        count(*) FILTER (WHERE amount_sek < 0) AS negative
      FROM bistand`);
    expect(v).toEqual({ wrong_municipality: 0, bad_month: 0, missing: 0, minors: 0, negative: 0 });
    expect(await one(`SELECT count(*) AS n FROM (SELECT 1 FROM bistand GROUP BY file, folder, person_id, "month" HAVING count(*) > 1)`)).toEqual({ n: 0 });
    const hh = await one(`SELECT count(*) FILTER (WHERE amounts <> 1) AS not_one, count(*) FILTER (WHERE adults > 2) AS crowded,
        count(*) FILTER (WHERE adults = 2 AND NOT ok) AS bad_couple, count(*) FILTER (WHERE adults = 2) AS couples, count(*) AS all
      FROM (SELECT count(amount_sek) AS amounts, count(*) AS adults,
                   count(*) FILTER (WHERE "role" = 'applicant' AND amount_sek IS NOT NULL) = 1
                   AND count(*) FILTER (WHERE "role" = 'co_applicant' AND amount_sek IS NULL) = 1 AS ok
            FROM bistand GROUP BY folder, file, household_id, "month")`);
    expect(hh.not_one).toBe(0);
    expect(hh.crowded).toBe(0);
    expect(hh.bad_couple).toBe(0);
    expect(hh.couples / hh.all).toBeGreaterThan(0.1); // couples exist, as two adult rows of one household
    const amounts = await one(`SELECT min(amount_sek)::DOUBLE AS lo, max(amount_sek)::DOUBLE AS hi, count(*) FILTER (WHERE amount_sek <> round(amount_sek)) AS decimals FROM b`);
    expect(amounts.lo).toBeGreaterThanOrEqual(4000);
    expect(amounts.hi).toBeLessThanOrEqual(16000);
    expect(amounts.decimals).toBeGreaterThan(0);
    const ins = await one(`SELECT count(*) FILTER (WHERE (end_date IS NULL) <> (exit_reason IS NULL)) AS half_ended,
        count(*) FILTER (WHERE end_date < start_date) AS backwards, count(*) FILTER (WHERE start_date > '2025-12-31' OR start_date < '2022-01-01' OR (start_date < '2024-01-01' AND end_date < '2024-01-01')) AS outside,
        count(*) FILTER (WHERE end_date > '2025-12-31') AS after_snapshot, count(*) FILTER (WHERE municipality <> folder) AS wrong_municipality
      FROM insats`);
    expect(ins).toEqual({ half_ended: 0, backwards: 0, outside: 0, after_snapshot: 0, wrong_municipality: 0 });
  });

  it("writes check-digit-valid personnummer (with gender in the ninth digit) and hex pseudonyms", async () => {
    const forms: Record<string, RegExp> = { "0181": /^\d{8}-\d{4}$/, "0192": /^\d{12}$/, "0120": /^\d{6}-\d{4}$/, "0128": /^[0-9a-f]{32}$/, "0183": /^[0-9a-f]{16}$/, "0182": /^[0-9a-f]{40}$/ };
    const rows = await db.all<{ folder: string; person_id: string; year: number; gender: string }>(
      `SELECT DISTINCT folder, person_id, left("month", 4)::INTEGER AS year, gender FROM bistand
       UNION SELECT DISTINCT folder, person_id, left(start_date, 4)::INTEGER, gender FROM insats`
    );
    expect(rows.length).toBeGreaterThan(6000);
    let personnummer = 0;
    for (const r of rows) {
      expect(r.person_id).toMatch(forms[r.folder]);
      const id = parseIdentity(r.person_id, r.year);
      expect(id.ok, `${r.folder} row of ${r.year}`).toBe(true);
      if (id.ok && id.kind === "se") {
        personnummer++;
        const ninth = Number(id.normalised.slice(-2, -1));
        expect(ninth % 2 === 0 ? "K" : "M").toBe(r.gender);
        expect(r.year - Number(id.normalised.slice(3, 7))).toBeGreaterThanOrEqual(17);
      } else expect(id.ok && id.kind).toBe(r.folder === "0181" || r.folder === "0192" || r.folder === "0120" ? "se" : "pseudonym");
    }
    expect(personnummer).toBeGreaterThan(3000);
    // one person, one notation: a person_id never changes gender or birth year
    expect(await one(`SELECT count(*) AS n FROM (SELECT folder, person_id FROM (SELECT folder, person_id, gender, birth_year FROM bistand UNION SELECT folder, person_id, gender, birth_year FROM insats) GROUP BY ALL HAVING count(*) > 1)`)).toEqual({ n: 0 });
  });

  it("has about the intended number of recipients per municipality and year", async () => {
    const rows = await db.all<{ folder: string; year: number; n: number }>(`SELECT folder, year, count(*) AS n FROM person_years GROUP BY ALL ORDER BY ALL`);
    expect(rows.length).toBe(12);
    for (const r of rows) {
      const target = specs.find((s) => s.code === r.folder)!.recipientsPerYear;
      expect(r.n / target, `${r.folder} ${r.year}`).toBeGreaterThanOrEqual(0.98);
      expect(r.n / target, `${r.folder} ${r.year}`).toBeLessThan(1.1);
    }
    const rows2 = await one(`SELECT count(*) AS n, sum(months) AS months FROM person_years`);
    expect(rows2.months / rows2.n).toBeCloseTo(rowsPerRecipientYear, 0);
  });

  it("has shares near the national figures: women, reason groups, young adults, long-term", async () => {
    // 0192 codes no co-applicant, so its reason shares are left out of the reason checks
    const s = await one(`SELECT
        avg((gender = 'K')::INTEGER) AS women,
        avg((year - birth_year BETWEEN 18 AND 29)::INTEGER) AS young,
        avg((months >= 10)::INTEGER) AS long_term,
        avg((grp = 'unemployment')::INTEGER) FILTER (WHERE folder <> '0192') AS unemployment,
        avg((grp = 'ill_health')::INTEGER) FILTER (WHERE folder <> '0192') AS ill_health,
        avg((grp = 'social_reasons')::INTEGER) FILTER (WHERE folder <> '0192') AS social_reasons,
        avg((grp = 'insufficient_income')::INTEGER) FILTER (WHERE folder <> '0192') AS insufficient_income,
        avg((newly_arrived)::INTEGER) AS newly_arrived,
        avg((born_abroad)::INTEGER) FILTER (WHERE newly_arrived) AS newly_arrived_born_abroad
      FROM person_years`);
    expectBetween(s.women, 0.44, 0.5);
    expectBetween(s.unemployment, 0.46, 0.54);
    expectBetween(s.ill_health, 0.08, 0.12);
    expectBetween(s.social_reasons, 0.09, 0.13);
    expect(s.insufficient_income).toBeGreaterThan(0.15);
    expectBetween(s.young, 0.32, 0.4);
    expectBetween(s.long_term, 0.36, 0.44);
    expectBetween(s.newly_arrived, 0.03, 0.12);
    expect(s.newly_arrived_born_abroad).toBeGreaterThan(0.85);
  });

  it("lets people continue, leave and arrive, and change reason during a year", async () => {
    const p = await one(`SELECT
        count(*) FILTER (WHERE year = 2024) AS y1,
        count(*) FILTER (WHERE year = 2025) AS y2,
        count(*) FILTER (WHERE year = 2025 AND (folder, person_id) IN (SELECT (folder, person_id) FROM person_years WHERE year = 2024)) AS both
      FROM person_years`);
    expectBetween(p.both / p.y1, 0.35, 0.7); // many continue, some leave
    expect((p.y2 - p.both) / p.y2).toBeGreaterThan(0.3); // new ones arrive
    const r = await one(`SELECT
        avg((codes >= 2)::INTEGER) AS changed,
        count(*) FILTER (WHERE reason <> last_reason) AS year_differs_from_last,
        count(*) FILTER (WHERE coded = 0) AS never_coded,
        count(*) AS n
      FROM person_years WHERE folder <> '0192'`);
    expect(r.changed).toBeGreaterThan(0.1);
    expect(r.year_differs_from_last).toBeGreaterThan(50); // the reason-of-the-year rule matters
    expect(r.never_coded).toBeGreaterThan(0);
    const m = await one(`SELECT avg((reason IS NULL)::INTEGER) AS uncoded FROM person_months WHERE folder <> '0192'`);
    expectBetween(m.uncoded, 0.01, 0.06);
  });

  it("codes the reason only for applicants in 0192", async () => {
    const rows = await db.all<{ folder: string; role: string; coded: number; n: number }>(
      `SELECT folder, "role", avg((reason IS NOT NULL)::INTEGER) AS coded, count(*) AS n FROM bistand GROUP BY ALL ORDER BY ALL`
    );
    for (const r of rows) {
      expect(r.n).toBeGreaterThan(0);
      if (r.folder === "0192" && r.role === "co_applicant") expect(r.coded).toBe(0);
      else expect(r.coded, `${r.folder} ${r.role}`).toBeGreaterThan(0.9);
    }
    expect(rows.filter((r) => r.role === "co_applicant").length).toBe(6);
  });

  it("has a correction for 0120 that replaces three months of its 2025 file", async () => {
    const c = await db.all<{ file: string; months: string }>(
      `SELECT file, string_agg(DISTINCT "month", ',' ORDER BY "month") AS months FROM bistand WHERE folder = '0120' AND file LIKE '%2025%' GROUP BY file ORDER BY file`
    );
    expect(c.map((x) => x.file)).toEqual(["bistand-2025.csv", "bistand-2025_rattelse-03-05.csv"]);
    expect(c[1].months).toBe("2025-03,2025-04,2025-05");
    const diff = await one(`WITH o AS (SELECT * FROM bistand WHERE folder = '0120' AND file = 'bistand-2025.csv' AND "month" BETWEEN '2025-03' AND '2025-05'),
        n AS (SELECT * FROM bistand WHERE folder = '0120' AND file LIKE '%rattelse%')
      SELECT (SELECT count(*) FROM o) AS original, (SELECT count(*) FROM n) AS corrected,
             (SELECT count(*) FROM o JOIN n USING (person_id, "month") WHERE o.amount_sek <> n.amount_sek) AS amounts_changed,
             (SELECT count(*) FROM o JOIN n USING (person_id, "month") WHERE o.reason IS NULL AND n.reason IS NOT NULL) AS reasons_added`);
    expect(diff.corrected).toBeGreaterThan(diff.original); // late registrations
    expect(diff.amounts_changed).toBeGreaterThan(0);
    expect(diff.reasons_added).toBeGreaterThan(0);
  });

  it("has an insats snapshot per municipality with ended and ongoing measures, and plausible exits", async () => {
    const per = await db.all<{ folder: string; ongoing: number; ended: number }>(
      `SELECT folder, count(*) FILTER (WHERE end_date IS NULL) AS ongoing, count(*) FILTER (WHERE end_date IS NOT NULL) AS ended FROM insats GROUP BY ALL ORDER BY ALL`
    );
    expect(per.map((p) => p.folder)).toEqual(["0120", "0128", "0181", "0182", "0183", "0192"]);
    for (const p of per) {
      expect(p.ongoing, p.folder).toBeGreaterThan(0);
      expect(p.ended, p.folder).toBeGreaterThan(p.ongoing);
    }
    const x = await one(`SELECT
        avg((exit_reason IN ('work', 'studies'))::INTEGER) FILTER (WHERE exit_reason IS NOT NULL) AS work_studies,
        count(*) FILTER (WHERE exit_reason = 'municipal_employment') AS municipal,
        avg((need_category IS NOT NULL)::INTEGER) AS need, avg((referred_by IS NOT NULL)::INTEGER) AS referred
      FROM insats`);
    expect(x.work_studies).toBeGreaterThanOrEqual(0.3);
    expect(x.work_studies).toBeLessThanOrEqual(0.45);
    expect(x.municipal).toBeGreaterThan(10);
    expect(x.need).toBeGreaterThan(0.8);
    expect(x.referred).toBeGreaterThan(0.8);
    const o = await one(`SELECT avg((NOT EXISTS (SELECT 1 FROM bistand b WHERE b.folder = i.folder AND b.person_id = i.person_id))::INTEGER) AS outsiders
      FROM (SELECT DISTINCT folder, person_id FROM insats) i`);
    expectBetween(o.outsiders, 0.1, 0.2);
  });
});

/** A survey sample as rows of cells: CSV decoded in its dialect (Windows-1252, a BOM dropped), or the
 *  first worksheet's cell values of a workbook (numbers stay numbers). */
async function surveyCells(folder: string, name: string): Promise<unknown[][]> {
  const path = join(a, folder, name);
  if (name.endsWith(".xlsx")) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const rows: unknown[][] = [];
    wb.worksheets[0].eachRow({ includeEmpty: false }, (row) => rows.push(Array.from({ length: 6 }, (_, i) => row.getCell(i + 1).value ?? null)));
    return rows;
  }
  const d = dialectOf(folder);
  const bytes = await readFile(path);
  const text = d.encoding === "windows-1252" ? decode1252(bytes) : new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  expect(text.endsWith(d.eol), name).toBe(true);
  return text.slice(0, -d.eol.length).split(d.eol).map((l) => l.split(d.delimiter).map((c) => (c === "" ? null : c)));
}

interface Answer { year: number; respondent: number; gender: string | null; question: string; answer: number | null }

/** A survey sample's rows in the contract's codes: gender mapped through the folder's profile. */
async function surveyOf(folder: string, year: number): Promise<{ written: Set<string>; rows: Answer[] }> {
  const ext = dialectOf(folder).file;
  const [header, ...cells] = await surveyCells(folder, `survey-${year}.${ext}`);
  expect(header).toEqual(["municipality", "year", "respondent", "gender", "question", "answer"]);
  const profile = profiles.byMunicipality.get(folder);
  const written = new Set<string>();
  const rows = cells.map((c) => {
    expect(String(c[0])).toBe(folder);
    const g = c[3] === null ? null : String(c[3]);
    if (g !== null) written.add(g);
    return {
      year: Number(c[1]), respondent: Number(c[2]), gender: g === null ? null : (profile?.codes.gender?.[normaliseKey(g)] ?? g),
      question: String(c[4]), answer: c[5] === null ? null : Number(c[5])
    };
  });
  return { written, rows };
}

/** Respondents of the samples' surveys, [women, men, did not say] in 2024 and 2025 (data-samples/README.md). */
const surveyed: Record<string, [[number, number, number], [number, number, number]]> = {
  "0181": [[118, 104, 14], [126, 117, 12]],
  "0192": [[44, 24, 4], [47, 26, 5]],
  "0128": [[21, 19, 4], [24, 22, 5]],
  "0183": [[58, 66, 7], [69, 71, 8]],
  "0182": [[79, 72, 9], [84, 80, 10]],
  "0120": [[47, 33, 6], [45, 43, 7]]
};

/** Per question: respondents who answered 1–6, women, men and all. */
function answered(rows: Answer[]): Record<string, { K: number; M: number; T: number }> {
  const out: Record<string, { K: number; M: number; T: number }> = {};
  for (const q of questions) {
    const a = rows.filter((r) => r.question === q && r.answer !== null);
    out[q] = { K: a.filter((r) => r.gender === "K").length, M: a.filter((r) => r.gender === "M").length, T: a.length };
  }
  return out;
}

describe("the survey samples (contract §2 kind survey, §15)", () => {
  it("writes one file per municipality and year in its notation: respondents 1..n, every question once per respondent, answers 1–6 or empty", async () => {
    const notation: Record<string, string[]> = { "0181": ["Kvinna", "Man"], "0192": ["1", "2"] };
    for (const spec of specs) {
      for (const [yi, year] of sampleYears.entries()) {
        const { written, rows } = await surveyOf(spec.code, year);
        const [k, m, unsaid] = surveyed[spec.code][yi];
        const who = new Map<number, string | null>();
        for (const r of rows) who.set(r.respondent, r.gender);
        expect([...who.keys()].sort((x, y) => x - y), `${spec.code} ${year}`).toEqual(Array.from({ length: k + m + unsaid }, (_, i) => i + 1));
        const genders = [...who.values()];
        expect([genders.filter((g) => g === "K").length, genders.filter((g) => g === "M").length, genders.filter((g) => g === null).length]).toEqual([k, m, unsaid]);
        expect([...written].sort()).toEqual(notation[spec.code] ?? ["K", "M"]);
        expect(rows.every((r) => r.year === year)).toBe(true);
        expect(new Set(rows.map((r) => `${r.respondent}:${r.question}`)).size).toBe(rows.length);
        expect(rows.every((r) => (questions as readonly string[]).includes(r.question))).toBe(true);
        expect(rows.every((r) => r.answer === null || (Number.isInteger(r.answer) && r.answer >= 1 && r.answer <= 6))).toBe(true);
        expect(rows.filter((r) => r.answer === null).length, "vet ej").toBeGreaterThan(0);
        // a respondent number never passes as a personnummer or fødselsnummer
        for (const n of who.keys()) expect(parseIdentity(String(n), year)).toMatchObject({ ok: false });
        // the answer scale is used from 1 to 6
        expect(new Set(rows.map((r) => r.answer).filter((x) => x !== null)).size).toBeGreaterThanOrEqual(5);
      }
    }
    // some respondents broke the questionnaire off: fewer than seven rows
    const sodertalje = (await surveyOf("0181", 2024)).rows;
    const perRespondent = new Map<number, number>();
    for (const r of sodertalje) perRespondent.set(r.respondent, (perRespondent.get(r.respondent) ?? 0) + 1);
    expect([...perRespondent.values()].some((n) => n < questions.length)).toBe(true);
  });

  it("puts the subgroups on both sides of survey_min_respondents (30)", async () => {
    const each = async (code: string, test: (q: { K: number; M: number; T: number }, year: number) => void) => {
      for (const year of sampleYears) for (const q of Object.values(answered((await surveyOf(code, year)).rows))) test(q, year);
    };
    // Salem: women and men under 30 on every question, all respondents 30 or more
    await each("0128", (q) => {
      expect(q.K).toBeLessThan(30);
      expect(q.M).toBeLessThan(30);
      expect(q.T).toBeGreaterThanOrEqual(30);
    });
    // Nynäshamn: women 30 or more, men under 30 (both are withheld, T stays)
    await each("0192", (q) => {
      expect(q.K).toBeGreaterThanOrEqual(30);
      expect(q.M).toBeLessThan(30);
    });
    // the large ones: every subgroup of every question 30 or more
    for (const code of ["0181", "0182", "0183"]) await each(code, (q) => expect(Math.min(q.K, q.M)).toBeGreaterThanOrEqual(30));
    // Värmdö 2024: 33 men, so the questions with the most "vet ej" fall under 30 for men, the others not
    const v = answered((await surveyOf("0120", 2024)).rows);
    expect(questions.filter((q) => v[q].M < 30)).toEqual(["influence", "situation_improved"]);
    expect(questions.filter((q) => v[q].K < 30)).toEqual([]);
  });

  it("differs between municipalities and years, so the comparison shows something", async () => {
    const mean = async (code: string, year: number, question: string) => {
      const a = (await surveyOf(code, year)).rows.filter((r) => r.question === question && r.answer !== null).map((r) => r.answer!);
      return a.reduce((x, y) => x + y, 0) / a.length;
    };
    // Södertälje's case workers are hard to reach, Salem's are not
    expect((await mean("0128", 2024, "contact")) - (await mean("0181", 2024, "contact"))).toBeGreaterThan(1);
    // Sundbyberg's new reception of 2025
    expect((await mean("0183", 2025, "contact")) - (await mean("0183", 2024, "contact"))).toBeGreaterThan(0.4);
    // Nacka informs well
    expect((await mean("0182", 2024, "information")) - (await mean("0183", 2024, "information"))).toBeGreaterThan(1);
  });

  it("writes 0183's survey as a workbook with the year, respondent and answer as numbers", async () => {
    const [header, first] = await surveyCells("0183", "survey-2024.xlsx");
    expect(header).toEqual(["municipality", "year", "respondent", "gender", "question", "answer"]);
    expect(first[0]).toBe("0183");
    expect(first[1]).toBe(2024);
    expect(first[2]).toBe(1);
    expect(typeof first[5] === "number" || first[5] === null).toBe(true);
  });
});

describe("the population sample (contract §11)", () => {
  const file = () => readFile(join(a, "network", "population-2024-2025.csv"), "utf8");

  it("has every municipality, year, gender and age 0–120 once, adding up to the totals", async () => {
    const [header, ...lines] = (await file()).trimEnd().split("\n");
    expect(header).toBe("municipality,year,gender,age,persons");
    expect(lines.length).toBe(6 * 2 * 2 * 121);
    const totals = new Map<string, number>();
    const seen = new Set<string>();
    for (const l of lines) {
      const [m, y, g, age, persons] = l.split(",");
      expect(l).toMatch(/^\d{4},(2024|2025),[KM],(\d|[1-9]\d|1[01]\d|120),(0|[1-9]\d*)$/);
      seen.add(`${m}:${y}:${g}:${age}`);
      totals.set(`${m}:${y}`, (totals.get(`${m}:${y}`) ?? 0) + Number(persons));
    }
    expect(seen.size).toBe(lines.length);
    // the published totals at 31 December 2024 (SCB) are kept exactly; the rest are modelled
    expect(totals.get("0182:2024")).toBe(112_112);
    expect(totals.get("0181:2024")).toBe(102_911);
    expect(totals.get("0183:2024")).toBe(56_274);
    expect(Object.fromEntries(totals)).toEqual(Object.fromEntries(sampleInhabitants.totals.map((t) => [`${t.municipality}:${t.year}`, t.persons])));
  });

  it("spreads a total by the documented age profile: exact sums, smooth ages, plausible shares", () => {
    for (const total of [0, 1, 17, 1000, 102_911]) {
      const s = spread(total);
      expect([...s.K, ...s.M].reduce((x, y) => x + y, 0)).toBe(total);
    }
    const s = spread(100_000);
    const sum = (g: "K" | "M", from: number, to: number) => s[g].slice(from, to + 1).reduce((x, y) => x + y, 0);
    const share = (from: number, to: number) => (sum("K", from, to) + sum("M", from, to)) / 100_000;
    expectBetween(share(0, 17), 0.18, 0.22);
    expectBetween(share(18, 66), 0.58, 0.64);
    expectBetween(share(65, 120), 0.19, 0.23);
    expectBetween(sum("K", 0, 120) / 100_000, 0.49, 0.51);
    expect(s.M[0]).toBeGreaterThan(s.K[0]); // more boys are born
    expect(sum("K", 85, 120)).toBeGreaterThan(sum("M", 85, 120)); // women live longer
    expect(s.K[120] + s.M[120]).toBe(0);
    for (const g of ["K", "M"] as const) {
      const p = ageProfile(g);
      // no jumps: the change from one age to the next changes by less than 2 points a year up to 90
      for (let age = 2; age <= 90; age++) expect(Math.abs(p[age] / p[age - 1] - p[age - 1] / p[age - 2]), `${g} ${age}`).toBeLessThan(0.02);
    }
  });
});

describe("the commentary samples (contract §14)", () => {
  const read = async (code: string) => readFile(join(a, code, "kommentar.md"));
  const sections = (text: string) => commentarySections(text, schema()).sections.map((x) => (x.indicator ? `${x.targetGroup} / ${x.indicator}` : x.targetGroup));

  it("has commentary for 0181, 0182 and 0128 whose every heading names a report or indicator", async () => {
    const expected: Record<string, string[]> = {
      "0181": ["unemployment", "unemployment / exit_work_studies_share", "long_term_unemployed / long_term_share", "newly_arrived"],
      "0182": ["young_adults", "young_adults / recipients", "all / amount_per_household_month"],
      "0128": ["all", "unemployment / measure_exits"]
    };
    expect((await readdir(a, { recursive: true })).filter((n) => n.endsWith(".md")).sort()).toEqual(["0128/kommentar.md", "0181/kommentar.md", "0182/kommentar.md"]);
    for (const [code, headings] of Object.entries(expected)) {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(await read(code));
      expect(sections(text), code).toEqual(headings);
      const { intro } = commentarySections(text, schema());
      expect(intro.length, code).toBeGreaterThan(100);
      expect(text).toMatch(/\n- \S/); // a bullet list
      expect(text).toMatch(/\]\(https:\/\/[a-z.]+\/\)/); // a link
      expect(text).toMatch(/\*[^*\s][^*]*\*/); // emphasis
    }
  });

  it("warns only of the one small number written on purpose in Salem's file", async () => {
    const findings = (code: string, text: string) => commentaryFindings(`${code}/kommentar.md`, text, schema(), 3).map((f) => [f.severity, f.code, f.line, f.value]);
    expect(findings("0181", (await read("0181")).toString("utf8"))).toEqual([]);
    expect(findings("0182", (await read("0182")).toString("utf8"))).toEqual([]);
    expect(findings("0128", (await read("0128")).toString("utf8"))).toEqual([["WARNING", "commentary_small_number", 15, "2"]]);
  });

  it("saves Nacka's file as Windows Notepad does (BOM, CRLF) and the others as plain UTF-8 with LF", async () => {
    const nacka = await read("0182");
    expect([...nacka.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(nacka.toString("utf8").split("\n").slice(0, -1).every((l) => l.endsWith("\r"))).toBe(true);
    for (const code of ["0181", "0128"]) {
      const b = await read(code);
      expect(b[0]).not.toBe(0xef);
      expect(b.includes(0x0d)).toBe(false);
    }
  });
});

describe("nationalSpecs", () => {
  it("spreads the rows over real-looking municipality codes", () => {
    const n = nationalSpecs(290, 10_000_000);
    expect(n.length).toBe(290);
    expect(new Set(n.map((s) => s.code)).size).toBe(290);
    for (const s of n) expect(s.code).toMatch(/^(01|03|04|05|06|07|08|09|10|12|13|14|17|18|19|20|21|22|23|24|25)\d\d$/);
    expect(n.map((s) => s.code)).toContain("0180");
    const rows = n.reduce((sum, s) => sum + s.recipientsPerYear * 2 * rowsPerRecipientYear, 0);
    expectBetween(rows / 10_000_000, 0.98, 1.02);
    const sizes = n.map((s) => s.recipientsPerYear).sort((x, y) => x - y);
    expect(sizes[289] / sizes[145]).toBeGreaterThan(4); // skewed like real municipalities
    expect(() => nationalSpecs(291, 1000)).toThrow("municipality count out of range: 291 (1–290)");
  });

  it("generates about the asked number of rows", async () => {
    const out = join(root, "national");
    const r = await generate({ outDir: out, seed: 3, years: [2024, 2025], municipalities: nationalSpecs(5, 60_000) });
    expect(r.files.length).toBe(15);
    expectBetween(r.rows.bistand / 60_000, 0.9, 1.1);
    expect(r.rows.insats).toBeGreaterThan(0);
  });

  it("rejects options it cannot honour", async () => {
    await expect(generate({ outDir: join(root, "x"), seed: 1, years: [2024, 2026], municipalities: [] })).rejects.toThrow("years must be consecutive: 2024,2026");
    await expect(generate({ outDir: join(root, "x"), seed: 1, years: [2024], municipalities: [{ code: "181", recipientsPerYear: 5, dialect: "contract" }] })).rejects.toThrow("invalid municipality code: 181");
  });
});
