// The shared code schema (contract §2–§3, §5–§6, §8), read once from schemas/*.json and checked with zod.
// Everything else — validation queries, code tables in DuckDB, labels on pages, the withholding
// model — derives from it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../system/paths.js";

/** The languages of the pages (contract §12): Swedish, Norwegian bokmål, English. */
export const languages = ["sv", "nb", "en"] as const;
export type Language = (typeof languages)[number];
/** A text in every language of the pages: a definition, a unit … (a name is three fields sv, nb, en, as in the code lists). */
export type Localized = Readonly<Record<Language, string>>;

const label = { sv: z.string().min(1), nb: z.string().min(1), en: z.string().min(1) };
/** A text of the schemas in every language; "" where an indicator has none (a count's denominator). */
const localized = z.strictObject({ sv: z.string(), nb: z.string(), en: z.string() });

const CodeEntry = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_]+$/, "codes are ASCII keys"),
  group: z.string().optional(),
  work_or_studies: z.boolean().optional(),
  ...label
});

const CodeList = z.strictObject({ title: z.strictObject(label), codes: z.array(CodeEntry).min(1) });

const CodesFile = z.strictObject({ $comment: z.string().optional(), lists: z.record(z.string(), CodeList) });

export const columnTypes = ["municipality", "month", "date", "year", "person_id", "text", "amount", "code", "integer"] as const;
export type ColumnType = (typeof columnTypes)[number];

const Column = z.strictObject({
  name: z.string().regex(/^[a-z_]+$/),
  type: z.enum(columnTypes),
  list: z.string().optional(),
  /** integer: the smallest and largest value allowed (max absent: no upper bound) */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  column: z.enum(["required", "optional"]),
  value: z.enum(["required", "optional", "conditional"])
});

/** The kinds of contract §2 and §11; a schema that only renders pages may leave out survey and population. */
export const kindNames = ["bistand", "insats", "survey", "population"] as const;
export type KindName = (typeof kindNames)[number];

/** The inbox folder a kind is read from (contract §1): a municipality's own folder, or network/ for reference data. */
export type KindFolder = "municipality" | "network";

const KindEntry = z.strictObject({
  title: z.strictObject({ sv: z.string(), en: z.string() }),
  folder: z.enum(["municipality", "network"]).default("municipality"),
  columns: z.array(Column)
});

const KindsFile = z.strictObject({
  $comment: z.string().optional(),
  kinds: z.strictObject({ bistand: KindEntry, insats: KindEntry, survey: KindEntry.optional(), population: KindEntry.optional() })
});

export const genders = ["K", "M", "T"] as const;
export type Gender = (typeof genders)[number];

const factId = z.string().regex(/^[a-z_]+$/);

const TargetGroupsFile = z.strictObject({
  $comment: z.string().optional(),
  targetGroups: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/),
      ...label,
      definition: localized,
      /** the ages (year − birth year) of the group's rates per 1 000 inhabitants (contract §11), from and to inclusive */
      ages: z.tuple([z.number().int().min(0).max(120), z.number().int().min(0).max(120)]).refine(([from, to]) => from <= to, "ages: from is above to"),
      /** what the definition tells a reader about the report's counts (schemas/counts.json, facts) */
      facts: z.array(factId).optional()
    })
  )
});

const familyId = z.string().regex(/^[A-Z][A-Za-z0-9]*$/, "a count family is a capital letter, then letters or digits");
const term = String.raw`(\d+ *)?[A-Z][A-Za-z0-9]*`;
function sideOf(t: string): string {
  return String.raw`${t}( *\+ *${t})*`;
}
const side = sideOf(term);
const relationText = z
  .string()
  .regex(new RegExp(String.raw`^ *${side} *(=|<=|>=) *${side} *$`), "a relation is terms such as 9 L + R, then =, <= or >=, then terms");

const RelationEntry = {
  holds: relationText,
  genders: z.array(z.enum(genders)).min(1).optional(),
  why: z.string().min(1)
};

