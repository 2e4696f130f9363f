// Contract §8 applied to one report: which rows are withheld. Each published row is a unit that
// shows counts (recipients R, long-term L, person-months P, coded months C, household-months H,
// exits E, exits to work or studies W; per gender K, M, T). The relations any reader knows — K + M = T,
// numerators ≤ denominators, 1–12 months per recipient, 10–12 per long-term one, the zeros behind a
// `-` share, and what the target group's definition implies (GroupFact) — are given to the
// attacker (pipeline/withhold/attacker.ts); pipeline/withhold/secondary.ts withholds rows until no hidden count can be
// pinned down to within the threshold. `checkPublished` is the independent audit of the result,
// rebuilt from the published rows alone.
import { audit, type Count, type Range, type Relation } from "./attacker.js";
import { withholdUnits, type Unit } from "./secondary.js";

export type Gender = "K" | "M" | "T";

/** A row of sql/marts/indicator_values.sql. */
export interface IndicatorRow {
  readonly indicator: string;
  readonly municipality: string;
  readonly year: number;
  readonly gender: Gender;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly status: "" | "-";
}

export interface PublishedRow extends Omit<IndicatorRow, "status"> {
  readonly status: "" | ".." | "-";
}

/** The counts a row shows, by family letter: [numerator family, denominator family]. */
const shows: Record<string, readonly string[]> = {
  recipients: ["R"],
  long_term_share: ["L", "R"],
  reason_coded_share: ["C", "P"],
  amount_per_household_month: ["H"],
  measure_exits: ["E"],
  exit_work_studies_share: ["W", "E"]
};

const shares = new Set(["long_term_share", "reason_coded_share", "exit_work_studies_share"]);
/** A share whose denominator is below this is withheld (contract §8). */
export const minShareDenominator = 10;

const countId = (m: string, y: number, family: string, g: Gender) => `${m}|${y}|${family}|${g}`;
const unitId = (r: { indicator: string; municipality: string; year: number; gender: Gender }) => `${r.indicator}|${r.municipality}|${r.year}|${r.gender}`;

/** The counts of a row, as [id, value]: numerator first, then denominator (amount is not a count). */
function countsOf(r: IndicatorRow): [string, number][] {
  const families = shows[r.indicator];
  if (!families) throw new Error(`unknown indicator: ${r.indicator}`);
  if (r.indicator === "amount_per_household_month") return [[countId(r.municipality, r.year, "H", r.gender), r.denominator!]];
  if (families.length === 1) return [[countId(r.municipality, r.year, families[0], r.gender), r.numerator!]];
  return [
    [countId(r.municipality, r.year, families[0], r.gender), r.numerator!],
    [countId(r.municipality, r.year, families[1], r.gender), r.denominator!]
  ];
}

/**
 * What a reader of one report knows from its target group's definition (sql/marts/target_group_members.sql):
 * - `households_within_months`: household-months ≤ person-months (H ≤ P, T only): in `all` every
 *   household-month has at least one of the report's person-months;
 * - `coded_members`: coded months ≥ recipients (C ≥ R): a reason group's members all have a reason of the year;
 * - `all_long_term`: long-term recipients = recipients (L = R): every member has ≥ 10 months.
 */
export type GroupFact = "households_within_months" | "coded_members" | "all_long_term";

const groupFacts: Readonly<Record<string, readonly GroupFact[]>> = {
  all: ["households_within_months"],
  unemployment: ["coded_members"],
  ill_health: ["coded_members"],
  social_reasons: ["coded_members"],
  long_term_unemployed: ["coded_members", "all_long_term"],
  newly_arrived: ["coded_members"],
  young_adults: []
};

const factRelations: Readonly<Record<GroupFact, (c: (f: string, g: Gender) => string) => [[string, number][], Relation["op"]][]>> = {
  households_within_months: (c) => [[[[c("H", "T"), 1], [c("P", "T"), -1]], "<="]],
  coded_members: (c) => (["K", "M", "T"] as const).map((g) => [[[c("C", g), 1], [c("R", g), -1]], ">="]),
  all_long_term: (c) => (["K", "M", "T"] as const).map((g) => [[[c("L", g), 1], [c("R", g), -1]], "="])
};

