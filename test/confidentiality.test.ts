// Contract §8 on real runs at the default threshold 3 and at `--threshold 5`: a small network whose
// cells include many 1–3s (two hand-made municipalities, two generated from a fixed seed). Checked
// three ways: the CSV invariants (no published count in 1..threshold, no share over fewer than 10,
// empty cells on withheld rows, network means of published values only); pipeline/withhold/model.ts
// `checkPublished` (the LP attacker); and an independent integer brute force written here from the
// contract alone, which also uses what a `-` row tells (a share without a denominator has 0 and 0).
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../pipeline/cli.js";
import { checkPublished, withholdReport, type Gender, type IndicatorRow, type PublishedRow } from "../pipeline/withhold/model.js";
import { silentLogger, testContext } from "../pipeline/system/context.js";
import { openDb, sqlText } from "../pipeline/db/connection.js";
import { installMacros } from "../pipeline/db/macros.js";
import { martVars } from "../pipeline/publish/marts.js";
import { schema } from "../pipeline/contract/schema.js";
import type { RunSummary } from "../pipeline/run.js";
import {
  bistandHeader, bistandRows, copies, csvText, insatsHeader, insatsRows, runKas, Site, tempRoot, testKey, violations, writeFiles,
  type CsvFigure, type Measure, type Person
} from "./helpers/indicators.js";

// ---------------------------------------------------------------------------------------------
// The network.

/** mulberry32: a small seeded generator, so the generated municipalities are the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const letters = "UUUUUAIEESsOOPN"; // reason letters, weighted towards unemployment
const exitReasons = ["work", "studies", "municipal_employment", "other_measure", "dropped_out", "moved", "unknown"];
const measures = ["job_search", "work_training", "internship", "education", "municipal_employment", "rehabilitation"];

/** A municipality of `n` people in 2024 (couples share a household; the co-applicant copies the applicant's
 *  months and has no amount) and measures for some of them and for a few people without assistance. */
function generated(municipality: string, n: number, seed: number): { people: Person[]; measures: Measure[] } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[] | string): T => xs[Math.floor(rnd() * xs.length)] as T;
  const people: Person[] = [];
  const out: Measure[] = [];
  for (let i = 0; i < n; i++) {
    const couple = i > 0 && rnd() < 0.25 && people[i - 1].role !== "co_applicant";
    const gender = rnd() < 0.5 ? "K" : "M";
    const born = 1955 + Math.floor(rnd() * 52);
    let pattern: string;
    if (couple) {
      pattern = [...people[i - 1].years[2024]].map((c) => (c === "." ? "." : rnd() < 0.3 ? "-" : pick(letters))).join("");
    } else {
      const start = Math.floor(rnd() * 12);
      const length = 1 + Math.floor(rnd() * (12 - start));
      const main = pick<string>(letters);
      pattern = Array.from({ length: 12 }, (_, m) =>
        m < start || m >= start + length ? "." : rnd() < 0.15 ? "-" : rnd() < 0.15 ? pick<string>(letters) : main).join("");
    }
    const label = `${municipality}p${i}`;
    people.push(couple
      ? { label, gender, born, household: people[i - 1].household ?? people[i - 1].label, role: "co_applicant", years: { 2024: pattern }, amount: "" }
      : { label, gender, born, role: "applicant", years: { 2024: pattern }, amount: 2000 + Math.floor(rnd() * 9000) });
    if (rnd() < 0.4) out.push(measure(label, gender, born, rnd, pick));
  }
  for (let i = 0; i < 4; i++) out.push(measure(`${municipality}q${i}`, rnd() < 0.5 ? "K" : "M", 1970 + i, rnd, pick));
  return { people, measures: out };
}