const CountsFile = z.strictObject({
  $comment: z.string().optional(),
  counts: z
    .array(
      z.strictObject({
        id: familyId,
        column: z.string().regex(/^[a-z][a-z0-9_]*$/),
        from: z.enum(kindNames),
        additive: z.boolean(),
        what: z.string().min(1)
      })
    )
    .min(1),
  relations: z.array(z.strictObject(RelationEntry)),
  facts: z.array(z.strictObject({
    id: factId,
    ...RelationEntry,
    /** told by the months the data cover (a reader sees them), not by a group's definition: known in every report */
    coverage: z.literal(true).optional()
  }))
});

const IndicatorsFile = z.strictObject({
  $comment: z.string().optional(),
  indicators: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/),
      /** model: a figure of contract §10's model, computed after withholding from the published counts;
       *  rate: per 1 000 inhabitants (contract §11), over a public population that is no count family */
      kind: z.enum(["count", "share", "mean", "rate", "model"]),
      /** decimals of a mean's value (contract §6.4: SEK means whole kronor); counts have 0, shares 1 */
      decimals: z.number().int().min(0).max(2).optional(),
      direction: z.enum(["higher", "lower", "none"]),
      genders: z.array(z.enum(genders)).min(1),
      unit: localized,
      ...label,
      definition: localized,
      numerator: localized,
      denominator: localized,
      /** the count families of the numerator and the denominator, where they are counts (schemas/counts.json) */
      counts: z.strictObject({ numerator: familyId.optional(), denominator: familyId.optional() }).optional(),
      /** false: published only broken down (schemas/breakdowns.json), never as a total row */
      total: z.boolean().optional(),
      /** the reports (target group ids) the indicator belongs to; absent: every report */
      target_groups: z.array(z.string()).min(1).optional()
    })
  )
});

const categoryCode = z.string().regex(/^[A-Za-z0-9_]+$/, "categories are ASCII keys");
const breakdownRelation = z
  .string()
  .regex(
    new RegExp(String.raw`^ *${sideOf(String.raw`(\d+ *)?[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)?`)} *(=|<=|>=) *${sideOf(String.raw`(\d+ *)?[A-Z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)?`)} *$`),
    "a relation is terms such as W or E.work, then =, <= or >=, then terms"
  );

const BreakdownsFile = z.strictObject({
  $comment: z.string().optional(),
  none: z.strictObject(label),
  dimensions: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z][a-z0-9_]*$/),
      list: z.string().optional(),
      none: z.boolean().optional(),
      categories: z
        .array(z.strictObject({ code: categoryCode, from: z.number().int().min(0), to: z.number().int().min(0).optional(), ...label }))
        .min(1)
        .optional(),
      ...label,
      indicators: z
        .array(
          z.strictObject({
            id: z.string(),
            event: z.enum(["participant", "start", "exit"]),
            denominator: z.enum(["category", "total"]).optional()
          })
        )
        .min(1),
      relations: z.array(z.strictObject({ holds: breakdownRelation, why: z.string().min(1) })).optional()
    })
  )
});

export type Code = z.infer<typeof CodeEntry>;
export type CodeListDef = z.infer<typeof CodeList>;
export type ColumnDef = z.infer<typeof Column>;
export type KindDef = { name: KindName; title: { sv: string; en: string }; folder: KindFolder; columns: readonly ColumnDef[] };
export type TargetGroup = z.infer<typeof TargetGroupsFile>["targetGroups"][number];
export type Indicator = z.infer<typeof IndicatorsFile>["indicators"][number];

export type CountFamily = z.infer<typeof CountsFile>["counts"][number];

/** A relation among count families that holds for each of `genders` on its own, e.g. P ≥ 9 L + R. */
export interface CountRelation {
  /** as written in schemas/counts.json */
  readonly holds: string;
  /** left side minus right side, in the order written: Σ coef × family  op  0 */
  readonly terms: readonly (readonly [family: string, coef: number])[];
  readonly op: "=" | "<=" | ">=";
  readonly genders: readonly Gender[];
  readonly why: string;
}