/**
 * The relations every reader of the report knows, among the counts that exist. `zeros` are counts a
 * reader knows to be 0 without a row showing them (see knownZeros): they drop out of the relations
 * instead of dropping the relations. `facts` says which facts of the target group hold in a block
 * (`municipality|year`).
 */
export function relationsOf(
  ids: ReadonlySet<string>,
  zeros: ReadonlySet<string> = new Set(),
  facts: (block: string, fact: GroupFact) => boolean = () => false
): Relation[] {
  const out: Relation[] = [];
  const blocks = new Set([...ids].map((id) => id.split("|").slice(0, 2).join("|")));
  const add = (terms: [string, number][], op: Relation["op"], rhs = 0) => {
    const left = terms.filter(([id]) => ids.has(id) || !zeros.has(id));
    if (left.length > 0 && left.every(([id]) => ids.has(id))) out.push({ terms: left, op, rhs });
  };
  for (const b of blocks) {
    const c = (f: string, g: Gender) => `${b}|${f}|${g}`;
    for (const f of ["R", "L", "P", "C", "E", "W"]) add([[c(f, "K"), 1], [c(f, "M"), 1], [c(f, "T"), -1]], "=");
    for (const g of ["K", "M", "T"] as const) {
      add([[c("L", g), 1], [c("R", g), -1]], "<="); // long-term recipients are recipients
      add([[c("C", g), 1], [c("P", g), -1]], "<="); // coded months are months
      add([[c("W", g), 1], [c("E", g), -1]], "<="); // exits to work or studies are exits
      add([[c("R", g), 1], [c("P", g), -1]], "<="); // every recipient has at least one month
      add([[c("P", g), 1], [c("R", g), -12]], "<="); // and at most twelve
      add([[c("P", g), 1], [c("L", g), -9], [c("R", g), -1]], ">="); // long-term: at least ten months
      add([[c("P", g), 1], [c("L", g), -3], [c("R", g), -9]], "<="); // others: at most nine
    }
    for (const fact of Object.keys(factRelations) as GroupFact[]) {
      if (facts(b, fact)) for (const [terms, op] of factRelations[fact](c)) add(terms, op);
    }
  }
  return out;
}

/**
 * Counts that a `-` row tells a reader are 0: in a year with data (the recipients or measure_exits
 * row of the gender is not `-`), a share or mean is `-` only when its denominator is 0, and then its
 * numerator is 0 too (sql/marts/indicator_values.sql).
 */
export function knownZeros(rows: readonly { indicator: string; municipality: string; year: number; gender: Gender; status: string }[]): Set<string> {
  const withData = new Set(rows.filter((r) => r.status !== "-").map((r) => `${r.indicator}|${r.municipality}|${r.year}|${r.gender}`));
  const zeros = new Set<string>();
  for (const r of rows) {
    if (r.status !== "-" || !shows[r.indicator] || r.indicator === "recipients" || r.indicator === "measure_exits") continue;
    const base = r.indicator === "exit_work_studies_share" ? "measure_exits" : "recipients";
    if (!withData.has(`${base}|${r.municipality}|${r.year}|${r.gender}`)) continue;
    const families = r.indicator === "amount_per_household_month" ? ["H"] : shows[r.indicator];
    for (const f of families) zeros.add(countId(r.municipality, r.year, f, r.gender));
  }
  return zeros;
}

export interface ReportOptions {
  /**
   * The report's target group, whose definition tells a reader more (GroupFact). Without it, or for a
   * group not known here, every fact is assumed in every block where the true values obey it: that
   * protects against any reader, at the price of perhaps withholding a little more.
   */
  readonly targetGroup?: string;
}

/** Which group facts a reader may know, per block. */
function factsOf(truth: readonly IndicatorRow[], options: ReportOptions): (block: string, fact: GroupFact) => boolean {
  const known = options.targetGroup === undefined ? undefined : groupFacts[options.targetGroup];
  if (known) return (_, fact) => known.includes(fact);
  const value = new Map<string, number>();
  for (const r of truth) if (r.status !== "-") for (const [id, v] of countsOf(r)) value.set(id, v);
  const zeros = knownZeros(truth);
  const at = (id: string) => value.get(id) ?? (zeros.has(id) ? 0 : undefined);
  return (block, fact) =>
    factRelations[fact]((f, g) => `${block}|${f}|${g}`).every(([terms, op]) => {
      let lhs = 0;
      for (const [id, coef] of terms) {
        const v = at(id);
        if (v === undefined) return true; // a relation on a count that does not exist is never added
        lhs += coef * v;
      }
      return op === "=" ? lhs === 0 : op === "<=" ? lhs <= 0 : lhs >= 0;
    });
}

