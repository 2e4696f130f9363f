// The shared code schema (contract §2–§3, §5–§6), read once from schemas/*.json and checked with zod.
// Everything else — validation queries, code tables in DuckDB, labels on pages — derives from it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../system/paths.js";

const label = { sv: z.string().min(1), nb: z.string().min(1), en: z.string().min(1) };

const CodeEntry = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_]+$/, "codes are ASCII keys"),
  group: z.string().optional(),
  work_or_studies: z.boolean().optional(),
  ...label
});

const CodeList = z.strictObject({ title: z.strictObject(label), codes: z.array(CodeEntry).min(1) });

const CodesFile = z.strictObject({ $comment: z.string().optional(), lists: z.record(z.string(), CodeList) });

export const columnTypes = ["municipality", "month", "date", "year", "person_id", "text", "amount", "code"] as const;
export type ColumnType = (typeof columnTypes)[number];

const Column = z.strictObject({
  name: z.string().regex(/^[a-z_]+$/),
  type: z.enum(columnTypes),
  list: z.string().optional(),
  column: z.enum(["required", "optional"]),
  value: z.enum(["required", "optional", "conditional"])
});

export const kindNames = ["bistand", "insats"] as const;
export type KindName = (typeof kindNames)[number];

const KindsFile = z.strictObject({
  $comment: z.string().optional(),
  kinds: z.strictObject({
    bistand: z.strictObject({ title: z.strictObject({ sv: z.string(), en: z.string() }), columns: z.array(Column) }),
    insats: z.strictObject({ title: z.strictObject({ sv: z.string(), en: z.string() }), columns: z.array(Column) })
  })
});

export const genders = ["K", "M", "T"] as const;
export type Gender = (typeof genders)[number];

const TargetGroupsFile = z.strictObject({
  $comment: z.string().optional(),
  targetGroups: z.array(
    z.strictObject({ id: z.string().regex(/^[a-z_]+$/), sv: z.string(), en: z.string(), definition: z.string() })
  )
});

const IndicatorsFile = z.strictObject({
  $comment: z.string().optional(),
  indicators: z.array(
    z.strictObject({
      id: z.string().regex(/^[a-z_]+$/),
      kind: z.enum(["count", "share", "mean"]),
      direction: z.enum(["higher", "lower", "none"]),
      genders: z.array(z.enum(genders)).min(1),
      unit: z.string(),
      sv: z.string(),
      en: z.string(),
      definition: z.string(),
      numerator: z.string(),
      denominator: z.string()
    })
  )
});

export type Code = z.infer<typeof CodeEntry>;
export type CodeListDef = z.infer<typeof CodeList>;
export type ColumnDef = z.infer<typeof Column>;
export type KindDef = { name: KindName; title: { sv: string; en: string }; columns: readonly ColumnDef[] };
export type TargetGroup = z.infer<typeof TargetGroupsFile>["targetGroups"][number];
export type Indicator = z.infer<typeof IndicatorsFile>["indicators"][number];

export interface Schema {
  readonly lists: Readonly<Record<string, CodeListDef>>;
  readonly kinds: Readonly<Record<KindName, KindDef>>;
  readonly targetGroups: readonly TargetGroup[];
  readonly indicators: readonly Indicator[];
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
    for (const col of k.columns) {
      if (col.type === "code" && (!col.list || !codes.lists[col.list])) {
        throw new Error(`invalid schemas/kinds.json: column ${name}.${col.name} has unknown list ${col.list}`);
      }
    }
    kindDefs[name] = { name, title: k.title, columns: k.columns };
  }
  return deepFreeze({ lists: codes.lists, kinds: kindDefs, targetGroups: groups.targetGroups, indicators: indicators.indicators });
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

/** The codes of a list, as an array of strings. */
export function codesOf(s: Schema, list: string): string[] {
  const def = s.lists[list];
  if (!def) throw new Error(`unknown code list: ${list}`);
  return def.codes.map((c) => c.code);
}

export function labelOf(s: Schema, list: string, code: string, lang: "sv" | "nb" | "en" = "sv"): string {
  const c = s.lists[list]?.codes.find((c) => c.code === code);
  if (!c) throw new Error(`unknown ${list} code: ${code}`);
  return c[lang];
}