/**
 * What a target group's definition tells a reader (schemas/counts.json facts, named by the groups) — or,
 * `coverage`, what the months the data cover tell a reader in any report, where they cover it.
 */
export interface GroupFactDef extends CountRelation {
  readonly id: string;
  readonly coverage?: true;
}

/** schemas/counts.json: the count families, the relations every reader knows, the target groups' facts. */
export interface Counts {
  readonly families: readonly CountFamily[];
  readonly relations: readonly CountRelation[];
  readonly facts: readonly GroupFactDef[];
}

/** A category of a breakdown (contract §6.3): a code of its list, `none`, or a declared band of whole months. */
export interface Category {
  readonly code: string;
  readonly sv: string;
  readonly nb: string;
  readonly en: string;
  /** duration bands: whole months from start to end, from..to inclusive (to absent: no upper bound) */
  readonly from?: number;
  readonly to?: number;
}

/** A breakdown's indicator: which event its rows count, and whether a share's denominator is the category's or the total's. */
export interface BreakdownIndicator {
  readonly id: string;
  readonly event: "participant" | "start" | "exit";
  readonly denominator: "category" | "total";
}

/** A dimension of contract §6.3 (schemas/breakdowns.json), its categories resolved in order. */
export interface Dimension {
  readonly id: string;
  readonly sv: string;
  readonly nb: string;
  readonly en: string;
  /** the code list its categories come from, if any */
  readonly list?: string;
  readonly categories: readonly Category[];
  readonly indicators: readonly BreakdownIndicator[];
  /** the count families it breaks down: its indicators' numerators, and denominators unless of the total */
  readonly families: readonly string[];
  /** relations a reader knows across its categories; families in terms are countFamily(family, dimension, category) */
  readonly relations: readonly CountRelation[];
}

/** The id of family F's count in one category of a dimension, as the withholding model names counts. */
export function categoryFamily(family: string, dimension: string, category: string): string {
  return `${family}.${dimension}.${category}`;
}

export interface Schema {
  readonly lists: Readonly<Record<string, CodeListDef>>;
  /** the kinds schemas/kinds.json declares: bistand and insats always (kindsOf lists them all) */
  readonly kinds: Readonly<Record<"bistand" | "insats", KindDef>> & Readonly<Partial<Record<KindName, KindDef>>>;
  readonly targetGroups: readonly TargetGroup[];
  readonly indicators: readonly Indicator[];
  /** absent in a schema without schemas/counts.json (one that only renders pages); then no indicator names counts */
  readonly counts?: Counts;
  /** the breakdowns of contract §6.3 (schemas/breakdowns.json; none without that file) */
  readonly dimensions: readonly Dimension[];
}

function readJson(dir: string, name: string): unknown {
  return JSON.parse(readFileSync(join(dir, name), "utf8"));
}

function parse<T>(what: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`invalid ${what}: ${z.prettifyError(result.error)}`);
  return result.data;
}