export interface ReportWithheld {
  readonly rows: PublishedRow[];
  readonly withheld: number;
  readonly primary: number;
  readonly secondary: number;
  readonly ranges: ReadonlyMap<string, Range>;
  /** ids (indicator|municipality|year|gender) of the rows withheld as primaries */
  readonly primaryUnits: ReadonlySet<string>;
}

/**
 * A row withheld for itself (contract §8): it shows a count from 1 to the threshold, or it is a share
 * whose denominator is below 10. A block (municipality and year) without one withholds nothing.
 */
export function isPrimary(r: IndicatorRow, threshold: number, shown: readonly [string, number][] = countsOf(r)): boolean {
  if (r.status === "-") return false;
  const small = shown.some(([, v]) => v >= 1 && v <= threshold);
  const thin = shares.has(r.indicator) && (r.denominator ?? 0) < minShareDenominator;
  return small || thin;
}

/** Withholds rows of one report (one target group) as contract §8 says. */
export async function withholdReport(rows: readonly IndicatorRow[], threshold: number, options: ReportOptions = {}): Promise<ReportWithheld> {
  const counts = new Map<string, number>();
  const units: Unit[] = [];
  for (const r of rows) {
    if (r.status === "-") continue;
    const shown = countsOf(r);
    for (const [id, v] of shown) {
      const before = counts.get(id);
      if (before !== undefined && before !== v) throw new Error(`count ${id} has two values: ${before} and ${v}`);
      counts.set(id, v);
    }
    units.push({ id: unitId(r), counts: shown.map(([id]) => id), primary: isPrimary(r, threshold, shown) });
  }
  const countList: Count[] = [...counts].map(([id, value]) => ({ id, value }));
  const relations = relationsOf(new Set(counts.keys()), knownZeros(rows), factsOf(rows, options));
  const protection = await withholdUnits({ counts: countList, units, relations, threshold });
  const out = rows.map((r): PublishedRow =>
    r.status === "-" || !protection.withheld.has(unitId(r)) ? r : { ...r, value: null, numerator: null, denominator: null, status: ".." }
  );
  const primaryUnits = new Set(units.filter((u) => u.primary).map((u) => u.id));
  const primary = primaryUnits.size;
  return { rows: out, withheld: protection.withheld.size, primary, secondary: protection.withheld.size - primary, ranges: protection.ranges, primaryUnits };
}

/**
 * The checker: from the published rows alone (published counts and the known relations), the range
 * an attacker can deduce for every withheld count. `truth` gives the real values of withheld counts,
 * only so that failures can say what leaked; the ranges never depend on it.
 */
export async function checkPublished(
  rows: readonly PublishedRow[],
  truth: readonly IndicatorRow[],
  threshold: number,
  options: ReportOptions = {}
): Promise<{ ok: boolean; hidden: number; narrowest: number; failures: { id: string; value: number; range: Range }[]; ranges: Map<string, Range> }> {
  const real = new Map<string, number>();
  for (const r of truth) if (r.status !== "-") for (const [id, v] of countsOf(r)) real.set(id, v);
  const published = new Map<string, number>();
  const all = new Set<string>();
  for (const r of rows) {
    if (r.status === "-") continue;
    const ids = countsOf({ ...r, numerator: r.numerator ?? 0, denominator: r.denominator ?? 0, status: "" }).map(([id]) => id);
    ids.forEach((id) => all.add(id));
    if (r.status === "") for (const [id, v] of countsOf(r as IndicatorRow)) published.set(id, v);
  }
  const hidden = new Set([...all].filter((id) => !published.has(id)));
  const counts: Count[] = [...all].map((id) => ({ id, value: published.get(id) ?? real.get(id) ?? 0 }));
  const result = await audit(counts, hidden, relationsOf(all, knownZeros(rows), factsOf(truth, options)), threshold);
  let narrowest = Infinity;
  for (const r of result.ranges.values()) narrowest = Math.min(narrowest, r.hi - r.lo);
  return { ok: result.ok, hidden: hidden.size, narrowest, failures: result.failures, ranges: result.ranges };
}