function measure(label: string, gender: "K" | "M", born: number, rnd: () => number, pick: <T>(xs: readonly T[]) => T): Measure {
  const start = 1 + Math.floor(rnd() * 9);
  const ongoing = rnd() < 0.2;
  const date = (m: number, d: number) => `2024-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return { label, gender, born, measure: pick(measures), start: date(start, 1), ...(ongoing ? {} : { end: date(start + 1 + Math.floor(rnd() * (12 - start - 1)), 28), exit: pick(exitReasons) }) };
}

// 0184 Solna, hand-made: five women in 2024 and 2025, no men. All "UUUUUUUUUUUU" (12 months, unemployed),
// one of them coded establishment_insufficient and born 2001 (newly arrived, young adult): recipients 5 and
// person-months 60 pin the long-term count down to 5 (60 ≥ 9L + 5 and 60 ≤ 3L + 45), so something beyond the
// long-term share (denominator 5 < 10) must be withheld.
const solna: Person[] = [
  ...Array.from({ length: 4 }, (_, i): Person => ({ label: `W${i}`, gender: "K", born: 1980, years: { 2024: "UUUUUUUUUUUU", 2025: "UUUUUUUUUUUU" } })),
  { label: "W4", gender: "K", born: 2001, years: { 2024: "EEEEEEEEEEEE", 2025: "EEEEEEEEEEEE" } }
];
// 0186 Lidingö, hand-made, 2025 only: 10 women and 10 men with assistance all year → long-term 100 %.
const lidingo: Person[] = copies(10, [
  { label: "V1", gender: "K", born: 1975, years: { 2025: "UUUUUUUUUUUU" } },
  { label: "V2", gender: "M", born: 1975, years: { 2025: "UUUUUUUUUUUU" } }
]);
// 0187 Vaxholm, hand-made, 2025 only: 12 women and 12 men, 6 months each → long-term 0 %.
const vaxholm: Person[] = copies(12, [
  { label: "U1", gender: "K", born: 1975, years: { 2025: "UUUUUU......" } },
  { label: "U2", gender: "M", born: 1975, years: { 2025: "UUUUUU......" } }
]);
const stockholm = generated("0180", 70, 180);
const norrtalje = generated("0188", 30, 188);

const inbox: Record<string, string> = {
  "0180/bistand-2024.csv": csvText(bistandHeader, bistandRows("0180", stockholm.people)),
  "0180/insats-2024-12-31.csv": csvText(insatsHeader, insatsRows("0180", stockholm.measures)),
  "0188/bistand-2024.csv": csvText(bistandHeader, bistandRows("0188", norrtalje.people)),
  "0188/insats-2024-12-31.csv": csvText(insatsHeader, insatsRows("0188", norrtalje.measures)),
  "0184/bistand.csv": csvText(bistandHeader, bistandRows("0184", solna)),
  "0186/bistand-2025.csv": csvText(bistandHeader, bistandRows("0186", lidingo)),
  "0187/bistand-2025.csv": csvText(bistandHeader, bistandRows("0187", vaxholm))
};

// ---------------------------------------------------------------------------------------------
// The independent attacker: integer bounds propagation and search over the counts of one block
// (report, municipality, year), from the published CSV and the relations every reader knows.

type Family = "R" | "L" | "P" | "C" | "H" | "E" | "W";
interface Constraint { terms: [string, number][]; lo: number; hi: number }

/** What a reader knows about one block: counts by id `family|gender` → value, or null when withheld. */
function knowledge(rows: readonly CsvFigure[]): Map<string, number | null> {
  const known = new Map<string, number | null>();
  const row = (indicator: string, g: string) => rows.find((r) => r.indicator === indicator && r.gender === g);
  const set = (id: string, cell: string | undefined, status: string) => {
    if (status === "") known.set(id, Number(cell));
    else if (!known.has(id)) known.set(id, null);
  };
  for (const g of ["K", "M", "T"]) {
    const rec = row("recipients", g);
    const lt = row("long_term_share", g);
    const rc = row("reason_coded_share", g);
    const ex = row("measure_exits", g);
    const ws = row("exit_work_studies_share", g);
    if (rec && rec.status !== "-") {
      set(`R|${g}`, rec.value, rec.status);
      // a share row is '-' in a year with data only when its denominator is 0, and then so is its numerator
      for (const [r, num, den] of [[lt, "L", "R"], [rc, "C", "P"]] as const) {
        if (!r) continue;
        if (r.status === "-") {
          known.set(`${num}|${g}`, 0);
          known.set(`${den}|${g}`, 0);
        } else {
          set(`${num}|${g}`, r.numerator, r.status);
          set(`${den}|${g}`, r.denominator, r.status);
        }
      }
      if (g === "T") {
        const am = row("amount_per_household_month", "T");
        if (am?.status === "-") known.set("H|T", 0);
        else if (am) set("H|T", am.denominator, am.status);
      }
    }
    if (ex && ex.status !== "-") {
      set(`E|${g}`, ex.value, ex.status);
      if (ws?.status === "-") {
        known.set(`W|${g}`, 0);
        known.set(`E|${g}`, 0);
      } else if (ws) {
        set(`W|${g}`, ws.numerator, ws.status);
        set(`E|${g}`, ws.denominator, ws.status);
      }
    }
  }
  // the breakdowns of §6.3: a count per category (family.dimension.category), a share of the category's
  // exits, or of all exits (exit_reason_share, exit_duration_share: denominator the total's exits)
  for (const r of rows) {
    if (!r.dimension || r.status === "-" && !totalHasData(rows, r)) continue;
    const g = r.gender;
    const at = (family: string) => `${family}.${r.dimension}.${r.category}|${g}`;
    const zero = r.status === "-";
    if (r.indicator === "participants" || r.indicator === "measure_exits" || r.indicator === "measure_starts") {
      const family = { participants: "Q", measure_exits: "E", measure_starts: "S" }[r.indicator];
      if (zero) known.set(at(family), 0);
      else set(at(family), r.value, r.status);
    } else if (r.indicator === "exit_work_studies_share") {
      if (zero) { known.set(at("W"), 0); known.set(at("E"), 0); }
      else { set(at("W"), r.numerator, r.status); set(at("E"), r.denominator, r.status); }
    } else if (r.indicator === "exit_reason_share" || r.indicator === "exit_duration_share") {
      if (zero) { known.set(at("E"), 0); known.set(`E|${g}`, 0); }
      else { set(at("E"), r.numerator, r.status); set(`E|${g}`, r.denominator, r.status); }
    }
  }
  for (const g of ["K", "M", "T"]) {
    for (const [indicator, family] of [["participants", "Q"], ["measure_starts", "S"]] as const) {
      const r = row(indicator, g);
      if (r && r.status !== "-") set(`${family}|${g}`, r.value, r.status);
    }
  }
  return known;
}

/** Whether the total of a breakdown row's indicator family has data: a `-` category is then a 0. */
function totalHasData(rows: readonly CsvFigure[], r: CsvFigure): boolean {
  return rows.some((x) => !x.dimension && x.indicator === "measure_exits" && x.gender === r.gender && x.status !== "-");
}

/** The relations of §6.3 a reader knows: per category K + M = T, the categories add up to the total,
 *  exits to work or studies are exits in every category, and they are the exits to work plus to studies. */
function breakdownConstraints(ids: ReadonlySet<string>, add: (terms: [string, number][], lo: number, hi: number) => void): void {
  const parts = new Map<string, Set<string>>(); // family.dimension → categories
  for (const id of ids) {
    const m = /^([A-Z]+)\.([a-z_]+)\.([A-Za-z0-9_]+)\|[KMT]$/.exec(id);
    if (m) parts.set(`${m[1]}.${m[2]}`, (parts.get(`${m[1]}.${m[2]}`) ?? new Set()).add(m[3]));
  }
  for (const [fd, categories] of parts) {
    const family = fd.split(".")[0];
    for (const c of categories) add([[`${fd}.${c}|K`, 1], [`${fd}.${c}|M`, 1], [`${fd}.${c}|T`, -1]], 0, 0);
    for (const g of ["K", "M", "T"]) {
      add([...[...categories].map((c): [string, number] => [`${fd}.${c}|${g}`, 1]), [`${family}|${g}`, -1]], 0, 0);
      if (family === "W") for (const c of categories) add([[`${fd}.${c}|${g}`, 1], [`E${fd.slice(1)}.${c}|${g}`, -1]], -Infinity, 0);
    }
  }
  for (const g of ["K", "M", "T"]) add([[`W|${g}`, 1], [`E.exit_reason.work|${g}`, -1], [`E.exit_reason.studies|${g}`, -1]], 0, 0);
}

/** The relations of contract §5–§6 among the counts that exist; `all` holds every recipient, so each of
 *  its household-months has at least one of its person-months. */
function constraintsOf(ids: ReadonlySet<string>, group: string): Constraint[] {
  const out: Constraint[] = [];
  const add = (terms: [string, number][], lo: number, hi: number) => {
    if (terms.every(([id]) => ids.has(id))) out.push({ terms, lo, hi });
  };
  for (const f of ["R", "L", "P", "C", "E", "W"] as Family[]) add([[`${f}|K`, 1], [`${f}|M`, 1], [`${f}|T`, -1]], 0, 0);
  for (const g of ["K", "M", "T"]) {
    const c = (f: Family) => `${f}|${g}`;
    add([[c("L"), 1], [c("R"), -1]], -Infinity, 0); // long-term recipients are recipients
    add([[c("C"), 1], [c("P"), -1]], -Infinity, 0); // coded months are months
    add([[c("W"), 1], [c("E"), -1]], -Infinity, 0); // exits to work or studies are exits
    add([[c("P"), 1], [c("R"), -1]], 0, Infinity); // 1..12 months per recipient
    add([[c("P"), 1], [c("R"), -12]], -Infinity, 0);
    add([[c("P"), 1], [c("L"), -9], [c("R"), -1]], 0, Infinity); // a long-term recipient has ≥ 10 months
    add([[c("P"), 1], [c("L"), -3], [c("R"), -9]], -Infinity, 0); // the others ≤ 9
  }
  for (const f of ["Q", "S"]) add([[`${f}|K`, 1], [`${f}|M`, 1], [`${f}|T`, -1]], 0, 0);
  breakdownConstraints(ids, add);
  if (group === "all") add([["H|T", 1], ["P|T", -1]], -Infinity, 0);
  for (const g of ["K", "M", "T"]) {
    // a reason group's members have a reason of the year, so at least one coded month each
    if (reasonGroups.has(group)) add([[`C|${g}`, 1], [`R|${g}`, -1]], 0, Infinity);
    // every long-term unemployed recipient has assistance in at least 10 months
    if (group === "long_term_unemployed") add([[`L|${g}`, 1], [`R|${g}`, -1]], 0, 0);
  }
  return out;
}

const CAP = 10_000;
const reasonGroups = new Set(["unemployment", "ill_health", "social_reasons", "long_term_unemployed", "newly_arrived"]); // no count in these tests comes near; reaching it means "unbounded"

/** Bounds of every count of a block, by the count's index in Search.ids. */
interface Bounds { lo: Float64Array; hi: Float64Array }

class Search {
  nodes = 0;
  private readonly index: Map<string, number>;
  private readonly vars: number[]; // the withheld counts, the only ones a search branches on
  private readonly cons: { vars: Int32Array; coef: Float64Array; lo: number; hi: number }[];
  private readonly touching: number[][]; // per count, the constraints it appears in

  constructor(readonly ids: readonly string[], hidden: readonly string[], cons: readonly Constraint[]) {
    this.index = new Map(ids.map((id, i) => [id, i]));
    this.vars = hidden.map((id) => this.index.get(id)!);
    this.cons = cons.map((c) => ({ vars: Int32Array.from(c.terms, ([id]) => this.index.get(id)!), coef: Float64Array.from(c.terms, ([, a]) => a), lo: c.lo, hi: c.hi }));
    this.touching = ids.map(() => []);
    this.cons.forEach((c, k) => c.vars.forEach((v) => this.touching[v].push(k)));
  }

  bounds(known: ReadonlyMap<string, number | null>): Bounds {
    const b = { lo: new Float64Array(this.ids.length), hi: new Float64Array(this.ids.length) };
    for (const [id, v] of known) {
      b.lo[this.index.get(id)!] = v ?? 0;
      b.hi[this.index.get(id)!] = v ?? CAP;
    }
    return b;
  }

  /** Tightens integer bounds to a fixpoint (revisiting the constraints of each count that changed); false when some count has none left. */
  propagate({ lo, hi }: Bounds): boolean {
    const queued = new Uint8Array(this.cons.length).fill(1);
    const queue = this.cons.map((_, k) => k);
    while (queue.length > 0) {
      const k = queue.pop()!;
      queued[k] = 0;
      const c = this.cons[k];
      let min = 0;
      let max = 0;
      for (let t = 0; t < c.vars.length; t++) {
        const v = c.vars[t], a = c.coef[t];
        min += a > 0 ? a * lo[v] : a * hi[v];
        max += a > 0 ? a * hi[v] : a * lo[v];
      }
      if (min > c.hi || max < c.lo) return false;
      for (let t = 0; t < c.vars.length; t++) {
        const v = c.vars[t], a = c.coef[t];
        const restMin = min - (a > 0 ? a * lo[v] : a * hi[v]);
        const restMax = max - (a > 0 ? a * hi[v] : a * lo[v]);
        // c.lo − restMax ≤ a·v ≤ c.hi − restMin
        const from = c.lo - restMax, to = c.hi - restMin;
        const [vlo, vhi] = a > 0 ? [from / a, to / a] : [to / a, from / a];
        const nlo = Math.max(lo[v], Number.isFinite(vlo) ? Math.ceil(vlo - 1e-9) : lo[v]);
        const nhi = Math.min(hi[v], Number.isFinite(vhi) ? Math.floor(vhi + 1e-9) : hi[v]);
        if (nlo > nhi) return false;
        if (nlo !== lo[v] || nhi !== hi[v]) {
          lo[v] = nlo;
          hi[v] = nhi;
          for (const j of this.touching[v]) if (!queued[j]) { queued[j] = 1; queue.push(j); }
        }
      }
    }
    return true;
  }

  /** Whether integer values within the bounds satisfy every constraint (depth-first, smallest domain first). */
  feasible(b: Bounds): boolean {
    if (++this.nodes > 2_000_000) throw new Error("brute force: search too large");
    if (!this.propagate(b)) return false;
    let branch = -1;
    for (const v of this.vars) if (b.lo[v] < b.hi[v] && (branch === -1 || b.hi[v] - b.lo[v] < b.hi[branch] - b.lo[branch])) branch = v;
    if (branch === -1) return true;
    for (let x = b.lo[branch]; x <= b.hi[branch]; x++) {
      const next = { lo: b.lo.slice(), hi: b.hi.slice() };
      next.lo[branch] = x;
      next.hi[branch] = x;
      if (this.feasible(next)) return true;
    }
    return false;
  }

  /**
   * The smallest value `target` can take, and the largest when it is at most `width` above that;
   * otherwise hi = Infinity ("more than width above"): all a span check needs, without walking up to CAP.
   */
  range(target: string, b: Bounds, width: number): { lo: number; hi: number } {
    const v = this.index.get(target)!;
    const within = (from: number, to: number) => {
      const next = { lo: b.lo.slice(), hi: b.hi.slice() };
      next.lo[v] = Math.max(from, b.lo[v]);
      next.hi[v] = Math.min(to, b.hi[v]);
      return next.lo[v] <= next.hi[v] && this.feasible(next);
    };
    let min = b.lo[v];
    while (min <= b.hi[v] && !within(min, min)) min++;
    if (min > b.hi[v]) throw new Error(`brute force: no value for ${target}`);
    if (within(min + width + 1, Infinity)) return { lo: min, hi: Infinity };
    let max = min + width;
    while (max > min && !within(max, max)) max--;
    return { lo: min, hi: max };
  }
}

/** For every withheld count of every block of one report: the values consistent with what is published. */
function bruteForce(figures: readonly CsvFigure[], width: number, group: string): Map<string, { lo: number; hi: number }> {
  const blocks = new Map<string, CsvFigure[]>();
  for (const f of figures) {
    if (f.municipality === "network") continue;
    const key = `${f.municipality}|${f.year}`;
    blocks.set(key, [...(blocks.get(key) ?? []), f]);
  }
  const out = new Map<string, { lo: number; hi: number }>();
  for (const [block, rows] of blocks) {
    const known = knowledge(rows);
    const hidden = [...known].filter(([, v]) => v === null).map(([id]) => id);
    if (hidden.length === 0) continue;
    const ids = new Set(known.keys());
    const search = new Search([...ids], hidden, constraintsOf(ids, group));
    const bounds = search.bounds(known);
    if (!search.propagate(bounds)) throw new Error(`brute force: the published figures of ${block} contradict the relations`);
    for (const id of hidden) out.set(`${block}|${id}`, search.range(id, bounds, width));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

let root: string;
let summary: RunSummary;
let site: Site;
const truth = new Map<string, IndicatorRow[]>();
let root5: string;
let exit5: number;
let site5: Site;

function asPublished(figures: readonly CsvFigure[]): PublishedRow[] {
  const num = (s: string) => (s === "" ? null : Number(s));
  return figures
    .filter((f) => f.municipality !== "network")
    .map((f) => ({ indicator: f.indicator, dimension: f.dimension, category: f.category, municipality: f.municipality, year: f.year, gender: f.gender as Gender,
      value: num(f.value), numerator: num(f.numerator), denominator: num(f.denominator), status: f.status as PublishedRow["status"] }));
}

beforeAll(async () => {
  root = tempRoot("confidentiality");
  writeFiles(join(root, "inbox"), inbox);
  summary = await runKas(root); // the default threshold
  site = new Site(join(root, "site"));
  // the figures before withholding, as the marts computed them
  const db = await openDb(join(root, "state", "kas.duckdb"));
  try {
    await installMacros(db); // indicator_values rounds with sql/macros/rounding.sql
    await db.run(sqlText("marts/indicator_values", martVars(schema(), null)));
    for (const group of site.groups.keys()) {
      truth.set(group, await db.all<IndicatorRow>(
        `SELECT indicator, dimension, category, municipality, "year" AS year, gender, value::DOUBLE AS value, numerator::DOUBLE AS numerator, denominator, status
         FROM indicator_values WHERE target_group = $g`, { g: group }));
    }
  } finally {
    db.close();
  }
  // the same inbox through the command line, with --threshold 5
  root5 = tempRoot("confidentiality5");
  writeFiles(join(root5, "inbox"), inbox);
  exit5 = await main(
    ["run", "--inbox", join(root5, "inbox"), "--out", join(root5, "site"), "--db", join(root5, "state", "kas.duckdb"), "--threshold", "5"],
    testContext({ env: { KAS_KEY: testKey }, log: silentLogger })
  );
  site5 = new Site(join(root5, "site"));
}, 60_000);
afterAll(() => {
  for (const dir of [root, root5]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const municipal = (s: Site) => [...s.groups].flatMap(([group, fs]) => fs.filter((f) => f.municipality !== "network").map((f) => ({ group, ...f })));

describe("the network", () => {
  it("loads every file, and has small cells to protect in every report", () => {
    expect(summary.files.rejected).toEqual([]);
    expect(summary.files.accepted).toHaveLength(Object.keys(inbox).length);
    for (const [group, figures] of site.groups) {
      const withheld = figures.filter((f) => f.status === "..").length;
      expect(withheld, group).toBeGreaterThan(0);
    }
    // before withholding, many counts are 1..3
    const small = [...truth.values()].flat().filter((r) => r.status === "" && r.indicator === "recipients" && r.value! >= 1 && r.value! <= 3);
    expect(small.length).toBeGreaterThan(10);
  });
});

describe("threshold 3 (the default)", () => {
  it("publishes no count in 1..3 and no share over fewer than 10; withheld rows are empty; network means skip them", () => {
    expect(violations(site, 3)).toEqual([]);
  });

  it("publishes every figure it publishes exactly as the marts computed it", () => {
    for (const [group, figures] of site.groups) {
      const real = new Map(truth.get(group)!.map((r) => [`${r.indicator}|${r.dimension}|${r.category}|${r.municipality}|${r.year}|${r.gender}`, r]));
      for (const f of figures.filter((x) => x.municipality !== "network" && !x.indicator.startsWith("socioeconomic_"))) {
        const r = real.get(`${f.indicator}|${f.dimension}|${f.category}|${f.municipality}|${f.year}|${f.gender}`);
        expect(r, `${group} ${f.indicator} ${f.municipality} ${f.year} ${f.gender}`).toBeDefined();
        // a follow-up's `-` may be withheld: in a covered year it tells that the exits to work or studies are 0 too
        if (r!.status === "-") expect(f.status).toBe(f.indicator.startsWith("no_return_") && f.status === ".." ? ".." : "-");
        else expect(f.status).not.toBe("-");
        if (f.status === "") {
          expect([Number(f.value), f.numerator === "" ? null : Number(f.numerator), f.denominator === "" ? null : Number(f.denominator)])
            .toEqual([r!.value, r!.numerator, r!.denominator]);
        }
      }
    }
  });

  it("withholds every row showing a count in 1..3 and every share over fewer than 10, and some rows beyond those", () => {
    let secondary = 0;
    for (const [group, rows] of truth) {
      for (const r of rows) {
        if (r.status === "-") continue;
        const f = site.get(group, r.indicator, r.municipality, r.year, r.gender, r.dimension, r.category);
        const counts = r.indicator === "amount_per_household_month" ? [r.denominator!] : [r.numerator!, ...(r.denominator === null ? [] : [r.denominator])];
        const primary = counts.some((v) => v >= 1 && v <= 3) || (r.indicator.endsWith("_share") && r.denominator! < 10);
        if (primary) expect(f.status, `${group} ${r.indicator} ${r.dimension} ${r.category} ${r.municipality} ${r.year} ${r.gender}`).toBe("..");
        else if (f.status === "..") secondary++;
      }
    }
    expect(secondary).toBeGreaterThan(0);
  });

  it("pipeline/withhold/model.ts checkPublished finds every withheld count wider than 3 on the published CSV", async () => {
    for (const [group, figures] of site.groups) {
      const check = await checkPublished(asPublished(figures), truth.get(group)!, 3, { targetGroup: group });
      expect(check.failures, group).toEqual([]);
      expect(check.ok).toBe(true);
      expect(check.hidden, group).toBeGreaterThan(0);
    }
  });

  it("an independent integer brute force on the CSV finds every withheld count spanning more than 3 values", () => {
    let checked = 0;
    for (const [group, figures] of site.groups) {
      const ranges = bruteForce(figures, 3, group);
      const narrow = [...ranges].filter(([, r]) => r.hi - r.lo <= 3).map(([id, r]) => `${group} ${id}: ${r.lo}..${r.hi}`);
      expect(narrow, group).toEqual([]);
      checked += ranges.size;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("the golden run's published figures (test/output/pipeline-basic, threshold 3) pass the brute force too", () => {
    const golden = new Site(join(import.meta.dirname, "output", "pipeline-basic"));
    let checked = 0;
    for (const [group, figures] of golden.groups) {
      const ranges = bruteForce(figures, 3, group);
      expect([...ranges].filter(([, r]) => r.hi - r.lo <= 3).map(([id, r]) => `${group} ${id}: ${r.lo}..${r.hi}`)).toEqual([]);
      checked += ranges.size;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("the brute force does see through a table that is not protected", () => {
    // a hand-made block: recipients K withheld, M 7 and T 12 published → K = 5 exactly
    const block = (indicator: string, g: string, value: string, numerator: string, denominator: string, status: string): CsvFigure =>
      ({ indicator, municipality: "9999", year: 2024, gender: g, value, numerator, denominator, status });
    const hand = [
      block("recipients", "K", "", "", "", ".."), block("recipients", "M", "7", "7", "", ""), block("recipients", "T", "12", "12", "", ""),
      // long-term share withheld, but recipients 12 and person-months 60 published: P ≤ 3L + 9R → L ≥ (60 − 108) / 3 … and
      // P ≥ 9L + R → L ≤ 5.3; with R_T = 12, P_T = 144: 144 ≤ 3L + 108 → L ≥ 12 = R → L_T = 12 exactly
      block("long_term_share", "T", "", "", "", ".."), block("reason_coded_share", "T", "100", "144", "144", "")
    ];
    const ranges = bruteForce(hand, 3, "young_adults");
    expect(ranges.get("9999|2024|R|K")).toEqual({ lo: 5, hi: 5 });
    expect(ranges.get("9999|2024|L|T")).toEqual({ lo: 12, hi: 12 });
  });

  it("hand-made cells: 0184's one newly arrived woman is withheld, and the network mean skips withheld values", () => {
    // newly_arrived 2025: W4 alone → recipients K = T = 1 withheld, M = 0
    expect(site.get("newly_arrived", "recipients", "0184", 2025, "K").status).toBe("..");
    expect(site.get("newly_arrived", "recipients", "0184", 2025, "T").status).toBe("..");
    // long_term_share K 2025: 0184 5/5 has a denominator below 10 → withheld; 0186 10/10 = 100.0; 0187 0/12 = 0.0;
    // 0180 and 0188 have no 2025 data ('-'). Mean (100.0 + 0.0) / 2 = 50.0, numerator 100, denominator 2.
    expect(site.cells("all", "long_term_share", "0184", 2025, "K")).toEqual(["", "", "", ".."]);
    expect(site.cells("all", "long_term_share", "0186", 2025, "K")).toEqual(["100", "10", "10", ""]);
    expect(site.cells("all", "long_term_share", "0187", 2025, "K")).toEqual(["0", "0", "12", ""]);
    expect(site.cells("all", "long_term_share", "0180", 2025, "K")).toEqual(["", "", "", "-"]);
    expect(site.cells("all", "long_term_share", "network", 2025, "K")).toEqual(["50", "100", "2", ""]);
    // recipients T 2025: 0186 20, 0187 24, 0184 5 only if published
    const solnaT = site.get("all", "recipients", "0184", 2025, "T");
    const expected = solnaT.status === "" ? ["16.3", "49", "3", ""] /* (20 + 24 + 5) / 3 = 16.33… */ : ["22", "44", "2", ""]; /* (20 + 24) / 2 */
    expect(site.cells("all", "recipients", "network", 2025, "T")).toEqual(expected);
  });
});

describe("what a reader knows beyond K + M = T (pipeline/withhold/model.ts)", () => {
  type Row = [indicator: string, gender: Gender, value: number | null, numerator: number | null, denominator: number | null, status: "" | "-"];
  const rowsOf = (rows: Row[]): IndicatorRow[] =>
    rows.map(([indicator, gender, value, numerator, denominator, status]) => ({ indicator, municipality: "9999", year: 2025, gender, value, numerator, denominator, status }));
  const withhold = (rows: IndicatorRow[], which: (r: IndicatorRow) => boolean): PublishedRow[] =>
    rows.map((r) => (r.status === "" && which(r) ? { ...r, value: null, numerator: null, denominator: null, status: ".." as const } : r));

  // 0184 in 2025: five women with assistance all year, in households of their own, no men
  const solnaBlock = rowsOf([
    ["recipients", "K", 5, 5, null, ""], ["recipients", "M", 0, 0, null, ""], ["recipients", "T", 5, 5, null, ""],
    ["long_term_share", "K", 100, 5, 5, ""], ["long_term_share", "M", null, null, null, "-"], ["long_term_share", "T", 100, 5, 5, ""],
    ["reason_coded_share", "K", 100, 60, 60, ""], ["reason_coded_share", "M", null, null, null, "-"], ["reason_coded_share", "T", 100, 60, 60, ""],
    ["amount_per_household_month", "T", 1000, 60000, 60, ""],
    ["measure_exits", "K", null, null, null, "-"], ["measure_exits", "M", null, null, null, "-"], ["measure_exits", "T", null, null, null, "-"],
    ["exit_work_studies_share", "K", null, null, null, "-"], ["exit_work_studies_share", "M", null, null, null, "-"], ["exit_work_studies_share", "T", null, null, null, "-"]
  ]);

  it("in `all`, household-months ≤ person-months: 60 household-months and 5 recipients pin 60 person-months and 5 long-term", async () => {
    const published = withhold(solnaBlock, (r) => r.indicator === "long_term_share" || r.indicator === "reason_coded_share");
    const all = await checkPublished(published, solnaBlock, 3, { targetGroup: "all" });
    expect(all.ok).toBe(false);
    // P ≥ H = 60 and P ≤ 12 R = 60 → P = 60; then 60 ≤ 3L + 9 × 5 → L ≥ 5 = R (coded months stay 0..60)
    expect(all.failures.map((f) => [f.id, f.range])).toEqual([
      ["9999|2025|L|K", { lo: 5, hi: 5 }], ["9999|2025|L|T", { lo: 5, hi: 5 }], ["9999|2025|P|K", { lo: 60, hi: 60 }], ["9999|2025|P|T", { lo: 60, hi: 60 }]
    ].sort());
    // in another report a household can have months without the group's people: no such relation, nothing pinned
    expect((await checkPublished(published, solnaBlock, 3, { targetGroup: "young_adults" })).ok).toBe(true);
    // withholding protects it, in `all` and when the report is not named
    for (const options of [{ targetGroup: "all" }, {}]) {
      const p = await withholdReport(solnaBlock, 3, options);
      expect((await checkPublished(p.rows, solnaBlock, 3, { targetGroup: "all" })).ok).toBe(true);
    }
  });

  it("a share shown as `-` in a year with data tells its counts are 0, so K + M = T still binds", async () => {
    // 12 women, 5 long-term, 100 person-months; no men. L_K withheld, L_T published: L_K = L_T − L_M = 5 − 0.
    const block = rowsOf([
      ["recipients", "K", 12, 12, null, ""], ["recipients", "M", 0, 0, null, ""], ["recipients", "T", 12, 12, null, ""],
      ["long_term_share", "K", 41.7, 5, 12, ""], ["long_term_share", "M", null, null, null, "-"], ["long_term_share", "T", 41.7, 5, 12, ""],
      ["reason_coded_share", "K", 100, 100, 100, ""], ["reason_coded_share", "M", null, null, null, "-"], ["reason_coded_share", "T", 100, 100, 100, ""]
    ]);
    const published = withhold(block, (r) => r.indicator === "long_term_share" && r.gender === "K");
    const check = await checkPublished(published, block, 3, { targetGroup: "unemployment" });
    expect(check.failures.map((f) => [f.id, f.range])).toEqual([["9999|2025|L|K", { lo: 5, hi: 5 }]]);
    expect(bruteForce(published.map((r) => ({ ...r, value: r.value === null ? "" : String(r.value), numerator: r.numerator === null ? "" : String(r.numerator),
      denominator: r.denominator === null ? "" : String(r.denominator) })), 3, "unemployment").get("9999|2025|L|K")).toEqual({ lo: 5, hi: 5 });
  });
});

describe("what a reader knows from the target group's definition", () => {
  const rowsOf = (rows: [string, Gender, number | null, number | null, number | null, "" | "-" | ".."][]): { truth: IndicatorRow[]; shown: PublishedRow[] } => ({
    truth: rows.map(([indicator, gender, value, numerator, denominator, status]) =>
      ({ indicator, municipality: "9999", year: 2024, gender, value, numerator, denominator, status: status === ".." ? "" : status })),
    shown: rows.map(([indicator, gender, value, numerator, denominator, status]) => (status === ".."
      ? { indicator, municipality: "9999", year: 2024, gender, value: null, numerator: null, denominator: null, status }
      : { indicator, municipality: "9999", year: 2024, gender, value, numerator, denominator, status }))
  });
  /**
   * A reader of `group` pins down exactly `failures` of the block as shown, a reader of young_adults
   * (no facts) nothing; withholding with each of `options` (default: for `group`) leaves nothing pinned down.
   */
  const knownTo = async (
    { truth, shown }: { truth: IndicatorRow[]; shown: PublishedRow[] },
    group: string,
    failures: [string, { lo: number; hi: number }][],
    options: { targetGroup?: string }[] = [{ targetGroup: group }]
  ) => {
    const check = await checkPublished(shown, truth, 3, { targetGroup: group });
    expect(check.failures.map((f) => [f.id, f.range])).toEqual(failures);
    expect((await checkPublished(shown, truth, 3, { targetGroup: "young_adults" })).ok).toBe(true);
    for (const o of options) {
      const p = await withholdReport(truth, 3, o);
      expect((await checkPublished(p.rows, truth, 3, { targetGroup: group })).ok).toBe(true);
    }
  };

  /** `r` women, `l` of them long-term, `c` coded of `p` person-months; no men. Recipients and long-term
   *  withheld, the coded share published. */
  const women = (r: number, l: number, c: number, p: number) => rowsOf([
    ["recipients", "K", r, r, null, ".."], ["recipients", "M", 0, 0, null, ""], ["recipients", "T", r, r, null, ".."],
    ["long_term_share", "K", (100 * l) / r, l, r, ".."], ["long_term_share", "M", null, null, null, "-"], ["long_term_share", "T", (100 * l) / r, l, r, ".."],
    ["reason_coded_share", "K", (100 * c) / p, c, p, ""], ["reason_coded_share", "M", null, null, null, "-"], ["reason_coded_share", "T", (100 * c) / p, c, p, ""]
  ]);
  /** the recipients and long-term counts of the women, pinned to these ranges */
  const pinned = (r: [number, number], l: [number, number]): [string, { lo: number; hi: number }][] =>
    (["R|K", "R|T", "L|K", "L|T"] as const).map((id) => [`9999|2024|${id}`, id[0] === "R" ? { lo: r[0], hi: r[1] } : { lo: l[0], hi: l[1] }]);

  it("a reason group's members each have a coded month (C ≥ R): 4 coded of 40 months pin 4 recipients", async () => {
    // four women with 10 months each, one coded.
    // R ≤ C = 4 and R ≥ 40 / 12 → R = 4; then 40 ≤ 3L + 36 → L ≥ 2 (L ≤ R = 4): 2..4
    await knownTo(women(4, 4, 4, 40), "unemployment", pinned([4, 4], [2, 4]));
  });

  it("every long-term unemployed recipient has ≥ 10 months (L = R): 60 person-months pin 5 or 6 recipients", async () => {
    // 0184's five women in long_term_unemployed, as the pipeline published them before this relation was known.
    // 10 R ≤ P = 60 ≤ 12 R → R ∈ 5..6
    await knownTo(women(5, 5, 60, 60), "long_term_unemployed", pinned([5, 6], [5, 6]), [{ targetGroup: "long_term_unemployed" }, {}]);
  });
});

describe("--threshold 5 on the command line", () => {
  it("is honoured: no published count in 1..5, and counts of 4 and 5 published at threshold 3 are withheld", () => {
    expect(exit5).toBe(0);
    expect(violations(site5, 5)).toEqual([]);
    const fourFive = municipal(site).filter((f) => f.status === "" && (f.indicator === "recipients" || f.indicator === "measure_exits") && ["4", "5"].includes(f.value));
    expect(fourFive.length).toBeGreaterThan(0);
    for (const f of fourFive) expect(site5.get(f.group, f.indicator, f.municipality, f.year, f.gender, f.dimension, f.category).status, `${f.group} ${f.indicator} ${f.municipality}`).toBe("..");
    const withheld = (s: Site) => municipal(s).filter((f) => f.status === "..").length;
    expect(withheld(site5)).toBeGreaterThan(withheld(site));
  });

  it("passes both attackers at 5, and the page states the threshold", async () => {
    for (const [group, figures] of site5.groups) {
      const check = await checkPublished(asPublished(figures), truth.get(group)!, 5, { targetGroup: group });
      expect(check.failures, group).toEqual([]);
      const narrow = [...bruteForce(figures, 5, group)].filter(([, r]) => r.hi - r.lo <= 5).map(([id, r]) => `${group} ${id}: ${r.lo}..${r.hi}`);
      expect(narrow, group).toEqual([]);
    }
    expect(readFileSync(join(root5, "site", "all.html"), "utf8")).toContain("1–5 personer");
  });
});
