// Helpers for the hand-computed indicator tests: tiny contract-format inboxes written as real files,
// a pipeline run into a temporary directory with a fixed clock and key, and the published CSVs read
// back. Month patterns keep the test data readable next to the arithmetic in the tests.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runConfig } from "../../pipeline/config.js";
import { testContext } from "../../pipeline/system/context.js";
import { run, type RunSummary } from "../../pipeline/run.js";

/** A fixed pseudonymisation key (64 hex digits = 32 bytes), so runs are reproducible. */
export const testKey = "5eed".repeat(16);

/** One letter per reason code in month patterns; `-` is a row without a reason, `.` no row. */
export const reasonOf: Readonly<Record<string, string>> = {
  U: "unemployed_no_benefit",
  A: "unemployed_awaiting_benefit",
  I: "unemployed_insufficient_benefit",
  E: "establishment_insufficient",
  S: "sick_certified_no_benefit",
  s: "sick_certified_insufficient",
  O: "social_reasons",
  P: "parental_benefit_insufficient",
  N: "no_barrier"
};

export const bistandHeader = ["municipality", "month", "person_id", "household_id", "role", "gender", "birth_year", "born_abroad", "reason", "amount_sek"];
export const insatsHeader = ["municipality", "person_id", "gender", "birth_year", "measure", "need_category", "referred_by", "start_date", "end_date", "exit_reason", "cost_sek"];

/** A hex pseudonym (32 digits) for a readable label; labels are never published, only counted. */
export function personId(label: string): string {
  return createHash("sha256").update(label).digest("hex").slice(0, 32);
}

export interface Person {
  /** unique within the municipality, e.g. "A" (copies get "A#0", "A#1", …) */
  readonly label: string;
  readonly gender: "K" | "M";
  readonly born: number;
  /** own household unless given (a couple shares one) */
  readonly household?: string;
  readonly role?: "applicant" | "co_applicant";
  /** year → 12 characters, January first: a reason letter of `reasonOf`, `-` no reason, `.` no row */
  readonly years: Readonly<Record<number, string>>;
  /** amount per month written on this person's rows: a number, a text (e.g. "10000,50"), or "" (empty) */
  readonly amount?: number | string;
  /** per-year overrides of gender / birth year, to model a person whose registration changes */
  readonly genderIn?: Readonly<Record<string, "K" | "M">>;
  readonly bornIn?: Readonly<Record<string, number>>;
}

/** `n` copies of each person (labels and households suffixed #0…#n-1): every count × n, every share the same. */
export function copies(n: number, people: readonly Person[]): Person[] {
  const out: Person[] = [];
  for (let c = 0; c < n; c++) {
    for (const p of people) out.push({ ...p, label: `${p.label}#${c}`, household: `${p.household ?? p.label}#${c}` });
  }
  return out;
}

/** bistand rows (as cells) of the people in a municipality, ordered by month then person. */
export function bistandRows(municipality: string, people: readonly Person[], only?: (month: string) => boolean): string[][] {
  const rows: { month: string; cells: string[] }[] = [];
  for (const p of people) {
    for (const [year, pattern] of Object.entries(p.years)) {
      if (pattern.length !== 12) throw new Error(`pattern of ${p.label} ${year} is not 12 months: ${pattern}`);
      [...pattern].forEach((ch, i) => {
        if (ch === ".") return;
        const month = `${year}-${String(i + 1).padStart(2, "0")}`;
        if (only && !only(month)) return;
        const reason = ch === "-" ? "" : reasonOf[ch];
        if (reason === undefined) throw new Error(`unknown reason letter: ${ch}`);
        const gender = p.genderIn?.[month] ?? p.gender;
        const born = p.bornIn?.[month] ?? p.born;
        rows.push({
          month,
          cells: [municipality, month, personId(`${municipality}/${p.label}`), `${municipality}-${p.household ?? p.label}`, p.role ?? "applicant",
            gender, String(born), "0", reason, p.amount === undefined ? "1000" : String(p.amount)]
        });
      });
    }
  }
  return rows.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)).map((r) => r.cells);
}

