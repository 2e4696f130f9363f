// The Norwegian sample network (data-samples/inbox-no): made byte for byte by the generator, under
// SSB's municipality codes valid from 2024, with valid fødselsnummer and D-numbers, amounts in NOK,
// and Bodø (1804) exporting in KOSTRA's notation that schemas/profiles/kostra-no.json maps; its user
// surveys, modelled population file and bokmål commentary; and the whole network loaded by `kas run`
// with its settings file, every file accepted.
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../data-samples/generate/dialects.js";
import { generate } from "../data-samples/generate/generate.js";
import { exitCodes } from "../data-samples/generate/measures.js";
import { sampleInhabitantsNo, sampleOptionsNo, sampleSpecsNo } from "../data-samples/generate/samples.js";
import { questions } from "../data-samples/generate/survey.js";
import { commentaryFindings, commentarySections } from "../pipeline/contract/commentary.js";
import { norwegianCheckDigits, parseIdentity } from "../pipeline/contract/identity.js";
import { checkMunicipality } from "../pipeline/contract/municipalities.js";
import { loadProfiles, normaliseKey } from "../pipeline/contract/profile.js";
import { schema } from "../pipeline/contract/schema.js";
import { samplesDir } from "../pipeline/system/paths.js";
import { cleanup, kas, query, tempDir } from "./helpers/kas.js";

const inbox = join(samplesDir, "inbox-no");
const settings = join(samplesDir, "settings-no.json");
const specs = sampleSpecsNo();

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(join(e.parentPath, e.name).slice(dir.length + 1));
  return out.sort();
}

/** A committed sample CSV as header and rows of cells (UTF-8 with or without BOM; `;` or `,`; LF or CRLF). */
async function table(rel: string): Promise<{ header: string[]; rows: string[][] }> {
  const text = (await readFile(join(inbox, rel), "utf8")).replace(/^\uFEFF/, "");
  const [head, ...lines] = text.trimEnd().split(/\r?\n/);
  const d = head.includes(";") ? ";" : ",";
  return { header: head.split(d), rows: lines.map((l) => l.split(d)) };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "kas-samples-no-"));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("data-samples/inbox-no", () => {
  it("is what the generator writes, byte for byte, every time", async () => {
    await generate(sampleOptionsNo(join(root, "a")));
    await generate(sampleOptionsNo(join(root, "b")));
    const names = await filesUnder(join(root, "a"));
    expect(names).toEqual(await filesUnder(join(root, "b")));
    expect(await filesUnder(inbox)).toEqual(names);
    // per municipality 2 bistand + 1 insats + 2 survey files, 2 commentaries, 1 population file
    expect(names).toHaveLength(5 * 5 + 2 + 1);
    for (const n of names) {
      const bytes = await readFile(join(root, "a", n));
      expect(bytes.equals(await readFile(join(root, "b", n))), n).toBe(true);
      expect(bytes.equals(await readFile(join(inbox, n))), `${n} differs: run node dist/data-samples/generate/main.js`).toBe(true);
    }
  });

  it("has five municipalities of KS's network under the SSB codes valid in 2024 and 2025", () => {
    const names = Object.fromEntries(specs.map((s) => [s.code, checkMunicipality(s.code, [2024, 2025], "NO")]));
    expect(Object.fromEntries(Object.entries(names).map(([c, r]) => [c, r.ok ? `${r.country} ${r.name}` : r.reason]))).toEqual({
      "3201": "NO Bærum", "1804": "NO Bodø", "4001": "NO Porsgrunn", "3101": "NO Halden", "5503": "NO Harstad - Hárstták"
    });
    // the codes these municipalities had before the 2024 reform are not valid in the sample years
    for (const old of ["3024", "3806", "3001", "5402"]) expect(checkMunicipality(old, [2024], "NO")).toMatchObject({ ok: false, reason: "replaced" });
  });

  it("writes valid fødselsnummer and D-numbers whose birth date and gender digit agree with the row", async () => {
    let fnr = 0;
    let dNumbers = 0;
    for (const s of specs) {
      for (const name of ["bistand-2024.csv", "bistand-2025.csv", "insats-2025-12-31.csv"]) {
        const { rows } = await table(`${s.code}/${name}`);
        // every dialect writes the contract's columns in the contract's order
        const kind = name.startsWith("bistand") ? "bistand" : "insats";
        const [id, gender, born] = ["person_id", "gender", "birth_year"].map((c) => dialects.contract.headers[kind].indexOf(c));
        for (const r of rows) {
          if (s.ids === "hex32") {
            expect(r[id]).toMatch(/^[0-9a-f]{32}$/);
            continue;
          }
          const p = parseIdentity(r[id], 2025);
          expect(p, r[id]).toMatchObject({ ok: true, kind: "no" });
          expect(norwegianCheckDigits(r[id].slice(0, 9))).toBe(r[id].slice(9));
          fnr++;
          if (Number(r[id][0]) >= 4) dNumbers++;
          const individual = Number(r[id].slice(6, 9));
          const year = Number(r[born]);
          expect(Number(r[id].slice(4, 6)), r[id]).toBe(year % 100);
          expect(individual >= 500, r[id]).toBe(year >= 2000);
          const woman = Number(r[id][8]) % 2 === 0;
          // contract K/M, or KOSTRA's KJONN 1 = man, 2 = woman
          expect(r[gender], r[id]).toBe(s.dialect === "kostra-no" ? (woman ? "2" : "1") : woman ? "K" : "M");
        }
      }
    }
    expect(fnr).toBeGreaterThan(30_000);
    expect(dNumbers).toBeGreaterThan(100);
  });

  it("pays assistance in whole Norwegian kroner at Norwegian levels", async () => {
    const amounts: number[] = [];
    for (const s of specs) {
      for (const year of [2024, 2025]) {
        const { header, rows } = await table(`${s.code}/bistand-${year}.csv`);
        const col = header.length - 1; // the amount is the last column in every dialect
        expect(["amount_sek", "BELOP"]).toContain(header[col]);
        for (const r of rows) if (r[col] !== "") amounts.push(Number(r[col]));
      }
    }
    expect(amounts.every((a) => Number.isInteger(a) && a >= 5000 && a <= 20_000)).toBe(true);
    const mean = amounts.reduce((a, b) => a + b, 0) / amounts.length;
    expect(mean).toBeGreaterThan(10_000);
    expect(mean).toBeLessThan(12_500);
  });
});

