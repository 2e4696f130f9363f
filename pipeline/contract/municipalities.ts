// Official municipality codes and names (schemas/municipalities.json): Sweden's 290 from SCB and
// Norway's from SSB's KLASS 131, each code with the years it was valid and, for a code that ended,
// the codes that replaced it (Norway's reforms of 2020 and 2024). Codes collide between the two
// countries (1860 is Laxå in Sweden and Vestvågøy in Norway), so every lookup is per country: a
// caller that knows the network's country passes it, and without one Sweden is tried first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { schemasDir } from "../system/paths.js";
import type { Language } from "./schema.js";

export const countries = ["SE", "NO"] as const;
export type Country = (typeof countries)[number];

/**
 * The country a network's language tells (settings, contract §12): Norwegian pages are a Norwegian
 * network's, whose municipality a code both countries have names first (1860 is Vestvågøy, not Laxå).
 * Swedish and English pages tell nothing: Swedish is the default, and a network of either country may
 * publish in English. A code is valid in either country whatever the network's (checkMunicipality).
 */
export function countryOf(language: Language | undefined): Country | undefined {
  return language === "nb" ? "NO" : undefined;
}

const Code = z.string().regex(/^\d{4}$/);
const Year = z.number().int().min(1800).max(2200);
const Entry = z.strictObject({
  name: z.string().min(1),
  /** earlier names: year → the name an official list gave up to and including that year */
  names: z.record(z.string().regex(/^\d{4}$/), z.string().min(1)).optional(),
  from: Year.optional(),
  to: Year.optional(),
  replacedBy: z.array(Code).min(1).optional()
});
const File = z.strictObject({
  $comment: z.string().optional(),
  sources: z.record(z.enum(countries), z.array(z.string().min(1))),
  SE: z.record(Code, Entry),
  NO: z.record(Code, Entry)
});

export interface Municipality {
  readonly country: Country;
  readonly code: string;
  /** the latest official name */
  readonly name: string;
  /** first and last calendar year the code was valid; null: before the lists begin / still valid */
  readonly from: number | null;
  readonly to: number | null;
  /** the codes that took over in year `to + 1` (several when the municipality was divided) */
  readonly replacedBy: readonly string[];
  /** earlier names, by the last year each was used, ascending */
  readonly names: readonly (readonly [year: number, name: string])[];
}

type Registry = Readonly<Record<Country, ReadonlyMap<string, Municipality>>>;
let registry: Registry | undefined;

function load(): Registry {
  const raw = File.parse(JSON.parse(readFileSync(join(schemasDir, "municipalities.json"), "utf8")));
  const byCountry = {} as Record<Country, Map<string, Municipality>>;
  for (const country of countries) {
    const m = new Map<string, Municipality>();
    for (const [code, e] of Object.entries(raw[country])) {
      m.set(code, {
        country, code, name: e.name, from: e.from ?? null, to: e.to ?? null, replacedBy: e.replacedBy ?? [],
        names: Object.entries(e.names ?? {}).map(([y, n]) => [Number(y), n] as const).sort((a, b) => a[0] - b[0])
      });
    }
    for (const e of m.values()) {
      if (e.from !== null && e.to !== null && e.from > e.to) throw new Error(`municipalities.json: ${country} ${e.code} valid from ${e.from} to ${e.to}`);
      if (e.replacedBy.length > 0 && e.to === null) throw new Error(`municipalities.json: ${country} ${e.code} is replaced but has no last year`);
      for (const r of e.replacedBy) if (!m.has(r)) throw new Error(`municipalities.json: ${country} ${e.code} is replaced by unknown ${r}`);
    }
    byCountry[country] = m;
  }
  return byCountry;
}

const all = (): Registry => (registry ??= load());

/** Every municipality code of a country, valid or not, in code order. */
export function municipalities(country: Country): Municipality[] {
  return [...all()[country].values()].sort((a, b) => a.code.localeCompare(b.code));
}

export const validIn = (m: Municipality, year: number): boolean => (m.from === null || m.from <= year) && (m.to === null || year <= m.to);

/** The name of a municipality in a year: the earliest earlier name still in use that year, else the latest. */
function nameIn(m: Municipality, year: number | undefined): string {
  if (year !== undefined) for (const [last, name] of m.names) if (year <= last) return name;
  return m.name;
}