export interface Measure {
  readonly label: string;
  readonly gender: "K" | "M";
  readonly born: number;
  readonly measure: string;
  readonly start: string;
  readonly end?: string;
  readonly exit?: string;
  /** cost_sek, empty when not given */
  readonly cost?: string;
  /** need_category, empty when not given */
  readonly need?: string;
  /** referred_by: social_services when not given, "" for empty */
  readonly referred?: string;
}

/** `n` copies of each measure, person labels suffixed like `copies`, so they link to the copied people. */
export function measureCopies(n: number, measures: readonly Measure[]): Measure[] {
  const out: Measure[] = [];
  for (let c = 0; c < n; c++) for (const m of measures) out.push({ ...m, label: `${m.label}#${c}` });
  return out;
}

export function insatsRows(municipality: string, measures: readonly Measure[]): string[][] {
  return measures.map((m) => [municipality, personId(`${municipality}/${m.label}`), m.gender, String(m.born), m.measure, m.need ?? "", m.referred ?? "social_services",
    m.start, m.end ?? "", m.exit ?? "", m.cost ?? ""]);
}

/** A CSV file's text: header and rows joined by the delimiter, LF line ends. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[], delimiter = ","): string {
  return [header, ...rows].map((r) => r.join(delimiter)).join("\n") + "\n";
}

/** Writes files (path relative to dir → content) and gives each the same fixed mtime unless told. */
export function writeFiles(dir: string, files: Readonly<Record<string, string | Buffer>>, mtime: Date = new Date("2026-01-10T12:00:00Z")): void {
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
    utimesSync(full, mtime, mtime);
  }
}

export function tempRoot(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `kas-${prefix}-`));
}

/** `kas run` on root/inbox into root/site (database root/state/kas.duckdb) with the fixed test clock and key. */
export async function runKas(root: string, threshold?: number): Promise<RunSummary> {
  const cfg = runConfig({ inbox: join(root, "inbox"), out: join(root, "site"), db: join(root, "state", "kas.duckdb"), ...(threshold ? { threshold } : {}) });
  return run(cfg, testContext({ env: { KAS_KEY: testKey } }));
}

export interface CsvFigure {
  readonly indicator: string;
  readonly municipality: string;
  readonly year: number;
  readonly gender: string;
  /** the cells exactly as written */
  readonly value: string;
  readonly numerator: string;
  readonly denominator: string;
  readonly status: string;
  /** a breakdown's dimension and category (contract §6.3); empty for a total */
  readonly dimension?: string;
  readonly category?: string;
}

export const figureHeader = "indicator,dimension,category,municipality,year,gender,value,numerator,denominator,status";

/** Parses a data/<group>.csv strictly: the contract's header, 10 unquoted cells per line, LF only. */
export function parseFigures(text: string): CsvFigure[] {
  if (!text.endsWith("\n") || text.includes("\r")) throw new Error("figures CSV must end with LF and hold no CR");
  const [header, ...lines] = text.slice(0, -1).split("\n");
  if (header !== figureHeader) throw new Error(`unexpected header: ${header}`);
  return lines.map((line, i) => {
    const cells = line.split(",");
    if (cells.length !== 10 || line.includes('"')) throw new Error(`line ${i + 2} is not 10 plain cells: ${line}`);
    const [indicator, dimension, category, municipality, year, gender, value, numerator, denominator, status] = cells;
    return { indicator, dimension, category, municipality, year: Number(year), gender, value, numerator, denominator, status };
  });
}

/** The published figures of one site, by target group, with lookup by indicator/municipality/year/gender. */
export class Site {
  readonly groups = new Map<string, CsvFigure[]>();
  private readonly index = new Map<string, CsvFigure>();

  constructor(readonly dir: string) {
    for (const file of readdirSync(join(dir, "data")).sort()) {
      if (!file.endsWith(".csv")) continue;
      const group = file.slice(0, -4);
      const figures = parseFigures(readFileSync(join(dir, "data", file), "utf8"));
      this.groups.set(group, figures);
      for (const f of figures) {
        const key = `${group}|${f.indicator}|${f.dimension ?? ""}|${f.category ?? ""}|${f.municipality}|${f.year}|${f.gender}`;
        if (this.index.has(key)) throw new Error(`duplicate figure: ${key}`);
        this.index.set(key, f);
      }
    }
  }