describe("Bodø's KOSTRA-like export and its profile", () => {
  const s = schema();
  const profile = loadProfiles(s).byName.get("kostra-no")!;
  const d = dialects["kostra-no"];

  it("is the profile of 1804 and maps every header to the contract's column", () => {
    expect(profile.municipalities).toEqual(["1804"]);
    for (const kind of ["bistand", "insats"] as const) {
      expect(d.headers[kind].map((h) => profile.columns[normaliseKey(h)])).toEqual(s.kinds[kind].columns.map((c) => c.name));
    }
    expect(profile.formats).toEqual({ month: "%m%Y", start_date: "%d%m%Y", end_date: "%d%m%Y" });
  });

  it("maps the situation codes of KOSTRA form 11CF as the profile says, and writes 10 where KOSTRA has no code", () => {
    expect(profile.codes.exit_reason).toEqual({
      "01": "work", "11": "work", "04": "studies", "03": "employment_service", "13": "ill_health", "14": "ill_health",
      "15": "other", "16": "other", "10": "other", "17": "unknown"
    });
    expect(profile.codes.gender).toEqual({ "1": "M", "2": "K" });
    const lossy = new Set(["municipal_employment", "other_measure", "moved", "dropped_out"]);
    for (const code of exitCodes) {
      const written = d.alternatives?.exit_reason?.[code] ?? [d.codes.exit_reason![code]];
      for (const w of written) expect(profile.codes.exit_reason[w], `${code} written as ${w}`).toBe(lossy.has(code) ? "other" : code);
    }
  });

  it("writes every 11CF code in its file, months as MMYYYY and dates as DDMMYYYY", async () => {
    const insats = await table("1804/insats-2025-12-31.csv");
    expect(insats.header).toEqual([...d.headers.insats]);
    const exits = new Set(insats.rows.map((r) => r[9]).filter((x) => x !== ""));
    expect([...exits].sort()).toEqual(["01", "03", "04", "10", "11", "13", "14", "15", "16", "17"]);
    for (const r of insats.rows) expect(r[7]).toMatch(/^(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])202[2-5]$/);
    const bistand = await table("1804/bistand-2024.csv");
    expect(bistand.header).toEqual([...d.headers.bistand]);
    expect(new Set(bistand.rows.map((r) => r[1]))).toEqual(new Set(Array.from({ length: 12 }, (_, m) => `${String(m + 1).padStart(2, "0")}2024`)));
    expect(new Set(bistand.rows.map((r) => r[7]))).toEqual(new Set(["1", "2"]));
  });
});