/** Reads and checks schemas/*.json; throws a terse error naming the file and problem. */
export function loadSchema(dir = join(packageRoot, "schemas")): Schema {
  const codes = parse("schemas/codes.json", CodesFile, readJson(dir, "codes.json"));
  const kinds = parse("schemas/kinds.json", KindsFile, readJson(dir, "kinds.json"));
  const groups = parse("schemas/target-groups.json", TargetGroupsFile, readJson(dir, "target-groups.json"));
  const indicators = parse("schemas/indicators.json", IndicatorsFile, readJson(dir, "indicators.json"));
  const counts = existsSync(join(dir, "counts.json")) ? parse("schemas/counts.json", CountsFile, readJson(dir, "counts.json")) : undefined;
  const breakdowns = existsSync(join(dir, "breakdowns.json")) ? parse("schemas/breakdowns.json", BreakdownsFile, readJson(dir, "breakdowns.json")) : undefined;

  for (const name of ["reason", "reason_group", "measure", "exit_reason", "need_category", "gender", "role", "referred_by"]) {
    if (!codes.lists[name]) throw new Error(`invalid schemas/codes.json: missing code list ${name}`);
  }
  const groupCodes = new Set(codes.lists.reason_group.codes.map((c) => c.code));
  for (const c of codes.lists.reason.codes) {
    if (!c.group || !groupCodes.has(c.group)) throw new Error(`invalid reason group of ${c.code}: ${c.group}`);
  }
  for (const c of codes.lists.exit_reason.codes) {
    if (c.work_or_studies === undefined) throw new Error(`exit reason without work_or_studies: ${c.code}`);
  }
  for (const [list, def] of Object.entries(codes.lists)) {
    const seen = new Set<string>();
    for (const c of def.codes) {
      if (seen.has(c.code)) throw new Error(`duplicate code in ${list}: ${c.code}`);
      seen.add(c.code);
    }
  }
  const kindDefs = {} as Record<KindName, KindDef>;
  for (const name of kindNames) {
    const k = kinds.kinds[name];
    if (!k) continue;
    for (const col of k.columns) {
      if (col.type === "code" && (!col.list || !codes.lists[col.list])) {
        throw new Error(`invalid schemas/kinds.json: column ${name}.${col.name} has unknown list ${col.list}`);
      }
      if ((col.type === "integer") !== (col.min !== undefined) || (col.max !== undefined && (col.min === undefined || col.max < col.min))) {
        throw new Error(`invalid schemas/kinds.json: column ${name}.${col.name}: an integer column has a min (and a max not below it), no other column has either`);
      }
    }
    kindDefs[name] = { name, title: k.title, folder: k.folder, columns: k.columns };
  }
  const countsDef = counts && checkCounts(counts, indicators.indicators, groups.targetGroups);
  if (!counts) {
    const named = indicators.indicators.find((i) => i.counts)?.id ?? groups.targetGroups.find((t) => t.facts)?.id;
    if (named) throw new Error(`invalid schemas: ${named} names counts, but there is no schemas/counts.json`);
  }
  const groupIds = new Set(groups.targetGroups.map((t) => t.id));
  for (const i of indicators.indicators) {
    for (const t of i.target_groups ?? []) {
      if (!groupIds.has(t)) throw new Error(`invalid schemas/indicators.json: ${i.id} names unknown target group ${t}`);
    }
  }
  const dimensions = breakdowns ? checkBreakdowns(breakdowns, codes.lists, indicators.indicators) : [];
  for (const i of indicators.indicators) {
    if (i.total === false && !dimensions.some((d) => d.indicators.some((x) => x.id === i.id))) {
      throw new Error(`invalid schemas/indicators.json: ${i.id} has no total row and no breakdown (schemas/breakdowns.json)`);
    }
  }
  return deepFreeze({
    lists: codes.lists,
    kinds: kindDefs,
    targetGroups: groups.targetGroups,
    indicators: indicators.indicators,
    ...(countsDef ? { counts: countsDef } : {}),
    dimensions
  });
}