  /** The figure, or an error naming what is missing (a missing row is a failure, never "no data"). */
  get(group: string, indicator: string, municipality: string, year: number, gender: string, dimension = "", category = ""): CsvFigure {
    const f = this.index.get(`${group}|${indicator}|${dimension}|${category}|${municipality}|${year}|${gender}`);
    if (!f) throw new Error(`no figure ${group} ${indicator}${dimension ? ` ${dimension}=${category}` : ""} ${municipality} ${year} ${gender}`);
    return f;
  }

  /** A breakdown (contract §6.3) as category → value cell, in the CSV's order, for one gender. */
  breakdown(group: string, indicator: string, dimension: string, municipality: string, year: number, gender = "T"): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.groups.get(group) ?? []) {
      if (f.indicator === indicator && f.dimension === dimension && f.municipality === municipality && f.year === year && f.gender === gender) {
        out[f.category!] = f.status === "" ? f.value : f.status;
      }
    }
    if (Object.keys(out).length === 0) throw new Error(`no breakdown ${group} ${indicator} by ${dimension} ${municipality} ${year} ${gender}`);
    return out;
  }

  /** [value, numerator, denominator, status] of a figure, the cells as written. */
  cells(group: string, indicator: string, municipality: string, year: number, gender: string): [string, string, string, string] {
    const f = this.get(group, indicator, municipality, year, gender);
    return [f.value, f.numerator, f.denominator, f.status];
  }

  /** A count's value for K, M and T, e.g. [10, 0, 10]; throws unless all three are published. */
  counts(group: string, indicator: string, municipality: string, year: number): [number, number, number] {
    return (["K", "M", "T"] as const).map((g) => {
      const f = this.get(group, indicator, municipality, year, g);
      if (f.status !== "") throw new Error(`${group} ${indicator} ${municipality} ${year} ${g} is not published (${f.status})`);
      return Number(f.value);
    }) as [number, number, number];
  }
}

// ---------------------------------------------------------------------------------------------
// Invariants every published CSV must satisfy (contract §6–§8), checked in exact decimal arithmetic.

const decimalsOf: Readonly<Record<string, number>> = {
  recipients: 0, new_recipients: 0, ended_recipients: 0, participants: 0, measure_starts: 0, measure_exits: 0,
  long_term_share: 1, reason_coded_share: 1, exit_work_studies_share: 1, no_return_3m_share: 1, no_return_12m_share: 1,
  exit_reason_share: 1, exit_duration_share: 1,
  socioeconomic_value: 0, socioeconomic_net_value: 0, socioeconomic_return: 2,
  months_per_recipient: 1, amount_per_household_month: 0, cost_per_exit: 0, cost_per_work_studies_exit: 0,
  recipients_per_1000: 1, participants_per_1000: 1
};
const countIndicators = new Set(["recipients", "new_recipients", "ended_recipients", "participants", "measure_starts", "measure_exits"]);
/** means: value = numerator ÷ denominator rounded half up; the T-only ones rest on an amount, not a count */
const means = new Set(["months_per_recipient", "amount_per_household_month", "cost_per_exit", "cost_per_work_studies_exit"]);
/** rates per 1 000 inhabitants (§11): a count over the population, which is public (any size) */
const rates = new Set(["recipients_per_1000", "participants_per_1000"]);
const totalOnly = new Set(["amount_per_household_month", "cost_per_exit", "cost_per_work_studies_exit", "socioeconomic_value", "socioeconomic_net_value", "socioeconomic_return"]);
/** the model figures of §10: a value (possibly negative), no numerator or denominator */
const models = new Set(["socioeconomic_value", "socioeconomic_net_value", "socioeconomic_return"]);
const SCALE = 6; // every number in the CSVs has at most this many decimals

/** "123.45" → 123450000n (× 10^SCALE); throws on anything but the CSV number notation. */
export function exact(s: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m || (m[2] ?? "").length > SCALE) throw new Error(`not a CSV number: ${JSON.stringify(s)}`);
  return BigInt(m[1]) * 10n ** BigInt(SCALE) + BigInt((m[2] ?? "").padEnd(SCALE, "0"));
}