describe("kas run on the Norwegian network", () => {
  const dirs: string[] = [];
  afterAll(() => cleanup(...dirs));

  it("accepts every file with the settings file and maps Bodø's notation through the profile", async () => {
    const dir = tempDir("samples-no");
    dirs.push(dir);
    const db = join(dir, "kas.duckdb");
    const r = await kas(["run", "--inbox", inbox, "--db", db, "--out", join(dir, "site"), "--settings", settings, "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout) as { files: { accepted: { file: string; findings: unknown[] }[]; rejected: unknown[] } };
    expect(summary.files.rejected).toEqual([]);
    expect(summary.files.accepted.map((f) => f.file).sort()).toEqual(
      [
        ...specs.flatMap((s) => ["bistand-2024.csv", "bistand-2025.csv", "insats-2025-12-31.csv", "survey-2024.csv", "survey-2025.csv"].map((n) => `${s.code}/${n}`)),
        "1804/kommentar.md", "3201/kommentar.md", "network/population-2024-2025.csv"
      ].sort()
    );
    expect(summary.files.accepted.filter((f) => f.findings.length > 0)).toEqual([]);
    // Bodø's survey genders through its profile (KJONN 2 = woman), every row loaded
    const kjonnSurvey = (await table("1804/survey-2024.csv")).rows.concat((await table("1804/survey-2025.csv")).rows).map((x) => x[3]);
    expect(await query(db, `SELECT coalesce(gender, '-') AS gender, count(*)::INTEGER AS n FROM survey WHERE municipality = '1804' GROUP BY ALL ORDER BY ALL`)).toEqual([
      { gender: "-", n: kjonnSurvey.filter((x) => x === "").length }, { gender: "K", n: kjonnSurvey.filter((x) => x === "2").length }, { gender: "M", n: kjonnSurvey.filter((x) => x === "1").length }
    ]);
    expect(await query(db, `SELECT municipality, "year", sum(persons)::INTEGER AS persons FROM population GROUP BY ALL ORDER BY ALL`)).toEqual(
      [...sampleInhabitantsNo.totals].sort((x, y) => x.municipality.localeCompare(y.municipality) || x.year - y.year).map((t) => ({ municipality: t.municipality, year: t.year, persons: t.persons }))
    );
    expect(await query(db, `SELECT municipality FROM commentary ORDER BY ALL`)).toEqual([{ municipality: "1804" }, { municipality: "3201" }]);
    const exits = await query<{ exit_reason: string; n: number }>(db, `SELECT exit_reason, count(*)::INTEGER AS n FROM insats WHERE municipality = '1804' AND exit_reason IS NOT NULL GROUP BY ALL ORDER BY ALL`);
    const raw = (await table("1804/insats-2025-12-31.csv")).rows.map((x) => x[9]);
    const count = (...codes: string[]) => raw.filter((x) => codes.includes(x)).length;
    expect(Object.fromEntries(exits.map((e) => [e.exit_reason, e.n]))).toEqual({
      work: count("01", "11"), studies: count("04"), employment_service: count("03"), ill_health: count("13", "14"), other: count("10", "15", "16"), unknown: count("17")
    });
    const genders = await query<{ gender: string; n: number }>(db, `SELECT gender, count(*)::INTEGER AS n FROM bistand WHERE municipality = '1804' GROUP BY ALL ORDER BY ALL`);
    const kjonn = (await table("1804/bistand-2024.csv")).rows.concat((await table("1804/bistand-2025.csv")).rows).map((x) => x[5]);
    expect(genders).toEqual([{ gender: "K", n: kjonn.filter((x) => x === "2").length }, { gender: "M", n: kjonn.filter((x) => x === "1").length }]);
  }, 180_000);
});

describe("the Norwegian survey, population and commentary samples", () => {
  /** Per survey year: respondents per gender (contract codes; KJONN mapped for Bodø) and, per question, who answered 1–6. */
  async function survey(code: string, year: number) {
    const { header, rows } = await table(`${code}/survey-${year}.csv`);
    expect(header).toEqual(["municipality", "year", "respondent", "gender", "question", "answer"]);
    const gender = (g: string) => (g === "" ? null : code === "1804" ? (g === "2" ? "K" : "M") : g);
    const who = new Map(rows.map((r) => [Number(r[2]), gender(r[3])]));
    const per = Object.fromEntries(questions.map((q) => {
      const a = rows.filter((r) => r[4] === q && r[5] !== "");
      return [q, { K: a.filter((r) => gender(r[3]) === "K").length, M: a.filter((r) => gender(r[3]) === "M").length, T: a.length }];
    }));
    return { rows, who, per };
  }

  it("writes a survey per municipality and year: respondents 1..n, answers 1–6 or empty, genders in the municipality's notation", async () => {
    // [women, men, did not say] in 2024 and 2025
    const surveyed: Record<string, number[][]> = {
      "3201": [[96, 88, 10], [102, 95, 9]], "1804": [[64, 58, 6], [70, 61, 7]], "4001": [[52, 27, 5], [55, 34, 6]],
      "3101": [[36, 38, 4], [40, 41, 5]], "5503": [[18, 16, 3], [14, 12, 2]]
    };
    for (const s of specs) {
      for (const [yi, year] of [2024, 2025].entries()) {
        const { rows, who } = await survey(s.code, year);
        const [k, m, unsaid] = surveyed[s.code][yi];
        expect([...who.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: k + m + unsaid }, (_, i) => i + 1));
        const g = [...who.values()];
        expect([g.filter((x) => x === "K").length, g.filter((x) => x === "M").length, g.filter((x) => x === null).length], `${s.code} ${year}`).toEqual([k, m, unsaid]);
        expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(s.dialect === "kostra-no" ? ["1", "2", ""] : ["K", "M", ""]));
        for (const r of rows) {
          expect(r[0]).toBe(s.code);
          expect(r[1]).toBe(String(year));
          expect(r[5]).toMatch(/^[1-6]?$/);
          expect(parseIdentity(r[2], year)).toMatchObject({ ok: false });
        }
      }
    }
  });

  it("puts the subgroups on both sides of survey_min_respondents (30)", async () => {
    // Porsgrunn 2024: women 30 or more, men under 30 on every question
    for (const q of Object.values((await survey("4001", 2024)).per)) {
      expect(q.K).toBeGreaterThanOrEqual(30);
      expect(q.M).toBeLessThan(30);
    }
    // Harstad: 2024 under 30 per gender but 30 or more in all; 2025 under 30 even in all
    for (const q of Object.values((await survey("5503", 2024)).per)) expect([q.K < 30, q.M < 30, q.T >= 30]).toEqual([true, true, true]);
    for (const q of Object.values((await survey("5503", 2025)).per)) expect(q.T).toBeLessThan(30);
    // Bærum: every subgroup 30 or more
    for (const year of [2024, 2025]) for (const q of Object.values((await survey("3201", year)).per)) expect(Math.min(q.K, q.M)).toBeGreaterThanOrEqual(30);
  });

  it("has a population row per municipality, year, gender and age 0–120, adding up to the (modelled) totals", async () => {
    const { header, rows } = await table("network/population-2024-2025.csv");
    expect(header).toEqual(["municipality", "year", "gender", "age", "persons"]);
    expect(rows).toHaveLength(5 * 2 * 2 * 121);
    const totals: Record<string, number> = {};
    for (const [m, y, , , p] of rows) totals[`${m}:${y}`] = (totals[`${m}:${y}`] ?? 0) + Number(p);
    expect(totals).toEqual({
      "3201:2024": 131_800, "3201:2025": 132_600, "1804:2024": 53_700, "1804:2025": 54_100, "4001:2024": 37_400, "4001:2025": 37_600,
      "3101:2024": 31_900, "3101:2025": 32_100, "5503:2024": 25_000, "5503:2025": 25_100
    });
    expect(sampleInhabitantsNo.totals.every((t) => t.source === "modelled")).toBe(true);
  });

  it("has bokmål commentary for Bærum and Bodø, every heading known, no small numbers", async () => {
    const s = schema();
    const expected: Record<string, string[]> = {
      "3201": ["ill_health", "newly_arrived / participants", "all / cost_per_exit"],
      "1804": ["young_adults", "unemployment / exit_reason_share"]
    };
    for (const [code, headings] of Object.entries(expected)) {
      const text = await readFile(join(inbox, code, "kommentar.md"), "utf8");
      expect(commentarySections(text, s).sections.map((x) => (x.indicator ? `${x.targetGroup} / ${x.indicator}` : x.targetGroup))).toEqual(headings);
      expect(commentaryFindings(`${code}/kommentar.md`, text, s, 3)).toEqual([]);
      expect(text).toMatch(/\n- \S/);
      expect(text).toMatch(/\]\(https:\/\/[a-z.]+\/\)/);
    }
  });
});
