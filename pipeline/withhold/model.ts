// Contract §8 applied to one report: which rows are withheld. Each published row is a unit that
// shows counts — of the families of schemas/counts.json (recipients R, long-term L, person-months P,
// coded months C, household-months H, exits E, exits to work or studies W), per gender K, M, T — as
// its indicator's numerator and denominator say (schemas/indicators.json, counts). The relations any
// reader knows — K + M = T, numerators ≤ denominators, 1–12 months per recipient, 10–12 per long-term
// one (schemas/counts.json), the zeros behind a `-` share, and what the target group's definition
// implies (its facts, schemas/target-groups.json) — are given to the attacker
// (pipeline/withhold/attacker.ts); pipeline/withhold/secondary.ts withholds rows until no hidden
// count can be pinned down to within the threshold. `checkPublished` is the independent audit of the
// result, rebuilt from the published rows alone. Everything indicator- or group-specific here is
// derived from the schema (withholdingModel): a new indicator needs only its declaration.
import { createHash } from "node:crypto";
import { audit, type Range, type Witness } from "./attacker.js";
import type { Count, Relation } from "./lp.js";
import { withholdUnits, type Unit } from "./secondary.js";
import { categoryFamily, genders, schema, type CountRelation, type Schema } from "../contract/schema.js";

export type Gender = "K" | "M" | "T";