/** The entries of a code, the preferred country's first, then Sweden's, then Norway's. */
function entriesOf(code: string, country?: Country): Municipality[] {
  const order = country ? [country, ...countries.filter((c) => c !== country)] : countries;
  return order.flatMap((c) => all()[c].get(code) ?? []);
}

/**
 * A municipality's name from the official lists, or the code itself when no list knows it. With a
 * year, the name of the municipality whose code it was that year (and the name it had then); with a
 * country, that country's municipality first (without one, Sweden's first).
 */
export function municipalityName(code: string, year?: number, country?: Country): string {
  const entries = entriesOf(code, country);
  if (entries.length === 0) return code;
  const pick = (year !== undefined ? entries.find((e) => validIn(e, year)) : entries.find((e) => e.to === null)) ?? entries[0];
  return nameIn(pick, year);
}

/** A code that replaced another, and the year it took over. */
export interface Successor {
  readonly code: string;
  readonly name: string;
  readonly from: number;
}

export type MunicipalityCheck =
  /** valid in every year; `also`: the other country's municipality with the same code, valid too */
  | { readonly ok: true; readonly country: Country; readonly code: string; readonly name: string; readonly also: readonly { country: Country; name: string }[] }
  /** no official list of either country has the code */
  | { readonly ok: false; readonly reason: "unknown"; readonly code: string }
  /** the code had ended by some of the years: what replaced it, step by step up to today's codes */
  | {
      readonly ok: false; readonly reason: "replaced"; readonly code: string; readonly country: Country; readonly name: string;
      readonly to: number; readonly years: readonly number[]; readonly successors: readonly Successor[];
    }
  /** the code was valid in other years only (not yet, or ended without a successor) */
  | {
      readonly ok: false; readonly reason: "other_years"; readonly code: string; readonly country: Country; readonly name: string;
      readonly from: number | null; readonly to: number | null; readonly years: readonly number[];
    };

/** The codes that replaced `m`, and what replaced those, in the order they took over. */
function successorsOf(m: Municipality): Successor[] {
  const out: Successor[] = [];
  const seen = new Set<string>();
  let step: Municipality[] = [m];
  while (step.length > 0) {
    const next: Municipality[] = [];
    for (const e of step) {
      for (const code of e.replacedBy) {
        if (seen.has(code)) continue;
        seen.add(code);
        const s = all()[m.country].get(code)!;
        out.push({ code, name: nameIn(s, e.to! + 1), from: e.to! + 1 });
        next.push(s);
      }
    }
    step = next;
  }
  return out;
}

/**
 * Whether `code` is a municipality in every one of `years` (an extract's calendar years), in either
 * country — the preferred one first. If not, why: unknown, replaced (with its successors), or valid
 * in other years only; for the country whose municipality comes closest (the preferred country's,
 * else one valid in some of the years, else one that was replaced).
 */
export function checkMunicipality(code: string, years: readonly number[], country?: Country): MunicipalityCheck {
  const entries = entriesOf(code, country);
  if (entries.length === 0) return { ok: false, reason: "unknown", code };
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const valid = entries.filter((e) => ys.every((y) => validIn(e, y)));
  const last = ys[ys.length - 1];
  if (valid.length > 0) {
    const [m, ...others] = valid;
    return { ok: true, country: m.country, code, name: nameIn(m, last), also: others.map((o) => ({ country: o.country, name: nameIn(o, last) })) };
  }
  const m =
    (country && entries.find((e) => e.country === country)) ??
    entries.find((e) => ys.some((y) => validIn(e, y))) ??
    entries.find((e) => e.replacedBy.length > 0) ??
    entries[0];
  const invalid = ys.filter((y) => !validIn(m, y));
  const name = nameIn(m, m.to ?? last);
  if (m.to !== null && m.replacedBy.length > 0 && invalid.some((y) => y > m.to!)) {
    return { ok: false, reason: "replaced", code, country: m.country, name, to: m.to, years: invalid, successors: successorsOf(m) };
  }
  return { ok: false, reason: "other_years", code, country: m.country, name, from: m.from, to: m.to, years: invalid };
}