/** Checks schemas/breakdowns.json against the code lists and indicators; resolves categories, families and relations. */
function checkBreakdowns(
  file: z.infer<typeof BreakdownsFile>,
  lists: Readonly<Record<string, CodeListDef>>,
  indicators: readonly Indicator[]
): Dimension[] {
  const bad = (problem: string) => new Error(`invalid schemas/breakdowns.json: ${problem}`);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  return file.dimensions.map((d): Dimension => {
    if (seen.has(d.id)) throw bad(`duplicate dimension ${d.id}`);
    seen.add(d.id);
    if ((d.list === undefined) === (d.categories === undefined)) throw bad(`${d.id} needs either list or categories`);
    let categories: Category[];
    if (d.list !== undefined) {
      const list = lists[d.list];
      if (!list) throw bad(`${d.id} names unknown code list ${d.list}`);
      categories = list.codes.map(({ code, sv, nb, en }) => ({ code, sv, nb, en }));
    } else {
      const bands = d.categories!;
      categories = bands.map((c) => ({ ...c }));
      for (const [k, c] of bands.entries()) {
        const next = bands[k + 1];
        if (c.to !== undefined && c.to < c.from) throw bad(`${d.id}: ${c.code} ends before it starts`);
        if (next ? c.to === undefined || next.from !== c.to + 1 : c.to !== undefined) throw bad(`${d.id}: the bands must follow each other without gaps, the last without an end`);
      }
      if (bands[0].from !== 0) throw bad(`${d.id}: the first band must start at 0`);
    }
    if (d.none) categories.push({ code: "none", ...file.none });
    if (new Set(categories.map((c) => c.code)).size !== categories.length) throw bad(`${d.id} lists a category twice`);
    const families: string[] = [];
    const out: BreakdownIndicator[] = d.indicators.map((x) => {
      const i = byId.get(x.id);
      if (!i) throw bad(`${d.id} breaks down unknown indicator ${x.id}`);
      if (!i.counts?.numerator) throw bad(`${d.id}: ${x.id} names no counts`);
      const denominator = x.denominator ?? "category";
      if (denominator === "total" && i.kind !== "share") throw bad(`${d.id}: only a share can have the total as denominator (${x.id})`);
      for (const f of [i.counts.numerator, denominator === "category" ? i.counts.denominator : undefined]) {
        if (f !== undefined && !families.includes(f)) families.push(f);
      }
      return { id: x.id, event: x.event, denominator };
    });
    const codes = new Set(categories.map((c) => c.code));
    const relations = (d.relations ?? []).map((r): CountRelation => {
      const [left, op, right] = r.holds.split(/(<=|>=|=)/).map((x) => x.trim());
      const terms: [string, number][] = [];
      for (const [part, sign] of [[left, 1], [right, -1]] as const) {
        for (const t of part.split("+")) {
          const [, coef, family, category] = /^(\d+)? *([A-Z][A-Za-z0-9]*)(?:\.(\S+))?$/.exec(t.trim())!;
          if (category !== undefined && !codes.has(category)) throw bad(`"${r.holds}" names unknown category ${category} of ${d.id}`);
          if (category !== undefined && !families.includes(family)) throw bad(`"${r.holds}": ${d.id} does not break down ${family}`);
          terms.push([category === undefined ? family : categoryFamily(family, d.id, category), sign * Number(coef ?? 1)]);
        }
      }
      return { holds: r.holds, terms, op: op as CountRelation["op"], genders, why: r.why };
    });
    return { id: d.id, sv: d.sv, nb: d.nb, en: d.en, ...(d.list ? { list: d.list } : {}), categories, indicators: out, families, relations };
  });
}