/** round(a / b) half up to `d` decimals, as an exact CSV number's scaled value (a, b ≥ 0, scaled alike). */
function roundedRatio(a: bigint, b: bigint, d: number): bigint {
  const q = (2n * a * 10n ** BigInt(d) + b) / (2n * b);
  return q * 10n ** BigInt(SCALE - d);
}

/**
 * Every way one site's figures break contract §6–§8, as readable lines (empty when none): statuses and
 * empty cells, numbers in CSV notation, shares and means exactly rounded from their numerator and
 * denominator, counts never in 1..threshold, and network means of the published municipal values.
 */
export function violations(site: Site, threshold: number): string[] {
  const out: string[] = [];
  for (const [group, figures] of site.groups) {
    const byKey = new Map<string, CsvFigure[]>();
    const withheldKeys = new Set<string>();
    for (const f of figures) {
      const at = `${group} ${f.indicator}${f.dimension ? ` ${f.dimension}=${f.category}` : ""} ${f.municipality} ${f.year} ${f.gender}`;
      const bad = (what: string) => out.push(`${at}: ${what} [${f.value},${f.numerator},${f.denominator},${f.status}]`);
      const d = decimalsOf[f.indicator];
      if (d === undefined) { bad("unknown indicator"); continue; }
      if (!["K", "M", "T"].includes(f.gender)) bad("gender");
      if (totalOnly.has(f.indicator) && f.gender !== "T") bad("a T-only indicator for K or M");
      if (!["", "..", "-"].includes(f.status)) { bad("status"); continue; }
      if (f.status !== "") {
        if (f.value !== "" || f.numerator !== "" || f.denominator !== "") bad("withheld or missing row with cells");
        // a network row is `..` only when nothing is averaged and some municipality is withheld (checked below)
        if (f.municipality !== "network" && f.status === "..") withheldKeys.add(`${f.indicator}|${f.dimension ?? ""}|${f.category ?? ""}|${f.year}|${f.gender}`);
        continue;
      }
      if (f.municipality !== "network") {
        const key = `${f.indicator}|${f.dimension ?? ""}|${f.category ?? ""}|${f.year}|${f.gender}`;
        byKey.set(key, [...(byKey.get(key) ?? []), f]);
      }
      if (models.has(f.indicator) && f.municipality !== "network") {
        if (f.numerator !== "" || f.denominator !== "" || !/^-?\d+(\.\d+)?$/.test(f.value) || (f.value.split(".")[1] ?? "").length > d) bad("model figure: a number of at most its decimals, no numerator or denominator");
        continue;
      }
      if (models.has(f.indicator)) continue; // the network mean of a model figure: numerator the sum, denominator the number
      let value: bigint, num: bigint;
      try {
        value = exact(f.value);
        num = exact(f.numerator);
      } catch (e) {
        bad((e as Error).message);
        continue;
      }
      if (f.municipality === "network") continue; // checked below, against the municipalities
      const small = (v: bigint) => v >= 1n * 10n ** BigInt(SCALE) && v <= BigInt(threshold) * 10n ** BigInt(SCALE);
      const integral = (v: bigint) => v % 10n ** BigInt(SCALE) === 0n;
      if (countIndicators.has(f.indicator)) {
        if (f.numerator !== f.value || f.denominator !== "") bad("count's numerator is not its value, or it has a denominator");
        if (!integral(value) || small(value)) bad(`count not 0 or > ${threshold}`);
        continue;
      }
      let den: bigint;
      try {
        den = exact(f.denominator);
      } catch (e) {
        bad((e as Error).message);
        continue;
      }
      if (rates.has(f.indicator)) {
        if (!integral(den) || den === 0n) bad("a rate's denominator is not a population > 0");
        if (!integral(num) || small(num)) bad(`numerator not 0 or > ${threshold}`);
        if (value !== roundedRatio(1000n * num, den, 1)) bad("rate is not 1 000 × numerator ÷ denominator rounded half up to one decimal");
        continue;
      }
      if (!integral(den) || den === 0n || small(den)) bad(`denominator not a count > ${threshold}`);
      if (means.has(f.indicator)) {
        if (value !== roundedRatio(num, den, d)) bad(`mean is not numerator ÷ denominator rounded half up to ${d} decimals`);
        if (!totalOnly.has(f.indicator) && (!integral(num) || small(num))) bad(`numerator not 0 or > ${threshold}`);
        continue;
      }
      if (!integral(num) || small(num)) bad(`numerator not 0 or > ${threshold}`);
      if (den < 10n * 10n ** BigInt(SCALE)) bad("share with a denominator below 10");
      if (num > den) bad("numerator above denominator");
      if (value !== roundedRatio(100n * num, den, 1)) bad("share is not 100 × numerator ÷ denominator rounded half up to one decimal");
    }
    for (const f of figures.filter((x) => x.municipality === "network" && !models.has(x.indicator))) {
      const at = `${group} ${f.indicator}${f.dimension ? ` ${f.dimension}=${f.category}` : ""} network ${f.year} ${f.gender}`;
      const averaged = byKey.get(`${f.indicator}|${f.dimension ?? ""}|${f.category ?? ""}|${f.year}|${f.gender}`) ?? [];
      if (averaged.length === 0) {
        const want = withheldKeys.has(`${f.indicator}|${f.dimension ?? ""}|${f.category ?? ""}|${f.year}|${f.gender}`) ? ".." : "-";
        if (f.status !== want || f.value !== "") out.push(`${at}: a mean of nothing is not '${want}' [${f.value},${f.status}]`);
        continue;
      }
      const sum = averaged.reduce((s, x) => s + exact(x.value), 0n);
      // a mean of counts keeps one decimal; of anything else, the indicator's own (SEK in whole kronor)
      const d = countIndicators.has(f.indicator) ? Math.max(1, decimalsOf[f.indicator]) : decimalsOf[f.indicator];
      const n = BigInt(averaged.length);
      if (f.status !== "" || f.numerator === "" || exact(f.numerator) !== sum || f.denominator !== String(averaged.length) ||
          exact(f.value) !== roundedRatio(sum, n * 10n ** BigInt(SCALE), d)) {
        out.push(`${at}: [${f.value},${f.numerator},${f.denominator},${f.status}] is not the mean of ${averaged.map((x) => x.value).join(", ")}`);
      }
    }
    out.push(...breakdownSums(group, figures));
  }
  return out;
}

