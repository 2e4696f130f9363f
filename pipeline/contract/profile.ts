// Municipality dialects (contract §4): one declarative JSON file per dialect in schemas/profiles/,
// mapping a case system's column names, codes and date formats onto the contract. Checked with zod
// at start-up: an unknown key, or a mapping onto a column or code the contract does not have, is an
// error that names the file.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { schemasDir } from "../system/paths.js";
import { deepFreeze, type Schema } from "./schema.js";

export const dateColumns = ["month", "start_date", "end_date"] as const;

const ProfileFile = z.strictObject({
  $comment: z.string().optional(),
  name: z.string().regex(/^[a-z0-9-]+$/, "profile names are lower-case letters, digits and -"),
  description: z.string().min(1),
  /** The municipalities (4-digit codes) whose uploads use this dialect. */
  municipalities: z.array(z.string().regex(/^\d{4}$/)).default([]),
  /** Source header → contract column. Headers are matched trimmed and case-insensitively. */
  columns: z.record(z.string().min(1), z.string()).default({}),
  /** Contract column → (source value → contract code). Values are matched trimmed and case-insensitively. */
  codes: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Contract date column → strptime format of the source, e.g. "%Y%m" or "%d.%m.%Y". */
  formats: z.partialRecord(z.enum(dateColumns), z.string().regex(/%[Ymd]/, "a strptime format such as %Y-%m-%d")).default({})
});

export interface Profile {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly municipalities: readonly string[];
  /** lower-cased trimmed source header → contract column */
  readonly columns: Readonly<Record<string, string>>;
  /** contract column → lower-cased trimmed source value → contract code */
  readonly codes: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** contract column → source value as written in the profile, for messages */
  readonly sourceValues: Readonly<Record<string, readonly string[]>>;
  readonly formats: Readonly<Partial<Record<(typeof dateColumns)[number], string>>>;
}

export const normaliseKey = (s: string) => s.trim().toLowerCase();

/** Checks one parsed profile file against the schema; throws naming the file and problem. */
export function checkProfile(file: string, raw: unknown, s: Schema): Profile {
  const parsed = ProfileFile.safeParse(raw);
  if (!parsed.success) throw new Error(`invalid profile ${file}: ${z.prettifyError(parsed.error)}`);
  const p = parsed.data;
  const allColumns = new Map<string, { type: string; list?: string }>();
  for (const kind of Object.values(s.kinds)) for (const c of kind.columns) allColumns.set(c.name, c);

  const columns: Record<string, string> = {};
  for (const [source, target] of Object.entries(p.columns)) {
    if (!allColumns.has(target)) {
      throw new Error(`invalid profile ${file}: column "${source}" maps to ${target}, which is not a contract column (${[...allColumns.keys()].join(", ")})`);
    }
    const key = normaliseKey(source);
    if (columns[key] && columns[key] !== target) throw new Error(`invalid profile ${file}: column "${source}" is mapped twice`);
    columns[key] = target;
  }
  const codes: Record<string, Record<string, string>> = {};
  const sourceValues: Record<string, string[]> = {};
  for (const [column, map] of Object.entries(p.codes)) {
    const def = allColumns.get(column);
    if (!def || (def.type !== "code" && def.type !== "municipality")) {
      throw new Error(`invalid profile ${file}: codes.${column}: ${column} is not a coded contract column`);
    }
    const valid = def.type === "code" ? new Set(s.lists[def.list!].codes.map((c) => c.code)) : undefined;
    codes[column] = {};
    sourceValues[column] = [];
    for (const [source, target] of Object.entries(map)) {
      if (valid ? !valid.has(target) : !/^\d{4}$/.test(target)) {
        const expected = valid ? [...valid].join(", ") : "a 4-digit municipality code";
        throw new Error(`invalid profile ${file}: codes.${column}: "${source}" maps to "${target}", which is not a shared code (${expected})`);
      }
      const key = normaliseKey(source);
      if (codes[column][key] && codes[column][key] !== target) {
        throw new Error(`invalid profile ${file}: codes.${column}: "${source}" is mapped twice`);
      }
      codes[column][key] = target;
      sourceValues[column].push(source);
    }
  }
  return deepFreeze({
    name: p.name,
    description: p.description,
    file,
    municipalities: p.municipalities,
    columns,
    codes,
    sourceValues,
    formats: p.formats
  });
}

export interface Profiles {
  readonly byName: ReadonlyMap<string, Profile>;
  readonly byMunicipality: ReadonlyMap<string, Profile>;
}

/** Loads every schemas/profiles/*.json; a broken profile is a start-up error. */
export function loadProfiles(s: Schema, dir = join(schemasDir, "profiles")): Profiles {
  const byName = new Map<string, Profile>();
  const byMunicipality = new Map<string, Profile>();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  for (const f of files) {
    const path = join(dir, f);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, "utf8"));
    } catch (e) {
      throw new Error(`invalid profile ${path}: ${(e as Error).message}`);
    }
    const profile = checkProfile(path, raw, s);
    if (basename(f, ".json") !== profile.name) throw new Error(`invalid profile ${path}: name "${profile.name}" differs from the file name`);
    if (byName.has(profile.name)) throw new Error(`duplicate profile name: ${profile.name}`);
    byName.set(profile.name, profile);
    for (const m of profile.municipalities) {
      const other = byMunicipality.get(m);
      if (other) throw new Error(`municipality ${m} has two profiles: ${other.name} and ${profile.name}`);
      byMunicipality.set(m, profile);
    }
  }
  return { byName, byMunicipality };
}