/** A row of sql/marts/indicator_values.sql. */
export interface IndicatorRow {
  readonly indicator: string;
  /** a breakdown's dimension and category (contract §6.3); "" or absent for a total */
  readonly dimension?: string;
  readonly category?: string;
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

/** A share whose denominator is below this is withheld (contract §8). */
export const minShareDenominator = 10;

/**
 * A fact of a target group's definition that tells a reader more (schemas/counts.json facts), e.g.
 * `households_within_months` (H ≤ P, T only: in `all` every household-month has one of the
 * report's person-months), `coded_members` (C ≥ R: a reason group's members all have a reason of
 * the year), `all_long_term` (L = R: every member has ≥ 10 months).
 */
export type GroupFact = string;

/** What the schema tells the withholding model. */
export interface WithholdingModel {
  /** per indicator: the count families its row shows as numerator and denominator (absent: not a count) */
  readonly shows: ReadonlyMap<string, { readonly numerator?: string; readonly denominator?: string }>;
  /** the shares: withheld when their denominator is below minShareDenominator */
  readonly shares: ReadonlySet<string>;
  /**
   * per share or mean: the count indicator whose row tells whether the year has data — the count
   * indicator of its denominator family, else the first counting the same kind of rows (knownZeros)
   */
  readonly base: ReadonlyMap<string, string>;
  /** the families whose counts add up: K + M = T */
  readonly additive: readonly string[];
  /** the relations every reader knows, each per gender */
  readonly relations: readonly CountRelation[];
  /** the facts a target group's definition can imply, in the order they are added */
  readonly facts: ReadonlyMap<GroupFact, CountRelation>;
  /** per target group: the facts its definition implies */
  readonly groupFacts: ReadonlyMap<string, readonly GroupFact[]>;
  /**
   * the facts the data's coverage tells (e.g. D3 = W where the three months after every month of the
   * year are loaded), in every report: assumed in each block whose true values obey them — every block
   * where coverage makes them so, and perhaps a few where the values only happen to
   */
  readonly coverageFacts: ReadonlySet<GroupFact>;
  /**
   * the shares whose denominator a coverage fact ties to another count (the follow-ups: D3 = W): their
   * `-` (a denominator of 0) would tell that count is 0 too, so such a row is a unit the protection may
   * withhold (`..`), its counts 0 like any others, not a constant
   */
  readonly coveredShares: ReadonlySet<string>;
  /**
   * the breakdowns (schemas/breakdowns.json): per dimension its categories, the families it breaks
   * down, whether each indicator's denominator is the category's or the total's, and the relations a
   * reader knows across its categories
   */
  readonly dimensions: ReadonlyMap<string, {
    readonly categories: readonly string[];
    readonly families: readonly string[];
    readonly denominators: ReadonlyMap<string, "category" | "total">;
    readonly relations: readonly CountRelation[];
  }>;
}

/** Derives the withholding model from the schema's count families, indicators and target groups. */
export function withholdingModel(s: Schema): WithholdingModel {
  if (!s.counts) throw new Error("the withholding model needs the count families of schemas/counts.json");
  const from = new Map(s.counts.families.map((f) => [f.id, f.from]));
  const counters = s.indicators.filter((i) => i.kind === "count" && i.counts?.numerator !== undefined);
  const base = new Map<string, string>();
  for (const i of s.indicators) {
    const family = i.counts?.denominator ?? i.counts?.numerator;
    // a rate's '-' says there is no population, not that its numerator is 0: it has no base
    if (i.kind === "count" || i.kind === "rate" || family === undefined) continue;
    const row =
      counters.find((c) => c.counts!.numerator === family) ?? counters.find((c) => from.get(c.counts!.numerator!) === from.get(family));
    if (row) base.set(i.id, row.id);
  }
  return {
    shows: new Map(s.indicators.map((i) => [i.id, i.counts ?? {}])),
    shares: new Set(s.indicators.filter((i) => i.kind === "share").map((i) => i.id)),
    base,
    additive: s.counts.families.filter((f) => f.additive).map((f) => f.id),
    relations: s.counts.relations,
    facts: new Map(s.counts.facts.map((f) => [f.id, f])),
    groupFacts: new Map(s.targetGroups.map((t) => [t.id, t.facts ?? []])),
    coverageFacts: new Set(s.counts.facts.filter((f) => f.coverage).map((f) => f.id)),
    coveredShares: new Set(s.indicators.filter((i) => i.kind === "share" && s.counts!.facts.some((f) => f.coverage && f.terms.some(([family]) => family === i.counts?.denominator))).map((i) => i.id)),
    dimensions: new Map(s.dimensions.map((d) => [d.id, {
      categories: d.categories.map((c) => c.code),
      families: d.families,
      denominators: new Map(d.indicators.map((i) => [i.id, i.denominator])),
      relations: d.relations
    }]))
  };
}

let packageModel: WithholdingModel | undefined;
/** The withholding model of this package's schemas. */
export function model(): WithholdingModel {
  return (packageModel ??= withholdingModel(schema()));
}

let digest: string | undefined;
/** A digest of the package's model: decisions remembered under another (pipeline/withhold/block-cache.ts) are stale. */
export function modelDigest(): string {
  const m = model();
  return (digest ??= createHash("sha256")
    .update(JSON.stringify([[...m.shows], [...m.shares], [...m.base], m.additive, m.relations, [...m.facts], [...m.groupFacts], [...m.coverageFacts], [...m.coveredShares],
      [...m.dimensions].map(([id, d]) => [id, d.categories, d.families, [...d.denominators], d.relations])]))
    .digest("hex"));
}

const countId = (m: string, y: number, family: string, g: Gender) => `${m}|${y}|${family}|${g}`;
/** Where a count id's block (municipality|year) ends: before its family|gender. */
const blockEnd = (id: string) => id.indexOf("|", id.indexOf("|") + 1);
/** The block (municipality|year) of a count id. */
export const blockOfCount = (id: string) => id.slice(0, blockEnd(id));
type UnitKey = { indicator: string; dimension?: string; category?: string; municipality: string; year: number; gender: Gender };
/** A row's id: indicator|municipality|year|gender for a total, indicator.dimension.category|… for a breakdown row. */
export const unitId = (r: UnitKey) =>
  `${r.dimension ? `${r.indicator}.${r.dimension}.${r.category}` : r.indicator}|${r.municipality}|${r.year}|${r.gender}`;

/**
 * The count families a row shows, as numerator and denominator: the indicator's (schemas/indicators.json),
 * in a breakdown row the category's count of each — but a share of the total keeps the total's denominator.
 */
function familiesOf(r: Pick<IndicatorRow, "indicator" | "dimension" | "category">, m: WithholdingModel): { numerator?: string; denominator?: string } {
  const shown = m.shows.get(r.indicator);
  if (!shown) throw new Error(`unknown indicator: ${r.indicator}`);
  const { dimension, category } = r;
  if (!dimension) return shown;
  const d = m.dimensions.get(dimension);
  const over = d?.denominators.get(r.indicator);
  if (!d || !over) throw new Error(`${r.indicator} is not broken down by ${r.dimension}`);
  if (category === undefined || !d.categories.includes(category)) throw new Error(`unknown category of ${dimension}: ${category}`);
  const of = (f: string | undefined) => (f === undefined ? undefined : categoryFamily(f, dimension, category));
  return { numerator: of(shown.numerator), denominator: over === "total" ? shown.denominator : of(shown.denominator) };
}

/** The counts of a row, as [id, value]: numerator first, then denominator (where they are counts). */
function countsOf(r: IndicatorRow, m: WithholdingModel = model()): [string, number][] {
  const shown = familiesOf(r, m);
  const out: [string, number][] = [];
  if (shown.numerator !== undefined) out.push([countId(r.municipality, r.year, shown.numerator, r.gender), r.numerator!]);
  if (shown.denominator !== undefined) out.push([countId(r.municipality, r.year, shown.denominator, r.gender), r.denominator!]);
  return out;
}

/** A relation of schemas/counts.json for one gender of a block, `c` naming the block's counts. */
const termsOf = (rel: CountRelation, g: Gender, c: (family: string, g: Gender) => string): [string, number][] =>
  rel.terms.map(([family, coef]) => [c(family, g), coef]);

/**
 * The relations every reader of the report knows, among the counts that exist: per block K + M = T
 * of the additive families, then the relations of schemas/counts.json per gender, then the facts of
 * the target group. `zeros` are counts a reader knows to be 0 without a row showing them (see
 * knownZeros): they drop out of the relations instead of dropping the relations. `facts` says which
 * facts of the target group hold in a block (`municipality|year`).
 */
export function relationsOf(
  ids: ReadonlySet<string>,
  zeros: ReadonlySet<string> = new Set(),
  facts: (block: string, fact: GroupFact) => boolean = () => false,
  m: WithholdingModel = model()
): Relation[] {
  const out: Relation[] = [];
  // every block's counts by family|gender (the ids themselves, so that compile() finds them hashed)
  const present = new Map<string, Map<string, string>>();
  for (const id of ids) {
    const at = blockEnd(id);
    const block = id.slice(0, at);
    let own = present.get(block);
    if (!own) present.set(block, (own = new Map()));
    own.set(id.slice(at + 1), id);
  }
  const templates = relationTemplates(m);
  for (const [b, own] of present) {
    const holds = new Map<GroupFact, boolean>();
    for (const { terms, op, fact } of templates) {
      if (fact !== undefined) {
        let known = holds.get(fact);
        if (known === undefined) holds.set(fact, (known = facts(b, fact)));
        if (!known) continue;
      }
      const left: [string, number][] = [];
      let all = true;
      for (const [suffix, coef] of terms) {
        const id = own.get(suffix);
        if (id === undefined) {
          if (zeros.size > 0 && zeros.has(`${b}|${suffix}`)) continue;
          all = false;
          break;
        }
        if (zeros.has(id)) continue;
        left.push([id, coef]);
      }
      if (all && left.length > 0) out.push({ terms: left, op, rhs: 0 });
    }
  }
  return out;
}

/** A relation of every block, its counts by family|gender; a group fact's only where the fact holds. */
interface RelationTemplate {
  readonly terms: readonly (readonly [suffix: string, coef: number])[];
  readonly op: Relation["op"];
  readonly fact?: GroupFact;
}

const templatesByModel = new WeakMap<WithholdingModel, readonly RelationTemplate[]>();

/**
 * The relations of a block, in the order relationsOf gives them: per block K + M = T of the additive
 * families, the relations of schemas/counts.json per gender, the facts of the target group, then the
 * breakdowns (§6.3): per category K + M = T, the categories add up to the total, a relation among the
 * families a dimension breaks down holds in every category, and the dimension's own relations.
 */
function relationTemplates(m: WithholdingModel): readonly RelationTemplate[] {
  const known = templatesByModel.get(m);
  if (known) return known;
  const out: RelationTemplate[] = [];
  const c = (f: string, g: Gender) => `${f}|${g}`;
  const add = (terms: [string, number][], op: Relation["op"], fact?: GroupFact) => out.push({ terms, op, ...(fact ? { fact } : {}) });
  for (const f of m.additive) add([[c(f, "K"), 1], [c(f, "M"), 1], [c(f, "T"), -1]], "=");
  for (const g of genders) for (const rel of m.relations) if (rel.genders.includes(g)) add(termsOf(rel, g, c), rel.op);
  for (const [fact, rel] of m.facts) for (const g of rel.genders) add(termsOf(rel, g, c), rel.op, fact);
  for (const [dim, d] of m.dimensions) {
    const cat = (f: string, category: string) => categoryFamily(f, dim, category);
    for (const f of d.families) {
      const additive = m.additive.includes(f);
      for (const k of d.categories) if (additive) add([[c(cat(f, k), "K"), 1], [c(cat(f, k), "M"), 1], [c(cat(f, k), "T"), -1]], "=");
      for (const g of genders) add([...d.categories.map((k): [string, number] => [c(cat(f, k), g), 1]), [c(f, g), -1]], "=");
    }
    for (const rel of m.relations) {
      if (!rel.terms.every(([f]) => d.families.includes(f))) continue;
      for (const g of rel.genders) for (const k of d.categories) add(rel.terms.map(([f, coef]) => [c(cat(f, k), g), coef]), rel.op);
    }
    for (const rel of d.relations) for (const g of rel.genders) add(termsOf(rel, g, c), rel.op);
  }
  templatesByModel.set(m, out);
  return out;
}

/**
 * The relations a reader knows, and the counts they tell are 0: besides `zeros` (knownZeros), every count
 * of a relation that, the known zeros dropped, leaves counts of one sign and nothing on the other side —
 * `W = work + studies` once W is known 0, `D3 = W` once D3 is — is 0 too, and as known as a published 0
 * (contract §8 publishes a 0): the protection has nothing to hide in it. The checker does not assume so
 * (checkPublished): a withheld count the published `-` rows pin to 0 is a failure there.
 */
export function knownRelations(
  ids: ReadonlySet<string>,
  zeros: ReadonlySet<string>,
  facts: (block: string, fact: GroupFact) => boolean = () => false
): { relations: Relation[]; zeros: ReadonlySet<string> } {
  let relations = relationsOf(ids, zeros, facts);
  let known = zeros;
  for (;;) {
    let more: Set<string> | undefined;
    for (const { terms, op } of relations) {
      // Σ a·x op 0 with every x ≥ 0: all a > 0 and ≤ (or =), or all a < 0 and ≥ (or =), makes every x 0
      const sign = terms[0][1] > 0 ? 1 : -1;
      if (op !== "=" && op !== (sign > 0 ? "<=" : ">=")) continue;
      if (!terms.every(([, a]) => Math.sign(a) === sign)) continue;
      for (const [id] of terms) (more ??= new Set()).add(id);
    }
    if (!more) return { relations, zeros: known };
    known = new Set([...known, ...more]);
    // what relationsOf gives with them among the zeros: they drop out of every relation
    const zero = more;
    relations = relations.flatMap((r) => {
      if (!r.terms.some(([id]) => zero.has(id))) return [r];
      const terms = r.terms.filter(([id]) => !zero.has(id));
      return terms.length > 0 ? [{ ...r, terms }] : [];
    });
  }
}

/**
 * Counts that a `-` row tells a reader are 0: in a year with data (the row of the indicator's base,
 * e.g. recipients or measure_exits, of the gender is not `-`), a share or mean is `-` only when its
 * denominator is 0, and then its numerator is 0 too (sql/marts/indicator_values.sql).
 */
export function knownZeros(
  rows: readonly (UnitKey & { status: string })[],
  m: WithholdingModel = model()
): Set<string> {
  // only the bases' total rows are looked up: a Set of those, not of every row
  const bases = new Set(m.base.values());
  const withData = new Set<string>();
  for (const r of rows) if (r.status !== "-" && !r.dimension && bases.has(r.indicator)) withData.add(unitId(r));
  const zeros = new Set<string>();
  for (const r of rows) {
    const base = m.base.get(r.indicator);
    if (r.status !== "-" || base === undefined) continue;
    // the base is the total's row (a breakdown row is `-` for want of data only when its total's is)
    if (!withData.has(unitId({ ...r, indicator: base, dimension: "", category: "" }))) continue;
    const shown = familiesOf(r, m);
    for (const f of [shown.numerator, shown.denominator]) if (f !== undefined) zeros.add(countId(r.municipality, r.year, f, r.gender));
  }
  return zeros;
}

export interface ReportOptions {
  /**
   * The report's target group, whose definition tells a reader more (GroupFact). Without it, or for a
   * group the schema does not know, every fact is assumed in every block where the true values obey it: that
   * protects against any reader, at the price of perhaps withholding a little more.
   */
  readonly targetGroup?: string;
}

/**
 * Which facts a reader may know, per block: a target group's by its definition; the coverage facts, and
 * every fact when the group is not known, wherever the true values obey them.
 */
function factsOf(truth: readonly IndicatorRow[], options: ReportOptions): (block: string, fact: GroupFact) => boolean {
  const m = model();
  const known = options.targetGroup === undefined ? undefined : m.groupFacts.get(options.targetGroup);
  let obeys: ((block: string, fact: GroupFact) => boolean) | undefined;
  return (block, fact) => {
    if (known && !m.coverageFacts.has(fact)) return known.includes(fact);
    // the true values are read once, when a fact first needs them, from the rows showing their families
    obeys ??= obeyed(truth, known ? m.coverageFacts : new Set(m.facts.keys()), m);
    return obeys(block, fact);
  };
}

/** Whether the true values of a block obey a fact (a fact on a count that does not exist is never added: true). */
function obeyed(truth: readonly IndicatorRow[], facts: ReadonlySet<GroupFact>, m: WithholdingModel): (block: string, fact: GroupFact) => boolean {
  const families = new Set([...facts].flatMap((f) => m.facts.get(f)!.terms.map(([family]) => family)));
  const showing = new Set([...m.shows].filter(([, s]) => families.has(s.numerator!) || families.has(s.denominator!)).map(([id]) => id));
  // … and the rows that tell whether a `-` among them hides a 0 (knownZeros): a report's other rows are most of its rows
  const bases = new Set([...showing].map((i) => m.base.get(i)).filter((i) => i !== undefined));
  const rows = truth.filter((r) => showing.has(r.indicator) || bases.has(r.indicator));
  const value = new Map<string, number>();
  for (const r of rows) if (r.status !== "-" && showing.has(r.indicator)) for (const [id, v] of countsOf(r, m)) value.set(id, v);
  const zeros = knownZeros(rows, m);
  const at = (id: string) => value.get(id) ?? (zeros.has(id) ? 0 : undefined);
  return (block, fact) => {
    const rel = m.facts.get(fact)!;
    return rel.genders.every((g) => {
      let lhs = 0;
      for (const [id, coef] of termsOf(rel, g, (f, g) => `${block}|${f}|${g}`)) {
        const v = at(id);
        if (v === undefined) return true; // a relation on a count that does not exist is never added
        lhs += coef * v;
      }
      return rel.op === "=" ? lhs === 0 : rel.op === "<=" ? lhs <= 0 : lhs >= 0;
    });
  };
}

export interface ReportWithheld {
  readonly rows: PublishedRow[];
  readonly withheld: number;
  readonly primary: number;
  readonly secondary: number;
  readonly ranges: ReadonlyMap<string, Range>;
  /** ids (indicator|municipality|year|gender) of the rows withheld as primaries */
  readonly primaryUnits: ReadonlySet<string>;
  /** every point the protection's attacks found: checkPublished verifies each before it uses it */
  readonly witnesses: readonly Witness[];
}

/**
 * A row withheld for itself (contract §8): it shows a count from 1 to the threshold, or it is a share
 * whose denominator is below 10. A block (municipality and year) without one withholds nothing.
 */
export function isPrimary(r: IndicatorRow, threshold: number, shown: readonly [string, number][] = countsOf(r)): boolean {
  if (r.status === "-") return false;
  const small = shown.some(([, v]) => v >= 1 && v <= threshold);
  const thin = model().shares.has(r.indicator) && (r.denominator ?? 0) < minShareDenominator;
  return small || thin;
}

/** Withholds rows of one report (one target group) as contract §8 says. */
export async function withholdReport(rows: readonly IndicatorRow[], threshold: number, options: ReportOptions = {}): Promise<ReportWithheld> {
  // a count a `-` row tells is 0 — or the relations tell is 0 from those — is no secret, whatever rows
  // showing it are withheld: a constant. But a covered share's `-` in a year with data is a row like the
  // others (its counts 0), that the protection may withhold: through a coverage fact it tells more.
  const m = model();
  const told = knownZeros(rows);
  const hideable = (r: IndicatorRow) => r.status === "-" && m.coveredShares.has(r.indicator) && countsOf(r, m).every(([id]) => told.has(id));
  const dashes = new Set(rows.filter(hideable));
  const shownBy = new Map<IndicatorRow, [string, number][]>();
  const values = new Map<string, number>();
  for (const r of rows) {
    if (r.status === "-" && !dashes.has(r)) continue;
    const shown = dashes.has(r) ? countsOf(r, m).map(([id]): [string, number] => [id, 0]) : countsOf(r);
    shownBy.set(r, shown);
    for (const [id, v] of shown) {
      const before = values.get(id);
      if (before !== undefined && before !== v) throw new Error(`count ${id} has two values: ${before} and ${v}`);
      values.set(id, v);
    }
  }
  const { relations, zeros } = knownRelations(new Set(values.keys()), dashes.size ? knownZeros(rows.filter((r) => !dashes.has(r))) : told, factsOf(rows, options));
  const counts = new Map<string, number>();
  for (const [id, v] of values) {
    if (!zeros.has(id)) counts.set(id, v);
    else if (v !== 0) throw new Error(`count ${id} is ${v}, but the '-' rows and the relations a reader knows say it is 0`);
  }
  const units: Unit[] = [];
  for (const [r, shown] of shownBy) {
    units.push({ id: unitId(r), counts: shown.map(([id]) => id).filter((id) => !zeros.has(id)), primary: isPrimary(r, threshold, shown) });
  }
  const countList: Count[] = [...counts].map(([id, value]) => ({ id, value }));
  const witnesses: Witness[] = [];
  const protection = await withholdUnits({ counts: countList, units, relations, threshold, exactRanges: false, witnesses });
  const out = rows.map((r): PublishedRow =>
    (r.status === "-" && !dashes.has(r)) || !protection.withheld.has(unitId(r)) ? r : { ...r, value: null, numerator: null, denominator: null, status: ".." }
  );
  const primaryUnits = new Set(units.filter((u) => u.primary).map((u) => u.id));
  const primary = primaryUnits.size;
  return { rows: out, withheld: protection.withheld.size, primary, secondary: protection.withheld.size - primary, ranges: protection.ranges, primaryUnits, witnesses };
}

/**
 * The checker: from the published rows alone (published counts and the known relations), the range
 * an attacker can deduce for every withheld count. `truth` gives the real values of withheld counts,
 * only so that failures can say what leaked; the ranges never depend on it. `witnesses` (the
 * protection's points, ReportWithheld) spare it searches: each is verified against the checker's own
 * relations and used only if it holds, and every count they do not show wide is attacked as before.
 */
export async function checkPublished(
  rows: readonly PublishedRow[],
  truth: readonly IndicatorRow[],
  threshold: number,
  options: ReportOptions = {},
  witnesses: readonly Witness[] = []
): Promise<{ ok: boolean; hidden: number; narrowest: number; failures: { id: string; value: number; range: Range }[]; ranges: Map<string, Range> }> {
  const real = new Map<string, number>();
  for (const r of truth) if (r.status !== "-") for (const [id, v] of countsOf(r)) real.set(id, v);
  const published = new Map<string, number>();
  const shown = new Set<string>();
  for (const r of rows) {
    if (r.status === "-") continue;
    // the ids a row shows, withheld or not (a withheld row's values are null: only a published one's are read)
    for (const [id, v] of countsOf(r as IndicatorRow)) {
      shown.add(id);
      if (r.status === "") published.set(id, v);
    }
  }
  // a count a `-` row tells is 0 is known, withheld or not: a constant of the relations. One that the
  // relations then force to 0 is not assumed known (knownRelations, as the protection does): a withheld
  // count pinned so is a failure here, and the protection must have published no `-` that pins it.
  const zeros = knownZeros(rows);
  const all = new Set([...shown].filter((id) => !zeros.has(id)));
  const relations = relationsOf(all, zeros, factsOf(truth, options));
  const hidden = new Set([...all].filter((id) => !published.has(id)));
  const counts: Count[] = [...all].map((id) => ({ id, value: published.get(id) ?? real.get(id) ?? 0 }));
  const result = await audit(counts, hidden, relations, threshold, witnesses);
  let narrowest = Infinity;
  for (const r of result.ranges.values()) narrowest = Math.min(narrowest, r.hi - r.lo);
  return { ok: result.ok, hidden: hidden.size, narrowest, failures: result.failures, ranges: result.ranges };
}