/**
 * The categories of a breakdown add up to its total (contract §6.3): where every category and the total
 * are published, a count's categories sum to the total's count, a share's numerators to its
 * denominator when that is the total's (exit_reason_share, exit_duration_share).
 */
function breakdownSums(group: string, figures: readonly CsvFigure[]): string[] {
  const out: string[] = [];
  const parts = new Map<string, CsvFigure[]>();
  const totals = new Map<string, CsvFigure>();
  for (const f of figures) {
    if (f.municipality === "network") continue;
    const key = `${f.indicator}|${f.municipality}|${f.year}|${f.gender}`;
    if (!f.dimension) totals.set(key, f);
    else parts.set(`${key}|${f.dimension}`, [...(parts.get(`${key}|${f.dimension}`) ?? []), f]);
  }
  for (const [key, list] of parts) {
    const [indicator, municipality, year, gender, dimension] = key.split("|");
    const at = `${group} ${indicator} by ${dimension} ${municipality} ${year} ${gender}`;
    if (list.some((f) => f.status !== "")) continue;
    if (countIndicators.has(indicator)) {
      const total = totals.get(`${indicator}|${municipality}|${year}|${gender}`);
      if (!total || total.status !== "") continue;
      const sum = list.reduce((s, f) => s + exact(f.value), 0n);
      if (sum !== exact(total.value)) out.push(`${at}: the categories add up to ${sum / 10n ** BigInt(SCALE)}, the total is ${total.value}`);
    } else if (indicator === "exit_reason_share" || indicator === "exit_duration_share") {
      const sum = list.reduce((s, f) => s + exact(f.numerator), 0n);
      if (list.some((f) => f.denominator !== list[0].denominator) || sum !== exact(list[0].denominator)) {
        out.push(`${at}: the categories' numerators add up to ${sum / 10n ** BigInt(SCALE)}, not the denominator ${list[0].denominator}`);
      }
    }
  }
  return out;
}