/** Checks schemas/counts.json and what indicators and target groups name in it; parses the relations. */
function checkCounts(file: z.infer<typeof CountsFile>, indicators: readonly Indicator[], groups: readonly TargetGroup[]): Counts {
  const bad = (where: string, problem: string) => new Error(`invalid schemas/${where}: ${problem}`);
  const families = new Set<string>();
  const columns = new Set<string>();
  for (const f of file.counts) {
    if (families.has(f.id)) throw bad("counts.json", `duplicate count family ${f.id}`);
    if (columns.has(f.column)) throw bad("counts.json", `duplicate column ${f.column}`);
    families.add(f.id);
    columns.add(f.column);
  }
  const relation = (r: z.infer<z.ZodObject<typeof RelationEntry>>): CountRelation => {
    const [left, op, right] = r.holds.split(/(<=|>=|=)/).map((x) => x.trim());
    const terms: [string, number][] = [];
    for (const [part, sign] of [[left, 1], [right, -1]] as const) {
      for (const t of part.split("+")) {
        const [, coef, family] = /^(\d+)? *(\S+)$/.exec(t.trim())!;
        if (!families.has(family)) throw bad("counts.json", `"${r.holds}" names unknown count family ${family}`);
        if (terms.some(([f]) => f === family)) throw bad("counts.json", `"${r.holds}" names ${family} twice`);
        terms.push([family, sign * Number(coef ?? 1)]);
      }
    }
    return { holds: r.holds, terms, op: op as CountRelation["op"], genders: r.genders ?? genders, why: r.why };
  };
  const facts = file.facts.map((f): GroupFactDef => ({ id: f.id, ...relation(f), ...(f.coverage ? { coverage: true } : {}) }));
  const factIds = new Set<string>();
  for (const f of facts) {
    if (factIds.has(f.id)) throw bad("counts.json", `duplicate fact ${f.id}`);
    factIds.add(f.id);
  }
  for (const i of indicators) {
    if (i.kind === "model") {
      if (i.counts) throw bad("indicators.json", `model figure ${i.id} rests on published counts and names none of its own`);
      continue;
    }
    if (!i.counts) throw bad("indicators.json", `${i.id} names no counts`);
    const { numerator, denominator } = i.counts;
    for (const f of [numerator, denominator]) if (f !== undefined && !families.has(f)) throw bad("indicators.json", `${i.id} counts unknown family ${f}`);
    if (i.kind === "count" && (numerator === undefined || denominator !== undefined)) throw bad("indicators.json", `count ${i.id} counts a numerator and no denominator`);
    if (i.kind === "share" && (numerator === undefined || denominator === undefined)) throw bad("indicators.json", `share ${i.id} counts a numerator and a denominator`);
    if (i.kind === "rate" && (numerator === undefined || denominator !== undefined)) throw bad("indicators.json", `rate ${i.id} counts a numerator and no denominator (its population is public)`);
  }
  for (const t of groups) {
    if (!t.facts) throw bad("target-groups.json", `${t.id} names no facts`);
    for (const f of t.facts) {
      if (!factIds.has(f)) throw bad("target-groups.json", `${t.id} names unknown fact ${f}`);
      if (facts.find((d) => d.id === f)!.coverage) throw bad("target-groups.json", `${t.id} names ${f}, which coverage tells in every report`);
    }
  }
  return { families: file.counts, relations: file.relations.map(relation), facts };
}

/** Whether an indicator belongs to a report (its `target_groups`; without them, every report). */
export function inReport(i: Pick<Indicator, "target_groups">, targetGroup: string): boolean {
  return i.target_groups === undefined || i.target_groups.includes(targetGroup);
}

/** The indicators of one report, in the schema's order. */
export function reportIndicators<I extends Pick<Indicator, "target_groups">>(indicators: readonly I[], targetGroup: string): I[] {
  return indicators.filter((i) => inReport(i, targetGroup));
}

/** Decimals of an indicator's published value: counts 0, shares and rates 1, means as declared (default 2). */
export function decimalsOf(i: Pick<Indicator, "kind" | "decimals">): number {
  return i.kind === "count" ? 0 : i.kind === "share" || i.kind === "rate" ? 1 : (i.decimals ?? 2);
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

let cached: Schema | undefined;
/** The schema of this package, loaded once. */
export function schema(): Schema {
  return (cached ??= loadSchema());
}

/** The kinds the schema declares, in kindNames order. */
export function kindsOf(s: Schema): KindName[] {
  return kindNames.filter((k) => s.kinds[k] !== undefined);
}

/** A kind's definition; throws for a kind the schema does not declare. */
export function kindDef(s: Schema, kind: KindName): KindDef {
  const def = s.kinds[kind];
  if (!def) throw new Error(`the schema declares no kind ${kind} (schemas/kinds.json)`);
  return def;
}

/** The codes of a list, as an array of strings. */
export function codesOf(s: Schema, list: string): string[] {
  const def = s.lists[list];
  if (!def) throw new Error(`unknown code list: ${list}`);
  return def.codes.map((c) => c.code);
}

export function labelOf(s: Schema, list: string, code: string, lang: Language = "sv"): string {
  const c = s.lists[list]?.codes.find((c) => c.code === code);
  if (!c) throw new Error(`unknown ${list} code: ${code}`);
  return c[lang];
}
